// "what's in purge", "list the files in clean", "lst files in remove": a
// folder or file of the workspace named by a change verb, after a word of
// place, is that folder or file, and a request to look at it orders no
// delete. Wordings are built from parts and planned by the embedded planner
// in a real workspace; each plan is read by the real parser, and none may
// write or delete anything. A look planned with an act on the shell's
// history (`history -c`) is set aside too.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { changeRules } from '../../server/src/planner/fallsShort';
import { readIntent } from '../../server/src/planner/intent';
import { readRequest } from '../../server/src/planner/requestFacts';
import { describeCommand } from '../../server/src/policy/facts';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let ws: PlannerWorkspace;
const FOLDERS = ['purge', 'clean', 'erase', 'drop', 'wipe', 'shred', 'remove'];
const layout = [...FOLDERS.map((d) => `${d}/a.txt`), 'kill.log', 'update.txt', 'readme.md'];

before(async () => {
  ws = await plannerWorkspace('verb-named', FOLDERS, layout);
});

after(() => ws.close());

const LOOKS = ['files in D', 'lst files in D', "what's in D", 'whats inside D?', 'list the files in D', 'how many files are in D', 'show me what is in D', 'which files are under D', 'lsit the D directory'];

test('a look at a folder named by a change verb is planned with no write or delete', async () => {
  const wrong: string[] = [];
  let planned = 0;
  for (const d of FOLDERS) {
    for (const l of LOOKS) {
      const request = l.replace('D', d);
      const r = await ws.result(request);
      const c = r.abstained ? '' : (r.command ?? '');
      if (!c) continue;
      planned++;
      const f = describeCommand(c, { workspace: ws.workspace });
      const changed = f.commands.flatMap((x) => [...x.deletes, ...x.writes]).filter((p) => !/^\/dev\//.test(p.resolved ?? p.path));
      if (changed.length > 0 || /<\w+>|\bhistory -[cd]\b/.test(c)) wrong.push(`${request} => ${c}`);
    }
  }
  assert.ok(planned >= 20, `${planned} planned`);
  assert.deepEqual(wrong, []);
});

test('the verb-named folder is read as a place, a verb at the head is still an order', () => {
  const names = { files: new Set(layout), dirs: new Set(FOLDERS), byBase: new Map(layout.map((f) => [path.basename(f), f])), byStem: new Map([['kill', 'kill.log'], ['update', 'update.txt']]) };
  const acts = (text: string) => readIntent(readRequest(text, names)).actions;
  for (const d of FOLDERS) {
    assert.deepEqual(acts(`lst files in ${d}`), [], d);
    assert.deepEqual(acts(`what's in the ${d} folder`), [], d);
    assert.ok(acts(`delete the files in ${d}`).includes('delete'), d);
  }
  assert.deepEqual(acts('what is in kill.log'), []);
  // A verb that names nothing in the workspace is still read as one.
  assert.ok(acts('files in scrub, delete them').includes('delete') || acts('delete files in scrub').includes('delete'));
  assert.ok(changeRules.test('antiforensics.history'));
});
