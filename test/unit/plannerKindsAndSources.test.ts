// A dot and a kind of file (".txt", '.png' said as an extension) is the
// kind, never a file or folder called so; a plain name copied "recursively"
// somewhere ("copy src_dir recursively to dest_dir") is the folder copied,
// never the whole workspace. Plans are run by bash on workspace copies.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';
import { runInCopy, there } from '../support/scratchCopy';

let ws: PlannerWorkspace;
before(async () => {
  ws = await plannerWorkspace('kinds-sources', ['src_dir/deep', 'pics/deep', 'other', 'out', 'data', 'sub', 'build'], { 'src_dir/a.txt': 'a\n', 'src_dir/deep/b.txt': 'b\n', 'pics/x.PNG': 'x', 'pics/deep/y.png': 'y', 'pics/z.jpg': 'z', 'other/o.txt': 'o\n', 'top.txt': 't\n', 'data/.lock': '', 'data/yarn.lock': 'y\n', 'sub/.txt': '', 'sub/notes.txt': 'n\n', 'my-notes': 'm\n', 'plan.md': 'backup\n', 'old_backup.txt': 'o\n', 'greeting.txt': 't\n' });
});
after(() => ws.close());

test('an extension said with a dot is a kind of file, quoted or not', async () => {
  const wrong: string[] = [];
  for (const request of ["copy all files with '.png' (case insensitive) extension under pics to the out folder", "copy every file with the extension '.png' in pics, ignoring case, into out", 'copy the .png files in pics to out ignoring case']) {
    const command = await ws.plan(request);
    if (/(?:^|\s)(?:find|mkdir -p|ls)\s+\.png\b|-i?name \.png\b/.test(command) || !command) {
      wrong.push(`${request} → ${command || 'abstained'}`);
      continue;
    }
    runInCopy(ws.workspace, command, (root) => {
      const got = fs.readdirSync(path.join(root, 'out')).sort();
      if (JSON.stringify(got) !== JSON.stringify(['x.PNG', 'y.png'])) wrong.push(`${request} → ${command}: ${got.join(', ')}`);
    });
  }
  assert.deepEqual(wrong, []);
});

test('a plain name copied recursively is the folder copied, with all it holds and nothing else', async () => {
  const wrong: string[] = [];
  for (const request of ['Copy src_dir recursively to dest_dir, but without overwriting existing files.', 'copy src_dir recursively into dest_dir', 'please copy src_dir to dest_dir recursively']) {
    const command = await ws.plan(request);
    if (!command) {
      wrong.push(`${request} → abstained`);
      continue;
    }
    runInCopy(ws.workspace, command, (root) => {
      const copied = there(root, 'dest_dir/a.txt') || there(root, 'dest_dir/src_dir/a.txt');
      const deep = there(root, 'dest_dir/deep/b.txt') || there(root, 'dest_dir/src_dir/deep/b.txt');
      if (!copied || !deep || there(root, 'dest_dir/top.txt') || there(root, 'dest_dir/o.txt')) wrong.push(`${request} → ${command}`);
    });
  }
  assert.deepEqual(wrong, []);
});

test('a file called by a dot and a kind ("the .lock file in data") is that file, and a name copied to a file is a file', async () => {
  const wrong: string[] = [];
  for (const [request, gone, kept] of [
    ['delete the .lock file in data', 'data/.lock', 'data/yarn.lock'],
    ['delete the hidden file .lock in data', 'data/.lock', 'data/yarn.lock'],
    ['delete the file .txt in sub', 'sub/.txt', 'sub/notes.txt'],
  ] as const) {
    const command = await ws.plan(request);
    if (!command) {
      wrong.push(`${request} → abstained`);
      continue;
    }
    runInCopy(ws.workspace, command, (root) => {
      if (there(root, gone) || !there(root, kept)) wrong.push(`${request} → ${command}`);
    });
  }
  const copy = await ws.plan('copy my-notes to notes-copy');
  if (!copy) wrong.push('copy my-notes to notes-copy → abstained');
  else runInCopy(ws.workspace, copy, (root) => { if (fs.readFileSync(path.join(root, 'notes-copy'), 'utf8') !== 'm\n') wrong.push(`copy → ${copy}`); });
  assert.deepEqual(wrong, []);
});

test('"containing the word backup in their name" picks by the name; text in quotes is no permission to add', async () => {
  const move = await ws.plan('move the files containing the word backup in their name to build');
  runInCopy(ws.workspace, move, (root) => assert.ok(there(root, 'build/old_backup.txt') && there(root, 'plan.md'), move));
  for (const request of ["add the text 'executable bit set' to greeting.txt", "add a line 'owner: bob' to greeting.txt"]) {
    const command = await ws.plan(request);
    assert.doesNotMatch(command, /\bchmod\b|\bchown\b/, `${request} → ${command}`);
    runInCopy(ws.workspace, command, (root) => assert.match(fs.readFileSync(path.join(root, 'greeting.txt'), 'utf8'), /^t\n.+\n$/, command));
  }
  for (const [request, want] of [['delete the lines containing the word foo in greeting.txt', /^sed -i\b/], ['pipe the output of ls into the standard input of sort', /^ls \| sort$/], ['find the .txt files in reverse_proxy and sort them', /\| sort$/]] as const) {
    assert.match(await ws.plan(request), want, request);
  }
});
