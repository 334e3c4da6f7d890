// Requests about folders, said in the plural: "create the folders foo and
// bar" makes each folder named, and "the subdirectories of src modified in
// the last week" lists folders, never files. Requests are built from verbs,
// nouns and lists of names; every plan is run by bash on a scratch tree.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let ws: PlannerWorkspace;
before(async () => {
  ws = await plannerWorkspace('folder-requests', ['src/lib', 'src/app'], ['src/main.ts', 'src/lib/util.ts']);
});
after(() => ws.close());

function scratch<T>(fill: (root: string) => void, command: string, look: (root: string, out: string) => T): T {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-folder-req-'));
  try {
    fill(root);
    const out = execFileSync('bash', ['-c', command], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    return look(root, out);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

test('"create the folders a and b": every folder named is made, and nothing is left as a slot', async () => {
  const verbs = ['create', 'make'];
  const nouns = ['the folders', 'directories', 'the new directories', 'folders'];
  const lists: string[][] = [['alpha', 'bravo'], ['mnt', 'point'], ['one_dir', 'two_dir', 'three_dir'], ['logs', 'cache', 'tmp']];
  const wrong: string[] = [];
  for (const [i, verb] of verbs.entries()) {
    for (const [j, noun] of nouns.entries()) {
      const names = lists[(i + j) % lists.length];
      const said = names.length === 2 ? `${names[0]} and ${names[1]}` : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
      const request = `${verb} ${noun} ${said}`;
      const command = await ws.plan(request);
      if (!command || /'<\w+>'/.test(command)) {
        wrong.push(`${request} → ${command || 'abstained'}`);
        continue;
      }
      const made = scratch(() => undefined, command, (root) => fs.readdirSync(root).sort());
      if (JSON.stringify(made) !== JSON.stringify([...names].sort())) wrong.push(`${request} → ${command}: made ${made.join(', ')}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('a request that speaks only of folders lists folders, never files', async () => {
  const fill = (root: string) => {
    for (const d of ['src/lib', 'src/app']) fs.mkdirSync(path.join(root, d), { recursive: true });
    for (const f of ['src/main.ts', 'src/lib/util.ts']) fs.writeFileSync(path.join(root, f), 'x\n');
  };
  const wrong: string[] = [];
  for (const request of ['list the subdirectories of src modified in the last week', 'find the directories under src changed in the last 7 days', 'show every folder in src modified today', 'list all subfolders of src']) {
    const command = await ws.plan(request);
    const listed = command ? scratch(fill, command, (_root, out) => out.split('\n').filter(Boolean).map((l) => l.replace(/^\.\//, ''))) : [];
    if (listed.length === 0 || listed.some((l) => /\.ts$/.test(l))) wrong.push(`${request} → ${command || 'abstained'}: ${listed.join(', ')}`);
  }
  assert.deepEqual(wrong, []);
});

test('"the folder X", "the directory X": X is the folder, even when X is also a word like backup or archive', async () => {
  const wrong: string[] = [];
  const places = ['in the folder {x}', 'in the directory {x}', 'inside the folder {x}', 'under the directory {x}'];
  const asks = ['display all directories {p}', 'list the subfolders {p}'];
  for (const [i, x] of ['Symfony', 'httpdocs', 'archive', 'backup'].entries()) {
    for (const [j, place] of places.entries()) {
      const request = asks[(i + j) % asks.length].replace('{p}', place.replace('{x}', x));
      const command = await ws.plan(request);
      const fill = (root: string) => {
        for (const d of [`${x}/one`, `${x}/two`, 'elsewhere']) fs.mkdirSync(path.join(root, d), { recursive: true });
        fs.writeFileSync(path.join(root, x, 'file.txt'), 'x\n');
      };
      const listed = command ? scratch(fill, command, (_root, out) => out.split('\n').filter(Boolean).map((l) => l.replace(/^\.\//, '').replace(/\/$/, ''))) : [];
      const names = listed.map((l) => l.split('/').pop());
      if (!names.includes('one') || !names.includes('two') || names.includes('elsewhere') || names.includes('file.txt')) wrong.push(`${request} → ${command || 'abstained'}: ${listed.join(', ')}`);
    }
  }
  assert.deepEqual(wrong, []);
  assert.match(await ws.plan('copy src/main.ts to the folder backup'), /^(?:cp|rsync)\b.* src\/main\.ts backup\/?$/);
});
