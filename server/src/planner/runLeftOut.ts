// "delete notes.txt, todo.md as well as a", "stage x.txt or y.txt": names
// of the workspace given in one run for one change. A plan that changes
// some of them and never names the others (`rm -- notes.txt todo.md`)
// does part of what was asked and says nothing of the rest; and of names
// joined by "or" it picks one the request did not pick. A look is held to
// its run too: `diff -u a.txt b.txt` for "search a.txt, b.txt and c.txt for
// TODO" leaves c.txt unread and answers another question. Names are read from
// the words themselves, as the workspace has them (files and folders of
// any name, "a", "to", "and.txt"), or as names with an extension.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CommandFact } from '../policy/factsTypes';
import type { Intent } from './intent';
import { barePath } from './barePath';
import { namedRuns, namesIn, RUN_JOINER } from './namedList';
import { slashedWords } from './requestWords';

// Names given as a choice: "a or b", "a, b or c".
const choiceJoiner = String.raw`(?:${RUN_JOINER}|\s*,?\s+or\s+)`;

/** Whether `name` (as the lower-case request has it) is an entry of the workspace, whatever the case of its letters. */
function inWorkspace(workspace: string, name: string): boolean {
  if (name.split('/').includes('..') || path.isAbsolute(name)) return false;
  const full = path.resolve(workspace, name);
  try {
    return fs.readdirSync(path.dirname(full)).some((e) => e.toLowerCase() === path.basename(full).toLowerCase());
  } catch {
    return false;
  }
}

/** Whether `name` is a file of the workspace or looks like one (an extension). */
const nameOf = (workspace: string) => (n: string) => inWorkspace(workspace, barePath(n)) || /\.[a-z]\w{0,7}$/i.test(n);

/** Names of one run that a plan which changes, or looks at, others of that run never gives; empty when it gives them all. */
export function runLeftOut(intent: Intent, commands: CommandFact[], workspace: string | undefined): string[] {
  // A request that orders a change ("stage", "make executable"), or a plan that makes one.
  const writes = commands.some((c) => [...c.writes, ...c.deletes].some((p) => !p.path.startsWith('/dev/')));
  if (!workspace) return [];
  const given = new Set(commands.flatMap((c) => [...c.args, ...c.redirects.map((r) => r.target)]).map((a) => barePath(a).toLowerCase()));
  const isName = nameOf(workspace);
  // "rm or.txt to.txt": names of files written as a shell's words, with nothing between but spaces;
  // a path is one that starts as one ("/usr", "./src"); "the .svn files/directories" names one kind, and its slash says "and".
  const fileLike = (n: string) => (/\.[a-z]\w{0,7}$/i.test(n) || /^(?:\/|\.{1,2}\/|~\/)/.test(n)) && !slashedWords.test(barePath(n));
  for (const run of [...namedRuns(intent.words, isName, choiceJoiner), ...namedRuns(intent.words, fileLike, String.raw`\s+`)]) {
    const names = run.map((n) => barePath(n).toLowerCase());
    // "the .tmp and .bak files": a kind given by a pattern that holds it (`-name '*.tmp'`).
    const left = names.filter((n) => !given.has(n) && ![...given].some((a) => /[*?[]/.test(a) && a.includes(n)));
    // ... and one that gives none of them, but writes or deletes, changes something else instead (`touch or.txt{1..10}.txt`).
    if (left.length > 0 && left.length < names.length) return [`it leaves out ${left.join(', ')}, which the request names with ${names.filter((n) => !left.includes(n)).join(', ')}`];
    if (left.length === names.length && writes) return [`it changes none of ${names.join(', ')}, which the request names`];
  }
  return [];
}

/**
 * `cp -a copy.txt to.txt` for "cp copy.txt to.txt docs", `cp -r out and.txt`
 * for "duplicate notes.txt and.txt into out": a copy or move onto a file of
 * the workspace, when the request gives another place after that file ("into
 * out", or the last word of a request written as the command). "replace
 * notes.txt with backup/notes.txt" names the place first, and is not held to it.
 */
export function placeNotLast(intent: Intent, commands: CommandFact[], workspace: string | undefined): string[] {
  if (!workspace) return [];
  // The place the request gives: a name after "to", "into" or "onto", or the last word of a request written as `cp`/`mv` would be.
  const shellLike = /^\s*(?:please\s+)?(?:cp|mv)\s/.test(intent.words);
  const named = namesIn(intent.words, nameOf(workspace));
  const names = named.map((n) => barePath(n.value).toLowerCase());
  const givenPlace = (i: number) => shellLike || /\b(?:to|into|onto)\s+(?:the\s+|my\s+)?(?:(?:folder|directory|dir)\s+)?$/.test(intent.words.slice(0, named[i].at));
  for (const c of commands.filter((x) => /^(?:cp|mv)$/.test(x.program) && x.positionals.length >= 2 && !x.args.some((a) => /^(?:-t|--target-directory)/.test(a)))) {
    const place = barePath(c.positionals[c.positionals.length - 1]).toLowerCase();
    const at = names.lastIndexOf(place);
    let file = false;
    try { file = fs.statSync(path.resolve(workspace, barePath(c.positionals[c.positionals.length - 1]))).isFile(); } catch { /* not there */ }
    if (file && at >= 0 && names.some((n, i) => i > at && n !== place && givenPlace(i))) return [`it ${c.program === 'mv' ? 'moves' : 'copies'} onto ${place}, but the request names ${names[names.length - 1]} after it as the place`];
  }
  return [];
}

// "create the files a.txt, b.txt and c.txt", "touch new empty x.md and y.md": a run that is what the verb makes.
const madeKind = String.raw`the|some|two|three|four|new|empty|blank|following`;
const makesRun = new RegExp(String.raw`\b(?:create|touch|make\s+(?=(?:${madeKind}|text|files?|called|named)\b))\s*(?:(?:${madeKind})\s+)*(?:(?:text\s+)?files?\s+)?(?:(?:called|named)\s+)?$`);
// "make all.txt from a.txt": a bare "make" makes the name when nothing but how follows ("make notes.txt all caps" does not).
const bareMake = /\bmake\s+$/;
const madeHow = /^\s*(?:$|[,.;]|and\b|from\b|out\s+of\b|with\b|by\b|containing\b)/;

/** `cat a.txt b.txt > c.txt` for "create the files a.txt, b.txt and c.txt", `touch a.txt` for "make all.txt from a.txt": names the request makes that the plan does not write. */
export function madeRunLeftOut(intent: Intent, commands: CommandFact[]): string[] {
  const paths = commands.flatMap((c) => [...c.writes.map((w) => w.path), ...c.redirects.filter((r) => r.kind !== 'read').map((r) => r.target)]).map((p) => barePath(p).toLowerCase());
  const made = new Set([...paths, ...paths.map((p) => p.slice(p.lastIndexOf('/') + 1))]);
  const joined = new RegExp(`^${RUN_JOINER}$`, 'i');
  const names = namesIn(intent.words, (n) => /\.[a-z]\w{0,7}$/i.test(n));
  const asked: string[] = [];
  names.forEach((w, i) => {
    const before = intent.words.slice(0, w.at);
    const follows = i > 0 && asked.includes(barePath(names[i - 1].value).toLowerCase()) && joined.test(intent.words.slice(names[i - 1].end, w.at));
    if (follows || makesRun.test(before) || (bareMake.test(before) && madeHow.test(intent.words.slice(w.end)))) asked.push(barePath(w.value).toLowerCase());
  });
  asked.push(...foldersAsked(intent.words).map((n) => barePath(n).toLowerCase()).filter((n) => !asked.includes(n)));
  const left = asked.filter((n) => !made.has(n));
  return left.length > 0 ? [`it does not make ${left.join(', ')}, which the request asks to create`] : [];
}

// "make new folders called reports, build and dist", "mkdir cache & tmp": a run of folders the verb makes, of any name, up to a word of place.
const makesFolders = /\b(?:(mkdir)|(?:create|make)\s+(?:(?:the|some|two|three|four|new|empty|following)\s+)*(?:sub-?)?(?:folders|directories|dirs)(?:\s+(?:called|named))?)\s+/i;

/** The names of the run of folders the request makes, as written, whether the workspace has them or not; "-p" is a name unless the request is written as `mkdir`. */
export function foldersAsked(words: string): string[] {
  const m = makesFolders.exec(words);
  if (!m) return [];
  const rest = words.slice(m.index + m[0].length).split(/[.;!?]|(?:^|\s)(?:in|inside|under|within|below|beneath|at|then|with|for|so|after|by|from|like|per|of|whose|that|which|where|containing)\s/i)[0];
  // A joiner word where a name is due ("dist, and, into", "plus or plus") is a name.
  const names: string[] = [];
  let nameDue = true;
  for (const w of rest.replace(/\bas well as\b|\band also\b/gi, ' & ').split(/\s*([,&])\s*|\s+/).filter((x) => x !== undefined && x !== '')) {
    const joiner: boolean = w === ',' || w === '&' || (!nameDue && /^(?:and|or|plus)$/i.test(w));
    // Only `mkdir` takes names side by side: in words, a name with no joiner before it ends the run ("x/y/z as needed").
    if (!joiner && !nameDue && !m[1]) break;
    if (!joiner) names.push(w.replace(/^["'\x60]|["'\x60]$/g, ''));
    nameDue = joiner;
  }
  names.splice(0, names.length, ...names.filter((w) => w !== '' && !(m[1] && w.startsWith('-'))));
  // "mkdir and and build": one name left of a run that said more is still a run.
  return names.length > 1 || /^(?:and|or|plus)\b|[,&]|\s(?:and|or|plus)\b/i.test(rest.trim()) ? names : [];
}

/**
 * `cat main.py app.log > styles.css` for "put main.py as well as app.log as
 * well as styles.css in docs": a file of the workspace written anew that the
 * request names in a run with the files the plan reads, never as the place
 * the result goes ("into all.txt", "as all.txt", "called all.txt").
 */
export function runMemberWritten(intent: Intent, commands: CommandFact[], workspace: string | undefined): string[] {
  if (!workspace) return [];
  const written = commands.flatMap((c) => c.redirects.filter((r) => r.kind === 'write' && !r.dynamic).map((r) => barePath(r.target).toLowerCase()));
  if (written.length === 0) return [];
  const read = new Set(commands.flatMap((c) => c.args).map((a) => barePath(a).toLowerCase()));
  const named = namesIn(intent.words, nameOf(workspace));
  for (const run of namedRuns(intent.words, nameOf(workspace))) {
    const names = run.map((n) => barePath(n).toLowerCase());
    for (const t of written.filter((w) => names.includes(w) && inWorkspace(workspace, w) && names.some((n) => n !== w && read.has(n)))) {
      const at = named.find((n) => barePath(n.value).toLowerCase() === t)?.at ?? 0;
      if (!/\b(?:into|to|onto|over|(?<!\bwell\s)as|called|named|in)\s+(?:(?:the|a|one|new|single)\s+)*(?:(?:file|output)\s+)?$/.test(intent.words.slice(0, at))) return [`it writes ${t} anew, losing what it held, but the request names it with ${names.filter((n) => n !== t).join(', ')} as a file to act on`];
    }
  }
  return [];
}
