// The bash parser: mvdan/sh (the parser behind shfmt), as its author's
// GopherJS build `mvdan-sh`. It gives the whole typed syntax tree
// synchronously; sh-syntax (the WASM build) serialises only the positions of
// commands, not their structure, so it cannot describe what a command does.
// One parser instance is created on first use and kept warm.

import { syntax } from 'mvdan-sh';

/** A node of mvdan/sh's syntax tree, read through GopherJS wrappers. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ShNode = any;

export class ShellParseError extends Error {
  override name = 'ShellParseError';
}

let parser: { Parse(src: string, name: string): unknown } | undefined;

/** Numeric operator tokens differ between mvdan/sh releases, so they are learnt by parsing probes. */
export interface Ops {
  binary: Map<number, string>;
  redirect: Map<number, string>;
  procSubst: Map<number, string>;
  paramAt: number;
}
let ops: Ops | undefined;

function getParser() {
  if (!parser) parser = syntax.NewParser(syntax.Variant(syntax.LangBash));
  return parser;
}

export function nodeType(node: ShNode): string {
  if (node === null || node === undefined) return 'nil';
  try {
    return syntax.NodeType(node);
  } catch {
    return 'unknown';
  }
}

export function shellOps(): Ops {
  if (ops) return ops;
  const p = getParser();
  const firstStmt = (src: string): ShNode => (p.Parse(src, '') as ShNode).Stmts[0];
  const binary = new Map<number, string>();
  for (const op of ['&&', '||', '|', '|&']) binary.set(firstStmt(`a ${op} b`).Cmd.Op as number, op);
  const redirect = new Map<number, string>();
  for (const op of ['>', '>>', '<', '<>', '>&', '<&', '>|', '<<<', '&>', '&>>']) redirect.set(firstStmt(`a ${op} b`).Redirs[0].Op as number, op);
  redirect.set(firstStmt('a <<E\nx\nE').Redirs[0].Op as number, '<<');
  redirect.set(firstStmt('a <<-E\nx\nE').Redirs[0].Op as number, '<<-');
  const procSubst = new Map<number, string>();
  for (const op of ['<(', '>(']) procSubst.set(firstStmt(`a ${op}b)`).Cmd.Args[1].Parts[0].Op as number, op);
  const paramAt = firstStmt('a ${x@Q}').Cmd.Args[1].Parts[0].Exp.Op as number;
  ops = { binary, redirect, procSubst, paramAt };
  return ops;
}

/** Parse bash source into mvdan/sh's File node; throws ShellParseError with the parser's words. */
export function parseShell(src: string): ShNode {
  const p = getParser();
  shellOps();
  try {
    return p.Parse(src, '');
  } catch (err) {
    // Go errors arrive as wrapped objects with an Error() method.
    const e = err as { Error?: () => string; message?: string };
    const text = typeof e?.Error === 'function' ? e.Error() : (e?.message ?? String(err));
    throw new ShellParseError(text);
  }
}
