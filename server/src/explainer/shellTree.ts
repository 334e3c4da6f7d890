// Parses bash with mvdan/sh (the parser behind shfmt), through its author's
// GopherJS build `mvdan-sh`, which hands back the whole typed syntax tree.
// sh-syntax, the WASM build of the same parser, serialises only the positions
// of commands and not their structure, so an explanation cannot be built on it.

import { RequestError } from '../kernel';

/** The few entry points of mvdan-sh used here (it ships JavaScript only, no types). */
interface MvdanSyntax {
  NewParser(...options: unknown[]): { Parse(src: string, name: string): unknown };
  NodeType(node: unknown): string;
  Variant(lang: unknown): unknown;
  LangBash: unknown;
  Walk(node: unknown, visit: (node: ShNode) => boolean): void;
}
let loaded: MvdanSyntax | undefined;
/** mvdan-sh, loaded on first use (its runtime is slow to evaluate and most CLI starts never parse). */
export function syntax(): MvdanSyntax {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('mvdan-sh').syntax as MvdanSyntax;
  return loaded;
}

/** A node of mvdan/sh's syntax tree, read through GopherJS wrappers. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ShNode = any;

export class CommandParseError extends RequestError {
  override name = 'CommandParseError';
}

let parser: { Parse(src: string, name: string): unknown } | undefined;

export function nodeType(node: ShNode): string {
  if (node === null || node === undefined) return 'nil';
  try {
    return syntax().NodeType(node);
  } catch {
    return 'unknown';
  }
}

/** A parsed command and a way to read the source text of any node (offsets are UTF-8 bytes). */
export interface ShellTree {
  file: ShNode;
  text(start: number, end: number): string;
  of(node: ShNode): string;
}

export function parseCommand(source: string): ShellTree {
  parser ??= syntax().NewParser(syntax().Variant(syntax().LangBash));
  let file: ShNode;
  try {
    file = parser.Parse(source, '');
  } catch (err) {
    const e = err as { Error?: () => string; message?: string };
    const text = typeof e?.Error === 'function' ? e.Error() : (e?.message ?? String(err));
    throw new CommandParseError(`The command is not valid bash: ${text.replace(/^:?/, '')}. Fix the quoting or syntax and try again.`, 'invalid');
  }
  const bytes = Buffer.from(source, 'utf8');
  const text = (start: number, end: number): string => bytes.subarray(start, end).toString('utf8');
  return { file, text, of: (node: ShNode) => text(node.Pos().Offset(), node.End().Offset()) };
}

/** The word's value after quote removal, or null when the shell computes it (expansions, globs). */
export function literalValue(word: ShNode): string | null {
  let out = '';
  for (const part of word.Parts) {
    const type = nodeType(part);
    if (type === 'Lit') {
      const v: string = part.Value;
      if (/(^|[^\\])[*?[]/.test(v)) return null;
      out += v.replace(/\\(.)/g, '$1').replace(/\\\n/g, '');
    } else if (type === 'SglQuoted') {
      out += part.Value;
    } else if (type === 'DblQuoted') {
      for (const inner of part.Parts) {
        if (nodeType(inner) !== 'Lit') return null;
        out += (inner.Value as string).replace(/\\([$`"\\])/g, '$1');
      }
    } else {
      return null;
    }
  }
  return out;
}

/** The kinds of parts a word is made of, including `glob` for an unquoted pattern. */
export function wordKinds(word: ShNode): Set<string> {
  const kinds = new Set<string>();
  for (const part of word.Parts) {
    const type = nodeType(part);
    kinds.add(type);
    if (type === 'Lit' && /(^|[^\\])[*?[]/.test(part.Value)) kinds.add('glob');
    if (type === 'DblQuoted') for (const inner of part.Parts) kinds.add(nodeType(inner));
  }
  return kinds;
}
