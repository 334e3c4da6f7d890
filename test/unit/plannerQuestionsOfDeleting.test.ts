// A request that names a delete without ordering it: a question about which
// things to delete, a wish taken back ("there is no need to …"), a plan for
// another time. Wordings are built from parts (frames × acts × objects ×
// openings); each is read for its intent, a sample is planned in a real
// workspace, and a model that answers with a delete is turned away. Words of
// courtesy after a request change nothing about its plan.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readIntent } from '../../server/src/planner/intent';
import { readRequest } from '../../server/src/planner/requestFacts';
import { modelPlan, plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let ws: PlannerWorkspace;
before(async () => {
  ws = await plannerWorkspace('questions-of-deleting', ['build', 'reports', 'archive', 'data'], ['notes.txt', 'build/a.tmp', 'build/b.tmp', 'reports/q1.log', 'reports/q2.log', 'archive/old.log', 'data/x.bak', 'data/y.csv']);
});
after(() => ws.close());

const openings = ['', 'hey, ', 'so ', 'quick one: '];
const deletes = ['delete', 'remove', 'purge', 'erase', 'get rid of', 'wipe', 'trash', 'clean up'];
const objects = ['logs', 'files in build', '.tmp files', 'reports in archive', 'backups under data'];
const choices = ['how do I work out which {o} to {v}', 'how can we tell what {o} to {v}', 'what is a good way to decide which {o} to {v}', 'help me choose which of the {o} to {v}', 'how should I pick the {o} to {v}', 'tell me whether to {v} the {o}', 'I am not sure which {o} to {v}'];

const acts = ['delete', 'remove', 'purge', 'compress', 'gzip', 'rename', 'chmod'];
const things = ['the .tmp files', 'notes.txt', 'the reports folder', 'everything in build'];
const declines = ['there is no need to {v} {o}', 'no point in trying to {v} {o}', "you don't need to {v} {o}", "we really don't have to {v} {o}", "it isn't necessary to {v} {o}", "there's no reason to {v} {o}", "don't bother to {v} {o}", "I don't want to {v} {o}", "we shouldn't {v} {o}", 'maybe one day we {v} {o}', '{v} {o} later, perhaps', 'perhaps we {v} {o} some day', 'I might {v} {o} tomorrow', '{v} {o} at some point'];

const fill = (frame: string, v: string, o: string) => frame.replace('{v}', v).replace('{o}', o);
const asked = openings.flatMap((p) => choices.flatMap((f) => deletes.flatMap((v) => objects.map((o) => `${p}${fill(f, v, o)}`))));
const declined = openings.flatMap((p) => declines.flatMap((f) => acts.flatMap((v) => things.map((o) => `${p}${fill(f, v, o)}`))));
// Every n-th one, to plan: the whole set is read for intent.
const every = <T>(items: T[], n: number) => items.filter((_, i) => i % n === 0);

test('a question about which things to delete orders no delete and no write', () => {
  const wrong = asked.filter((r) => {
    const intent = readIntent(readRequest(r));
    return intent.actions.includes('delete') || intent.allows.delete || intent.allows.write;
  });
  assert.deepEqual(wrong, []);
  assert.equal(asked.length, openings.length * choices.length * deletes.length * objects.length);
});

test('an act wished away or put off orders nothing, and the request is planned with no command', async () => {
  const wrong = declined.filter((r) => {
    const intent = readIntent(readRequest(r));
    return intent.task || !intent.ordersNothing || intent.allows.delete || intent.allows.write;
  });
  assert.deepEqual(wrong, []);
  const planned: string[] = [];
  for (const r of every(declined, 7)) {
    const result = await ws.result(r);
    if (!result.abstained || !/take it back or put it off/.test(result.reasoning)) planned.push(`${r} → ${result.command || result.reasoning}`);
  }
  assert.deepEqual(planned, []);
});

test('a question about which things to delete is never planned with a delete', async () => {
  const deleting: string[] = [];
  for (const r of every(asked, 9)) {
    const result = await ws.result(r);
    const checked = await ws.policy.check(result.command || 'true', { workspace: ws.workspace });
    if (!result.abstained && (checked.risk.deletes.length > 0 || checked.risk.writes.length > 0)) deleting.push(`${r} → ${result.command}`);
  }
  assert.deepEqual(deleting, []);
});

test("a model's delete plan for such a request is turned away", async () => {
  for (const [request, reply] of [
    ['how do I work out which logs to purge?', "find . -name '*.log' -delete"],
    ['hey, how should I pick the files in build to remove', 'rm -rf build'],
    ['there is no need to delete the .tmp files', "find build -name '*.tmp' -delete"],
    ['perhaps we compress the reports folder some day', 'tar -czf reports.tar.gz reports'],
  ]) {
    const result = await modelPlan(ws, request, reply);
    assert.notEqual(result.command, reply, request);
    assert.ok(result.abstained || !/\brm\b|-delete|\btar\b/.test(result.command), `${request} → ${result.command}`);
  }
});

test('the same acts said as orders keep their act', () => {
  const orders = deletes.flatMap((v) => [`${v} the .tmp files in build`, `please ${v} the logs in reports`, `${v} notes.txt, no need to ask`, `find the .tmp files and ${v} them`, `I need to ${v} the backups under data`]);
  const lost = orders.filter((r) => !readIntent(readRequest(r)).actions.includes('delete') || !readIntent(readRequest(r)).task);
  assert.deepEqual(lost, []);
});

test('words of courtesy after a request, or asking openings, leave its plan as it is', async () => {
  const cores = ['delete every file in build', 'remove the .log files in reports', 'delete the files in archive'];
  const tails = [' for me', ' for us please', ', for me', ' on my behalf', ' if possible', ' when you get a chance', ' asap', ' thanks', ' please.'];
  const asks = ['', 'I am asking you to ', 'you should '];
  const wrong: string[] = [];
  for (const core of cores) {
    const bare = await ws.plan(core);
    assert.match(bare, /\brm\b|-delete/, `"${core}" is planned as a delete`);
    for (const a of asks) {
      for (const t of ['', ...tails]) {
        if (!a && !t) continue;
        const command = await ws.plan(`${a}${core}${t}`);
        if (command !== bare) wrong.push(`${a}${core}${t} → ${command}, bare: ${bare}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
});
