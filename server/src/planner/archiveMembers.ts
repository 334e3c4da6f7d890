// "extract only todo.txt from x.zip", "unpack just docs/api.md from
// site.tar.gz": one member is asked for, and an unpacking of the whole
// archive writes every other member too, over the live files of those names.

import type { CommandFact } from '../policy/factsTypes';
import type { Intent } from './intent';
import { archiveExt } from './requestWords';
import { programName } from '../shell/programs';

const onlyMember = /\b(?:only|just|solely|nothing but)\s+(?:the\s+)?(?:file\s+)?([\w./-]+\.\w{1,8})\s+(?:out\s+)?(?:of|from)\s+(?:the\s+)?(?:archive\s+)?([\w./-]+)|\b([\w./-]+\.\w{1,8})\s+(?:only|alone)\s+(?:out\s+)?(?:of|from)\s+(?:the\s+)?(?:archive\s+)?([\w./-]+)/;

/** Whether `c` unpacks an archive: unzip (not a listing), tar x, 7z x or e. */
function unpacks(c: CommandFact): boolean {
  const program = programName(c.program);
  if (program === 'unzip') return !c.flags.some((f) => f === 'l' || f === 'v' || f === 'Z' || f === 't' || f === 'p');
  if (program === 'tar' || program === 'bsdtar') return c.flags.some((f) => f === 'x' || f === 'extract' || f === 'get') || /^-?\w*x/.test(c.args[0] ?? '');
  return /^7za?$/.test(program) && /^[ex]$/.test(c.args[0] ?? '');
}

// "restore todo.txt from x.zip", "get notes.txt back out of the archive x.zip", "extract todo.txt from x.zip": one member taken out, named.
const takenMember = /\b(?:restor\w*|recover\w*|retriev\w*|get|bring|put|pull|take|grab|fetch|extract|unpack|unzip|untar)\s+(?:back\s+)?(?:the\s+)?(?:file\s+)?([\w./-]+\.\w{1,8})\s+(?:back\s+)?(?:from|out of)\s+(?:the\s+)?(?:archive\s+)?([\w./-]+)/;
// Options of the unpackers whose value is a place, not a member.
const placeOptions = new Set(['-d', '-C', '--directory', '-x', '--exclude']);

/** "extract only todo.txt from x.zip" or "restore todo.txt from x.zip" planned as `unzip x.zip` or `unzip -o x.zip notes.txt todo.txt`: members unpacked beyond the one asked. */
export function memberLeftOut(intent: Intent, commands: CommandFact[]): string[] {
  const m = onlyMember.exec(intent.words);
  const t = m ? undefined : takenMember.exec(intent.words);
  const member = (m?.[1] ?? m?.[3] ?? t?.[1])?.toLowerCase();
  const archive = (m?.[2] ?? m?.[4] ?? t?.[2] ?? '').replace(/[.,;:!?]+$/, '');
  if (!member || !archiveExt.test(archive)) return [];
  const isMember = (a: string) => a.replace(/^\.\//, '').toLowerCase() === member || a.toLowerCase().endsWith(`/${member}`);
  const whole = commands.find((c) => unpacks(c) && !c.args.some(isMember));
  if (whole) return [`it unpacks all of ${archive} (${programName(whole.program)}), but the request asks for ${member} only`];
  const others = commands.filter(unpacks).flatMap((c) => c.args.filter((a, i) => /\.\w{1,8}$/.test(a) && !archiveExt.test(a) && !a.startsWith('-') && !isMember(a) && !placeOptions.has(c.args[i - 1] ?? '')));
  return others.length > 0 ? [`it also unpacks ${others.join(', ')} from ${archive}, but the request asks for ${member} only`] : [];
}
