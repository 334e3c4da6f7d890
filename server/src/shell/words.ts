// Turns a shell word into what the shell would make of it, as far as that is
// known before running: quotes removed, escapes applied, and each part only
// known at run time ($x, $(...), `...`, $((...))) marked as dynamic.

import { nodeType, parseShell, shellOps, type ShNode } from './parser';

/** Stands for a part of a word that is only known at run time. */
export const DYNAMIC = '\u0000';

export interface Nested {
  kind: 'command-substitution' | 'process-substitution-in' | 'process-substitution-out';
  stmts: ShNode[];
}

export interface WordValue {
  text: string;
  dynamic: boolean;
  glob: boolean;
  /** Quotes, backslashes or ANSI-C escapes were used. */
  quoted: boolean;
  ansiC: boolean;
  /** Substitutions inside the word, to be walked as commands too. */
  nested: Nested[];
  /** Constructs the policy cannot see through. */
  unknown: { construct: string; detail: string }[];
  /** A part came from a command substitution (not just a variable). */
  fromSubstitution: boolean;
  /** Process substitution made the whole word (`<(...)`). */
  procSubst: '' | '<(' | '>(';
  /** Stands for entries found under a folder (find's `{}`), never the folder itself. */
  pick?: boolean;
  /** An unquoted expansion put text in the word: bash splits it on IFS. */
  split?: boolean;
  /** Where in `text` that expanded text is (start, end): only there does splitting happen. */
  splitRanges?: [number, number][];
  /** An unquoted `{a,b}` or `{1..3}`: bash makes several words of it. */
  braces?: boolean;
  /** Names read in arithmetic (`$((x))`, `a[x]`, `[[ $x -eq 1 ]]`): bash evaluates their values as expressions. */
  arith?: string[];
  /** Variables the word expands. */
  params?: string[];
  /** For a path found by `find -name PATTERN`: the pattern its last part matches. */
  nameGlob?: string;
  /** The word starts with this parameter expansion (`$X/...`, `${X:-d}/...`): the operator (0 for none) and its word. */
  lead?: { name: string; op: number; word: string };
}

/**
 * What is known while reading a word: variables set earlier in the same
 * line, and the output of substitutions that can be computed without running
 * anything (`$(echo rm)`). Unknown is `undefined`, never a guess.
 */
export interface WordScope {
  lookup(name: string, index?: string): string | undefined;
  substitute?(stmts: ShNode[]): string | undefined;
}

let scope: WordScope | undefined;

/** Read a word with what the line has made known so far. */
export function scopedWordValue(word: ShNode, s: WordScope | undefined): WordValue {
  const saved = scope;
  scope = s;
  try {
    return wordValue(word);
  } finally {
    scope = saved;
  }
}

interface ExpOps {
  useDefault: Set<number>;
  ifSet: Set<number>;
  /** `${x%pattern}`: the shortest matching tail taken off. */
  trimTail: number;
}
let expOps: ExpOps | undefined;

/** Expansion operators are numbers that differ between parser releases: learn them from probes. */
function expansionOps(): ExpOps {
  if (expOps) return expOps;
  const op = (src: string): number => parseShell(src).Stmts[0].Cmd.Args[1].Parts[0].Exp.Op as number;
  expOps = { useDefault: new Set(['echo ${a:-b}', 'echo ${a-b}', 'echo ${a:=b}', 'echo ${a=b}'].map(op)), ifSet: new Set(['echo ${a:+b}', 'echo ${a+b}'].map(op)), trimTail: op('echo ${a%b}') };
  return expOps;
}

const BRACES = /\{[^{}\s]*(,|\.\.)[^{}\s]*\}/;

function unescapeUnquoted(s: string): string {
  if (!s.includes('\\')) return s;
  return s.replace(/\\\n/g, '').replace(/\\(.)/gs, '$1');
}

function unescapeDouble(s: string): string {
  return s.replace(/\\\n/g, '').replace(/\\([$`"\\])/g, '$1');
}

export function decodeAnsiC(s: string): string {
  return s.replace(/\\(x[0-9a-fA-F]{1,2}|u[0-9a-fA-F]{1,4}|U[0-9a-fA-F]{1,8}|[0-7]{1,3}|c.|.)/gs, (_m, e: string) => {
    const c = e[0];
    if (c === 'x' || c === 'u' || c === 'U') {
      const code = parseInt(e.slice(1), 16);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    if (/[0-7]/.test(c)) return String.fromCharCode(parseInt(e, 8) & 0xff);
    if (c === 'c') return String.fromCharCode(e.charCodeAt(1) & 0x1f);
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };
    return simple[c] ?? '\\' + c;
  });
}

function hasUnescapedGlob(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}

export function wordValue(word: ShNode): WordValue {
  const v: WordValue = { text: '', dynamic: false, glob: false, quoted: false, ansiC: false, nested: [], unknown: [], fromSubstitution: false, procSubst: '' };
  const parts: ShNode[] = word?.Parts ?? [];
  parts.forEach((part, i) => addPart(v, part, false, i === 0));
  return v;
}

function addPart(v: WordValue, part: ShNode, inDouble: boolean, first: boolean): void {
  switch (nodeType(part)) {
    case 'Lit':
      return addLiteral(v, part.Value as string, inDouble);
    case 'SglQuoted':
      v.quoted = true;
      if (part.Dollar !== true) v.text += part.Value as string;
      else {
        v.ansiC = true;
        // Bash ends a $'...' string at its first NUL byte.
        v.text += decodeAnsiC(part.Value as string).split('\u0000')[0];
      }
      return;
    case 'DblQuoted': {
      v.quoted = true;
      const inner: ShNode[] = part.Parts ?? [];
      inner.forEach((p, i) => addPart(v, p, true, first && i === 0));
      return;
    }
    case 'ParamExp':
      return paramExp(v, part, first, inDouble);
    case 'CmdSubst':
      return addCommandSubstitution(v, part, inDouble);
    case 'ProcSubst':
      return addProcessSubstitution(v, part);
    case 'ArithmExp':
      v.dynamic = true;
      v.text += DYNAMIC;
      arithm(v, part.X);
      return;
    case 'ExtGlob':
    case 'BraceExp':
      v.glob = true;
      v.text += '*';
      return;
    default:
      v.dynamic = true;
      v.text += DYNAMIC;
      v.unknown.push({ construct: 'unsupported-syntax', detail: `word part ${nodeType(part)}` });
  }
}

function addLiteral(v: WordValue, raw: string, inDouble: boolean): void {
  if (inDouble) {
    v.text += unescapeDouble(raw);
    return;
  }
  if (raw.includes('\\')) v.quoted = true;
  if (hasUnescapedGlob(raw)) v.glob = true;
  if (BRACES.test(raw)) v.braces = true;
  v.text += unescapeUnquoted(raw);
}

/** `$(…)`: its output when the scope knows it (word-split unless quoted), else a run-time value. */
function addCommandSubstitution(v: WordValue, part: ShNode, inDouble: boolean): void {
  v.nested.push({ kind: 'command-substitution', stmts: part.Stmts ?? [] });
  v.fromSubstitution = true;
  const out = scope?.substitute?.(part.Stmts ?? []);
  if (out === undefined) {
    v.dynamic = true;
    v.text += DYNAMIC;
    return;
  }
  const start = v.text.length;
  v.text += out.replace(/\n+$/, '');
  if (!inDouble) {
    v.split = true;
    (v.splitRanges ??= []).push([start, v.text.length]);
  }
}

/** `<(…)` and `>(…)`: a file name only known at run time, fed by (or feeding) commands. */
function addProcessSubstitution(v: WordValue, part: ShNode): void {
  v.dynamic = true;
  v.fromSubstitution = true;
  v.text += DYNAMIC;
  const op = shellOps().procSubst.get(part.Op as number) ?? '<(';
  v.procSubst = op === '>(' ? '>(' : '<(';
  v.nested.push({ kind: op === '>(' ? 'process-substitution-out' : 'process-substitution-in', stmts: part.Stmts ?? [] });
}

function paramExp(v: WordValue, part: ShNode, first: boolean, inDouble: boolean): void {
  const name: string = part.Param?.Value ?? '';
  const plain = !part.Excl && !part.Length && !part.Width && !part.Index && !part.Slice && !part.Repl && !part.Exp;
  (v.params ??= []).push(name);
  if (part.Exp) {
    if (part.Exp.Op === shellOps().paramAt) {
      const letter = wordValue(part.Exp.Word).text;
      if (letter.includes('P')) v.unknown.push({ construct: 'prompt-expansion', detail: `\${${name}@P} expands prompt escapes, which can run commands` });
      if (letter.includes('E')) v.unknown.push({ construct: 'escape-expansion', detail: `\${${name}@E} decodes escapes at run time` });
    }
    if (part.Exp.Word) mergeNested(v, wordValue(part.Exp.Word));
  }
  if (part.Repl) {
    if (part.Repl.Orig) mergeNested(v, wordValue(part.Repl.Orig));
    if (part.Repl.With) mergeNested(v, wordValue(part.Repl.With));
  }
  if (part.Index) arithm(v, part.Index);
  if (part.Slice) {
    arithm(v, part.Slice.Offset);
    arithm(v, part.Slice.Length);
  }
  // $HOME and $PWD at the start of a word still say where a path is; $HOME also after `=` or `:` (`dd if=$HOME/x`, `--opt=$HOME/x`).
  if (plain && (first || (!v.dynamic && /^[^/]*[=:]$/.test(v.text))) && name === 'HOME' && scope?.lookup('HOME') === undefined) {
    v.text += '~';
    return;
  }
  if (plain && first && name === 'PWD' && scope?.lookup('PWD') === undefined) {
    v.text += '.';
    return;
  }
  // `${PWD%/*}`: the working folder with its last part taken off is the folder that holds it.
  if (first && !part.Excl && !part.Index && part.Exp?.Op === expansionOps().trimTail && name === 'PWD' && scope?.lookup('PWD') === undefined && wordValue(part.Exp.Word).text === '/*') {
    v.text += '..';
    return;
  }
  const known = knownValue(part, name);
  if (known !== undefined) {
    const start = v.text.length;
    v.text += known;
    if (!inDouble) {
      v.split = true;
      (v.splitRanges ??= []).push([start, v.text.length]);
      if (/[*?[]/.test(known)) v.glob = true;
    }
    return;
  }
  if (first && v.text === '') v.lead = { name, op: part.Exp ? (part.Exp.Op as number) : 0, word: part.Exp?.Word ? wordValue(part.Exp.Word).text : '' };
  if (part.Excl && part.Names) v.unknown.push({ construct: 'variable-names', detail: `\${!${name}*} lists the names of the variables starting with ${name}` });
  else if (part.Excl && !part.Index) v.unknown.push({ construct: 'indirect-expansion', detail: `\${!${name}} names another variable at run time` });
  v.dynamic = true;
  v.text += DYNAMIC;
}

/** The value an expansion has for certain, or undefined. */
function knownValue(part: ShNode, name: string): string | undefined {
  if (part.Length || part.Width || part.Slice || part.Repl) return undefined;
  let index: string | undefined;
  if (part.Index) {
    const i = wordValue(part.Index);
    if (i.dynamic || !/^[0-9]+$/.test(i.text)) return undefined;
    index = i.text;
  }
  let target = name;
  if (part.Excl) {
    if (part.Index) return undefined;
    const ref = scope?.lookup(name);
    if (ref === undefined || !/^[A-Za-z_][A-Za-z0-9_]*(\[[0-9]+\])?$/.test(ref)) return undefined;
    target = ref;
  }
  const value = scope?.lookup(target, index);
  if (part.Exp && part.Exp.Op !== shellOps().paramAt) {
    const ops = expansionOps();
    if (ops.useDefault.has(part.Exp.Op as number)) {
      if (value !== undefined && value !== '') return value;
      // Not set here, or set to nothing: the default is what bash uses when the variable is unset, the case to judge.
      const d = wordValue(part.Exp.Word);
      return d.dynamic ? undefined : d.text;
    }
    if (ops.ifSet.has(part.Exp.Op as number)) {
      if (value === undefined) return undefined;
      return value === '' ? '' : wordValue(part.Exp.Word).dynamic ? undefined : wordValue(part.Exp.Word).text;
    }
    return value;
  }
  return value;
}

function mergeNested(v: WordValue, inner: WordValue): void {
  v.nested.push(...inner.nested);
  v.unknown.push(...inner.unknown);
  if (inner.arith) (v.arith ??= []).push(...inner.arith);
  if (inner.fromSubstitution) v.fromSubstitution = true;
}

/** Arithmetic and test expressions may hold words with substitutions in them. */
export function arithm(v: WordValue, node: ShNode, depth = 0): void {
  if (node === null || node === undefined || depth > 64) return;
  const t = nodeType(node);
  if (t === 'Word') {
    const inner = wordValue(node);
    mergeNested(v, inner);
    // A bare name in arithmetic is read as a variable whose value is itself evaluated.
    // Quote removal first (`let \\x+1` reads x); numbers such as 0x1F and 16#ff name nothing.
    const names = inner.dynamic ? [] : (inner.text.replace(/(^|[^A-Za-z0-9_])[0-9][0-9A-Za-z_#@]*/g, '$1').match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []);
    (v.arith ??= []).push(...names, ...(inner.params ?? []));
    return;
  }
  for (const key of ['X', 'Y']) {
    let child: ShNode;
    try {
      child = node[key];
    } catch {
      continue;
    }
    if (child) arithm(v, child, depth + 1);
  }
}

/** A word's text for people and for the policy: run-time parts read `$?`. */
export function showDynamic(text: string): string {
  return text.includes(DYNAMIC) ? text.split(DYNAMIC).join('$?') : text;
}
