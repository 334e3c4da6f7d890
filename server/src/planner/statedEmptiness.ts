// Emptiness a request states of the files it picks ("the empty logs", "of
// size zero", "0 byte files", "with nothing in them", "that have no
// content"), read once, as find's `-empty`, and the check that a plan keeps
// it: a find that drops it, or turns it around (`-size +0c`, `! -empty`),
// picks every file of the set, the full ones too.

import type { CommandFact } from '../policy/factsTypes';
import type { Intent } from './intent';
import { programName } from '../shell/programs';

// What is emptied of lines, text or a setting is no file picked by it ("delete the empty lines", "an empty environment").
const notFiles = String.raw`(?!\s+(?:and\s+\w+\s+)?(?:lines?|rows?|strings?|spaces?|fields?|columns?|entries|entry|values?|environment|env|commit|messages?|variables?|output)\b)`;
// "empty the build folder", "empty app.log": "empty" as a verb orders an emptying, it picks nothing; nor is it said in a name ("/empty_dir/", "blank.txt").
const emptyAdjective = String.raw`(?<!(?:^|[,;:.!?]|\b(?:to|and|then|please|kindly|you|just|now|so|can|could|would|will|must|should|i|we|let's))\s*)(?<![/.-])(?<!\b(?:named|called|folder|directory|dir|file)\s+["'\x60]?)\bempty(?![\w/]|[.-]\w)(?!\s+(?:the|out|my|our|this|that|these|those|it|them|all|everything|[\w./-]+\.\w+|[\w.-]+\/)\b)${notFiles}`;
const zeroSize = String.raw`\b(?:zero|0)[- ]?(?:bytes?|b|kb|sized?|length|len)\b|\b(?:of|with|having|has|have|at)\s+(?:a\s+)?(?:file\s+)?size\s+(?:of\s+)?(?:zero|0)(?:\s*(?:bytes?|b))?\b|\bsize\s*(?:=|==|is|of)\s*(?:zero|0)\b|\b(?:zero|0) bytes? (?:in size|long|big)\b|\b(?:of|with|having)\s+(?:zero|0)\s+(?:bytes?|length)\b`;
const noContent = String.raw`\b(?:with|having|containing|holding)\s+nothing(?:\s+(?:in|inside)\s+(?:them|it))?\b|\bnothing\s+in\s+(?:them|it)\b|\b(?:that|which|who)\s+(?:have|has|hold|holds|contain|contains)\s+(?:nothing|no\s+(?:content|contents|data|text|bytes))\b|\b(?:with|having|of)\s+no\s+(?:content|contents|data|text|bytes)\b|\b(?:contain(?:s|ing)?|hold(?:s|ing)?)\s+(?:no\s+(?:content|contents|data|text|bytes)|nothing)\b|\bcontentless\b`;
const blank = String.raw`(?<![/.-])(?<!\b(?:named|called|folder|directory|dir|file)\s+["'\x60]?)\bblank(?![\w/]|[.-]\w)${notFiles}`;
const statedEmpty = new RegExp(`${emptyAdjective}|${zeroSize}|${noContent}|${blank}`);
const statedFull = /\bnon-?empty\b|\b(?:not|aren'?t|isn'?t|never)\s+empty\b|\bnon-?zero[- ]?(?:size|sized|byte|bytes|length)\b|\b(?:with|having|that have|that has)\s+(?:some\s+)?(?:content|contents|data)\b(?!\s+(?:of|from|like|matching|containing))/;

// "larger than 0 bytes", "more than zero bytes": any content at all.
const overZero = /\b(?:larger|bigger|greater|more|over|above)\s+(?:than\s+)?(?:zero|0)\s*(?:bytes?|b|kb|k)?\b/;
// "including empty ones", "even the empty files": the empty files added to the rest, which picks by no emptiness.
const emptyAdded = new RegExp(String.raw`\b(?:including|includ(?:e|es)|even|as well as|plus|along with|together with|and also)\s+(?:the\s+|any\s+|all\s+)?(?:those\s+|ones\s+|files\s+)?(?:${statedEmpty.source})`);
// "that are not 0 bytes", "which aren't of size zero": the rest.
const notZero = /\b(?:not|aren'?t|isn'?t|never)\s+(?:of\s+)?(?:a\s+)?(?:size\s+(?:of\s+)?)?(?:zero|0)(?:[- ]?(?:bytes?|b|sized?|length|long))?\b/;
// "except the 0 byte ones", "but keep the empty ones", "excluding empty files": the empty files kept out, so the rest are picked.
const emptyKept = new RegExp(String.raw`(?:\b(?:except(?:\s+for)?|excluding|exclude|but not|other than|apart from|save for|besides|without|keep(?:ing)?|leav(?:e|ing)|spar(?:e|ing)|skip(?:ping)?|ignor(?:e|ing)|omit(?:ting)?)\s+(?:the\s+|any\s+|all\s+)?(?:files\s+|ones\s+|those\s+)?(?:that\s+are\s+|which\s+are\s+)?)(?:${statedEmpty.source})`);

/** Whether the request picks the empty files, the ones that are not, or says nothing of it. */
export function statedEmptiness(lower: string): 'empty' | 'full' | undefined {
  if (statedFull.test(lower) || overZero.test(lower) || notZero.test(lower)) return 'full';
  if (emptyKept.test(lower)) return 'full';
  if (emptyAdded.test(lower)) return undefined;
  return statedEmpty.test(lower) ? 'empty' : undefined;
}

/** How a find's tests treat emptiness: `-empty`, `-size 0`, `-size -1c` keep the empty; `! -empty`, `-size +0c` the rest. */
function emptinessKept(c: CommandFact): ('empty' | 'full')[] {
  return c.args.flatMap((a, i) => {
    const not = /^(?:!|-not)$/.test(c.args[i - 1] ?? '');
    if (a === '-empty') return [not ? 'full' : 'empty'];
    if (a !== '-size') return [];
    const value = c.args[i + 1] ?? '';
    if (/^0[bckwMG]?$|^-1[bckwMG]?$/.test(value)) return [not ? 'full' : 'empty'];
    if (/^\+0[bckwMG]?$/.test(value)) return [not ? 'empty' : 'full'];
    return [];
  });
}

/**
 * "delete the .log files of size zero in logs" planned as `find logs -name
 * '*.log' -delete`, or "0 byte files" as `-size +0c`: the emptiness the
 * request states left out or turned around, so every full file is picked.
 * (Read from the command, so a model's plan is held to it as well.)
 */
export function emptinessLeftOut(intent: Intent, commands: CommandFact[]): string[] {
  const stated = statedEmptiness(intent.words);
  const finds = commands.filter((c) => /^(?:find|fd|fdfind)$/.test(programName(c.program)));
  if (stated === undefined) return [];
  // "list the files of size 0 bytes" planned as `ls -lSh`: a listing shows every file, whatever it holds ("is src empty?" may be answered by one).
  if (finds.length === 0 && commands.length > 0 && commands.every((c) => programName(c.program) === 'ls') && /\b(?:files|folders|director(?:ies)|dirs|ones|entries)\b/.test(intent.words)) {
    return [`it lists every entry (ls), ${stated === 'empty' ? 'empty' : 'non-empty'} or not, but the request asks for the ${stated === 'empty' ? 'empty' : 'non-empty'} ones`];
  }
  if (finds.length === 0) return [];
  const kept = finds.flatMap(emptinessKept);
  if (kept.length === 0) return [`it leaves out that the files are ${stated === 'empty' ? 'empty' : 'not empty'}, as the request states, so it selects more than asked`];
  if (!kept.includes(stated)) return [`it keeps the files that are ${stated === 'empty' ? 'not empty' : 'empty'}, but the request asks for the ${stated === 'empty' ? 'empty' : 'non-empty'} ones`];
  return [];
}
