// Words of a delete that choose what goes and how: a glob written out ("all
// *~ files", "the tmp_* ones") is kept by the plan, a delete asked to
// confirm each file asks (`find -ok`, `rm -i`), a word inside a name
// ("/empty_dir/", "blank.txt") states no emptiness, and a file looked for by
// name is not searched for inside the files. Requests are generated; plans
// are run by bash on scratch trees, with the answers to any prompt given.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { statedEmptiness } from '../../server/src/planner/statedEmptiness';
import { exceedsIntent } from '../../server/src/planner/effectCheck';
import { readIntent } from '../../server/src/planner/intent';
import { emptyWorkspace, readRequest } from '../../server/src/planner/requestFacts';
import { createPolicyEngine, type PolicyEngine } from '../../server/src/policy';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let ws: PlannerWorkspace;
let engine: PolicyEngine;
before(async () => {
  engine = await createPolicyEngine();
  ws = await plannerWorkspace('delete-words', ['src'], ['src/a.txt', 'src/a.txt~', 'src/tmp_1.log', 'src/keep.log', 'notes.md']);
});
after(() => ws.close());

const files = ['src/a.txt', 'src/a.txt~', 'src/b.md~', 'src/tmp_1.log', 'src/tmp_2.log', 'src/keep.log', 'notes.md'];

/** Runs `command` on a scratch copy of `files`, answering `answer` to every prompt; returns what is left. */
function runOn(command: string, answer = 'y'): string[] {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-delete-words-'));
  try {
    for (const f of files) {
      fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
      fs.writeFileSync(path.join(root, f), 'x\n');
    }
    execFileSync('bash', ['-c', command], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'], input: `${answer}\n`.repeat(20) });
    return files.filter((f) => fs.existsSync(path.join(root, f)));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

const verbs = ['delete', 'remove', 'get rid of', 'erase'];
const globs: [string, string[]][] = [['*~', ['src/a.txt~', 'src/b.md~']], ['tmp_*', ['src/tmp_1.log', 'src/tmp_2.log']]];

test('a delete of a glob written out deletes exactly the files it matches', async () => {
  const wrong: string[] = [];
  for (const [i, verb] of verbs.entries()) {
    for (const [j, [glob, matched]] of globs.entries()) {
      const request = `${verb} ${['all', 'all the', 'every', 'the'][(i + j) % 4]} ${glob} files ${['under src', 'in src', 'in the src folder', 'below src'][(i * 2 + j) % 4]}`;
      const command = await ws.plan(request);
      const left = command ? runOn(command) : files;
      const gone = files.filter((f) => !left.includes(f));
      if (!command || JSON.stringify(gone) !== JSON.stringify(matched)) wrong.push(`${request} → ${command || 'abstained'}: deleted ${gone.join(', ') || 'nothing'}`);
    }
  }
  assert.deepEqual(wrong, []);
  // A plan that drops the glob is set aside.
  const intent = readIntent(readRequest('remove all *~ files in src', { ...emptyWorkspace, dirs: new Set(['src']) }));
  for (const command of ['find src -type f -delete', 'grep -rl confirmation src | xargs -r rm --', 'rm -f src/*']) {
    assert.ok(exceedsIntent(intent, engine.judge(command, { workspace: '/w', facts: true }), command).some((r) => /leaves out the names/.test(r)), command);
  }
});

test('a delete asked to confirm each file asks before each, and deletes nothing when every answer is no', async () => {
  const wrong: string[] = [];
  const asks = ['with confirmation', 'with a confirmation prompt', 'interactively', 'asking before each one', 'prompting for each file'];
  for (const [i, ask] of asks.entries()) {
    for (const [j, [glob, matched]] of globs.entries()) {
      const request = `${verbs[(i + j) % verbs.length]} all ${glob} files under src ${ask}`;
      const command = await ws.plan(request);
      if (!command) continue; // abstaining is allowed; deleting without asking is not
      const kept = runOn(command, 'n');
      const taken = runOn(command, 'y');
      const gone = files.filter((f) => !taken.includes(f));
      if (kept.length !== files.length || JSON.stringify(gone) !== JSON.stringify(matched)) wrong.push(`${request} → ${command}: with "n" left ${kept.length}/${files.length}, with "y" deleted ${gone.join(', ')}`);
    }
  }
  assert.deepEqual(wrong, []);
  const intent = readIntent(readRequest('delete all .log files under src with a confirmation prompt', { ...emptyWorkspace, dirs: new Set(['src']) }));
  for (const [command, asks] of [["find src -name '*.log' -delete", false], ["find src -name '*.log' -exec rm -f {} +", false], ["find src -name '*.log' -ok rm {} \\;", true], ["find src -name '*.log' -exec rm -i {} +", true]] as [string, boolean][]) {
    const set = exceedsIntent(intent, engine.judge(command, { workspace: '/w', facts: true }), command).some((r) => /without asking/.test(r));
    assert.equal(set, !asks, command);
  }
  // ... and "without asking" asks nothing.
  const quiet = readIntent(readRequest('delete all .log files under src without asking for confirmation', { ...emptyWorkspace, dirs: new Set(['src']) }));
  assert.ok(!exceedsIntent(quiet, engine.judge("find src -name '*.log' -delete", { workspace: '/w', facts: true }), '').some((r) => /without asking/.test(r)));
});

test('"empty" or "blank" inside a name or a path states no emptiness; said of the files, it does', () => {
  const wrong: string[] = [];
  for (const name of ['/empty_dir/', 'empty_dir', 'empty-notes.md', 'blank.txt', '/tmp/empty', 'src/blank_pages', '~/empty.d']) {
    for (const lead of ['change the owner of all files in {n} to root', 'delete every file under {n}', 'list the files in {n}']) {
      const request = lead.replace('{n}', name);
      if (statedEmptiness(request.toLowerCase()) !== undefined) wrong.push(`${request}: read as stating emptiness`);
    }
  }
  for (const request of ['delete the files that are empty.', 'find empty files in src', 'remove the blank files under docs', 'list all empty folders in /tmp/empty']) {
    if (statedEmptiness(request) !== 'empty') wrong.push(`${request}: emptiness not read`);
  }
  assert.deepEqual(wrong, []);
});

test('a file looked for by its name is never searched for inside the files', () => {
  const wrong: string[] = [];
  const leads = ['search the system for the file {q}{n}{q}', 'look for a file called {q}{n}{q}', 'find the file {q}{n}{q} ignoring permission errors', 'locate any file named {q}{n}{q}', 'where is the file {q}{n}{q}'];
  for (const [i, lead] of leads.entries()) {
    for (const [j, name] of ['myfile', 'foo.bar', 'report-2024.pdf'].entries()) {
      const q = ['"', "'", ''][(i + j) % 3];
      const request = lead.replace(/\{q\}/g, q).replace('{n}', name);
      const intent = readIntent(readRequest(request, emptyWorkspace));
      for (const command of [`grep -rn ${name} .`, `grep -rl ${name} /`]) {
        if (!exceedsIntent(intent, engine.judge(command, { workspace: '/w', facts: true }), command).some((r) => /looks for a file of that name/.test(r))) wrong.push(`${request}: ${command} kept`);
      }
      const find = `find . -name ${name}`;
      if (exceedsIntent(intent, engine.judge(find, { workspace: '/w', facts: true }), find).some((r) => /looks for a file of that name/.test(r))) wrong.push(`${request}: ${find} set aside`);
    }
  }
  assert.deepEqual(wrong, []);
});
