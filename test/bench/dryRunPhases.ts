// Where a dry run's time goes, phase by phase: the engine calls a try makes
// after its command (freeze, the upper layer's stat, the archive read back)
// and the work left in the background (the used container's removal, the
// pool's replacement), timed by wrapping the methods that make them.

import { createRequire } from 'node:module';
import { Sandbox } from '../../server/src/executor/sandbox';

type Method = (...args: unknown[]) => unknown;
interface Prototype {
  [name: string]: unknown;
}

export interface Phases {
  freeze: number[];
  stat: number[];
  archive: number[];
  made: number[];
  removed: number[];
}

/** Starts timing the phases; the returned function stops it. */
export function timePhases(): { phases: Phases; stop: () => void } {
  const phases: Phases = { freeze: [], stat: [], archive: [], made: [], removed: [] };
  const Container = createRequire(__filename)('dockerode/lib/container') as { prototype: Prototype };
  const undo = [
    wrap(Sandbox.prototype as unknown as Prototype, 'freeze', phases.freeze),
    wrap(Container.prototype, 'infoArchive', phases.stat),
    wrap(Container.prototype, 'getArchive', phases.archive),
    wrap(Sandbox.prototype as unknown as Prototype, 'destroy', phases.removed, true),
    wrap(Sandbox as unknown as Prototype, 'create', phases.made),
  ];
  return { phases, stop: () => undo.forEach((u) => u()) };
}

/** Times each call of `target[name]` into `into` (with `once`, the first per object); returns what puts the method back. */
function wrap(target: Prototype, name: string, into: number[], once = false): () => void {
  const original = target[name] as Method;
  const seen = new WeakSet<object>();
  target[name] = function (this: object, ...args: unknown[]) {
    if (once && seen.has(this)) return original.apply(this, args);
    seen.add(this);
    const t = performance.now();
    const result = original.apply(this, args);
    if (result instanceof Promise) void result.then(() => into.push(performance.now() - t), () => undefined);
    return result;
  };
  return () => (target[name] = original);
}
