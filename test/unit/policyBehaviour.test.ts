// Facts follow what bash does with a line: values the line sets, output it
// can compute, links it makes, folders it changes to, arithmetic that reads
// values, and addresses and secrets however they are written.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeCommand } from '../../server/src/policy/facts';
import { isMetadataAddress, parseIPv4 } from '../../server/src/policy/hosts';
import { expandBraces } from '../../server/src/policy/stateFacts';

const facts = (src: string) => describeCommand(src, { workspace: '/home/dev/project' });
const find = (src: string, program: string) => {
  const c = facts(src).commands.find((k) => k.program === program);
  assert.ok(c, `${program} in ${src}`);
  return c;
};
const deleteClasses = (src: string, program = 'rm') => find(src, program).deletes.flatMap((p) => p.classes);

test('variables, defaults, arrays, namerefs, read and printf -v give known values', () => {
  for (const src of ['x=rm; $x -rf /', 'a=(x rm); ${a[1]} -rf /', 'v=rm; n=v; ${!n} -rf /', 'printf -v c %s rm; $c -rf /', 'read -r c <<< rm; $c -rf /', 'v=rm; declare -n r=v; $r -rf /', 'IFS=_; c=rm_-rf_/; $c']) {
    assert.ok(deleteClasses(src).includes('root'), src);
  }
  assert.ok(deleteClasses('rm -rf ${X:-/}').includes('root'), 'an unset variable takes its default');
  assert.ok(deleteClasses('rm -rf ${X:=~}').includes('home-root'));
  assert.equal(find('if c; then x=rm; fi; x=ls; $x -l', 'ls').program, 'ls');
  assert.equal(facts('x=ls; if c; then x=rm; fi; $x -rf /').commands.at(-1)?.name_dynamic, true, 'a value changed in a branch is no longer known');
});

test('brace expansion, $\'…\' with NUL, .. and ~+ are resolved as bash resolves them', () => {
  assert.deepEqual(expandBraces('/{etc,usr}/x{1..3}'), ['/etc/x1', '/etc/x2', '/etc/x3', '/usr/x1', '/usr/x2', '/usr/x3']);
  assert.equal(find('{rm,} -rf /', 'rm').program, 'rm');
  assert.ok(deleteClasses("rm -rf $'/etc\\x00/junk'").includes('system'));
  assert.ok(deleteClasses('rm -rf /tmp/../etc').includes('system'));
  assert.ok(deleteClasses('rm -rf ~+/..').includes('workspace-ancestor'));
  assert.ok(deleteClasses('rm -rf /tmp/../$x').includes('root'));
});

test('a glob that could name a secret or a start-up file is treated as naming it; public keys are not secrets', () => {
  assert.ok(find('cat ~/.ssh/id_*', 'cat').reads[0].classes.includes('secret'));
  assert.ok(find('cat ~/.s?h/id_rsa', 'cat').reads[0].classes.includes('secret'));
  assert.ok(find('echo x >> ~/.bash*', 'echo').writes[0].classes.includes('shell-rc'));
  assert.ok(!find('ssh-keygen -lf ~/.ssh/id_ed25519.pub', 'ssh-keygen').reads.some((p) => p.classes.includes('secret')));
  assert.ok(!find('cat ~/*.txt', 'cat').reads[0].classes.includes('shell-rc'), '* does not match a leading dot');
  assert.ok(!find('cp -r /data/* /backup', 'cp').reads[0].classes.includes('secret'), 'a bare * names nothing in particular');
});

test('links made earlier in the line, env -C and CDPATH move paths where bash moves them', () => {
  assert.ok(find('ln -s ~/.bashrc notes.txt; echo x >> notes.txt', 'echo').writes[0].classes.includes('shell-rc'));
  assert.ok(deleteClasses('ln -s / r && rm -rf r/etc').includes('system'));
  assert.ok(find('env -C /etc cat shadow', 'cat').reads[0].classes.includes('secret'));
  assert.ok(find('CDPATH=/etc cd ssh && cat ssh_host_rsa_key', 'cat').reads[0].classes.includes('secret'));
});

test('text the line can compute is judged as the command it is', () => {
  for (const src of ["echo 'rm -rf ~' | sh", 'echo cm0gLXJmIH4= | base64 -d | bash', "printf '\\x72\\x6d -rf ~' | bash", "echo 'ez -es ~' | tr 'a-z' 'n-za-m' | sh", "source /dev/stdin <<< 'rm -rf ~'", ". <(printf '%s\\n' 'rm -rf ~')", 'eval "$(echo cm0gLXJmIH4= | base64 -d)"', "echo 'rm -rf ~' > x.sh; bash x.sh", "echo ~ | xargs rm -rf"]) {
    assert.ok(deleteClasses(src).includes('home-root'), src);
  }
  assert.ok(find("find ~ -name 'id_*' | xargs cat", 'cat').reads[0].classes.includes('secret'), 'xargs reads what find prints');
});

test('arithmetic reads variable values: code in them is found, values from outside are unknown', () => {
  const f = facts("x='a[$(rm -rf ~)]'; echo $((x))");
  assert.ok(f.commands.some((c) => c.program === 'rm' && c.deletes[0].classes.includes('home-root')));
  assert.ok(facts('read x; echo $((x+1))').unknown.some((u) => u.construct === 'arithmetic-input'));
  assert.ok(!facts('for ((i=0;i<3;i++)); do echo $((i*2)); done').unknown.length, 'numbers the line counts itself are safe');
  assert.ok(!facts('[[ $name == x ]]').unknown.length, 'string tests are not arithmetic');
});

test('instance metadata addresses in every spelling', () => {
  assert.equal(parseIPv4('2852039166'), 0xa9fea9fe);
  assert.equal(parseIPv4('0xa9.0xfe.0xa9.0xfe'), 0xa9fea9fe);
  assert.equal(parseIPv4('0251.0376.0251.0376'), 0xa9fea9fe);
  assert.equal(parseIPv4('169.254.43518'), 0xa9fea9fe);
  for (const url of ['http://169.254.169.254/', 'http://2852039166/', 'http://0xa9fea9fe/x', 'http://[::ffff:169.254.169.254]/', 'http://[::ffff:a9fe:a9fe]/', 'http://metadata.google.internal/', 'http://[fd00:ec2::254]/']) assert.ok(isMetadataAddress(url), url);
  for (const text of ['http://example.com/', '2852039166', 'http://10.0.0.1/', 'v1.2.3']) assert.ok(!isMetadataAddress(text), text);
});
