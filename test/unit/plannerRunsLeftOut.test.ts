// Names given in one run for one change, in the ways people join them
// ("as well as", "plus", "&", "and also", "or", spaces), and names that are
// verbs or stop words (delete.txt, copy.txt, and.txt): a plan from the
// embedded planner in a real workspace never acts on part of a run and says
// nothing of the rest, never takes the order's verb for a file ("delete
// notes.txt" is not `rm delete.txt`), and never copies onto a file the
// request names before its place. Requests are built from parts; each plan
// is read by the real parser.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeCommand } from '../../server/src/policy/facts';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let ws: PlannerWorkspace;
// Files with names of one letter, which the request's words do not read as files.
const bare = ['a', 'b', 'c'];
const files = ['notes.txt', 'todo.md', 'data.csv', 'app.log', 'report.json', 'and.txt', 'or.txt', 'to.txt', 'copy.txt', 'delete.txt', 'remove.txt', 'move.txt'];

before(async () => {
  ws = await plannerWorkspace('runs-left-out', ['out', 'archive', 'to', 'docs'], Object.fromEntries([...files, ...bare].map((f) => [f, 'a line\n'])));
});

after(() => ws.close());

/** The words of the plan's commands and what its redirects read or write, as the policy reads them. */
const words = (command: string): string[] => describeCommand(command, { workspace: ws.workspace }).commands.flatMap((c) => [...c.args, ...c.redirects.map((r) => r.target)]).map((a) => a.replace(/^\.\/|\/$/g, ''));
/** What the plan writes or deletes. */
const changed = (command: string): string[] => describeCommand(command, { workspace: ws.workspace }).commands.flatMap((c) => [...c.writes, ...c.deletes]).map((p) => p.path.replace(/^\.\/|\/$/g, ''));

const joiners: ((n: string[]) => string)[] = [
  (n) => `${n.slice(0, -1).join(', ')} as well as ${n[n.length - 1]}`,
  (n) => n.join(' plus '),
  (n) => n.join(' & '),
  (n) => n.join(' and also '),
  (n) => `${n.slice(0, -1).join(', ')} or ${n[n.length - 1]}`,
  (n) => n.join(' '),
  (n) => `${n.slice(0, -1).join(', ')}, and ${n[n.length - 1]}`,
];
const changes = ['delete {list}', 'please get rid of {list}', 'rm {list}', 'stage {list}', 'git add {list}', 'make {list} executable', 'copy {list} to out', 'move {list} into archive'];
const lists = (): string[][] => files.flatMap((f, i) => [[f, files[(i + 5) % files.length]], [f, files[(i + 3) % files.length], files[(i + 7) % files.length]]]);

test('a change acts on every name of its run, or is not planned', async () => {
  const wrong: string[] = [];
  let n = 0;
  for (const [j, join] of joiners.entries()) {
    for (const [k, names] of lists().entries()) {
      if ((j + k) % 3 !== 0) continue;
      const request = changes[(j + k) % changes.length].replace('{list}', join(names));
      const command = await ws.plan(request);
      n++;
      if (command && !names.every((f) => words(command).includes(f))) wrong.push(`${request} → ${command}`);
    }
  }
  assert.ok(n >= 50, `${n} requests`);
  assert.deepEqual(wrong, []);
});

test('the order\'s verb, and a stop word, are never taken for a file named by its stem', async () => {
  const wrong: string[] = [];
  for (const [verb, file] of [['delete', 'delete.txt'], ['remove', 'remove.txt'], ['copy', 'copy.txt'], ['move', 'move.txt']]) {
    for (const named of ['notes.txt', 'data.csv', 'report.json', 'app.log']) {
      for (const ask of [`${verb} ${named}`, `please ${verb} ${named}`, `${verb} ${named} to out`]) {
        const command = await ws.plan(ask);
        if (command && (words(command).includes(file) || changed(command).includes(file))) wrong.push(`${ask} → ${command}`);
      }
    }
    const bare = await ws.plan(`${verb} x and also y to archive`);
    if (bare && words(bare).some((w) => w === file || w === 'and.txt')) wrong.push(`${verb} x and also y to archive → ${bare}`);
  }
  assert.deepEqual(wrong, []);
});

test('a copy or move never writes onto a file the request names before its place', async () => {
  const wrong: string[] = [];
  for (const [i, a] of files.entries()) {
    const b = files[(i + 4) % files.length];
    for (const ask of [`cp ${a} ${b} docs`, `cp ${a} or ${b} to`, `copy ${a}, ${b} into out`, `mv ${a} ${b} archive`]) {
      const command = await ws.plan(ask);
      const over = changed(command).filter((p) => p === a || p === b);
      // A move deletes its sources; what it must not do is write one.
      const written = describeCommand(command, { workspace: ws.workspace }).commands.flatMap((c) => c.writes).map((p) => p.path.replace(/^\.\//, ''));
      if (command && over.some((p) => written.includes(p))) wrong.push(`${ask} → ${command}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('"as well as" joins names: its words are never a place', async () => {
  const wrong: string[] = [];
  for (const [i, a] of ['a', 'b', 'notes.txt', 'x', 'todo.md'].entries()) {
    const b = ['c', 'data.csv', 'y', 'app.log', 'z'][i];
    for (const ask of [`copy ${a} as well as ${b} to out`, `move ${a} as well as ${b} into archive`, `duplicate ${a} as well as ${b} into out`]) {
      const command = await ws.plan(ask);
      if (words(command).includes('well') || changed(command).some((p) => /(?:^|\/)well$/.test(p))) wrong.push(`${ask} → ${command}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('a change that gives none of the names of its run changes nothing else instead', async () => {
  const wrong: string[] = [];
  for (const [i, f] of files.entries()) {
    const names = [bare[i % bare.length], f];
    for (const list of [`both ${names[0]} and ${names[1]}`, names.join(' plus '), `the files ${names[1]}, ${names[0]} and ${files[(i + 1) % files.length]}`]) {
      for (const ask of [`touch ${list}`, `make ${list} executable`]) {
        const command = await ws.plan(ask);
        const stray = changed(command).filter((p) => !files.includes(p) && !bare.includes(p));
        if (command && stray.length > 0) wrong.push(`${ask} → ${command}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
});

test('kinds of file in a run are given by the patterns that hold them', async () => {
  const wrong: string[] = [];
  for (const [a, b] of [['csv', 'json'], ['txt', 'md'], ['log', 'json'], ['md', 'csv']]) {
    const ask = `move the .${a} and .${b} files to archive`;
    const command = await ws.plan(ask);
    if (!command.includes(`*.${a}`) || !command.includes(`*.${b}`)) wrong.push(`${ask} → ${command || '(abstained)'}`);
  }
  assert.deepEqual(wrong, []);
});
