// Finds the commands a code lens can offer to run: fenced shell blocks in
// Markdown, and each top-level statement of a shell script (read with the
// same parser the policy judges with).

import { parseWithSource } from '../shell/source';

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

/** Each top-level statement of a shell script; an unparsable script throws (the caller shows no lenses). */
export async function shellScriptStatements(text: string): Promise<FoundCommand[]> {
  const tree = parseWithSource(text);
  const found: FoundCommand[] = [];
  let line = 0;
  let lineFrom = 0;
  for (const stmt of tree.file.Stmts ?? []) {
    if (found.length >= MAX_LENSES) break;
    const before = tree.text(lineFrom, stmt.Pos);
    for (let i = before.indexOf('\n'); i >= 0; i = before.indexOf('\n', i + 1)) line++;
    lineFrom = stmt.Pos;
    const command = tree.of(stmt).trim();
    if (command !== '') found.push({ line, command });
  }
  return found;
}
