// The planner that needs no model: the best-matching knowledge templates,
// their slots filled from the request and the workspace, ranked by how well
// the request matches and how fully the slots could be filled.

import type { Corpus, KnowledgeEntry } from './corpus';
import type { Hit } from './retrievalStore';
import { readRequest, type RequestFacts, type WorkspaceNames } from './requestFacts';
import { fillSlots } from './slotFill';
import { fillTemplate } from './templateFill';

export interface EmbeddedCandidate {
  command: string;
  confidence: number;
  explanation: string;
  /** Corpus entry id, or `history:<id>` for a past command. */
  source: string;
  entry?: KnowledgeEntry;
  filled: string[];
  missing: string[];
}

/** Below this a plan is shown as a guess. */
export const LOW_CONFIDENCE = 0.4;

export function embeddedCandidates(request: string, hits: Hit[], corpus: Corpus, workspace: WorkspaceNames, facts?: RequestFacts): EmbeddedCandidate[] {
  const f = facts ?? readRequest(request, workspace);
  const topScore = hits[0]?.score ?? 1;
  const out: EmbeddedCandidate[] = [];
  for (const hit of hits) {
    const rank = hit.score / topScore;
    if (hit.origin === 'history') {
      if (!hit.command) continue;
      const confidence = clamp(hit.similarity * 1.1 + 0.1 * (hit.successRate ?? 0) + 0.05 * rank);
      out.push({ command: hit.command, confidence, explanation: `You ran this before${hit.description ? ` for "${hit.description}"` : ''} (${hit.usageCount ?? 0} runs, ${Math.round((hit.successRate ?? 0) * 100)}% succeeded).`, source: `history:${hit.ref}`, filled: [], missing: [] });
      continue;
    }
    const entry = corpus.byId.get(hit.ref);
    if (!entry) continue;
    out.push(candidateFor(entry, f, hit.similarity, rank));
  }
  // A question about what a folder holds is a listing, even when retrieval ranks "directory" templates higher.
  const listing = corpus.byId.get('files.list');
  if (listing && contentsQuestion.test(f.lower) && !hits.some((h) => h.ref === listing.id)) out.push(candidateFor(listing, f, 0.6, 0.5));
  out.sort((a, b) => b.confidence - a.confidence);
  const seen = new Set<string>();
  return out.filter((c) => (seen.has(c.command) ? false : (seen.add(c.command), true)));
}

export function candidateFor(entry: KnowledgeEntry, facts: RequestFacts, similarity: number, rank: number): EmbeddedCandidate {
  const slots = fillSlots(entry, facts);
  const { command, missing } = fillTemplate(entry, slots.values);
  // Filled slots are evidence the template fits the request; missing required ones are evidence against.
  // A slot left at its default means the template is more specific than the request asked for.
  const defaulted = Object.keys(entry.slots).filter((n) => !slots.filled.includes(n) && entry.slots[n].default !== undefined && entry.slots[n].default !== '').length;
  const slotScore = Math.min(0.15, 0.05 * slots.filled.length) - 0.02 * defaulted - 0.2 * missing.length - 0.06 * Math.min(3, slots.unused) - countingMismatch(entry, facts.lower) - negationMismatch(entry, facts.lower) + containerFit(entry, facts.lower);
  // Between equally good matches the simpler command is the likelier intent.
  const simplicity = -0.0008 * entry.template.length - (entry.utilities.some((u) => notPreinstalled.has(u)) ? 0.05 : 0);
  const confidence = clamp(similarity * 1.05 + 0.12 * rank + slotScore - 0.02 + simplicity - domainPenalty(entry, facts.lower));
  return { command, confidence, explanation: entry.explanation, source: entry.id, entry, filled: slots.filled, missing };
}

// Programs most systems lack until someone installs them: between equal matches, the one that runs everywhere.
const notPreinstalled = new Set(['rg', 'fd', 'fdfind', 'tree', 'bat', 'batcat', 'exa', 'eza', 'ag', 'htop', 'ncdu', 'jless', 'fzf']);

// Tool-specific entries (git, containers, packages) need the request to be about that tool.
const domains: Record<string, RegExp> = {
  git: /\b(git|commits?|branch\w*|merge\w*|stash\w*|rebase\w*|repo\w*|tags?|blame|checkout|push\w*|pull\w*|staged?|remotes?|head|clone|cherry|upstream|diff|untracked|tracked|uncommitted|history|authors?)\b/,
  containers: /\b(docker|containers?|images?|compose|kubectl|pods?|k8s|podman|kubernetes|volumes?|registry)\b/,
  packages: /\b(install\w*|packages?|npm|pip\w*|apt|apt-get|dependenc\w*|yarn|pnpm|cargo|gem|brew|dpkg|upgrad\w*|modules?|librar\w*|venv|virtualenv|requirements)\b/,
};

// "How many ..." wants a number: a template that cannot count is less likely.
function countingMismatch(entry: KnowledgeEntry, lower: string): number {
  if (!/\b(how many|count|number of|total number)\b/.test(lower)) return 0;
  return /\bwc\b|\s-c\b|--count|uniq -c|\bcount\b|length/.test(entry.template) ? 0 : 0.08;
}

// "files that never mention TODO" wants an inverted match, and a plain request does not.
function negationMismatch(entry: KnowledgeEntry, lower: string): number {
  const asked = /\b(not|never|without|except|excluding|non|no)\b|n't\b|\bdont\b/.test(lower);
  const inverts = /\s-[a-zA-Z]*[vL]\b|\s!\s|\s-not\b|--invert|--exclude|-prune\b|--files-without-match/.test(entry.template);
  return asked === inverts ? 0 : 0.06;
}

// "what is inside the data folder" asks for its entries; a folder named as a container is not a request about folders.
const contentsQuestion = /\b(what(?:'s| is| are)? (?:in|inside)|what (?:does|do) .{1,40} (?:contain|hold|have)|contents? of|inside (?:the |my |this )?\S+ (?:folder|directory|dir)|list (?:what(?:'s| is) in|the contents)|in there)\b/;
const aboutFolders = /\b(folders|directories|dirs|subfolders|subdirectories|subdirs|sub-folders|empty (?:folder|directory|dir)|(?:folder|directory|dir)s? (?:tree|structure|hierarchy))\b/;
function containerFit(entry: KnowledgeEntry, lower: string): number {
  let score = 0;
  if (contentsQuestion.test(lower) && /^ls\s/.test(entry.template) && !/\|/.test(entry.template)) score += 0.12;
  if (/-type d\b/.test(entry.template) && !aboutFolders.test(lower)) score -= 0.1;
  return score;
}

function domainPenalty(entry: KnowledgeEntry, lower: string): number {
  const re = domains[entry.category];
  return re && !re.test(lower) ? 0.15 : 0;
}

function clamp(x: number): number {
  return Math.round(Math.max(0.01, Math.min(0.97, x)) * 100) / 100;
}
