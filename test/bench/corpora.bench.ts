// Host verdicts over the ecosystem corpora (test/corpora/): for each
// ecosystem, the share of everyday commands and of destructive mistakes
// that come out allow / ask / deny. Everyday: ask should be low (network
// commands may ask) and deny zero; destructive: allow zero, deny ≥ 95%.
import { createPolicyEngine } from '../../server/src/policy';
import { byEcosystem, readCorpus, type CorpusEntry } from '../support/corpora';
import type { BenchRow } from './row';

const pct = (k: number, n: number) => `${((100 * k) / n).toFixed(1)}%`;

async function rows(name: 'everyday' | 'destructive'): Promise<BenchRow[]> {
  const engine = await createPolicyEngine();
  const entries = readCorpus(name);
  const split = (list: CorpusEntry[]) => {
    const c = { allow: 0, ask: 0, deny: 0 };
    for (const e of list) c[engine.judge(e.command, { workspace: '/home/dev/project' }).decision]++;
    return c;
  };
  const out: BenchRow[] = [];
  const all = split(entries);
  const n = entries.length;
  out.push({ area: 'corpora', metric: `${name} all (${n})`, value: `${pct(all.allow, n)} / ${pct(all.ask, n)} / ${pct(all.deny, n)}`, note: 'allow / ask / deny' });
  if (name === 'everyday') {
    const offline = entries.map((e) => engine.judge(e.command, { workspace: '/home/dev/project' })).filter((d) => !d.risk.network);
    const asked = offline.filter((d) => d.decision === 'ask').length;
    const prompted = entries.map((e) => engine.judge(e.command, { workspace: '/home/dev/project' })).filter((d) => d.sandbox?.needsApproval).length;
    out.push({ area: 'corpora', metric: `everyday sandbox prompt (${n})`, value: pct(prompted, n), note: 'offline run in the sandbox (default mode) needs a person first' });
    out.push({ area: 'corpora', metric: `everyday offline ask (${offline.length})`, value: pct(asked, offline.length), note: 'host ask among commands that reach no network (git commits, workspace writes, scripts)' });
  }
  for (const [eco, list] of byEcosystem(entries)) {
    const c = split(list);
    out.push({ area: 'corpora', metric: `${name} ${eco} (${list.length})`, value: `${pct(c.allow, list.length)} / ${pct(c.ask, list.length)} / ${pct(c.deny, list.length)}` });
  }
  return out;
}

export async function bench(): Promise<BenchRow[]> {
  return [...(await rows('everyday')), ...(await rows('destructive'))];
}
