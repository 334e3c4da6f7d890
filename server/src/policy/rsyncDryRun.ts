// Whether an rsync command is a dry run that writes nothing. Read as rsync
// itself reads its options, because a word that merely looks like -n is no
// dry run: `-Tn` is a temporary folder named n, `--exclude -n` a pattern,
// `--no-n` and `--no-dry-run` turn the dry run off again, and a word from a
// variable may hold any option. When in doubt the copy is taken to write.

import type { WordValue } from '../shell/words';

/** Short options that take a value: the rest of the bundle, or the next word. */
const SHORT_WITH_VALUE = new Set(['e', 'B', 'f', 'T', 'M', '@']);

/** Long options that take a value, as `--name=value` or `--name value`. */
const LONG_WITH_VALUE = new Set([
  'rsh', 'rsync-path', 'filter', 'exclude', 'exclude-from', 'include', 'include-from', 'files-from', 'temp-dir',
  'compare-dest', 'copy-dest', 'link-dest', 'backup-dir', 'suffix', 'chmod', 'chown', 'usermap', 'groupmap',
  'block-size', 'max-delete', 'max-size', 'min-size', 'max-alloc', 'partial-dir', 'timeout', 'contimeout',
  'modify-window', 'log-file', 'log-file-format', 'out-format', 'log-format', 'password-file', 'bwlimit',
  'write-batch', 'only-write-batch', 'read-batch', 'protocol', 'iconv', 'checksum-choice', 'cc', 'compress-choice',
  'zc', 'compress-level', 'zl', 'skip-compress', 'address', 'port', 'sockopts', 'outbuf', 'remote-option', 'info',
  'debug', 'stop-after', 'time-limit', 'stop-at', 'early-input', 'copy-as', 'config', 'dparam', 'checksum-seed',
  'stderr', 'confine-root', 'compress-threads', 'zt',
]);

/** Options with which rsync writes or applies something even in a dry run, or stops being a copy. */
const WRITES_ANYWAY = new Set(['log-file', 'write-batch', 'only-write-batch', 'read-batch', 'daemon', 'server', 'sender', 'remote-option']);

/** "--no-n", "--no-dry-run": the dry run turned off. */
const undoesDryRun = (name: string) => name === 'n' || name === 'dry-run';

/** True only when the options surely make rsync write and delete nothing. */
export function rsyncDryRun(args: WordValue[]): boolean {
  let dry = false;
  // Under POSIXLY_CORRECT (which the policy cannot see) rsync reads no option after the first path: a -n there is a path.
  let pathSeen = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    // A variable may hold any option, and so may a glob that can expand to a name like --log-file=x.
    if (a.dynamic || (a.glob && /^[*?[]/.test(a.text))) return false;
    const t = a.text;
    if (t === '--') break;
    if (t.startsWith('--')) {
      const [name, value] = [t.slice(2).split('=')[0], t.includes('=')];
      if (WRITES_ANYWAY.has(name)) return false;
      if (name === 'dry-run') dry = !pathSeen;
      else if (name.startsWith('no-') && undoesDryRun(name.slice(3))) dry = false;
      else if (LONG_WITH_VALUE.has(name) && !value) i++;
    } else if (t.startsWith('-') && t.length > 1) {
      for (const [j, letter] of [...t.slice(1)].entries()) {
        if (letter === 'n') dry = !pathSeen;
        // -M passes its value as an option of the receiving rsync, which a local copy runs too (-M--log-file=x).
        if (letter === 'M') return false;
        if (!SHORT_WITH_VALUE.has(letter)) continue;
        // The value is what follows the letter, or the next word when nothing does.
        if (j === t.length - 2) i++;
        break;
      }
    } else pathSeen = true;
  }
  return dry;
}
