// What runs inside a sandbox container. The container's own process is a
// keeper: it waits (so a container can be created and started ahead of time,
// in the warm pool), and on USR1 kills every process of the run's user, on
// TERM passes TERM on to them. The command itself runs as an Engine API exec
// whose process *is* the command's shell (the wrapper below replaces itself
// with `exec`), so its exit status is read from the engine (exec inspect),
// never from anything the command can write into. POSIX sh only: it must work
// in a busybox image.

export const KEEPER_SCRIPT = [
  `trap 'kill -TERM -1 2>/dev/null' TERM`,
  `trap 'kill -KILL -1 2>/dev/null' USR1`,
  // `wait` returns when a signal arrives; the loop then waits again.
  `while :; do sleep 2147483 & wait $!; done`,
].join('\n');

export const KEEPER_CMD = ['/bin/sh', '-c', KEEPER_SCRIPT];

export function checkCommand(command: string): void {
  if (command.includes('\0')) throw new Error('The command contains a NUL byte; shell commands cannot.');
}

/** The exec's command line: bash when the image has it, else sh, with `command` as its script. */
export function commandExec(command: string): string[] {
  checkCommand(command);
  return ['/bin/sh', '-c', 'if [ -x /bin/bash ]; then exec /bin/bash -c "$1"; fi; exec /bin/sh -c "$1"', 'sh', command];
}

/**
 * A warm container's exec started ahead of its command: it reads the command
 * from its stdin until the stream is closed, then replaces itself with the
 * command's shell, as `commandExec` does, so the engine still reports the
 * command's own exit status. Starting an exec costs the engine a process
 * spawn in the container; done while the container waits in the pool, a run
 * pays only for writing its command. The command must end with `mark` (a
 * line of its own, no newline after it): a stream cut short runs nothing,
 * never the part of a command that arrived. Shell builtins only (no `cat`).
 */
export function waitingExec(mark: string): string[] {
  const script = [
    'c=',
    'while IFS= read -r l; do c="$c$l\n"; done',
    '[ "$l" = "$1" ] || { echo "paladin: the command did not arrive whole; nothing was run" >&2; exit 125; }',
    'if [ -x /bin/bash ]; then exec /bin/bash -c "$c"; fi',
    'exec /bin/sh -c "$c"',
  ].join('\n');
  return ['/bin/sh', '-c', script, 'sh', mark];
}

/** Reads the cgroup's OOM-kill count; run as a user the command's processes cannot trace. */
export const OOM_READER = [
  '/bin/sh',
  '-c',
  'o=0; for f in /sys/fs/cgroup/memory/memory.oom_control /sys/fs/cgroup/memory.events; do ' +
    '[ -r "$f" ] && while read -r k v; do [ "$k" = oom_kill ] && o=$v; done <"$f"; done; echo "oom_kill $o"',
];
/** Nobody: not the run's user, so the run's processes cannot ptrace the reader. */
export const READER_USER = '65534:65534';

export function parseOomCount(text: string): number | undefined {
  const m = /oom_kill (\d{1,9})/.exec(text);
  return m ? Number(m[1]) : undefined;
}
