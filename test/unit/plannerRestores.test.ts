// A restore reads the saved copy and writes the file named; a copy into a
// folder writes the folder. Every wording is built from parts (how the
// request is opened, the verb, the way the folder is said) and planned by the
// real planner in a real workspace.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let ws: PlannerWorkspace;
before(async () => {
  // ledger.csv and todo.md are saved in backup; config.yml only in archive (gone from the top); app.py lives in src and backup.
  ws = await plannerWorkspace('restores', ['backup', 'archive', 'src', 'docs'], ['ledger.csv', 'todo.md', 'backup/ledger.csv', 'backup/todo.md', 'archive/config.yml', 'src/app.py', 'backup/app.py', 'docs/guide.md']);
});
after(() => ws.close());

const openings = ['', 'please ', 'I need to ', 'can you '];
// {f} the file, {d} the folder holding the saved copy.
const restores = ['restore {f} from {d}', 'recover {f} from the {d} folder', 'bring {f} back from {d}', 'get {f} back from {d}', 'put back {f} from {d}', 'copy {f} back from {d}', 'replace {f} with its copy in {d}', 'replace {f} with the version from the {d} folder', 'overwrite {f} with {d}/{f}'];
const fill = (form: string, f: string, d: string) => form.replaceAll('{f}', f).replaceAll('{d}', d);

test('a restore copies the saved file over the one named, never the other way', async () => {
  const wrong: string[] = [];
  let checked = 0;
  for (const opening of openings) {
    for (const form of restores) {
      // A file gone from the top is put back, but never "replaced".
      for (const [f, d] of [['ledger.csv', 'backup'], ['todo.md', 'backup'], ...(/^(?:replace|overwrite)/.test(form) ? [] : [['config.yml', 'archive']])]) {
        const request = opening + fill(form, f, d);
        const command = await ws.plan(request);
        if (command !== `cp -- ${d}/${f} ${f}`) wrong.push(`${request} → ${command}`);
        checked++;
      }
    }
  }
  assert.deepEqual(wrong, []);
  assert.equal(checked, openings.length * (restores.length * 3 - 3));
});

test('a restore of a name the workspace keeps in another folder is not put at the top', async () => {
  for (const form of restores) {
    const command = await ws.plan(fill(form, 'app.py', 'backup'));
    assert.notEqual(command, 'cp -- backup/app.py app.py', fill(form, 'app.py', 'backup'));
    assert.doesNotMatch(command, /^cp .*\bsrc\/app\.py\b.*backup/, fill(form, 'app.py', 'backup'));
  }
});

const copies = ['copy {f} to {d}', 'save {f} to {d}', 'put a copy of {f} into {d}', 'save a copy of {f} to the {d} folder', 'make a copy of {f} in {d}', 'duplicate {f} into {d}'];

test('a copy into a folder writes the folder, never the file it copies', async () => {
  const wrong: string[] = [];
  for (const opening of openings) {
    for (const form of copies) {
      for (const [f, d] of [['ledger.csv', 'docs'], ['todo.md', 'archive']]) {
        const request = opening + fill(form, f, d);
        const command = await ws.plan(request);
        const into = new RegExp(`^cp (?:-\\w+ )*(?:-- )?${f.replace('.', '\\.')} ${d}/?(?:${f.replace('.', '\\.')})?$`);
        if (!into.test(command)) wrong.push(`${request} → ${command}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
});

test('a copy from one folder to another reads the first and writes the second', async () => {
  const wrong: string[] = [];
  for (const opening of openings) {
    for (const form of ['copy {f} from {d} to docs', 'restore {f} from {d} into docs', 'bring {f} back from the {d} folder into docs', 'copy {f} back from {d} to the docs folder']) {
      for (const [f, d] of [['ledger.csv', 'backup'], ['config.yml', 'archive']]) {
        const request = opening + fill(form, f, d);
        const command = await ws.plan(request);
        if (!new RegExp(`^cp (?:-\\w+ )*(?:-- )?${d}/${f.replace('.', '\\.')} docs/?$`).test(command)) wrong.push(`${request} → ${command}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
});

test('a folder copied, synced or moved to another is read from the first and written to the second', async () => {
  const wrong: string[] = [];
  for (const opening of openings) {
    for (const verb of ['sync', 'mirror', 'back up', 'copy', 'move']) {
      for (const [from, to] of [['src', 'backup'], ['docs', 'archive'], ['src', 'the docs folder']]) {
        const request = `${opening}${verb} ${from} ${verb === 'move' || verb === 'mirror' ? 'into' : 'to'} ${to}`;
        const command = await ws.plan(request);
        const dest = to.replace(/^the (\w+) folder$/, '$1');
        const ok = new RegExp(`^(?:rsync|cp|mv)(?: -[\\w-]+)* ${from}/? ${dest}/?$`).test(command) && (verb !== 'move' || command.startsWith('mv '));
        if (!ok) wrong.push(`${request} → ${command}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
});
