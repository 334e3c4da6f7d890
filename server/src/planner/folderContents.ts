// "empty the build folder", "delete everything inside tmp", "clear out the
// contents of cache": what is in a folder goes, the folder stays. A plan that
// deletes the folder itself (`rm -r build`, `rmdir build`, `find build
// -delete`) does more than was asked.

import type { CommandFact } from '../policy/factsTypes';
import type { Intent } from './intent';
import { programName } from '../shell/programs';
import { placeInWords } from './requestPlaces';
import { escapeRegExp } from './corpus';

const folderWord = String.raw`(?:(?:the|a|my|our|your|this|that)\s+)?(?:(?:folder|directory|dir)\s+)?(?:(?:called|named)\s+)?`;

// "… but the 5 newest", "except notes.txt", "that are older than a week": some of what is in it only.
const someOnly = /\b(?:not (?:everything|all)|except\w*|exclud\w*|but|other than|apart from|save for|keep\w*|preserv\w*|leav\w*|spar\w*|unless|if|that|which|whose|older|newer|bigger|larger|smaller|containing|matching|ending|starting|with)\b/;

// The working folder in words ("the current folder", "this directory", "here"), or a folder's name.
const place = String.raw`((?:current|working|present|this)(?:\s+working)?\s+(?:folder|directory|dir)|here|\$\{?\w+\}?|[\w.~/-]*\w)`;
// ... "wipe logs clean", "purge backup": emptied as well.
// ... but "remove the empty folder edi" deletes the folder: there "empty" says which.
const emptied = new RegExp(String.raw`(?<!\b(?:the|an?|all|any|only|every|each|remov\w*|delet\w*|eras\w*|rm|rmdir)\s+)\b(?:empty|clean|clear|wipe|purge)(?:\s+out)?\s+${folderWord}(?:(?:whole|entire)\s+)?['"]?${place}(?!['"]?(?:\s+(?:folder|directory|dir))?\s+of\b)`, 'g');
const inside = new RegExp(String.raw`\b(?:everything|anything|all\s+(?:of\s+)?(?:the\s+)?(?:files(?:\s+and\s+(?:sub)?(?:folders|directories))?|contents?|stuff|entries)|(?:the\s+)?contents?|whatever(?:\s+is)?)\s+(?:that\s+is\s+|that's\s+)?(?:in|inside|within|under|of|from)\s+${folderWord}['"]?${place}`, 'g');

// "the build folder contents", "the build folder's contents".
const contentsAfter = new RegExp(String.raw`(?<![\w$])${place}\s+(?:folder|directory|dir)(?:'s)?\s+contents?\b`, 'g');

/** The folders whose contents, and not they, the request asks to delete. */
export function contentsAskedOf(intent: Intent): string[] {
  if (!intent.actions.includes('delete')) return [];
  return contentsNamed(intent.words).filter((f) => f !== 'out' || intent.scope.includes('out'));
}

/** The folders the words ask to empty, whatever the request's acts. */
export function contentsNamed(words: string): string[] {
  if (someOnly.test(words)) return [];
  // ... a folder named in words is also where it points: "the tmp folder" is ./tmp or /tmp, "the home folder" ~.
  const named = [...words.matchAll(emptied), ...words.matchAll(inside), ...words.matchAll(contentsAfter)].flatMap((m) => [m[1], placeInWords(words.slice(m.index + m[0].length - m[1].length)) ?? []].flat());
  const folders = named.map((n) => (/\s|^here$/.test(n) ? '.' : n.replace(/^\.\/(?=.)/, '').replace(/(?<=.)\/+$/, '')));
  // "empty app.log" truncates a file; "the" or "it" names no folder, nor does "out" of "clear out", unless it is named as one ("clear out the out folder").
  return [...new Set(folders.filter((f) => !/^(?:the|it|them|this|that|all)$/.test(f) && !/\.\w{1,8}$/.test(f)))];
}

/** Whether find's name pattern (`*`, `?`, `[...]`) matches `name`. */
function globMatches(pattern: string, name: string, ignoreCase: boolean): boolean {
  const source = pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  try {
    return new RegExp(`^${source}$`, ignoreCase ? 'i' : '').test(name);
  } catch {
    return true;
  }
}

/** Whether `c` deletes the folder `dir` itself, not only what is in it. */
function deletesFolder(c: CommandFact, dir: string): boolean {
  const same = (p: string) => {
    const path = p.replace(/^\.\/(?=.)/, '').replace(/(?<=.)\/+$/, '');
    return path === dir || (dir.startsWith('$') && path.toLowerCase() === dir);
  };
  if (programName(c.program) === 'find') {
    // find deletes its start too (once empty), unless it keeps to what is below it.
    const start = c.args.find((a) => !a.startsWith('-'));
    const below = c.args.some((a, i) => a === '-mindepth' && Number(c.args[i + 1]) >= 1);
    // ... and never when it picks files or links only (-type f).
    const filesOnly = c.args.some((a, i) => a === '-type' && /^[fl]$/.test(c.args[i + 1] ?? ''));
    // ... nor when a name test leaves it out (`find logs -name '*.log' -delete`).
    const base = dir.slice(dir.lastIndexOf('/') + 1);
    const namedOut = c.args.some((a, i) => /^-i?name$/.test(a) && !/^(?:!|-not)$/.test(c.args[i - 1] ?? '') && !globMatches(c.args[i + 1] ?? '', base, a === '-iname'));
    return start !== undefined && same(start) && !below && !filesOnly && !namedOut && (c.flags.includes('delete') || c.deletes.length > 0);
  }
  // "*recursive*": any folder taken with what it holds (`rm -r`).
  if (dir === '*recursive*') return programName(c.program) === 'rm' && c.flags.some((f) => /^(?:r|R|recursive)$/.test(f));
  return c.deletes.some((p) => !p.glob && !p.dynamic && same(p.path));
}

// Everything a folder holds, its folders too ("all the files in build" are its files only).
export const allOfIt = /\b(?:everything|anything|whatever|all\s+(?:of\s+)?(?:the\s+|its\s+)?(?:contents?|stuff|entries)|contents?|empty|clean|clear|wipe|purge)\b/;

/** A find from `dir` that deletes files only (`-type f`), keeping every folder below it. */
function filesOnlyFrom(c: CommandFact, dir: string): boolean {
  if (programName(c.program) !== 'find' || (c.args.find((a) => !a.startsWith('-')) ?? '').replace(/^\.\//, '').replace(/\/+$/, '') !== dir) return false;
  const filesOnly = c.args.some((a, i) => a === '-type' && c.args[i + 1] === 'f' && !/^(?:!|-not)$/.test(c.args[i - 1] ?? ''));
  const removes = c.args.some((a, i) => /^-(?:exec|execdir)$/.test(a) && /^(?:rm|unlink)$/.test(programName(c.args[i + 1] ?? '')));
  return filesOnly && (c.flags.includes('delete') || c.deletes.length > 0 || removes);
}

/** "empty the build folder" planned as `rm -r build`: the folder goes with its contents. */
/** `rm -r "$BUILD"`, `rmdir $BUILD`: the folder a variable holds, removed (the policy sees only that the path is not known). */
function variableRemoved(command: string, dir: string): boolean {
  const name = dir.replace(/^\$\{?|\}$/g, '');
  return new RegExp(String.raw`(?:^|[;&|(]\s*)(?:rm|rmdir)\s+(?:-[\w-]+\s+)*(?:--\s+)?(?:\S+\s+)*?["']?\$\{?${escapeRegExp(name)}\}?["']?\/?(?=\s|$|[;&|)])`, 'i').test(command);
}

export function folderItselfDeleted(intent: Intent, commands: CommandFact[], command = ''): string[] {
  // ... nor "the files in build": those go, and build stays (unless it goes too: "and the folder itself").
  const filesOf = !intent.actions.includes('delete') || /\b(?:and|with|including|along with)\s+(?:the\s+)?(?:folders?|director(?:y|ies)|dirs?|it|them)(?:\s+(?:itself|themselves))?\b/.test(intent.words) ? [] : [...intent.words.matchAll(filesInside)].map((m) => m[1]).filter((n) => intent.scope.includes(n));
  for (const dir of [...contentsAskedOf(intent), ...filesOf].map((d) => d.replace(/^\.\//, '').replace(/\/+$/, ''))) {
    const c = commands.find((x) => deletesFolder(x, dir));
    if (c) return [`it deletes the folder ${dir} itself (${programName(c.program)}), but the request asks only for what is in it`];
    if (dir.startsWith('$') && variableRemoved(command, dir)) return [`it deletes the folder ${dir} itself, but the request asks only for what is in it`];
  }
  // ... and everything in it is its folders too: `find build -type f -delete` leaves them.
  const partly = allOfIt.test(intent.words) ? contentsAskedOf(intent).find((dir) => commands.some((c) => filesOnlyFrom(c, dir))) : undefined;
  if (partly !== undefined) return [`it deletes only the files in ${partly} and leaves the folders in it, but the request asks for everything in it`];
  return folderItselfActedOn(intent, commands);
}

// "the files in out", "the entries of logs": what is in a folder, said without "everything".
const filesInside = new RegExp(String.raw`\b(?:the\s+)?(?:files|entries|items)\s+(?:that\s+are\s+)?(?:in|inside|within|under|of|from)\s+${folderWord}['"]?${place}`, 'g');
// Programs that take a folder handed to them: mv, cp and rm take it whole, chmod changes who may enter it (gzip, sed, truncate refuse one).
const changers = /^(?:mv|cp|rm|rmdir|chmod|chown|chgrp|rsync)$/;

/** The program find's -exec (or -execdir, -ok) runs on the folder it starts from, when nothing keeps that folder out. */
function startHandedTo(c: CommandFact, dir: string): string | undefined {
  if (programName(c.program) !== 'find') return undefined;
  const start = c.args.find((a) => !a.startsWith('-') && a !== '!' && a !== '(');
  if (start === undefined || start.replace(/^\.\//, '').replace(/\/+$/, '') !== dir) return undefined;
  const below = c.args.some((a, i) => a === '-mindepth' && Number(c.args[i + 1]) >= 1);
  const notFolders = c.args.some((a, i) => a === '-type' && /^[fl]$/.test(c.args[i + 1] ?? ''));
  // `-name '*.md'` picks no folder called docs; `! -name build.js` keeps it in.
  const named = c.args.some((a, i) => /^-i?(?:name|path|wholename|regex)$/.test(a) && !/^(?:!|-not)$/.test(c.args[i - 1] ?? ''));
  const exec = c.args.findIndex((a) => /^-(?:exec|execdir|ok|okdir)$/.test(a));
  const program = exec >= 0 ? programName(c.args[exec + 1] ?? '') : '';
  return !below && !notFolders && !named && changers.test(program) ? program : undefined;
}

/**
 * "move everything in out to old except build.js" planned as `find out !
 * -name build.js -exec mv -t old {} +`: find's first result is out itself,
 * so mv takes the whole folder, the kept file with it. The same for a copy,
 * a change of mode or owner: what is in the folder is asked, not the folder.
 */
function folderItselfActedOn(intent: Intent, commands: CommandFact[]): string[] {
  if (intent.actions.length === 0) return [];
  const named = [...intent.words.matchAll(inside), ...intent.words.matchAll(filesInside)].map((m) => m[1]);
  const folders = named.map((n) => (/\s|^here$/.test(n) ? '.' : n.replace(/^\.\/(?=.)/, '').replace(/(?<=.)\/+$/, '')));
  // The working folder itself cannot be moved away (`mv . old` fails), and "the files here" are found from it.
  for (const dir of folders.filter((f) => !/^(?:the|it|them|this|that|all|\.)$/.test(f))) {
    for (const c of commands) {
      const program = startHandedTo(c, dir);
      if (program) return [`it hands the folder ${dir} itself to ${program} (find's first result is ${dir}), but the request asks only for what is in it`];
    }
  }
  return [];
}

// "remove the build folder", "delete the folders edi and edw", "rm -r the cache directory": the folder goes, not only what is in it.
const folderNames = String.raw`['"]?([\w.~/@+$-]*\w\}?)['"]?(?:\s*(?:,|\band\b)\s*['"]?([\w.~/@+$-]*\w\}?)['"]?)?`;
// What may follow a folder asked gone: the end, "and all it holds", where it is. Not "subfolders", "junk", "from .gitignore", "except …", "if empty".
const folderEnds = String.raw`(?=\s*$|\s*[,.;!?)](?:\s|$)|\s+(?:and\s+(?:all\s+|everything\s+)?(?:its|everything|all)\b|(?:along\s+)?with\s+(?:all|everything|its)\b|including\s+(?:all|everything|its)\b|recursively|completely|entirely|too|as\s+well|itself|now|please|for\s+me|permanently|for\s+good|(?:but\s+|only\s+)?(?:if|unless|when)\b|(?:that\s+is\s+|which\s+is\s+)?(?:in|under|inside|within)\s+(?!(?:it|them)\b)|from\s+(?:the\s+)?(?:workspace|project|repo\w*|disk|here|current)))`;
const itselfDeleted = new RegExp(String.raw`\b(?:remov\w*|delet\w*|eras\w*|rm(?:\s+-r[f]?)?|rmdir|get\s+rid\s+of|wipe\s+out|nuke)\s+(?:recursively\s+)?(?:(?:the|my|a|whole|entire|old|empty)\s+)*(?:(?:folders?|director(?:y|ies)|dirs?)\s+(?:called\s+|named\s+)?${folderNames}|['"]?([\w.~/@+$\{-]*\w\}?)['"]?\s+(?:folder|directory|dir)\b)${folderEnds}`, 'g');

/** The folders the request asks to delete, themselves: the folder named after a delete, by the word folder. */
export function foldersAskedGone(intent: Intent): string[] {
  if (!intent.actions.includes('delete') || contentsAskedOf(intent).length > 0) return [];
  const scope = new Map(intent.scope.map((d) => [d.toLowerCase(), d]));
  return foldersNamedGone(intent.words).flatMap((n) => scope.get(n) ?? []);
}

/** The names written as folders to delete, whatever they are. */
export function foldersNamedGone(lower: string): string[] {
  const named = [...lower.matchAll(itselfDeleted)].flatMap((m) => [m[1], m[2], m[3]]).filter((n): n is string => n !== undefined);
  return [...new Set(named.map((n) => n.replace(/^\.\/(?=.)/, '').replace(/(?<=.)\/+$/, '')).filter((n) => !/^(?:the|it|them|this|that|all|everything|\.)$/.test(n)))];
}

// "remove the folder edi if empty", "… but fail if it has files": the folder goes only when empty.
const onlyIfEmpty = /\b(?:if|when|only if|unless|provided|as long as)\b[^.;]{0,30}\b(?:empty|nothing|no (?:files|contents?|entries))\b|\bbut fail\b|\bif there(?:'s| is) nothing\b/;
// Folders of the system a word names ("the tmp folder", "the home folder"): never deleted themselves.
const systemFolders = ['/tmp', '/var/tmp', '~', '$HOME', '/', '..', '.'];

/** "remove the build folder" planned as `find build -mindepth 1 -delete`: what is in it goes, and the folder stays. */
export function folderKept(intent: Intent, commands: CommandFact[]): string[] {
  const system = systemFolders.find((dir) => commands.some((c) => programName(c.program) !== 'find' && deletesFolder(c, dir)));
  if (system !== undefined && intent.actions.includes('delete')) return [`it deletes ${system} itself, a folder of the system or the workspace, not one the request names by its own name`];
  if (onlyIfEmpty.test(intent.words) && commands.some((c) => deletesFolder(c, '*recursive*'))) return ['it removes the folder whatever it holds, but the request asks to remove it only if it is empty'];
  const kept = foldersAskedGone(intent).find((dir) => !commands.some((c) => deletesFolder(c, dir)));
  return kept === undefined ? [] : [`it leaves the folder ${kept} in place, but the request asks to remove the folder itself`];
}
