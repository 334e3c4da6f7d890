// "the .tmp files of size zero and over 500 KB", "bigger than 2 MB and
// smaller than 1k", "empty or bigger than 1 MB": a request that states two
// sizes picks by both. A find that tests one of them picks more than asked;
// one that asks for files that are both, when no file can be (empty and over
// 500 KB), picks none of what was asked. Either is turned away, so the plan
// keeps both as they were said or the planner abstains.

import type { CommandFact } from '../policy/factsTypes';
import type { Intent } from './intent';
import { programName } from '../shell/programs';
import { emptinessLeftOut, statedEmptiness } from './statedEmptiness';
import type { RequestFacts } from './requestFacts';
import { amountsOf } from './scopeChecks';

interface Bound { bytes: number; sign: string }

/** The emptiness and the two-size checks of a find, as one: what a request states of the size of the files it picks. */
export function statedSizesLeftOut(intent: Intent, commands: CommandFact[]): string[] {
  return [...emptinessLeftOut(intent, commands), ...oneOfTwoSizes(intent, commands)];
}

/** The bounds a request states, each once, and emptiness as "at most 0 bytes" (sizes said bare, "(100M, 10G etc.)", pick nothing). */
function statedSizes(words: string, sizes: Bound[]): Bound[] {
  const out: Bound[] = [];
  const add = (b: Bound) => { if (!out.some((x) => x.bytes === b.bytes && x.sign === b.sign)) out.push(b); };
  if (statedEmptiness(words) === 'empty') add({ bytes: 0, sign: '0' });
  for (const s of sizes) if (s.sign === '+' || s.sign === '-') add(s);
  return out;
}

/**
 * `find logs -size +10M -size -1024c -delete` for "larger than 10MB and
 * smaller than 1k": no file is both, so the request means either, and the
 * two tests are joined as such (`\( -size +10M -o -size -1024c \)`).
 */
export function eitherSize(command: string, f: RequestFacts): string {
  if (!/^find\s/.test(command) || /\s-o(?:r)?\s/.test(command)) return command;
  const stated = statedSizes(f.lower, amountsOf(f.lower, [], f.sizes).sizes);
  const both = /(-empty|-size [+-]?\w+) (-empty|-size [+-]?\w+)(?= |$)/.exec(command);
  if (stated.length !== 2 || !disjoint(stated) || !both) return command;
  return command.replace(both[0], `\\( ${both[1]} -o ${both[2]} \\)`);
}

/** Whether no file can meet every bound at once: a lower bound at or above an upper one (emptiness is an upper bound of 0). */
function disjoint(bounds: Bound[]): boolean {
  const lower = bounds.filter((b) => b.sign === '+').map((b) => b.bytes);
  const upper = bounds.filter((b) => b.sign === '-' || b.sign === '0').map((b) => b.bytes);
  return lower.some((l) => upper.some((u) => l >= u));
}

/** The sides of a find's size tests: '+' more than, '-' less than, '0' empty, '' exactly. */
function sizeSides(c: CommandFact): string[] {
  return c.args.flatMap((a, i) => {
    if (a === '-empty') return ['0'];
    const value = c.args[i + 1];
    if (a !== '-size' || value === undefined) return [];
    return [/^(?:0|-1)[bckwMG]?$/.test(value) ? '0' : /^[+-]/.test(value) ? value[0] : ''];
  });
}

function oneOfTwoSizes(intent: Intent, commands: CommandFact[]): string[] {
  const stated = statedSizes(intent.words, intent.amounts?.sizes ?? []);
  const finds = commands.filter((c) => /^(?:find|fd|fdfind)$/.test(programName(c.program)));
  if (stated.length < 2 || finds.length === 0) return [];
  const sides = finds.flatMap(sizeSides);
  const missed = stated.filter((b) => !sides.includes(b.sign));
  if (sides.length < stated.length || missed.length > 0) return [`it tests ${sides.length === 0 ? 'none' : 'only some'} of the ${stated.length} sizes the request states, or one the other way, so it selects other files than asked`];
  const either = finds.some((c) => c.args.some((a) => a === '-o' || a === '-or'));
  if (disjoint(stated) && !either) return ['it keeps only files of both sizes the request states, and no file is both, so it selects none of what was asked (the request asks for either)'];
  return [];
}
