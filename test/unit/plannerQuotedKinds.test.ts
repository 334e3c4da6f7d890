// 'display all the ".mov" files in the current folder': an extension in
// quotes said of files is a kind, as it is unquoted, not a file or folder
// called .mov. Read as a place it gave `find .mov -type f` (a walk of a
// folder that is not there) or no plan at all. A quoted dotfile said on its
// own (".bashrc", ".env") is still a file. Requests are built from parts;
// each plan is read by the real parser.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeCommand } from '../../server/src/policy/facts';
import { readRequest } from '../../server/src/planner/requestFacts';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let ws: PlannerWorkspace;

before(async () => {
  ws = await plannerWorkspace('quoted-kinds', ['src', 'backup'], ['notes.txt', 'src/a.c', 'src/b.mov', '.bashrc', '.env']);
});

after(() => ws.close());

const exts = ['c', 'mov', 'txt', 'log', 'py', 'bak'];
const quotes: [string, string][] = [['"', '"'], ["'", "'"], ['`', '`']];

test('a quoted extension said of files is a kind, never a place', () => {
  for (const [i, ext] of exts.entries()) {
    const [open, close] = quotes[i % quotes.length];
    for (const noun of ['files', 'video files', 'file', 'scripts']) {
      const f = readRequest(`display all the ${open}.${ext}${close} ${noun} in the current folder`);
      assert.deepEqual(f.exts.map((e) => e.value), [ext], noun);
      assert.deepEqual([...f.paths, ...f.files].map((p) => p.value).filter((v) => v === `.${ext}`), [], noun);
    }
  }
  // A quoted dotfile said on its own is a file.
  assert.ok(readRequest('show the content of ".env"').files.some((p) => p.value === '.env'));
});

const asks = ['display all the {q} files in the current folder', 'list the {q} files under src', 'count the lines of the {q} files in src', 'delete all {q} files in src', 'find all {q} files'];

test('a look or a change of the files of a quoted kind is planned with their name test, in the place named', async () => {
  const wrong: string[] = [];
  let n = 0;
  for (const [i, ext] of exts.entries()) {
    for (const [j, ask] of asks.entries()) {
      const [open, close] = quotes[(i + j) % quotes.length];
      const request = ask.replace('{q}', `${open}.${ext}${close}`);
      const command = await ws.plan(request);
      n++;
      const facts = describeCommand(command, { workspace: ws.workspace }).commands;
      const roots = facts.filter((c) => c.program === 'find').map((c) => c.positionals[0]);
      const deletes = facts.flatMap((c) => c.deletes).map((p) => p.path);
      if (!command.includes(`*.${ext}`) || roots.includes(`.${ext}`) || (deletes.length > 0 && !request.startsWith('delete'))) wrong.push(`${request} → ${command || 'abstained'}`);
    }
  }
  assert.equal(n, 30);
  assert.deepEqual(wrong, []);
});

test('a quoted dotfile said on its own is still the file', async () => {
  assert.match(await ws.plan('show the content of ".env"'), /^cat \.env$/);
  assert.match(await ws.plan('copy ".bashrc" to backup'), /^cp (?:-- )?\.bashrc backup\/?$/);
});
