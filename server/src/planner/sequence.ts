// "archive the scripts folder into scripts.tar.gz and then delete the
// folder": two requests in a row. Each part is planned on its own, a word
// that points back ("it", "the folder", "them") is read as what the first
// part named, and the two commands run one after the other, the second only
// when the first succeeded.

import type { Corpus } from './corpus';
import { embeddedCandidates, type EmbeddedCandidate } from './embeddedPlanner';
import { readRequest, type WorkspaceNames } from './requestFacts';
import type { Hit } from './retrievalStore';
import { lookAndChange } from './clauseObjects';

type Search = (text: string, k: number) => Promise<Hit[]>;

const joint = /\s*(?:,\s*and then|,\s*then|\band then|\band afterwards|\bafter that|;\s*then|;)\s+/i;
const pointsBack = /\b(?:it|them|the (?:same )?(?:folder|directory|dir|file|files|archive|original|originals|copy|result))\b/i;

/** The two parts of "X and then Y" (or of a look and a change on two files joined by "and"), or undefined for a single request. */
export function splitSequence(request: string): [string, string] | undefined {
  const parts = request.trim().replace(/[.!]+$/, '').split(joint);
  if (parts.length !== 2 || parts.some((p) => p.trim().split(/\s+/).length < 2)) return lookAndChange(request);
  return [parts[0].trim(), parts[1].trim()];
}

/** The second part with a word pointing back replaced by what the first part named. */
export function resolveBack(first: string, second: string, names: WorkspaceNames): string {
  const facts = readRequest(first, names);
  // What exists is what "it" most likely means; else the thing the first part makes ("a folder named out").
  const existing = [...facts.dirs, ...facts.files].filter((f) => f.value !== '.' && (names.dirs.has(f.value) || names.files.has(f.value))).sort((a, b) => a.at - b.at)[0];
  const named = /\b(?:it|the (?:folder|directory|dir|file))\b/i.test(second) && /\b(?:make|create|new)\b/i.test(first) ? (facts.names[0] ?? existing) : existing;
  // Written as a path ("./out") so that a short name is read as the place it is, not as a word.
  const place = named && (named.value.includes('/') ? named.value : `./${named.value}`);
  return place && pointsBack.test(second) ? second.replace(pointsBack, (word) => (/^(it|them)$/i.test(word) ? place : `${word} ${place}`)) : second;
}

/** Candidates that run the first part's plan, then the second's. */
export async function sequenceCandidates(request: string, names: WorkspaceNames, search: Search, corpus: Corpus): Promise<EmbeddedCandidate[]> {
  const split = splitSequence(request);
  if (!split) return [];
  const [first, rest] = split;
  const second = resolveBack(first, rest, names);
  const plan = async (text: string) => embeddedCandidates(text, await search(text, 20), corpus, names, readRequest(text, names)).filter((c) => c.missing.length === 0 && !/[;&|]\s*$/.test(c.command)).slice(0, 3);
  const out: EmbeddedCandidate[] = [];
  const [firsts, seconds] = [await plan(first), await plan(second)];
  for (const a of firsts) {
    for (const b of seconds) {
      // Both parts answered: likelier than a plan for either part alone.
      const confidence = Math.round(Math.min(0.95, (a.confidence + b.confidence) / 2 + 0.1) * 100) / 100;
      out.push({ ...a, command: `${a.command} && ${b.command}`, confidence, explanation: `${a.explanation} Then: ${b.explanation}`, source: `${a.source}+then:${b.source}` });
    }
  }
  return out;
}
