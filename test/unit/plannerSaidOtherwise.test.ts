// Acts said in other words than an order: as a noun ("perform a deletion
// of …"), after manner words ("Recursively and forcibly removes …"), as a
// result written back ("sort f and output the result to f"), with an age
// said as "in more than 25 minutes ago", or on "all the regular/normal
// files". Each plan is run by bash on a scratch tree and the tree checked
// after; a hidden-file test nobody asked for is set aside.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { exceedsIntent } from '../../server/src/planner/effectCheck';
import { fallsShort } from '../../server/src/planner/fallsShort';
import { readIntent } from '../../server/src/planner/intent';
import { emptyWorkspace, readRequest } from '../../server/src/planner/requestFacts';
import { createPolicyEngine, type PolicyEngine } from '../../server/src/policy';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';
import { runInCopy, there } from '../support/scratchCopy';

let ws: PlannerWorkspace;
let engine: PolicyEngine;
before(async () => {
  engine = await createPolicyEngine();
  ws = await plannerWorkspace('said-otherwise', ['tmp', 'tmp/deep', 'src'], { 'tmp/core': 'c\n', 'tmp/deep/core': 'c\n', 'tmp/keep.txt': 'k\n', 'src/core.c': 'c\n', 'names.txt': 'pear\napple\nfig\n', 'a.txt': 'a\n', 'b.txt': 'b\n', '.hidden': 'h\n', 'src/old.txt': 'o\n' });
});
after(() => {
  ws.close();
});



test('an act said as a noun is that act: a deletion deletes, a backup copies', async () => {
  const wrong: string[] = [];
  const leads = ['Perform', 'Do a', 'Carry out a', 'perform a careful', 'do the white space safe'];
  for (const [i, lead] of leads.entries()) {
    const request = `${lead} ${['deletion', 'removal'][i % 2]} of files named core under tmp`;
    const command = await ws.plan(request);
    if (!command) {
      wrong.push(`${request} → abstained`);
      continue;
    }
    runInCopy(ws.workspace, command, (root) => {
      if (there(root, 'tmp/core') || there(root, 'tmp/deep/core') || !there(root, 'tmp/keep.txt') || !there(root, 'src/core.c')) wrong.push(`${request} → ${command}`);
    });
  }
  assert.deepEqual(wrong, []);
  for (const request of ['Recursively and forcibly removes the files named core in tmp', 'Silently, recursively deletes the files named core in tmp']) {
    assert.deepEqual(readIntent(readRequest(request, emptyWorkspace)).actions, ['delete'], request);
  }
});

test('a file sorted and written back to itself keeps all its lines, sorted', async () => {
  for (const request of ['Sort "names.txt" and output the result to "names.txt"', 'sort names.txt in place', 'sort names.txt and write the result back into the same file']) {
    const command = await ws.plan(request);
    assert.ok(command, `${request} → abstained`);
    runInCopy(ws.workspace, command, (root) => assert.equal(fs.readFileSync(path.join(root, 'names.txt'), 'utf8'), 'apple\nfig\npear\n', `${request} → ${command}`));
  }
});

test('"modified in more than N minutes ago" picks the older files, and all the regular files of one folder are all of them', async () => {
  const aged = (root: string) => {
    const old = new Date(Date.now() - 3600_000);
    for (const f of ['a.txt', 'src/old.txt']) fs.utimesSync(path.join(root, f), old, old);
  };
  for (const request of ["Delete all regular files with '.txt' extension that were modified in more than 25 minutes ago in the current folder only", 'delete the .txt files here that were modified more than 25 minutes ago, not in subfolders']) {
    const command = await ws.plan(request);
    assert.ok(command, `${request} → abstained`);
    runInCopy(ws.workspace, command, (root) => assert.ok(!there(root, 'a.txt') && there(root, 'b.txt') && there(root, 'src/old.txt') && there(root, 'names.txt'), `${request} → ${command}`), { prepare: aged });
  }
  const command = await ws.plan('Force delete all the regular/normal files in the src folder and do not search in the sub folders');
  runInCopy(ws.workspace, command, (root) => assert.ok(!there(root, 'src/core.c') && !there(root, 'src/old.txt') && there(root, 'src') && there(root, 'names.txt'), command));
});

test('hidden files are tested for only when the request speaks of them', () => {
  const over = (request: string, command: string) => exceedsIntent(readIntent(readRequest(request, emptyWorkspace)), engine.judge(command, { workspace: '/w', facts: true }), command).join('; ');
  for (const request of ['delete all the regular files in build', 'remove every file under cache', 'list the files in src']) {
    assert.match(over(request, "find . -type f -name '.*' -delete"), /hidden files/, request);
    assert.match(over(request, "find . -type f ! -name '.*'"), /leaves out hidden files/, request);
  }
  for (const request of ['delete the hidden files', 'list the dot files in src', 'remove the files whose names begin with a dot', 'list the files except the hidden ones']) {
    assert.doesNotMatch(over(request, "find . -type f -name '.*' -delete"), /hidden files \(/, request);
  }
});

test('an act said as a noun with a word that holds it back, or after a word of how often, orders nothing', () => {
  for (const request of ['run a dry run deletion of a.log', 'perform a simulated deletion of a.log', 'do a mock removal of the build folder', 'perform a test deletion of the .log files', 'execute a backup before removal of build', 'perform a backup prior to deletion of a.log', 'perform a safe removal of build by moving it to the trash', 'Weekly deletes the build folder', 'Usually removes the cache folder']) {
    assert.ok(!readIntent(readRequest(request, emptyWorkspace)).actions.includes('delete'), request);
  }
});

test('a sort keeps the order the request asks for, and the originals are kept in every wording', () => {
  const over = (request: string, command: string) => exceedsIntent(readIntent(readRequest(request, emptyWorkspace)), engine.judge(command, { workspace: '/w', facts: true }), command).join('; ');
  for (const [request, flag] of [['sort notes.txt numerically and save it to notes.txt', '-n'], ['sort notes.txt in reverse and write it back to notes.txt', '-r'], ['sort notes.txt uniquely and save it to notes.txt', '-u']]) {
    assert.match(over(request, 'sort -o notes.txt notes.txt'), /does not sort/, request);
    assert.equal(over(request, `sort ${flag} -o notes.txt notes.txt`), '', request);
  }
  for (const keep of ['; originals must be kept', 'and save the originals', 'but I still need the originals', ", don't lose the originals", 'without replacing them', ', the originals should stay']) {
    const request = `gzip the .log files${/^[;,]/.test(keep) ? '' : ' '}${keep}`;
    assert.match(over(request, "find . -name '*.log' -exec gzip {} +"), /replaces each original/, request);
  }
  for (const request of ['let deploy.sh execute', 'enable execution of deploy.sh', 'make the .sh files in scripts launchable', 'make all the scripts in src callable']) {
    assert.doesNotMatch(over(request, 'chmod +x deploy.sh'), /says nothing of them/, request);
  }
  for (const request of ['change directories to 755 in docs', 'change the directory to 755']) assert.ok(readIntent(readRequest(request, emptyWorkspace)).actions.includes('change'), request);
});

test("a permission taken from someone is a change of mode, never a delete of the file", async () => {
  for (const request of ["remove everyone's write on a.txt", "remove the group's write from a.txt", "remove others' read access from a.txt", "take away the world's execute on a.txt"]) {
    const intent = readIntent(readRequest(request, emptyWorkspace));
    assert.ok(!intent.actions.includes('delete'), request);
    const command = await ws.plan(request);
    assert.doesNotMatch(command, /\brm\b|-delete\b/, `${request} → ${command}`);
    if (command) runInCopy(ws.workspace, command, (root) => assert.ok(there(root, 'a.txt'), `${request} → ${command}`));
  }
});

test('what the request reads is kept: the text files hold, standard input, the order of a sorted listing', async () => {
  const over = (request: string, command: string) => exceedsIntent(readIntent(readRequest(request, emptyWorkspace)), engine.judge(command, { workspace: '/w', facts: true }), command).join('; ');
  for (const request of ['delete all the normal files in the current directory whcih have the word "gui" in their content.', 'remove the files whose content contains TODO', 'list the files containing the string "abc"']) {
    assert.match(over(request, 'find . -type f -delete'), /picks files by nothing they hold/, request);
    assert.match(over(request, 'find . -type f | grep abc'), /picks files by nothing they hold/, request);
    assert.doesNotMatch(over(request, 'grep -rlZ gui . | xargs -0 rm -f --'), /nothing they hold/, request);
  }
  assert.match(over('Numerically sort each line of standard input', 'ls -1'), /reads no standard input/);
  assert.equal(over('Numerically sort each line of standard input', 'sort -n'), '');
  const sorted = await ws.plan('find all the .txt files and reverse sort them');
  assert.match(sorted, /\| sort -r$/);
  runInCopy(ws.workspace, `${sorted} > out.lst`, (root) => {
    const lines = fs.readFileSync(path.join(root, 'out.lst'), 'utf8').trim().split('\n');
    assert.deepEqual(lines, [...lines].sort().reverse());
  });
});

test('a permission added is a change of mode: a look at the file does not do it', () => {
  const over = (request: string, command: string) => fallsShort(readIntent(readRequest(request, emptyWorkspace)), engine.judge(command, { workspace: '/w', facts: true })).join('; ');
  for (const request of ['Add executable permission to "pretty-print"', 'add write permission for the group to notes.txt', 'add execute permission to deploy.sh']) {
    assert.match(over(request, 'which pretty-print'), /changes no permissions|changes nothing/, request);
    assert.doesNotMatch(over(request, 'chmod +x pretty-print'), /changes no permissions/, request);
  }
});

test('a request that makes an archive or edits text never deletes with rm', () => {
  const over = (request: string, command: string) => exceedsIntent(readIntent(readRequest(request, emptyWorkspace)), engine.judge(command, { workspace: '/w', facts: true }), command).join('; ');
  for (const request of ['Create a gzip archive file ($tarFile) of all *.log files under $sourcePath', 'compress all the .txt files under src']) {
    for (const command of ["find src -type f -name '*.txt' -exec rm -f -- {} +", "find src -name '*.txt' -delete", 'rm -f src/old.txt']) assert.match(over(request, command), /deletes files \(/, `${request}: ${command}`);
  }
  // A replacement is held by its own checks ("it replaces nothing").
  for (const command of ["find src -type f -name '*.txt' -exec rm -f -- {} +", 'rm -f src/old.txt']) assert.notEqual(over('replace foo with bar in every .txt file', command), '', command);
  assert.doesNotMatch(over('compress the logs and remove the originals', 'gzip a.log && rm -f a.log'), /deletes files \(/);
});
