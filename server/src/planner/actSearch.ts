// "delete app.log and README.md": the names a request gives pull retrieval
// toward what they are (a log is tailed, a README is committed) and can push
// the act asked for out of what is retrieved. When nothing retrieved fits,
// the request is searched again with each name said as "file" or "folder",
// so the act alone leads; the slots are still filled from the request itself.

import type { Corpus } from './corpus';
import { embeddedCandidates, type EmbeddedCandidate } from './embeddedPlanner';
import { namedPlaces } from './namedList';
import type { RequestFacts, WorkspaceNames } from './requestFacts';
import type { Hit } from './retrievalStore';

/** The request with each name it gives said as "file" or "folder"; undefined when it gives none. */
export function actText(facts: Pick<RequestFacts, 'text' | 'files' | 'dirs' | 'paths' | 'ws'>): string | undefined {
  const places = namedPlaces(facts);
  if (places.length === 0) return undefined;
  let out = facts.text;
  for (const p of [...places].reverse()) out = `${out.slice(0, p.at)}${facts.ws.dirs.has(p.value) ? 'folder' : 'file'}${out.slice(p.at + p.raw.length)}`;
  return out;
}

/** Candidates for the request found by its act alone, leaving out commands already judged. */
export async function candidatesByAct(facts: RequestFacts, names: WorkspaceNames, corpus: Corpus, search: (text: string) => Promise<Hit[]>, tried: Set<string>): Promise<EmbeddedCandidate[]> {
  const text = actText(facts);
  if (text === undefined) return [];
  const found = embeddedCandidates(facts.text, await search(text), corpus, names, facts);
  return found.filter((c, i) => !tried.has(c.command) && found.findIndex((x) => x.command === c.command) === i).sort((a, b) => b.confidence - a.confidence);
}
