// The bash parser: mvdan/sh (the parser behind shfmt), as its author's
// GopherJS build `mvdan-sh`. It gives the whole typed syntax tree
// synchronously; sh-syntax (the WASM build) serialises only the positions of
// commands, not their structure, so it cannot describe what a command does.
// One parser instance is created on first use and kept warm.

import type * as MvdanSh from 'mvdan-sh';

// Loaded on first parse: the GopherJS runtime costs ~90 ms to evaluate, which
// every CLI start would otherwise pay even when nothing is parsed.
let mvdan: typeof MvdanSh.syntax | undefined;
function sh(): typeof MvdanSh.syntax {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  mvdan ??= (require('mvdan-sh') as typeof MvdanSh).syntax;
  return mvdan;
}

/** A node of mvdan/sh's syntax tree, read through GopherJS wrappers. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ShNode = any;

export class ShellParseError extends Error {
  override name = 'ShellParseError';
}

/** The command is too deeply nested to read (not a syntax error, a limit). */
export class ShellLimitError extends Error {
  override name = 'ShellLimitError';
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
  if (!parser) parser = sh().NewParser(sh().Variant(sh().LangBash));
  return parser;
}

export function nodeType(node: ShNode): string {
  if (node === null || node === undefined) return 'nil';
  if (typeof node.type === 'string') return node.type;
  try {
    return sh().NodeType(node);
  } catch {
    return 'unknown';
  }
}

/**
 * The GopherJS wrappers convert every field on every read, which makes most of
 * the parse cost and garbage. The tree is copied once into plain objects
 * (`type` plus the Go field names) straight from the Go values; comments are
 * left out, and so are positions unless asked for (the explainer quotes the
 * source of each node; the policy never needs to). Positions are UTF-8 byte
 * offsets: `Pos` and `End` of every node, and each position field (`OpPos`,
 * `Semicolon`, ...) as an offset, or -1 when the node has no such token.
 * If the Go values do not look as expected, the wrappers are used as they are.
 */
type Raw = Record<string, unknown> & { constructor: { string?: string; nil?: unknown }; Pos?: () => GoPos; End?: () => GoPos };
interface GoPos {
  offs: number;
  lineCol: number;
}

function isSlice(v: unknown): v is { $array: unknown[]; $offset: number; $length: number } {
  return typeof v === 'object' && v !== null && '$array' in v && '$length' in v && '$offset' in v;
}

const SKIP = new Set(['$val', 'Comments', 'Last']);

function isPos(v: unknown): boolean {
  const name = typeof v === 'object' && v !== null && !isSlice(v) ? (v as Raw).constructor?.string : undefined;
  return name === '*syntax.Pos' || name === 'syntax.Pos';
}

/** Per Go struct type: its fields worth copying, and which of them are positions (learnt from the first value seen). */
interface Layout {
  fields: string[];
  positions: string[];
}
const layouts = new Map<unknown, Layout>();

function layoutOf(raw: Raw): Layout {
  let layout = layouts.get(raw.constructor);
  if (layout) return layout;
  layout = { fields: [], positions: [] };
  for (const key of Object.keys(raw)) {
    if (SKIP.has(key)) continue;
    const value = raw[key];
    if (typeof value === 'object' && value !== null && !isSlice(value) && isPos(value)) layout.positions.push(key);
    else layout.fields.push(key);
  }
  layouts.set(raw.constructor, layout);
  return layout;
}

const offset = (p: GoPos): number => (p.lineCol === 0 ? -1 : p.offs);

// The parser's own strings hold UTF-8 bytes one to a character ("é" is "Ã©"); read raw, they are decoded, as the parser's JavaScript API does.
const utf8 = new TextDecoder('utf-8');
function goString(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(s) || /[^\x00-\xff]/.test(s)) return s;
  return utf8.decode(Uint8Array.from(s, (c) => c.charCodeAt(0)));
}

function plain(v: unknown, depth: number, positions: boolean): unknown {
  if (typeof v === 'string') return goString(v);
  if (v === null || v === undefined || typeof v !== 'object') return v;
  if (depth > 400) throw new ShellLimitError('syntax tree deeper than 400 levels');
  if (isSlice(v)) {
    const out: unknown[] = new Array(v.$length);
    for (let i = 0; i < v.$length; i++) out[i] = plain(v.$array[v.$offset + i], depth + 1, positions);
    return out;
  }
  const raw = v as Raw;
  const name = raw.constructor?.string;
  if (typeof name !== 'string') return undefined;
  if (raw === raw.constructor.nil) return null;
  if (!name.startsWith('*syntax.')) return undefined;
  const out: Record<string, unknown> = { type: name.slice('*syntax.'.length) };
  if (name === '*syntax.Stmt') out.Span = stmtSpan(raw);
  const layout = layoutOf(raw);
  for (const key of layout.fields) {
    const converted = plain(raw[key], depth + 1, positions);
    if (converted !== undefined) out[key] = converted;
  }
  if (positions) {
    for (const key of layout.positions) out[key] = offset(raw[key] as GoPos);
    if (typeof raw.Pos === 'function' && typeof raw.End === 'function') {
      out.Pos = offset(raw.Pos());
      out.End = offset(raw.End());
    }
  }
  return out;
}

/**
 * A statement's UTF-8 byte offsets [start, end) in the parsed source, without
 * the `;` or `&` that ends it; undefined when the parser gives no positions.
 */
function stmtSpan(raw: Raw): [number, number] | undefined {
  try {
    const node = raw as unknown as { Pos(): GoPos; End(): GoPos; Semicolon?: GoPos };
    const start = node.Pos().offs;
    const semi = node.Semicolon;
    const end = semi && semi.lineCol !== 0 ? semi.offs : node.End().offs;
    return typeof start === 'number' && typeof end === 'number' && end >= start ? [start, end] : undefined;
  } catch {
    return undefined;
  }
}

let rawWorks: boolean | undefined;

function toPlain(file: ShNode, positions: boolean): ShNode {
  const raw = file?.__internal_object__;
  if (rawWorks === undefined) {
    try {
      const probe = plain((getParser().Parse('a | b', '') as ShNode).__internal_object__, 0, true) as ShNode;
      rawWorks = probe?.type === 'File' && probe.Stmts?.[0]?.Cmd?.type === 'BinaryCmd' && probe.Stmts[0].Cmd.X?.Cmd?.Args?.[0]?.Parts?.[0]?.Value === 'a' && probe.Stmts[0].Cmd.OpPos === 2 && probe.Stmts[0].End === 5;
    } catch {
      rawWorks = false;
    }
  }
  if (!rawWorks || !raw) return file;
  return plain(raw, 0, positions) as ShNode;
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

export interface ParseOptions {
  /** Keep the source positions of nodes (`Pos`, `End`, `OpPos`, ... as byte offsets). */
  positions?: boolean;
}

/** Parse bash source into mvdan/sh's File node; throws ShellParseError with the parser's words. */
export function parseShell(src: string, options: ParseOptions = {}): ShNode {
  const p = getParser();
  shellOps();
  let file: ShNode;
  try {
    file = p.Parse(src, '');
  } catch (err) {
    if (err instanceof RangeError) throw new ShellLimitError('nesting too deep for the parser');
    // Go errors arrive as wrapped objects with an Error() method.
    const e = err as { Error?: () => string; message?: string };
    const text = typeof e?.Error === 'function' ? e.Error() : (e?.message ?? String(err));
    throw new ShellParseError(text);
  }
  return toPlain(file, options.positions === true);
}
