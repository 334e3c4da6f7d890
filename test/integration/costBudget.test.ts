// Model cost per user and per key, and budgets per user, against a real
// `paladin serve` whose planner asks a stand-in speaking OpenAI's wire
// protocol (usage in the last streamed chunk, as OpenAI sends it when asked):
// on SQLite and on a real PostgreSQL server. The tokens the model reported
// are recorded against the user and the key that asked, priced with
// paladin.cost.prices; `paladin stats` adds them up; a spent budget refuses
// planning with 429 and its reason until an admin raises it.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { call } from '../support/apiClient';
import { startOpenAiStandIn } from '../support/openaiStandIn';
import { postgresSkipReason, startPostgres, type TestPostgres } from '../support/postgres';
import { cliProcess, serveProcess, type ServeProcess } from '../support/serveProcess';

const answer = (command: string) => JSON.stringify({ command, reasoning: 'it does what was asked', assumptions: [], expected_effects: ['prints'] });
// Each request is new: a plan served from the (shared) plan cache asks no model and costs nothing.
const requests = ['list the files here', 'count the lines in notes.txt', 'show the disk usage of this folder', 'print the current date', 'show the first lines of notes.txt'];
const commands = ['ls', 'wc -l notes.txt', 'du -sh .', 'date', 'head notes.txt'];
const PER_PLAN = (1000 * 3 + 200 * 15) / 1_000_000;

function costScenario(name: string, database: () => Promise<{ env: NodeJS.ProcessEnv; stop(): void }>, skip?: string) {
  describe(`model cost and budgets on ${name}`, { skip, timeout: 240_000 }, () => {
    let dir: string;
    let env: NodeJS.ProcessEnv;
    let serve: ServeProcess;
    let stopDb: () => void = () => undefined;
    let openai: Awaited<ReturnType<typeof startOpenAiStandIn>>;
    const keys: Record<string, string> = {};

    before(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-cost-'));
      fs.mkdirSync(path.join(dir, 'ws'));
      fs.writeFileSync(path.join(dir, 'ws', 'notes.txt'), 'a\nb\n');
      openai = await startOpenAiStandIn({
        apiKey: 'sk-stand-in',
        chat: (req) => {
          const asked = req.messages.map((m) => m.content).join('\n');
          const i = requests.findIndex((r) => asked.includes(r));
          return { content: answer(commands[Math.max(0, i)]), usage: { prompt: 1000, completion: 200 } };
        },
      });
      const db = await database();
      stopDb = db.stop;
      env = {
        ...process.env,
        ...db.env,
        PALADIN_DB: path.join(dir, 'data', 'p.db'),
        PALADIN_API_WORKSPACES: path.join(dir, 'ws'),
        PALADIN_PLANNER_ORDER: 'openai,embedded',
        PALADIN_OPENAI_BASE_URL: openai.url,
        PALADIN_OPENAI_MODEL: 'gpt-x',
        OPENAI_API_KEY: 'sk-stand-in',
        PALADIN_COST_PRICES: JSON.stringify({ 'gpt-x': { prompt: 3, completion: 15 } }),
        PALADIN_SANDBOX_POOL_SIZE: '0',
      };
      for (const [email, keyName] of [['alice@example.org', 'alice-1'], ['alice@example.org', 'alice-2'], ['bob@example.org', 'bob-1']]) {
        const made = await cliProcess(['keys', 'create', keyName, '--user', email], env);
        assert.equal(made.code, 0, made.err);
        keys[keyName] = made.out.trim();
      }
      serve = await serveProcess(env);
    });
    after(async () => {
      await serve?.stop();
      await openai?.close();
      stopDb();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    const planAs = (key: string, request: string, planner?: string) => call({ port: serve.port }, 'POST', '/v1/plan', { key: keys[key], body: { request, ...(planner ? { planner } : {}) } });

    test('tokens are recorded per user and key, priced, and `paladin stats` adds them up', async () => {
      for (const [key, request] of [['alice-1', requests[0]], ['alice-1', requests[1]], ['alice-2', requests[2]], ['bob-1', requests[4]]]) {
        const r = await planAs(key, request);
        assert.equal(r.status, 200, r.text);
        assert.equal(r.json.planner, 'openai', r.text);
      }
      const stats = await cliProcess(['stats', '--json', '--since', '1h'], env);
      assert.equal(stats.code, 0, stats.err);
      const { rows, total } = JSON.parse(stats.out) as { rows: { user: string; key: string; model: string; requests: number; promptTokens: number; completionTokens: number; cost: number }[]; total: { cost: number; requests: number } };
      const row = (user: string, key: string) => rows.find((r) => r.user === user && r.key === key);
      assert.deepEqual({ ...row('alice@example.org', 'alice-1'), cost: undefined, day: undefined }, { user: 'alice@example.org', key: 'alice-1', model: 'gpt-x', requests: 2, promptTokens: 2000, completionTokens: 400, cost: undefined, day: undefined });
      assert.ok(Math.abs(row('alice@example.org', 'alice-1')!.cost - 2 * PER_PLAN) < 1e-9);
      assert.equal(row('alice@example.org', 'alice-2')?.requests, 1);
      assert.equal(row('bob@example.org', 'bob-1')?.promptTokens, 1000);
      assert.equal(total.requests, 4);
      assert.ok(Math.abs(total.cost - 4 * PER_PLAN) < 1e-9);

      const text = await cliProcess(['stats'], env);
      assert.match(text.out, /^day\s+user\s+key\s+model\s+requests\s+prompt\s+completion\s+cost$/m);
      assert.match(text.out, /alice@example\.org\s+alice-1\s+gpt-x\s+2\s+2000\s+400\s+0\.012$/m);
      assert.match(text.out, /^total\s+4\s+4000\s+800\s+0\.024$/m);
      assert.match((await cliProcess(['stats', '--since', '2999-01-01'], env)).out, /No model usage recorded since 2999/);
      const bad = await cliProcess(['stats', '--since', 'last tuesday'], env);
      assert.equal(bad.code, 2);
      assert.match(bad.err, /--since/);
    });

    test('a spent budget refuses planning with 429 and its reason, for every key of that user only, until raised', async () => {
      const set = await cliProcess(['users', 'budget', 'alice@example.org', '0.015', '--per', 'day'], env);
      assert.equal(set.code, 0, set.err);
      assert.match(set.out, /may spend 0\.015 a day/);
      assert.match((await cliProcess(['users', 'list'], env)).out, /alice@example\.org .* budget 0\.015\/day/);
      for (const key of ['alice-1', 'alice-2']) {
        const refused = await planAs(key, requests[3]);
        assert.equal(refused.status, 429, refused.text);
        assert.equal(refused.json.error.code, 'budget');
        assert.match(refused.json.error.message, /model budget of 0\.015 a day for alice@example\.org is spent \(0\.018 since \d{4}-\d\d-\d\dT00:00:00\.000Z\).*paladin users budget alice@example\.org AMOUNT/);
        assert.equal(refused.json.error.budget.period, 'day');
        assert.ok(Number(refused.headers['retry-after']) > 0 && Number(refused.headers['retry-after']) <= 86_400);
      }
      assert.equal((await planAs('alice-1', requests[3], 'embedded')).status, 200, 'the embedded planner costs nothing and still answers');
      assert.equal((await call({ port: serve.port }, 'POST', '/v1/check', { key: keys['alice-1'], body: { command: 'ls' } })).status, 200);
      assert.equal((await planAs('bob-1', requests[3])).status, 200, 'another user is not limited');
      assert.equal((await cliProcess(['users', 'budget', 'alice@example.org', 'none'], env)).code, 0);
      assert.equal((await planAs('alice-2', requests[3])).status, 200, 'no budget, no limit');
      const wrong = await cliProcess(['users', 'budget', 'alice@example.org', 'lots'], env);
      assert.equal(wrong.code, 2);
      assert.match(wrong.err, /an amount such as 5/);
    });
  });
}

costScenario('SQLite', async () => ({ env: {}, stop: () => undefined }));

let pg: TestPostgres | undefined;
costScenario(
  'PostgreSQL',
  async () => {
    pg = await startPostgres();
    const url = pg.createDatabase('cost');
    return { env: { PALADIN_DATABASE_URL: url, PALADIN_AUDIT_KEY_FILE: path.join(pg.dir, 'team.audit-key') }, stop: () => pg?.stop() };
  },
  postgresSkipReason(),
);
