// The built-in policy (real OPA WASM) on programs that delete what they copy
// or pack: `tar --remove-files` and `rsync --remove-source-files` take away
// their sources. Each is judged as the delete it is, as strictly as `rm -rf`
// of the same path, in every option order.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPolicyEngine } from '../../server/src/policy';

const WS = '/home/dev/project';
const forms = [
  (t: string) => `tar --remove-files -cf x.tar ${t}`,
  (t: string) => `tar -czf x.tgz --remove-files ${t}`,
  (t: string) => `tar cf x.tar --remove-files ${t}`,
  (t: string) => `tar --create --file=x.tar --remove-files ${t}`,
  (t: string) => `rsync -a --remove-source-files ${t} out/`,
  (t: string) => `rsync --remove-source-files -av ${t}/ /srv/copy/`,
];

test('a source deleted by tar or rsync is judged as strictly as rm -rf of it', async () => {
  const engine = await createPolicyEngine();
  let checked = 0;
  for (const target of ['~', '/etc', '.git', '/usr/lib', '$HOME', '~/.ssh', '..']) {
    const rm = await engine.check(`rm -rf ${target}`, { workspace: WS });
    assert.equal(rm.decision, 'deny', `rm -rf ${target}`);
    for (const form of forms) {
      const command = form(target);
      const d = await engine.check(command, { workspace: WS });
      assert.equal(d.decision, 'deny', `${command}: ${d.decision} (${d.rules.map((r) => r.id).join(', ')})`);
      checked++;
    }
  }
  assert.equal(checked, 7 * forms.length);
});

test('in the workspace, the source is among what is deleted, and the plan is asked about', async () => {
  const engine = await createPolicyEngine();
  for (const form of forms) {
    const command = form('logs');
    const d = await engine.check(command, { workspace: WS });
    assert.ok(d.risk.deletes.some((p) => /^logs\/?$/.test(p)), `${command} deletes ${JSON.stringify(d.risk.deletes)}`);
    assert.notEqual(d.decision, 'allow', command);
  }
  // Without the option, nothing is deleted.
  for (const command of ['tar -cf x.tar logs', 'rsync -a logs/ out/']) assert.deepEqual((await engine.check(command, { workspace: WS })).risk.deletes, [], command);
});

test('a folder that holds the workspace is one however it is written: .., ../, ../../ and ../* are all denied', async () => {
  const engine = await createPolicyEngine();
  for (const target of ['..', '../', '../..', '../../', '../*', '../../*', './../', '../?*']) {
    for (const command of [`rm -rf ${target}`, `find ${target} -delete`, `rsync -a --remove-source-files ${target} /srv/copy/`]) {
      const d = await engine.check(command, { workspace: WS });
      assert.equal(d.decision, 'deny', `${command}: ${d.decision} (${d.rules.map((r) => r.id).join(', ')})`);
    }
  }
  // A sibling or a kind of file in the parent is outside the workspace, to be asked about.
  for (const command of ['rm -rf ../other', 'rm -f ../*.log']) assert.equal((await engine.check(command, { workspace: WS })).decision, 'ask', command);
});
