// The language server's settings flattening and its Paladin lifecycle:
// rebuilt on a settings change, but never under a plan or run in progress.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { flattenSection } from '../../server/src/lsp/configuration';
import { PaladinHost } from '../../server/src/lsp/host';
import type { Paladin } from '../../server/src/paladin';
import { normaliseSettings, type Settings } from '../../server/src/settings/settings';

test('VS Code\'s nested section becomes the normaliser\'s dotted names', () => {
  const flat = flattenSection({ sandbox: { image: 'x', timeoutSeconds: 5 }, planner: { order: ['embedded'] }, server: { runtime: '' } });
  assert.deepEqual(flat, { 'sandbox.image': 'x', 'sandbox.timeoutSeconds': 5, 'planner.order': ['embedded'], 'server.runtime': '' });
  const { settings, warnings } = normaliseSettings(flat, {});
  assert.deepEqual(warnings, []);
  assert.equal(settings.sandbox.timeoutSeconds, 5);
  assert.deepEqual(flattenSection(null), {});
});

/** Just enough of a Paladin for the host: localUserId's one query, dispose and close. */
function fakePaladin(settings: Settings, log: string[]): Paladin {
  const db = { prepare: () => ({ get: () => ({ id: 'u1' }), run: () => undefined }), close: () => log.push(`close ${settings.sandbox.image}`), transaction: (f: () => unknown) => f } as unknown;
  return { settings, db, stages: {}, dispose: async () => void log.push(`dispose ${settings.sandbox.image}`) } as unknown as Paladin;
}

test('a settings change rebuilds the Paladin, but not while a run holds it', async () => {
  let image = 'one';
  const log: string[] = [];
  const host = new PaladinHost(
    async () => normaliseSettings({ 'sandbox.image': image }, {}).settings,
    () => undefined,
    () => undefined,
    async (settings) => {
      log.push(`create ${settings.sandbox.image}`);
      return fakePaladin(settings, log);
    },
  );
  const held = await host.hold();
  assert.equal(held.paladin.settings.sandbox.image, 'one');
  image = 'two';
  assert.equal((await host.get()).paladin.settings.sandbox.image, 'one', 'kept while held');
  held.release();
  assert.equal((await host.get()).paladin.settings.sandbox.image, 'two', 'rebuilt once released');
  assert.deepEqual(log, ['create one', 'dispose one', 'close one', 'create two']);
});
