// Generates bash command lines that exercise what decides which program runs:
// wrappers nested up to three deep with their options, values and
// assignments, program names spelled with paths, quotes, backslashes,
// variables, globs and substitutions, and every place a command can hide
// (pipes, lists, substitutions, loops, tests, functions, declarations,
// redirections, here-documents). Deterministic for a given seed.

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROGRAMS = [
  'rm -rf build', 'ls -la', 'git log --oneline', 'git -C repo status', 'find . -name "*.c" -exec wc -l {} \\;', 'find . -type f -delete',
  'cat file', 'grep -rn foo .', 'curl -s https://example.com', 'docker run --rm img', 'npm test', 'tar xzf a.tgz', 'bash -c "rm x"',
  "sh -c 'ls'", 'python3 -c "print(1)"', 'echo hi', 'cp a b', 'chmod +x f', 'sed -i s/a/b/ f', "awk '{print $1}' f", 'kill -9 1', 'make',
  'cargo build', 'kubectl get pods', 'terraform plan', 'eval "ls"', 'source x.sh', '. x.sh', 'trap "rm x" EXIT', 'watch ls', 'watch -d rm x',
  'su -c "id"', 'busybox rm x', 'sudo -e /etc/hosts', 'sudo -i', 'command -v ls', 'exec ls', 'xargs -I{} rm {}', 'xargs rm', 'xargs', 'xargs -e rm x',
  'env', 'env X=1', 'nohup', 'timeout 5', '[ -f x ]', 'true', 'tee out', 'wc -l', 'sort -u', 'head -n 3',
];

const WRAPPERS = [
  'sudo', 'sudo -u bob', 'env', 'env X=1', 'env -i A=1 B=2', 'nice', 'nice -n 5', 'timeout 5', 'timeout -s KILL 5', 'nohup', 'stdbuf -o0',
  'setsid', 'ionice -c 3', 'command', 'builtin', 'exec', 'time', 'time -o t.txt', 'flock /tmp/l', 'chroot /srv', 'taskset 1', 'chrt 1', 'doas',
  'busybox', 'xargs -0', 'xargs -I{}', 'strace -o log', 'env --', 'sudo --', 'command --',
];

const SPELLINGS: ((name: string) => string)[] = [
  (n) => n,
  (n) => n,
  (n) => n,
  (n) => `/usr/bin/${n}`,
  (n) => `\\${n}`,
  (n) => (n.length > 1 ? `${n[0]}'${n.slice(1)}'` : n),
  (n) => `"${n}"`,
  (n) => `$HOME/bin/${n}`,
  (n) => `./${n}`,
  () => '/???/r?',
  () => '$P',
  () => '$(echo rm)',
];

const SHAPES: ((a: string, b: string, c: string) => string)[] = [
  (a) => a,
  (a, b) => `${a} | ${b}`,
  (a, b) => `${a} && ${b}`,
  (a, b, c) => `${a} || ${b}; ${c}`,
  (a, b) => `echo "$(${a})" > $(${b})`,
  (a, b) => `${a} <(${b})`,
  (a, b, c) => `if ${a}; then ${b}; else ${c}; fi`,
  (a, b) => `for f in *; do ${a}; done; ${b}`,
  (a) => `while read l; do ${a}; done < list`,
  (a, b) => `f() { ${a}; }; f; ${b}`,
  (a) => `x=$(${a})`,
  (a) => `export X=$(${a})`,
  (a) => `export $(${a})`,
  (a) => `local v=\`${a}\``,
  (a) => `[[ -n $(${a}) ]]`,
  (a) => `(( $(${a}) > 1 ))`,
  (a, b) => `case $(${a}) in x) ${b};; esac`,
  (a) => `{ ${a}; } > out 2>&1`,
  (a, b) => `( ${a} ); ${b} &`,
  (a) => `cat <<EOF\n$(${a})\nEOF`,
  (a) => `arr=( $(${a}) )`,
  (a) => `echo \${x:-$(${a})}`,
  (a, b) => `${a} > /dev/null; ! ${b}`,
];

function pick<T>(random: () => number, list: T[]): T {
  return list[Math.floor(random() * list.length)];
}

function simpleCommand(random: () => number): string {
  const program = pick(random, PROGRAMS);
  const [name, ...rest] = program.split(' ');
  const spelled = [pick(random, SPELLINGS)(name), ...rest].join(' ');
  const depth = Math.floor(random() * 4);
  const wrappers = Array.from({ length: depth }, () => pick(random, WRAPPERS).split(' '));
  return [...wrappers.map((w) => [pick(random, SPELLINGS.slice(0, 6))(w[0]), ...w.slice(1)].join(' ')), spelled].join(' ');
}

export function generateCommands(count: number, seed: number): string[] {
  const random = mulberry32(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(pick(random, SHAPES)(simpleCommand(random), simpleCommand(random), simpleCommand(random)));
  return out;
}
