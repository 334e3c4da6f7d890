// Build output and the workspace's parent read against a real workspace on
// disk: a delete that passes through a link (a trailing `/`, `/.`, a glob
// part, find -L/-H/-follow, `..` after a link or a glob) is not a delete of
// build output, and a folder that holds the workspace is refused however it
// is named (absolute path, pattern, a link to `..`, `$PWD` arithmetic).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { createPolicyEngine } from '../../server/src/policy';
import { describeCommand } from '../../server/src/policy/facts';
import type { Decision } from '../../server/src/protocol/types';

/** parent/ws with out/lnk -> ../.. (the parent), up -> .., node_modules/pkg -> ../src (a linked workspace package). */
function makeWorkspace(): { parent: string; ws: string } {
  const parent = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pal-links-')));
  const ws = path.join(parent, 'proj');
  for (const d of ['src', 'out/real', 'dist/real', 'build', 'node_modules/plain', 'target']) fs.mkdirSync(path.join(ws, d), { recursive: true });
  fs.writeFileSync(path.join(ws, 'src/index.ts'), 'export {};\n');
  fs.symlinkSync('../..', path.join(ws, 'out/lnk'));
  fs.symlinkSync('../..', path.join(ws, 'dist/back'));
  fs.symlinkSync('../../src', path.join(ws, 'build/srcs'));
  fs.symlinkSync('..', path.join(ws, 'up'));
  fs.symlinkSync('../src', path.join(ws, 'node_modules/pkg'));
  fs.symlinkSync('../src', path.join(ws, 'target/gen'));
  return { parent, ws };
}

const { parent, ws } = makeWorkspace();
after(() => fs.rmSync(parent, { recursive: true, force: true }));

async function verdicts(commands: string[]): Promise<Map<string, Decision>> {
  const engine = await createPolicyEngine();
  const out = new Map<string, Decision>();
  for (const c of commands) out.set(c, (await engine.check(c, { workspace: ws })).decision);
  return out;
}

async function expect(want: (d: Decision) => boolean, label: string, commands: string[]): Promise<void> {
  const wrong = [...(await verdicts(commands))].filter(([, d]) => !want(d)).map(([c, d]) => `${d}: ${c}`);
  assert.deepEqual(wrong, [], label);
}

/** Links inside build folders, spelled as paths to them. */
const LINKS: [folder: string, link: string][] = [['out', 'lnk'], ['dist', 'back'], ['build', 'srcs'], ['node_modules', 'pkg'], ['target', 'gen']];

function throughLinks(): string[] {
  const out: string[] = [];
  for (const [f, l] of LINKS) {
    const L = `${f}/${l}`;
    out.push(`rm -rf ${L}/`, `rm -r ${L}/`, `rm -fr ./${L}/`, `rm -rf ${L}/.`, `rm -rf ${L}//`, `rm -rf ${L}/*`, `rm -rf ${L}/.[!.]*`, `rm -rf -- ${L}/`, `rm --recursive --force ${L}/`);
    out.push(`rm -rf ${f}/*/`, `rm -rf ${f}/*/*`, `rm -rf ${f}/?${l.slice(1)}/`, `rm -rf ${f}/[${l[0]}]*/*`);
    out.push(`find ${L}/ -delete`, `find ${L}/. -delete`, `find -L ${f} -delete`, `find -H ${L} -delete`, `find ${f} -follow -delete`, `find -L ${f} -type f -delete`, `find -L ${f} -mindepth 1 -delete`);
    out.push(`find -L ${f} -exec rm -f {} +`, `find ${f} -follow -exec rm {} \\;`, `find -L ./${f} -name '*.ts' -delete`);
    out.push(`find ${f}/*/.. -delete`, `find ${L}/.. -delete`, `rm -rf ${L}/../*`, `rm -rf ${f}/*/../*`, `find ./${f}/*/../ -delete`);
    out.push(`cd ${f} && rm -rf ${l}/`, `cd ${f} && find -L . -delete`);
  }
  return out;
}

test('a delete through a link in build output is never allowed, however the link is reached; without a link it is', async () => {
  const cmds = throughLinks();
  assert.ok(cmds.length >= 150, `${cmds.length} spellings`);
  await expect((d) => d !== 'allow', 'not allow', cmds);
  const plain = ['out', 'dist', 'build', 'node_modules', 'target'].flatMap((f) => [`rm -rf ${f}`, `rm -rf ${f}/`, `rm -rf ./${f}`, `find ${f} -delete`, `rm -rf ${f}/*`]);
  await expect((d) => d === 'allow', 'allow', [...plain, 'rm -rf out/real', 'rm -rf out/real/', 'rm -rf dist/real/*', 'rm -rf node_modules/plain/', 'rm -rf node_modules/plain/*', 'rm -rf out/lnk', 'find out -type f -delete']);
});

test('a link followed back up past the workspace is refused', async () => {
  await expect((d) => d === 'deny', 'deny', ['rm -rf out/lnk/', 'find out/lnk/ -delete', 'rm -rf dist/back/.', 'find out/lnk/.. -delete', 'rm -rf out/lnk/../*', 'rm -rf up/', 'find up/ -delete', 'rm -rf up/.', 'rm -rf up/*', 'find node_modules/pkg/.. -delete']);
});

test("the workspace's parent is refused by its absolute path, a pattern, a link to it, or $PWD arithmetic", async () => {
  const up = path.dirname(parent);
  const abs = [parent, `${parent}/`, `${parent}/*`, `${parent}/.`, `${up}/${path.basename(parent).slice(0, 5)}*`, up, `${ws}/..`, `${ws}/../*`];
  const spelled = ['${PWD%/*}', '$(dirname "$PWD")', '"$(dirname $(pwd))"', '`dirname $PWD`', '$(realpath ..)', '"$(dirname "$(pwd -P)")"', '../.*', '$(dirname $PWD)/', '${PWD%/*}/*'];
  const cmds = [...abs, ...spelled].flatMap((p) => [`rm -rf ${p}`, `find ${p} -delete`, `rm -r ${p}`]);
  await expect((d) => d === 'deny', 'deny', cmds);
  await expect((d) => d !== 'allow', 'not allow', ['rm -rf $OLDPWD', 'find "$OLDPWD" -delete', 'rm -rf ~-']);
});

test('the facts say a path passed through a link, and where it leads when the link can be followed', () => {
  const del = (c: string) => describeCommand(c, { workspace: ws }).commands[0].deletes[0];
  assert.ok(del('rm -rf node_modules/pkg/').classes.includes('through-link'));
  assert.equal(del('rm -rf node_modules/pkg/').resolved, 'src');
  assert.ok(del('rm -rf out/lnk/').classes.includes('workspace-ancestor'));
  assert.ok(!del('rm -rf out/lnk').classes.includes('through-link'), 'the link itself goes, not what it points to');
  assert.ok(!del('rm -rf out/real/').classes.includes('through-link'));
  assert.ok(del('find out/*/.. -delete').classes.includes('through-link'), 'a glob followed by .. is not known');
});

test('a change after `cd` (or pushd, env -C) into a link is judged where the link leads', async () => {
  const acts = ['rm -rf victim', 'rm -f victim', 'touch victim', 'mkdir victim', 'find . -delete', 'cp src/index.ts victim', 'echo x > victim'];
  const into = ['cd out/lnk', 'cd out/lnk/', 'cd ./out/lnk', 'pushd out/lnk', 'cd up', 'cd dist/back'];
  const cmds = into.flatMap((cd) => acts.flatMap((a) => [`${cd}; ${a}`, `${cd} && ${a}`, `(${cd} && ${a})`]));
  assert.ok(cmds.length >= 120, `${cmds.length} spellings`);
  await expect((d) => d !== 'allow', 'not allow', cmds);
  // Into a real folder of build output, a delete there stays allowed; the link itself may go.
  await expect((d) => d === 'allow', 'allow', ['cd out; rm -rf victim', 'cd out/real && rm -rf x', 'cd out && rm -rf lnk']);
});

test('a pattern that matches `..` (`.*`, `.?`, `.[.]`) reaches the folder above the one it is in', async () => {
  const dots = ['.*', '.?', '.[.]', '.[!x]', '.[.]*'];
  await expect((d) => d === 'deny', 'deny', dots.flatMap((g) => [`rm -rf ${g}`, `rm -r ${g}`]));
  await expect((d) => d !== 'allow', 'not allow', [...dots.flatMap((g) => [`touch ${g}/victim`, `mkdir -p ${g}/victim`, `rm -rf out/${g}`, `cp src/index.ts ${g}/`]), 'rm -rf out/*/x']);
  // Patterns that cannot match `..` are judged as before.
  await expect((d) => d === 'allow', 'allow', ['rm -rf out/*', 'ls .*', 'touch .gitkeep']);
  const del = (c: string) => describeCommand(c, { workspace: ws }).commands[0].writes[0];
  assert.ok(del('touch .*/victim').classes.includes('unknown-location'), 'past `..` by a pattern, the place is not known');
});

test('a change after cd, pushd, env -C or a subshell cd into a link is judged where the link leads', async () => {
  const ways = ['cd {l} && {a}', 'cd {l}; {a}', '(cd {l} && {a})', 'pushd {l} && {a}', 'env -C {l} {a}', "sh -c 'cd {l} && {a}'", 'cd -P {l} && {a}'];
  const acts = ['rm -rf victim', 'touch victim', 'mkdir victim', 'find . -delete', 'rm -rf *', 'rm -rf ../victim'];
  const cmds = ['out/lnk', 'out/lnk/', 'up', './up', 'dist/back'].flatMap((l) => ways.flatMap((w) => acts.map((a) => w.replace('{l}', l).replace('{a}', a))));
  await expect((d) => d !== 'allow', 'not allow', cmds);
  await expect((d) => d === 'allow', 'allow', ['cd out/real && touch x', 'cd out/real && rm -rf x', '(cd out && mkdir new)', 'env -C out/real rm -rf x']);
});
