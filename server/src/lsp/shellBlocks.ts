// Finds the commands a code lens can offer to run: fenced shell blocks in
// Markdown, and the logical blocks (or, if asked, the statements) of a shell
// script, read with the same parser the policy judges with.

import type { ShNode } from '../shell/parser';
import { literalValue, parseWithSource } from '../shell/source';

export interface FoundCommand {
  /** Zero-based line the lens sits above. */
  line: number;
  command: string;
}

const shellInfo = new Set(['sh', 'bash', 'shell', 'zsh', 'console', 'shell-session', 'shellsession']);
/** A document with more than this many blocks or statements gets lenses for the first ones only. */
export const MAX_LENSES = 200;

/** Fenced blocks (``` or ~~~) whose info string names a shell. `console` blocks keep only `$ ` prompt lines. */
export function markdownShellBlocks(text: string): FoundCommand[] {
  const lines = text.split(/\r?\n/);
  const found: FoundCommand[] = [];
  for (let i = 0; i < lines.length && found.length < MAX_LENSES; i++) {
    const open = /^ {0,3}(`{3,}|~{3,})\s*([^\s`{]*)/.exec(lines[i]);
    if (!open) continue;
    const fence = open[1];
    const lang = open[2].toLowerCase();
    let end = i + 1;
    const body: string[] = [];
    const closing = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    while (end < lines.length && !closing.test(lines[end])) body.push(lines[end++]);
    if (shellInfo.has(lang)) {
      const command = lang === 'console' || lang === 'shell-session' || lang === 'shellsession' ? promptLines(body) : body.join('\n').trim();
      if (command !== '') found.push({ line: i, command });
    }
    i = end;
  }
  return found;
}

/** From a console transcript, the commands after `$ ` (or `# `) prompts, with their `\` continuations. */
function promptLines(body: string[]): string {
  const commands: string[] = [];
  let continuing = false;
  for (const line of body) {
    if (continuing) {
      commands[commands.length - 1] += '\n' + line;
      continuing = line.endsWith('\\');
      continue;
    }
    const m = /^\s*[$#] (.*)$/.exec(line);
    if (m) {
      commands.push(m[1]);
      continuing = m[1].endsWith('\\');
    }
  }
  return commands.join('\n').trim();
}

interface Statement {
  line: number;
  start: number;
  end: number;
  compound: boolean;
  option: boolean;
  /** A blank line lies between this statement and the one before. */
  afterBlank: boolean;
}

const COMPOUND = new Set(['IfClause', 'WhileClause', 'ForClause', 'CaseClause', 'FuncDecl', 'Block', 'Subshell', 'TimeClause', 'CoprocClause']);

/** `set -euo pipefail`, `set -o errexit`, `shopt -s nullglob`: how the script runs, not something to run on its own. */
export function isShellOption(words: (string | null)[]): boolean {
  const [name, ...args] = words;
  if (args.length === 0 || args.some((a) => a === null)) return false;
  if (name === 'set') return args.every((a, i) => /^[-+][a-zA-Z]+$/.test(a as string) || (/^[-+][a-zA-Z]*o$/.test(args[i - 1] ?? '') && /^[a-z]+$/.test(a as string)));
  if (name === 'shopt') return /^-[supqo]+$/.test(args[0] as string) && args.slice(1).every((a) => /^[a-z_]+$/.test(a as string));
  return false;
}

function statements(text: string): { tree: ReturnType<typeof parseWithSource>; list: Statement[] } {
  const tree = parseWithSource(text);
  const list: Statement[] = [];
  let line = 0;
  let lineFrom = 0;
  let prevEnd = 0;
  for (const stmt of tree.file.Stmts ?? []) {
    const before = tree.text(lineFrom, stmt.Pos);
    for (let i = before.indexOf('\n'); i >= 0; i = before.indexOf('\n', i + 1)) line++;
    lineFrom = stmt.Pos;
    const cmd = stmt.Cmd;
    const words = cmd?.type === 'CallExpr' && (cmd.Assigns ?? []).length === 0 ? (cmd.Args ?? []).map((w: ShNode) => literalValue(w)) : [];
    list.push({
      line,
      start: stmt.Pos,
      end: stmt.End,
      compound: cmd ? COMPOUND.has(cmd.type) : false,
      option: words.length > 0 && stmt.Redirs.length === 0 && isShellOption(words),
      afterBlank: /\n[ \t]*\n/.test(tree.text(prevEnd, stmt.Pos)),
    });
    prevEnd = stmt.End;
  }
  return { tree, list };
}

/**
 * The runs a script's lenses offer: each logical block (statements not
 * parted by a blank line; a compound command is a block of its own), or each
 * statement when `perStatement`. Shell options (`set -euo pipefail`) get no
 * lens. An unparsable script throws (the caller shows no lenses).
 */
export function shellScriptBlocks(text: string, options: { perStatement?: boolean } = {}): FoundCommand[] {
  const { tree, list } = statements(text);
  const groups: Statement[][] = [];
  for (const stmt of list) {
    if (stmt.option) continue;
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    const joins = !options.perStatement && prev && !stmt.afterBlank && !stmt.compound && !prev.compound;
    if (joins) last.push(stmt);
    else groups.push([stmt]);
  }
  const found: FoundCommand[] = [];
  for (const group of groups.slice(0, MAX_LENSES)) {
    const command = tree.text(group[0].start, group[group.length - 1].end).trim();
    if (command !== '') found.push({ line: group[0].line, command });
  }
  return found;
}

/** Each top-level statement of a shell script, shell options left out. */
export function shellScriptStatements(text: string): FoundCommand[] {
  return shellScriptBlocks(text, { perStatement: true });
}

/** The whole script as one command: the text after its `#!` line. */
export function wholeScript(text: string): string {
  return text.replace(/^#![^\n]*\n?/, '').trim();
}
