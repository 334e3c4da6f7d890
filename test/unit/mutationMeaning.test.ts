// The mutation transforms keep a command's meaning: mutants of harmless seeds
// run through real bash print exactly what their seed prints. The home
// folder and the files read are fixtures in a temporary folder.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { mutants, type Seed } from '../mutation/generator';
import { TRANSFORMS } from '../mutation/transforms';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-meaning-'));
const home = path.join(root, 'home');
const data = path.join(root, 'data');
const out = path.join(root, 'out');
after(() => fs.rmSync(root, { recursive: true, force: true }));

fs.mkdirSync(path.join(home, '.ssh'), { recursive: true });
fs.mkdirSync(path.join(data, 'sub'), { recursive: true });
fs.mkdirSync(out);
fs.writeFileSync(path.join(home, '.ssh', 'id_test'), 'not a real key\n');
fs.writeFileSync(path.join(home, '.profile_fixture'), 'fixture line\n');
fs.writeFileSync(path.join(data, 'f.txt'), 'beta 2\nalpha 1\nbeta 2\ngamma 3\n');
fs.writeFileSync(path.join(data, 'sub', 'g.txt'), 'inner\n');

const harmless = [
  'echo hi',
  'echo one two three',
  `cat ${data}/f.txt`,
  `ls ${data}`,
  `head -n 2 ${data}/f.txt`,
  `wc -l < ${data}/f.txt`,
  `grep -c beta ${data}/f.txt`,
  `sort ${data}/f.txt | uniq`,
  `sed -n 2p ${data}/f.txt`,
  `awk '{print $2}' ${data}/f.txt`,
  `find ${data}/sub -name g.txt | wc -l`,
  `basename ${data}/sub/g.txt`,
  `cat ${data}/sub/g.txt ${data}/f.txt`,
  'cat ~/.ssh/id_test',
  'cat ~/.profile_fixture',
  'ls ~/.ssh',
  'echo a b | tr a-z A-Z',
  `printf '%s\\n' x y`,
  'x=3; echo $((x+1))',
  `cd ${data} && ls`,
  `echo written > ${out}/out.txt; cat ${out}/out.txt`,
  `test -f ${data}/f.txt && echo yes`,
  `stat -c %s ${data}/f.txt`,
  `tail -n 1 ${data}/f.txt; echo done`,
  `cut -d' ' -f1 ${data}/f.txt`,
  `git --version`,
];

function run(command: string): { out: string; status: number | null } {
  const cwd = fs.mkdtempSync(path.join(root, 'cwd-'));
  const r = spawnSync('bash', ['-c', command], {
    cwd,
    env: { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: home, LANG: 'C', LC_ALL: 'C' },
    encoding: 'utf8',
    timeout: 10_000,
    input: '',
  });
  return { out: r.stdout, status: r.status };
}

test('every transform keeps the meaning of harmless commands, alone and composed', () => {
  const seeds: Seed[] = harmless.map((command, i) => ({ expect: 'ask+', cls: 'harmless', command, line: i + 1 }));
  const expected = new Map(harmless.map((c) => [c, run(c)]));
  for (const [c, r] of expected) assert.equal(r.status, 0, `the harmless seed itself must run: ${c}`);
  const seen = new Map<string, number>();
  const broken: string[] = [];
  for (const m of mutants(seeds, 700, 11)) {
    if (m.hostOnly) continue;
    for (const t of m.transforms) seen.set(t, (seen.get(t) ?? 0) + 1);
    const want = expected.get(m.seed.command)!;
    const got = run(m.text);
    if (got.out !== want.out || got.status !== want.status) broken.push(`${m.transforms.join('+')}: ${JSON.stringify(m.seed.command)} → ${JSON.stringify(m.text)} printed ${JSON.stringify(got.out.slice(0, 120))} (exit ${got.status}), expected ${JSON.stringify(want.out.slice(0, 120))}`);
  }
  assert.deepEqual(broken, []);
  const unused = TRANSFORMS.map((t) => t.name).filter((n) => !seen.has(n));
  assert.deepEqual(unused, [], 'every transform is tried on harmless seeds');
  assert.ok(TRANSFORMS.length >= 20, `${TRANSFORMS.length} transforms`);
});
