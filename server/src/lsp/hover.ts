// `textDocument/hover` over a command in a Markdown shell block or a shell
// script: the explainer's parts for the command under the pointer, each with
// where its text was read (man page, --help, Paladin's knowledge, the shell's
// own rules). Offline: the explainer reads manuals, never a model.

import type { Connection, Hover, Position, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ExplainPart, ExplainResult } from '../protocol/types';
import { byteToCharOffset } from '../shell/offsets';
import type { ShNode } from '../shell/parser';
import { parseWithSource, walkTree } from '../shell/source';
import { isMarkdown, isShellScript } from './codeLenses';

/** A command found under the pointer: its text and where it lies in the document (character offsets). */
export interface HoverTarget {
  command: string;
  start: number;
  end: number;
  /** The word under the pointer, to mark its part. */
  word: string;
}

const MAX_PARTS = 40;
const shellInfo = /^(sh|bash|shell|zsh|console|shell-session|shellsession)$/i;

/** The text of the shell code around `offset`, and where that text starts in the document. */
function shellRegion(doc: TextDocument, position: Position): { text: string; base: number } | undefined {
  if (isShellScript(doc)) return { text: doc.getText(), base: 0 };
  if (!isMarkdown(doc)) return undefined;
  const lines = doc.getText().split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const open = /^ {0,3}(`{3,}|~{3,})\s*([^\s`{]*)/.exec(lines[i]);
    if (!open) continue;
    const closing = new RegExp(`^ {0,3}${open[1][0] === '`' ? '`' : '~'}{${open[1].length},}\\s*$`);
    let end = i + 1;
    while (end < lines.length && !closing.test(lines[end])) end++;
    if (position.line > i && position.line < end && shellInfo.test(open[2])) {
      // A console transcript: the prompt line under the pointer, without its prompt.
      if (/^(console|shell-?session)$/i.test(open[2])) {
        const m = /^(\s*[$#] )(.*)$/.exec(lines[position.line]);
        return m ? { text: m[2], base: doc.offsetAt({ line: position.line, character: m[1].length }) } : undefined;
      }
      const base = doc.offsetAt({ line: i + 1, character: 0 });
      return { text: lines.slice(i + 1, end).join('\n'), base };
    }
    i = end;
  }
  return undefined;
}

/** The innermost statement under the pointer: hovering `grep` in `ls | grep x` explains `grep x`. */
export function hoverTarget(doc: TextDocument, position: Position): HoverTarget | undefined {
  const region = shellRegion(doc, position);
  if (!region) return undefined;
  const at = doc.offsetAt(position) - region.base;
  if (at < 0 || at > region.text.length) return undefined;
  let tree;
  try {
    tree = parseWithSource(region.text);
  } catch {
    return undefined;
  }
  const toChar = byteToCharOffset(region.text);
  let best: { start: number; end: number } | undefined;
  let word = '';
  walkTree(tree.file, (node: ShNode) => {
    if (!node || typeof node.Pos !== 'number') return true;
    const start = toChar(node.Pos);
    const end = toChar(node.End);
    if (at < start || at > end) return node.type === 'File';
    if (node.type === 'Stmt' && (!best || end - start < best.end - best.start)) best = { start, end };
    if (node.type === 'Word') word = region.text.slice(start, end);
    return true;
  });
  if (!best) return undefined;
  const found = best as { start: number; end: number };
  const command = region.text.slice(found.start, found.end).trim();
  if (command === '' || command.startsWith('#')) return undefined;
  return { command, start: region.base + found.start, end: region.base + found.end, word };
}

const sourceNames: Record<ExplainPart['source'], string> = {
  manual: 'man page',
  help: '--help',
  knowledge: "Paladin's command knowledge",
  model: 'a model',
  syntax: 'shell syntax',
  unknown: 'not explained',
};

/** Where a part's text was read: its own origin, else its program's (an option is read from the program's manual). */
export function partSource(part: ExplainPart, parts: ExplainPart[]): string {
  if (part.origin) return part.origin;
  const program = part.program !== undefined ? parts[part.program] : undefined;
  if (program?.origin && (part.source === 'manual' || part.source === 'help')) return program.origin;
  return sourceNames[part.source];
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+!|~-]/g, '\\$&');
}

function code(text: string): string {
  const flat = text.replace(/\s*\n[\s\S]*/, ' …');
  return flat.includes('`') ? `\`\` ${flat} \`\`` : `\`${flat}\``;
}

/** The explanation as hover Markdown: the summary, then one line per part with its source. */
export function renderHover(result: Omit<ExplainResult, 'policy'>, word: string): string {
  const lines = [`**Paladin:** ${escapeMarkdown(result.summary)}`, ''];
  for (const part of result.parts.slice(0, MAX_PARTS)) {
    const indent = part.program !== undefined ? '  ' : '';
    const text = part.text === word ? `**${code(part.text)}**` : code(part.text);
    lines.push(`${indent}- ${text} — ${escapeMarkdown(part.explanation)} _(${escapeMarkdown(partSource(part, result.parts))})_`);
  }
  if (result.parts.length > MAX_PARTS) lines.push(`- … and ${result.parts.length - MAX_PARTS} more parts: use the Explain lens for all of them`);
  return lines.join('\n');
}

export async function hoverFor(
  doc: TextDocument,
  position: Position,
  explain: (command: string) => Promise<Omit<ExplainResult, 'policy'>>,
): Promise<Hover | null> {
  const target = hoverTarget(doc, position);
  if (!target) return null;
  const result = await explain(target.command);
  return {
    contents: { kind: 'markdown', value: renderHover(result, target.word) },
    range: { start: doc.positionAt(target.start), end: doc.positionAt(target.end) },
  };
}

/** Hover explains without the policy or the audit log: pointing at a command is not asking about it. */
export function registerHover(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  explain: (command: string, signal: AbortSignal) => Promise<Omit<ExplainResult, 'policy'>>,
  log: (message: string) => void,
): void {
  connection.onHover(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    try {
      return await hoverFor(doc, params.position, (command) => explain(command, controller.signal));
    } catch (err) {
      // A command that does not parse, or a cancelled hover, simply shows nothing.
      if ((err as Error).name !== 'AbortError' && (err as Error).name !== 'CommandParseError') log(`hover: ${(err as Error).message}`);
      return null;
    }
  });
}
