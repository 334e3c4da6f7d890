// A folder asked gone goes, itself: "remove the build folder", "delete the
// folder cache", "Recursively and forcibly removes $TMP folder" are `rm -r`,
// never a find that empties it and leaves it; "everything in the build
// folder", "the build folder contents", "the files in the build folder" keep
// it. Also: "keep the originals" keeps them when files are compressed, a
// mode nobody spoke of is never set, and "change directory to …" changes no
// file. Requests are built from parts, and every plan is run by bash on a
// copy of the workspace and the tree checked after.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { exceedsIntent } from '../../server/src/planner/effectCheck';
import { readIntent } from '../../server/src/planner/intent';
import { emptyWorkspace, readRequest } from '../../server/src/planner/requestFacts';
import { createPolicyEngine, type PolicyEngine } from '../../server/src/policy';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';
import { runInCopy, there } from '../support/scratchCopy';

const folders = ['build', 'cache', 'old-stuff'];
let ws: PlannerWorkspace;
let engine: PolicyEngine;
before(async () => {
  engine = await createPolicyEngine();
  const files: Record<string, string> = { 'notes.txt': 'x\n' };
  for (const d of folders) Object.assign(files, { [`${d}/a.log`]: 'log\n', [`${d}/sub/b.txt`]: 'b\n', [`${d}/.hidden`]: 'h\n' });
  ws = await plannerWorkspace('folder-itself', [...folders.flatMap((d) => [d, `${d}/sub`]), 'logs', 'edi', 'edw'], { ...files, 'logs/app.log': 'a\n', 'logs/db.log': 'd\n', 'logs/keep.txt': 'k\n' });
});
after(() => {
  ws.close();
});



const verbs = ['remove', 'delete', 'get rid of', 'Removes', 'Recursively removes', 'Recursively and forcibly removes', 'please delete', 'erase'];
const forms = [(d: string) => `the ${d} folder`, (d: string) => `${d} folder`, (d: string) => `the folder ${d}`, (d: string) => `the directory ${d}`, (d: string) => `the ${d} directory`, (d: string) => `my ${d} dir`];

test('a folder asked gone is removed with all it holds, and nothing beside it', async () => {
  const wrong: string[] = [];
  let n = 0;
  for (const [i, verb] of verbs.entries()) {
    for (const [j, form] of forms.entries()) {
      const d = folders[(i + j) % folders.length];
      const request = `${verb} ${form(d)}`;
      const command = await ws.plan(request);
      n++;
      if (!command) {
        wrong.push(`${request} → abstained`);
        continue;
      }
      const others = folders.filter((o) => o !== d);
      runInCopy(ws.workspace, command, (root) => {
        if (there(root, d) || !others.every((o) => there(root, `${o}/sub/b.txt`)) || !there(root, 'notes.txt')) wrong.push(`${request} → ${command}`);
      });
    }
  }
  assert.ok(n >= 45, `only ${n} requests`);
  assert.deepEqual(wrong, []);
});

test('what is in a folder goes and the folder stays, for everything in it, its contents or its files', async () => {
  const wrong: string[] = [];
  const asks: [string, boolean][] = [
    ['delete everything in the D folder', true],
    ['empty the D folder', true],
    ['remove the D folder contents', true],
    ["clear out the D directory's contents", true],
    ['remove all the contents of D', true],
    ['remove the files in the D folder', false],
    ['delete the files inside the D directory', false],
  ];
  for (const [i, [ask, all]] of asks.entries()) {
    const d = folders[i % folders.length];
    const request = ask.replace('D', d);
    const command = await ws.plan(request);
    if (!command) {
      wrong.push(`${request} → abstained`);
      continue;
    }
    runInCopy(ws.workspace, command, (root) => {
      // The folder stays; its files go; "everything" takes the subfolders too.
      const gone = !there(root, `${d}/a.log`) && !there(root, `${d}/sub/b.txt`) && (!all || !there(root, `${d}/sub`));
      if (!there(root, d) || !gone || !there(root, 'notes.txt')) wrong.push(`${request} → ${command}`);
    });
  }
  assert.deepEqual(wrong, []);
});

test('a folder held in a variable, and several empty folders named together, are removed themselves', async () => {
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-var-'));
  after(() => fs.rmSync(outside, { recursive: true, force: true }));
  for (const request of ['Recursively and forcibly removes $TMP folder with all content.', 'remove the $TMP directory', 'delete the $TMP folder']) {
    const target = path.join(outside, 'target');
    fs.mkdirSync(path.join(target, 'deep'), { recursive: true });
    fs.writeFileSync(path.join(target, 'deep', 'x.txt'), 'x\n');
    const command = await ws.plan(request);
    assert.match(command, /"\$TMP"/, request);
    runInCopy(ws.workspace, command, () => assert.equal(fs.existsSync(target), false, `${request} → ${command}`), { env: { TMP: target } });
  }
  for (const request of ["Removes empty folder 'edi' and 'edw'.", 'remove the empty folders "edi" and "edw"']) {
    const command = await ws.plan(request);
    runInCopy(ws.workspace, command, (root) => assert.ok(!there(root, 'edi') && !there(root, 'edw') && there(root, 'logs'), `${request} → ${command}`));
  }
});

test('"the tmp folder" is /tmp for a look, and a folder kept is never deleted by a plan for its files', () => {
  const over = (request: string, command: string) => {
    const facts = readRequest(request, emptyWorkspace);
    return exceedsIntent(readIntent(facts), engine.judge(command, { workspace: '/w', facts: true }), command).join('; ');
  };
  assert.match(over('delete everything in the tmp folder', 'rm -r /tmp'), /deletes the folder \/tmp itself/);
  assert.equal(over('delete everything in the tmp folder', 'find /tmp -mindepth 1 -delete'), '');
  assert.match(over('remove the build folder', 'find build -mindepth 1 -delete'), /leaves the folder build in place/);
  assert.match(over('delete the cache directory', 'find cache -type f -exec rm -f -- {} +'), /leaves the folder cache in place/);
  assert.equal(over('remove the build folder', 'rm -r build'), '');
  assert.match(over('remove the files in the build folder', 'rm -r build'), /deletes the folder build itself/);
  // A name test that the folder fails keeps it: find deletes no start it does not pick.
  assert.equal(over('delete all .log files under logs', "find logs -name '*.log' -delete"), '');
});

test('originals kept when files are compressed, and no mode set that nobody spoke of', async () => {
  const wrong: string[] = [];
  const keeps = ['and keep the originals', 'but keep the original files', 'keeping the originals', 'without deleting the original files', 'and leave the originals'];
  for (const [i, keep] of keeps.entries()) {
    const request = `${['compress', 'gzip'][i % 2]} the .log files in the logs folder ${keep}`;
    const command = await ws.plan(request);
    if (!command) {
      wrong.push(`${request} → abstained`);
      continue;
    }
    runInCopy(ws.workspace, command, (root) => {
      if (!['logs/app.log', 'logs/db.log', 'logs/app.log.gz', 'logs/db.log.gz'].every((p) => there(root, p)) || there(root, 'logs/keep.txt.gz')) wrong.push(`${request} → ${command}`);
    });
  }
  assert.deepEqual(wrong, []);
  const over = (request: string, command: string) => exceedsIntent(readIntent(readRequest(request, emptyWorkspace)), engine.judge(command, { workspace: '/w', facts: true }), command).join('; ');
  assert.match(over('compress the logs and keep the originals', "find . -name '*.log' -exec gzip {} +"), /replaces each original/);
  assert.equal(over('compress the logs and keep the originals', "find . -name '*.log' -exec gzip -k {} +"), '');
  assert.match(over('store the absolute path of the executing script', 'chmod +x "$0"'), /changes permissions or owners \(chmod\)/);
  for (const [request, command] of [['make deploy.sh executable', 'chmod +x deploy.sh'], ['make run.sh so nobody can execute it', 'chmod a-x run.sh'], ['change the owner of notes.txt to bob', 'chown bob notes.txt'], ['set notes.txt to 600', 'chmod 600 notes.txt']]) {
    assert.doesNotMatch(over(request, command), /says nothing of them/, request);
  }
});

test('changing directory and the folder stack change no file', async () => {
  for (const request of ['Find "notes.txt" under the current directory and change directory to its parent', 'change directory to the logs folder', 'Pushes directory path that saved in $line variable to the dirs stack', 'push the current folder onto the directory stack']) {
    const intent = readIntent(readRequest(request, emptyWorkspace));
    assert.deepEqual(intent.actions, [], request);
    const command = await ws.plan(request);
    if (command) assert.doesNotMatch(command, /\b(?:mkdir|touch|rm|mv|cp)\b/, `${request} → ${command}`);
  }
});

test('what a folder is asked gone with is read: a condition, a place in a file, a kind of its files, a variable', async () => {
  const over = (request: string, command: string) => exceedsIntent(readIntent(readRequest(request, emptyWorkspace)), engine.judge(command, { workspace: '/w', facts: true }), command).join('; ');
  // Its contents, the folder a variable holds: never the folder itself.
  for (const request of ['delete everything in the $BUILD folder', 'delete the contents of the $BUILD folder', "remove the $BUILD folder's contents"]) {
    assert.match(over(request, 'rm -r "$BUILD"'), /deletes the folder \$build itself/, request);
    assert.equal(over(request, 'find "$BUILD" -mindepth 1 -delete'), '', request);
  }
  // Only if it is empty: rmdir, never rm -r.
  for (const request of ['remove the folder edi if empty', 'remove the edi folder only if it is empty', 'delete the edi folder but fail if it has files']) {
    assert.match(over(request, 'rm -r edi'), /only if it is empty/, request);
    assert.equal(over(request, 'rmdir edi'), '', request);
  }
  // A folder of the system a word names is never deleted itself.
  for (const [request, command] of [['delete the tmp folder', 'rm -r /tmp'], ['remove the temp directory', 'rmdir /tmp'], ['remove the home folder', 'rm -r ~']]) assert.match(over(request, command), /itself, a folder of the system/, request);
  // What follows the folder says it is not the folder that goes.
  for (const request of ['remove the build folder from .gitignore', 'delete the build folder .o files', 'delete the build folder except the .o files', 'remove the build folder subfolders']) {
    assert.doesNotMatch(over(request, 'find build -type f -name x -delete'), /leaves the folder build in place/, request);
  }
  for (const request of ['clean the cache folder of .log files', 'empty the logs folder of .log files']) assert.doesNotMatch(over(request, "find cache logs -type f -name '*.log' -delete"), /leaves the folders/, request);
  for (const request of ['delete the tmp folder', 'remove tmp directory', 'Recursively and forcibly removes tmp folder']) {
    const command = await ws.plan(request);
    assert.doesNotMatch(command, /^(?:rm -r|rmdir) \/tmp\b/, `${request} → ${command}`);
  }
});
