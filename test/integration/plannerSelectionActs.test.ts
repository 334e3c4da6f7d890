// An act applied to a selection of files, planned with the real policy and
// store: the act is composed onto the find with the values the request
// gives, a missing value is asked for, and an act nobody asked for is set
// aside with its reason.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('selacts', ['src', 'logs', 'docs', 'data'], ['src/a.c', 'logs/app.log', 'logs/old.log.gz', 'docs/a.txt', 'data/x.csv']);
});

after(() => w.close());

test('the owner selected by stays a test and the new owner is the act', async () => {
  const r = await w.result('find all files in data which belong to user lal and change their ownership to ravi');
  assert.equal(r.abstained ?? false, false);
  assert.equal(r.command, 'find data -type f -user lal -exec chown ravi {} +');
});

test('a new owner nobody named is asked for, and nothing runnable is planned', async () => {
  const r = await w.result('chown all the files under logs');
  assert.equal(r.command, "find logs -type f -exec chown '<user>' {} +");
  assert.deepEqual(r.missing?.map((m) => m.slot), ['user']);
});

test('the files already compressed are left out of a compression', async () => {
  const r = await w.result('compress all the non-compressed files in logs');
  assert.equal(r.command, "find logs -type f ! -name '*.gz' -exec gzip {} +");
});

test('each file is emptied, or loses a permission, with no file deleted', async () => {
  const truncated = await w.result('truncate all regular files under logs');
  assert.equal(truncated.command, 'find logs -type f -exec truncate -s 0 {} +');
  const taken = await w.result('remove all the permissions for others from all the files in src');
  assert.equal(taken.command, 'find src -type f -exec chmod o-rwx {} +');
  assert.deepEqual(taken.policy.risk.deletes, []);
});

test('a rename is never planned as a compression', async () => {
  const r = await w.result('rename all the text files in docs to html files');
  assert.doesNotMatch(r.command, /\bgzip\b|\bbzip2\b|\bxz\b/);
  for (const c of r.candidates) assert.doesNotMatch(c.command, /\bgzip\b/);
  assert.ok((r.rejected ?? []).some((x) => /compresses files \(gzip\)/.test(x.reason)), JSON.stringify(r.rejected));
});

test('a destination nobody named is asked for; "another folder" is never made a folder', async () => {
  const r = await w.result('move all files in src to another folder and do not move the files in the sub folder');
  assert.equal(r.command, "find src -maxdepth 1 -type f -exec mv -t '<dest>' {} +");
  assert.deepEqual(r.missing?.map((m) => m.slot), ['dest']);
  for (const c of r.candidates) assert.doesNotMatch(c.command, /\banother\b/);
});

test('"find X and move them to another folder" asks where to', async () => {
  const r = await w.result('find the .log files under logs and move them to another folder');
  assert.equal(r.command, "find logs -type f -name '*.log' -exec mv -t '<dest>' {} +");
  assert.deepEqual(r.missing?.map((m) => m.slot), ['dest']);
});

test('a request to look at the files not yet compressed compresses nothing', async () => {
  const r = await w.result('show the non-compressed files in logs');
  assert.equal(r.command, "find logs -type f ! -name '*.gz'");
  assert.deepEqual([...r.policy.risk.writes, ...r.policy.risk.deletes], []);
});

test('files kept by their order are never deleted with the rest', async () => {
  for (const request of ['delete every file in logs except the 3 newest', 'remove all files from the current folder but the 5 newest ones']) {
    const r = await w.result(request);
    const ordered = /\b(?:sort|head|tail|ls -\w*t)\b/.test(r.command);
    assert.ok(r.abstained === true || ordered, `${request} → ${r.command}`);
    assert.ok(r.rejected?.some((x) => /keeps some by their order/.test(x.reason)), request);
  }
});
