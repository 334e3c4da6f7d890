// "go to /srv/app and list the log files": a request that first moves into a
// folder. The rest is planned on its own, as if asked in that folder, and runs
// after a `cd` there, only when the folder could be entered.

import type { Corpus } from './corpus';
import { embeddedCandidates, type EmbeddedCandidate } from './embeddedPlanner';
import { readRequest, type WorkspaceNames } from './requestFacts';
import type { Hit } from './retrievalStore';
import { shellQuote } from './templateFill';

type Search = (text: string, k: number) => Promise<Hit[]>;

const folder = String.raw`("[^"\n]+"|'[^'\n]+'|[^\s,;]+)`;
const then = String.raw`\s*,?\s*(?:and then|and|then)\s+(.+)$`;
const moves = [
  new RegExp(String.raw`^\s*(?:please\s+)?(?:change|switch)\s+(?:the\s+)?(?:current\s+)?(?:working\s+)?(?:directory|folder|dir)\s+(?:to|into)\s+(?:the\s+)?(?:directory\s+|folder\s+)?${folder}(?:\s+(?:directory|folder))?${then}`, 'i'),
  new RegExp(String.raw`^\s*(?:please\s+)?(?:go|cd|navigate|move|change|switch)\s+(?:in)?to\s+(?:the\s+)?(?:directory\s+|folder\s+)?${folder}(?:\s+(?:directory|folder))?${then}`, 'i'),
  new RegExp(String.raw`^\s*(?:please\s+)?(?:enter|cd)\s+(?:the\s+)?(?:directory\s+|folder\s+)?${folder}(?:\s+(?:directory|folder))?${then}`, 'i'),
];

export interface FolderMove {
  /** The folder to enter, as written (quotes removed). */
  dir: string;
  /** What to do there. */
  rest: string;
}

/** The folder a request first moves into and what it then asks, or undefined. */
export function folderMove(request: string): FolderMove | undefined {
  const text = request.trim().replace(/[.!]+$/, '');
  for (const re of moves) {
    const m = re.exec(text);
    if (!m) continue;
    const dir = m[1].replace(/^(["'])(.*)\1$/, '$2');
    // "go to the end of the file and ...": only a name that can be a folder.
    if (/^(?:the|a|an|end|top|bottom|line|each|every)$/i.test(dir) || m[2].trim().split(/\s+/).length < 2) return undefined;
    return { dir, rest: m[2].trim() };
  }
  return undefined;
}

/** The rest of the request planned in the folder, each plan run after entering it. */
export async function folderMoveCandidates(request: string, names: WorkspaceNames, search: Search, corpus: Corpus): Promise<EmbeddedCandidate[]> {
  const move = folderMove(request);
  if (!move) return [];
  const enter = `cd ${/^\$\w+$|^\$\{\w+\}$/.test(move.dir) ? `"${move.dir}"` : shellQuote(move.dir)}`;
  const facts = readRequest(move.rest, names);
  const out: EmbeddedCandidate[] = [];
  for (const c of embeddedCandidates(move.rest, await search(move.rest, 20), corpus, names, facts).slice(0, 3)) {
    if (c.missing.length > 0 || /[;&|]\s*$|\n/.test(c.command)) continue;
    // Both parts answered: likelier than a plan that leaves out the move.
    const confidence = Math.round(Math.min(0.92, c.confidence + 0.05) * 100) / 100;
    out.push({ ...c, command: `${enter} && ${c.command}`, confidence, explanation: `Enters ${move.dir}, then: ${c.explanation}`, source: `${c.source}+cd` });
  }
  return out;
}
