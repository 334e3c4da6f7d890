// Classes of request the embedded planner once answered with the wrong
// program, with the real policy and store: the program must fit the value
// (an archive, a file vs a folder), the verb's direction, and what was asked.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { stageMigrations } from '../../server/src/compose';
import { Planner } from '../../server/src/planner';
import { withoutGitInternals } from '../../server/src/planner/embeddedPlanner';
import { createPolicyStage } from '../../server/src/policy';
import { normaliseSettings } from '../../server/src/settings/settings';
import { openDatabase, type Db } from '../../server/src/store/database';

let dir: string;
let workspace: string;
let db: Db;
let planner: Planner;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-planner-ranking-'));
  workspace = path.join(dir, 'ws');
  for (const d of ['.git', 'dist', 'tools', 'records/old', 'vendor']) fs.mkdirSync(path.join(workspace, d), { recursive: true });
  for (const f of ['vendor/bundle-1.tar.gz', 'records/old/day-3.txt.gz', 'records/server.log', 'tools/build.sh', 'dist/a.o', 'readme.txt']) fs.writeFileSync(path.join(workspace, f), 'x\n');
  db = openDatabase(path.join(dir, 'paladin.db'), { migrations: stageMigrations });
  const settings = normaliseSettings({ 'planner.cacheTtlSeconds': 0 }).settings;
  planner = new Planner(db, settings, await createPolicyStage(db, settings));
});

after(() => {
  planner.dispose();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const plan = async (request: string) => (await planner.plan({ request, workspace, planner: 'embedded' }, {})).command;

test('an archive is read by a program that reads its format, not listed or cat-ed as a file', async () => {
  assert.match(await plan('which files are inside vendor/bundle-1.tar.gz'), /^tar -\w*t\w* vendor\/bundle-1\.tar\.gz/);
  assert.match(await plan('print what records/old/day-3.txt.gz says'), /^(zcat|gunzip -c) records\/old\/day-3\.txt\.gz/);
  assert.match(await plan('unpack records/old/day-3.txt.gz'), /^gunzip\b/);
});

test('the direction of the verb: make vs extract, executable vs not', async () => {
  assert.match(await plan('bundle the records folder into a tarball named records.tar.gz'), /^tar -c\w*f records\.tar\.gz records$/);
  assert.equal(await plan('make tools/build.sh not executable'), 'chmod -x tools/build.sh');
  assert.equal(await plan('make tools/build.sh executable'), 'chmod +x tools/build.sh');
});

test('a count only for "how many", the lines otherwise', async () => {
  assert.match(await plan('how many lines of records/server.log say WARN'), /^grep -c WARN records\/server\.log$/);
  assert.match(await plan('show me the PUT requests in records/server.log'), /^grep (-n )?PUT records\/server\.log$/);
});

test('an act on a selection of files is the selection found, then the act, with no condition nobody stated', async () => {
  const command = await plan('remove the regular files in the dist folder');
  assert.match(command, /^find dist -type f .*(-delete|rm)/);
  assert.doesNotMatch(command, /-perm|-user|-mtime|-size|-empty/);
});

test('a walk of the whole workspace skips .git unless git is asked about', () => {
  assert.equal(withoutGitInternals("find . -type f -printf '%s %p\\n' | sort -rn"), "find . -type f -not -path './.git/*' -printf '%s %p\\n' | sort -rn");
  assert.equal(withoutGitInternals('grep -rl express .'), 'grep --exclude-dir=.git -rl express .');
  assert.equal(withoutGitInternals('grep -rl express src'), 'grep -rl express src');
  assert.equal(withoutGitInternals('find src -type f'), 'find src -type f');
});
