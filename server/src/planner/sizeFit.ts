// Whether a command about sizes answers in the shape asked: "from largest to
// smallest" orders every entry, so a command that keeps only the first few
// answers another question; a listing of one file has no order to give.

import type { KnowledgeEntry } from './corpus';
import type { RequestFacts } from './requestFacts';
import { statedEmptiness } from './statedEmptiness';

const extremes = '(?:largest|biggest|smallest|heaviest|lightest|oldest|newest|most|least|highest|lowest)';
/** "from largest to smallest", "from the biggest file to the smallest one": every entry, in that order. */
const wholeOrder = new RegExp(`\\bfrom (?:the )?${extremes}\\b.{0,30}?\\bto (?:the )?${extremes}\\b`);

/** Added to a candidate's score: negative when a command cuts a list the request asks for whole, or orders a list of one file. */
export function sizeFit(entry: Pick<KnowledgeEntry, 'template'>, values: Record<string, string>, facts: Pick<RequestFacts, 'lower' | 'ws'>): number {
  let score = wholeOrder.test(facts.lower) && /\|\s*head\b|\s-maxdepth 0\b/.test(entry.template) ? -0.25 : 0;
  // "sort numbers.txt, biggest first" orders what is in the file: a listing of the one file orders nothing.
  if (/^ls -\w*[St]\w* \{\w+\}$/.test(entry.template) && Object.values(values).some((v) => facts.ws.files.has(v.replace(/^'|'$/g, '')))) score -= 0.4;
  // "the files of size 0 bytes": a walk or a listing that tests no emptiness answers for every file.
  if (statedEmptiness(facts.lower) === 'empty' && /^(?:find|ls|du|df)\b/.test(entry.template) && !/\s-empty\b|\s-size\b|\{size\}/.test(entry.template)) score -= 0.15;
  return score;
}
