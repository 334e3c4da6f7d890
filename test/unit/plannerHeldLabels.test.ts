// Acts held off by a label before them ("cancel: …", "not now — …"), taken
// back after them ("… but never mind", "… — forget it") or left to a reminder
// ("remind me later to …") order nothing: no command is planned for them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readIntent } from '../../server/src/planner/intent';
import { readRequest, type WorkspaceNames } from '../../server/src/planner/requestFacts';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

const ws: WorkspaceNames = {
  files: new Set(['notes.txt', 'todo.txt', 'main.ts', 'logs/app.log', 'data.csv']),
  dirs: new Set(['logs', 'backup', 'old']),
  byBase: new Map([['app.log', 'logs/app.log']]),
};

const acts = ['move notes.txt to old', 'delete the backup folder', 'gzip logs/app.log', 'rename main.ts to app.ts', 'rm -rf logs', 'truncate data.csv', 'chmod -R 777 .'];
const labels = ['cancel: ', 'abort: ', 'never mind: ', 'nevermind — ', 'hold off: ', 'not now: ', 'not yet: ', 'maybe later: ', "don't: ", 'scratch that: ', 'skip this: ', 'ok so cancel: ', 'hey, abort — ', 'TODO: ', 'todo: ', 'to-do — ', 'FIXME: ', 'reminder: ', 'backlog: ', 'task for next sprint: ', 'ideas for later: ', 'next week: '];
const closings = [' but never mind', ', never mind.', ' -- forget it', ' ... actually, never mind', ', no wait, not now', ' — scratch that', '. Never mind!', '; cancel that', ', oh wait, forget about it'];
const reminders = ['remind me later to ', 'please remind me tomorrow to ', 'can you remind us to ', 'remind me on friday to ', 'pls remind me in an hour to '];

function ordersNothing(request: string): boolean {
  return readIntent(readRequest(request, ws)).ordersNothing === true;
}

test('an act after a label that holds it off orders nothing, and the same act said plainly or after another label is ordered', () => {
  const done = labels.flatMap((l) => acts.map((a) => `${l}${a}`)).filter((r) => !ordersNothing(r));
  assert.deepEqual(done, []);
  const plain = [...acts, ...acts.map((a) => `note: ${a}`), ...acts.map((a) => `please ${a}`), ...acts.map((a) => `quick one: ${a}`), 'never mind the backup, delete todo.txt', 'delete notes.txt, then never mind the rest of the logs for now and gzip logs/app.log'];
  const held = plain.filter((r) => ordersNothing(r));
  assert.deepEqual(held, []);
});

test('an act taken back after it is said orders nothing', () => {
  const done = closings.flatMap((c) => acts.map((a) => `${a}${c}`)).concat(acts.map((a) => `I was going to ask you to ${a} but never mind`)).filter((r) => !ordersNothing(r));
  assert.deepEqual(done, []);
});

test('an act left to a reminder orders nothing', () => {
  const done = reminders.flatMap((p) => acts.map((a) => `${p}${a}`)).filter((r) => !ordersNothing(r));
  assert.deepEqual(done, []);
});

let w: PlannerWorkspace;
before(async () => {
  w = await plannerWorkspace('heldLabels', ['logs', 'backup', 'old'], ['notes.txt', 'todo.txt', 'main.ts', 'logs/app.log', 'backup/x.txt']);
});
after(() => w.close());

test('the planner plans no command for an act held off', async () => {
  for (const request of ['cancel: move notes.txt to old', 'never mind: delete the backup folder.', 'please remind me later to rm -rf logs', 'delete the backup folder -- no wait, don\'t right now', 'hey, hold off: gzip logs/app.log']) {
    const r = await w.result(request);
    assert.equal(r.abstained, true, `${request} → ${r.command}`);
  }
});
