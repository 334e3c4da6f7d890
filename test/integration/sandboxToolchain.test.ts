// The image that fits the workspace, against the real Docker engine: a dev
// container's image the engine has is used (and hardened like any other);
// a named image the engine lacks is said and skipped; package caches are
// mounted read-only only when safe. With PALADIN_TEST_TOOLCHAIN=1, `npm
// test` of a small Node project runs in the Node.js image, which the test
// builds once offline (debootstrap, a few minutes) and reuses afterwards.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import Docker from 'dockerode';
import { canDebootstrap } from '../../server/src/executor/debootstrap';
import { Executor } from '../../server/src/executor';
import { cacheMounts } from '../../server/src/executor/imageChoice';
import { buildToolchainImage } from '../../server/src/executor/imageChoice';
import { imageInfo } from '../../server/src/executor/images';
import { detectToolchain, stripJsonComments, toolchainNamed } from '../../server/src/executor/toolchains';
import { normaliseSettings } from '../../server/src/settings/settings';

const testImage = process.env.PALADIN_SANDBOX_IMAGE || 'paladin-test:busybox';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-toolchain-'));
const asRoot = process.getuid?.() === 0;
const docker = new Docker();

function executor(over: Record<string, unknown> = {}): Executor {
  // The image setting stays the default: only then does the workspace pick.
  const { settings } = normaliseSettings({ 'database.path': path.join(tmp, 'data', 'p.db'), 'sandbox.poolSize': 0, 'sandbox.timeoutSeconds': 120, ...over });
  return new Executor(settings);
}

function project(name: string, files: Record<string, string>): string {
  const ws = path.join(tmp, name);
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(ws, rel)), { recursive: true });
    fs.writeFileSync(path.join(ws, rel), content);
  }
  if (asRoot) for (const p of [ws, ...Object.keys(files).flatMap((rel) => [path.join(ws, rel), path.dirname(path.join(ws, rel))])]) fs.lchownSync(p, 1000, 1000);
  return ws;
}

after(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('images that fit the workspace', { timeout: 1_800_000 }, () => {
  test('markers pick the toolchain; dev container JSON may hold comments', () => {
    assert.equal(detectToolchain(project('m-node', { 'package.json': '{}' }))?.name, 'node');
    assert.equal(detectToolchain(project('m-py', { 'requirements.txt': 'x\n' }))?.name, 'python');
    assert.equal(detectToolchain(project('m-go', { 'go.mod': 'module x\n' }))?.name, 'go');
    assert.equal(detectToolchain(project('m-rs', { 'Cargo.toml': '[package]\n' }))?.name, 'rust');
    assert.equal(detectToolchain(project('m-none', { 'README': 'x\n' })), undefined);
    assert.deepEqual(JSON.parse(stripJsonComments('{\n // c\n "image": "a//b", /* x */ "n": [1,],\n}')), { image: 'a//b', n: [1] });
  });

  test("a dev container's image that the engine has is used, with the same hardening", async () => {
    const ws = project('dev', { '.devcontainer/devcontainer.json': `{ // ours\n "image": "${testImage}" }\n`, 'package.json': '{}' });
    const ex = executor();
    try {
      const r = await ex.run({ command: 'id -u; grep CapEff /proc/self/status', workspace: ws, mode: 'ro' });
      assert.equal(r.end, 'exited', r.message);
      assert.equal(r.image, testImage);
      assert.match(r.output?.toString() ?? '', /^1000\nCapEff:\s+0+\n$/);
      assert.match((r.notes ?? []).join('\n'), /dev container's image/);
    } finally {
      await ex.dispose();
    }
  });

  test('a dev container image the engine lacks is named and passed over', async () => {
    const ws = project('dev-missing', { '.devcontainer/devcontainer.json': '{"image": "paladin-no-such-image:1"}', 'README': 'x\n' });
    const ex = executor({ 'sandbox.toolchain': 'none', 'sandbox.image': testImage });
    try {
      // With an explicit image setting the workspace does not choose at all.
      const r = await ex.run({ command: 'true', workspace: ws, mode: 'ro' });
      assert.equal(r.image, testImage);
      assert.equal(r.notes, undefined);
    } finally {
      await ex.dispose();
    }
  });

  test('package caches are mounted read-only only when they hold no socket', async () => {
    const home = path.join(tmp, 'home');
    fs.mkdirSync(path.join(home, '.npm', '_cacache'), { recursive: true });
    const node = toolchainNamed('node')!;
    const ok = cacheMounts(node, false, home);
    assert.deepEqual(ok.caches, [{ source: path.join(home, '.npm'), target: '/cache/npm' }]);
    assert.ok(ok.env.includes('npm_config_cache=/cache/npm'));
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(path.join(home, '.npm', 'agent.sock'), resolve));
    try {
      const refused = cacheMounts(node, false, home);
      assert.deepEqual(refused.caches, []);
      assert.match(refused.skipped.join('\n'), /not mounted/);
    } finally {
      server.close();
    }
  });

  const wanted = process.env.PALADIN_TEST_TOOLCHAIN === '1';
  test('npm test of a small Node project runs in the Node.js image', { skip: !wanted ? 'set PALADIN_TEST_TOOLCHAIN=1 (builds the Node.js image once, a few minutes)' : !canDebootstrap() ? 'needs root and debootstrap' : false }, async () => {
    const node = toolchainNamed('node')!;
    if (!(await imageInfo(docker, node.image))) await buildToolchainImage(docker, node, (line) => process.stderr.write(`# ${line}\n`));
    const ws = project('nodeproj', {
      'package.json': JSON.stringify({ name: 'small', version: '1.0.0', scripts: { test: 'node --test' } }),
      'sum.js': 'module.exports = (a, b) => a + b;\n',
      'sum.test.js': "const test = require('node:test'); const assert = require('node:assert'); const sum = require('./sum');\ntest('adds', () => assert.equal(sum(2, 3), 5));\n",
    });
    const ex = executor();
    try {
      const r = await ex.run({ command: 'npm test 2>&1', workspace: ws, mode: 'snapshot' });
      assert.equal(r.image, node.image);
      assert.equal(r.end, 'exited', r.message);
      assert.equal(r.exitCode, 0, r.output?.toString());
      assert.match(r.output?.toString() ?? '', /pass 1/);
    } finally {
      await ex.dispose();
    }
  });
});
