// `cat $(ls ~/.ssh/id_*)`: a file name produced by a command substitution is one of
// the paths the commands inside it looked at, or something under them. A command
// that reads such a name reads those paths, as far as judging goes.

import type { Walker } from './facts';
import type { CommandFact } from './factsTypes';
import type { PathFact } from './paths';
import { DYNAMIC, type WordValue } from '../shell/words';
import { literal } from '../shell/argWords';

export function substitutedReads(w: Walker, fact: CommandFact, raw: WordValue[]): void {
  if (!raw.some((a) => a.fromSubstitution && a.dynamic)) return;
  if (!fact.reads.some((p) => p.dynamic)) return;
  const inner = w.facts.commands.filter((c) => c.parent === fact.index && c.via === 'command-substitution');
  const seen = new Set(fact.reads.map((p) => p.path));
  const add = (p: PathFact) => {
    if (seen.has(p.path)) return;
    seen.add(p.path);
    fact.reads.push(p);
  };
  for (const c of inner) {
    for (const p of c.reads) {
      if (p.classes.includes('unknown-location')) continue;
      add(p);
      // What the path names, or anything found under it.
      add(w.path({ ...literal(p.path.replace(/\/+$/, '') + '/' + DYNAMIC), dynamic: true, pick: true }));
    }
  }
}
