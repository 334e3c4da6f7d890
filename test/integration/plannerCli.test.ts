import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { before, test } from 'node:test';
import { runCli } from '../support/runCli';

let workspace: string;

before(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-plan-cli-'));
  process.env.PALADIN_DB = path.join(dir, 'data', 'paladin.db');
  delete process.env.PALADIN_OLLAMA_MODEL;
  delete process.env.OPENAI_API_KEY;
  workspace = path.join(dir, 'ws');
  fs.mkdirSync(path.join(workspace, 'server'), { recursive: true });
  fs.writeFileSync(path.join(workspace, 'server', 'a.txt'), 'a\n');
});

const cli = (...args: string[]) => runCli(args);

test('paladin plan --json prints the plan with everything a script needs', async () => {
  const r = await cli('plan', '--json', '-n', '2', '--workspace', workspace, 'list the 3 biggest files under server');
  assert.equal(r.code, 0, r.err);
  const plan = JSON.parse(r.out);
  assert.match(plan.command, /server/);
  assert.match(plan.command, /head -n 3/);
  assert.equal(plan.planner, 'embedded');
  assert.equal(plan.cache, 'miss');
  assert.ok(plan.confidence > 0 && plan.confidence <= 1);
  assert.equal(plan.candidates.length, 2);
  assert.ok(plan.retrieved.length > 0 && typeof plan.retrieved[0].score === 'number' && typeof plan.retrieved[0].id === 'string');
  assert.ok(['allow', 'ask', 'deny'].includes(plan.policy.decision));
  assert.equal(typeof plan.timings.total, 'number');
  assert.deepEqual(plan.skipped.map((s: { planner: string }) => s.planner), ['ollama', 'openai']);
  const again = JSON.parse((await cli('plan', '--json', '-n', '2', '--workspace', workspace, 'list the 3 biggest files under server')).out);
  assert.equal(again.cache, 'hit');
});

test('paladin plan without --json: the command on stdout, the explanation on stderr', async () => {
  const r = await cli('plan', '--workspace', workspace, 'count the lines of server/a.txt');
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out.trim().split('\n').length, 1);
  assert.match(r.out, /server\/a\.txt/);
  assert.match(r.err, /planner: embedded\s+confidence: [\d.]+\s+cache: miss/);
  assert.match(r.err, /policy:\s+allow/);
});

test('bad requests are usage errors that say what to do', async () => {
  const cases: [string[], number, RegExp][] = [
    [['plan', '   '], 2, /give the request in words/],
    [['plan', 'x'.repeat(2_001)], 2, /limit is 2000/],
    [['plan', '--workspace', '/nonexistent/folder', 'list files'], 2, /does not exist/],
    [['plan', '-n', '0', 'list files'], 2, /-n must be a whole number from 1 to 10/],
    [['plan', '--planner', 'gpt', 'list files'], 2, /--planner must be auto, ollama, openai or embedded/],
    [['plan', '--yes', 'list files'], 2, /only go with --run/],
    [['plan', '--planner', 'ollama', '--workspace', workspace, 'list files'], 1, /could not answer: no Ollama model is set/],
  ];
  for (const [args, code, message] of cases) {
    const r = await cli(...args);
    assert.equal(r.code, code, `${args.join(' ')}: ${r.err}`);
    assert.match(r.err, message);
  }
});
