// "for each python file in src, print how many lines it has": the files are
// found as any selection is, and the action is a knowledge entry that works
// on one file, run by find on each file found.

import type { Corpus } from './corpus';
import { perFile, splitForEach } from './compose';
import { embeddedCandidates, type EmbeddedCandidate } from './embeddedPlanner';
import { readRequest, type WorkspaceNames } from './requestFacts';
import type { Hit } from './retrievalStore';
import { fillSlots } from './slotFill';
import { fillTemplate } from './templateFill';

type Search = (text: string, k: number) => Promise<Hit[]>;

/** Candidates that run the request's per-file action on each file of its selection. */
export async function perFileCandidates(request: string, names: WorkspaceNames, search: Search, corpus: Corpus): Promise<EmbeddedCandidate[]> {
  const each = splitForEach(request);
  if (!each) return [];
  const head = `find ${each.selection}`;
  const finds = embeddedCandidates(head, await search(head, 8), corpus, names, readRequest(head, names)).filter((c) => /^find\s/.test(c.command)).slice(0, 3);
  const actionFacts = readRequest(each.action, names);
  const actions: { command: string; confidence: number; explanation: string; id: string }[] = [];
  for (const hit of await search(`${each.action} of a file`, 8)) {
    const entry = hit.origin === 'corpus' ? corpus.byId.get(hit.ref) : undefined;
    const fileSlots = entry ? Object.keys(entry.slots).filter((n) => entry.slots[n].type === 'file') : [];
    if (!entry || fileSlots.length !== 1) continue;
    const slots = fillSlots(entry, actionFacts);
    const filled = fillTemplate(entry, { ...slots.values, [fileSlots[0]]: '{}' });
    if (filled.missing.length > 0) continue;
    actions.push({ command: filled.command, confidence: hit.similarity, explanation: entry.explanation, id: entry.id });
  }
  const out: EmbeddedCandidate[] = [];
  for (const f of finds) {
    for (const a of actions.slice(0, 3)) {
      const command = perFile(f.command, a.command);
      if (!command) continue;
      const confidence = Math.round(Math.min(0.9, (f.confidence + a.confidence) / 2 + 0.1) * 100) / 100;
      out.push({ ...f, command, confidence, explanation: `${f.explanation} For each file: ${a.explanation}`, source: `${f.source}+each:${a.id}` });
    }
  }
  return out;
}
