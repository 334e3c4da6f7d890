// Files of no owner: "that do not belong to any user", "not owned by
// anyone", "with no group" are `-nouser` / `-nogroup`, and a plan that tests
// an owner instead (`! -user "$(id -un)"`, `-user anyone`) is set aside.
// Requests are generated from verbs, wordings and acts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exceedsIntent } from '../../server/src/planner/effectCheck';
import { ownerTests } from '../../server/src/planner/findConditions';
import { readIntent } from '../../server/src/planner/intent';
import { emptyWorkspace, readRequest } from '../../server/src/planner/requestFacts';
import { createPolicyEngine } from '../../server/src/policy';

const userWords = ['that do not belong to any user', "which don't belong to any user", 'that belong to no user', 'not owned by anyone', 'not owned by any user', 'with no owner', 'that does not have any owner', 'which are unowned'];
const groupWords = ['that do not belong to any group', 'that belong to no group', "which don't have any group"];
const leads = ['list the files in the current folder', 'find all files under src', 'delete all the files in the current folder', 'show every file in /srv'];

test('files of no user or group are read as -nouser or -nogroup, and never as an owner named "anyone"', () => {
  const wrong: string[] = [];
  for (const [words, test] of [[userWords, '-nouser'], [groupWords, '-nogroup']] as const) {
    for (const [i, said] of words.entries()) {
      const request = `${leads[i % leads.length]} ${said}`;
      const tests = ownerTests(readRequest(request, emptyWorkspace));
      if (!tests.includes(test) || tests.some((t) => /^-(?:user|group) /.test(t))) wrong.push(`${request}: ${tests.join(' ')}`);
    }
  }
  // An owner named is still one.
  for (const request of ['find files owned by alice', 'list the files that belong to root']) {
    if (ownerTests(readRequest(request, emptyWorkspace)).some((t) => /^-no/.test(t))) wrong.push(`${request}: read as no owner`);
  }
  assert.deepEqual(wrong, []);
});

test('a plan that tests an owner is set aside for a request about files of no owner', async () => {
  const engine = await createPolicyEngine();
  const wrong: string[] = [];
  for (const [i, said] of userWords.entries()) {
    const request = `${leads[i % leads.length]} ${said}`;
    const intent = readIntent(readRequest(request, emptyWorkspace));
    for (const [command, setAside] of [['find . ! -user "$(id -un)"', true], ['find . -user anyone', true], ['find . -type f -nouser', false]] as const) {
      const reasons = exceedsIntent(intent, engine.judge(command, { workspace: '/w', facts: true }), command);
      if (reasons.some((r) => /files of no user/.test(r)) !== setAside) wrong.push(`${request}: ${command} ${setAside ? 'kept' : 'set aside'}`);
    }
  }
  assert.deepEqual(wrong, []);
});
