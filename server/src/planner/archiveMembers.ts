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

/** "extract only todo.txt from x.zip" planned as `unzip x.zip`: every member unpacked for one asked. */
export function memberLeftOut(intent: Intent, commands: CommandFact[]): string[] {
  const m = onlyMember.exec(intent.words);
  const member = m?.[1] ?? m?.[3];
  const archive = (m?.[2] ?? m?.[4] ?? '').replace(/[.,;:!?]+$/, '');
  if (!member || !archiveExt.test(archive)) return [];
  const whole = commands.find((c) => unpacks(c) && !c.args.some((a) => a.replace(/^\.\//, '').toLowerCase() === member || a.toLowerCase().endsWith(`/${member}`)));
  return whole ? [`it unpacks all of ${archive} (${programName(whole.program)}), but the request asks for ${member} only`] : [];
}
