// The CLI's answers when there is no plan to run: an abstention (exit 6), a
// plan with an unfilled slot (exit 7, and no run even with --run), and the
// dry run that checks a plan in a throw-away copy (real Docker engine).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { before, test } from 'node:test';
import { runCli } from '../support/runCli';
import { dockerHas } from '../support/dockerImage';

let workspace: string;
const image = process.env.PALADIN_TEST_IMAGE ?? 'paladin-test:busybox';

before(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-plan-abstain-'));
  // The database lives beside the workspace: Paladin's data folder is never a workspace.
  fs.mkdirSync(path.join(dir, 'data'));
  process.env.PALADIN_DB = path.join(dir, 'data', 'paladin.db');
  process.env.PALADIN_SANDBOX_IMAGE = image;
  delete process.env.PALADIN_OLLAMA_MODEL;
  delete process.env.OPENAI_API_KEY;
  workspace = path.join(dir, 'ws');
  fs.mkdirSync(path.join(workspace, 'data'), { recursive: true });
  fs.writeFileSync(path.join(workspace, 'data', 'users.csv'), 'id,name\n1,ann\n');
  fs.writeFileSync(path.join(workspace, 'notes.txt'), 'hello\nTODO: call\n');
});

const cli = (...args: string[]) => runCli(args);

test('a request that is no shell task: exit 6, no command on stdout, what would help on stderr', async () => {
  const r = await cli('plan', '--workspace', workspace, 'bake me a cake');
  assert.equal(r.code, 6, r.err);
  assert.equal(r.out, '');
  assert.match(r.err, /does not know a command/);
  assert.match(r.err, /to help: Paladin plans shell commands/);
  const json = JSON.parse((await cli('plan', '--json', '--workspace', workspace, 'sing me a song')).out);
  assert.equal(json.abstained, true);
  assert.equal(json.command, '');
  assert.equal(json.policy.decision, 'deny');
});

test('a command with an unfilled slot: exit 7 naming the slot; --run runs nothing; the server refuses it', async () => {
  const r = await cli('run', '--yes', '--workspace', workspace, "grep -c '<pattern>' notes.txt");
  assert.notEqual(r.code, 0);
  assert.match(r.err, /<pattern>.*quotes/);
  const history = await cli('history', '--json');
  assert.doesNotMatch(history.out, /'<pattern>'.*"status":"(succeeded|failed)"/);
});

test('--dry-run: the plan is checked in a throw-away copy and the workspace is untouched', { skip: !dockerHas(image) && `no ${image} image` }, async () => {
  const before = fs.readdirSync(workspace).sort();
  const r = await cli('plan', '--json', '--dry-run', '--workspace', workspace, 'show what is inside the data directory');
  assert.equal(r.code, 0, r.err);
  const plan = JSON.parse(r.out);
  assert.equal(plan.dryRun.checked, true, JSON.stringify(plan.dryRun));
  const tried = plan.dryRun.tried.find((t: { command: string }) => t.command === plan.command);
  assert.ok(tried?.fits, JSON.stringify(plan.dryRun));
  assert.match(tried.preview, /users\.csv/);
  const text = await cli('plan', '--dry-run', '--workspace', workspace, 'show what is inside the data directory');
  assert.match(text.err, /checked by a dry run/);
  assert.deepEqual(fs.readdirSync(workspace).sort(), before);
});
