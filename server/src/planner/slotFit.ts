// How the values a template was filled with fit the request: a template for
// one named target given no target while the request picks a selection, a
// table recipe given a file that is no table, a find test left at its
// default, the same value in two slots. Each is a penalty on the candidate.

import type { KnowledgeEntry } from './corpus';

/** "delete all empty folders": a template for one named target, with that target missing, is not a way to act on a selection. */
export function selectionMismatch(entry: KnowledgeEntry, missing: string[], lower: string): number {
  // ... also "the empty folders", "the .tmp files": a plural picks a selection as much as "all" does.
  if (!/\b(all|every|each|any)\b|\bthe\s+(?:[\w.*-]+\s+)?(?:files|folders|directories|dirs|logs|scripts)\b/.test(lower)) return 0;
  return missing.some((n) => ['file', 'dir', 'path'].includes(entry.slots[n]?.type)) ? 0.15 : 0;
}

/** A CSV recipe given a file that is not a table, or jq given a file that is not JSON. */
export function formatMismatch(entry: KnowledgeEntry, values: Record<string, string>): number {
  const files = Object.values(values).map((v) => v.replace(/^'|'$/g, ''));
  const json = files.some((v) => /\.json$/i.test(v));
  const table = files.some((v) => /\.(csv|tsv)$/i.test(v));
  if (json && !table && (/csv/.test(entry.id) || /\s-[Fdt],/.test(entry.template))) return 0.15;
  if (/^jq\b/.test(entry.template) && files.length > 0 && !json) return 0.15;
  if (/csv/.test(entry.id) && files.length > 0 && !table) return 0.15;
  return 0;
}

/** A find test left at its template default (`-perm 777`, `-size +1M`) is a condition nobody stated. */
export function unstatedFilter(entry: KnowledgeEntry, filled: string[]): number {
  for (const m of entry.template.matchAll(/\s-(?:perm|size|mtime|mmin|newer|user|group)\s+\{(\w+)\}/g)) if (!filled.includes(m[1]) && entry.slots[m[1]]?.default !== undefined) return 0.1;
  return 0;
}

/** Two slots of one kind given the same value ("print $2, $2"), or a second column nobody named: the template asks for more than the request did. */
export function repeatedValues(entry: KnowledgeEntry, values: Record<string, string>): number {
  const seen = new Set<string>();
  for (const [name, spec] of Object.entries(entry.slots)) {
    const value = values[name] ?? (spec.default !== undefined ? String(spec.default) : undefined);
    if (value === undefined) continue;
    if (seen.has(`${spec.type}\0${value}`)) return 0.15;
    seen.add(`${spec.type}\0${value}`);
  }
  // ... or a column printed that the request never named.
  const columns = Object.keys(entry.slots).filter((n) => entry.slots[n].type === 'column');
  return columns.length > 1 && columns.some((n) => values[n] === undefined) && columns.some((n) => values[n] !== undefined) ? 0.08 : 0;
}
