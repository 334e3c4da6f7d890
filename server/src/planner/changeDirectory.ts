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
  const inside = namesInside(names, move.dir);
  const facts = readRequest(move.rest, inside);
  const out: EmbeddedCandidate[] = [];
  for (const c of embeddedCandidates(move.rest, await search(move.rest, 20), corpus, inside, facts).slice(0, 3)) {
    if (c.missing.length > 0 || /[;&|]\s*$|\n/.test(c.command)) continue;
    // Both parts answered: likelier than a plan that leaves out the move.
    const confidence = Math.round(Math.min(0.92, c.confidence + 0.05) * 100) / 100;
    out.push({ ...c, command: `${enter} && ${c.command}`, confidence, explanation: `Enters ${move.dir}, then: ${c.explanation}`, source: `${c.source}+cd` });
  }
  return out;
}

/**
 * The workspace's names as seen from `dir`, where the rest of the request runs:
 * "go to out and delete t.log" names out/t.log as t.log, never as out/out/t.log,
 * and a file of the same name in another folder is no longer a second copy. A
 * folder outside the workspace, or one only known when it runs, holds no names known here.
 */
export function namesInside(names: WorkspaceNames, dir: string): WorkspaceNames {
  const rel = dir.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
  if (rel === '' || rel === '.') return names;
  const outside = rel.startsWith('/') || rel.startsWith('~') || rel.includes('$') || /(^|\/)\.\.(\/|$)/.test(rel);
  const prefix = `${rel}/`;
  const under = (set: ReadonlySet<string>) => (outside ? [] : [...set].filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length)));
  const files = under(names.files);
  const dirs = under(names.dirs);
  const byBase = new Map<string, string>();
  const byStem = new Map<string, string | null>();
  const sameBase = new Map<string, string[]>();
  // Nearer entries first, as the workspace scan finds them.
  for (const p of [...files, ...dirs].sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b))) {
    const base = p.slice(p.lastIndexOf('/') + 1);
    if (!byBase.has(base)) byBase.set(base, p);
    sameBase.set(base, [...(sameBase.get(base) ?? []), p]);
    if (files.includes(p)) {
      const stem = base.toLowerCase().replace(/\..*$/, '');
      byStem.set(stem, byStem.has(stem) ? null : p);
    }
  }
  return {
    files: new Set(files),
    dirs: new Set(dirs),
    byBase,
    byStem: new Map([...byStem].filter((e): e is [string, string] => e[1] !== null)),
    sameBase: new Map([...sameBase].filter((e) => e[1].length > 1)),
    root: names.root && !outside ? `${names.root}/${rel}` : undefined,
    refs: names.refs,
  };
}
