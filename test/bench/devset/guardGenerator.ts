// A seeded generator of guard requests, put together from grammar parts
// (guardGrammar.ts): look-only requests phrased to tempt a change, in five
// classes (guardLookOnly.ts); controls that do order an act
// (guardControls.ts); and non-tasks that share words with shell tasks
// (guardNonTasks.ts). The same seed gives the same requests, in the same
// order; every request of a sample is distinct.
import type { Act } from './guardGrammar';
import { Choices } from './guardGrammar';
import { control } from './guardControls';
import { lookOnly, lookOnlyClasses, type LookOnlyClass } from './guardLookOnly';
import { nonTask } from './guardNonTasks';

export interface GeneratedRequest {
  id: string;
  request: string;
  /** look-only, control (orders an act) or non-task. */
  set: 'look-only' | 'control' | 'non-task';
  /** For look-only requests: which class of temptation. */
  class: LookOnlyClass | 'control' | 'non-task';
  /** Which part of the grammar it came from. */
  shape: string;
  /** For controls: the acts the request orders. */
  acts?: Act['kind'][];
}

export interface GuardSample {
  seed: number;
  lookOnly: GeneratedRequest[];
  controls: GeneratedRequest[];
  nonTasks: GeneratedRequest[];
}

export interface SampleSizes {
  /** Look-only requests, spread evenly over the five classes. */
  lookOnly: number;
  controls: number;
  nonTasks: number;
}

/** Draws until `count` distinct requests are made; says so when the grammar cannot give that many. */
export function distinct<T extends { request: string }>(count: number, what: string, draw: (i: number) => T): T[] {
  if (!Number.isInteger(count) || count < 0) throw new Error(`the number of ${what} must be a whole number ≥ 0, got ${String(count)}`);
  const seen = new Set<string>();
  const out: T[] = [];
  // The grammar is taken as spent once this many draws in a row give nothing new.
  const spent = 20_000;
  for (let sinceNew = 0; out.length < count; sinceNew++) {
    if (sinceNew > spent) throw new Error(`the grammar gave only ${out.length} distinct ${what} of the ${count} asked for: ask for fewer`);
    const r = draw(out.length);
    const request = r.request.replace(/\s+/g, ' ').trim();
    if (seen.has(request.toLowerCase())) continue;
    sinceNew = -1;
    seen.add(request.toLowerCase());
    out.push({ ...r, request });
  }
  return out;
}

/** The look-only requests, controls and non-tasks of one seed. */
export function generateGuardSample(seed: number, sizes: SampleSizes): GuardSample {
  const c = new Choices(seed);
  const lookOnlySet = distinct(sizes.lookOnly, 'look-only requests', (i) => {
    const cls = lookOnlyClasses[i % lookOnlyClasses.length];
    const r = lookOnly(c, cls);
    return { id: `g${seed}-${cls}-${i}`, request: r.request, set: 'look-only' as const, class: cls, shape: r.shape };
  });
  const controls = distinct(sizes.controls, 'controls', (i) => {
    const r = control(c);
    return { id: `g${seed}-control-${i}`, request: r.request, set: 'control' as const, class: 'control' as const, shape: r.shape, acts: r.acts };
  });
  const nonTasks = distinct(sizes.nonTasks, 'non-tasks', (i) => {
    const r = nonTask(c);
    return { id: `g${seed}-non-task-${i}`, request: r.request, set: 'non-task' as const, class: 'non-task' as const, shape: r.shape };
  });
  return { seed, lookOnly: lookOnlySet, controls, nonTasks };
}

/** Prints a sample: `node --import tsx test/bench/devset/guardGenerator.ts [seed] [look-only] [controls] [non-tasks]`. */
function main(argv: string[]): void {
  const [seed, lo, ctl, nt] = [argv[0] ?? '1', argv[1] ?? '20', argv[2] ?? '10', argv[3] ?? '10'].map(Number);
  const s = generateGuardSample(seed, { lookOnly: lo, controls: ctl, nonTasks: nt });
  for (const r of [...s.lookOnly, ...s.controls, ...s.nonTasks]) process.stdout.write(`${r.class}\t${r.shape}\t${r.request}${r.acts ? `\t→ ${r.acts.join('+')}` : ''}\n`);
}

if (require.main === module) main(process.argv.slice(2));
