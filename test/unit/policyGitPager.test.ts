// `git -c core.pager=cat log` turns paging off for one run; it had been
// refused with the settings that make git run a program. A pager setting
// is harmless only when its value is a plain pager (cat, less, more) or
// turns paging off; any other value, any other setting that runs a
// program, and --config-env (whose value comes from the environment) are
// still refused. Cases are generated: key × value × spelling × subcommand.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { verdictsIn } from '../support/policyVerdicts';

const WS = '/home/dev/project';
const PAGER_KEYS = ['core.pager', 'pager.log', 'pager.diff', 'pager.show', 'pager.branch'];
const PLAIN = ['cat', 'less', 'more', 'false', 'true', ''];
const SPELLINGS: ((kv: string) => string)[] = [(kv) => `-c ${kv}`, (kv) => `-c '${kv}'`, (kv) => `-c "${kv}"`, (kv) => `-c${kv}`];
const LOOKS = ['log -3', 'diff', 'show HEAD', 'branch -a', 'blame notes.txt', 'status'];
const RUNNING = ['sh', 'bash', "'less +!id'", "'cat;id'", './cat', "'cat | sh'", "'less -R +!sh'", '"$(cat notes.txt)"', '/tmp/x', "'sh -c id'", 'cat*', '"$HOME/cat"'];

test('a pager setting that names a plain pager or turns paging off is allowed for a look', async () => {
  const verdict = await verdictsIn(WS);
  const refused: string[] = [];
  let n = 0;
  for (const key of PAGER_KEYS) for (const value of PLAIN) for (const spell of SPELLINGS) for (const look of LOOKS) {
    const line = `git ${spell(`${key}=${value}`)} ${look}`;
    n++;
    if (verdict(line) !== 'allow') refused.push(line);
  }
  assert.ok(n >= 700, `${n} cases`);
  assert.deepEqual(refused, []);
});

test('a pager that runs anything else, another setting that runs a program, and --config-env are refused', async () => {
  const verdict = await verdictsIn(WS);
  const allowed: string[] = [];
  const lines = [
    ...PAGER_KEYS.flatMap((key) => RUNNING.flatMap((value) => LOOKS.map((look) => `git -c ${key}=${value} ${look}`))),
    ...['core.editor', 'core.sshCommand', 'diff.x.textconv', 'core.fsmonitor', 'sequence.editor', 'alias.l=!cat #', 'credential.helper'].flatMap((key) => PLAIN.filter(Boolean).map((value) => `git -c ${key.includes('=') ? key : `${key}=${value}`} log`)),
    ...PLAIN.map((value) => `git --config-env=core.pager=${value || 'X'} log`),
    ...PLAIN.filter(Boolean).map((value) => `git -c core.pager=${value} -c core.sshCommand=sh fetch`),
    'p=sh; git -c core.pager=$p log',
  ];
  for (const line of lines) if (verdict(line) === 'allow') allowed.push(line);
  assert.ok(lines.length >= 400, `${lines.length} cases`);
  assert.deepEqual(allowed, []);
});

test('a pager setting whose value comes from a variable or a substitution is refused, whatever it would be while unset', async () => {
  const verdict = await verdictsIn(WS);
  const values = ['${P:-cat}', '${P-less}', '"${P:-more}"', '$P', '$(echo cat)', '`echo less`', '${P:+cat}'];
  const lines = PAGER_KEYS.flatMap((key) => values.flatMap((value) => LOOKS.map((look) => `git -c ${key}=${value} ${look}`)));
  lines.push(...values.map((value) => `p=cat; git -c core.pager=${value.replace('P', 'p')} log`));
  assert.ok(lines.length >= 200, `${lines.length} cases`);
  assert.deepEqual(lines.filter((line) => verdict(line) === 'allow'), []);
});
