// Runs of names planned whole. "delete app.log and README.md": names pull
// retrieval toward what they are (a log is tailed, a README committed), so
// when nothing retrieved fits the request is searched again by its act alone
// ("delete file and file") and filled from its own words. "move notes.txt to
// archive": a folder called like a verb is a place after "to". "touch a.txt
// and b.txt": the one name slot of `touch` takes the whole run. And the
// plans that half-do a run are set aside: a file named with the sources
// written over, files made as folders, several files copied onto one file,
// a file to touch cut to nothing. Requests are built from parts and planned
// by the embedded planner in a real workspace; each plan is read by the
// real parser.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeCommand } from '../../server/src/policy/facts';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let ws: PlannerWorkspace;
const files = ['notes.txt', 'todo.md', 'data.csv', 'app.log', 'report.json', 'README.md', 'config.yaml', 'main.py', 'index.js', 'styles.css', 'a'];
const folders = ['out', 'archive', 'backup', 'build', 'dump', 'docs'];

before(async () => {
  ws = await plannerWorkspace('whole-runs', folders, Object.fromEntries(files.map((f) => [f, `line of ${f}\n`])));
});

after(() => ws.close());

const joiners: ((n: string[]) => string)[] = [
  (n) => `${n.slice(0, -1).join(', ')} and ${n[n.length - 1]}`,
  (n) => n.join(', '),
  (n) => n.join(' as well as '),
  (n) => n.join(' plus '),
  (n) => n.join(' & '),
];

/** Runs of two to four of the files, each joined in every way. */
function runs(): string[][] {
  const named = files.filter((f) => f.includes('.'));
  const out: string[][] = [];
  for (let i = 0; i < named.length; i++) for (const k of [2, 3, 4]) out.push(Array.from({ length: k }, (_, j) => named[(i + j * 3) % named.length]));
  return out.filter((r) => new Set(r).size === r.length);
}

const facts = (command: string) => describeCommand(command, { workspace: ws.workspace });
const argsOf = (command: string): string[] => facts(command).commands.flatMap((c) => c.args);
/** Files the plan writes or cuts: redirects, and the operands of programs that change their files. */
const written = (command: string): string[] => facts(command).commands.flatMap((c) => [...c.redirects.filter((r) => r.kind === 'write').map((r) => r.target), ...(/^(?:truncate|tee)$/.test(c.program) ? c.positionals : [])]);

test('a run of names to delete or touch is planned whole, whatever the names pull retrieval toward', async () => {
  const asks: [string, RegExp][] = [['delete {L}', /^rm\b/], ['get rid of {L}', /^rm\b/], ['touch {L}', /^touch\b/]];
  const wrong: string[] = [];
  let n = 0;
  let abstained = 0;
  for (const [ask, program] of asks) {
    for (const [k, run] of runs().entries()) {
      const request = ask.replace('{L}', joiners[k % joiners.length](run));
      const r = await ws.result(request);
      n++;
      if (r.abstained) abstained++;
      else if (!program.test(r.command) || !run.every((f) => argsOf(r.command).includes(f))) wrong.push(`${request} → ${r.command}`);
    }
  }
  console.log(`${n} runs to delete or touch: ${abstained} abstained, ${wrong.length} wrong`);
  assert.deepEqual(wrong, []);
  // "touch a plus b" reads as a sum as often as a list: some abstain, none is half done.
  assert.ok(abstained <= n / 8, `${abstained} of ${n} abstained`);
});

test('a folder called like a verb ("archive", "backup", "build", "dump") is the place after "to" or "into"', async () => {
  const wrong: string[] = [];
  for (const folder of ['archive', 'backup', 'build', 'dump']) {
    for (const ask of ['move {f} to {d}', 'move {f} into {d}', 'move {f} into the {d} folder', 'copy {f} to {d}']) {
      for (const f of ['notes.txt', 'report.json']) {
        const request = ask.replace('{f}', f).replace('{d}', folder);
        const command = await ws.plan(request);
        const c = command ? facts(command).commands[0] : undefined;
        if (!c || !/^(?:mv|cp)$/.test(c.program) || c.positionals[c.positionals.length - 1]?.replace(/\/$/, '') !== folder || !c.positionals.includes(f)) wrong.push(`${request} → ${command || 'abstained'}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
  // The verb still orders where it is one.
  assert.match(await ws.plan('archive notes.txt'), /^(?:tar|zip|gzip)\b/);
});

test('"a" before a noun is an article, even where a file is called a; the place after "to" is never what is copied', async () => {
  for (const request of ['save the output of ls in a file', 'put the date in a file', 'write a list of the files to a file']) {
    const command = await ws.plan(request);
    assert.ok(!argsOf(command).includes('a') && !written(command).includes('a'), `${request} → ${command}`);
  }
  for (const folder of ['backup', 'out']) {
    for (const request of [`copy the file to ${folder}`, `copy it to ${folder}`, `move the file into ${folder}`]) {
      const r = await ws.result(request);
      const c = r.command ? facts(r.command).commands[0] : undefined;
      assert.ok(r.abstained || (c && c.positionals[c.positionals.length - 1] === folder && c.positionals.length === 2 && (r.missing ?? []).length === 1), `${request} → ${r.command}`);
    }
  }
});

test('files asked to be made are made, as files, and no named file is written over', async () => {
  const made = [['one.txt', 'two.txt'], ['x.md', 'y.md', 'z.md'], ['a.json', 'b.json']];
  for (const names of made) {
    for (const ask of ['create the files {L}', 'create files {L}', 'make empty files {L}']) {
      const request = ask.replace('{L}', joiners[0](names));
      const command = await ws.plan(request);
      assert.match(command, /^touch\b/, request);
      assert.deepEqual(facts(command).commands[0].positionals, names, request);
    }
  }
  // Made from others: the new file is written, the sources are read, never several copied onto one file.
  for (const request of ['make all.txt from notes.txt and todo.md', 'create all.txt from notes.txt and todo.md', 'make all.txt out of notes.txt and todo.md']) {
    const r = await ws.result(request);
    assert.ok(r.abstained || /^cat notes\.txt todo\.md > all\.txt$/.test(r.command), `${request} → ${r.command}`);
  }
  // A file of a run is never the one written anew, and a file to touch is never cut.
  for (const [k, run] of runs().filter((r) => r.length > 2).entries()) {
    for (const ask of ['update the timestamps of {L}', 'put {L} in out', 'touch {L}']) {
      const request = ask.replace('{L}', joiners[k % joiners.length](run));
      const command = await ws.plan(request);
      assert.deepEqual(written(command).filter((f) => run.includes(f)), [], `${request} → ${command}`);
    }
  }
});
