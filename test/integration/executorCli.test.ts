// `paladin run` and `paladin sandbox` as a person types them: separate
// processes of the real command line, over the real stages and engine.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';

const image = process.env.PALADIN_SANDBOX_IMAGE || 'paladin-test:busybox';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-cli-run-'));
const workspace = path.join(tmp, 'ws');
fs.mkdirSync(workspace);
fs.writeFileSync(path.join(workspace, 'a.txt'), 'hello\n');
// The built command line when `npm test` has just built it (much faster to start), else the
// sources through tsx, named by file because the children run in the workspace folder.
const built = path.resolve('dist/cli.js');
const tsx = pathToFileURL(path.resolve('node_modules/tsx/dist/loader.mjs')).href;
const entry = fs.existsSync(built) && process.env.PALADIN_CLI_FROM_SOURCE !== '1' ? [built] : ['--import', tsx, path.resolve('server/src/cli/main.ts')];

after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function paladin(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...entry, ...args], {
      cwd: workspace,
      env: { ...process.env, PALADIN_DB: path.join(tmp, 'data', 'paladin.db'), PALADIN_SANDBOX_IMAGE: image, PALADIN_SANDBOX_TIMEOUT_SECONDS: '10' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('paladin run (separate processes)', () => {
  test('output streams to stdout and stderr; exit codes follow the command', async () => {
    const ok = await paladin(['run', 'cat a.txt; echo to-stderr >&2']);
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(ok.stdout, 'hello\n');
    assert.match(ok.stderr, /to-stderr/);
    const failed = await paladin(['run', 'cat missing.txt', '--json']);
    assert.equal(failed.code, 5);
    const result = JSON.parse(failed.stdout.trim().split('\n').pop()!);
    assert.equal(result.end, 'exited');
    assert.notEqual(result.exitCode, 0);
    assert.equal(typeof result.durations.queueMs, 'number');
  });

  test('deny exits 4, ask runs offline in snapshot without --yes, network without --yes exits 3, timeout exits 5', async () => {
    const denied = await paladin(['run', 'rm -rf /']);
    assert.equal(denied.code, 4);
    assert.match(denied.stderr, /denies/);
    const ask = await paladin(['run', 'echo more >> a.txt']);
    assert.equal(ask.code, 0, ask.stderr);
    assert.match(ask.stderr, /Applying would: 1 file changed/);
    assert.equal(fs.readFileSync(path.join(workspace, 'a.txt'), 'utf8'), 'hello\n', 'nothing is applied without a person');
    const network = await paladin(['run', 'cat a.txt', '--network']);
    assert.equal(network.code, 3);
    assert.match(network.stderr, /needs your approval/);
    const slow = await paladin(['run', 'sleep 20', '--timeout', '1', '--json']);
    assert.equal(slow.code, 5);
    assert.equal(JSON.parse(slow.stdout.trim().split('\n').pop()!).end, 'timeout');
    const bad = await paladin(['run', 'true', '--mode', 'sideways']);
    assert.equal(bad.code, 2);
  });

  test('a snapshot run is applied by a later process', async () => {
    const run = await paladin(['run', 'echo more >> a.txt', '--yes', '--json']);
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout.trim().split('\n').pop()!);
    assert.equal(result.mode, 'snapshot');
    assert.equal(result.changes[0].path, 'a.txt');
    assert.equal(fs.readFileSync(path.join(workspace, 'a.txt'), 'utf8'), 'hello\n');
    const apply = await paladin(['run', '--apply', result.runId]);
    assert.equal(apply.code, 0, apply.stderr);
    assert.match(apply.stdout, /applied\s+a.txt/);
    assert.equal(fs.readFileSync(path.join(workspace, 'a.txt'), 'utf8'), 'hello\nmore\n');
  });

  test('--discard drops a snapshot run\'s changes', async () => {
    const run = await paladin(['run', 'echo scratch > scratch.txt', '--mode', 'snapshot', '--yes', '--json']);
    assert.equal(run.code, 0, run.stderr);
    const { runId } = JSON.parse(run.stdout.trim().split('\n').pop()!);
    const discard = await paladin(['run', '--discard', runId]);
    assert.equal(discard.code, 0, discard.stderr);
    const apply = await paladin(['run', '--apply', runId]);
    assert.notEqual(apply.code, 0);
    assert.match(apply.stderr, /No pending changes/);
    assert.ok(!fs.existsSync(path.join(workspace, 'scratch.txt')));
  });

  test('paladin sandbox status', async () => {
    const status = await paladin(['sandbox', 'status', '--json']);
    assert.equal(status.code, 0);
    assert.equal(JSON.parse(status.stdout).state, 'ready');
  });
});
