// Splitting commands into parts: manual parsing (GNU --help, man pages,
// busybox usage) and the split of options, values, subcommands and wrapped
// commands, over tricky commands. Manuals here are small texts in the three
// real formats, so the tests do not depend on what the machine has installed.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Explainer } from '../../server/src/explainer/explainer';
import type { FoundManual, ManualProvider } from '../../server/src/explainer/explainTree';
import { Knowledge } from '../../server/src/explainer/knowledgeMatch';
import { parseManual, parseTag, type Manual } from '../../server/src/explainer/manualParse';
import { shapes } from '../../server/src/explainer/programShapes';
import { splitArgs, type ArgWord } from '../../server/src/explainer/splitArgs';
import { wrapperStep } from '../../server/src/shell/wrappers';
import type { ExplainPart } from '../../server/src/protocol/types';

const gnuLs = `Usage: ls [OPTION]... [FILE]...
List information about the FILEs (the current directory by default).

Mandatory arguments to long options are mandatory for short options too.
  -a, --all                  do not ignore entries starting with .
      --block-size=SIZE      with -l, scale sizes by SIZE when printing them;
                             e.g., '--block-size=M'; see SIZE format below
      --color[=WHEN]         color the output WHEN; more info below
      --format=WORD          across -x, commas -m, long -l
  -l                         use a long listing format
  -r, --reverse              reverse order while sorting
  -R, --recursive            list subdirectories recursively
  -w, --width=COLS           set output width to COLS.  0 means no limit
`;

const manGrep = `GREP(1)                          User Commands                          GREP(1)

NAME
       grep - print lines that match patterns

SYNOPSIS
       grep [OPTION...] PATTERNS [FILE...]

DESCRIPTION
       grep searches for PATTERNS in each FILE.

OPTIONS
       -e PATTERNS, --regexp=PATTERNS
              Use PATTERNS as the patterns.  This option can be used multiple times.

       -i, --ignore-case
              Ignore case distinctions in patterns and input data.

       -n, --line-number
              Prefix each line of output with the 1-based line number within its input file.

       -r, --recursive
              Read all files under each directory, recursively.

       -C NUM, -NUM, --context=NUM
              Print NUM lines of output context.

       -c     Suppress normal output; instead print a count of matching lines.
`;

const manFind = `FIND(1)                    General Commands Manual                   FIND(1)

NAME
       find - search for files in a directory hierarchy

SYNOPSIS
       find [-H] [-L] [-P] [starting-point...] [expression]

EXPRESSION
       -L     Follow symbolic links.

       -maxdepth levels
              Descend at most levels (a non-negative integer) levels of directories.

       -name pattern
              Base of file name matches shell pattern pattern.

       -type c
              File is of type c:

              d      directory

              f      regular file

              l      symbolic link; this is never true if the -L option or the -follow option is in effect, unless
                     the symbolic link is broken.

       -delete
              Delete files or directories; true if removal succeeded.

       -newerXY reference
              Succeeds if timestamp X of the file being considered is newer than timestamp Y of the file reference.

       -exec command ;
              Execute command; true if 0 status is returned.
`;

const busyboxTar = `BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.

Usage: tar c|x|t [-ZzJjahmvokO] [-f TARFILE] [-C DIR] [FILE]...

Create, extract, or list files from a tar file

\tc\tCreate
\tx\tExtract
\tt\tList
\t-f FILE\tName of TARFILE ('-' for stdin/out)
\t-C DIR\tChange to DIR before operation
\t-v\tVerbose
\t-z\t(De)compress using gzip
`;

const gnuHead = `Usage: head [OPTION]... [FILE]...
Print the first 10 lines of each FILE to standard output.

  -c, --bytes=[-]NUM       print the first NUM bytes of each file
  -n, --lines=[-]NUM       print the first NUM lines instead of the first 10
  -q, --quiet, --silent    never print headers giving file names
`;

const gitHelp = `usage: git [-v | --version] [-C <path>] [-c <name>=<value>] <command> [<args>]

Git is a fast, scalable, distributed revision control system.

   log       Show commit logs
   status    Show the working tree status
`;

const gitLog = `GIT-LOG(1)                        Git Manual                        GIT-LOG(1)

NAME
       git-log - Show commit logs

SYNOPSIS
       git log [<options>] [<revision-range>] [[--] <path>...]

OPTIONS
       --oneline
           This is a shorthand for "--pretty=oneline --abbrev-commit" used together.

       -<number>, -n <number>, --max-count=<number>
           Limit the number of commits to output.
`;

const gnuXargs = `Usage: xargs [OPTION]... COMMAND [INITIAL-ARGS]...
Run COMMAND with arguments INITIAL-ARGS and more arguments read from input.

  -0, --null                   items are separated by a null, not whitespace
  -I R                         same as --replace=R
  -n, --max-args=MAX-ARGS      use at most MAX-ARGS arguments per command line
`;

const manuals: Record<string, Manual> = {
  ls: parseManual('ls', gnuLs, 'help'),
  grep: parseManual('grep', manGrep, 'manual'),
  find: parseManual('find', manFind, 'manual'),
  tar: parseManual('tar', busyboxTar, 'help'),
  head: parseManual('head', gnuHead, 'help'),
  git: parseManual('git', gitHelp, 'help'),
  'git-log': parseManual('git-log', gitLog, 'manual'),
  xargs: parseManual('xargs', gnuXargs, 'help'),
};

/** Manuals held in memory, as the library holds them after reading. */
class MemoryManuals implements ManualProvider {
  asked: string[] = [];
  async prefetch(names: string[]): Promise<void> {
    this.asked.push(...names);
  }
  async get(name: string): Promise<FoundManual | null> {
    return manuals[name] ? { manual: manuals[name], origin: `${manuals[name].kind === 'manual' ? 'man page' : '--help'}, test` } : null;
  }
}

function words(...list: string[]): ArgWord[] {
  // Quote removal is the shell tree's job; these words are plain.
  return list.map((w) => ({ text: w, value: w }));
}

async function explain(command: string): Promise<{ parts: ExplainPart[]; summary: string }> {
  return new Explainer(new MemoryManuals()).explain(command);
}

function brief(parts: ExplainPart[]): string[] {
  return parts.map((p) => `${p.kind}:${p.text}:${p.source}`);
}

describe('manual parsing', () => {
  it('reads GNU --help: aliases, required and optional values, wrapped descriptions', () => {
    const m = manuals.ls;
    assert.equal(m.summary, 'List information about the FILEs (the current directory by default)');
    assert.deepEqual(m.positionals, [{ name: 'FILE', repeats: true }]);
    assert.equal(m.options['-a'].description, 'do not ignore entries starting with .');
    assert.deepEqual(m.options['--all'], m.options['-a']);
    assert.equal(m.options['--block-size'].value, 'required');
    assert.match(m.options['--block-size'].description, /scale sizes by SIZE when printing them; e\.g\., '--block-size=M'/);
    assert.equal(m.options['--color'].value, 'optional');
    assert.equal(m.options['-w'].value, 'required', 'a short alias of a long option with a value takes it too');
    assert.equal(m.options['-l'].value, 'none');
    assert.equal(m.options['--author'], undefined);
  });

  it('reads man pages: NAME, SYNOPSIS placeholders, -NUM, tags with values on their own line', () => {
    const m = manuals.grep;
    assert.equal(m.summary, 'print lines that match patterns');
    assert.deepEqual(m.positionals.map((p) => p.name), ['PATTERNS', 'FILE']);
    assert.equal(m.options['-e'].value, 'required');
    assert.equal(m.options['-e'].valueName, 'PATTERNS');
    assert.equal(m.options['-C'].value, 'required');
    assert.equal(m.numeric?.description, 'Print NUM lines of output context');
    assert.equal(m.options['-c'].description, 'Suppress normal output; instead print a count of matching lines');
    assert.equal(manuals.find.options['-name'].value, 'required');
    assert.equal(manuals.find.options['-delete'].value, 'none');
    assert.equal(manuals['git-log'].numeric?.description, 'Limit the number of commits to output');
    assert.equal(manuals['git-log'].options['-n'].valueName, 'number');
  });

  it('reads busybox usage text with tabs, and its bare mode letters', () => {
    const m = manuals.tar;
    assert.equal(m.summary, 'Create, extract, or list files from a tar file');
    assert.equal(m.options['-f'].value, 'required');
    assert.equal(m.options['-z'].description, '(De)compress using gzip');
    assert.equal(m.terms.x, 'Extract');
  });

  it('reads BSD-style man pages', () => {
    const bsd = `LS(1)                       General Commands Manual                      LS(1)

NAME
     ls - list directory contents

SYNOPSIS
     ls [-ABCFGHILPRSTUWZabcdfghiklmnopqrstuvwxy1%,] [--color=when] [-D format] [file ...]

DESCRIPTION
     For each operand that names a file of a type other than directory, ls
     displays its name as well as any requested, associated information.

     The following options are available:

     -A      Include directory entries whose names begin with a dot ('.') except
             for . and ...

     -D format
             When printing in the long (-l) format, use format to format the date
             and time output.

     -l      (The lowercase letter "ell".) List files in the long format, as
             described in the The Long Format subsection below.
`;
    const m = parseManual('ls', bsd, 'manual');
    assert.equal(m.summary, 'list directory contents');
    assert.equal(m.options['-A'].description, "Include directory entries whose names begin with a dot ('.') except for . and ...");
    assert.equal(m.options['-D'].value, 'required');
    assert.match(m.options['-D'].description, /^When printing in the long \(-l\) format, use format to format the date and time output$/);
    assert.match(m.options['-l'].description, /^\(The lowercase letter "ell"\.\) List files in the long format/);
    const split = splitArgs(words('-lAD', '%F', 'x'), { manual: m });
    assert.deepEqual(split.items.map((i) => i.kind), ['flag', 'flag', 'flag', 'value', 'argument']);
  });

  it('parses option tags of every style', () => {
    assert.deepEqual(parseTag('-r, -R, --recursive')?.map((s) => s.name), ['-r', '-R', '--recursive']);
    assert.deepEqual(parseTag('--max-depth=N'), [{ name: '--max-depth', value: 'required', valueName: 'N' }]);
    assert.deepEqual(parseTag('-n, --lines=[+]NUM')?.[1], { name: '--lines', value: 'required', valueName: '[+]NUM' });
    assert.equal(parseTag('-L,-follow')?.[1].name, '-follow');
    assert.equal(parseTag('-v|--volume[=[[HOST-DIR:]CONTAINER-DIR]]')?.[1].value, 'optional');
    assert.equal(parseTag('This is prose'), null);
  });
});

describe('splitting options and arguments', () => {
  it('splits combined short flags', () => {
    const r = splitArgs(words('-rl', 'x'), { manual: manuals.ls });
    assert.deepEqual(r.items.map((i) => i.kind === 'flag' ? i.name : i.kind), ['-r', '-l', 'argument']);
  });

  it('takes the rest of a bundle as the value of an option that needs one', () => {
    const r = splitArgs(words('-n5', 'f'), { manual: manuals.head });
    assert.deepEqual(r.items[0], { kind: 'flag', word: 0, text: '-n', name: '-n', option: manuals.head.options['-n'], attached: '5' });
    assert.equal(r.items[1].kind, 'argument');
  });

  it('gives the next word to the last option of a bundle that needs a value: tar -xzf file', () => {
    const r = splitArgs(words('-xzf', 'a.tgz', 'dir'), { manual: manuals.tar, shape: shapes.tar });
    assert.deepEqual(
      r.items.map((i) => `${i.kind}:${i.kind === 'flag' ? i.name : 'text' in i ? i.text : ''}`),
      ['flag:-x', 'flag:-z', 'flag:-f', 'value:a.tgz', 'argument:dir'],
    );
    assert.equal(r.items[0].kind === 'flag' && r.items[0].option?.description, 'Extract');
  });

  it('reads a dashless bundle: tar xzf a.tgz', () => {
    const r = splitArgs(words('xzf', 'a.tgz'), { manual: manuals.tar, shape: shapes.tar });
    assert.deepEqual(r.items.map((i) => i.kind), ['flag', 'flag', 'flag', 'value']);
  });

  it('long options: attached values, separate values only when required, abbreviations', () => {
    const r = splitArgs(words('--block-size=M', '--format', 'long', '--color', 'auto', '--recur'), { manual: manuals.ls });
    assert.deepEqual(
      r.items.map((i) => `${i.kind}:${'text' in i ? i.text : ''}`),
      ['flag:--block-size=M', 'flag:--format', 'value:long', 'flag:--color', 'argument:auto', 'flag:--recur'],
    );
    assert.equal(r.items[0].kind === 'flag' && r.items[0].attached, 'M');
    assert.equal(r.items[5].kind === 'flag' && r.items[5].option, manuals.ls.options['--recursive']);
  });

  it('stops reading options at --', () => {
    const r = splitArgs(words('-l', '--', '-a'), { manual: manuals.ls });
    assert.deepEqual(r.items.map((i) => i.kind), ['flag', 'end', 'argument']);
  });

  it('reads -NUM and digits after flags as the documented -NUM', () => {
    const r = splitArgs(words('-n5', '-3', 'x'), { manual: manuals.grep });
    assert.deepEqual(r.items.map((i) => i.kind === 'flag' ? `${i.name}${i.option ? '' : '?'}` : i.kind), ['-n', '-5', '-3', 'argument']);
  });

  it('marks letters the manual does not list', () => {
    const r = splitArgs(words('-lQ'), { manual: manuals.ls });
    assert.equal(r.items[1].kind === 'flag' && r.items[1].option, undefined);
  });

  it('stops at a subcommand', () => {
    const r = splitArgs(words('-C', 'repo', 'log', '--oneline'), { manual: manuals.git, shape: shapes.git });
    assert.equal(r.subcommandAt, 2);
    assert.deepEqual(r.items.map((i) => i.kind), ['flag', 'value', 'subcommand']);
  });

  it('finds where a wrapper command begins by the policy\'s rule', () => {
    const wrapped = (name: string, ...ws: string[]) => {
      const step = wrapperStep(name, ws.map((text) => ({ text })));
      assert.ok(step.kind === 'runs', `${name} runs a command`);
      return splitArgs(words(...ws), { shape: shapes[name], wrapped: { at: step.at, assignments: [step.options, step.options + step.assignments] } });
    };
    assert.deepEqual(wrapped('sudo', '-u', 'bob', 'rm', '-rf', 'x').items.map((i) => i.kind), ['flag', 'value', 'command']);
    assert.deepEqual(wrapped('timeout', '-s', 'KILL', '5', 'sleep', '9').items.map((i) => i.kind), ['flag', 'value', 'argument', 'command']);
    assert.deepEqual(wrapped('env', '-i', 'A=1', 'B=2', 'printenv').items.map((i) => i.kind), ['flag', 'assignment', 'assignment', 'command']);
    // A manual that says an option takes a value cannot move the command's start.
    const r = splitArgs(words('-x', 'rm', 'y'), { manual: { ...manuals.ls, options: { '-x': { names: ['-x'], value: 'required', description: 'x' } } }, wrapped: { at: 1 } });
    assert.deepEqual(r.items.map((i) => i.kind), ['flag', 'command']);
  });

  it('reads the table of values under an option', () => {
    assert.deepEqual(manuals.find.options['-type'].values, { d: 'directory', f: 'regular file', l: 'symbolic link; this is never true if the -L option or the -follow option is in effect, unless the symbolic link is broken' });
    assert.equal(manuals.find.options['-name'].values, undefined);
  });

  it('reads option families such as find -newerXY', () => {
    const r = splitArgs(words('.', '-newermt', '2024-01-01'), { manual: manuals.find, program: 'find' });
    assert.deepEqual(r.items.map((i) => i.kind), ['argument', 'flag', 'value']);
    assert.match(r.items[1].kind === 'flag' ? (r.items[1].option?.description ?? '') : '', /^Succeeds if timestamp X/);
  });

  it('reads find -exec up to its terminator', () => {
    const r = splitArgs(words('.', '-name', '*.c', '-exec', 'wc', '-l', '{}', ';', '-delete'), { manual: manuals.find, program: 'find' });
    assert.deepEqual(r.items.map((i) => i.kind), ['argument', 'flag', 'value', 'flag', 'command', 'flag']);
    const cmd = r.items[4];
    assert.ok(cmd.kind === 'command' && cmd.word === 4 && cmd.until === 7 && cmd.terminator === 7);
  });
});

describe('explaining whole commands', () => {
  it('explains pipes, redirections and list operators as syntax', async () => {
    const { parts, summary } = await explain('ls -la 2>/dev/null | grep -in foo > out.txt && echo done || true; ls');
    assert.deepEqual(
      brief(parts).filter((p) => /:syntax$/.test(p) && !p.startsWith('argument')),
      ['redirect:2>/dev/null:syntax', 'pipe:|:syntax', 'redirect:> out.txt:syntax', 'operator:&&:syntax', 'operator:||:syntax', 'operator:;:syntax'],
    );
    assert.match(parts.find((p) => p.text === '2>/dev/null')!.explanation, /standard error to \/dev\/null \(discarded\)/);
    assert.match(parts.find((p) => p.text === '> out.txt')!.explanation, /writes standard output to out\.txt, replacing/);
    assert.match(summary, /^Runs ls \(list information about the FILEs.*piped into grep \(print lines that match patterns\) with -i, -n \(output written to out\.txt\)/);
  });

  it('keeps quoted words whole and says what the shell does to them', async () => {
    const { parts } = await explain(`grep -e 'a b' "c d" *.txt`);
    const texts = parts.map((p) => p.text);
    assert.deepEqual(texts, ['grep', '-e', "'a b'", '"c d"', '*.txt']);
    assert.match(parts[2].explanation, /PATTERNS for -e/);
    assert.match(parts[3].explanation, /PATTERNS in the synopsis of grep; quoted/);
    assert.match(parts[4].explanation, /FILE in the synopsis of grep; a pattern the shell expands/);
  });

  it('explains command and process substitutions and the commands inside them', async () => {
    const { parts } = await explain('diff <(ls a) <(ls b) > $(date +%F).txt');
    const subs = parts.filter((p) => p.kind === 'substitution');
    assert.deepEqual(subs.map((s) => s.text), ['<(ls a)', '<(ls b)', '$(date +%F)']);
    assert.match(subs[0].explanation, /process substitution/);
    assert.match(subs[2].explanation, /command substitution/);
    assert.equal(parts.filter((p) => p.kind === 'program' && p.text === 'ls').length, 2);
    assert.ok(parts.some((p) => p.kind === 'program' && p.text === 'date' && p.source === 'unknown'));
  });

  it('explains find -exec, with {} and the terminator', async () => {
    const { parts } = await explain(`find . -maxdepth 2 -name '*.log' -exec grep -c ERROR {} \\; -delete -type d`);
    assert.deepEqual(brief(parts), [
      'program:find:manual',
      'argument:.:syntax',
      'flag:-maxdepth:manual',
      'argument:2:manual',
      'flag:-name:manual',
      "argument:'*.log':manual",
      'flag:-exec:manual',
      'program:grep:manual',
      'flag:-c:manual',
      'argument:ERROR:manual',
      'argument:{}:syntax',
      'argument:\\;:manual',
      'flag:-delete:manual',
      'flag:-type:manual',
      'argument:d:manual',
    ]);
    assert.equal(parts[14].explanation, 'the value of -type: directory');
    assert.equal(parts[10].explanation, 'replaced by find with the path of each file found');
    assert.equal(parts[7].program, undefined);
    assert.equal(parts[8].program, 7, 'grep -c belongs to grep, not find');
    assert.equal(parts[12].program, 0, '-delete belongs to find again');
  });

  it('explains xargs, sudo, env, timeout and the commands they run', async () => {
    const { parts } = await explain('find . -print0 | xargs -0 -n 2 sudo -u bob env LANG=C timeout 5 ls -r');
    const programs = parts.filter((p) => p.kind === 'program').map((p) => `${p.text}:${p.source}`);
    assert.deepEqual(programs, ['find:manual', 'xargs:help', 'sudo:unknown', 'env:unknown', 'timeout:unknown', 'ls:help']);
    assert.ok(parts.some((p) => p.kind === 'assignment' && p.text === 'LANG=C'));
    const u = parts.findIndex((p) => p.text === '-u');
    assert.equal(parts[u].source, 'unknown', 'sudo has no manual here: its -u is not explained');
    assert.equal(parts[u + 1].text, 'bob', 'but its value is still taken, so bob is not run as a program');
    assert.equal(parts.find((p) => p.text === '-r')!.explanation, 'reverse order while sorting');
  });

  it('explains the string xargs -I replaces in the command it runs', async () => {
    const { parts } = await explain(`ls | xargs -I % grep -c x %.bak`);
    const arg = parts.find((p) => p.text === '%.bak')!;
    assert.equal(arg.explanation, 'replaced by xargs with each item read from standard input');
    assert.equal(parts.find((p) => p.text === 'x')!.explanation, 'PATTERNS in the synopsis of grep');
  });

  it('explains assignments before a command and on their own', async () => {
    const { parts } = await explain('A=1 B="x y" ls; C=2; export D=3');
    assert.deepEqual(parts.filter((p) => p.kind === 'assignment').map((p) => p.explanation), [
      'sets A to 1 in the environment of this command only',
      'sets B to "x y" in the environment of this command only',
      'sets the shell variable C to 2',
      'sets D to 3 and passes it to the commands this shell runs',
    ]);
  });

  it('explains heredocs and here-strings', async () => {
    const { parts } = await explain("cat <<'EOF' > out\nline $x\nEOF\ngrep a <<< \"$v\"");
    const redirects = parts.filter((p) => p.kind === 'redirect');
    assert.match(redirects[0].explanation, /here-document: the lines up to EOF become the standard input; the delimiter is quoted, so \$ and ` inside are left as written \(1 line\)/);
    assert.match(redirects[1].explanation, /writes standard output to out/);
    assert.match(redirects[2].explanation, /here-string/);
  });

  it('explains subcommands with the subcommand manual', async () => {
    const { parts } = await explain('git log --oneline -n 5 -3');
    assert.deepEqual(brief(parts), ['program:git:help', 'subcommand:log:manual', 'flag:--oneline:manual', 'flag:-n:manual', 'argument:5:manual', 'flag:-3:manual']);
    assert.match(parts[1].explanation, /^Show commit logs/);
    assert.equal(parts[5].explanation, 'Limit the number of commits to output');
  });

  it('says unknown programs and flags are unknown, and invents nothing', async () => {
    const { parts, summary } = await explain('frobnicate --wibble -xz file; ls --no-such');
    assert.equal(parts[0].source, 'unknown');
    assert.match(parts[0].explanation, /unknown program/);
    for (const p of parts.slice(1, 4)) assert.equal(p.source, 'unknown', p.text);
    const noSuch = parts.find((p) => p.text === '--no-such')!;
    assert.equal(noSuch.source, 'unknown');
    assert.match(noSuch.explanation, /does not list --no-such/);
    assert.match(summary, /Not explained: frobnicate, --wibble, -x, -z, --no-such/);
  });

  it('does not pretend to know a program named by an expansion', async () => {
    const { parts } = await explain('$CMD -rf /');
    assert.equal(parts[0].source, 'unknown');
    assert.match(parts[0].explanation, /known only when it runs/);
  });

  it('explains subshells, groups, loops, functions and a sh -c script', async () => {
    const { parts } = await explain(`(cd /tmp && ls) ; for f in *.c; do grep -c x "$f"; done; f() { ls; }; f; sh -c 'ls -l | grep x'`);
    const kinds = brief(parts);
    assert.ok(kinds.includes('operator:( … ):syntax'));
    assert.ok(kinds.includes('operator:for:syntax'));
    assert.ok(kinds.includes('operator:f():syntax'));
    assert.ok(parts.some((p) => p.kind === 'program' && p.text === 'f' && /shell function f/.test(p.explanation)));
    const inner = parts.slice(parts.findIndex((p) => p.text === 'sh'));
    assert.deepEqual(inner.filter((p) => p.kind === 'program').map((p) => p.text), ['sh', 'ls', 'grep']);
  });

  it('rejects what is not bash with a clear error', async () => {
    await assert.rejects(explain('echo "unclosed'), /not valid bash: .*Fix the quoting/);
  });

  it('asks for every manual it will need at once', async () => {
    const provider = new MemoryManuals();
    await new Explainer(provider).explain('sudo -u x nice -n 5 ls | git log; find . -exec wc {} +');
    assert.deepEqual(provider.asked.sort(), ['find', 'git', 'git-log', 'ls', 'nice', 'sudo', 'wc'].sort());
  });

  it('takes the summary from command knowledge when the command is one of its templates', async () => {
    const knowledge = new Knowledge([
      { id: 'files.biggest', template: 'du -ah {path} | sort -rh | head -n {count}', slots: { path: { default: '.' }, count: { default: 10 } }, utilities: ['du', 'sort', 'head'], explanation: 'Lists the biggest files and folders.' },
      { id: 'search.grep', template: 'grep -rn {pattern} {path}', slots: { pattern: {}, path: { default: '' } }, utilities: ['grep'], explanation: 'Searches files for a pattern.' },
    ]);
    const explainer = new Explainer(new MemoryManuals(), knowledge);
    assert.equal((await explainer.explain('du -ah src | sort -rh | head -n 5')).summary, 'Lists the biggest files and folders.');
    assert.equal((await explainer.explain(`grep -rn 'TODO list'`)).summary, 'Searches files for a pattern.');
    assert.equal((await explainer.explain('grep -rn TODO src')).summary, 'Searches files for a pattern.');
    assert.match((await explainer.explain('grep -rn -i TODO src')).summary, /^Runs grep/);
  });

  it('says what its command knowledge knows of a program with no manual, and still explains none of its flags', async () => {
    const knowledge = new Knowledge([
      { id: 'packages.npm_script', template: 'npm run {script}', slots: { script: {} }, utilities: ['npm'], explanation: 'Runs a script from package.json.' },
      { id: 'packages.npm_ci', template: 'npm ci', slots: {}, utilities: ['npm'], explanation: 'Installs exactly what package-lock.json records.' },
    ]);
    const { parts } = await new Explainer(new MemoryManuals(), knowledge).explain('npm run build --silent');
    assert.deepEqual(brief(parts), ['program:npm:knowledge', 'subcommand:run:knowledge', 'argument:build:syntax', 'flag:--silent:unknown']);
    assert.match(parts[0].explanation, /^no man page or --help text for npm was found; Paladin's command knowledge uses it in `npm ci`/);
    assert.match(parts[1].explanation, /`npm run \{script\}`: Runs a script from package\.json\./);
  });
});
