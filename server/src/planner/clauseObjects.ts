// Each clause of a request has its own object. "show notes.txt and delete
// todo.txt" looks at one file and deletes the other; "scripts/build.sh is
// fine, but make run.sh executable" and "since logs/app.log has the fix,
// replace foo with bar in notes.txt" set one file aside and change another;
// "list the .log files in build and delete the ones in cache" looks in one
// folder and deletes in the other.
// A plan that writes, deletes or moves the file that was only to be looked at
// or set aside changes what the person meant to keep, however sure its
// retrieval was. And "copy notes.txt to out and delete out/r.txt" answered
// with `rm -r out` takes the folder for the file in it. Both are read from
// the facts the policy sees, so they hold for a model's plan as for the
// planner's own.

import type { CommandFact } from '../policy/factsTypes';
import type { PathFact } from '../policy/paths';
import { escapeRegExp } from './corpus';
import type { Intent } from './intent';
import { courtesyWords } from './requestCourtesy';
import { list, norm, uniq } from './effectTerms';
import { gitChange } from './gitEffects';

// Where one clause ends and the next begins: "and also", ", then", "; ", ", but", "and".
const clauseBreak = /\s*(?:[,;:]\s*(?:and\s+)?(?:also|then|after that|afterwards|plus|but|and)?|\band\s+(?:also|then|after that|afterwards)\b|\b(?:and|but|plus|then)\b|\.(?=\s|$)|\s[-—–]+\s)\s*/;
// Words that may open a clause before its verb.
const opener = new RegExp(String.raw`^(?:(?:${courtesyWords}|first(?:ly)?|next|then|also|and|finally|afterwards|after that|to start|(?:i )?need you to)\b[\s,:!]*)*`);
// Verbs of a clause that only looks.
const lookVerb = /^(?:show|cat|print|display|read|view|list|count|preview|dump|output|inspect|examine|look\s+(?:at|in(?:to|side)?)|see|check|head|tail|less|more|tell me|give me|let me see|open)\b/;
// Verbs of a clause that changes something.
const changeVerb = /\b(?:delete|remove|rm|erase|wipe|unlink|trash|get rid of|gzip|gunzip|bzip2|xz|compress|decompress|zip|unzip|tar|archive|pack|extract|move|mv|rename|relocate|empty|truncate|clear|blank|append|add|prepend|insert|replace|substitute|swap|change|edit|fix|modify|update|make|chmod|chown|chgrp|copy|cp|duplicate|write|save|overwrite|create|touch|restore|recover|sort|dedupe|convert|encode|decode|link|ln|put|set|mark|strip|trim|join|merge|split|install|commit|stage|reset|revert|clean|kill|stop|sync|back\s?-?up)\b/;
// A clause that sets its file aside: "X is fine", "X looks good", "since X …", "unlike X", "after reading X".
const asideOpener = /^(?:since|because|unlike|although|though|now that|given that|seeing (?:as|that)|after (?:reading|checking|looking at|seeing|viewing)|before anyone)\b/;
const asideState = /^(?:the\s+(?:file\s+)?)?\S+\s+(?:file\s+)?(?:is|looks|seems|was|'s|are)\s+(?:already\s+|now\s+|totally\s+|all\s+|perfectly\s+|just\s+)?(?:fine|ok|okay|good|done|correct|right|alright|all right|finished|perfect|sorted|up to date|ready|clean)\b/;

type Role = 'look' | 'change' | 'aside' | 'other';

interface Clause {
  role: Role;
  text: string;
}

/** The request's clauses, each with its role; a piece with no verb of its own ("todo.txt to out") belongs to the clause before it. */
function clausesOf(words: string): Clause[] {
  const out: Clause[] = [];
  for (const piece of words.split(clauseBreak)) {
    const text = piece.trim().replace(opener, '');
    if (!text) continue;
    const role: Role = asideOpener.test(text) || asideState.test(text) ? 'aside' : lookVerb.test(text) ? (changeVerb.test(text.replace(lookVerb, '')) ? 'other' : 'look') : changeVerb.test(text.split(/\s+/).slice(0, 3).join(' ')) ? 'change' : 'other';
    const last = out[out.length - 1];
    // "quick one:", "ok so,": words before the first clause that name nothing.
    if (role === 'other' && !last && !/\.\w/.test(text) && !changeVerb.test(text)) continue;
    if (role === 'other' && last && !/^(?:if|when|unless|so|or)\b/.test(text)) last.text += ` ${text}`;
    else out.push({ role, text });
  }
  return out;
}

/**
 * "show notes.txt and also delete todo.txt": a look and a change, each on a
 * file of its own, split in two so each is planned with its own object; none
 * for any other request.
 */
export function lookAndChange(request: string): [string, string] | undefined {
  const words = request.trim().replace(/[.!]+$/, '');
  // "quick one: show …": words before the first clause that name nothing are no part of either.
  const idle = (p: string, i: number) => i === 0 && !/\.\w/.test(p) && !changeVerb.test(p.toLowerCase()) && !lookVerb.test(p.trim().toLowerCase().replace(opener, ''));
  const pieces = words.split(new RegExp(clauseBreak.source, 'i')).filter((p, i) => !idle(p, i));
  if (pieces.length !== 2) return undefined;
  const roles = clausesOf(words.toLowerCase()).map((c) => c.role);
  const own = pieces.map((p) => [...p.matchAll(/[\w./-]+\.\w{1,8}\b/g)].map((m) => m[0]));
  if (roles.length !== 2 || !roles.includes('look') || !roles.includes('change') || own.some((o) => o.length === 0) || own[0].some((f) => own[1].includes(f))) return undefined;
  return [pieces[0].trim(), pieces[1].trim()];
}

const mentions = (text: string, n: string) => new RegExp(String.raw`(?<![\w./-])${escapeRegExp(n.toLowerCase())}(?![\w/-]|\.\w)`).test(text);

/**
 * The files a request only looks at or sets aside: named in a clause that
 * looks ("show notes.txt") or sets aside ("build.sh is fine"), and in no
 * clause that changes. None when a clause that changes names no file of its
 * own ("show notes.txt and then delete it"): its object is the one looked at.
 */
export function filesKeptAsIs(words: string, names: readonly string[]): string[] {
  const files = names.filter((n) => /\.\w{1,8}$/.test(n));
  if (files.length < 2) return [];
  const clauses = clausesOf(words);
  const changes = clauses.filter((c) => c.role === 'change');
  if (changes.length === 0 || clauses.some((c) => c.role === 'other') || changes.some((c) => !names.some((n) => mentions(c.text, n)))) return [];
  const changed = files.filter((f) => changes.some((c) => mentions(c.text, f)));
  return files.filter((f) => !changed.includes(f) && clauses.some((c) => (c.role === 'look' || c.role === 'aside') && mentions(c.text, f)));
}

const pathsChanged = (c: CommandFact): PathFact[] => [...c.deletes, ...c.writes, ...c.redirects.filter((r) => r.kind !== 'read').map((r) => ({ path: r.target, resolved: r.target }) as PathFact)];

/** `rm -- notes.txt` for "show notes.txt and delete todo.txt": a change to a file the request only looks at or sets aside. */
export function keptFileChanged(intent: Intent, commands: CommandFact[]): string[] {
  const kept = filesKeptAsIs(intent.words, intent.names);
  if (kept.length === 0) return [];
  const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);
  // `gzip -k notes.txt` (or `zip api.md.zip docs/api.md`) leaves notes.txt but makes notes.txt.gz of it: the act done to the file set aside.
  const hit = uniq(commands.flatMap(pathsChanged).map((p) => norm(p.resolved || p.path)).filter((rel) => kept.some((k) => rel === k || base(rel).startsWith(`${base(k)}.`))));
  // `git add README.md` for "look at README.md; gzip main.ts": the repository changed for the file only looked at.
  for (const c of commands) if (gitChange(c) !== undefined) hit.push(...kept.filter((k) => c.args.some((a) => norm(a) === k)));
  return hit.length > 0 ? [`it changes ${list(uniq(hit))}, which the request only looks at or leaves as it is`] : [];
}

/** `rm -r out` for "… delete out/r.txt": a folder deleted for a file the request names in it, when the folder is never said to go. */
export function folderForNamedFile(intent: Intent, commands: CommandFact[]): string[] {
  const out: string[] = [];
  for (const p of commands.flatMap((c) => c.deletes)) {
    const rel = norm(p.resolved || p.path);
    if (rel === '.' || p.dynamic || !intent.names.some((n) => n.startsWith(`${rel}/`))) continue;
    const folder = escapeRegExp(rel);
    const said = new RegExp(String.raw`\b(?:delete|remove|rm(?:\s+-\w+)*|wipe|erase|get rid of|nuke|drop|clear out)\s+(?:the\s+|whole\s+|entire\s+|folder\s+|directory\s+|dir\s+)*${folder}(?![\w./-]|/\w)`);
    if (!said.test(intent.words)) out.push(`it deletes the folder ${rel} or all it holds, but the request names only ${list(intent.names.filter((n) => n.startsWith(`${rel}/`)))} in it to delete`);
  }
  return uniq(out);
}

// A folder a clause names as where it acts: "in ./build", "under the folder cache", "from logs".
const placeIn = /\b(?:in|under|inside|within|from)\s+(?:the\s+)?(?:(?:folder|directory|dir)\s+)?["'`]?((?:\.{1,2}\/|\/)?[\w@+-][\w.@+-]*(?:\/[\w.@+-]+)*)/g;
const notAPlace = /^(?:it|them|there|here|this|that|these|those|the|a|an|all|each|every|any|which|order|turn|case|place|line|lines|text|files?|folders?|directories|dirs?|current|same|bulk|total|full|detail|parallel|front|back|place|memory|use)$/;

/** The folders a request only looks in: named in a clause that looks and in no clause that changes, when every change names a folder of its own. */
function foldersKeptAsIs(words: string, folders: readonly string[]): string[] {
  const clauses = clausesOf(words.replace(/(^|[\s"'])\.\//g, '$1'));
  const placesOf = (text: string) => uniq([...folders.map((f) => f.replace(/^\.\//, '').replace(/\/+$/, '')).filter((f) => f && f !== '.' && mentions(text, f)), ...[...text.matchAll(placeIn)].map((m) => m[1].replace(/\/+$/, '')).filter((p) => !notAPlace.test(p) && !/\.\w{1,8}$/.test(p))]);
  const changes = clauses.filter((c) => c.role === 'change');
  if (changes.length === 0 || clauses.some((c) => c.role === 'other') || changes.some((c) => placesOf(c.text).length === 0)) return [];
  const changed = changes.flatMap((c) => placesOf(c.text));
  return uniq(clauses.filter((c) => c.role === 'look').flatMap((c) => placesOf(c.text)).filter((f) => !changed.includes(f)));
}

/** `find build -name '*.log' -delete` for "list the .log files in build and delete the ones in cache": a change in a folder the request only looks in. */
export function keptFolderChanged(intent: Intent, commands: CommandFact[]): string[] {
  const kept = foldersKeptAsIs(intent.words, intent.scope);
  if (kept.length === 0) return [];
  // ... in it, or in a folder that holds it (`find . -name '*.txt' -delete` reaches build too).
  const within = (rel: string, k: string) => rel === k || rel.startsWith(`${k}/`) || rel === '.' || rel === '' || k.startsWith(`${rel}/`);
  const hit = uniq(commands.flatMap(pathsChanged).map((p) => norm(p.resolved || p.path).replace(/(?:^|\/)\*$/, '') || '.').flatMap((rel) => kept.filter((k) => within(rel, k))));
  return hit.length > 0 ? [`it changes what is in ${list(hit)}, where the request only looks`] : [];
}
