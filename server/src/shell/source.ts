// A parsed command together with its source text, for those who quote it
// back to a person (the explainer, the code lenses): the same parser and tree
// as the policy's, with node positions kept.

import { nodeType, parseShell, type ShNode } from './parser';
import { wordValue } from './words';

/** A parsed command and a way to read the source text of any node (offsets are UTF-8 bytes). */
export interface ShellTree {
  file: ShNode;
  text(start: number, end: number): string;
  of(node: ShNode): string;
}

/** Parses with positions; throws ShellParseError or ShellLimitError like parseShell. */
export function parseWithSource(source: string): ShellTree {
  const file = parseShell(source, { positions: true });
  const ascii = Buffer.byteLength(source, 'utf8') === source.length;
  const bytes = ascii ? undefined : Buffer.from(source, 'utf8');
  const text = (start: number, end: number): string => (bytes ? bytes.subarray(start, end).toString('utf8') : source.slice(start, end));
  return { file, text, of: (node: ShNode) => text(node.Pos, node.End) };
}

/** The word's value after quote removal and escapes, or null when the shell computes it (expansions, globs). */
export function literalValue(word: ShNode): string | null {
  const v = wordValue(word);
  return v.dynamic || v.glob ? null : v.text;
}

/** The kinds of parts a word is made of, including `glob` for an unquoted pattern. */
export function wordKinds(word: ShNode): Set<string> {
  const kinds = new Set<string>();
  for (const part of word.Parts ?? []) {
    const type = nodeType(part);
    kinds.add(type);
    if (type === 'Lit' && /(^|[^\\])[*?[]/.test(part.Value)) kinds.add('glob');
    if (type === 'DblQuoted') for (const inner of part.Parts ?? []) kinds.add(nodeType(inner));
  }
  return kinds;
}

/** Visits every node of a plain tree, depth first; `visit` returns false to skip a node's children. */
export function walkTree(node: ShNode, visit: (node: ShNode) => boolean): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) walkTree(child, visit);
    return;
  }
  if (typeof node.type !== 'string' || !visit(node)) return;
  for (const key in node) {
    const child = node[key];
    if (child !== null && typeof child === 'object') walkTree(child, visit);
  }
}
