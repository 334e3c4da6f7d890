// The output of small pipelines that can be computed without running them:
// echo and printf of known text, then decoders (base64, xxd -r -p, tr, rev,
// cat). Text that is then run (piped into a shell, `eval "$(...)"`, a here-
// string, a process substitution) is read as the command it really is.

import * as path from 'node:path';
import { nodeType, shellOps, type ShNode } from '../shell/parser';
import { decodeAnsiC, scopedWordValue, type WordScope, type WordValue } from '../shell/words';
import { expandBraces } from './stateFacts';

const MAX = 16_384;

/** `dirname` of a path, where `.` and `..` stand for the folders they name. */
function folderOf(p: string): string {
  const n = path.posix.normalize(p);
  if (n.startsWith('/')) return path.posix.dirname(n);
  return n === '.' || /(^|\/)\.\.$/.test(n) ? path.posix.normalize(n + '/..') : path.posix.dirname(n);
}

/** Output of a list of statements, or undefined when anything in it is not computable. */
export function staticOutput(stmts: ShNode[], scope: WordScope): string | undefined {
  if (stmts.length !== 1 || stmts[0].Background) return undefined;
  const stages: ShNode[] = [];
  if (!flatten(stmts[0], stages)) return undefined;
  return staticPipeline(stages, scope);
}

function flatten(stmt: ShNode, out: ShNode[]): boolean {
  const cmd = stmt?.Cmd;
  if (nodeType(cmd) === 'BinaryCmd') {
    const op = shellOps().binary.get(cmd.Op as number);
    if (op !== '|' || (stmt.Redirs ?? []).length > 0) return false;
    return flatten(cmd.X, out) && flatten(cmd.Y, out);
  }
  if (nodeType(cmd) !== 'CallExpr') return false;
  out.push(stmt);
  return true;
}

/** Output of pipeline stages run in order, each reading the one before. */
export function staticPipeline(stages: ShNode[], scope: WordScope): string | undefined {
  let text: string | undefined = '';
  for (const stage of stages) {
    text = runStage(stage, text, scope);
    if (text === undefined || text.length > MAX) return undefined;
  }
  return text;
}

function runStage(stmt: ShNode, input: string, scope: WordScope): string | undefined {
  const call = stmt.Cmd;
  if ((call.Assigns ?? []).length > 0) return undefined;
  let stdin = input;
  for (const r of stmt.Redirs ?? []) {
    const op = shellOps().redirect.get(r.Op as number);
    if (op !== '<<<') return undefined;
    const w = scopedWordValue(r.Word, scope);
    if (w.dynamic) return undefined;
    stdin = w.text + '\n';
  }
  return runWords(call, stdin, scope);
}

/** Brace expansion applies before anything else: `{echo,} x` is `echo x`. */
function runWords(call: ShNode, stdin: string, scope: WordScope): string | undefined {
  const words = (call.Args ?? []).map((a: ShNode) => scopedWordValue(a, scope));
  // A pattern stays a pattern in the output: whoever reads it next (xargs, a shell) sees what it could match.
  if (words.some((w: WordValue) => w.dynamic || (w.glob && w === words[0]))) return undefined;
  const texts = words.flatMap((w: WordValue) => (w.braces ? expandBraces(w.text).filter((t) => t !== '') : w.text === '' && !w.quoted ? [] : [w.text]));
  while (texts[0] === 'command' || texts[0] === 'builtin') texts.shift();
  const [prog, ...args] = texts;
  return PROGRAMS[prog]?.(args, stdin);
}

/** Output of one simple command given its stdin; undefined unless every word is known and the program is one of the above. */
export function commandOutput(call: ShNode, stdin: string, scope: WordScope): string | undefined {
  if (nodeType(call) !== 'CallExpr' || (call.Assigns ?? []).length > 0) return undefined;
  return runWords(call, stdin, scope);
}


const PROGRAMS: Record<string, (args: string[], stdin: string) => string | undefined> = {
  // The working folder is spelled `.`, as `$PWD` is: the folder that holds it is then `..`, not `dirname .`.
  pwd: (args) => (args.every((a) => /^-[LP]$/.test(a)) ? '.\n' : undefined),
  dirname: (args) => (args.length === 1 ? folderOf(args[0]) + '\n' : undefined),
  realpath: (args) => (args.length === 1 && !args[0].startsWith('-') ? path.posix.normalize(args[0]) + '\n' : undefined),
  echo: (args) => {
    let newline = true;
    let escapes = false;
    while (args.length && /^-[neE]+$/.test(args[0])) {
      const f = args.shift()!;
      if (f.includes('n')) newline = false;
      if (f.includes('e')) escapes = true;
    }
    const body = args.join(' ');
    return (escapes ? decodeAnsiC(body) : body) + (newline ? '\n' : '');
  },
  printf: (args) => (args.length === 0 || args[0] === '-v' ? undefined : printf(args[0], args.slice(1))),
  cat: (args, stdin) => (args.length === 0 || (args.length === 1 && args[0] === '-') ? stdin : undefined),
  base64: (args, stdin) => (args.length === 1 && ['-d', '--decode', '-D'].includes(args[0]) ? Buffer.from(stdin.replace(/\s+/g, ''), 'base64').toString('latin1') : undefined),
  xxd: (args, stdin) => {
    const flags = args.join('');
    if (!/^-(r-?p|p-?r|rp|pr)$/.test(flags) && !(args.length === 2 && args.includes('-r') && args.includes('-p'))) return undefined;
    return Buffer.from(stdin.replace(/[^0-9a-fA-F]/g, ''), 'hex').toString('latin1');
  },
  rev: (args, stdin) => (args.length === 0 ? stdin.split('\n').map((l) => [...l].reverse().join('')).join('\n') : undefined),
  tr: (args, stdin) => {
    if (args.length !== 2 || args[0].startsWith('-')) return undefined;
    const from = expandSet(args[0]);
    const to = expandSet(args[1]);
    if (!from || !to || to.length === 0) return undefined;
    const map = new Map<string, string>();
    from.forEach((c, i) => map.set(c, to[Math.min(i, to.length - 1)]));
    return [...stdin].map((c) => map.get(c) ?? c).join('');
  },
};

function expandSet(set: string): string[] | undefined {
  if (/\[:|\[=|\\/.test(set)) return undefined;
  const out: string[] = [];
  for (let i = 0; i < set.length; i++) {
    if (set[i + 1] === '-' && i + 2 < set.length) {
      const a = set.charCodeAt(i);
      const b = set.charCodeAt(i + 2);
      if (b < a || b - a > 256) return undefined;
      for (let c = a; c <= b; c++) out.push(String.fromCharCode(c));
      i += 2;
    } else out.push(set[i]);
  }
  return out;
}

/** printf with %s, %b, %d, %c and %% and escapes in the format; the format repeats while arguments remain. */
function printf(format: string, args: string[]): string | undefined {
  const pieces = format.split(/(%-?[0-9]*[sbdc%]|%.?|\\(?:x[0-9a-fA-F]{1,2}|0?[0-7]{1,3}|u[0-9a-fA-F]{1,4}|.))/s);
  let out = '';
  let k = 0;
  for (let round = 0; round < 64; round++) {
    let used = false;
    for (const piece of pieces) {
      if (piece === '') continue;
      if (piece.startsWith('\\')) out += decodeAnsiC(piece.replace(/^\\0([0-7])/, '\\$1'));
      else if (piece.startsWith('%')) {
        const conv = /^%-?[0-9]*([sbdc%])$/.exec(piece)?.[1];
        if (!conv) return undefined;
        if (conv === '%') {
          out += '%';
          continue;
        }
        used = true;
        const a = args[k++] ?? '';
        out += conv === 'b' ? decodeAnsiC(a) : conv === 'd' ? (/^-?[0-9]+$/.test(a) || a === '' ? String(Number(a)) : '') : conv === 'c' ? a.slice(0, 1) : a;
      } else out += piece;
    }
    if (!used || k >= args.length) break;
  }
  return out;
}
