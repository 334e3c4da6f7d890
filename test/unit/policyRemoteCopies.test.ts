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

test('only a real dry run counts: an -n turned off again, an option value, a variable or a log file still write', async () => {
  const engine = await createPolicyEngine();
  for (const command of [
    'rsync -an --no-n docs/ /srv/docs/',
    'rsync --dry-run -a --no-dry-run site/ /var/www/site/',
    'rsync -aTn src/ dest/',
    'rsync -a --exclude -n src/ dest/',
    'rsync -a --filter -n src/ dest/',
    'rsync -av -e -n src/ dest/',
    'rsync -a $FLAGS -n src/ dest/',
    'rsync -an --log-file=/srv/log/sync.log src/ dest/',
    'rsync -an --write-batch=batch src/ dest/',
  ]) {
    const d = await engine.check(command, { workspace: WS });
    assert.ok(d.risk.writes.length > 0 && d.decision !== 'allow', `${command}: ${d.decision}, writes ${JSON.stringify(d.risk.writes)}`);
  }
});

test('a dry run with another machine stays to be asked about', async () => {
  const engine = await createPolicyEngine();
  for (const command of ['rsync -an src/ bob@web1:/srv/site/', 'rsync -avn --delete deploy@10.0.0.7:/var/www/ ./www/', 'rsync --dry-run -e ssh notes/ backup:/home/me/notes/']) {
    assert.equal((await engine.check(command, { workspace: WS })).decision, 'ask', command);
  }
});

test('a dry run rsync may not honour still writes: -n after a path, -M or --remote-option, a glob that may expand to an option', async () => {
  const engine = await createPolicyEngine();
  const commands: string[] = [];
  for (const [src, dst] of [['src/', 'dst/'], ['docs/', '/srv/docs/']]) {
    commands.push(
      // Under POSIXLY_CORRECT rsync reads no option after the first path.
      `rsync -a ${src} ${dst} -n`, `rsync -a ${src} --dry-run ${dst}`, `rsync -avi ${src} ${dst} -n --delete`,
      `rsync -an -M--log-file=LOG ${src} ${dst}`, `rsync -nM --log-file=LOG ${src} ${dst}`, `rsync -an --remote-option=--log-file=LOG ${src} ${dst}`,
      `rsync -an * ${dst}`, `rsync -an ?x ${dst}`,
    );
  }
  for (const command of commands) {
    const d = await engine.check(command, { workspace: WS });
    assert.ok(d.risk.writes.length > 0 && d.decision !== 'allow', `${command}: ${d.decision}, writes ${JSON.stringify(d.risk.writes)}`);
  }
  // A glob that cannot begin with a dash expands to no option.
  assert.deepEqual((await engine.check('rsync -an src/* dst/', { workspace: WS })).risk.writes, []);
});

test('a colon before the first slash names another machine, and -e in a bundle names a shell to run', async () => {
  const engine = await createPolicyEngine();
  for (const command of ['rsync -an src/ a_b:dst', 'rsync -an a_b: dst/', 'rsync -an src/ x+y:dst', 'rsync -an src/ [::1]:dst', "rsync -an src/ 'my host:dst'", 'rsync -an src/ h_1::mod', "rsync -ne 'sh -c true' src/ a_b:dst", "rsync -n -e'sh -c true' src/ dst/"]) {
    assert.notEqual((await engine.check(command, { workspace: WS })).decision, 'allow', command);
  }
});
