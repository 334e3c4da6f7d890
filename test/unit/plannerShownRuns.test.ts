// Things made to be read, and runs of folders made. "create a summary of
// a.txt and b.txt", "put a.txt and b.txt side by side", "copy the first line
// of a.txt to the screen", "write out the contents of a.txt": a look, whose
// verb is one of writing elsewhere; neither the plan nor an alternative may
// write. "make new folders called reports, build and dist": every folder of
// the run is made, or the request abstains. "create x.md and y.md" makes
// files, never folders. A copy "into out" is never a container's copy.
// Requests are built from parts (wordings × runs of names, with names like
// `to`, `and.txt`, `-rf`) and planned by the embedded planner in a real
// workspace; each plan is read by the policy's parser.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeCommand } from '../../server/src/policy/facts';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let ws: PlannerWorkspace;
const files = ['notes.txt', 'todo.md', 'data.csv', 'app.log', 'README.md', 'main.py', 'a.txt', 'c.txt', 'to', 'and.txt', '-rf', 'copy'];
const folders = ['out', 'docs', 'into'];

before(async () => {
  ws = await plannerWorkspace('shown-runs', folders, Object.fromEntries(files.map((f) => [f, `line of ${f}\n`])));
});

after(() => ws.close());

const joiners: ((n: string[]) => string)[] = [
  (n) => `${n.slice(0, -1).join(', ')} and ${n[n.length - 1]}`,
  (n) => n.join(' as well as '),
  (n) => n.join(' & '),
  (n) => n.join(', '),
];

/** Runs of two to three of the files, each once. */
function runs(names: string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < names.length; i++) for (const k of [2, 3]) out.push(Array.from({ length: k }, (_, j) => names[(i + j * 5) % names.length]));
  return out.filter((r) => new Set(r).size === r.length);
}

const facts = (command: string) => describeCommand(command, { workspace: ws.workspace });
/** What a command writes or deletes, as the policy sees it (the terminal and /dev/null aside). */
const changes = (command: string): string[] => facts(command).commands.flatMap((c) => [...c.writes, ...c.deletes].map((p) => p.path)).filter((p) => !p.startsWith('/dev/'));

test('a thing made to be read (a summary, an overview, a count, side by side, to the screen) is planned with no write, nor offered one', async () => {
  const wordings = ['create a summary of {L}', 'create an overview of {L}', 'create a word count of {L}', 'generate a report of the sizes of {L}', 'put {L} side by side', 'copy the first line of {L} to the screen', 'copy the text of {L} to the terminal', 'write out the contents of {L}', 'dump {L} to stdout'];
  const wrong: string[] = [];
  let n = 0;
  for (const [w, wording] of wordings.entries()) {
    for (const [k, run] of runs(files).entries()) {
      if ((k + w) % 3 !== 0) continue;
      const request = wording.replace('{L}', joiners[(k + w) % joiners.length](run));
      const r = await ws.result(request);
      n++;
      for (const command of [r.command, ...r.candidates.map((c) => c.command), ...(r.suggestions ?? []).map((c) => c.command)].filter(Boolean)) {
        if (changes(command).length > 0) wrong.push(`${request} → ${command}`);
      }
    }
  }
  console.log(`${n} requests to look worded as a making`);
  assert.deepEqual([...new Set(wrong)], []);
  // Said where it is kept, it is a making still.
  assert.match(await ws.plan('create a summary of notes.txt and todo.md and save it to sum.txt'), /> ?sum\.txt/);
});

test('a run of folders to make is made whole, or the request abstains; names written as files are never made folders', async () => {
  const wrong: string[] = [];
  const made = runs(['reports', 'dist', 'cache', 'tmp2', 'build2', 'logs2']);
  for (const [k, run] of made.entries()) {
    for (const ask of ['make new folders called {L}', 'create folders {L}', 'make directories {L}', 'mkdir {L}']) {
      const request = ask.replace('{L}', joiners[k % joiners.length](run));
      const r = await ws.result(request);
      if (r.abstained || (r.missing ?? []).length > 0) continue;
      const written = facts(r.command).commands.flatMap((c) => c.writes.map((p) => p.path.replace(/^\.\//, '')));
      if (!run.every((f) => written.includes(f)) || written.some((p) => !run.includes(p))) wrong.push(`${request} → ${r.command}`);
    }
  }
  // A joiner word where a name is due is a name ("dist, and, into and tmp"): every one is made, or none.
  for (const [request, run] of [['make new folders called dist, and, into and tmp2', ['dist', 'and', 'into', 'tmp2']], ['make new folders called cache plus tmp2 plus or plus dist', ['cache', 'tmp2', 'or', 'dist']], ['create the directories or as well as build2', ['or', 'build2']]] as const) {
    const r = await ws.result(request);
    const written = r.abstained ? [] : facts(r.command).commands.flatMap((c) => c.writes.map((p) => p.path.replace(/^\.\//, '')));
    if (!r.abstained && !run.every((f) => written.includes(f))) wrong.push(`${request} → ${r.command}`);
  }
  // Made whole where mkdir's one name slot is the nearest template.
  assert.equal(await ws.plan('make new folders called reports, build2 and dist'), 'mkdir -p reports build2 dist');
  for (const [k, run] of runs(['x.md', 'y.md', 'to.md', 'plan.txt']).entries()) {
    for (const ask of ['create {L}', 'touch {L}']) {
      const request = ask.replace('{L}', joiners[k % joiners.length](run));
      const command = await ws.plan(request);
      if (facts(command).commands.some((c) => c.program === 'mkdir')) wrong.push(`${request} → ${command}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('copies into a folder are never a container engine\'s copy when no container is spoken of', async () => {
  const wrong: string[] = [];
  for (const [k, run] of runs(files.filter((f) => f.includes('.'))).entries()) {
    for (const ask of ['put copies of {L} in out', 'put copies of {L} in docs']) {
      const request = ask.replace('{L}', joiners[k % joiners.length](run));
      const command = await ws.plan(request);
      if (/^(?:docker|podman)\b/.test(command)) wrong.push(`${request} → ${command}`);
    }
  }
  assert.deepEqual(wrong, []);
});
