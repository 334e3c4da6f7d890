import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { isSealed, sealedFile } from '../bench/devset/sealed';

// A sealed set measures requests nobody tuned on: an edit after its figure was
// taken, or a listing of its failures, would make that figure a tuned one.

const DEVSET = path.join(__dirname, '..', 'bench', 'devset');
const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

function sealedDir(content: string, seal = sha(content)): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-sealed-'));
  fs.writeFileSync(path.join(dir, 'set.json'), content);
  fs.writeFileSync(path.join(dir, 'set.sha256'), `${seal}  set.json\n`);
  return dir;
}

test('a set that matches its seal is handed out, an edited one is refused', () => {
  const dir = sealedDir('[{"id":"x"}]\n');
  try {
    assert.equal(sealedFile('set.json', dir), path.join(dir, 'set.json'));
    fs.appendFileSync(path.join(dir, 'set.json'), ' ');
    assert.throws(() => sealedFile('set.json', dir), /set\.json does not match set\.sha256.*edited/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a set without its seal file is refused', () => {
  const dir = sealedDir('[]\n');
  try {
    fs.rmSync(path.join(dir, 'set.sha256'));
    assert.throws(() => sealedFile('set.json', dir), /ENOENT/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the held-out split and the second fresh set are sealed, the tuning sets are not', () => {
  for (const name of ['heldout.json', 'fresh2.json']) {
    assert.ok(isSealed(name), name);
    assert.ok(isSealed(path.join(DEVSET, name)), `${name} named by its path`);
  }
  for (const name of ['requests.json', 'fresh.json', 'classes.json']) assert.ok(!isSealed(path.join(DEVSET, name)), name);
});

test('both sealed sets in the repository match their seals', () => {
  for (const name of ['heldout.json', 'fresh2.json']) assert.equal(sealedFile(name, DEVSET), path.join(DEVSET, name));
});
