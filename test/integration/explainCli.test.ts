// `paladin explain` as a person runs it: the real explainer, the real policy
// (OPA WASM) and records on a real store, through Paladin.explain.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, test } from 'node:test';
import Docker from 'dockerode';
import type { CliContext } from '../../server/src/cli/command';
import { explainCommand } from '../../server/src/cli/commands/explain';
import { main } from '../../server/src/cli/main';
import { openStore } from '../../server/src/compose';
import { createExplainerStage } from '../../server/src/explainer';
import { Paladin } from '../../server/src/paladin';
import { createPolicyStage } from '../../server/src/policy';
import { createRecordsStage } from '../../server/src/records';
import type { ExplainResult } from '../../server/src/protocol/types';
import { normaliseSettings, type Settings } from '../../server/src/settings/settings';
import type { ExecutorStage, PlannerStage } from '../../server/src/stages';
import { localUserId, type Db } from '../../server/src/store/database';

let dir: string;
let db: Db;
let settings: Settings;
let paladin: Paladin;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-explain-cli-'));
  settings = normaliseSettings({ 'database.path': path.join(dir, 'paladin.db'), 'sandbox.image': process.env.PALADIN_TEST_IMAGE || 'paladin-test:busybox' }).settings;
  db = openStore(settings);
  // Explaining never plans or runs: those stages must not be touched.
  const untouched = new Proxy({}, { get: () => { throw new Error('not used by paladin explain'); } });
  paladin = new Paladin(db, settings, {
    policy: await createPolicyStage(db, settings),
    records: createRecordsStage(db, settings),
    explainer: createExplainerStage(db, settings, { docker: new Docker() }),
    planner: untouched as PlannerStage,
    executor: untouched as ExecutorStage,
  });
});

after(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function run(positionals: string[], values: Record<string, string | boolean> = {}): Promise<{ code: number; out: string }> {
  const out = new PassThrough();
  let text = '';
  out.on('data', (c: Buffer) => (text += c.toString()));
  const ctx = { settings, actor: { userId: localUserId(db), source: 'cli' }, paladin: async () => paladin, out, err: out, interactive: false, ask: async () => false, signal: new AbortController().signal } as CliContext;
  const code = await explainCommand.run(ctx, { values, positionals });
  return { code, out: text };
}

test('prints each part with its source, the summary and the policy decision', async () => {
  const { code, out } = await run(['rm -rf docs && ls -la | grep -c src > count.txt']);
  assert.equal(code, 0);
  const lines = out.split('\n');
  assert.equal(lines[0], 'Command: rm -rf docs && ls -la | grep -c src > count.txt');
  assert.match(out, /^ {2}PART +KIND +SOURCE +EXPLANATION$/m);
  assert.match(out, /^ {2}rm +program +help +Remove \(unlink\) FILEs \(--help, image paladin-test:busybox\)$/m);
  assert.match(out, /^ {4}-r +flag +help +Recurse$/m);
  assert.match(out, /^ {2}&& +operator +syntax +runs the command on the right only if the one on the left\n {30,}succeeds$/m);
  assert.match(out, /^ {2}> count\.txt +redirect +syntax +writes standard output to count\.txt, replacing its contents$/m);
  assert.match(out, /^Summary: Runs rm \(remove \(unlink\) FILEs\) with -r, -f, and if that succeeds, ls/m);
  assert.match(out, /^Policy: (ask|deny)/m);
  assert.match(out, /^ {2}deletes: .*docs/m);
});

test('--json prints the whole result, and the explanation is audited', async () => {
  const { code, out } = await run(['find . -name "*.tmp" -delete'], { json: true });
  assert.equal(code, 0);
  const result = JSON.parse(out) as ExplainResult;
  assert.equal(result.command, 'find . -name "*.tmp" -delete');
  assert.deepEqual(result.parts.map((p) => [p.kind, p.text, p.source]), [
    ['program', 'find', 'help'],
    ['argument', '.', 'help'],
    ['flag', '-name', 'help'],
    ['argument', '"*.tmp"', 'help'],
    // The image's busybox find does not document -delete, so it is not explained.
    ['flag', '-delete', 'unknown'],
  ]);
  assert.match(result.parts[4].explanation, /the --help text of find does not list -delete/);
  assert.ok(['allow', 'ask', 'deny'].includes(result.policy.decision));
  const audit = db.prepare(`SELECT details FROM audit_log WHERE action = 'explain' ORDER BY rowid DESC LIMIT 1`).get() as { details: string };
  assert.match(audit.details, /find \. -name/);
});

test('bad input gets a clear error and a usage exit code', async () => {
  const saved = process.env.PALADIN_DB;
  process.env.PALADIN_DB = settings.database.path;
  const out = new PassThrough();
  const err = new PassThrough();
  let text = '';
  err.on('data', (c: Buffer) => (text += c.toString()));
  try {
    assert.equal(await main(['explain'], { out, err }), 2);
    assert.match(text, /give the command to explain, quoted/);
    text = '';
    assert.equal(await main(['explain', 'ls', '-la'], { out, err }), 2);
    assert.match(text, /Unknown option|one quoted argument/);
    text = '';
    assert.equal(await main(['explain', 'ls', 'src'], { out, err }), 2);
    assert.match(text, /give the command as one quoted argument \(got 2 words\): paladin explain "ls src"/);
  } finally {
    if (saved === undefined) delete process.env.PALADIN_DB;
    else process.env.PALADIN_DB = saved;
  }
  await assert.rejects(paladin.explain({ userId: localUserId(db), source: 'cli' }, 'echo "open'), /not valid bash: .*Fix the quoting/);
});
