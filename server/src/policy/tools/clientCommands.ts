// A database client's own commands that leave the database: sqlite3's
// `.shell` and `.system`, psql's and mysql's `\!` (and mysql's `system`) run
// a shell command, which is read as the command it is; `.output`, `.once`,
// `.backup`, `.save` and psql's `\o`, `\w` write the file they name.

import { literal } from '../../shell/argWords';
import { DYNAMIC } from '../../shell/words';
import type { ToolCall } from './toolKit';

const SHELL_ESCAPE = /^\s*(?:\.shell|\.system|\\!|system(?=\s))\s*(.*)$/s;
const FILE_WRITER = /^\s*(?:\.(output|once|backup|save|excel)|\\(o|w|out|write))(?:\s+(.*))?$/s;

/** Every line of every text the client runs: shell escapes run through the walker, file writers write. */
export function clientCommands(call: ToolCall, texts: string[]): void {
  for (const line of texts.flatMap((t) => t.split('\n'))) {
    const shell = SHELL_ESCAPE.exec(line);
    if (shell) {
      runsShell(call, shell[1]);
      continue;
    }
    const writer = FILE_WRITER.exec(line);
    if (writer) writesFile(call, writer[1] ?? writer[2], splitWords(writer[3] ?? ''));
  }
}

function runsShell(call: ToolCall, command: string): void {
  const { w, fact, ctx } = call;
  fact.runs_command.push('client-shell');
  if (command.includes(DYNAMIC)) {
    fact.runs_code = 'inline';
    fact.shell = true;
    fact.code_dynamic = true;
  } else if (command.trim() !== '') w.reparse(command, fact.index, ctx, 'shell-string');
}

/** `.backup main f.db` and `.save f.db` name the file last; the others first, after their options. */
function writesFile(call: ToolCall, cmd: string, words: string[]): void {
  const names = words.filter((x) => !x.startsWith('-'));
  // `.excel` and `.once -x`/`-e` open the result in another program.
  if (cmd === 'excel' || (cmd === 'once' && words.some((x) => /^-[xe]$/.test(x)))) call.fact.runs_command.push('client-shell');
  const file = cmd === 'backup' || cmd === 'save' ? names[names.length - 1] : names[0];
  if (file === undefined || file === 'stdout' || file.startsWith('|')) {
    if (file?.startsWith('|')) runsShell(call, file.slice(1));
    return;
  }
  call.fact.writes.push(call.w.path(file.includes(DYNAMIC) ? { ...literal(file), dynamic: true } : literal(file)));
}

/** Words as the client splits them: on blanks, with single or double quotes kept together. */
function splitWords(text: string): string[] {
  return [...text.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}
