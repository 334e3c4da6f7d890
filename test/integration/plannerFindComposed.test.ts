// A selection composed with what the request does to each file found, planned
// with the real knowledge and policy: a named program is run on what is found,
// several folders are all searched, and a find that only lists is never put in
// the place of the act. One composed delete is tried in the sandbox: it
// deletes exactly the files asked for, in a throw-away copy.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';
import { dockerHas } from '../support/dockerImage';
import { runCli } from '../support/runCli';

let w: PlannerWorkspace;
// Busybox's find has no -delete: the composed delete is tried where GNU find is.
const image = process.env.PALADIN_DEBIAN_IMAGE || 'paladin-test:debian';

before(async () => {
  w = await plannerWorkspace('findcomposed', ['mail/inbox1', 'mail/inbox2', 'mail/sent', 'cache', 'scratch', 'notes'], ['tidy.sh', 'cache/a.tmp', 'scratch/b.tmp', 'scratch/keep.txt', 'notes/n.md']);
});

after(() => w.close());

test('a named program runs on the folders found, and the policy lets the request run it', async () => {
  const r = await w.result('find the folders called "inbox*" under mail and run ./tidy.sh with all of them as arguments');
  assert.equal(r.abstained ?? false, false, JSON.stringify(r.rejected));
  assert.equal(r.command, "find mail -type d -name 'inbox*' -exec ./tidy.sh {} +");
  assert.notEqual(r.policy.decision, 'deny');
});

test('files handed one at a time to a program written as a path run it once each', async () => {
  const r = await w.result('find the markdown files in notes and pass each one to /usr/local/bin/mdcheck');
  assert.equal(r.command, "find notes -type f -name '*.md' -exec /usr/local/bin/mdcheck {} \\;");
});

test('a program the request orders but names in no way Paladin can read gets no plan that only lists', async () => {
  const r = await w.result('find the markdown files in notes and feed them to the checker');
  assert.equal(r.abstained, true, r.command);
  assert.ok((r.rejected ?? []).some((x) => /does not run the program/.test(x.reason)), JSON.stringify(r.rejected));
});

test('a look at several folders searches them all and changes nothing', async () => {
  const r = await w.result('list the .tmp files in the folders cache and scratch, each path ended by a null character');
  assert.equal(r.command, "find cache scratch -type f -name '*.tmp' -print0");
  assert.deepEqual([...r.policy.risk.writes, ...r.policy.risk.deletes], []);
});

test('a composed delete over several folders deletes just those files, tried in a throw-away copy', { skip: !dockerHas(image) && `no ${image} image` }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-findcomposed-cli-'));
  fs.mkdirSync(path.join(dir, 'data'));
  process.env.PALADIN_DB = path.join(dir, 'data', 'paladin.db');
  process.env.PALADIN_SANDBOX_IMAGE = image;
  delete process.env.PALADIN_OLLAMA_MODEL;
  delete process.env.OPENAI_API_KEY;
  const ws = path.join(dir, 'ws');
  for (const f of ['cache/a.tmp', 'scratch/b.tmp', 'scratch/keep.txt', 'other/c.tmp']) {
    fs.mkdirSync(path.dirname(path.join(ws, f)), { recursive: true });
    fs.writeFileSync(path.join(ws, f), 'x\n');
  }
  const r = await runCli(['plan', '--json', '--dry-run', '--workspace', ws, 'find every .tmp file in the folders cache and scratch and delete them']);
  assert.equal(r.code, 0, r.err);
  const plan = JSON.parse(r.out);
  assert.equal(plan.command, "find cache scratch -type f -name '*.tmp' -delete");
  const tried = plan.dryRun.tried.find((t: { command: string }) => t.command === plan.command);
  assert.ok(tried?.fits, JSON.stringify(plan.dryRun));
  assert.equal(tried.changes, 2, JSON.stringify(tried));
  // The real workspace is untouched.
  assert.ok(fs.existsSync(path.join(ws, 'cache/a.tmp')) && fs.existsSync(path.join(ws, 'other/c.tmp')));
  fs.rmSync(dir, { recursive: true, force: true });
});
