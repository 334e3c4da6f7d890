// The shell every sandbox container starts with. It waits on stdin for one
// command (so a container can be created and started ahead of time, in the
// warm pool), runs it, kills whatever the command left behind, and reports
// the exit status and the cgroup's OOM-kill count on both output streams
// behind a random marker. POSIX sh only: it must work in a busybox image.
//
// Protocol on stdin:
//   line 1: <marker> <hold|exit>
//   then the command's lines, then a line holding only <marker>.
// `hold` keeps the container (and its snapshot volume) alive after the
// command so the host can read the workspace back; the host then kills it.
//
// The marker is not secret from the command itself (it could read the
// parent's memory); forging it only lets a command misreport its own exit.

export const BOOTSTRAP_SCRIPT = [
  `trap 'kill -TERM -1 2>/dev/null' TERM`,
  `read -r m h || exit 70`,
  `c=`,
  `while IFS= read -r l; do [ "$l" = "$m" ] && break; c="$c$l`,
  `"; done`,
  `if [ -x /bin/bash ]; then s=/bin/bash; else s=/bin/sh; fi`,
  `$s -c "$c" </dev/null &`,
  `p=$!`,
  // A TERM interrupts wait; keep waiting so the command gets its grace period.
  `while :; do wait $p; r=$?; kill -0 $p 2>/dev/null || break; done`,
  `kill -KILL -1 2>/dev/null`,
  `o=0`,
  `for f in /sys/fs/cgroup/memory/memory.oom_control /sys/fs/cgroup/memory.events; do`,
  `  [ -r "$f" ] && while read -r k v; do [ "$k" = oom_kill ] && o=$v; done <"$f"`,
  `done`,
  `printf '%s:%d:%d\\n' "$m" "$r" "$o"`,
  `printf '%s:%d:%d\\n' "$m" "$r" "$o" >&2`,
  `[ "$h" = hold ] && read -r _`,
  `exit 0`,
].join('\n');

export const BOOTSTRAP_CMD = ['/bin/sh', '-c', BOOTSTRAP_SCRIPT];

/** What to write to the container's stdin to run `command`. */
export function commandMessage(marker: string, command: string, hold: boolean): string {
  if (command.includes('\0')) throw new Error('The command contains a NUL byte; shell commands cannot.');
  const lines = command.split('\n');
  if (lines.some((l) => l.replace(/\r$/, '') === marker)) throw new Error('The command contains the sandbox marker line; run it again.');
  return `${marker} ${hold ? 'hold' : 'exit'}\n${command}\n${marker}\n`;
}

export interface MarkerReport {
  status: number;
  oomKills: number;
}

/** Parses the text after `<marker>:` up to the newline. */
export function parseMarkerTail(tail: string): MarkerReport | undefined {
  const m = /^(\d{1,3}):(\d{1,9})$/.exec(tail.trim());
  if (!m) return undefined;
  return { status: Number(m[1]), oomKills: Number(m[2]) };
}
