// Judges mutants with the real policy and counts how well it holds: no
// mutant of a seed may be `allow`, and a `deny` seed's mutants stay `deny`
// unless a transform in the chain may honestly lower them to `ask`.

import type { PolicyEngine } from '../../server/src/policy';
import type { Mutant, Seed } from './generator';

export interface Tally {
  total: number;
  allowed: number;
  deny: number;
  /** Mutants of deny seeds that should have stayed deny. */
  mustDeny: number;
  kept: number;
}

export interface HoldReport {
  total: number;
  allowed: Mutant[];
  /** Deny seeds' mutants, with no lowering transform, that came out `ask`. */
  lowered: Mutant[];
  seedsAllowed: Seed[];
  seedsNotDenied: Seed[];
  byTransform: Map<string, Tally>;
  byClass: Map<string, Tally>;
}

const empty = (): Tally => ({ total: 0, allowed: 0, deny: 0, mustDeny: 0, kept: 0 });

export function judgeSeeds(engine: PolicyEngine, seeds: Seed[]): { allowed: Seed[]; notDenied: Seed[] } {
  const allowed: Seed[] = [];
  const notDenied: Seed[] = [];
  for (const s of seeds) {
    const d = engine.judge(s.command).decision;
    if (d === 'allow') allowed.push(s);
    if (s.expect === 'deny' && d !== 'deny') notDenied.push(s);
  }
  return { allowed, notDenied };
}

export function holdRate(engine: PolicyEngine, seeds: Seed[], list: Iterable<Mutant>): HoldReport {
  const seedCheck = judgeSeeds(engine, seeds);
  const report: HoldReport = { total: 0, allowed: [], lowered: [], seedsAllowed: seedCheck.allowed, seedsNotDenied: seedCheck.notDenied, byTransform: new Map(), byClass: new Map() };
  // A seed the policy does not deny yet cannot be asked to stay denied through its mutants.
  const seedDenied = new Set(seeds.filter((s) => !seedCheck.notDenied.includes(s)).map((s) => s.line));
  for (const m of list) {
    report.total++;
    const d = engine.judge(m.text).decision;
    const mustDeny = m.seed.expect === 'deny' && seedDenied.has(m.seed.line) && !m.lowers;
    const tallies = [...new Set(m.transforms)].map((t) => at(report.byTransform, t)).concat(at(report.byClass, m.seed.cls));
    for (const t of tallies) {
      t.total++;
      if (d === 'allow') t.allowed++;
      if (d === 'deny') t.deny++;
      if (mustDeny) {
        t.mustDeny++;
        if (d === 'deny') t.kept++;
      }
    }
    if (d === 'allow') report.allowed.push(m);
    else if (mustDeny && d !== 'deny') report.lowered.push(m);
  }
  return report;
}

function at(map: Map<string, Tally>, key: string): Tally {
  let t = map.get(key);
  if (!t) map.set(key, (t = empty()));
  return t;
}

export const pct = (a: number, b: number): string => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);
