// Classifies a path a command touches, so the policy can speak of "the
// filesystem root", "a secret" or "the workspace" without string games.
// Relative paths are resolved against the command's working folder as far as
// the command line itself makes it known (`cd / && rm -rf *`).

import * as path from 'node:path';
import { DYNAMIC, showDynamic } from '../shell/words';

export interface PathFact {
  path: string;
  /** Part of the path is only known at run time ($x, $(...)). */
  dynamic: boolean;
  glob: boolean;
  /** Where it resolves: the workspace-relative or absolute form the classes were computed on. */
  resolved: string;
  classes: string[];
}

/** Where the command runs: the workspace root, a folder set by `cd`, or unknown. */
export type Cwd = { kind: 'workspace'; rel: string } | { kind: 'abs'; path: string } | { kind: 'unknown' };

const SYSTEM_DIRS = ['/bin', '/boot', '/etc', '/lib', '/lib32', '/lib64', '/libx32', '/opt', '/proc', '/root', '/sbin', '/sys', '/usr', '/var', '/srv', '/snap', '/run', '/System', '/Library', '/Applications', '/private', '/efi', '/lost+found'];
/** System folders that hold data and add-ons rather than the system itself: changes there are asked about, not refused. */
const SYSTEM_DATA_DIRS = ['/var/log', '/var/www', '/var/lib', '/var/cache', '/var/backups', '/var/mail', '/var/spool/mail', '/var/opt', '/opt', '/srv', '/usr/local', '/usr/src', '/snap', '/run/user', '/Applications', '/Library/Caches'];
const PSEUDO_DEVICES = new Set(['/dev/null', '/dev/zero', '/dev/random', '/dev/urandom', '/dev/stdin', '/dev/stdout', '/dev/stderr', '/dev/tty', '/dev/full']);
const SECRET_HOME = ['.ssh', '.aws', '.gnupg', '.kube', '.docker', '.netrc', '.npmrc', '.pypirc', '.git-credentials', '.config/gcloud', '.azure', '.config/gh', '.password-store', '.vault-token', '.bash_history', '.zsh_history', '.pgpass', '.my.cnf', '.terraform.d', '.cargo/credentials', '.config/hub', '.gem/credentials'];
const SHELL_RC = ['.bashrc', '.bash_profile', '.bash_login', '.profile', '.zshrc', '.zprofile', '.zshenv', '.zlogin', '.kshrc', '.cshrc', '.tcshrc', '.config/fish/config.fish', '.xinitrc', '.xprofile', '.inputrc', '.bash_logout'];
const SECRET_SYSTEM = ['/etc/shadow', '/etc/gshadow', '/etc/sudoers', '/etc/ssh/ssh_host_', '/etc/ssl/private', '/root/.ssh'];
const SECRET_NAME = /^(\.env(\.(?!example$|sample$|template$|dist$|defaults$)[^/]*)?|id_(rsa|dsa|ecdsa|ed25519)(\.pub)?|.*\.(pem|key|p12|pfx|keystore|jks)|credentials(\.json)?|secrets?\.(ya?ml|json|toml)|\.htpasswd|authorized_keys|known_hosts)$/;
const PERSISTENCE_SYSTEM = ['/etc/cron', '/etc/crontab', '/etc/anacrontab', '/var/spool/cron', '/etc/systemd', '/lib/systemd', '/usr/lib/systemd', '/etc/init.d', '/etc/rc.local', '/etc/profile', '/etc/bash.bashrc', '/etc/environment', '/etc/ld.so.preload', '/etc/sudoers', '/Library/LaunchDaemons', '/Library/LaunchAgents'];

const GLOB = /[*?[]/;

function under(p: string, dir: string): boolean {
  return p === dir || p.startsWith(dir.endsWith('/') ? dir : dir + '/');
}

/**
 * @param raw the word as the shell would see it after quote removal; dynamic parts are `\u0000`.
 * @param quotedGlob true when glob characters were quoted (no expansion).
 */
/**
 * `opts.pick`: the dynamic tail names some entries under the folder (find's results), so an
 * empty expansion cannot turn it into the folder itself as it can for `rm -rf /$x`.
 */
export function classifyPath(raw: string, cwd: Cwd, workspace: string | undefined, opts: { dynamic: boolean; glob: boolean; pick?: boolean }): PathFact {
  const classes = new Set<string>();
  let text = raw;
  let dynamic = opts.dynamic;
  let home = false;
  if (text === '~' || text.startsWith('~/')) {
    home = true;
    text = '/~' + text.slice(1);
  } else if (/^~[a-zA-Z_]/.test(text)) {
    home = true;
    text = '/~' + text.slice(text.indexOf('/') === -1 ? text.length : text.indexOf('/'));
  }
  // A dynamic part at the very start leaves the location unknown; later on, only the tail is unknown.
  const firstDynamic = text.indexOf(DYNAMIC);
  if (firstDynamic === 0) {
    classes.add('unknown-location');
    return { path: showDynamic(raw), dynamic: true, glob: opts.glob, resolved: '', classes: [...classes] };
  }
  let stable = firstDynamic > 0 ? text.slice(0, firstDynamic) : text;
  if (firstDynamic > 0) {
    dynamic = true;
    classes.add('dynamic-tail');
    // `/tmp/$x` is somewhere under /tmp; `/tm$x` is under /.
    stable = stable.endsWith('/') ? stable : path.posix.dirname(stable + 'x');
  }
  let resolved: string;
  if (stable.startsWith('/')) {
    resolved = path.posix.normalize(stable);
  } else if (cwd.kind === 'unknown') {
    classes.add('unknown-location');
    resolved = '?/' + stable;
  } else if (cwd.kind === 'abs') {
    resolved = path.posix.normalize(path.posix.join(cwd.path, stable));
  } else {
    const rel = path.posix.normalize(path.posix.join(cwd.rel || '.', stable));
    if (rel === '..' || rel.startsWith('../')) {
      classes.add('outside');
      classes.add('parent');
      resolved = rel;
    } else {
      classes.add('workspace');
      resolved = rel;
    }
  }
  if (resolved.length > 1 && resolved.endsWith('/')) resolved = resolved.slice(0, -1);

  if (resolved.startsWith('/')) {
    const ws = workspace ? path.posix.normalize(workspace) : undefined;
    if (ws && under(resolved, ws)) {
      classes.add('workspace');
      resolved = resolved === ws ? '.' : path.posix.relative(ws, resolved);
    } else if (under(resolved, '/workspace')) {
      classes.add('workspace');
      resolved = resolved === '/workspace' ? '.' : resolved.slice('/workspace/'.length);
    }
  }
  if (!classes.has('workspace') && !classes.has('unknown-location') && !classes.has('parent')) {
    const p = resolved;
    if (home || under(p, '/~') || /^\/home\/[^/]+/.test(p) || under(p, '/root') || /^\/Users\/[^/]+/.test(p)) {
      classes.add('home');
      const inHome = p.startsWith('/~') ? p.slice(2).replace(/^\//, '') : p.replace(/^\/(home|Users)\/[^/]+\/?|^\/root\/?/, '');
      if ((inHome === '' && !opts.pick) || (GLOB.test(inHome.split('/')[0]) && !inHome.includes('/'))) classes.add('home-root');
      if (SECRET_HOME.some((s) => under(inHome, s))) classes.add('secret');
      if (SHELL_RC.some((s) => inHome === s)) classes.add('shell-rc');
      if (under(inHome, '.ssh/authorized_keys') || under(inHome, '.config/autostart') || under(inHome, '.config/systemd') || under(inHome, 'Library/LaunchAgents')) classes.add('persistence');
    } else if (p === '/' && classes.has('dynamic-tail') && opts.pick) {
      // `/$x`: some path, anywhere; not the root itself.
      classes.add('outside');
    } else if (p === '/' || (opts.glob && /^\/[^/]*$/.test(p) && GLOB.test(p))) {
      classes.add('root');
    } else if (under(p, '/dev')) {
      if (under(p, '/dev/tcp') || under(p, '/dev/udp')) classes.add('network-socket');
      else if (PSEUDO_DEVICES.has(p) || under(p, '/dev/fd') || under(p, '/dev/shm') || under(p, '/dev/pts')) classes.add('pseudo-device');
      else classes.add('device');
    } else if (under(p, '/tmp') || under(p, '/var/tmp')) {
      classes.add('tmp');
    } else if (SYSTEM_DATA_DIRS.some((d) => under(p, d) && p !== d)) {
      classes.add('system-data');
    } else if (SYSTEM_DIRS.some((d) => under(p, d))) {
      classes.add('system');
      if (SYSTEM_DIRS.includes(p)) classes.add('system-top');
    } else {
      classes.add('outside');
    }
    if (SECRET_SYSTEM.some((s) => under(p, s) || (s.endsWith('_') && p.startsWith(s)))) classes.add('secret');
    if (PERSISTENCE_SYSTEM.some((s) => under(p, s))) classes.add('persistence');
  }
  if (classes.has('workspace')) {
    const rel = resolved;
    if (rel === '.' || (opts.glob && !rel.includes('/') && GLOB.test(rel))) classes.add('workspace-root');
    if (rel === '.git' || under(rel, '.git') || /(^|\/)\.git(\/|$)/.test(rel)) {
      classes.add('git');
      if (/(^|\/)\.git\/(hooks|config)(\/|$)/.test(rel) || /(^|\/)\.git\/(hooks|config)$/.test(rel)) classes.add('git-config');
    }
    if (/(^|\/)\.vscode\//.test(rel)) classes.add('editor-config');
  }
  const base = path.posix.basename(resolved);
  if (SECRET_NAME.test(base)) classes.add('secret');
  if (opts.glob) classes.add('glob');
  if (dynamic) classes.add('dynamic');
  return { path: showDynamic(raw), dynamic, glob: opts.glob, resolved, classes: [...classes].sort() };
}

/** The folder a `cd` word moves to, relative to the current one. */
export function changeDirectory(cwd: Cwd, target: string | null, workspace: string | undefined): Cwd {
  if (target === null) return { kind: 'unknown' };
  if (target === '' || target === '~' || target.startsWith('~/')) return { kind: 'abs', path: '/~' + target.slice(1) };
  if (target === '-') return { kind: 'unknown' };
  const fact = classifyPath(target, cwd, workspace, { dynamic: false, glob: GLOB.test(target) });
  if (fact.classes.includes('unknown-location')) return { kind: 'unknown' };
  if (fact.classes.includes('workspace')) return { kind: 'workspace', rel: fact.resolved === '.' ? '' : fact.resolved };
  if (fact.resolved.startsWith('/')) return { kind: 'abs', path: fact.resolved };
  // A parent of the workspace: unknown on the host, outside in any case.
  return { kind: 'abs', path: '/..' };
}
