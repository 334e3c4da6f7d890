// When the warm pool starts a replacement (real Docker engine): while another
// container of the same kind is still waiting, the replacement starts after
// the run, not beside it, nor beside the run that follows at once (a dry
// run's second try); when the run took the last one, at once.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { Executor } from '../../server/src/executor';
import { normaliseSettings } from '../../server/src/settings/settings';
import { waitFor } from '../support/waitFor';

const image = process.env.PALADIN_SANDBOX_IMAGE || 'paladin-test:busybox';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-executor-pool-'));
const workspace = path.join(tmp, 'ws');
fs.mkdirSync(workspace);
const executors: Executor[] = [];

function executor(poolSize: number): Executor {
  const { settings } = normaliseSettings({ 'sandbox.image': image, 'database.path': path.join(tmp, `data-${poolSize}`, 'paladin.db'), 'sandbox.poolSize': poolSize });
  const e = new Executor(settings);
  executors.push(e);
  return e;
}

after(async () => {
  for (const e of executors) await e.dispose();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Runs a command that prints, then waits for a file; returns what the pool held once the output came, and how long the start took. */
async function poolDuringRun(e: Executor): Promise<{ during: { ready: number; warming: number }; startMs: number }> {
  const gate = path.join(workspace, 'go');
  fs.rmSync(gate, { force: true });
  let during: { ready: number; warming: number } | undefined;
  const run = e.run({ command: 'echo started; while [ ! -e go ]; do sleep 0.05; done', workspace, mode: 'ro' }, {
    onOutput: (c) => {
      if (c.text.includes('started') && !during) {
        const { ready, warming } = e.pool.counts();
        during = { ready, warming };
        fs.writeFileSync(gate, '');
      }
    },
  });
  const result = await run;
  assert.equal(result.exitCode, 0, result.message);
  assert.ok(during, 'the command printed');
  return { during, startMs: result.durations.startMs };
}

test('with another container waiting, the replacement starts after the run', async () => {
  const e = executor(2);
  await e.run({ command: 'true', workspace, mode: 'ro' }, {});
  await e.settle();
  assert.equal(e.pool.counts().ready, 2);
  const { during, startMs } = await poolDuringRun(e);
  assert.ok(startMs < 50, `served by the pool (start took ${startMs} ms)`);
  assert.deepEqual(during, { ready: 1, warming: 0 });
  await waitFor(() => e.pool.counts().ready + e.pool.counts().warming === 2, 'the pool is topped up after the run');
  await e.settle();
  assert.equal(e.pool.counts().ready, 2);
});

test('when the run took the last container, a replacement starts at once', async () => {
  const e = executor(1);
  await e.run({ command: 'true', workspace, mode: 'ro' }, {});
  await e.settle();
  assert.equal(e.pool.counts().ready, 1);
  const { during } = await poolDuringRun(e);
  assert.equal(during.ready + during.warming, 1, JSON.stringify(during));
});

test('a replacement that can wait is not made beside the run that follows at once, only after it', async () => {
  const e = executor(2);
  // Two kinds warm (a snapshot's and a read-only run's), two of each waiting, as for a dry run of a change and then a question.
  await e.run({ command: 'true', workspace, mode: 'snapshot' }, {});
  await e.run({ command: 'true', workspace, mode: 'ro' }, {});
  await e.settle();
  assert.equal(e.pool.counts().ready, 4);
  await e.run({ command: 'true', workspace, mode: 'snapshot' }, {});
  const { during } = await poolDuringRun(e);
  assert.deepEqual(during, { ready: 2, warming: 0 }, 'neither replacement is made while the read-only run goes');
  await waitFor(() => e.pool.counts().ready + e.pool.counts().warming === 4, 'the pool is topped up once no run is going');
  await e.settle();
  assert.equal(e.pool.counts().ready, 4);
});

test('when a run of a two-container pool took the last one, one replacement starts at once and the other after it', async () => {
  const e = executor(2);
  await e.run({ command: 'true', workspace, mode: 'ro' }, {});
  await e.settle();
  await e.run({ command: 'true', workspace, mode: 'ro' }, {});
  const { during } = await poolDuringRun(e);
  assert.equal(during.ready + during.warming, 1, JSON.stringify(during));
  await waitFor(() => e.pool.counts().ready + e.pool.counts().warming === 2, 'the pool is topped up once no run is going');
  await e.settle();
  assert.equal(e.pool.counts().ready, 2);
});
