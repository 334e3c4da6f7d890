// "make all the bugzilla subdirectories permission 775", "give every folder
// under www permissions 755": a mode given to the folders (or files) of a
// folder, however the folder and the mode are said. Requests are built from
// verbs, folder phrases and modes, and each plan is run on a copy of a small
// tree to see that exactly the entries asked for got the mode.
// ... and a rename of each file found under a folder (`"${f%.mkv}.avi"`)
// stays in that folder: it is planned, not set aside as reaching outside.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

const verbs = ['make {w} permission {m}', 'give {w} permissions {m}', 'set the permissions of {w} to {m}', 'make {w} mode {m}'];
// How the folders below `site` are said.
const folders = ['all the site subdirectories', 'every folder under site', 'all subdirectories of site', 'the subfolders of site'];
const modes = ['775', '750', '700'];

let ws: PlannerWorkspace;
before(async () => {
  ws = await plannerWorkspace('permission-phrases', ['site/a/b', 'other', 'media'], ['site/index.html', 'media/a.mkv', 'media/b.mkv', 'top.mkv']);
});
after(() => ws.close());

function modesAfter(command: string): Record<string, string> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-perm-phrase-'));
  try {
    for (const d of ['site/a/b', 'other']) fs.mkdirSync(path.join(root, d), { recursive: true });
    fs.writeFileSync(path.join(root, 'site/index.html'), 'x\n');
    for (const p of ['site', 'site/a', 'site/a/b', 'other']) fs.chmodSync(path.join(root, p), 0o755);
    fs.chmodSync(path.join(root, 'site/index.html'), 0o644);
    execFileSync('bash', ['-c', command], { cwd: root, stdio: 'pipe' });
    return Object.fromEntries(['site/a', 'site/a/b', 'site/index.html', 'other'].map((p) => [p, (fs.statSync(path.join(root, p)).mode & 0o777).toString(8)]));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

test('a mode given to the folders of a named folder changes exactly those, however it is said', async () => {
  const wrong: string[] = [];
  let checked = 0;
  for (const [i, verb] of verbs.entries()) {
    for (const [j, folder] of folders.entries()) {
      const mode = modes[(i + j) % modes.length];
      const request = verb.replace('{w}', folder).replace('{m}', mode);
      const command = await ws.plan(request);
      checked++;
      if (!command) {
        wrong.push(`${request} → abstained`);
        continue;
      }
      const got = modesAfter(command);
      const want = { 'site/a': mode, 'site/a/b': mode, 'site/index.html': '644', other: '755' };
      if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push(`${request} → ${command}: ${JSON.stringify(got)}`);
    }
  }
  assert.equal(checked, verbs.length * folders.length);
  assert.deepEqual(wrong, []);
});

test('a mode given to the files of a named folder changes the files only', async () => {
  const wrong: string[] = [];
  for (const [i, verb] of verbs.entries()) {
    for (const [j, what] of ['all the files under site', 'every .html file in site and below'].entries()) {
      const mode = ['640', '600', '664'][(i + j) % 3];
      const request = verb.replace('{w}', what).replace('{m}', mode);
      const command = await ws.plan(request);
      const got = command ? modesAfter(command) : {};
      const want = { 'site/a': '755', 'site/a/b': '755', 'site/index.html': mode, other: '755' };
      if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push(`${request} → ${command || 'abstained'}: ${JSON.stringify(got)}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('"make a folder with permission 700" still makes the folder', async () => {
  assert.match(await ws.plan('make a folder named keys with permission 700'), /^mkdir -m 700 keys$/);
});

test('a rename of each file found under a folder stays in that folder', async () => {
  for (const request of ['rename the .mkv extension to .avi for all files under media', 'change the extension of every .mkv file in media to .avi']) {
    const command = await ws.plan(request);
    assert.match(command, /\bmedia\b/, `${request} → ${command}`);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-mkv-'));
    try {
      fs.mkdirSync(path.join(root, 'media'));
      for (const f of ['media/a.mkv', 'media/b.mkv', 'top.mkv']) fs.writeFileSync(path.join(root, f), 'x\n');
      execFileSync('bash', ['-c', command], { cwd: root, stdio: 'pipe' });
      assert.deepEqual([...fs.readdirSync(path.join(root, 'media'))].sort(), ['a.avi', 'b.avi'], `${request} → ${command}`);
      assert.ok(fs.existsSync(path.join(root, 'top.mkv')), `${request} → ${command} renamed a file outside media`);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }
});
