// Words that name a program's job, and the values that job takes: "wrap the
// lines" is fold's, "bind mount a on b" mount --bind's, "sort the file" a
// sort's, "environment variables" env's; a path is no variable name, and one
// line by its number needs a number.

import type { KnowledgeEntry } from './corpus';
import type { RequestFacts } from './requestFacts';

const wraps = /\b(?:wrap\w*|word-?wrap\w*|fold\w*|re-?flow\w*)\b(?![^.;]{0,30}\b(?:folders?|director\w*)\b)|\bbreak\w*\s+(?:up\s+)?(?:the\s+|all\s+|its\s+)?(?:long\s+)?lines\b/;
const bindMount = /\bbind(?:-|\s+)?(?:re)?mount\w*|\b(?:re)?mount\w*\b[^.;]{0,80}\bas (?:a )?bind\b|\bmount\w* --bind\b/;

/** Added to a candidate's score for the job the request's words name and the values the template was given. */
export function jobWordsFit(entry: Pick<KnowledgeEntry, 'template'>, values: Record<string, string>, facts: Pick<RequestFacts, 'lower' | 'files'>): number {
  let score = 0;
  // A variable's name has no slash or dot: "/original/path" is a path, never the name printenv looks up.
  if (/^printenv \{/.test(entry.template) && Object.values(values).some((v) => /[/.]/.test(v))) score -= 0.3;
  // "environment variables whose name contains X": variables are not files, so no walk of the folder finds them.
  if (/\b(?:environment|env)\s+var(?:iable)?s?\b/.test(facts.lower) && facts.files.length === 0 && /^(?:find|ls|locate|tree|grep -\w*r)\b/.test(entry.template)) score -= 0.2;
  // "bind mount a on b", "remount a to b as a bind": the option said in words; a folder shown elsewhere is no device mounted.
  if (bindMount.test(facts.lower)) score += /^mount --bind\b/.test(entry.template) ? 0.15 : /^mount\b/.test(entry.template) ? -0.1 : 0;
  // "sort the file x line by line": a request that starts by sorting is answered by a command that sorts.
  if (/^\s*(?:please\s+)?(?:sort|re-?sort)\b/.test(facts.lower) && !/\bsort\b|\bls\s+-\w*[tSvXU]|--sort\b|\bjq\b[^|]*\bsort_by\b/.test(entry.template)) score -= 0.15;
  // One line by its number needs a number or "first": "sort foo.txt by line" names no line to print.
  const lineSlot = /^sed -n '\{(\w+)\}p'/.exec(entry.template)?.[1];
  if (lineSlot && (values[lineSlot] ?? '1') === '1' && !/\b(?:first|top|header|heading|title|1st|one)\b|\bline\s*(?:number\s*|no\.?\s*)?1\b/.test(facts.lower)) score -= 0.15;
  // "wrap the lines at 60 columns": fold breaks long lines; cut drops the rest of each line, and a length test only reports them.
  if (wraps.test(facts.lower)) score += /^fold\b/.test(entry.template) ? 0.15 : /^(?:cut -c|awk 'length)/.test(entry.template) ? -0.15 : 0;
  return score;
}
