// The policy is compiled from a copy of its sources whose membership tests
// are rewritten as lookups in a data document (policies/memberSets.ts). This
// compiles the sources both as written and rewritten, and holds the two to
// the same decision document on every command of the corpora and thousands
// of generated attack mutants; without its data document, the rewritten
// policy refuses everything.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { loadPolicySync } from '@open-policy-agent/opa-wasm';
import { writeCompiledCopy } from '../../policies/build';
import { compileWasm } from '../../server/src/policy/opaCompiler';
import { policyPaths } from '../../server/src/policy/policyFiles';
import { describeCommand, PolicyEngine } from '../../server/src/policy';
import { loadSeeds, mutants } from '../mutation/generator';
import { readCorpus } from '../support/corpora';

test('the rewritten policy decides exactly as the policy as written', async () => {
  const paths = policyPaths();
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-member-sets-'));
  try {
    const { rewritten, data } = writeCompiledCopy(paths.sources, copy);
    fs.rmSync(path.join(copy, 'data.json'));
    assert.ok(rewritten > 50, `only ${rewritten} membership tests were rewritten: the build step no longer recognises the sources' forms`);
    const [asWritten, asCompiled] = await Promise.all([compileWasm([paths.sources], ['paladin/decision']), compileWasm([copy], ['paladin/decision'])]);
    const plain = loadPolicySync(asWritten);
    const fast = loadPolicySync(asCompiled);
    fast.setData(data);
    const seeds = loadSeeds();
    const commands = [...seeds.map((s) => s.command), ...readCorpus('everyday').map((e) => e.command), ...readCorpus('destructive').map((e) => e.command)];
    for (const m of mutants(seeds, 4000, 23)) commands.push(m.text);
    const decided = { allow: 0, ask: 0, deny: 0 } as Record<string, number>;
    for (const command of commands) {
      const facts = describeCommand(command);
      const want = JSON.stringify(plain.evaluate(facts));
      assert.equal(JSON.stringify(fast.evaluate(facts)), want, `the rewritten policy decides differently on: ${command}`);
      decided[(JSON.parse(want) as { result: { decision: string } }[])[0].result.decision]++;
    }
    // The comparison means something only if all three verdicts were reached.
    assert.ok(decided.allow > 100 && decided.ask > 100 && decided.deny > 1000, JSON.stringify(decided));
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
});

test('without its data document the compiled policy refuses every command', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-no-data-'));
  const install = (name: string, data?: string) => {
    const dir = path.join(root, name);
    fs.mkdirSync(dir);
    fs.copyFileSync(policyPaths().wasm, path.join(dir, 'policy.wasm'));
    if (data !== undefined) fs.writeFileSync(path.join(dir, 'policy-data.json'), data);
    return path.join(dir, 'policy.wasm');
  };
  try {
    const bare = await PolicyEngine.create({ wasmPath: install('bare') });
    for (const command of ['ls', 'npm test', 'git status', 'echo hi']) {
      const d = bare.judge(command);
      assert.equal(d.decision, 'deny', command);
      assert.ok(d.rules.some((r) => r.id === 'internal.policy-data'), JSON.stringify(d.rules));
    }
    const whole = await PolicyEngine.create({ wasmPath: install('whole', fs.readFileSync(policyPaths().data, 'utf8')) });
    assert.equal(whole.judge('ls').decision, 'allow');
    await assert.rejects(PolicyEngine.create({ wasmPath: install('broken', '{"paladin_sets": ') }), /policy's data .* is not JSON/);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
