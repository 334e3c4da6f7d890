// A part of a file's name said in words ("starting with app-", "whose names
// end in _old", "that begin with a digit"), with the real store, knowledge
// and policy: a plan keeps it, joined to the kind of file named, and a delete
// that leaves it out (and so deletes more than asked) is never planned.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { expectPlans, plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('name-parts', ['logs', 'build', 'src/components'], ['logs/app-1.log', 'logs/db.log', 'build/x_old', 'build/.cache', 'notes.txt', 'extension.js', 'src/extension.ts']);
});

after(() => w.close());

// Parts of a name as said, and the text of the part a command must hold.
const parts: [string, string][] = [
  ['starting with app-', 'app-'], ['whose names begin with "new"', 'new'], ['that end with _old', '_old'],
  ['with tmp in their names', 'tmp'], ['whose names start with a dot', ".*"], ['beginning with a digit', '[0-9]'],
  ['whose name begins with an underscore', '_'], ['that start with a capital letter', '[A-Z]'],
];
const kinds = ['log files', 'files', '.sh files', 'txt files'];
const places = ['under logs', 'in build', ''];
const verbs = ['delete', 'remove', 'get rid of', 'erase'];

test('a delete of files by a part of their name keeps that part, or is not planned', async () => {
  const wrong: string[] = [];
  let planned = 0;
  for (const [i, [said, part]] of parts.entries()) {
    for (const [j, kind] of kinds.entries()) {
      const request = `${verbs[(i + j) % verbs.length]} the ${kind} ${said} ${places[(i + 2 * j) % places.length]}`.trim();
      const r = await w.result(request);
      if (r.command === '') continue;
      planned++;
      if (!r.command.includes(part)) wrong.push(`"${request}" → ${r.command}`);
    }
  }
  assert.deepEqual(wrong, []);
  assert.ok(planned >= parts.length * kinds.length / 2, `only ${planned} planned`);
});

test('a kind and a part of the name are one name test', () => expectPlans((r) => w.plan(r), [
  ['Remove all .sh files in the current directory tree whose names begin with "new"', /^find \. -type f -name 'new\*\.sh' -delete$/],
  ['find python files with test in their names', /^find \. -type f -name '\*test\*\.py'$/],
  ['list the txt files starting with draft in build', /^find build -type f -name 'draft\*\.txt'$/],
  ['find the txt files that start with a capital letter', /^find \. -type f -name '\[A-Z\]\*\.txt'$/],
  ['list files whose names begin with a digit', /^find \. -type f -name '\[0-9\]\*'$/],
  ['remove files whose names start with a dot', /^find \. -type f -name '\.\*' -delete$/],
]));

test('files with no extension are chosen by that, and only when the request says so', async () => {
  const noExtension = /^find (?:\.|src|build|logs) -type f ! -name '\*\.\*' -delete$/;
  for (const said of ['with no extension', 'without an extension', 'that have no extension', 'without any suffix', 'whose names have no extension']) {
    for (const [i, verb] of verbs.entries()) {
      const request = `${verb} the files ${['in src', 'under build', 'in logs', ''][i]} ${said}`.replace(/\s+/g, ' ').trim();
      assert.match(await w.plan(request), noExtension, request);
    }
  }
  // "Without" and "with no" say how, not which: everything named still goes, and no test on names is added.
  for (const request of ['delete all the files in build without exception', 'remove every file in logs with no confirmation prompts', 'get rid of everything in build with no prompts', 'wipe every file in logs without a warning']) {
    const command = await w.plan(request);
    assert.doesNotMatch(command, /\*\.\*/, request);
    const d = await w.policy.check(command, { workspace: w.workspace });
    assert.ok(d.risk.deletes.length > 0, `"${request}" → ${command}`);
  }
});

test('"except the hidden files" keeps them: the delete leaves out what begins with a dot', async () => {
  for (const request of ['delete all files in build except hidden ones', 'remove every file in logs except the hidden ones', 'wipe all the files in build but not the hidden files']) {
    assert.match(await w.plan(request), /^find (?:build|logs) (?:-type f )?(?:-not|!) -(?:path '\*\/\.\*'|name '\.\*') (?:-delete|-exec rm)/, request);
  }
});

test('files and folders whose names hold a word for a part of a name are still deleted when asked', () => expectPlans((r) => w.plan(r), [
  ['delete the file extension.js', /^rm (?:-- )?extension\.js$/],
  ['delete the extension.js file', /^rm (?:-- )?extension\.js$/],
  ['remove the extension.ts file in src', /^rm (?:-- )?src\/extension\.ts$/],
  ['delete the folder components in src', /^rm -r src\/components$/],
]));

test('a kind set apart from the part of a name ("unless they are .txt files", "and the log files") is never joined to it', async () => {
  for (const request of ['delete files starting with tmp unless they are .txt files', 'delete files beginning with tmp, not the .txt files', 'delete files starting with tmp apart from .txt files', 'delete the log files and the files beginning with app', 'remove files with tmp in their names but not the .log files']) {
    const r = await w.result(request);
    for (const c of [r.command, ...r.candidates.map((x) => x.command)]) assert.doesNotMatch(c, /-i?name '(?:tmp|app|\*tmp)\*\.(?:txt|log)'/, `"${request}" → ${c}`);
  }
  assert.match(await w.plan('remove all files in logs except those starting with a'), /! -name 'a\*'/);
});

test('"without" followed by an act ("without looking in logs") leaves that folder out; followed by a part of a name it keeps the place', async () => {
  assert.match(await w.plan('search for TODO in the project without looking in the logs folder'), /--exclude-dir=logs|-path '?\.?\/?logs'? -prune|-not -path/);
  assert.match(await w.plan('delete every file without a suffix in build'), /^find build -type f ! -name '\*\.\*' -delete$/);
  assert.doesNotMatch(await w.plan('find the .log files without searching in build'), /^find build\b/);
});

test('files in a folder named after "from" are files to act on, not a name to take an extension off', async () => {
  for (const request of ['remove the .log extensions from logs/', 'delete the .log files from the logs folder']) {
    const d = await w.policy.check(await w.plan(request) || 'true', { workspace: w.workspace });
    assert.ok(d.risk.deletes.length > 0 || (await w.result(request)).abstained, request);
  }
});
