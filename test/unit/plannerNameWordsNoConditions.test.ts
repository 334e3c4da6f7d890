// A word inside a name is part of the name, not a condition on the files:
// "*.old files" are a kind, not old files to pick by age; "~/backups/db" is a
// place, not a set of backups the plan must keep to. Read as conditions,
// they set aside every plan ("it deletes without regard to age", "it changes
// files of every kind, but the request names only backups"). The same words
// said on their own ("old log files", "backups older than 30 days") still
// pick files. Requests are built from parts; each plan is read by the real
// parser.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeCommand } from '../../server/src/policy/facts';
import { readIntent } from '../../server/src/planner/intent';
import { readRequest } from '../../server/src/planner/requestFacts';
import { setNamed } from '../../server/src/planner/setNouns';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let ws: PlannerWorkspace;

before(async () => {
  ws = await plannerWorkspace('name-words', ['oldfiles', 'archive', 'src'], ['notes.txt', 'a.old', 'b.big', 'src/c.old']);
});

after(() => ws.close());

const selective = (request: string) => readIntent(readRequest(request)).selective ?? {};

test('an age or size word inside a name picks no files; said on its own it does', () => {
  for (const name of ['*.old', '.old', 'notes.old', '*.big', 'x.small', '*.stale']) {
    for (const ask of [`delete the ${name} files`, `move all ${name} files to archive`]) assert.deepEqual(Object.values(selective(ask)).filter(Boolean), [], ask);
  }
  assert.equal(selective('delete old log files').age, 'old');
  assert.equal(selective('remove the big files').size, 'big');
});

test('a set noun inside a path is a place; said on its own it is a set', () => {
  for (const place of ['~/backups/db', '/srv/logs/app', './reports/q1', '~/archives/2020', '/var/dumps/', 'backups/2020']) {
    assert.equal(setNamed(`remove all files in the ${place} directory older than 30 days`), undefined, place);
  }
  assert.equal(setNamed('delete backups older than 30 days'), 'backups');
  assert.equal(setNamed('remove the logs in src older than a week'), 'logs');
});

const changed = (command: string) => describeCommand(command, { workspace: ws.workspace }).commands.flatMap((c) => [...c.writes, ...c.deletes]).map((p) => p.path);

test('a delete by age in a folder whose path holds a set noun is planned in that folder', async () => {
  const wrong: string[] = [];
  let n = 0;
  for (const [i, verb] of ['Remove all files', 'Delete the files', 'delete all regular files'].entries()) {
    for (const [j, place] of ['~/backups/mydatabase', '/srv/logs/app', '~/reports/q1', '/data/archives/2020', '/tmp/dumps/nightly'].entries()) {
      const days = [30, 7, 90][(i + j) % 3];
      const when = (i + j) % 2 === 0 ? `that were last modified more than ${days} days ago` : `older than ${days} days`;
      const request = `${verb} in the ${place} directory recursively ${when}`;
      const command = await ws.plan(request);
      n++;
      if (!command.startsWith(`find ${place} `) || !command.includes(`-mtime +${days}`)) wrong.push(`${request} → ${command || 'abstained'}`);
    }
  }
  assert.equal(n, 15);
  assert.deepEqual(wrong, []);
});

test('a move of the files of a kind whose extension is an age or size word is planned, and moves only that kind', async () => {
  const wrong: string[] = [];
  for (const ext of ['old', 'big', 'small', 'stale']) {
    for (const [i, ask] of ['Find all *.{ext} files and move them to directory {to}', 'move all the *.{ext} files into {to}', 'Move every .{ext} file to {to}'].entries()) {
      const to = i % 2 === 0 ? 'oldfiles' : 'archive';
      const request = ask.replace('{ext}', ext).replace('{to}', to);
      const command = await ws.plan(request);
      if (!/\bmv\b/.test(command) || !command.includes(`'*.${ext}'`) || changed(command).some((p) => !p.startsWith(to) && !p.includes('$?') && !p.includes('*'))) wrong.push(`${request} → ${command || 'abstained'}`);
    }
  }
  assert.deepEqual(wrong, []);
});
