// A program the request names, run on the files a selection finds: the
// selection keeps every condition, the program is run with the paths as its
// arguments (each alone when the request says so), and a request that orders
// a program run is never answered by a find that only lists.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { programNotRun } from '../../server/src/planner/findPrograms';
import { selectionCandidates } from '../../server/src/planner/findSelection';
import { readIntent } from '../../server/src/planner/intent';
import { readRequest } from '../../server/src/planner/requestFacts';
import type { CommandFact } from '../../server/src/policy/factsTypes';
import { plannerWorkspace } from '../support/plannerWorkspace';

const find = (request: string) => selectionCandidates(readRequest(request))[0]?.command;

test('a program written as a path or a script runs on what the selection finds, all at once', () => {
  assert.equal(find('look for the folders called "inbox*" below mail and run ./sortmail with all of them as arguments'), "find mail -type d -name 'inbox*' -exec ./sortmail {} +");
  assert.equal(find('find every .wav file in recordings older than 3 days and run /usr/local/bin/normalize on them'), "find recordings -type f -name '*.wav' -mtime +3 -exec /usr/local/bin/normalize {} +");
  assert.equal(find('find the python files in tools, not in sub folders, and execute the script check.py against them'), "find tools -maxdepth 1 -type f -name '*.py' -exec check.py {} +");
});

test('a program named by a bare word runs only when the request runs it by that name or calls it a program', () => {
  assert.equal(find("invoke reindex on every file under /srv/index whose name matches '*.idx'"), "find /srv/index -type f -name '*.idx' -exec reindex {} +");
  assert.equal(find('find all csv files under data and pass them to the program "csvclean --strict"'), "find data -type f -name '*.csv' -exec csvclean --strict {} +");
  // "the validator" is a thing, not a program's name: nothing to run, and no listing in its place.
  assert.deepEqual(selectionCandidates(readRequest('find the yaml files in deploy and pass them to the validator')), []);
});

test('a program is run only when ordered, on files, and its own name selects nothing', () => {
  // "execute permissions" describes the files; no program is run.
  assert.doesNotMatch(find('find all files under /srv for which the owner has read/write/execute permissions') ?? '', /-exec/);
  // A script run with settings of its own is no act on files found.
  assert.deepEqual(selectionCandidates(readRequest('execute the script "report.py" with "LANG=C" and save its output to report.txt')), []);
  assert.equal(find('find all markdown files under docs and execute the python script render.py with all their paths as arguments'), "find docs -type f -name '*.md' -exec render.py {} +");
});

test('"each one", "one at a time" run the program once per file', () => {
  assert.equal(find('find the .txt files in /data/in and hand each one to /opt/tools/convert.sh'), "find /data/in -type f -name '*.txt' -exec /opt/tools/convert.sh {} \\;");
  assert.equal(find('for every log file under var/log, invoke ./rotate.sh on it one at a time'), "find var/log -type f -name '*.log' -exec ./rotate.sh {} \\;");
});

test('passing files to a program written as one is an order to run it; the program is no place to look in', () => {
  const passed = readIntent(readRequest('find the .txt files in /data/in and pass each one to /opt/tools/convert.sh'));
  assert.ok(passed.actions.includes('run'));
  assert.ok(passed.allows.runCode);
  const run = readIntent(readRequest('find the folders called m? and run ./fixmbox on them'));
  assert.deepEqual(run.scope, []);
  // Piped to a pager, the files are only looked at.
  assert.ok(!readIntent(readRequest('find the logs and pipe them to less')).actions.includes('run'));
});

test('a find that does not run the program the request names is turned away', () => {
  const finds: CommandFact[] = [{ program: 'find' } as CommandFact];
  const words = 'find the logs under var and pass them to ./rotate.sh';
  assert.match(programNotRun(words, finds, 'find var -name "*.log"').join(), /does not run \.\/rotate\.sh/);
  // The policy's facts hold the program -exec runs as a step of its own.
  assert.deepEqual(programNotRun(words, [...finds, { program: './rotate.sh' } as CommandFact], 'find var -name "*.log" -exec ./rotate.sh {} +'), []);
  assert.match(programNotRun('find the yaml files and feed them to the validator', finds, 'find . -name "*.yaml"').join(), /does not run the program/);
  assert.deepEqual(programNotRun('find the yaml files and show them', finds, 'find . -name "*.yaml"'), []);
});

test('a program run by its bare name on files selects them, and a listing in its place is turned away', () => {
  assert.equal(find('run less with all the .md files under notes'), "find notes -type f -name '*.md' -exec less {} +");
  assert.equal(find('look for all the folders starting with tmp in build and give them as input to the script purge-old'), "find build -type d -name 'tmp*' -exec purge-old {} +");
  const finds: CommandFact[] = [{ program: 'find' } as CommandFact];
  assert.match(programNotRun('run less with all the .md files under notes', finds, "find notes -name '*.md'").join(), /does not run less/);
});

test('a program named with its noun after it, or run "passing" the files, is still the act; one nobody names is asked for', () => {
  assert.equal(find("run the 'wc' command on each file in notes individually"), "find notes -type f -exec wc {} \\;");
  assert.equal(find('execute script /opt/bin/upload.sh passing all PNG files found under shots as arguments'), "find shots -type f -name '*.png' -exec /opt/bin/upload.sh {} +");
  const unnamed = selectionCandidates(readRequest('find all the files in build and pass them as arguments to some program'))[0];
  assert.equal(unnamed?.command, "find build -type f -exec '<program>' {} +");
  assert.deepEqual(unnamed?.missing, ['program']);
  // "write and execute permission for all users" is a condition, not a program run.
  assert.doesNotMatch(find('list the files in bin with read, write and execute permission for all users') ?? '', /-exec/);
});

test('with no program name read, only a find that does nothing but list is turned away', () => {
  const finds: CommandFact[] = [{ program: 'find' } as CommandFact];
  assert.deepEqual(programNotRun('find the logs and pipe them to less', finds, "find . -name '*.log' | less"), []);
  assert.deepEqual(programNotRun("run the command find . -name '*.o'", finds, "find . -name '*.o'"), []);
  assert.match(programNotRun('find the logs and pipe them to less', finds, "find . -name '*.log'").join(), /does not run/);
});

test('a find that only shows details of what it finds runs no program', () => {
  const finds: CommandFact[] = [{ program: 'find' } as CommandFact];
  assert.match(programNotRun('find the notes and feed them to the checker', finds, "find notes -exec ls -l {} +").join(), /does not run/);
  assert.match(programNotRun('find the notes and feed them to the checker', finds, "find notes | sort").join(), /does not run/);
});

test('a plan with no find that only shows files runs no program either', () => {
  const shows = (program: string) => [{ program } as CommandFact];
  for (const [request, program, command] of [
    ["run 'chmod 0755' on all directories in the current directory tree", 'tree', 'tree .'],
    ['run ./fix.sh on every file in logs', 'ls', 'ls -R logs'],
    ['find the notes and feed them to the checker', 'cat', 'cat notes/*'],
  ]) assert.match(programNotRun(request, shows(program), command).join(), /only shows files and runs/, request);
  // A plan that runs the program, or another that is no mere look, is judged elsewhere.
  assert.deepEqual(programNotRun('run ./fix.sh on every file in logs', shows('xargs'), 'ls logs | xargs ./fix.sh'), []);
  assert.deepEqual(programNotRun('run less on notes.txt', shows('less'), 'less notes.txt'), []);
  assert.deepEqual(programNotRun('run ls on the logs folder', shows('ls'), 'ls logs'), []);
});

test('a quoted command that gives its own operands ("run \'chmod 0755\' on all directories") runs on what is found; a name test made of it runs nothing', async () => {
  const { execFileSync } = await import('node:child_process');
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const ws = await plannerWorkspace('quoted-programs', ['src/lib'], ['src/a.ts', 'src/lib/b.ts', 'notes.md']);
  const wrong: string[] = [];
  try {
    const asks: [string, string, (root: string) => boolean][] = [
      ["'chmod 0750'", 'all directories under src', (root) => (fs.statSync(path.join(root, 'src/lib')).mode & 0o777) === 0o750 && (fs.statSync(path.join(root, 'src/a.ts')).mode & 0o777) !== 0o750],
      ["'chmod 600'", 'every .ts file in src', (root) => (fs.statSync(path.join(root, 'src/lib/b.ts')).mode & 0o777) === 0o600 && (fs.statSync(path.join(root, 'notes.md')).mode & 0o777) !== 0o600],
      ['"chmod u+x"', 'all the .ts files under src', (root) => (fs.statSync(path.join(root, 'src/a.ts')).mode & 0o100) !== 0 && (fs.statSync(path.join(root, 'notes.md')).mode & 0o100) === 0],
      ["'grep -l TODO'", 'every .ts file under src', () => true],
    ];
    for (const [i, [quoted, where, holds]] of asks.entries()) {
      for (const verb of ['run', 'execute', 'invoke']) {
        const request = `${verb} ${quoted} on ${where}`;
        const command = await ws.plan(request);
        if (!command || !new RegExp(`-exec ${quoted.slice(1, -1).split(' ')[0]}\\b`).test(command) || /-i?name '(?:chmod|grep)/.test(command)) {
          wrong.push(`${request} → ${command || 'abstained'}`);
          continue;
        }
        const root = fs.mkdtempSync(path.join(os.tmpdir(), `paladin-quoted-${i}-`));
        try {
          fs.mkdirSync(path.join(root, 'src/lib'), { recursive: true });
          for (const f of ['src/a.ts', 'src/lib/b.ts', 'notes.md']) fs.writeFileSync(path.join(root, f), 'TODO\n', { mode: 0o644 });
          execFileSync('bash', ['-c', `${command}; true`], { cwd: root, stdio: 'pipe' });
          if (!holds(root)) wrong.push(`${request} → ${command}: not what was asked`);
        } finally {
          fs.rmSync(root, { recursive: true, force: true });
        }
      }
    }
  } finally {
    ws.close();
  }
  assert.deepEqual(wrong, []);
  // A find that only writes the command as a name runs nothing.
  const intent = readIntent(readRequest("run 'chmod 0755' on all directories"));
  assert.match(programNotRun(intent.words, [{ program: 'find', args: ['.', '-type', 'd', '-name', 'chmod 0755'] } as unknown as CommandFact], "find . -type d -name 'chmod 0755'").join(' '), /does not run chmod/);
});

test('a program quoted the old way (`echo\') is run on what is found, and its run is never a chmod', async () => {
  const ws = await plannerWorkspace('old-quotes', ['docs'], ['docs/a.txt']);
  try {
    for (const [request, program] of [["Execute `echo' for each file found", 'echo'], ["run `wc -l' on every .txt file", 'wc -l'], ["execute `ls -l' on each file in docs", 'ls -l']] as const) {
      const command = await ws.plan(request);
      assert.ok(command.includes(program) && !/chmod/.test(command), `${request} → ${command}`);
    }
  } finally {
    ws.close();
  }
});
