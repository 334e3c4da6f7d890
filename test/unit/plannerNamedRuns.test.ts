// "delete notes.txt and todo.md": unquoted names joined by commas and "and"
// are all taken by the one slot of their kind, so the plan acts on each
// (`rm -- notes.txt todo.md`), never on the first alone; "compare a and b"
// sets them side by side (diff), not one after the other (cat). Wordings,
// lists and joiners are built from parts and planned by the embedded
// planner in a real workspace; each plan is read by the real parser.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeCommand } from '../../server/src/policy/facts';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let ws: PlannerWorkspace;
const files = ['notes.txt', 'todo.md', 'data.csv', 'app.log', 'report.json'];

before(async () => {
  ws = await plannerWorkspace('named-runs', ['out', 'archive'], Object.fromEntries(files.map((f) => [f, 'a line\n'])));
});

after(() => ws.close());

const asks: [string, RegExp][] = [
  ['delete {list}', /^rm\b/],
  ['remove {list}', /^rm\b/],
  ['show {list}', /^(?:cat|less|more|head|bat)\b/],
  ['print {list}', /^(?:cat|less|more|head|bat)\b/],
  ['stage {list}', /^git add\b/],
  ['add {list} to the staging area', /^git add\b/],
  ['count the lines of {list}', /^wc -l\b/],
  ['make {list} read-only', /^chmod\b/],
];

/** Lists of two and three files, joined in the ways people write them. */
function lists(): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < files.length; i++) {
    out.push([files[i], files[(i + 1) % files.length]]);
    out.push([files[i], files[(i + 2) % files.length], files[(i + 3) % files.length]]);
  }
  return out;
}
const joined = (names: string[], k: number) => (names.length === 2 ? names.join(k % 2 ? ' and ' : ', ') : `${names.slice(0, -1).join(', ')}${k % 2 ? ', and ' : ' and '}${names[names.length - 1]}`);

/** The arguments of the plan's commands, as the policy reads them. */
const words = (command: string): string[] => (command ? describeCommand(command, { workspace: ws.workspace }).commands.flatMap((c) => c.args) : []);

test('every name of an unquoted run is acted on by the one slot that takes it', async () => {
  const wrong: string[] = [];
  let n = 0;
  let abstained = 0;
  for (const [ask, program] of asks) {
    for (const [k, names] of lists().entries()) {
      const request = ask.replace('{list}', joined(names, k));
      const r = await ws.result(request);
      n++;
      // Retrieval may find nothing close for many names: abstaining is allowed, half a plan is not.
      if (r.abstained) abstained++;
      else if (!program.test(r.command ?? '') || !names.every((f) => words(r.command ?? '').includes(f))) wrong.push(`${request} → ${r.command}`);
    }
  }
  assert.equal(n, asks.length * lists().length);
  console.log(`${n} requests: ${abstained} abstained, ${wrong.length} left a name out`);
  assert.ok(wrong.length <= 2, `${wrong.length} of ${n}:\n${wrong.join('\n')}`);
  // A run is searched as a list of two, so its later names do not pull retrieval toward what they are.
  assert.ok(abstained <= n / 20, `${abstained} of ${n} abstained`);
});

test('"compare a and b" sets the two side by side; compared sizes are read from a listing', async () => {
  for (const [a, b] of lists().filter((l) => l.length === 2)) {
    for (const ask of ['compare {a} and {b}', 'show the differences between {a} and {b}', 'how does {a} differ from {b}']) {
      const request = ask.replace('{a}', a).replace('{b}', b);
      const r = await ws.result(request);
      assert.match(r.command ?? 'abstained', /^(?:diff|cmp|comm|sdiff)\b/, request);
    }
    const sizes = await ws.result(`compare the sizes of ${a} and ${b}`);
    assert.doesNotMatch(sizes.command ?? '', /^diff\b/);
  }
});

test('"copy a and b to out": every name of the run is a source, the place comes last', async () => {
  const wrong: string[] = [];
  let n = 0;
  for (const [ask, program, place] of [['copy {list} to out', 'cp', 'out'], ['move {list} into archive', 'mv', 'archive'], ['copy {list} into the archive folder', 'cp', 'archive']]) {
    for (const [k, names] of lists().entries()) {
      const request = ask.replace('{list}', joined(names, k));
      const r = await ws.result(request);
      n++;
      const command = describeCommand(r.command ?? '', { workspace: ws.workspace }).commands[0];
      const positionals = command?.positionals.map((p) => p.replace(/\/$/, '')) ?? [];
      if (r.abstained || command?.program !== program || positionals[positionals.length - 1] !== place || !names.every((f) => positionals.slice(0, -1).includes(f))) wrong.push(`${request} → ${r.abstained ? 'abstained' : r.command}`);
    }
  }
  assert.ok(wrong.length <= 3, `${wrong.length} of ${n}:\n${wrong.join('\n')}`);
});
