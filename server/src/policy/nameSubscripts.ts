// Builtins that are given a variable's *name* (read, printf -v, test -v,
// declare, unset, mapfile, wait -p, getopts, a nameref's target) evaluate an
// array subscript in that name as arithmetic, and bash expands command
// substitutions there: printf -v 'a[$(id)]' x and test -v 'a[$(id)]' run id,
// although the quotes keep the outer shell from expanding anything. A name
// the line spells is read for such code; a name only known at run time
// cannot be, so it is asked (`export $(cat vars.txt)` may also set BASH_ENV).

import type { Context, Walker } from './facts';
import { nodeType, parseShell, type ShNode } from '../shell/parser';
import type { WordValue } from '../shell/words';
import { arithRefs } from './arithFacts';

/** Options of each builtin that take a value (so that value is no name). */
const VALUE_OPTIONS: Record<string, string> = { read: 'dinNptu', mapfile: 'dnOsuCc', readarray: 'dnOsuCc' };

/** Options that are followed by a name. */
const NAME_OPTIONS: Record<string, string[]> = { read: ['-a'], printf: ['-v'], wait: ['-p'], test: ['-v', '-R'], '[': ['-v', '-R'] };

const OPERANDS_ARE_NAMES = new Set(['read', 'mapfile', 'readarray', 'unset', 'declare', 'typeset', 'local', 'export', 'readonly']);

/** The words of a builtin's arguments that bash reads as variable names. */
export function nameWords(program: string, args: WordValue[]): WordValue[] {
  const names: WordValue[] = [];
  const takesValue = VALUE_OPTIONS[program] ?? '';
  const nameOpts = NAME_OPTIONS[program] ?? [];
  let operands = program === 'getopts' ? -1 : 0;
  for (let i = 0; i < args.length; i++) {
    const t = args[i].text;
    const opt = nameOpts.find((o) => t === o || (program !== 'test' && program !== '[' && t.startsWith(o)));
    if (opt && !args[i].dynamic) {
      const next = t === opt ? args[++i] : undefined;
      if (next) names.push(next);
      else if (t !== opt) names.push({ ...args[i], text: t.slice(opt.length) });
      continue;
    }
    if (program === 'test' || program === '[' || program === 'printf' || program === 'wait') continue;
    if (/^-[A-Za-z]/.test(t) && !args[i].dynamic) {
      // -p PROMPT, -d DELIM: the option's value is the rest of the word or the next word.
      const letters = t.slice(1);
      const at = [...letters].findIndex((c) => takesValue.includes(c));
      if (at >= 0 && at === letters.length - 1) i++;
      continue;
    }
    if (program === 'getopts') {
      if (operands++ === 0) names.push(args[i]);
      continue;
    }
    if (OPERANDS_ARE_NAMES.has(program)) names.push(args[i]);
  }
  return names;
}

/** Read one name word: code in its subscript is walked, a name only known at run time is asked. */
export function checkName(w: Walker, v: WordValue, program: string, index: number, ctx: Context): void {
  if (v.dynamic) {
    // ... and a name given to export or declare may be one that loads code (BASH_ENV, LD_PRELOAD).
    w.unknown('arithmetic-input', `${program} is given a variable name only known at run time: bash evaluates an array subscript in a name as arithmetic, which can run a command, and the name may be one that makes programs load code`, index);
    return;
  }
  const m = /^[A-Za-z_]\w*\[([\s\S]*)\]/.exec(v.text);
  if (!m) return;
  const subscript = m[1];
  if (/\$\(|`|\$\{|\$[A-Za-z_]|<\(|>\(/.test(subscript)) {
    w.unknown('arithmetic-code', `${program} evaluates the subscript of ${v.text} as arithmetic, and it runs commands`, index);
    w.reparse(`: ${subscript}`, index, ctx, 'shell-string');
    return;
  }
  arithRefs(w, subscript.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [], index, ctx);
}

/** The names a simple command gives a builtin. */
export function nameSubscripts(w: Walker, fact: { program: string; index: number }, rest: WordValue[], ctx: Context): void {
  const program = fact.program;
  if (!(program in NAME_OPTIONS) && !OPERANDS_ARE_NAMES.has(program) && program !== 'getopts') return;
  for (const v of nameWords(program, rest.slice(1))) {
    // declare a[x]=v, export n=v: the name is the text before `=`.
    const text = OPERANDS_ARE_NAMES.has(program) && !v.dynamic ? v.text.replace(/\+?=[\s\S]*$/, '') : v.text;
    checkName(w, { ...v, text }, program, fact.index, ctx);
  }
}

let unaryOps: Set<number> | undefined;

/** `[[ -v NAME ]]` and `[[ -R NAME ]]`: the operand is a name, its subscript evaluated. */
export function testClauseNames(w: Walker, node: ShNode, ctx: Context, depth = 0): void {
  if (!node || depth > 64) return;
  unaryOps ??= new Set(['-v', '-R'].map((o) => parseShell(`[[ ${o} a ]]`).Stmts[0].Cmd.X.Op as number));
  if (nodeType(node) === 'UnaryTest' && unaryOps.has(node.Op as number) && nodeType(node.X) === 'Word') {
    checkName(w, w.word(node.X), '[[ -v ]]', -1, ctx);
    return;
  }
  for (const k of ['X', 'Y']) if (node[k]) testClauseNames(w, node[k], ctx, depth + 1);
}
