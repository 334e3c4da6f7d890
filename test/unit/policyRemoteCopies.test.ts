// The built-in policy (real OPA WASM) on an rsync dry run: it writes and
// deletes nothing, so "sync docs to /srv/docs as a dry run" is judged as
// only looking, while the same copy without -n still writes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPolicyEngine } from '../../server/src/policy';

const WS = '/home/dev/project';

test('an rsync dry run writes and deletes nothing; the same copy without -n writes, and with --delete deletes', async () => {
  const engine = await createPolicyEngine();
  const risk = async (command: string) => (await engine.check(command, { workspace: WS })).risk;
  for (const dry of ['rsync -an --itemize-changes docs/ /srv/docs/', 'rsync -a --dry-run --delete site/ /var/www/site/', 'rsync -n -a src/ dest/']) {
    const r = await risk(dry);
    assert.deepEqual([r.writes, r.deletes], [[], []], dry);
  }
  assert.ok((await risk('rsync -a docs/ /srv/docs/')).writes.length > 0);
  assert.ok((await risk('rsync -a --delete site/ /var/www/site/')).deletes.length > 0);
});
