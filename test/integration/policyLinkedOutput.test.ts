// The build-output allowance and the ancestor rule against a real workspace
// with real links (a build folder holding a link back up, a package that
// npm/pnpm/yarn workspaces link into node_modules, a link to `..`). Each
// command is first run in a scratch copy to show what it really deletes; the
// policy must then never allow one that reaches past build output, refuse one
// that takes the workspace's parent, and still allow plain build-output deletes.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { createPolicyEngine } from '../../server/src/policy';

const roots: string[] = [];
after(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));

/** root/g1/g2/parent/ws: two guard folders above the parent keep every command inside the scratch root. */
function scratch(): { parent: string; ws: string } {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pal-linked-')));
  roots.push(root);
  const parent = path.join(root, 'g1/g2/parent');
  const ws = path.join(parent, 'ws');
  for (const d of ['src', 'out/obj', 'dist', 'node_modules/react']) fs.mkdirSync(path.join(ws, d), { recursive: true });
  fs.writeFileSync(path.join(parent, 'beside.txt'), 'another project\n');
  fs.writeFileSync(path.join(ws, 'src/index.ts'), 'export {};\n');
  fs.writeFileSync(path.join(ws, 'README.md'), '# ws\n');
  fs.writeFileSync(path.join(ws, 'out/obj/a.o'), 'o\n');
  fs.writeFileSync(path.join(ws, 'dist/app.js'), 'js\n');
  fs.writeFileSync(path.join(ws, 'node_modules/react/index.js'), 'dep\n');
  fs.symlinkSync('../..', path.join(ws, 'out/lnk'));
  fs.symlinkSync('../src', path.join(ws, 'node_modules/mypkg'));
  fs.symlinkSync('..', path.join(ws, 'up'));
  return { parent, ws };
}

/** What running the command in a fresh scratch copy took away: the sources, the parent's other files, or only build output. */
function runAndSee(command: string): { reachedSources: boolean; reachedParent: boolean } {
  const { parent, ws } = scratch();
  try {
    execFileSync('bash', ['-c', command], { cwd: ws, stdio: 'ignore', timeout: 10_000 });
  } catch {
    // rm and find report what they could not remove; what they did remove is what counts.
  }
  return { reachedSources: ['src/index.ts', 'README.md'].some((f) => !fs.existsSync(path.join(ws, f))), reachedParent: !fs.existsSync(path.join(parent, 'beside.txt')) };
}

const REACH = [
  'rm -rf out/lnk/', 'rm -r out/lnk/', 'rm -rf out/*/', 'rm -rf out/*/*', 'rm -rf out/lnk/*', 'find out/lnk/ -delete', 'find out/lnk/. -delete', 'find -H out/lnk -delete',
  'find -L out -delete', 'find -L out -type f -delete', 'find out -follow -delete', 'find out/*/.. -delete', 'find out/lnk/.. -delete', 'rm -rf out/lnk/../*',
  'rm -rf node_modules/mypkg/', 'rm -rf node_modules/*/', 'rm -rf node_modules/*/*', 'find -L node_modules -delete', 'find node_modules/mypkg/ -delete',
  'find node_modules/*/.. -delete', 'find node_modules/mypkg/.. -delete', 'rm -rf node_modules/mypkg/../*',
];

test('a delete that really reaches past build output through a link is never allowed', async () => {
  const engine = await createPolicyEngine();
  const wrong: string[] = [];
  for (const c of REACH) {
    const seen = runAndSee(c);
    assert.ok(seen.reachedSources || seen.reachedParent, `the scratch run of ${c} should reach past build output`);
    const { ws } = scratch();
    const d = (await engine.check(c, { workspace: ws })).decision;
    // Through a named link the target is known: the parent is refused. Through a glob or find -L it is not known: asked.
    const named = !/\*|-L|-follow/.test(c);
    if (d === 'allow' || (seen.reachedParent && named && d !== 'deny')) wrong.push(`${d}: ${c}`);
  }
  assert.deepEqual(wrong, []);
});

test("the workspace's parent, however it is named, is refused; plain build output is still allowed", async () => {
  const engine = await createPolicyEngine();
  const { parent, ws } = scratch();
  const wrong: string[] = [];
  for (const c of [`rm -rf ${parent}`, `find ${parent} -delete`, `rm -rf ${parent}/*`, 'rm -rf up/', 'find up/ -delete', 'rm -rf ${PWD%/*}', 'rm -rf $(dirname "$PWD")', 'find "$(dirname $(pwd))" -delete', 'rm -rf $(realpath ..)']) {
    const d = (await engine.check(c, { workspace: ws })).decision;
    if (d !== 'deny') wrong.push(`${d}: ${c}`);
  }
  for (const c of ['rm -rf out', 'rm -rf dist/', 'rm -rf out/obj/', 'rm -rf node_modules/react/', 'find out -delete', 'rm -rf out/lnk']) {
    const seen = runAndSee(c);
    assert.ok(!seen.reachedSources && !seen.reachedParent, `${c} takes only build output`);
    const d = (await engine.check(c, { workspace: ws })).decision;
    if (d !== 'allow') wrong.push(`${d}: ${c}`);
  }
  assert.deepEqual(wrong, []);
});
