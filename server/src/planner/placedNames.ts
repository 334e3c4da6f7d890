// A folder said only as where a named file lies ("delete r.txt in out",
// "gzip a.log from the logs folder", "in scripts, make build.sh executable")
// names no set: the request is about that file, and a plan that changes its
// neighbours (`rm out/r.txt out/s.txt`, `gzip logs/*`, `chmod +x scripts/*`)
// or copies more than it (`cp *.txt out/`, `cp -r . out/`, `cat notes.txt
// todo.txt > out/notes.txt`) or over another file there (`cp notes.txt
// out/r.txt`) does more than asked.

import type { CommandFact } from '../policy/factsTypes';
import type { Intent } from './intent';
import { isNamed, onlyNamedFiles } from './namedTargets';
import { list, norm, uniq } from './effectTerms';
import { asidesStated } from './statedAsides';
import { programName } from '../shell/programs';
import { escapeRegExp } from './corpus';

/** The intent with the folders said only as the place of its named files taken out of its scope; the intent itself otherwise. */
export function filesInPlace(intent: Intent): Intent {
  // "move ledger.csv from site to out": a folder it goes to is a destination, judged by the copy checks.
  if (intent.scope.length === 0 || intent.exceptions.length > 0 || intent.kept.length > 0 || intent.actions.includes('move') || /\b(?:to|into|onto)\s/.test(intent.words) || asidesStated(intent.words).length > 0) return intent;
  const files = intent.names.filter((n) => /\.\w{1,8}$/.test(n));
  const placeOnly = intent.scope.every((s) => files.some((f) => f.startsWith(`${s}/`)));
  return placeOnly ? { ...intent, scope: [] } : intent;
}

const copiers = /^(?:cp|install|rsync|tar|bsdtar|cat|ditto|scp|ln)$/;

/** "copy notes.txt to out" answered with a copy of more than notes.txt, or onto another file in out. */
export function copiedBeyondNamed(intent: Intent, commands: CommandFact[]): string[] {
  // "put a copy of notes.txt in out": the folder after "in" is where the copy goes.
  const into = uniq([...(intent.places?.destinations ?? []), ...intent.scope]).filter((d) => !/\.\w{1,8}$/.test(d));
  const files = onlyNamedFiles({ ...intent, scope: [] }).filter((f) => !into.some((d) => f.startsWith(`${d}/`)));
  if (into.length === 0 || files.length === 0 || !intent.actions.includes('create')) return [];
  const inside = (rel: string) => into.some((d) => rel === d || rel.startsWith(`${d}/`));
  const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);
  const writers = commands.filter((c) => copiers.test(programName(c.program)) || c.redirects.some((r) => r.kind === 'write' && inside(norm(r.target))));
  if (!writers.some((c) => c.writes.some((p) => inside(norm(p.resolved || p.path))) || c.redirects.some((r) => inside(norm(r.target))))) return [];
  // Every file read into the destination is one the request names.
  const sources = commands.filter((c) => copiers.test(programName(c.program))).flatMap((c) => c.reads).filter((p) => !inside(norm(p.resolved || p.path)));
  const extra = sources.filter((p) => p.path !== '-' && (p.glob || p.dynamic || !isNamed(intent, norm(p.resolved || p.path))));
  if (extra.length > 0) return [`it copies ${list(uniq(extra.map((p) => p.path)))}, but the request names only ${list(files)}`];
  // ... and what it writes there is the named file under its own name, or a name the request gives.
  const over = writers.flatMap((c) => c.writes).map((p) => norm(p.resolved || p.path)).filter((rel) => inside(rel) && !into.includes(rel) && !files.some((f) => base(rel) === base(f) || base(rel).startsWith(`${base(f).replace(/\.[^.]*$/, '')}.`)) && !intent.names.some((n) => /\.\w{1,8}$/.test(n) && (rel === n || rel.endsWith(`/${n}`))) && !new RegExp(`(?<![\\w./-])${escapeRegExp(base(rel))}(?![\\w-])`).test(intent.words));
  return over.length > 0 ? [`it writes ${list(uniq(over))}, but the request asks for a copy of ${list(files)} under its own name`] : [];
}

const recursiveCopy = new Set(['r', 'R', 'a', 'recursive', 'archive']);

/** "copy src_dir recursively to dest_dir" answered with `cp -n src_dir dest_dir`: cp skips a folder it is not told to copy whole, so nothing is copied. */
export function folderCopiedFlat(intent: Intent, commands: CommandFact[]): string[] {
  if (intent.scope.length === 0) return [];
  for (const c of commands.filter((k) => programName(k.program) === 'cp')) {
    // A cp that find or xargs runs is handed what they find, not the folder.
    if (c.flags.some((f) => recursiveCopy.has(f)) || c.wrappers.length > 0 || c.args.some((a) => a.includes('$?'))) continue;
    // The sources as written: every operand but the destination (the last, or the value of -t).
    const operands = c.args.filter((a, i) => !a.startsWith('-') && !/^(?:-t|--target-directory|-S|--suffix)$/.test(c.args[i - 1] ?? ''));
    const sources = c.args.some((a) => /^(?:-\w*t|--target-directory)/.test(a)) ? operands : operands.slice(0, -1);
    const folder = sources.map((a) => norm(a)).find((rel) => intent.scope.includes(rel));
    if (folder !== undefined) return [`it copies nothing of the folder ${folder}: cp without -r skips folders`];
  }
  return [];
}

/**
 * "copy src_dir recursively to dest_dir" answered with `find src_dir -type f
 * -exec cp -t dest_dir {} +`: the request copies the folder itself, and the
 * plan pours its files into one folder, leaving its folders behind.
 */
export function folderFlattened(intent: Intent, commands: CommandFact[]): string[] {
  const copied = intent.scope.find((s) => new RegExp(`\\b(?:copy|cp|duplicate|clone)\\s+(?:the\\s+)?(?:whole\\s+|entire\\s+)?(?:(?:folder|directory|dir)\\s+)?["'\\x60]?${escapeRegExp(s)}["'\\x60]?(?:/)?(?![\\w./-])(?!\\s+(?:folder|directory|dir)'s)`).test(intent.words));
  if (copied === undefined) return [];
  for (const c of commands.filter((k) => programName(k.program) === 'find')) {
    const at = c.args.findIndex((a, i) => /^-(?:exec|execdir)$/.test(c.args[i - 1] ?? '') && /^(?:\S*\/)?cp$/.test(a));
    if (at >= 0 && !c.args.slice(at).some((a) => a === '--parents')) return [`it copies the files of ${copied} into one folder, leaving its folders behind, but the request copies the folder`];
  }
  return [];
}
