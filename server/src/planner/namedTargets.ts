// "delete notes.txt" answered with `rm -- *.txt` or `rm -rf notes.txt docs`,
// "make run.sh executable" with `chmod -R +x .`, "rename notes.txt to
// notes.md" with `mv notes.txt todo.txt`: a request that names its files,
// and no folder, kind or set, bounds a change to those files. And "append
// done to todo.txt" answered with `echo done > todo.txt` empties the file it
// was to add to; `sed … notes.txt > notes.txt` empties the file before it is
// read. Both are read from the facts the policy sees, so they hold for a
// model's plan as for the planner's own.

import type { CommandFact } from '../policy/factsTypes';
import type { PathFact } from '../policy/paths';
import { renamedBeside, restoredHere } from './copyDirection';
import { archiveName, list, norm, shown, slotValue, uniq } from './effectTerms';
import type { Intent } from './intent';
import { programOf } from './selectionChecks';

// Words that make a request about a set, not about the files it names.
const setWords = /\b(?:all|every|each|any|everything|files|ones|them|those|these|recursive(?:ly)?|matching|like)\b|\*/;
// "each line of app.log", "all the words in notes.txt": parts of the named file, no set of files.
const partsOfAFile = /\b(?:all|every|each|any)\s+(?:of\s+)?(?:the\s+|its\s+|their\s+)?(?:lines?|words?|characters?|chars|rows?|columns?|fields?|occurrences?|instances?|matches|spaces?|tabs?|blanks?)\b/g;
// Programs whose writes other checks judge: what an archive holds, what git keeps, a folder made.
const judgedElsewhere = new Set(['unzip', 'tar', 'bsdtar', '7z', 'git', 'mkdir', 'ln']);

/** The files a request names, when it names files and no folder, kind or set wider than them; none otherwise. */
export function onlyNamedFiles(intent: Intent): string[] {
  const files = intent.names.filter((n) => /\.\w{1,8}$/.test(n));
  return intent.scope.length > 0 || intent.kinds.length > 0 || intent.everything || setWords.test(intent.words.replace(partsOfAFile, '')) ? [] : files;
}

/** Whether `rel` is a name the request gives, a path ending in one, or a path inside one. */
export function isNamed(intent: Intent, rel: string): boolean {
  return intent.names.some((n) => rel === n || rel.endsWith(`/${n}`) || n.endsWith(`/${rel}`) || rel.startsWith(`${n}/`));
}

/** The changes of a plan beyond the files a request names, when it names files and nothing wider. */
export function beyondNamedFiles(intent: Intent, commands: CommandFact[]): string[] {
  const files = onlyNamedFiles(intent);
  if (intent.actions.length === 0 || files.length === 0) return [];
  const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);
  const stem = (p: string) => base(p).replace(/\.[^.]*$/, '');
  const named = (rel: string) => isNamed(intent, rel);
  // `notes.txt.gz`, `notes.bak`, `notes.tar.gz`, `app.log` out of `app.log.gz`: a file made from a named one, beside it.
  // Only what a plan writes can be made from a named file: `rm notes.txt notes.md` for "delete notes.txt" deletes a second file.
  const derived = (rel: string) => files.some((f) => base(rel).startsWith(`${stem(f)}.`) || base(rel) === stem(f) || base(rel) === `${base(f)}~`);
  const destination = (rel: string) => (intent.places?.destinations ?? []).some((d) => rel === d || rel.startsWith(`${d}/`));
  const packed = (c: CommandFact, p: PathFact) => archiveName.test(p.path) && c.reads.some((r) => named(norm(r.resolved || r.path)));
  const beyond: PathFact[] = [];
  // A name said alone is one file: `rm notes.txt backup/notes.txt` changes a second copy nobody named.
  const changed = uniq(commands.filter((c) => !judgedElsewhere.has(programOf(c))).flatMap((c) => [...c.deletes, ...c.writes]).map((p) => norm(p.resolved || p.path)));
  const secondCopy = (rel: string) => {
    const same = changed.filter((x) => base(x) === base(rel));
    const kept = same.find((x) => intent.names.includes(x)) ?? same[0];
    return same.length > 1 && rel !== kept && !intent.names.includes(rel);
  };
  for (const c of commands) {
    if (judgedElsewhere.has(programOf(c))) continue;
    for (const p of [...c.deletes, ...c.writes]) {
      const rel = norm(p.resolved || p.path);
      const made = !c.deletes.includes(p) && derived(rel);
      if (slotValue.test(norm(p.path)) || /^\/dev\//.test(p.path)) continue;
      // What only the shell knows when it runs (`$(ls .)`, `"$f"` of a loop) is no file the request names ...
      // ... but `find site -name error.log -delete` picks the named site/error.log by its name in its own folder.
      if (p.classes.includes('picked') && findsNamed(c, rel, files)) continue;
      const known = !p.dynamic && !p.classes.includes('unknown-location');
      if (known && !secondCopy(rel) && (named(rel) || made || destination(rel) || packed(c, p) || renamedBeside(intent, rel) || restoredHere(intent, rel))) continue;
      beyond.push(p);
    }
  }
  return beyond.length > 0 ? [`it changes ${list(uniq(beyond.map(shown)))}, but the request names only ${list(files)}`] : [];
}

/** `find DIR -name BASE` for the named DIR/BASE: the file by its name in its own folder (at the top only with -maxdepth 1). */
function findsNamed(c: CommandFact, start: string, files: string[]): boolean {
  if (programOf(c) !== 'find') return false;
  const names = c.args.filter((a, i) => /^-i?name$/.test(c.args[i - 1] ?? '')).map((a) => a.toLowerCase());
  const top = c.args.some((a, i) => a === '1' && c.args[i - 1] === '-maxdepth');
  return files.some((f) => {
    const at = f.lastIndexOf('/');
    const folder = at < 0 ? '.' : f.slice(0, at);
    return folder === start && (folder !== '.' || top) && names.includes(f.slice(at + 1).toLowerCase());
  });
}

// "append", "add a line", "tack on": words that add to a file and keep what it holds.
const adding = /\b(?:append\w*|add(?:s|ing)?|insert\w*|prepend\w*|tack(?:s|ing)? on)\b/;

// "empty", "clear out", "truncate", "shrink to 1M", "make it 0 bytes": words that ask for a file cut.
const cutsFiles = /\b(?:empt(?:y|ies|ied|ying)|clear\w*|truncat\w*|wip(?:e|es|ed|ing)|blank\w*|zero\w*|reset\w*|shrink\w*|resiz\w*|cut\w*|contents?|size|bytes?|[kmgt]i?b|\d+\s*[kmgt])\b/;

/** `echo done > todo.txt` for "append done to todo.txt"; `sed … notes.txt > notes.txt`: a file emptied that the request keeps. */
export function emptiedFiles(intent: Intent, commands: CommandFact[]): string[] {
  const out: string[] = [];
  const reads = new Set(commands.flatMap((c) => c.reads.map((r) => norm(r.resolved || r.path))));
  for (const c of commands) {
    const truncated = [...c.redirects.filter((r) => r.kind === 'write').map((r) => r.target), ...(programOf(c) === 'tee' && !c.args.some((a) => /^-\w*a|^--append$/.test(a)) ? c.writes.map((w) => w.path) : [])].map((t) => norm(t));
    for (const t of truncated) {
      if (reads.has(t) && !c.args.some((a) => /^-\w*i|^--in-place/.test(a))) out.push(`it empties ${t} before reading it (the redirection runs first), so what ${t} held is lost`);
      // (Words in quotes are text to write, not an order: 'write "add to a file" to x.txt'.)
      else if (adding.test(intent.words.replace(/"[^"]*"|'[^']*'|\x60[^\x60]*\x60/g, '""')) && intent.names.includes(t) && !/\b(?:overwrite|replace|instead of|empty|clear|truncate)\b/.test(intent.words)) out.push(`it writes ${t} anew, losing what it held, but the request asks to add to it (>> appends)`);
    }
    // "touch notes.txt and todo.md" planned as `truncate -s 0 notes.txt todo.md`: a named file cut that the request never asks to empty or resize.
    if (programOf(c) === 'truncate' && !cutsFiles.test(intent.words)) for (const f of c.positionals.map(norm).filter((p) => intent.names.includes(p))) out.push(`it cuts ${f} to a size, losing what it held, but the request does not ask to empty or resize it`);
  }
  return uniq(out);
}
