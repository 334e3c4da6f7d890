// "list the files that are not executable" planned as `find . -perm -u+x`,
// "files not owned by root" as `find . ! -user "$(id -un)"`: a condition
// kept the other way round, or an owner other than the one named. Requests
// are built from parts (what is done, the files, the condition said either
// way round) and each answer is judged by the real policy.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exceedsIntent } from '../../server/src/planner/effectCheck';
import { readIntent } from '../../server/src/planner/intent';
import { readRequest, type WorkspaceNames } from '../../server/src/planner/requestFacts';
import { createPolicyEngine } from '../../server/src/policy';

const files = ['run.sh', 'notes.txt', 'logs/app.log'];
const ws: WorkspaceNames = { files: new Set(files), dirs: new Set(['logs', 'backup']), byBase: new Map(files.map((f) => [f.replace(/^.*\//, ''), f])), sameBase: new Map() };

// What is done to the files, and the find step's tail for it.
const acts: [string, string][] = [
  ['list the files', ''],
  ['show me the files under logs', ''],
  ['find every file', ''],
  ['copy the files', ' -exec cp -t backup {} +'],
  ['delete the files in logs', ' -delete'],
];
const actsTo: Record<string, string> = { 'copy the files': ' into backup' };

// The condition said plainly and turned around, with find tests that keep it.
const conditions: { plain: string[]; turned: string[]; tests: string[] }[] = [
  { plain: ['that are executable', 'which have execute permission', 'with the execute bit set'], turned: ['that are not executable', "which don't have execute permission", 'without execute permission', 'that lack the execute bit', 'that are non-executable'], tests: ['-perm -u+x', '-executable', '-perm /111', '-perm -100'] },
  { plain: ['that are readable', 'with read permission'], turned: ['that are not readable', 'that are unreadable', 'with no read permission'], tests: ['-readable', '-perm -o+r', '-perm -444'] },
  { plain: ['that are writable', 'which have write access'], turned: ["that aren't writable", 'without write access', 'that are unwritable'], tests: ['-writable', '-perm -u+w', '-perm /222'] },
  { plain: ['that are empty'], turned: ['that are not empty', 'that are non-empty', "that aren't empty"], tests: ['-empty'] },
  { plain: ['owned by root', 'that belong to root'], turned: ['not owned by root', 'that do not belong to root', "that aren't owned by root"], tests: ['-user root'] },
];

test('a condition kept the other way round from how the request says it is set aside, and kept as said it is not', async () => {
  const engine = await createPolicyEngine();
  const reasons = (request: string, command: string) => exceedsIntent(readIntent(readRequest(request, ws)), engine.judge(command, { workspace: '/w', facts: true }), command);
  const turnedReason = /but the request asks for what is( not)?$/;
  const wrong: string[] = [];
  let checked = 0;
  for (const [act, tail] of acts) {
    const start = /\blogs\b/.test(act) ? 'logs' : '.';
    for (const c of conditions) {
      for (const [said, turned] of [...c.plain.map((p) => [p, false] as const), ...c.turned.map((p) => [p, true] as const)]) {
        const request = `${act} ${said}${actsTo[act] ?? ''}`;
        for (const t of c.tests) {
          const kept = `find ${start} -type f ${turned ? '! ' : ''}${t}${tail}`;
          const other = `find ${start} -type f ${turned ? '' : '! '}${t}${tail}`;
          checked += 2;
          if (reasons(request, kept).some((r) => turnedReason.test(r))) wrong.push(`${request}: ${kept} set aside as turned around`);
          if (!reasons(request, other).some((r) => turnedReason.test(r))) wrong.push(`${request}: ${other} kept`);
        }
      }
    }
  }
  assert.ok(checked >= 400, `${checked} cases`);
  assert.deepEqual(wrong, []);
});

test('a mode the request makes is not a condition it picks files by, and a condition said both ways is left to the other checks', async () => {
  const engine = await createPolicyEngine();
  const reasons = (request: string, command: string) => exceedsIntent(readIntent(readRequest(request, ws)), engine.judge(command, { workspace: '/w', facts: true }), command).filter((r) => /but the request asks for what is/.test(r));
  const cases: [string, string][] = [
    ['make the scripts in logs executable', 'find logs -type f ! -perm -u+x -exec chmod +x {} +'],
    ['give the files in logs write permission', 'find logs -type f ! -perm -u+w -exec chmod u+w {} +'],
    ['make every file that is not executable executable', 'find . -type f ! -perm -u+x -exec chmod +x {} +'],
    ['remove the empty folders', 'find . -type d -empty -delete'],
    ['remove read permission from the files that are readable by others', 'find . -type f -perm -o+r -exec chmod o-r {} +'],
  ];
  for (const [request, command] of cases) assert.deepEqual(reasons(request, command), [], request);
});

test('a find tests the owner the request names, and the one asking as the shell names them', async () => {
  const engine = await createPolicyEngine();
  const reasons = (request: string, command: string) => exceedsIntent(readIntent(readRequest(request, ws)), engine.judge(command, { workspace: '/w', facts: true }), command).filter((r) => /^it tests the /.test(r));
  const wrong: string[] = [];
  let checked = 0;
  for (const owner of ['root', 'www-data', 'alice', 'deploy']) {
    for (const said of [`owned by ${owner}`, `owned by the user ${owner}`, `that belong to user ${owner}`, `whose owner is ${owner}`, `not owned by ${owner}`]) {
      for (const act of ['list the files', 'find everything under logs', 'copy the files into backup']) {
        const request = `${act} ${said}`;
        const sign = /\bnot\b/.test(said) ? '! ' : '';
        for (const [value, right] of [[owner, true], ['"$(id -un)"', false], ['"$USER"', false], [owner === 'root' ? 'alice' : 'root', false]] as const) {
          checked++;
          const command = `find . ${sign}-user ${value}`;
          if ((reasons(request, command).length === 0) !== right) wrong.push(`${request}: ${command} ${right ? 'set aside' : 'kept'}`);
        }
      }
    }
  }
  for (const said of ['owned by me', 'that belong to me', 'owned by the current user', 'that I own']) {
    const request = `list the files ${said}`;
    for (const [value, right] of [['"$(id -un)"', true], ['"$USER"', true], ['me', false], ['1000', false]] as const) {
      checked++;
      const command = `find . ${value === '1000' ? '-uid' : '-user'} ${value}`;
      if ((reasons(request, command).length === 0) !== right) wrong.push(`${request}: ${command} ${right ? 'set aside' : 'kept'}`);
    }
  }
  assert.ok(checked >= 200, `${checked} cases`);
  assert.deepEqual(wrong, []);
  // A uid for a named owner is judged only for root: `-uid 0` is root, any other uid is not.
  assert.deepEqual(reasons('list the files owned by root', 'find . -uid 0'), []);
  assert.equal(reasons('list the files owned by root', 'find . -uid 1000').length, 1);
  assert.deepEqual(reasons('list the files owned by alice', 'find . -uid 1001'), []);
  // A group tested as a user, and a user as a group.
  for (const [request, command, right] of [
    ['find all files that belong to group root', 'find . -group root', true],
    ['find all files that belong to group root', 'find . -user root', false],
    ['files in the group staff', 'find . -user staff', false],
    ['files owned by the group developers', 'find . -group developers', true],
    ['files owned by alice', 'find . -group alice', false],
    ['files owned by user alice and group staff', 'find . -user alice -group staff', true],
  ] as const) assert.equal(reasons(request, command).length === 0, right, `${request}: ${command}`);
});

test('a condition of one class of people, two turns, a find with -o, and every spelling of a mode bit', async () => {
  const engine = await createPolicyEngine();
  const turned = (request: string, command: string) => exceedsIntent(readIntent(readRequest(request, ws)), engine.judge(command, { workspace: '/w', facts: true }), command).filter((r) => /but the request asks for what is|^it tests the /.test(r));
  // Kept: each plan fits its request.
  for (const [request, command] of [
    ['show files that are not world-readable', 'find . -type f ! -perm -o+r'],
    ['list the files that are not group-writable', 'find . -type f ! -perm -g+w'],
    ['find files that are not unreadable', 'find . -type f -readable'],
    ['find files that are not only readable but also writable', 'find . -type f -readable -writable'],
    ['list files that are neither executable nor writable', 'find . -type f ! -executable ! -writable'],
    ['list the files that are not executable', 'find . -type f -perm /111 -prune -o -type f -print'],
    ['list the files owned by root or alice', 'find . \\( -user root -o -user alice \\)'],
    ['list files owned by bob:bob', 'find . -user bob -group bob'],
  ] as const) assert.deepEqual(turned(request, command), [], `${request}: ${command}`);
  // Set aside: the bit spelled without who, or after a slash.
  for (const [request, command] of [
    ['list files that have no execute permission', 'find . -type f -perm +x'],
    ['list files that are not executable', 'find . -type f -perm /x'],
    ['list files that are not writable', 'find . -type f -perm -w'],
    ['list files that are not readable', 'find . -type f -perm /a=r'],
  ] as const) assert.equal(turned(request, command).length, 1, `${request}: ${command}`);
});

test('an exclusion before a condition, or an owner turned after it, turns the condition around', async () => {
  const engine = await createPolicyEngine();
  const turned = (request: string, command: string) => exceedsIntent(readIntent(readRequest(request, ws)), engine.judge(command, { workspace: '/w', facts: true }), command).filter((r) => /but the request asks for what is/.test(r));
  const wrong: string[] = [];
  let checked = 0;
  const exclusions = ['unless they are {c}', 'except the ones that are {c}', 'other than those that are {c}', 'skipping the ones that are {c}', 'but not the {c} ones', 'excluding the {c} ones', 'ignoring those that are {c}'];
  for (const [c, test] of [['empty', '-empty'], ['executable', '-executable'], ['readable', '-readable'], ['writable', '-writable']]) {
    for (const e of exclusions) {
      for (const act of ['list the files', 'show every file in logs', 'copy the files into backup']) {
        const request = `${act} ${e.replace('{c}', c)}`;
        checked += 2;
        if (turned(request, `find . -type f ! ${test}`).length > 0) wrong.push(`${request}: ! ${test} set aside`);
        if (turned(request, `find . -type f ${test}`).length === 0) wrong.push(`${request}: ${test} kept`);
      }
    }
  }
  for (const owner of ['someone other than me', 'anyone but root', 'someone else']) {
    const request = `list the files owned by ${owner}`;
    checked += 2;
    const test = owner.endsWith('root') ? '-user root' : '-user "$(id -un)"';
    if (turned(request, `find . ! ${test}`).length > 0) wrong.push(`${request}: ! ${test} set aside`);
    if (turned(request, `find . ${test}`).length === 0) wrong.push(`${request}: ${test} kept`);
  }
  assert.ok(checked >= 150, `${checked} cases`);
  assert.deepEqual(wrong, []);
  // An exclusion turned again is the plain condition: "except those that are not empty".
  assert.deepEqual(turned('list the files except those that are not empty', 'find . -type f -empty'), []);
});

test('an exclusion of other things before a condition does not turn it', async () => {
  const engine = await createPolicyEngine();
  const turned = (request: string, command: string) => exceedsIntent(readIntent(readRequest(request, ws)), engine.judge(command, { workspace: '/w', facts: true }), command).filter((r) => /but the request asks for what is/.test(r));
  assert.deepEqual(turned('list all the files excluding the proc folder and excluding symbolic links which have write permission for the user', "find / -type f -perm -u+w -not -path '*/proc/*'"), []);
  assert.deepEqual(turned('show every file except the logs that are empty', 'find . -type f -empty'), []);
});
