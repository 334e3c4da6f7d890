// A command written out and run at a pace said in words, planned with the
// real store, knowledge and policy: watch runs that command, never another;
// what runs inside watch is judged as if it ran alone.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { expectPlans, plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('periodic-runs', ['build'], ['app.log']);
});

after(() => w.close());

test('the command written is the one watched, at the pace said', () => expectPlans(w.plan, [
  ['run "date" every minute', /^watch -n 60 date$/],
  ['Execute "ps -C node -o pid,pcpu" every second', /^watch -n 1 'ps -C node -o pid,pcpu'$/],
  ['every 10 seconds, execute "wc -l app.log"', /^watch -n 10 'wc -l app\.log'$/],
  ['run "uptime" every 2 minutes and highlight the changes', /^watch -dn 120 uptime$/],
]));

test('a written command that deletes is not watched for a request to run it', async () => {
  const r = await w.result('execute "rm -rf build" every 5 seconds');
  assert.doesNotMatch(r.command, /\brm\b/);
  assert.ok(r.rejected?.some((x) => /^watch -n 5 'rm -rf build'$/.test(x.command)));
});
