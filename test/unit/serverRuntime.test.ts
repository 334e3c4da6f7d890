import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { chooseRuntime, whichOnPath } from '../../client/src/runtime';

test('node is found on PATH and its version checked', async () => {
  const choice = await chooseRuntime('', process.env);
  assert.ok(choice.ok);
  assert.equal(choice.version, process.versions.node);
  assert.equal(choice.path, whichOnPath('node'));
});

test('no node on PATH: the answer says what to install', async () => {
  const empty = mkdtempSync(path.join(os.tmpdir(), 'paladin-nonode-'));
  const choice = await chooseRuntime(undefined, { PATH: empty });
  assert.ok(!choice.ok);
  assert.match(choice.why, /No Node\.js was found on PATH/);
  assert.match(choice.why, /Install Node\.js 20/);
  assert.match(choice.why, /paladin\.server\.runtime/);
});

test('a runtime setting that is wrong or too old is named in the error', async () => {
  const missing = await chooseRuntime('/nonexistent/node');
  assert.ok(!missing.ok);
  assert.match(missing.why, /"paladin\.server\.runtime" is set to "\/nonexistent\/node"/);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'paladin-oldnode-'));
  const fake = path.join(dir, 'node');
  writeFileSync(fake, '#!/bin/sh\necho 16.20.2\n');
  chmodSync(fake, 0o755);
  const old = await chooseRuntime(fake);
  assert.ok(!old.ok);
  assert.match(old.why, /Node\.js 16\.20\.2; Paladin's server needs 20 or newer/);
});
