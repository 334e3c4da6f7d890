// Names that are not things to make or delete: "remove the last two file
// extensions from "mpc-1.0.1.tar.gz"" works on the name and deletes nothing;
// a folder is never made for a name the request calls a file ("all
// 'text.txt' files") or for a link ("a symbolic link named latest").
// Requests are generated; plans are judged by the real policy.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exceedsIntent } from '../../server/src/planner/effectCheck';
import { readIntent } from '../../server/src/planner/intent';
import { emptyWorkspace, readRequest } from '../../server/src/planner/requestFacts';
import { createPolicyEngine } from '../../server/src/policy';

test('extensions taken off a name are no delete, however many and however described', () => {
  const wrong: string[] = [];
  const verbs = ['remove', 'strip', 'delete', 'get rid of'];
  const parts = ['the extension', 'the last two extensions', 'the last two alphanumeric file extensions', 'both extensions', 'the trailing extension', 'the final 2 extensions', 'the .gz suffix'];
  for (const [i, verb] of verbs.entries()) {
    for (const [j, part] of parts.entries()) {
      if ((i + j) % 2 === 1) continue;
      const name = ['"mpc-1.0.1.tar.gz"', 'backup.tar.gz', "'$file'"][(i + j) % 3];
      const request = `${verb} ${part} from ${name}`;
      const intent = readIntent(readRequest(request, emptyWorkspace));
      if (intent.actions.includes('delete')) wrong.push(`${request}: read as a delete`);
    }
  }
  // A folder of files is another matter: "remove the .log extensions from logs/" renames files in it.
  assert.ok(readIntent(readRequest('remove the .log extensions from logs/', emptyWorkspace)).actions.length > 0);
  assert.deepEqual(wrong, []);
});

test('no folder is made for a name the request calls a file, nor for a link', async () => {
  const engine = await createPolicyEngine();
  const wrong: string[] = [];
  const cases: [string, string][] = [
    ["append the folder name to all 'text.txt' files in all sub directories", 'mkdir -p text.txt'],
    ['add a line to every notes.md file under the docs directory', 'mkdir -p notes.md'],
    ['create a symbolic link named latest in the target directory', 'mkdir -p target/latest'],
    ['make a symlink called current pointing to the releases folder', 'mkdir -p current'],
    ['create a soft link named app to the build directory', 'mkdir -p app'],
  ];
  for (const [request, command] of cases) {
    const reasons = exceedsIntent(readIntent(readRequest(request, emptyWorkspace)), engine.judge(command, { workspace: '/w', facts: true }), command);
    if (!reasons.some((r) => /makes (?:a )?folders?/.test(r))) wrong.push(`${request}: ${command} kept`);
  }
  // A folder asked for is still made.
  for (const [request, command] of [['create the folder backup in the target directory', 'mkdir -p target/backup'], ['make a directory called links', 'mkdir -p links']] as const) {
    const reasons = exceedsIntent(readIntent(readRequest(request, emptyWorkspace)), engine.judge(command, { workspace: '/w', facts: true }), command);
    if (reasons.some((r) => /makes (?:a )?folders?/.test(r))) wrong.push(`${request}: ${command} set aside: ${reasons.join('; ')}`);
  }
  assert.deepEqual(wrong, []);
});
