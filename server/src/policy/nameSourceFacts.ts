// Where a command's name came from when it was not written out: a variable
// (`x=$(… | base64 -d); $x`: the policy judges decoded text used as a program
// as obfuscation), or every element of an array or of the positional
// parameters (`a=(rm -rf ~); "${a[@]}"`, `set -- rm -rf ~; "$@"`), which bash
// runs as a whole command line: those words are described as the command
// they make.

import type { Context, Walker } from './facts';
import type { CommandFact } from './factsTypes';
import { literal } from '../shell/argWords';
import type { WordValue } from '../shell/words';

/** The line's positional parameters are kept under a name no variable can have. */
export const POSITIONAL = '@args';

export function describeNameSource(w: Walker, fact: CommandFact, rest: WordValue[], ctx: Context): void {
  const name = rest[0];
  if (!name) return;
  if ((name.params ?? []).length > 0 && !fact.markers.includes('name-from-variable')) fact.markers.push('name-from-variable');
  if (fact.program === 'set' && rest[1]?.text === '--') {
    w.state.setArray(POSITIONAL, rest.slice(2).map((a) => (a.dynamic ? null : a.text)));
    return;
  }
  if (!fact.name_dynamic || fact.name_from_substitution) return;
  const params = name.params ?? [];
  if (params.length !== 1) return;
  const source = params[0] === '@' || params[0] === '*' ? POSITIONAL : params[0];
  const words: WordValue[] = [];
  for (let i = 0; i < 32; i++) {
    const v = w.state.lookup(source, String(i));
    if (v === undefined) break;
    words.push(literal(v));
  }
  if (words.length === 0) return;
  fact.markers.push('name-from-array');
  const sibling = w.newCommand({ ...ctx, parent: fact.index, via: 'exec' });
  w.command(sibling, [...words, ...rest.slice(1)], { ...ctx, parent: fact.index, via: 'exec' });
}
