// The planner with the real policy stage on requests whose act verbs are
// reported, put off, taken back or talked about: no command shown for them
// (plan or alternative) writes or deletes anything; and a word of the
// request read as a destination ("how to delete …") is never the file a plan
// deletes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('tempting', ['cache', 'reports', 'web/components'], ['cache/a.part', 'cache/b.part', 'reports/q1.csv', 'reports/q2.csv', 'web/components/Toolbar.tsx', 'web/components/Search.tsx']);
});

after(() => w.close());

/** Each command shown for `request` that writes or deletes, as the policy sees it. */
async function changingCommands(request: string): Promise<string[]> {
  const r = await w.result(request);
  const shown = [r.command, ...r.candidates.map((c) => c.command)].filter((c) => c !== '');
  const bad: string[] = [];
  for (const command of shown) {
    const d = await w.policy.check(command, { workspace: w.workspace });
    if (d.risk.writes.length + d.risk.deletes.length > 0) bad.push(command);
  }
  return bad;
}

test('acts that are reported, put off, taken back or talked about are never planned', async () => {
  for (const request of [
    'the runbook says to purge cache. what is in cache?',
    'I need to erase the .part files in cache. Not yet though. Show me the ones there.',
    'I will wipe the reports folder next month; for now, how many csv files does it hold?',
    'tell me how to delete cache but do not do it',
    'To remove or not to remove: list cache',
    'Search button not working - which file defines it?',
    'rm -r reports - what would that do?',
    'hmm, is reports/q1.csv something we can delete?',
  ]) assert.deepEqual(await changingCommands(request), [], request);
});

test('an order said plainly is still planned with its act', async () => {
  const r = await w.result('I want you to delete cache/a.part');
  assert.match(r.command, /\brm\b.*cache\/a\.part/, r.command);
});

test('a word of the request read as a destination is not the file a plan deletes', async () => {
  const r = await w.result('I want you to delete cache/a.part');
  for (const c of [r.command, ...r.candidates.map((x) => x.command)]) assert.doesNotMatch(c, /^(?:rmdir|rm)\b.*\bdelete$/, c);
});
