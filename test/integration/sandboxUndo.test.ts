// Undoing an apply against the real Docker engine, through `paladin run
// --undo` with the real records: created files go, deleted ones come back,
// changed ones come back with their mode (and owner), byte for byte; a file
// edited after the apply makes the undo refuse and change nothing; every
// undo is audited.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { after, describe, test } from 'node:test';
import type { CliContext } from '../../server/src/cli/command';
import { runCommand } from '../../server/src/cli/commands/run';
import { stageMigrations } from '../../server/src/compose';
import { Executor } from '../../server/src/executor';
import { Paladin } from '../../server/src/paladin';
import { createPolicyStage } from '../../server/src/policy';
import { createRecordsStage } from '../../server/src/records';
import { normaliseSettings } from '../../server/src/settings/settings';
import { unusedExplainer, unusedPlanner } from '../support/fakeStages';
import { localUserId, openDatabase } from '../../server/src/store/database';

const image = process.env.PALADIN_SANDBOX_IMAGE || 'paladin-test:busybox';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-undo-'));
const settings = normaliseSettings({ 'sandbox.image': image, 'database.path': path.join(tmp, 'data', 'paladin.db'), 'sandbox.timeoutSeconds': 10, 'sandbox.poolSize': 0 }).settings;
fs.mkdirSync(path.dirname(settings.database.path), { recursive: true });
const asRoot = process.getuid?.() === 0;

const planner = unusedPlanner('undo tests');
const explainer = unusedExplainer('undo tests');

let db: ReturnType<typeof openDatabase>;
let paladin: Paladin;
after(async () => {
  await paladin?.dispose();
  db?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function open(): Promise<void> {
  db = openDatabase(settings.database.path, { migrations: stageMigrations });
  paladin = new Paladin(db, settings, { policy: await createPolicyStage(db, settings), planner, executor: new Executor(settings), explainer, records: createRecordsStage(db, settings) });
}

async function cli(workspace: string, args: string[], values: Record<string, string | boolean>) {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (c: Buffer) => (stdout += c.toString()));
  err.on('data', (c: Buffer) => (stderr += c.toString()));
  const ctx: CliContext = { settings, actor: { userId: localUserId(db), source: 'cli' }, paladin: async () => paladin, out, err, interactive: false, ask: async () => false, signal: new AbortController().signal };
  try {
    return { code: await runCommand.run(ctx, { values: { workspace, ...values }, positionals: args }), stdout, stderr };
  } catch (e) {
    return { code: -1, stdout, stderr, error: e as Error };
  }
}

/** Every entry below `dir`: type, mode, owner, and bytes or link target. */
function state(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const name of fs.readdirSync(path.join(dir, rel)).sort()) {
      const r = rel ? `${rel}/${name}` : name;
      const st = fs.lstatSync(path.join(dir, r));
      const what = st.isSymbolicLink() ? `link->${fs.readlinkSync(path.join(dir, r))}` : st.isDirectory() ? 'dir' : `file:${fs.readFileSync(path.join(dir, r)).toString('base64')}`;
      out[r] = `${what} mode=${(st.mode & 0o7777).toString(8)}${st.isSymbolicLink() ? '' : ` owner=${st.uid}:${st.gid}`}`;
      if (st.isDirectory()) walk(r);
    }
  };
  walk('');
  return out;
}

function workspace(name: string): string {
  const ws = path.join(tmp, name);
  fs.mkdirSync(path.join(ws, 'old'), { recursive: true });
  fs.writeFileSync(path.join(ws, 'keep.txt'), Buffer.from([0, 1, 2, 255, 10]), { mode: 0o640 });
  fs.chmodSync(path.join(ws, 'keep.txt'), 0o640);
  fs.writeFileSync(path.join(ws, 'old', 'gone.sh'), '#!/bin/sh\necho bye\n');
  fs.chmodSync(path.join(ws, 'old', 'gone.sh'), 0o700);
  if (asRoot) fs.chownSync(path.join(ws, 'old', 'gone.sh'), 1234, 1235);
  fs.symlinkSync('keep.txt', path.join(ws, 'ln'));
  // An empty folder of the person's own: the apply creates made/deep in it, the undo must leave it.
  fs.mkdirSync(path.join(ws, 'made'));
  return ws;
}

const COMMAND = 'printf new > keep.txt; rm old/gone.sh ln; mkdir -p made/deep; echo c > made/deep/created.txt; ln -s keep.txt ln2';

async function runAndApply(ws: string): Promise<string> {
  const r = await cli(ws, [COMMAND], { mode: 'snapshot', json: true, yes: true });
  assert.equal(r.code, 0, r.stderr + (r.error?.message ?? ''));
  const result = JSON.parse(r.stdout.trim().split('\n').pop()!);
  assert.deepEqual(result.changes.map((c: { path: string }) => c.path).sort(), ['keep.txt', 'ln', 'ln2', 'made/deep/created.txt', 'old/gone.sh']);
  const a = await cli(ws, [], { apply: result.runId });
  assert.equal(a.code, 0, a.stderr + (a.error?.message ?? ''));
  assert.match(a.stderr, new RegExp(`take it back with: paladin run --undo ${result.runId}`));
  return result.runId as string;
}

const audits = (runId: string) => (db.prepare("SELECT details FROM audit_log WHERE action = 'undo' AND resource = ? ORDER BY seq").all(runId) as { details: string }[]).map((r) => JSON.parse(r.details));

describe('paladin run --undo', () => {
  test('apply then undo restores the files exactly, and is audited', async () => {
    await open();
    const ws = workspace('exact');
    const before = state(ws);
    const runId = await runAndApply(ws);
    const applied = state(ws);
    assert.notDeepEqual(applied, before);
    assert.equal(fs.readFileSync(path.join(ws, 'made/deep/created.txt'), 'utf8'), 'c\n');
    assert.ok(!fs.existsSync(path.join(ws, 'old/gone.sh')));
    const u = await cli(ws, [], { undo: runId, json: true });
    assert.equal(u.code, 0, u.stderr + (u.error?.message ?? ''));
    const report = JSON.parse(u.stdout);
    assert.deepEqual(report.restored.sort(), ['keep.txt', 'ln', 'ln2', 'made/deep/created.txt', 'old/gone.sh']);
    assert.deepEqual(state(ws), before, 'bytes, modes, owners, links, and no folder left behind');
    assert.deepEqual(fs.readdirSync(ws).filter((n) => n.startsWith('.paladin')), []);
    const logged = audits(runId);
    assert.equal(logged.length, 1);
    assert.deepEqual(logged[0].restored.sort(), report.restored.sort());
    // Once undone, there is nothing left to undo.
    const again = await cli(ws, [], { undo: runId });
    assert.equal(again.code, 8);
    assert.match(again.stderr, /Nothing to undo for run .*already undone/);
    assert.deepEqual(state(ws), before);
  });

  test('a file edited after the apply: the undo is refused, names it, and changes nothing', async () => {
    const ws = workspace('edited');
    const runId = await runAndApply(ws);
    fs.appendFileSync(path.join(ws, 'made/deep/created.txt'), 'my own edit\n');
    const edited = state(ws);
    const u = await cli(ws, [], { undo: runId });
    assert.equal(u.code, 8, 'refused: the exit code of a failed apply');
    assert.match(u.stderr, /Nothing was undone: this file has changed since run .* was applied: made\/deep\/created\.txt/);
    assert.deepEqual(state(ws), edited, 'nothing changed');
    assert.match(audits(runId)[0].refused, /Nothing was undone/);
    // Put back as the apply left it, the undo goes through.
    fs.writeFileSync(path.join(ws, 'made/deep/created.txt'), 'c\n');
    const ok = await cli(ws, [], { undo: runId });
    assert.equal(ok.code, 0, ok.error?.message);
    assert.match(ok.stdout, /restored old\/gone\.sh/);
  });

  test('a deleted file recreated after the apply blocks the undo too', async () => {
    const ws = workspace('recreated');
    const runId = await runAndApply(ws);
    fs.writeFileSync(path.join(ws, 'old/gone.sh'), 'someone else\n');
    const edited = state(ws);
    const u = await cli(ws, [], { undo: runId });
    assert.match(u.stderr, /changed since run .* was applied: old\/gone\.sh/);
    assert.deepEqual(state(ws), edited);
  });

  test('a bad run id is refused with what to use', async () => {
    const u = await cli(tmp, [], { undo: '../etc' });
    assert.match(u.stderr + (u.error?.message ?? ''), /is not a run id/);
  });
});
