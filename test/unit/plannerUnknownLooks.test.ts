// A request to look, answered with a program the policy does not know: such a
// program may write a file it is given through any option or word (`pandoc
// -o`, `shfmt -w`, `tidy -m`, `stylua F`), so the answer cannot be shown to
// only look and is set aside. Programs the policy knows to only look are
// kept. Wordings and answers are built from parts and judged by the real
// policy.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exceedsIntent } from '../../server/src/planner/effectCheck';
import { readIntent } from '../../server/src/planner/intent';
import { readRequest, type WorkspaceNames } from '../../server/src/planner/requestFacts';
import { createPolicyEngine } from '../../server/src/policy';

const files = ['report.md', 'data.csv', 'page.html', 'run.sh', 'conf.xml'];
const ws: WorkspaceNames = { files: new Set(files), dirs: new Set(['out']), byBase: new Map(files.map((f) => [f, f])), sameBase: new Map() };
const looks = ['show me F', 'display F', 'print F', 'let me see F', 'view F', 'show the contents of F', 'look at F', 'i want to see F', 'read F to me'];
// Programs outside the policy's tables, each with a way to write and a way that only reads.
const strangers = ['pandoc F -o out.html', 'pandoc --output=F.pdf F', 'mlr -I --csv sort -f a F', 'shfmt -w F', 'tidy -m F', 'tidy -modify F', 'xsltproc -o out.xml x.xsl F', 'stylua F', 'perltidy -b F', 'uncrustify --replace F', 'nkf --overwrite F', 'pandoc -t plain F'];
const readers = ['cat F', 'head -n 20 F', 'less F', 'nl F', 'bat F', 'wc -l F', 'column -t F'];

test('a look answered with a program the policy does not know is set aside; known readers are kept', async () => {
  const engine = await createPolicyEngine();
  const stranger = /which Paladin does not know/;
  const wrong: string[] = [];
  let checked = 0;
  for (const l of looks) {
    for (const f of files) {
      const intent = readIntent(readRequest(l.replace('F', f), ws));
      for (const [answers, expect] of [[strangers, true], [readers, false]] as const) {
        for (const a of answers) {
          const command = a.replace(/F/g, f);
          const reasons = exceedsIntent(intent, engine.judge(command, { workspace: '/w', facts: true }), command);
          checked++;
          if (reasons.some((r) => stranger.test(r)) !== expect) wrong.push(`"${l.replace('F', f)}" => ${command}: ${reasons.join(' | ') || 'kept'}`);
        }
      }
    }
  }
  assert.ok(checked >= 500, `${checked} cases`);
  assert.deepEqual(wrong, []);
});

test('a request to change a file, or a look that names no file to the program, may still use one the policy does not know', async () => {
  const engine = await createPolicyEngine();
  const ip = exceedsIntent(readIntent(readRequest('what is my ip address', ws)), engine.judge('ip -brief address', { workspace: '/w', facts: true }), 'ip -brief address');
  assert.ok(!ip.some((r) => /which Paladin does not know/.test(r)), ip.join(' | '));
  for (const [request, command] of [['format run.sh with shfmt', 'shfmt -w run.sh'], ['convert report.md to html', 'pandoc report.md -o report.html']]) {
    const reasons = exceedsIntent(readIntent(readRequest(request, ws)), engine.judge(command, { workspace: '/w', facts: true }), command);
    assert.ok(!reasons.some((r) => /which Paladin does not know/.test(r)), `${request}: ${reasons.join(' | ')}`);
  }
});
