// Work on a value written in the request or held in a shell variable, and on
// the environment a program runs in, planned with the real store, knowledge
// and policy. A few planned string operations are run in the Debian test
// image, so what they print is checked, not only how they read.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stageMigrations } from '../../server/src/compose';
import { createPolicyStage } from '../../server/src/policy';
import { normaliseSettings } from '../../server/src/settings/settings';
import { openDatabase } from '../../server/src/store/database';
import { expectTurnedAway } from '../support/modelAnswers';
import { expectPlans, plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';
import { dockerHas } from '../support/dockerImage';

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('string-acts', ['src'], ['notes.txt', 'src/app.ts']);
});

after(() => w.close());

const expect = (cases: [string, RegExp][]) => expectPlans(w.plan, cases);

/** What a command prints in the Debian test image, with no network and the given variables set. */
function runInSandbox(command: string, env: Record<string, string> = {}): string {
  const set = Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
  return execFileSync('docker', ['run', '--rm', '--network', 'none', ...set, 'paladin-test:debian', 'bash', '-c', command], { encoding: 'utf8', timeout: 60_000 });
}

test('fields, characters, unique lines, escapes and replacements of a value given or named', () => expect([
  ['print the last dot-separated field of "mail.example.net"', /^echo mail\.example\.net \| awk -F\. '\{print \$NF\}'$/],
  ['split "k1;k2;k3" on ";" and show fields 1 and 2 separated by a space', /^echo 'k1;k2;k3' \| awk -F';' '\{print \$1, \$2\}'$/],
  ['keep the last 4 characters of "serial-0042"', /^echo serial-0042 \| rev \| cut -c 1-4 \| rev$/],
  ['print the second field of the comma separated string "p,q,r"', /^echo p,q,r \| cut -d, -f2$/],
  ['print the unique lines of $LEFT and $RIGHT', /^printf '%s\\n' "\$LEFT" "\$RIGHT" \| sort -u$/],
  ['print "one\\ntwo" with its \\n escapes turned into newlines', /^echo -e 'one\\ntwo'$/],
  ['replace "," with "\\r\\n" in "a,b"', /^echo a,b \| sed 's\/,\/\\r\\n\/g'$/],
  ['print the extension of the file named in $FILE', /^echo "\$FILE" \| (?:sed 's\/\.\*\\\.\/\/'|cut -d\. -f2)$/],
  ['convert $NAME to lower case', /^echo "\$NAME" \| tr '\[:upper:\]' '\[:lower:\]'$/],
]));

test('the environment: a program run without a variable, a variable set, a variable looked for', () => expect([
  ['run make in an environment without FOO', /^env -u FOO make$/],
  ['set the environment variable EDITOR to vim', /^export EDITOR=vim$/],
  ['show the name and value of PAGER if it exists', /^env \| grep '\^PAGER='$/],
  ['is the variable DEBUG set', /^env \| grep '\^DEBUG='$/],
]));

test('a value that is no plain word leaves the assignment a slot, never a name made of it', async () => {
  const command = await w.plan('Set the environment variable "DISPLAY" to the system host name followed by ":0 skype"');
  assert.doesNotMatch(command, /export\s+['"]/, `a quoted word is set: ${command}`);
  assert.match(command, /^export DISPLAY=/);
});

test('planned string operations print what was asked when they run', { skip: !dockerHas('paladin-test:debian') && 'image paladin-test:debian is not built (test/support/build-debian-image.sh)' }, async () => {
  assert.equal(runInSandbox(await w.plan('print the last dot-separated field of "mail.example.net"')), 'net\n');
  assert.equal(runInSandbox(await w.plan('keep the last 4 characters of "serial-0042"')), '0042\n');
  assert.equal(runInSandbox(await w.plan('print the unique lines of $LEFT and $RIGHT'), { LEFT: 'b\na', RIGHT: 'a\nc' }), 'a\nb\nc\n');
  assert.equal(runInSandbox(await w.plan('print the extension of the file named in $FILE'), { FILE: 'report.pdf' }), 'pdf\n');
  assert.equal(runInSandbox(await w.plan('split "k1;k2;k3" on ";" and show fields 1 and 2 separated by a space')), 'k1 k2\n');
});

test("a model's assignment to a word that is no variable name is set aside, and the embedded plan answers", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-assignment-'));
  const db = openDatabase(path.join(dir, 'paladin.db'), { migrations: stageMigrations });
  try {
    const policy = await createPolicyStage(db, normaliseSettings({ 'planner.cacheTtlSeconds': 0 }).settings);
    const [result] = await expectTurnedAway(db, policy, dir, [['set the environment variable DISPLAY to ":0"', "export ':0 skype'=DISPLAY", /not a variable name/]]);
    assert.match(result.command, /^export DISPLAY='?:0'?$/);
  } finally {
    db.close();
  }
});
