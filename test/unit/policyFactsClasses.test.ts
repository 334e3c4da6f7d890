// Facts for behaviour that hides in options, the environment and the home
// folder: what is read, what runs, and what is only known at run time.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeCommand } from '../../server/src/policy/facts';

const facts = (src: string) => describeCommand(src, { workspace: '/home/dev/project' });
const programs = (src: string) => facts(src).commands.map((c) => c.program);
const unknowns = (src: string) => facts(src).unknown.map((u) => u.construct);
const readClasses = (src: string, program: string) => facts(src).commands.filter((c) => c.program === program).flatMap((c) => c.reads.flatMap((p) => p.classes));

test('env -S, strace -o |cmd and xargs -a name what runs and what is read', () => {
  for (const src of ["env -S 'rm -rf x'", "env -S'rm -rf x'", "env --split-string='rm -rf x'", "env -iS 'rm -rf x'", "strace -o '|rm -rf x' true", "strace -o'!rm -rf x' true"]) assert.ok(programs(src).includes('rm'), src);
  assert.ok(unknowns('env -S "$X"').includes('hidden-command'));
  assert.ok(unknowns('env -S"$X"').includes('hidden-command'), 'attached, with a run-time part');
  assert.ok(unknowns('env --split-string="$X"').includes('hidden-command'));
  assert.ok(unknowns('strace -o "$X" ls').includes('hidden-command'));
  assert.ok(readClasses('xargs -a ~/.ssh/id_rsa echo', 'echo').includes('secret'));
  assert.ok(readClasses('xargs --arg-file=list.txt echo', 'echo').includes('workspace'));
  assert.ok(unknowns('echo id | xargs sh -c').includes('hidden-command'), 'the items become the command string');
  assert.ok(unknowns('xargs -0 bash -c').includes('hidden-command'));
  assert.ok(!unknowns("echo a | xargs bash -c 'echo $0'").includes('hidden-command'), 'a command string of its own');
  assert.ok(!unknowns('ls | xargs -I{} sh -c "echo {}"').includes('hidden-command'));
});

test('environment dumps and secret variables printed by name are markers', () => {
  const markers = (src: string) => facts(src).commands.flatMap((c) => c.markers);
  for (const src of ['env', 'env -u X', 'env A=1', 'printenv', 'set', 'export -p', 'declare -p', 'typeset', 'jq -n env', "jq -n '$ENV'", "awk '{print ENVIRON[k]}'"]) assert.ok(markers(src).includes('dumps-env'), src);
  for (const src of ['env A=1 ls', 'set -e', 'export A=1', 'declare -i n=1', "jq '.env' x.json", 'printenv HOME', "env -S 'ls'"]) assert.ok(!markers(src).includes('dumps-env'), src);
  assert.ok(markers('declare -p GH_TOKEN').includes('prints-secret-env:GH_TOKEN'));
  assert.ok(markers("jq -n 'env.AWS_SECRET_ACCESS_KEY'").includes('prints-secret-env:AWS_SECRET_ACCESS_KEY'));
  assert.ok(markers('awk \'BEGIN{print ENVIRON["DB_PASSWORD"]}\'').includes('prints-secret-env:DB_PASSWORD'));
});

test('home dot-files are home-hidden; credential names are secret; a substitution reads what its commands looked at', () => {
  const classes = (src: string) => readClasses(src, 'cat');
  for (const src of ['cat ~/.bashrc', 'cat ~/.local/share/x', 'cat ~/.config/a/b', 'cat /root/.profile', 'cat ~/$x']) assert.ok(classes(src).includes('home-hidden'), src);
  for (const src of ['cat ~/notes.txt', 'cat ~/.ssh/id_rsa.pub', 'cat notes.txt']) assert.ok(!classes(src).includes('home-hidden'), src);
  for (const src of ['cat ~/.config/x/credentials.toml', 'cat ~/.local/share/keyrings/a', 'cat ~/.mozilla/firefox/p/logins.json', 'cat ~/.boto', 'cat ~/my-tokens.txt', 'cat $(ls ~/.ssh/id_*)']) assert.ok(classes(src).includes('secret'), src);
  for (const src of ['cat ~/.certs/ca.crt', 'cat ~/projects/auth-service/README.md', 'cat ~/.bashrc']) assert.ok(!classes(src).includes('secret'), src);
  assert.ok(!readClasses('openssl x509 -in cert.pem -noout', 'openssl').includes('secret'), 'a certificate command reads a certificate');
  assert.ok(readClasses('openssl x509 -req -in c.csr -signkey key.pem', 'openssl').includes('secret'), 'a key option reads a key');
});

test('tools pointed outside the workspace are marked; git -cKEY=VALUE is configuration', () => {
  const markers = (src: string) => facts(src).commands.flatMap((c) => c.markers).filter((m) => m.startsWith('outside-code:'));
  for (const src of ['npm --prefix /tmp/x test', 'npm test --script-shell=/bin/zsh', 'cargo build --manifest-path /tmp/C.toml', 'go run /tmp/x.go', 'git -C /tmp/x log', 'GIT_DIR=/x git log', 'export GIT_WORK_TREE=/x; git status', 'npm --prefix "$D" test']) assert.ok(markers(src).length > 0, src);
  for (const src of ['npm --prefix client test', 'go run ./cmd', 'go build -o /tmp/out .', 'git -C sub log', 'cargo build --manifest-path a/Cargo.toml']) assert.deepEqual(markers(src), [], src);
  assert.ok(facts("git -ccore.pager='sh -c id' log").commands[0].runs_command.includes('git-config:core.pager'));
  assert.deepEqual(facts("git -ccore.pager='less' log").commands[0].runs_command, []);
});

test('declare -i makes later assignments arithmetic', () => {
  assert.ok(unknowns('declare -i n; n=$x').includes('arithmetic-input'));
  assert.ok(unknowns("x='a[$(id)]'; declare -i n; n=$x").includes('arithmetic-code'));
  assert.ok(programs("x='a[$(id)]'; declare -i n; n=$x").includes('id'));
  assert.deepEqual(unknowns('declare -i n; n=$((1+2))'), []);
  assert.deepEqual(unknowns('n=$x'), []);
});

test('awk output files are read from the redirection expression', () => {
  const writes = (src: string) => facts(src).commands[0].writes;
  assert.ok(writes("awk '{print > ENVIRON[\"HOME\"] \"/.bashrc\"}' f")[0].classes.includes('shell-rc'));
  assert.ok(writes("awk '{print > $1}' f")[0].dynamic);
  assert.equal(writes("awk '{print > \"a.txt\"; print >> \"b.txt\"}' f").length, 2);
  assert.deepEqual(writes("awk '$3 > 1 {print $1}' f"), []);
});

test('declare -i written as an ordinary command gives the same attribute', () => {
  for (const src of ["x='a[$(id)]'; builtin declare -i n; n=$x", "x='a[$(id)]'; {declare,} -i n; n=$x", "d=typeset; x='a[$(id)]'; $d -i n; n=$x"]) assert.ok(programs(src).includes('id'), src);
  assert.deepEqual(unknowns('builtin declare -i n=5; n=3'), []);
});

test('read, printf -v and mapfile into an integer-attributed name are arithmetic on their input', () => {
  for (const src of ['declare -i n; read n', 'declare -i n; read -r n < input.txt', 'declare -i n; printf -v n %s "$x"', 'declare -i REPLY; read']) assert.ok(unknowns(src).includes('arithmetic-input'), src);
  assert.deepEqual(unknowns('read n; echo "$n"'), []);
});

test('declare -i with an assignment written as a quoted or split word is arithmetic too', () => {
  for (const src of ["x='a[$(id)]'; declare -i $'\\x79'=x", "x='a[$(id)]'; declare -i${IFS}y=x", "x='a[$(id)]'; declare -i \"y=x\""]) assert.ok(programs(src).includes('id'), src);
  assert.deepEqual(unknowns('declare -i "n=5"'), []);
});
