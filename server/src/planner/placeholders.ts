// Unfilled slots: a plan that still says `<pattern>` or `<path>` is a
// question to the person, never a command to run. The planner reports them
// with a hint on how to give the value; the server refuses to run them.

import { slotTypes, type SlotType } from './corpus';

/**
 * Slot names a plan can leave unfilled: the slot types and every slot name
 * Paladin's knowledge uses (a unit test keeps this list complete).
 */
export const slotNames: ReadonlySet<string> = new Set<string>([
  ...slotTypes,
  'age', 'author', 'base', 'chars', 'column2', 'command', 'commit', 'data', 'date', 'date2', 'days', 'depth', 'dest', 'device', 'dir2', 'email', 'end',
  'exclude', 'expr', 'file2', 'from', 'glob2', 'group', 'iface', 'image', 'job', 'jobs', 'key', 'level', 'line', 'max', 'member', 'message', 'min', 'name2',
  'name3', 'new', 'newowner', 'old', 'pattern2', 'prefix', 'prompt', 'script', 'seconds', 'service', 'since', 'src', 'start', 'step', 'string2', 'suffix',
  'server', 'tag', 'target', 'text', 'to', 'type', 'uid', 'until', 'value', 'width', 'year',
  // Names a model tends to leave in a command it could not complete.
  'filename', 'directory', 'folder', 'process', 'process_name', 'search_term', 'query', 'source', 'destination', 'username', 'hostname', 'branch_name', 'your_file',
]);

// A slot stands where a value would: not glued to letters or digits on
// either side (`<script>document…` in a quoted HTML string is text, not a slot).
const placeholder = /(?<![A-Za-z0-9])<([a-z][a-zA-Z0-9_-]*)>(?![A-Za-z0-9])/g;

/** The slot names left as `<name>` in `command`, in order, once each. */
export function placeholdersIn(command: string): string[] {
  const out: string[] = [];
  for (const m of command.matchAll(placeholder)) {
    const name = m[1];
    if ((slotNames.has(name) || /_(name|file|dir|path|pattern)$/.test(name)) && !out.includes(name)) out.push(name);
  }
  return out;
}

const hints: Partial<Record<SlotType, string>> & Record<string, string> = {
  path: 'name the folder or file, e.g. "in src"',
  dir: 'name the folder, e.g. "under logs"',
  file: 'name the file, e.g. "in notes.txt"',
  glob: 'say which files, e.g. "the .log files"',
  ext: 'say which kind of file, e.g. "python files"',
  pattern: 'put the text to look for in quotes, e.g. "lines containing \'ERROR\'"',
  string: 'put the text in quotes, e.g. "\'hello\'"',
  name: 'give the name, in quotes if it has spaces',
  number: 'give the number',
  count: 'say how many, e.g. "the 10 biggest"',
  size: 'give the size, e.g. "larger than 10MB"',
  duration: 'give the age, e.g. "older than 7 days"',
  age: 'give the age, e.g. "older than 7 days"',
  column: 'say which column, e.g. "the second column"',
  user: 'name the user',
  host: 'name the host, e.g. "example.com"',
  port: 'give the port, e.g. "port 3000"',
  url: 'give the address, e.g. "https://example.com/file.txt"',
  branch: 'name the branch',
  mode: 'give the permissions, e.g. "755" or "executable"',
  signal: 'name the signal, e.g. "TERM"',
  pid: 'give the process id, e.g. "process 1234"',
  archive: 'name the archive, e.g. "backup.tar.gz"',
  dest: 'say where to, e.g. "into archive/"',
  target: 'say where to, e.g. "into archive/"',
  message: 'give the message in quotes',
  commit: 'name the commit (its hash or e.g. "HEAD~1")',
  service: 'name the service',
};

/** How a person can give the value of slot `name` (of `type`, when known). */
export function slotHint(name: string, type?: string): string {
  const base = name.replace(/\d+$/, '');
  return hints[name] ?? hints[base] ?? (type ? hints[type] : undefined) ?? (/dir|folder|directory/.test(name) ? hints.dir : /file/.test(name) ? hints.file : /pattern|query|term/.test(name) ? hints.pattern : `say what <${name}> should be`);
}
