// A real executor with small limits and no warm pool, for the sandbox attack
// tests: its store and pending changes live under `tmp`/data.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { Executor } from '../../server/src/executor';
import { normaliseSettings } from '../../server/src/settings/settings';

export function smallExecutor(tmp: string, image: string): Executor {
  const { settings, warnings } = normaliseSettings({
    'sandbox.image': image,
    'database.path': path.join(tmp, 'data', 'paladin.db'),
    'sandbox.timeoutSeconds': 10,
    'sandbox.memoryMiB': 64,
    'sandbox.snapshotMaxMiB': 8,
    'sandbox.poolSize': 0,
  });
  assert.deepEqual(warnings, []);
  return new Executor(settings);
}
