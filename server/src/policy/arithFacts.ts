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

/**
 * `declare -i n; n=$x`: an assignment to an integer-attributed name evaluates its value as
 * arithmetic, so a value holding `a[$(cmd)]` runs cmd. A value made only of digits and
 * arithmetic expansions is a number already.
 */
export function integerAssignment(w: Walker, name: string, node: ShNode, v: WordValue, index: number, ctx: Context): void {
  const parts: ShNode[] = node.Parts ?? [];
  if (parts.length > 0 && parts.every((p) => nodeType(p) === 'ArithmExp' || (nodeType(p) === 'Lit' && /^[0-9\s]*$/.test((p.Value as string) ?? '')))) return;
  if (v.dynamic) {
    w.unknown('arithmetic-input', `${name} has the integer attribute: bash evaluates the value given to it as an arithmetic expression, and that value is only known at run time (it can hide a command in an array subscript)`, index);
    return;
  }
  if (/\$\(|`|\$\{|\$[A-Za-z_]/.test(v.text)) {
    w.unknown('arithmetic-code', `the value given to ${name} runs commands when bash evaluates it as arithmetic`, index);
    w.reparse(`: ${v.text}`, index, ctx, 'shell-string');
    return;
  }
  arithRefs(w, v.text.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [], index, ctx);
}

const DECLARERS = new Set(['declare', 'typeset', 'local', 'export', 'readonly']);

/** `declare -i n` written so that it is not parsed as a declaration (`builtin declare`, `$d -i n`, `{declare,} -i n`): the same attribute. */
export function integerAttributes(w: Walker, fact: { program: string; index: number; name_dynamic: boolean }, rest: WordValue[], ctx: Context): void {
  const args = rest.slice(1);
  integerInput(w, fact, args);
  const flagged = args.some((a) => a.dynamic || /^-[a-zA-Z]*i/.test(a.text));
  // A declaration command only known at run time may be `declare -i` too.
  if (!(DECLARERS.has(fact.program) || fact.name_dynamic) || !flagged) return;
  for (const a of args) {
    if (a.dynamic) {
      w.unknown('arithmetic-input', 'a declaration with words only known at run time may give a variable the integer attribute', fact.index);
      continue;
    }
    const m = /^([A-Za-z_]\w*)(=([\s\S]*))?$/.exec(a.text);
    if (!m) continue;
    w.integers.add(m[1]);
    if (m[2]) integerAssignment(w, m[1], { Parts: [] }, { ...a, text: m[3] }, fact.index, ctx);
  }
}

/** `read n`, `printf -v n …`, `mapfile n` into an integer-attributed name: the text assigned is evaluated as arithmetic. */
function integerInput(w: Walker, fact: { program: string; index: number }, args: WordValue[]): void {
  if (w.integers.size === 0) return;
  let names: string[] = [];
  if (fact.program === 'read' || fact.program === 'mapfile' || fact.program === 'readarray') names = args.filter((a) => !a.text.startsWith('-')).map((a) => a.text);
  if (fact.program === 'printf') args.forEach((a, i) => (a.text === '-v' && args[i + 1] ? names.push(args[i + 1].text) : /^-v./.test(a.text) ? names.push(a.text.slice(2)) : undefined));
  if (fact.program === 'read' && names.length === 0) names = ['REPLY'];
  for (const n of names) {
    const name = n.replace(/\[.*$/, '');
    if (w.integers.has(name)) w.unknown('arithmetic-input', `${name} has the integer attribute: ${fact.program} gives it text that bash evaluates as an arithmetic expression`, fact.index);
  }
}
