// A command written out, to be run again at a pace said in words, is planned
// with watch (periodicRuns.ts); nothing else is.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { periodicRunCandidates } from '../../server/src/planner/periodicRuns';

// The programs the command knowledge runs, as the planner passes them.
const known = new Set(['date', 'ps', 'df', 'du', 'uptime', 'wc', 'ls', 'bash']);
const plans = (request: string) => periodicRunCandidates(request, (name) => known.has(name)).map((c) => c.command);

test('a written command run at a pace is watched at that pace', () => {
  const cases: [string, string][] = [
    ['run "date" every minute', 'watch -n 60 date'],
    ['Execute "ps -C node -o pid,pcpu" every second', "watch -n 1 'ps -C node -o pid,pcpu'"],
    ["execute 'df -h' every 5 seconds.", "watch -n 5 'df -h'"],
    ['re-run `du -sh logs` every 2 minutes', "watch -n 120 'du -sh logs'"],
    ['repeat the command "uptime" every thirty seconds', 'watch -n 30 uptime'],
    ['every half a second, run "ls -l /tmp"', "watch -n 0.5 'ls -l /tmp'"],
    ['Every 10 secs execute "wc -l app.log"', "watch -n 10 'wc -l app.log'"],
    ['run "bash -c \'make test\'" every 15 seconds', String.raw`watch -n 15 'bash -c '\''make test'\'''`],
    ['invoke "./poll.sh --once" every 3 minutes', "watch -n 180 './poll.sh --once'"],
  ];
  for (const [request, want] of cases) assert.deepEqual(plans(request), [want], request);
});

test('how the output is shown, said in words, is said to watch', () => {
  assert.deepEqual(plans('run "df -h" every 2 seconds and highlight the differences'), ["watch -dn 2 'df -h'"]);
  assert.deepEqual(plans('execute "uptime" every minute without the title'), ['watch -tn 60 uptime']);
  assert.deepEqual(plans('Execute "ls -l" every second, displayed with no header and highlighting the changes'), ["watch -tdn 1 'ls -l'"]);
  assert.deepEqual(plans('run "ps aux" every 3 seconds in color'), ["watch -n 3 --color 'ps aux'"]);
});

test('no watch for more than a repeated run, for no command, or for no pace', () => {
  for (const request of [
    'run "ls" every 5 seconds and save it to out.txt',
    'run "date" every 10 seconds for an hour and mail the result',
    'repeat "I love you" every minute',
    'run "to the shop" every 10 minutes',
    'run "date" every morning',
    'run "date" twice',
    'show "date" every minute',
    'run date every minute',
  ]) assert.deepEqual(plans(request), [], request);
});
