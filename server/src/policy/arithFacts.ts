// Bash arithmetic evaluates the *values* of the variables it names, and an
// array subscript in such a value runs command substitutions:
// x='a[$(id)]'; echo $((x)) runs id. Every name read in an arithmetic
// context ($(( )), (( )), let, [[ -eq ]], subscripts, declare -i) is checked:
// a value the line set is read as code; a value from outside the line
// (input, the environment, a substitution) cannot be known, so it is asked.

import type { Context, Walker } from './facts';
import { nodeType, parseShell, type ShNode } from '../shell/parser';
import { arithm, type WordValue } from '../shell/words';

interface ArithOps {
  assign: Set<number>;
  testArith: Set<number>;
}
let ops: ArithOps | undefined;

function arithOps(): ArithOps {
  if (ops) return ops;
  const bin = (s: string) => parseShell(s).Stmts[0].Cmd.X.Op as number;
  ops = {
    assign: new Set(['=', '+=', '-=', '*=', '/=', '%=', '|=', '&=', '^=', '<<=', '>>='].map((o) => bin(`((a${o}1))`))),
    testArith: new Set(['-eq', '-ne', '-lt', '-le', '-gt', '-ge'].map((o) => bin(`[[ a ${o} b ]]`))),
  };
  return ops;
}

/** Names an arithmetic expression assigns (`i=0`, `i++`, `x+=2`): their values are numbers from then on. */
export function arithAssigned(node: ShNode, out: string[] = [], depth = 0): string[] {
  if (!node || depth > 64) return out;
  const t = nodeType(node);
  const name = (w: ShNode): string => (nodeType(w) === 'Word' && w.Parts?.length === 1 && nodeType(w.Parts[0]) === 'Lit' ? (w.Parts[0].Value as string) : '');
  if (t === 'BinaryArithm' && arithOps().assign.has(node.Op as number) && /^[A-Za-z_]\w*$/.test(name(node.X))) out.push(name(node.X));
  // ++ and -- change a name; other unary operators only read it, and a name read there is a number anyway.
  if (t === 'UnaryArithm' && /^[A-Za-z_]\w*$/.test(name(node.X))) out.push(name(node.X));
  for (const k of ['X', 'Y']) if (node[k]) arithAssigned(node[k], out, depth + 1);
  return out;
}

/** Words of a [[ ]] test: operands of -eq and friends are arithmetic; other operands are only expanded. */
export function testWords(node: ShNode, v: WordValue, scratch: () => WordValue, depth = 0): void {
  if (!node || depth > 64) return;
  const t = nodeType(node);
  if (t === 'BinaryTest' && arithOps().testArith.has(node.Op as number)) {
    arithm(v, node.X);
    arithm(v, node.Y);
    return;
  }
  if (t === 'Word') {
    // Expanded only: collect its substitutions without reading names as arithmetic.
    const s = scratch();
    arithm(s, node);
    v.nested.push(...s.nested);
    v.unknown.push(...s.unknown);
    return;
  }
  for (const k of ['X', 'Y']) if (node[k]) testWords(node[k], v, scratch, depth + 1);
}

/** Judge the names an arithmetic context reads. */
export function arithRefs(w: Walker, names: string[], parent: number, ctx: Context, seen = new Set<string>()): void {
  for (const name of names) {
    if (seen.has(name) || seen.size > 16) continue;
    seen.add(name);
    if (w.state.isNumeric(name)) continue;
    const value = w.state.lookup(name);
    if (value === undefined) {
      w.unknown('arithmetic-input', `bash evaluates the value of ${name} as an arithmetic expression, and that value comes from outside the command (it can hide a command in an array subscript)`, parent);
      continue;
    }
    if (/^\s*-?[0-9]+\s*$/.test(value)) continue;
    if (/\$\(|`|\$\{|\$[A-Za-z_]/.test(value)) {
      w.unknown('arithmetic-code', `the value of ${name} runs commands when bash evaluates it as arithmetic`, parent);
      w.reparse(`: ${value}`, parent, ctx, 'shell-string');
      continue;
    }
    const inner = value.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [];
    arithRefs(w, inner, parent, ctx, seen);
  }
}
