// Answers the catalogue gives by name, each run by bash to show it answers
// what was asked: the md5 hash alone ("print only the hash") and the physical
// working directory (`pwd -P`, through a symbolic link). Each is asked in
// several wordings.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let ws: PlannerWorkspace;
let scratch: string;
before(async () => {
  ws = await plannerWorkspace('named-answers', ['docs'], { 'notes.txt': 'some notes\n', 'docs/guide.md': '# guide\n' });
  scratch = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-named-')));
  fs.mkdirSync(path.join(scratch, 'real'));
  fs.symlinkSync(path.join(scratch, 'real'), path.join(scratch, 'via-link'));
});
after(() => {
  ws.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

test('"only the hash" prints the md5 alone; a plain md5 request keeps the name', async () => {
  const md5 = crypto.createHash('md5').update('some notes\n').digest('hex');
  for (const request of ['calculate the md5 sum of the file "notes.txt" and print only the hash', 'print just the md5 checksum of notes.txt', 'show only the md5 hash of notes.txt, without its name']) {
    const command = await ws.plan(request);
    assert.equal(execFileSync('bash', ['-c', command], { cwd: ws.workspace, encoding: 'utf8' }).trim(), md5, `${request} → ${command}`);
  }
  for (const request of ['show the md5 of notes.txt', 'compute the md5 hash of notes.txt']) {
    const command = await ws.plan(request);
    assert.equal(execFileSync('bash', ['-c', command], { cwd: ws.workspace, encoding: 'utf8' }).trim(), `${md5}  notes.txt`, `${request} → ${command}`);
  }
});

test('the physical working directory resolves the link it was entered through', async () => {
  for (const request of ['print the physical current working directory', 'show the working directory with symbolic links resolved']) {
    const command = await ws.plan(request);
    const out = execFileSync('bash', ['-c', `cd via-link && ${command}`], { cwd: scratch, encoding: 'utf8' }).trim();
    assert.equal(out, path.join(scratch, 'real'), `${request} → ${command}`);
  }
  // The plain one is where the shell says it is.
  assert.equal(await ws.plan('print the working directory'), 'pwd');
});
