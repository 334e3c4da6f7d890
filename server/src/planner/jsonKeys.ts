// Keys of a JSON file named in a request: "the names of all the items in
// items.json" reads the file and finds that its objects have a "name" key,
// so jq is given `.name` rather than a guess taken from the words.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Fact, RequestFacts } from './requestFacts';

const MAX_BYTES = 256 * 1024;

/** Keys of the file's top-level object, or of the objects in its top-level array; nested objects' keys as a.b. */
export function jsonKeys(root: string | undefined, file: string): string[] {
  if (!root || !/\.json$/i.test(file) || file.startsWith('/') || file.split('/').includes('..')) return [];
  let data: unknown;
  try {
    const full = path.join(root, file);
    if (fs.statSync(full).size > MAX_BYTES) return [];
    data = JSON.parse(fs.readFileSync(full, 'utf8'));
  } catch {
    return [];
  }
  const keys = new Set<string>();
  const visit = (value: unknown, prefix: string, depth: number) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || depth > 2) return;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      keys.add(prefix + k);
      visit(v, `${prefix}${k}.`, depth + 1);
    }
  };
  if (Array.isArray(data)) for (const item of data.slice(0, 50)) visit(item, '', 0);
  else visit(data, '', 0);
  return [...keys];
}

const singular = (w: string) => w.replace(/ies$/, 'y').replace(/(s|x|ch|sh)es$/, '$1').replace(/s$/, '');

/** Keys of the request's JSON file that the request names, in request order ("the database host" → database.host). */
const perRequest = new WeakMap<RequestFacts, Fact[]>();

export function namedKeys(facts: RequestFacts): Fact[] {
  let keys = perRequest.get(facts);
  if (!keys) perRequest.set(facts, (keys = readNamedKeys(facts)));
  return keys;
}

function readNamedKeys(facts: RequestFacts): Fact[] {
  const file = facts.files.find((f) => /\.json$/i.test(f.value));
  const keys = file ? jsonKeys(facts.ws.root, file.value) : [];
  if (keys.length === 0) return [];
  const out: Fact[] = [];
  const words = [...facts.lower.matchAll(/(?<![\w./-])([a-z_][\w-]*)(?![\w-]|\.\w)/g)];
  const said = new Set(words.flatMap((m) => [m[1], singular(m[1])]));
  // "which port does the database use": a nested key whose every part the request says, however far apart.
  const nested = (word: string) => keys.find((k) => k.includes('.') && k.toLowerCase().split('.').pop() === word && k.toLowerCase().split('.').every((part) => said.has(part)));
  words.forEach((m, i) => {
    const pair = i + 1 < words.length ? `${m[1]}.${words[i + 1][1]}` : '';
    const key = keys.find((k) => k.toLowerCase() === pair) ?? nested(m[1]) ?? nested(singular(m[1])) ?? keys.find((k) => !k.includes('.') && (k.toLowerCase() === m[1] || k.toLowerCase() === singular(m[1])));
    if (key && !out.some((f) => f.value === key)) out.push({ value: key, at: m.index, raw: m[1] });
  });
  // ... whose parent object is then no key of its own.
  return out.filter((f) => !out.some((g) => g.value.startsWith(`${f.value}.`)));
}
