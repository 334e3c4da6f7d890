// Classifies a path a command touches, so the policy can speak of "the
// filesystem root", "a secret" or "the workspace" without string games.
// Relative paths are resolved against the command's working folder as far as
// the command line itself makes it known (`cd / && rm -rf *`).

import * as path from 'node:path';
import { DYNAMIC, showDynamic } from '../shell/words';
import { isWellKnownProgram } from '../shell/programs';

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
const SECRET_HOME = [
  '.ssh', '.aws', '.gnupg', '.kube', '.docker', '.netrc', '.npmrc', '.pypirc', '.git-credentials', '.config/gcloud', '.azure', '.config/gh', '.password-store', '.vault-token', '.bash_history',
  '.zsh_history', '.pgpass', '.my.cnf', '.terraform.d', '.cargo/credentials', '.config/hub', '.gem/credentials',
  // Cloud and storage command-line tools keep their keys in their configuration.
  '.boto', '.s3cfg', '.passwd-s3fs', '.config/rclone', '.oci', '.config/doctl', '.config/hcloud', '.bluemix', '.aliyun', '.config/openstack', '.config/scw', '.config/linode-cli',
  '.linode-cli', '.databrickscfg', '.snowsql', '.config/op', '.config/configstore', '.netlify', '.config/netlify', '.vercel', '.fly', '.m2/settings-security.xml', '.authinfo',
  '.authinfo.gpg', '.local/share/keyrings', '.mozilla/firefox', '.thunderbird', '.config/google-chrome', '.config/chromium', '.config/BraveSoftware', '.config/Slack', '.wallet',
];
/** A name that says it holds a credential (in a dot-folder of the home folder, any part of the path; elsewhere in it, the file's own name). */
const CREDENTIAL_WORD = /credential|secret|token|auth(?!or)|passw|vault|keyring|login|private|^id_[^.]*$|\.(pem|key|p12|pfx|kdbx|gpg|asc)$/i;
/** Public halves and certificates: reading them shows nothing secret. */
const PUBLIC_FILE = /\.(pub|crt|cer)$|^(known_hosts(\.old)?|authorized_keys2?)$/;
/** Folders that hold home folders: a path picked under one may be any dot-file of any user. */
const HOME_HOLDERS = ['/', '/home', '/Users', '/root'];
/** Read by a shell, an editor, a language runtime, a tool or a login when it starts: writing one runs code later. */
const STARTUP_HOME = [
  '.bash_aliases', '.bashrc.d', '.profile.d', '.zlogout', '.zsh', '.oh-my-zsh/custom', '.config/fish', '.vimrc', '.gvimrc', '.exrc', '.vim/plugin',
  '.config/nvim', '.emacs', '.emacs.d', '.gitconfig', '.config/git', '.ssh/config', '.ssh/rc', '.ssh/environment', '.pam_environment', '.config/environment.d',
  '.xsession', '.xsessionrc', '.xinitrc', '.config/autostart', '.config/systemd', '.local/share/systemd', '.config/upstart', 'Library/LaunchAgents', '.pythonrc',
  '.pythonstartup', '.irbrc', '.pryrc', '.gdbinit', '.lldbinit', '.tmux.conf', '.screenrc', '.wgetrc', '.curlrc', '.lesskey', '.config/lesskey', '.mailcap',
  '.Rprofile', '.perldb', '.npmrc', '.yarnrc', '.config/pip', '.pip', '.cargo/config', '.cargo/config.toml', '.m2/settings.xml', '.gradle/init.d',
  '.gradle/gradle.properties', '.config/containers', '.docker/config.json', '.kube/config', '.config/direnv', '.envrc', '.config/starship.toml',
];
/** Python runs these from any site-packages folder at start. */
const STARTUP_NAME = /^(usercustomize|sitecustomize)\.py$|\.pth$/;
function startupName(base: string, glob: boolean): boolean {
  if (STARTUP_NAME.test(base)) return true;
  if (!glob || !GLOB.test(base)) return false;
  // Some names the pattern matches: each `?` tried as every letter, classes as their first member.
  const plain = base.replace(/\[!?([^\]])[^\]]*\]/g, '$1').replace(/\*/g, '');
  const tries = plain.includes('?') ? [...'abcdefghijklmnopqrstuvwxyz'].map((c) => plain.replace(/\?/g, c)) : [plain];
  return tries.some((n) => STARTUP_NAME.test(n)) || ['usercustomize.py', 'sitecustomize.py'].some((n) => partRegex(base).test(n));
}

/** Where a shell or the system keeps what happened: changing it hides activity. */
const HISTORY_HOME = ['.bash_history', '.zsh_history', '.history', '.sh_history', '.python_history', '.lesshst', '.local/share/fish/fish_history', '.node_repl_history', '.psql_history', '.mysql_history', '.viminfo', '.local/share/recently-used.xbel'];
const SHELL_RC = ['.bashrc', '.bash_profile', '.bash_login', '.profile', '.zshrc', '.zprofile', '.zshenv', '.zlogin', '.kshrc', '.cshrc', '.tcshrc', '.config/fish/config.fish', '.xinitrc', '.xprofile', '.inputrc', '.bash_logout'];
const SECRET_SYSTEM = ['/etc/shadow', '/etc/gshadow', '/etc/sudoers', '/etc/ssh/ssh_host_', '/etc/ssl/private', '/root/.ssh', '/var/run/secrets', '/run/secrets', '/etc/kubernetes/pki', '/etc/kubernetes/admin.conf', '/var/lib/kubelet/pki'];
/** Secret system files a pattern is tried against. */
const SECRET_SYSTEM_SAMPLES = ['/etc/ssh/ssh_host_rsa_key', '/etc/ssh/ssh_host_ed25519_key', '/etc/ssh/ssh_host_ecdsa_key', '/proc/self/environ', '/proc/1/environ', '/proc/self/mem', '/etc/shadow', '/etc/gshadow'];
/** Files named like a secret wherever they are; public keys and host lists are not secrets. */
const SECRET_NAME = /^(\.env(\.(?!example$|sample$|template$|dist$|defaults$)[^/]*)?|id_(rsa|dsa|ecdsa|ed25519)(_sk)?|.*\.(pem|key|p12|pfx|keystore|jks|ppk|kdbx)|credentials(\.json|\.db)?|secrets?\.(ya?ml|json|toml)|\.htpasswd|\.netrc|\.pgpass|service[-_]?account.*\.json|token|access_?tokens\.json)$/;
/** In ~/.ssh only these are public: everything else there may be a private key. */
const SSH_PUBLIC = /^(.*\.pub|known_hosts(\.old)?|authorized_keys2?|config)$/;
/** Names a pattern is tried against: a pattern that could match one of them is treated as matching it. */
const SECRET_SAMPLES = ['id_rsa', 'id_ed25519', 'id_ecdsa', 'id_dsa', '.env', '.env.local', 'credentials', 'credentials.json', 'secrets.yml', 'server.key', 'cert.pem', '.netrc', '.pgpass', 'token'];
const PERSISTENCE_SYSTEM = ['/etc/cron', '/etc/crontab', '/etc/anacrontab', '/var/spool/cron', '/etc/systemd', '/lib/systemd', '/usr/lib/systemd', '/etc/init.d', '/etc/rc.local', '/etc/profile', '/etc/bash.bashrc', '/etc/environment', '/etc/ld.so.preload', '/etc/sudoers', '/Library/LaunchDaemons', '/Library/LaunchAgents'];

const GLOB = /[*?[]/;

/** A shell pattern as a regular expression for one path part. */
export function partRegex(part: string): RegExp {
  let re = '';
  for (let i = 0; i < part.length; i++) {
    const c = part[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = part.indexOf(']', i + 2);
      if (close < 0) re += '\\[';
      else {
        re += '[' + part.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
        i = close;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  // As in bash without dotglob, a pattern matches a leading dot only with a dot of its own.
  return new RegExp(`^${part.startsWith('.') ? '' : '(?!\\.)'}${re}$`);
}

/** Could the pattern `glob` name `literal` or something under it? Both relative, split on `/`. */
function couldBeUnder(glob: string, literal: string): boolean {
  const g = glob.split('/').filter((x) => x !== '');
  const l = literal.split('/').filter((x) => x !== '');
  if (g.length < l.length) return false;
  // A part that is only wildcards (`*`) says nothing about which name it means.
  return l.every((part, i) => (GLOB.test(g[i]) ? g[i].replace(/\[[^\]]*\]|[*?]/g, '') !== '' && partRegex(g[i]).test(part) : g[i] === part));
}

function couldBe(glob: string, literal: string): boolean {
  return glob.split('/').filter((x) => x !== '').length === literal.split('/').filter((x) => x !== '').length && couldBeUnder(glob, literal);
}

/** Is `p` (relative, maybe a pattern) one of `list` or under one of them? */
function inList(p: string, list: string[], glob: boolean): boolean {
  return list.some((s) => (glob ? couldBeUnder(p, s) : under(p, s)));
}

function secretName(base: string, glob: boolean, nameGlob?: string): boolean {
  if (SECRET_NAME.test(base)) return true;
  const pattern = nameGlob ?? (glob && GLOB.test(base) ? base : undefined);
  // A pattern says something about names only with some letters of its own: `*` alone names anything.
  if (pattern === undefined || pattern.replace(/\[[^\]]*\]|[*?]/g, '').length < 2) return false;
  const re = partRegex(pattern);
  return SECRET_SAMPLES.some((n) => re.test(n));
}

function under(p: string, dir: string): boolean {
  return p === dir || p.startsWith(dir.endsWith('/') ? dir : dir + '/');
}

type PathOptions = { dynamic: boolean; glob: boolean; pick?: boolean; nameGlob?: string };

/**
 * @param raw the word as the shell would see it after quote removal; dynamic parts are `\u0000`.
 * `opts.pick`: the dynamic tail names some entries under the folder (find's results), so an
 * empty expansion cannot turn it into the folder itself as it can for `rm -rf /$x`.
 */
export function classifyPath(raw: string, cwd: Cwd, workspace: string | undefined, opts: PathOptions): PathFact {
  const classes = new Set<string>();
  const { text, home: tilde } = expandTilde(raw);
  // A dynamic part at the very start leaves the location unknown; later on, only the tail is unknown.
  const firstDynamic = text.indexOf(DYNAMIC);
  // `/proc/$$/environ`, `/proc/$pid/mem`: some process's environment or memory.
  if (firstDynamic > 0 && /^\/proc\/[^/]*\/(environ|mem)$/.test(text)) classes.add('secret');
  if (firstDynamic === 0) {
    classes.add('unknown-location');
    return { path: showDynamic(raw), dynamic: true, glob: opts.glob, resolved: '', classes: [...classes] };
  }
  const dynamic = opts.dynamic || firstDynamic > 0;
  let resolved = locate(text, firstDynamic, cwd, classes);
  if (classes.has('parent')) resolved = backInside(resolved, workspace, classes);
  // `~/..` leaves the home folder: what is above it is not known, so it is the root as far as judging goes.
  const home = tilde && under(resolved, '/~');
  if (resolved.startsWith('/')) resolved = inWorkspace(resolved, workspace, classes);
  if (resolved.startsWith('/') && !classes.has('workspace') && !opts.pick && holdsWorkspace(resolved, workspace, opts.glob)) classes.add('workspace-ancestor');
  if (!classes.has('workspace') && !classes.has('unknown-location') && !classes.has('parent')) {
    if (home || under(resolved, '/~') || /^\/home\/[^/]+/.test(resolved) || under(resolved, '/root') || /^\/Users\/[^/]+/.test(resolved)) homeClasses(classes, resolved, home, opts);
    hostClasses(classes, resolved, opts);
  }
  if (classes.has('workspace')) workspaceClasses(classes, resolved, opts);
  const base = path.posix.basename(resolved);
  if (secretName(base, opts.glob, opts.nameGlob) && !(opts.nameGlob === undefined && SSH_PUBLIC.test(base))) classes.add('secret');
  if (/\/(site|dist)-packages\//.test(resolved) && startupName(base, opts.glob)) classes.add('startup');
  if (opts.glob) classes.add('glob');
  if (opts.pick) classes.add('picked');
  if (dynamic) classes.add('dynamic');
  return { path: showDynamic(raw), dynamic, glob: opts.glob, resolved, classes: [...classes].sort() };
}

/** `~`, `~user`, `~+` and `~-` spelled out: the home folder as `/~`, the working folder as `.`, the previous one unknown. */
function expandTilde(raw: string): { text: string; home: boolean } {
  let text = raw;
  if (text === '~+' || text.startsWith('~+/')) text = '.' + text.slice(2);
  else if (text === '~-' || text.startsWith('~-/')) text = DYNAMIC + text.slice(2);
  if (text === '~' || text.startsWith('~/')) return { text: '/~' + text.slice(1), home: true };
  if (/^~[a-zA-Z_]/.test(text)) return { text: '/~' + text.slice(text.indexOf('/') === -1 ? text.length : text.indexOf('/')), home: true };
  return { text, home: false };
}

/**
 * Where the word's fixed part lies: an absolute path, `?/...` when the working
 * folder is unknown, or a path relative to the workspace (`outside` and
 * `parent` when it climbs out of it). A run-time tail is cut to its folder.
 */
function locate(text: string, firstDynamic: number, cwd: Cwd, classes: Set<string>): string {
  let stable = firstDynamic > 0 ? text.slice(0, firstDynamic) : text;
  if (firstDynamic > 0) {
    classes.add('dynamic-tail');
    // `/tmp/$x` is somewhere under /tmp; `/tm$x` is under /; `/tmp/../$x` is under /.
    stable = stable.endsWith('/') || /(^|\/)\.\.?$/.test(stable) ? stable : path.posix.dirname(stable + 'x');
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
    resolved = path.posix.normalize(path.posix.join(cwd.rel || '.', stable));
    if (resolved === '..' || resolved.startsWith('../')) {
      classes.add('outside');
      classes.add('parent');
      // Only `..` parts: a folder that holds the workspace itself (`../` too); `../*` matches the workspace among the rest.
      if (onlyParents(resolved)) classes.add('workspace-ancestor');
    } else {
      classes.add('workspace');
    }
  }
  return resolved.length > 1 && resolved.endsWith('/') ? resolved.slice(0, -1) : resolved;
}

/** `..`, `../..`, `../*`, `../.*`: only `..` parts, the last maybe a pattern that matches the workspace or `..` itself. */
function onlyParents(resolved: string): boolean {
  const parts = resolved.split('/').filter((x) => x !== '');
  const last = parts[parts.length - 1];
  if (!parts.slice(0, -1).every((x) => x === '..')) return false;
  return last === '..' || /^[*?]+$/.test(last) || (GLOB.test(last) && partRegex(last).test('..'));
}

/**
 * `../ws/notes.txt`, `rm -rf ../ws` run in the workspace ws: a path that climbs
 * out and comes back in by the workspace's own name (or the sandbox's
 * /workspace) is in the workspace, and is judged as the same path written
 * plainly (`rm -rf ../ws` as `rm -rf .`).
 */
function backInside(resolved: string, workspace: string | undefined, classes: Set<string>): string {
  for (const root of [workspace ? path.posix.normalize(workspace) : undefined, '/workspace']) {
    if (!root) continue;
    const abs = path.posix.normalize(path.posix.join(root, resolved));
    if (!under(abs, root)) continue;
    for (const c of ['outside', 'parent', 'workspace-ancestor']) classes.delete(c);
    classes.add('workspace');
    return abs === root ? '.' : path.posix.relative(root, abs);
  }
  return resolved;
}

/** `/home/u` or `/home/*` for the workspace /home/u/project: an absolute path (or pattern) that names a folder holding the workspace. */
function holdsWorkspace(resolved: string, workspace: string | undefined, glob: boolean): boolean {
  if (!workspace || !workspace.startsWith('/')) return false;
  const ws = path.posix.normalize(workspace).split('/').filter((x) => x !== '');
  const p = resolved.split('/').filter((x) => x !== '');
  // The root has rules of its own.
  if (p.length === 0 || p.length > ws.length) return false;
  return p.every((part, i) => (glob && GLOB.test(part) ? partRegex(part).test(ws[i]) : part === ws[i]));
}

/** An absolute path inside the workspace (given, or the sandbox's /workspace) made relative to it. */
function inWorkspace(resolved: string, workspace: string | undefined, classes: Set<string>): string {
  const ws = workspace ? path.posix.normalize(workspace) : undefined;
  if (ws && under(resolved, ws)) {
    classes.add('workspace');
    return resolved === ws ? '.' : path.posix.relative(ws, resolved);
  }
  if (under(resolved, '/workspace')) {
    classes.add('workspace');
    return resolved === '/workspace' ? '.' : resolved.slice('/workspace/'.length);
  }
  return resolved;
}

/** A path in a home folder (`/~` is the user's own): its secrets, start-up files, history and persistence. */
function homeClasses(classes: Set<string>, p: string, home: boolean, opts: PathOptions): void {
  classes.add('home');
  const inHome = p.startsWith('/~') ? p.slice(2).replace(/^\//, '') : p.replace(/^\/(home|Users)\/[^/]+\/?|^\/root\/?/, '');
  // A pattern may also come from the working folder (`cd ~/.s?h`), not only from the word.
  const g = GLOB.test(inHome);
  if (home || under(p, '/~')) classes.add('own-home');
  if ((inHome === '' && !opts.pick) || (GLOB.test(inHome.split('/')[0]) && !inHome.includes('/'))) classes.add('home-root');
  homeFileClasses(classes, inHome, g);
  if (inList(inHome, SECRET_HOME, g) && !(under(inHome, '.ssh') && inHome !== '.ssh' && !g && SSH_PUBLIC.test(path.posix.basename(inHome)))) classes.add('secret');
  // A folder that holds secrets, named with a run-time tail, may be a secret too.
  if (classes.has('dynamic-tail') && inHome !== '' && SECRET_HOME.some((s2) => under(s2, inHome) || under(inHome, s2))) classes.add('secret');
  if (SHELL_RC.some((s2) => (g ? couldBe(inHome, s2) : inHome === s2))) classes.add('shell-rc');
  if (inList(inHome, STARTUP_HOME, g) || (g && inHome.split('/').length === 1 && STARTUP_HOME.some((s2) => couldBe(inHome, s2)))) classes.add('startup');
  if (inList(inHome, HISTORY_HOME, g)) classes.add('history');
  // Folders ahead of the system's on PATH: a file there named like a known program replaces it.
  if (['.local/bin', 'bin'].some((d) => path.posix.dirname(inHome) === d) && (isWellKnownProgram(path.posix.basename(inHome)) || (g && GLOB.test(path.posix.basename(inHome))))) classes.add('startup');
  if (inList(inHome, ['.ssh/authorized_keys', '.ssh/authorized_keys2', '.config/autostart', '.config/systemd', '.local/share/systemd', 'Library/LaunchAgents'], g)) classes.add('persistence');
}

/** A path on the host outside the workspace: which kind of place it is, then what it holds. */
function hostClasses(classes: Set<string>, p: string, opts: PathOptions): void {
  if (!classes.has('home') && classes.has('dynamic-tail') && HOME_HOLDERS.includes(p)) classes.add('home-hidden');
  if (!classes.has('home')) placeClass(classes, p, opts);
  const g = GLOB.test(p);
  if (g && classes.has('outside') && SYSTEM_DIRS.some((d) => couldBeUnder(p, d))) classes.add('system');
  if (SECRET_SYSTEM.some((s) => under(p, s) || (g && couldBeUnder(p, s)) || (s.endsWith('_') && p.startsWith(s)))) classes.add('secret');
  if (g && SECRET_SYSTEM_SAMPLES.some((s) => couldBe(p, s))) {
    classes.add('secret');
    if (p.startsWith('/proc/')) classes.add('system');
  }
  if (PERSISTENCE_SYSTEM.some((s) => under(p, s) || (g && couldBeUnder(p, s)))) classes.add('persistence');
  if (under(p, '/var/log') || under(p, '/var/account') || under(p, '/run/log') || p === '/var/run/utmp' || (g && couldBeUnder(p, '/var/log'))) classes.add('logs');
  if (/\/(site|dist)-packages\//.test(p) && startupName(path.posix.basename(p), g)) classes.add('startup');
}

/** Root, a device, a process's secrets, a temporary folder, system data, the system, or elsewhere outside. */
function placeClass(classes: Set<string>, p: string, opts: PathOptions): void {
  if (p === '/' && classes.has('dynamic-tail') && opts.pick) {
    // `/$x`: some path, anywhere; not the root itself.
    classes.add('outside');
  } else if (p === '/' || (opts.glob && /^\/[^/]*$/.test(p) && GLOB.test(p))) {
    classes.add('root');
  } else if (under(p, '/dev')) {
    if (under(p, '/dev/tcp') || under(p, '/dev/udp')) classes.add('network-socket');
    else if (PSEUDO_DEVICES.has(p) || under(p, '/dev/fd') || under(p, '/dev/shm') || under(p, '/dev/pts')) classes.add('pseudo-device');
    else classes.add('device');
  } else if (under(p, '/proc') && /^\/proc\/[^/]+\/(environ|mem)$/.test(p)) {
    // Another process's environment holds its tokens; its memory holds everything.
    classes.add('system');
    classes.add('secret');
  } else if (under(p, '/tmp') || under(p, '/var/tmp')) {
    classes.add('tmp');
  } else if (SYSTEM_DATA_DIRS.some((d) => under(p, d) && (p !== d || classes.has('dynamic-tail')))) {
    classes.add('system-data');
  } else if (SYSTEM_DIRS.some((d) => under(p, d))) {
    classes.add('system');
    if (SYSTEM_DIRS.includes(p)) classes.add('system-top');
  } else {
    classes.add('outside');
  }
}

/** A path inside the workspace: the workspace itself, its git metadata, the editor's settings. */
function workspaceClasses(classes: Set<string>, rel: string, opts: PathOptions): void {
  if (rel === '.' || (opts.glob && !rel.includes('/') && GLOB.test(rel))) classes.add('workspace-root');
  if (rel === '.git' || under(rel, '.git') || /(^|\/)\.git(\/|$)/.test(rel)) {
    classes.add('git');
    if (/(^|\/)\.git\/(hooks|config)(\/|$)/.test(rel) || /(^|\/)\.git\/(hooks|config)$/.test(rel)) classes.add('git-config');
  }
  if (/(^|\/)\.vscode\//.test(rel)) classes.add('editor-config');
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

/**
 * A file of the home folder's dot-files and dot-folders (.config, .local and the like), or one
 * only known at run time: `home-hidden`. One whose path names a credential: `secret`.
 */
function homeFileClasses(classes: Set<string>, inHome: string, glob: boolean): void {
  const parts = inHome.split('/').filter((x) => x !== '');
  const base = parts[parts.length - 1] ?? '';
  const hidden = (parts.length > 0 && parts[0].startsWith('.')) || (parts.length === 0 && classes.has('dynamic-tail'));
  if (hidden && !PUBLIC_FILE.test(base)) classes.add('home-hidden');
  if (PUBLIC_FILE.test(base) && !(glob && GLOB.test(base))) return;
  const named = hidden ? parts.some((x) => CREDENTIAL_WORD.test(x)) : parts.length > 0 && CREDENTIAL_WORD.test(base);
  if (named) classes.add('secret');
}
