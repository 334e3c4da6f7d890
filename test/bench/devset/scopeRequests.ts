// Requests put together from templates and a vocabulary of folders, kinds of
// file, ages, sizes, owners, modes and acts, each with the bound a correct
// plan keeps: whether it may change anything, which folder it may reach,
// whether it may descend, which kind it must keep, which conditions were
// stated and which act was asked. Three halves of distinct templates (A, B,
// C) so that fixes made on A and B can be measured on C.
//   node --import tsx test/bench/devset/scopeRequests.ts [SEED] [PER_TEMPLATE]
import { scopeTemplates } from './scopeTemplates';

export type Act = 'delete' | 'compress' | 'chmod+x' | 'chmod-x' | 'chown' | 'move' | 'copy';

/** What a correct plan for a request may do, and no more. */
export interface ScopeBound {
  /** Only to look: no write, delete or other change. */
  look: boolean;
  /** Not a shell task: the planner must abstain. */
  nonTask?: boolean;
  /** The folder named ('.' the current one); every path the plan reaches is inside it. */
  folder?: string;
  /** Not recursive: the plan must not descend below `folder`. */
  flat?: boolean;
  /** The extension the plan's selection keeps (without the dot). */
  kind?: string;
  /** The kind is an exception: everything but it. */
  except?: boolean;
  /** Conditions the request states; any other in the plan is one nobody asked for. */
  age?: number;
  size?: string;
  name?: string;
  /** The one act asked, with its object. */
  act?: Act;
  owner?: string;
  dest?: string;
  /** One file picked by its order (the oldest, the biggest): never every file. */
  single?: boolean;
}

export interface ScopeCase {
  half: 'A' | 'B' | 'C';
  template: string;
  request: string;
  bound: ScopeBound;
  /** A command that keeps the bound, to mutate into over-reaching ones (absent for non-tasks). */
  reference?: string;
}

/** A deterministic source of choices (xorshift32). */
export class Draw {
  private x: number;
  constructor(seed: number) {
    this.x = (seed >>> 0) || 1;
  }
  next(): number {
    this.x ^= this.x << 13;
    this.x >>>= 0;
    this.x ^= this.x >>> 17;
    this.x ^= this.x << 5;
    this.x >>>= 0;
    return this.x / 0x1_0000_0000;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** `perTemplate` requests of every template of the halves asked, deduplicated by wording. */
export function scopeCases(seed: number, perTemplate: number, halves: ScopeCase['half'][] = ['A', 'B', 'C']): ScopeCase[] {
  const draw = new Draw(seed);
  const out: ScopeCase[] = [];
  const seen = new Set<string>();
  for (const t of scopeTemplates) {
    if (!halves.includes(t.half)) continue;
    for (let i = 0, tries = 0; i < perTemplate && tries < perTemplate * 5; tries++) {
      const made = t.make(draw);
      if (seen.has(made.request)) continue;
      seen.add(made.request);
      out.push({ half: t.half, template: t.name, ...made });
      i++;
    }
  }
  return out;
}

if (process.argv[1]?.endsWith('scopeRequests.ts')) {
  const seed = Number(process.argv[2] ?? 1);
  const per = Number(process.argv[3] ?? 3);
  for (const c of scopeCases(seed, per)) console.log(`${c.half} ${c.template.padEnd(18)} ${c.request}  => ${c.reference ?? '(abstain)'}  ${JSON.stringify(c.bound)}`);
}
