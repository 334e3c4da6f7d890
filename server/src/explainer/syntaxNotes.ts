// Paladin's own explanations of shell syntax: operators, redirections,
// substitutions and quoting. These are the shell's rules, not any program's,
// so they need no manual.

export const operatorNotes: Record<string, string> = {
  '|': 'pipe: the output of the command on the left becomes the input of the command on the right',
  '|&': 'pipe of both standard output and standard error into the command on the right',
  '&&': 'runs the command on the right only if the one on the left succeeds',
  '||': 'runs the command on the right only if the one on the left fails',
  ';': 'runs the next command after this one finishes, whatever its result',
  '&': 'runs the command in the background without waiting for it',
  '!': 'negates the exit status of the command',
};

export function redirectNote(op: string, fd: string | null, target: string, quotedDelimiter: boolean): string {
  const stream = (n: string | null, def: string): string => (n === null ? def : n === '0' ? 'standard input' : n === '1' ? 'standard output' : n === '2' ? 'standard error' : `file descriptor ${n}`);
  const file = target === '/dev/null' ? '/dev/null (discarded)' : target;
  switch (op) {
    case '>':
      return `writes ${stream(fd, 'standard output')} to ${file}, replacing its contents`;
    case '>|':
      return `writes ${stream(fd, 'standard output')} to ${file}, replacing it even when noclobber is set`;
    case '>>':
      return `appends ${stream(fd, 'standard output')} to ${file}`;
    case '<':
      return `reads ${stream(fd, 'standard input')} from ${target}`;
    case '<>':
      return `opens ${target} for reading and writing as ${stream(fd, 'standard input')}`;
    case '&>':
      return `writes both standard output and standard error to ${file}, replacing its contents`;
    case '&>>':
      return `appends both standard output and standard error to ${file}`;
    case '>&':
      if (target === '-') return `closes ${stream(fd, 'standard output')}`;
      return /^\d+$/.test(target) ? `sends ${stream(fd, 'standard output')} to where ${stream(target, '')} goes` : `writes standard output and standard error to ${file}`;
    case '<&':
      if (target === '-') return `closes ${stream(fd, 'standard input')}`;
      return `reads ${stream(fd, 'standard input')} from ${stream(target, '')}`;
    case '<<':
    case '<<-':
      return (
        `here-document: the lines up to ${target} become the standard input` +
        (op === '<<-' ? ', with leading tabs removed' : '') +
        (quotedDelimiter ? '; the delimiter is quoted, so $ and ` inside are left as written' : '; $ expansions and substitutions inside are expanded')
      );
    case '<<<':
      return `here-string: ${target} followed by a newline becomes the standard input`;
    default:
      return `redirection ${op}`;
  }
}

export const substitutionNotes = {
  command: 'command substitution: runs the command inside and puts its output here',
  processIn: 'process substitution: the output of the command inside, readable as a file name',
  processOut: 'process substitution: a file name whose writes become the input of the command inside',
  arithmetic: 'arithmetic expansion: replaced by the value of the expression',
};

export const compoundNotes: Record<string, string> = {
  subshell: 'subshell: runs the commands inside in a child shell, so its cd and variable changes do not last',
  block: 'group: runs the commands inside in the current shell as one unit',
  if: 'if: runs the branch whose condition succeeds',
  while: 'while loop: repeats the body while the condition succeeds',
  until: 'until loop: repeats the body until the condition succeeds',
  for: 'for loop: runs the body once for each word',
  case: 'case: runs the branch whose pattern matches the word',
  function: 'function definition: names the commands in the body so they can be run by that name',
  test: '[[ ]]: tests a condition (bash conditional expression)',
  arithmetic: '(( )): evaluates an arithmetic expression; succeeds if it is not zero',
  coproc: 'coproc: runs the command in the background with pipes to and from it',
};

/** What the shell does to a word before the program sees it. */
export function wordNote(kinds: Set<string>, text: string): string {
  const notes: string[] = [];
  if (kinds.has('CmdSubst')) notes.push('includes the output of a command');
  if (kinds.has('ParamExp')) notes.push('includes the value of a variable');
  if (kinds.has('ArithmExp')) notes.push('includes an arithmetic result');
  if (kinds.has('BraceExp') || (kinds.has('Lit') && /(^|[^\\]){[^{}]*,[^{}]*}/.test(text) && !kinds.has('SglQuoted'))) notes.push('brace expansion makes several words of it');
  if (kinds.has('glob')) notes.push('a pattern the shell expands to the matching file names');
  if ((kinds.has('SglQuoted') || kinds.has('DblQuoted')) && !kinds.has('glob')) notes.push('quoted, so the shell passes it as one word without expanding patterns');
  return notes.join('; ');
}
