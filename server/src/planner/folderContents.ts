// "empty the build folder", "delete everything inside tmp", "clear out the
// contents of cache": what is in a folder goes, the folder stays. A plan that
// deletes the folder itself (`rm -r build`, `rmdir build`, `find build
// -delete`) does more than was asked.

import type { CommandFact } from '../policy/factsTypes';
import type { Intent } from './intent';
import { programName } from '../shell/programs';

const folderWord = String.raw`(?:(?:the|a|my|our|your|this|that)\s+)?(?:(?:folder|directory|dir)\s+)?(?:(?:called|named)\s+)?`;

// "… but the 5 newest", "except notes.txt", "that are older than a week": some of what is in it only.
const someOnly = /\b(?:not (?:everything|all)|except\w*|exclud\w*|but|other than|apart from|save for|keep\w*|preserv\w*|leav\w*|spar\w*|unless|if|that|which|whose|older|newer|bigger|larger|smaller|containing|matching|ending|starting|with)\b/;

// The working folder in words ("the current folder", "this directory", "here"), or a folder's name.
const place = String.raw`((?:current|working|present|this)(?:\s+working)?\s+(?:folder|directory|dir)|here|[\w.~/-]*\w)`;
// ... "wipe logs clean", "purge backup": emptied as well.
const emptied = new RegExp(String.raw`\b(?:empty|clean|clear|wipe|purge)(?:\s+out)?\s+${folderWord}(?:(?:whole|entire)\s+)?['"]?${place}`, 'g');
const inside = new RegExp(String.raw`\b(?:everything|anything|all\s+(?:of\s+)?(?:the\s+)?(?:files(?:\s+and\s+(?:sub)?(?:folders|directories))?|contents?|stuff|entries)|(?:the\s+)?contents?|whatever(?:\s+is)?)\s+(?:that\s+is\s+|that's\s+)?(?:in|inside|within|under|of|from)\s+${folderWord}['"]?${place}`, 'g');

/** The folders whose contents, and not they, the request asks to delete. */
export function contentsAskedOf(intent: Intent): string[] {
  if (!intent.actions.includes('delete') || someOnly.test(intent.words)) return [];
  const named = [...intent.words.matchAll(emptied), ...intent.words.matchAll(inside)].map((m) => m[1]);
  const folders = named.map((n) => (/\s|^here$/.test(n) ? '.' : n.replace(/^\.\/(?=.)/, '').replace(/(?<=.)\/+$/, '')));
  // "empty app.log" truncates a file; "the" or "it" names no folder, nor does "out" of "clear out", unless it is named as one ("clear out the out folder").
  return [...new Set(folders.filter((f) => !/^(?:the|it|them|this|that|all)$/.test(f) && (f !== 'out' || intent.scope.includes('out')) && !/\.\w{1,8}$/.test(f)))];
}

/** Whether `c` deletes the folder `dir` itself, not only what is in it. */
function deletesFolder(c: CommandFact, dir: string): boolean {
  const same = (p: string) => p.replace(/^\.\//, '').replace(/\/+$/, '') === dir;
  if (programName(c.program) === 'find') {
    // find deletes its start too (once empty), unless it keeps to what is below it.
    const start = c.args.find((a) => !a.startsWith('-'));
    const below = c.args.some((a, i) => a === '-mindepth' && Number(c.args[i + 1]) >= 1);
    // ... and never when it picks files or links only (-type f).
    const filesOnly = c.args.some((a, i) => a === '-type' && /^[fl]$/.test(c.args[i + 1] ?? ''));
    return start !== undefined && same(start) && !below && !filesOnly && (c.flags.includes('delete') || c.deletes.length > 0);
  }
  return c.deletes.some((p) => !p.glob && !p.dynamic && same(p.path));
}

/** "empty the build folder" planned as `rm -r build`: the folder goes with its contents. */
export function folderItselfDeleted(intent: Intent, commands: CommandFact[]): string[] {
  for (const dir of contentsAskedOf(intent).map((d) => d.replace(/^\.\//, '').replace(/\/+$/, ''))) {
    const c = commands.find((x) => deletesFolder(x, dir));
    if (c) return [`it deletes the folder ${dir} itself (${programName(c.program)}), but the request asks only for what is in it`];
  }
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
