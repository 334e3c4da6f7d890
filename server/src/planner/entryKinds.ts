// Entries find tells apart by kind (-type): files, folders, links, and the
// special files a system holds (character and block devices, named pipes,
// sockets). Each special kind is asked for by its own words; a plan that
// picks another kind answers another question.

import type { CommandFact } from '../policy/factsTypes';
import type { Intent } from './intent';
import { programName } from '../shell/programs';

export type EntryKind = 'f' | 'd' | 'l' | 'c' | 'b' | 's' | 'p';

const special: { kind: EntryKind; words: RegExp; name: string }[] = [
  { kind: 'l', words: /\b(?:symbolic links?|symlinks?|soft links?)\b/, name: 'symbolic links' },
  // ("6 character file extensions", "a 3 character file name": a length, not a kind.)
  { kind: 'c', words: /(?<!\d[- ]?)\bcharacter (?:special (?:devices?|files?)|devices?|device files?|files\b(?! ?names?| ?extensions?))/, name: 'character devices' },
  { kind: 'b', words: /(?<!\d[- ]?)\bblock (?:special (?:devices?|files?)|devices?|device files?|files\b(?! ?names?| ?extensions?))/, name: 'block devices' },
  { kind: 'p', words: /\b(?:named pipes?|fifos?|fifo files?)\b/, name: 'named pipes' },
  { kind: 's', words: /\b(?:socket files?|unix (?:domain )?sockets?)\b/, name: 'sockets' },
];

const kindNames: Record<EntryKind, string> = { f: 'regular files', d: 'folders', l: 'symbolic links', c: 'character devices', b: 'block devices', p: 'named pipes', s: 'sockets' };

/** The words of any special kind: what a request selects when it names one. */
export const specialKindNoun = new RegExp(special.map((k) => k.words.source.replace(/^\\b|\\b$/g, '')).join('|'));

/**
 * The special kind a request asks for, or undefined. A kind left out
 * ("excluding symbolic links") or only followed ("following symlinks",
 * "dereferencing links") is not asked for.
 */
export function specialKindOf(lower: string): EntryKind | undefined {
  const asked = lower
    .replace(/\b(?:exclud\w*|except|without|but not|not including|other than|apart from|ignor\w*|skip\w*)\s+(?:all\s+|the\s+|any\s+)?(?:symbolic links?|symlinks?|soft links?|character devices?|block devices?|named pipes?|fifos?|sockets?)\b/g, '')
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
    const at = c.args.findIndex((a, i) => (a === '-type' || a === '-xtype') && c.args[i + 1] !== kind && /^[fdlcbsp]$/.test(c.args[i + 1] ?? ''));
    if (at < 0 || c.args[at - 1] === '!' || c.args[at - 1] === '-not') continue;
    const picked = c.args[at + 1] as EntryKind;
    return [`it picks ${kindNames[picked]} (${c.args[at]} ${picked}), but the request asks for ${kindNames[kind]}`];
  }
  return [];
}
