// Entries find tells apart by kind (-type): files, folders, links, and the
// special files a system holds (character and block devices, named pipes,
// sockets). Each special kind is asked for by its own words; a plan that
// picks another kind answers another question.

import type { CommandFact } from '../policy/factsTypes';
import type { Intent } from './intent';
import { programName } from '../shell/programs';

export type EntryKind = 'f' | 'd' | 'l' | 'c' | 'b' | 's' | 'p';

const special: { kind: EntryKind; words: RegExp; name: string }[] = [
  // ... and "links" alone ("list all the file links") are symbolic links too, but not hard links, a count of links, or a folder called links.
  { kind: 'l', words: /\b(?:symbolic links?|symlinks?|soft links?)\b|(?<!\b(?:hard|\d+|more|fewer|multiple|many|several|two|of|in|under|into|inside|from|to)\s+(?:the\s+)?)(?<![/.\w-])(?:file\s+)?links\b(?!\s+(?:folder|directory|dir|count|number|to\s+it)\b|\/)|\b(?:every|each|any)\s+(?:file\s+)?link\b(?!\s+(?:folder|directory|dir)\b)/, name: 'symbolic links' },
  // ("6 character file extensions", "a 3 character file name": a length, not a kind.)
  { kind: 'c', words: /(?<!\d[- ]?)\bcharacter[- ](?:special[- ](?:devices?|files?)|devices?|device files?|files\b(?! ?names?| ?extensions?))/, name: 'character devices' },
  { kind: 'b', words: /(?<!\d[- ]?)\bblock[- ](?:special[- ](?:devices?|files?)|devices?|device files?|files\b(?! ?names?| ?extensions?))/, name: 'block devices' },
  { kind: 'p', words: /\b(?:named pipes?|fifos?|fifo files?)\b/, name: 'named pipes' },
  { kind: 's', words: /\b(?:socket files?|unix (?:domain )?sockets?)\b/, name: 'sockets' },
];

const kindNames: Record<EntryKind, string> = { f: 'regular files', d: 'folders', l: 'symbolic links', c: 'character devices', b: 'block devices', p: 'named pipes', s: 'sockets' };

/** The words of any special kind: what a request selects when it names one. */
export const specialKindNoun = new RegExp(special.map((k) => k.words.source.replace(/^\\b|\\b$/g, '')).join('|'));

const kinds = String.raw`(?:symbolic links?|symlinks?|soft links?|character[- ](?:special[- ])?(?:devices?|files?)|block[- ](?:special[- ])?(?:devices?|files?)|named pipes?|fifos?|sockets?)`;
const keepingWords = String.raw`(?:\b(?:exclud\w*|except|without|but(?: not)?|not including|other than|apart from|besides|ignor\w*|skip\w*|keep\w*|leav\w*|spar\w*|not|never|no)|n't)`;
// A kind kept or turned down: "but the symlinks", "keep the fifos", "that is not a named pipe", "do not copy the symlinks", "that aren't symlinks".
const keptKinds = new RegExp(String.raw`${keepingWords}\s+(?:[\w'-]+\s+){0,3}?${kinds}\b|\b(?:including|includ\w*|plus|as well as|along with|together with|treating)\s+(?:[\w'-]+\s+){0,3}?${kinds}\b`, 'g');
// ... or said as what points at the files: "the files that symlinks point to", "referenced by symbolic links".
const pointedAt = new RegExp(String.raw`\b(?:that|which)\s+(?:the\s+|any\s+)?${kinds}\s+(?:point|refer|lead)\w*|\b(?:referenced|pointed (?:at|to)|targeted|linked)\s+(?:to\s+)?by\s+(?:the\s+|any\s+)?${kinds}|\btargets?\s+of\s+(?:the\s+|any\s+)?${kinds}`, 'g');

/**
 * The special kind a request asks for, or undefined. A kind left out
 * ("excluding symbolic links") or only followed ("following symlinks",
 * "dereferencing links") is not asked for.
 */
export function specialKindOf(lower: string): EntryKind | undefined {
  const asked = lower
    // A kind kept, turned down or added to the rest: "but the symlinks", "keep the fifos", "that is not a named pipe", "do not copy the symlinks", "including symlinks".
    .replace(keptKinds, '')
    .replace(pointedAt, '')
    .replace(/\b(?:(?:not\s+|without\s+|never\s+)?follow\w*|dereferenc\w*|resolv\w*|through)\s+(?:all\s+|the\s+|any\s+)?(?:symbolic links?|symlinks?|soft links?)\b/g, '')
    // "create a symbolic link in bin for each script": links made, not looked for.
    .replace(/\b(?:creat\w*|mak\w*|add\w*|set(?:s|ting)? up|generat\w*|put\w*|place\w*)\s+(?:(?:a|an|the|new|relative|absolute|hard|one)\s+){0,3}(?:symbolic links?|symlinks?|soft links?)\b|^\s*(?:please\s+)?(?:symlink|link)\b/g, '');
  return special.find((k) => k.words.test(asked))?.kind;
}

/** "list the symbolic links in src" planned with `find src -type f` or `ls src`, "the character devices" with `-type b`: another kind of entry picked, or every kind. */
export function otherKindPicked(intent: Intent, commands: CommandFact[]): string[] {
  const kind = specialKindOf(intent.words);
  if (!kind) return [];
  // `ls spool` lists every entry, whatever its kind.
  if (commands.length === 1 && programName(commands[0].program) === 'ls') return [`it lists every entry (ls), but the request asks for ${kindNames[kind]}`];
  for (const c of commands) {
    if (programName(c.program) !== 'find') continue;
    // `find src -path '*keep*'` for "the soft links under src that ...": every kind of entry (-lname matches links only).
    if (!c.args.some((a) => /^-(?:x?type|i?lname)$/.test(a))) return [`it picks every kind of entry, but the request asks for ${kindNames[kind]}`];
    // (`-type l -xtype d`: links that point to folders; the -xtype tests where they point.)
    const links = c.args.some((a, i) => a === '-type' && c.args[i + 1] === 'l');
    const at = c.args.findIndex((a, i) => (a === '-type' || (a === '-xtype' && !links)) && c.args[i + 1] !== kind && /^[fdlcbsp]$/.test(c.args[i + 1] ?? ''));
    if (at < 0 || c.args[at - 1] === '!' || c.args[at - 1] === '-not') continue;
    const picked = c.args[at + 1] as EntryKind;
    return [`it picks ${kindNames[picked]} (${c.args[at]} ${picked}), but the request asks for ${kindNames[kind]}`];
  }
  return [];
}

/**
 * "delete everything in src but the symlinks" planned as `find src -mindepth
 * 1 -delete` (links and all) or `find src -type l -delete` (only them); "the
 * files that symlinks point to" as a delete of the links: a change that
 * reaches the kind the request keeps out.
 */
export function keptKindChanged(intent: Intent, commands: CommandFact[]): string[] {
  const changing = commands.filter((c) => c.deletes.length > 0 || c.writes.length > 0 || /^(?:rm|mv|cp|chmod|chown|chgrp|gzip|ln)$/.test(programName(c.program)));
  if (changing.length === 0) return [];
  const finds = commands.filter((c) => programName(c.program) === 'find');
  for (const m of intent.words.matchAll(keptKinds)) {
    if (/^(?:including|includ|plus|as well|along|together|treating)/.test(m[0])) continue;
    const kind = special.find((k) => k.words.test(m[0]))?.kind;
    if (!kind) continue;
    // Kept out by `! -type K`, or by picking one other kind only (`-type f`).
    const keeps = finds.some((c) => c.args.some((a, i) => (a === '-type' || a === '-xtype') && ((c.args[i + 1] === kind && /^(?:!|-not)$/.test(c.args[i - 1] ?? '')) || (c.args[i + 1] !== kind && /^[fdcbsp]$/.test(c.args[i + 1] ?? '') && !/^(?:!|-not)$/.test(c.args[i - 1] ?? '')))));
    if (!keeps) return [`it does not leave out the ${kindNames[kind]}, which the request keeps (${m[0].trim()})`];
  }
  pointedAt.lastIndex = 0;
  if (pointedAt.test(intent.words) && finds.some((c) => c.args.some((a, i) => (a === '-type' || a === '-xtype') && c.args[i + 1] === 'l'))) return ['it changes the links, but the request asks for the files they point to'];
  return [];
}
