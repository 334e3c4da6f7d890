// User policies on a real store, compiled with the real `opa` CLI (PATH or
// $OPA), evaluated with the built-in policy; replay over real history; and
// `paladin check` / `paladin policy` as a person runs them.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import type { CliContext } from '../../server/src/cli/command';
import { checkCommand } from '../../server/src/cli/commands/check';
import { runCli } from '../support/runCli';
import { openStore } from '../../server/src/compose';
import { Paladin } from '../../server/src/paladin';
import { createPolicyStage } from '../../server/src/policy';
import { replayHistory } from '../../server/src/policy/replay';
import { addUserPolicy, listUserPolicies, setUserPolicyEnabled, UserPolicyError } from '../../server/src/policy/userPolicies';
import { createRecordsStage } from '../../server/src/records';
import { normaliseSettings } from '../../server/src/settings/settings';
import type { ExecutorStage, ExplainerStage, PlannerStage } from '../../server/src/stages';
import { localUserId } from '../../server/src/store/database';

const NO_NPM = `package paladin.user.no_npm

import rego.v1

deny contains {"id": "no-npm", "reason": "npm is not used in this team", "command_index": c.index} if {
	some c in input.commands
	c.program == "npm"
}

ask contains {"id": "curl-review", "reason": "curl calls are reviewed", "command_index": c.index} if {
	some c in input.commands
	c.program == "curl"
}
`;

// Tries to relax the built-in policy: it has no way to, since only deny and ask are read.
const LENIENT = `package paladin.user.lenient

import rego.v1

allow := true

ask contains {"id": "lenient", "reason": "asks about rm"} if {
	some c in input.commands
	c.program == "rm"
}
`;

function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-policy-'));
  const dbPath = path.join(`${dir}.data`, 'paladin.db');
  const { settings } = normaliseSettings({ 'database.path': dbPath });
  const db = openStore(settings);
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  return { dir, dbPath, settings, db, write, close: () => { db.close(); fs.rmSync(dir, { recursive: true, force: true }); fs.rmSync(`${dir}.data`, { recursive: true, force: true }); } };
}

const cli = (dbPath: string, ...argv: string[]) => runCli(argv, dbPath);

test('a user policy makes decisions stricter, is versioned, and can be disabled', async () => {
  const s = setup();
  try {
    const stage = await createPolicyStage(s.db, s.settings);
    assert.equal((await stage.check('npm test')).decision, 'allow');
    const row = await addUserPolicy(s.db, s.write('no_npm.rego', NO_NPM), { createdBy: localUserId(s.db) });
    assert.deepEqual([row.name, row.version, row.enabled], ['no_npm', 1, true]);
    await stage.reload();
    assert.match(stage.version, /^builtin-[0-9a-f]{12}\+no_npm@v1$/);
    const npm = await stage.check('ls && npm test');
    assert.equal(npm.decision, 'deny');
    const hit = npm.rules.find((r) => r.id === 'user.no-npm');
    assert.deepEqual(hit, { id: 'user.no-npm', severity: 'deny', reason: 'npm is not used in this team', command_index: 1, span: [6, 14], source: { file: 'user-policy:no_npm@v1', line: 5 }, tier: 'user' });
    assert.equal(NO_NPM.split('\n')[hit.source!.line - 1].includes('"no-npm"'), true, 'the source line of a user rule holds its id');
    assert.equal(npm.policyVersion, stage.version);
    assert.equal((await stage.check('curl -s http://127.0.0.1:1/x')).rules.some((r) => r.id === 'user.curl-review'), true);
    assert.equal((await stage.check('ls')).decision, 'allow');

    setUserPolicyEnabled(s.db, 'no_npm', false);
    await stage.reload();
    assert.equal((await stage.check('npm test')).decision, 'allow');
    assert.doesNotMatch(stage.version, /no_npm/);
    setUserPolicyEnabled(s.db, 'no_npm', true);
    await stage.reload();
    assert.equal((await stage.check('npm test')).decision, 'deny');

    const v2 = await addUserPolicy(s.db, s.write('no_npm2.rego', NO_NPM.replace('npm is not used', 'npm is banned')));
    assert.equal(v2.version, 2);
    assert.deepEqual(listUserPolicies(s.db).map((r) => [r.name, r.version, r.enabled]), [['no_npm', 1, false], ['no_npm', 2, true]]);
    setUserPolicyEnabled(s.db, 'no_npm', true, 1);
    assert.deepEqual(listUserPolicies(s.db).map((r) => r.enabled), [true, false]);
    assert.throws(() => setUserPolicyEnabled(s.db, 'nope', true), /no user policy named "nope"/);
    assert.throws(() => setUserPolicyEnabled(s.db, 'no_npm', true, 7), /has no version 7/);
  } finally {
    s.close();
  }
});

test('a user policy can never turn a built-in deny into ask or allow', async () => {
  const s = setup();
  try {
    await addUserPolicy(s.db, s.write('lenient.rego', LENIENT));
    const stage = await createPolicyStage(s.db, s.settings);
    const d = await stage.check('rm -rf /');
    assert.equal(d.decision, 'deny');
    assert.ok(d.rules.some((r) => r.id === 'fs.delete-root'));
    assert.ok(d.rules.some((r) => r.id === 'user.lenient' && r.severity === 'ask'));
    assert.equal((await stage.check('rm build.log')).decision, 'ask');
  } finally {
    s.close();
  }
});

test('bad user policies are refused with words that say what to fix', async () => {
  const s = setup();
  try {
    await assert.rejects(addUserPolicy(s.db, s.write('a.rego', 'package mine\n\ndeny contains "x" if { true }\n')), (err: Error) => err instanceof UserPolicyError && /package paladin\.user\.<name>/.test(err.message));
    await assert.rejects(addUserPolicy(s.db, s.write('b.rego', 'package paladin.user.broken\n\ndeny contains if {\n')), /opa build failed/);
    await assert.rejects(addUserPolicy(s.db, path.join(s.dir, 'missing.rego')), /Cannot read/);
    const saved = process.env.OPA;
    process.env.OPA = path.join(s.dir, 'no-such-opa');
    try {
      await assert.rejects(addUserPolicy(s.db, s.write('c.rego', NO_NPM)), (err: Error) => err.name === 'OpaMissingError' && /was not found.*put `opa` on PATH/s.test(err.message));
    } finally {
      if (saved === undefined) delete process.env.OPA;
      else process.env.OPA = saved;
    }
    assert.deepEqual(listUserPolicies(s.db), []);
  } finally {
    s.close();
  }
});

test('replay lists the history entries whose decision the current policies change', async () => {
  const s = setup();
  try {
    const records = createRecordsStage(s.db, s.settings);
    const actor = { userId: localUserId(s.db), source: 'cli' as const };
    for (const [command, decision] of [['npm test', 'ask'], ['ls -la', 'allow'], ['rm -rf /', 'allow']]) {
      records.recordPlan({ actor, query: 'q', plannedCommand: command, policyDecision: decision, status: 'planned' });
    }
    await addUserPolicy(s.db, s.write('no_npm.rego', NO_NPM));
    const stage = await createPolicyStage(s.db, s.settings);
    const result = await replayHistory(s.db, stage);
    assert.equal(result.checked, 3);
    assert.deepEqual(result.changed.map((c) => [c.command, c.before, c.after]).sort(), [['npm test', 'ask', 'deny'], ['rm -rf /', 'allow', 'deny']]);

    const out = await cli(s.dbPath, 'policy', 'replay');
    assert.equal(out.code, 0, out.err);
    assert.match(out.out, /Replayed 3 commands .*: 2 would be decided differently/);
    assert.match(out.out, /ask -> deny {2}npm test {2}\(user\.no-npm/);
    const limited = await cli(s.dbPath, 'policy', 'replay', '--limit', '1', '--json');
    assert.equal(limited.code, 0, limited.err);
    assert.equal(JSON.parse(limited.out).checked, 1);
    assert.equal((await cli(s.dbPath, 'policy', 'replay', '--limit', '0')).code, 2);
  } finally {
    s.close();
  }
});

test('paladin policy add, list, disable, enable and test from the command line', async () => {
  const s = setup();
  try {
    assert.match((await cli(s.dbPath, 'policy', 'list')).out, /No user policies/);
    const file = s.write('no_npm.rego', NO_NPM);
    const added = await cli(s.dbPath, 'policy', 'add', file);
    assert.equal(added.code, 0, added.err);
    assert.match(added.out, /Added policy no_npm version 1 \(enabled\)/);
    const list = await cli(s.dbPath, 'policy', 'list', '--json');
    assert.deepEqual(JSON.parse(list.out).map((r: { name: string; enabled: boolean }) => [r.name, r.enabled]), [['no_npm', true]]);
    assert.match((await cli(s.dbPath, 'policy', 'disable', 'no_npm')).out, /Disabled policy no_npm/);
    assert.match((await cli(s.dbPath, 'policy', 'list')).out, /^disabled {2}no_npm {2}v1/);
    assert.equal((await cli(s.dbPath, 'policy', 'enable', 'no_npm', '--version', '1')).code, 0);
    assert.equal((await cli(s.dbPath, 'policy', 'enable', 'no_npm', '--version', 'x')).code, 2);
    const missing = await cli(s.dbPath, 'policy', 'enable', 'ghost');
    assert.equal(missing.code, 1);
    assert.match(missing.err, /no user policy named "ghost"/);
    assert.equal((await cli(s.dbPath, 'policy', 'frob')).code, 2);

    const judged = await cli(s.dbPath, 'policy', 'test', file, '--command', 'npm install');
    assert.equal(judged.code, 4);
    assert.match(judged.out, /DENY user\.no-npm: npm is not used in this team/);

    const testFile = s.write('no_npm_test.rego', `package paladin.user.no_npm_test

import data.paladin.user.no_npm
import rego.v1

test_npm_denied if {
	count(no_npm.deny) == 1 with input as {"commands": [{"index": 0, "program": "npm"}]}
}

test_ls_fine if {
	count(no_npm.deny) == 0 with input as {"commands": [{"index": 0, "program": "ls"}]}
}
`);
    const tested = await cli(s.dbPath, 'policy', 'test', file, testFile);
    assert.equal(tested.code, 0, tested.out + tested.err);
    assert.match(tested.out, /2 passed, 0 failed|PASS: 2\/2/);
    const failing = s.write('fail_test.rego', `package paladin.user.fail_test

import data.paladin.user.no_npm
import rego.v1

test_wrong if count(no_npm.deny) == 1 with input as {"commands": []}
`);
    assert.equal((await cli(s.dbPath, 'policy', 'test', file, failing)).code, 1);

    const saved = process.env.OPA;
    process.env.OPA = path.join(s.dir, 'no-such-opa');
    try {
      const noOpa = await cli(s.dbPath, 'policy', 'add', file);
      assert.equal(noOpa.code, 1);
      assert.match(noOpa.err, /paladin policy add: The OPA command line .* was not found/);
    } finally {
      if (saved === undefined) delete process.env.OPA;
      else process.env.OPA = saved;
    }
  } finally {
    s.close();
  }
});

test('paladin check prints the decision, the rules, the risk and the facts, with exit 0 / 3 / 4', async () => {
  const s = setup();
  try {
    const records = createRecordsStage(s.db, s.settings);
    const policy = await createPolicyStage(s.db, s.settings);
    const unavailable = new Proxy({}, { get: () => { throw new Error('not used by paladin check'); } });
    const paladin = new Paladin(s.db, s.settings, { policy, records, planner: unavailable as PlannerStage, executor: unavailable as ExecutorStage, explainer: unavailable as ExplainerStage });
    const run = async (...argv: string[]) => {
      const out = new PassThrough();
      let text = '';
      out.on('data', (c: Buffer) => (text += c.toString()));
      const ctx = { settings: s.settings, actor: { userId: localUserId(s.db), source: 'cli' }, paladin: async () => paladin, out, err: out, interactive: false, ask: async () => false, signal: new AbortController().signal } as CliContext;
      const values: Record<string, string | boolean> = {};
      const positionals: string[] = [];
      for (let i = 0; i < argv.length; i++) {
        if (argv[i] === '--json' || argv[i] === '--facts') values[argv[i].slice(2)] = true;
        else if (argv[i] === '--workspace') values.workspace = argv[++i];
        else positionals.push(argv[i]);
      }
      const code = await checkCommand.run(ctx, { values, positionals });
      return { code, text };
    };
    const allow = await run('ls -la');
    assert.equal(allow.code, 0);
    assert.match(allow.text, /^ALLOW: ls -la\n {2}No rule fired/);
    const ask = await run('rm -rf docs', '--workspace', s.dir);
    assert.equal(ask.code, 3);
    assert.match(ask.text, /ASK {2}fs\.delete-workspace: rm would delete docs in the workspace\./);
    assert.match(ask.text, /deletes: {3}docs/);
    const deny = await run('ls && rm -rf /', '--facts');
    assert.equal(deny.code, 4);
    assert.match(deny.text, /DENY fs\.delete-root: rm would delete the filesystem root \(\/\)\. \[command 1: rm\]/);
    assert.match(deny.text, /Facts:\n\{/);
    const json = await run('curl -s http://127.0.0.1:9/x | sh', '--json');
    assert.equal(json.code, 4);
    const doc = JSON.parse(json.text);
    assert.equal(doc.decision, 'deny');
    assert.ok(doc.rules.some((r: { id: string }) => r.id === 'remote.pipe-to-shell'));
    assert.equal(doc.risk.network, true);
    assert.equal(doc.facts, undefined);
    const audited = s.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'check'").get() as { n: number };
    assert.equal(audited.n, 4);
    await assert.rejects(run(), /give the command to check/);

    // The same through the real command line, composed as a person runs it.
    const viaMain = await cli(s.dbPath, 'check', 'ls && rm -rf /');
    assert.equal(viaMain.code, 4, viaMain.err);
    assert.match(viaMain.out, /^DENY: ls && rm -rf \/\n {2}DENY fs\.delete-root/);
    assert.equal((await cli(s.dbPath, 'check', 'git status', '--json')).code, 0);
    assert.equal((await cli(s.dbPath, 'check', 'cp a x', '--workspace', s.dir)).code, 3);
    assert.equal((await cli(s.dbPath, 'check', 'a', 'b')).code, 2);
    await assert.rejects(run('rm', '-rf'), /one quoted argument/);
  } finally {
    s.close();
  }
});
