// What Paladin knows about programs, for describing a command: which ones
// wrap another command, which ones are shells or interpreters, which reach
// the network, and which arguments a program reads, writes or deletes.
// Judging them (allow / ask / deny) is the Rego policy's job, not this file's.

export const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh', 'mksh', 'ash', 'fish', 'csh', 'tcsh', 'yash', 'rbash', 'busybox-sh']);

/** Interpreters and the flags that take inline code. */
export const INTERPRETERS: Record<string, string[]> = {
  python: ['-c'],
  python2: ['-c'],
  python3: ['-c'],
  pypy: ['-c'],
  pypy3: ['-c'],
  perl: ['-e', '-E'],
  ruby: ['-e'],
  node: ['-e', '--eval', '-p', '--print'],
  nodejs: ['-e', '--eval', '-p', '--print'],
  deno: ['eval'],
  bun: ['-e', '--eval'],
  php: ['-r'],
  lua: ['-e'],
  luajit: ['-e'],
  Rscript: ['-e'],
  osascript: ['-e'],
  pwsh: ['-c', '-command', '-Command'],
  powershell: ['-c', '-command', '-Command'],
  tclsh: [],
  wish: [],
  expect: ['-c'],
  jshell: [],
  groovy: ['-e'],
  scala: ['-e'],
  julia: ['-e'],
  gdb: ['-ex', '--eval-command'],
};

/** Programs whose job is to run another program given in their argv. */
export const WRAPPERS = new Set([
  'env', 'command', 'builtin', 'exec', 'sudo', 'doas', 'timeout', 'nice', 'ionice', 'nohup', 'stdbuf', 'busybox', 'xargs',
  'setsid', 'time', 'toybox', 'pkexec', 'runuser', 'chrt', 'taskset', 'flock', 'unbuffer', 'chronic', 'caffeinate', 'strace', 'ltrace', 'watch', 'su',
  'chroot',
]);

export const PRIVILEGE_WRAPPERS = new Set(['sudo', 'doas', 'pkexec', 'runuser', 'su']);

/** Options of wrappers that consume the following word. */
export const WRAPPER_VALUE_OPTIONS: Record<string, Set<string>> = {
  env: new Set(['-u', '--unset', '-C', '--chdir', '-S', '--split-string']),
  sudo: new Set(['-u', '--user', '-g', '--group', '-C', '--close-from', '-D', '--chdir', '-h', '--host', '-p', '--prompt', '-r', '--role', '-t', '--type', '-U', '--other-user', '-T', '--command-timeout']),
  doas: new Set(['-u', '-C']),
  runuser: new Set(['-u', '--user', '-g', '--group', '-G', '--supp-group']),
  pkexec: new Set(['--user']),
  timeout: new Set(['-s', '--signal', '-k', '--kill-after']),
  nice: new Set(['-n', '--adjustment']),
  ionice: new Set(['-c', '--class', '-n', '--classdata', '-p', '--pid']),
  stdbuf: new Set(['-i', '--input', '-o', '--output', '-e', '--error']),
  exec: new Set(['-a']),
  // -e, -i and -l take their value attached only (`-eEND`), never as the next word.
  xargs: new Set(['-I', '-n', '--max-args', '-P', '--max-procs', '-L', '--max-lines', '-s', '--max-chars', '-d', '--delimiter', '-E', '-a', '--arg-file']),
  chrt: new Set([]),
  taskset: new Set([]),
  strace: new Set(['-o', '-e', '-p', '-s', '-u']),
  ltrace: new Set(['-o', '-e', '-p', '-s', '-u']),
  // watch's -d takes no separate value (`--differences[=permanent]`).
  watch: new Set(['-n', '--interval']),
  su: new Set(['-s', '--shell', '-g', '--group', '-G']),
  time: new Set(['-f', '--format', '-o', '--output']),
  flock: new Set(['-w', '--timeout', '-E', '--conflict-exit-code']),
  chroot: new Set(['--userspec', '--groups']),
};

/** Wrappers that take positional words before the command (timeout's DURATION, taskset's mask, ...). */
export const WRAPPER_LEADING_POSITIONALS: Record<string, number> = { timeout: 1, chrt: 1, taskset: 1, flock: 1, chroot: 1 };

export const NETWORK_TOOLS = new Set([
  'curl', 'wget', 'nc', 'ncat', 'netcat', 'socat', 'ssh', 'scp', 'sftp', 'ftp', 'tftp', 'telnet', 'ping', 'ping6', 'traceroute', 'tracepath',
  'dig', 'nslookup', 'host', 'nmap', 'whois', 'aria2c', 'http', 'https', 'lynx', 'links', 'w3m', 'mail', 'sendmail', 'mailx', 'mutt',
  'ssh-copy-id', 'rsh', 'rlogin', 'rcp', 'lftp', 'axel', 'httpie', 'xh', 'websocat', 'arp', 'ip', 'ifconfig', 'iptables', 'route', 'netstat', 'ss',
]);

/** Subcommands of otherwise local tools that reach the network. */
export const NETWORK_SUBCOMMANDS: Record<string, Set<string>> = {
  git: new Set(['clone', 'fetch', 'pull', 'push', 'ls-remote', 'remote', 'submodule', 'archive', 'send-email', 'request-pull']),
  npm: new Set(['install', 'i', 'ci', 'add', 'update', 'publish', 'login', 'adduser', 'exec', 'x', 'view', 'info', 'search', 'audit', 'outdated']),
  npx: new Set(['*']),
  yarn: new Set(['add', 'install', 'upgrade', 'publish', 'dlx', 'up', 'npm']),
  pnpm: new Set(['add', 'install', 'i', 'update', 'publish', 'dlx']),
  pip: new Set(['install', 'download', 'search']),
  pip3: new Set(['install', 'download', 'search']),
  'apt-get': new Set(['install', 'update', 'upgrade', 'dist-upgrade', 'download', 'source']),
  apt: new Set(['install', 'update', 'upgrade', 'full-upgrade', 'download']),
  yum: new Set(['install', 'update', 'upgrade']),
  dnf: new Set(['install', 'update', 'upgrade']),
  brew: new Set(['install', 'update', 'upgrade', 'tap']),
  gem: new Set(['install', 'update', 'push']),
  cargo: new Set(['install', 'publish', 'add', 'update', 'fetch']),
  go: new Set(['get', 'install', 'mod']),
  docker: new Set(['pull', 'push', 'login', 'run', 'build']),
  rsync: new Set(['*remote*']),
  openssl: new Set(['s_client', 's_server', 's_time', 'ocsp']),
};

/** Programs that take no path arguments at all (their words are data). */
export const NO_PATH_ARGS = new Set([
  'echo', 'printf', 'test', '[', '[[', 'expr', 'seq', 'sleep', 'true', 'false', ':', 'kill', 'killall', 'pkill', 'date', 'cal', 'yes', 'export',
  'set', 'unset', 'shift', 'return', 'exit', 'break', 'continue', 'read', 'local', 'declare', 'typeset', 'readonly', 'let', 'alias', 'unalias',
  'type', 'which', 'whereis', 'hash', 'command', 'help', 'man', 'whatis', 'apropos', 'info', 'bc', 'dc', 'factor', 'ps', 'pgrep', 'id', 'whoami',
  'groups', 'uname', 'hostname', 'uptime', 'nproc', 'arch', 'getconf', 'tput', 'clear', 'trap', 'wait', 'jobs', 'fg', 'bg', 'disown', 'ulimit', 'umask',
  'printenv', 'history', 'pwd', 'dirs', 'logname', 'users', 'who', 'w', 'last', 'tty', 'stty', 'cd', 'pushd', 'popd', 'getopts', 'shopt', 'enable',
]);

/** Programs that delete every path argument. */
export const DELETERS = new Set(['rm', 'rmdir', 'unlink', 'shred', 'srm', 'trash', 'trash-put']);

/** Programs that create or change every path argument. */
export const WRITE_ALL = new Set(['touch', 'mkdir', 'mkfifo', 'mknod', 'truncate', 'tee', 'fallocate', 'mktemp', 'sponge']);

/** Programs whose first positional is not a path (a mode, an owner, a pattern, a script, ...). */
export const FIRST_IS_NOT_PATH = new Set(['chmod', 'chown', 'chgrp', 'chattr', 'setfacl', 'grep', 'egrep', 'fgrep', 'rg', 'ag', 'ack', 'sed', 'awk', 'gawk', 'mawk', 'nawk', 'jq', 'yq', 'install']);

/** Programs that change their path arguments in place (after the first positional). */
export const MODIFY_AFTER_FIRST = new Set(['chmod', 'chown', 'chgrp', 'chattr', 'setfacl']);

/** Programs that copy or move: the last positional is written. */
export const COPIERS = new Set(['cp', 'mv', 'ln', 'install', 'rsync', 'scp', 'link']);

/** Compressors that replace their input files unless told to keep them. */
export const COMPRESSORS = new Set(['gzip', 'gunzip', 'bzip2', 'bunzip2', 'xz', 'unxz', 'zstd', 'unzstd', 'lzma', 'unlzma', 'compress', 'uncompress']);

/** Commands people use to power off or take a machine down. */
export const SYSTEM_CONTROL = new Set(['shutdown', 'reboot', 'halt', 'poweroff', 'init', 'telinit', 'systemctl', 'service', 'kexec']);

export const EVAL_LIKE = new Set(['eval']);
export const SOURCE_LIKE = new Set(['source', '.']);

/** Programs whose words are another command line to parse (trap 'cmd' SIG, watch 'cmd'). */
export const CODE_ARG_PROGRAMS = new Set(['trap', 'watch']);

/** A program's name without its folder: `/usr/bin/rm` → rm. */
export function programName(program: string): string {
  return program.replace(/^.*\//, '');
}

/** Well-known names a function or alias could shadow. */
export function isWellKnownProgram(name: string): boolean {
  return (
    SHELLS.has(name) || name in INTERPRETERS || WRAPPERS.has(name) || NETWORK_TOOLS.has(name) || NO_PATH_ARGS.has(name) || DELETERS.has(name) ||
    WRITE_ALL.has(name) || COPIERS.has(name) || COMPRESSORS.has(name) ||
    ['ls', 'cat', 'grep', 'find', 'git', 'cd', 'sed', 'awk', 'sort', 'head', 'tail', 'less', 'more', 'vi', 'vim', 'nano', 'make', 'npm', 'node'].includes(name)
  );
}
