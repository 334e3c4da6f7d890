// The compiled policy must come from the Rego sources in the tree: the hash
// recorded beside policy.wasm has to match them, or someone changed a rule
// without running `npm run build:policies`.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import * as tar from 'tar-stream';
import { extractPolicyWasm } from '../../server/src/policy/opaCompiler';
import { hashPolicyBuild, hashSources, packageRoot, policyPaths, recordedHash, regoSources } from '../../server/src/policy/policyFiles';

test('policy.wasm was built from the Rego sources in the tree', () => {
  const paths = policyPaths();
  assert.ok(fs.existsSync(paths.wasm), `${paths.wasm} is missing: run npm run build:policies`);
  const recorded = recordedHash(paths.hashFile);
  assert.ok(recorded, `${paths.hashFile} is missing: run npm run build:policies`);
  assert.equal(hashPolicyBuild(paths), recorded, 'The Rego sources (or the build step policies/memberSets.ts) changed since policies/build/policy.wasm was built: run `npm run build:policies` and commit the result.');
});

test('the committed policy.wasm is a WebAssembly module with the decision entrypoint', async () => {
  const bytes = fs.readFileSync(policyPaths().wasm);
  assert.ok(WebAssembly.validate(bytes));
  const { loadPolicy } = await import('@open-policy-agent/opa-wasm');
  const policy = await loadPolicy(bytes);
  assert.ok(Object.keys(policy.entrypoints as Record<string, number>).includes('paladin/decision'));
});

test('the source hash changes with any rule and ignores tests', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-rego-'));
  fs.cpSync(policyPaths().sources, dir, { recursive: true });
  const before = hashSources(dir);
  assert.equal(before, hashSources(policyPaths().sources));
  fs.appendFileSync(path.join(dir, 'fs_test.rego'), '\n# a comment in a test\n');
  assert.equal(hashSources(dir), before, 'tests are not compiled, so they do not count');
  fs.appendFileSync(path.join(dir, 'fs.rego'), '\n# a changed rule\n');
  assert.notEqual(hashSources(dir), before);
  assert.ok(regoSources(dir).every((f) => !f.endsWith('_test.rego')));
});

test('only /policy.wasm is taken out of an OPA bundle', async () => {
  const pack = tar.pack();
  pack.entry({ name: '/data.json' }, '{}');
  pack.entry({ name: '/policies/x.rego' }, 'package x');
  pack.entry({ name: '/policy.wasm' }, Buffer.from([0, 97, 115, 109]));
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const c of pack) chunks.push(c as Buffer);
  const wasm = await extractPolicyWasm(gzipSync(Buffer.concat(chunks)));
  assert.deepEqual([...wasm], [0, 97, 115, 109]);
  const empty = tar.pack();
  empty.entry({ name: '/data.json' }, '{}');
  empty.finalize();
  const e: Buffer[] = [];
  for await (const c of empty) e.push(c as Buffer);
  await assert.rejects(extractPolicyWasm(gzipSync(Buffer.concat(e))), /no \/policy.wasm/);
});

test('the install folder is found from the bundle folder and from the sources', () => {
  const root = packageRoot();
  assert.equal(packageRoot(path.join(root, 'dist')), root);
  assert.equal(packageRoot(path.join(root, 'server', 'src', 'policy')), root);
  assert.throws(() => packageRoot(os.tmpdir()), /package.json named "paladin"/);
});
