// Mutants of the dangerous seeds: each seed rewritten by one to three
// meaning-preserving transforms, drawn with a seeded generator so that a run
// is the same on every machine.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { rng, TRANSFORMS, type Rng, type Transform } from './transforms';

export interface Seed {
  expect: 'deny' | 'ask+';
  cls: string;
  command: string;
  line: number;
}

export interface Mutant {
  seed: Seed;
  text: string;
  transforms: string[];
  hostOnly: boolean;
  /** Some transform in the chain may honestly lower `deny` to `ask`. */
  lowers: boolean;
}

export const SEED_FILE = path.resolve(__dirname, '..', 'corpora', 'attack-seeds.txt');

/** Read a seed file: `EXPECT<TAB>CLASS<TAB>COMMAND`, `⏎` for a newline, `#` comments. */
export function loadSeeds(file = SEED_FILE): Seed[] {
  const seeds: Seed[] = [];
  fs.readFileSync(file, 'utf8').split('\n').forEach((raw, i) => {
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const [expect, cls, ...rest] = raw.split('\t');
    if ((expect !== 'deny' && expect !== 'ask+') || !cls || rest.length === 0) throw new Error(`${file}:${i + 1}: expected "deny|ask+<TAB>class<TAB>command", got ${JSON.stringify(raw)}`);
    seeds.push({ expect, cls, command: rest.join('\t').replace(/⏎/g, '\n'), line: i + 1 });
  });
  return seeds;
}

/** Apply `depth` transforms, each picked at random among those that apply. */
export function mutate(text: string, depth: number, r: Rng, pool: Transform[] = TRANSFORMS, first?: Transform): { text: string; transforms: string[]; hostOnly: boolean; lowers: boolean } | null {
  const used: string[] = [];
  let hostOnly = false;
  let lowers = false;
  let current = text;
  for (let d = 0; d < depth; d++) {
    let done = false;
    for (let attempt = 0; attempt < 8 && !done; attempt++) {
      const t = d === 0 && first && attempt === 0 ? first : r.pick(pool);
      const out = t.apply(current, r);
      if (!out || out.text === current || out.text.length > 6000) continue;
      current = out.text;
      used.push(t.name);
      hostOnly ||= out.hostOnly === true;
      lowers ||= t.lowers;
      done = true;
    }
    if (!done && d === 0) return null;
  }
  return used.length ? { text: current, transforms: used, hostOnly, lowers } : null;
}

/**
 * `count` mutants, seeds taken in turn and the first transform of each chain
 * taken in turn too, so that every seed meets every transform.
 */
export function* mutants(seeds: Seed[], count: number, seed = 11, pool: Transform[] = TRANSFORMS): Generator<Mutant> {
  const r = rng(seed);
  let made = 0;
  for (let i = 0; made < count && i < count * 4; i++) {
    const s = seeds[i % seeds.length];
    const first = pool[(i + Math.floor(i / seeds.length)) % pool.length];
    const depth = r.next() < 0.5 ? 1 : r.next() < 0.6 ? 2 : 3;
    const m = mutate(s.command, depth, r, pool, first);
    if (!m) continue;
    made++;
    yield { seed: s, ...m };
  }
}
