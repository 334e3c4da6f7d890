// System package managers. Removing packages from the system can take the
// tools the machine needs with them (apt autoremove, pacman -Rns); installing
// and upgrading fetch and run packages' scripts as root.

import { applyKind, table, type Kind } from './kinds';
import { describeTable, set, type TableSpec } from './tableTool';
import { hasFlag, type ToolCall } from './toolKit';

const family = 'system-packages';

const APT: TableSpec = {
  family,
  values: set('-o -c -t --target-release'),
  bare: 'read',
  other: 'unknown',
  subs: table({
    read: 'list show search policy depends rdepends changelog showsrc madison stats check help --version pkgnames dump showpkg',
    install: 'install reinstall update upgrade full-upgrade dist-upgrade build-dep source download satisfy',
    change: 'clean autoclean hold unhold edit-sources',
    destroy: 'remove purge autoremove autopurge',
  }),
  readOnlyWith: ['-s', '--simulate', '--dry-run', '--just-print', '--no-act'],
  // A simulated removal (`apt-get -s remove`) only prints what it would do.
  adjust: (call, _sub, _rest, kind) => (hasFlag(call.args, 's', '--simulate', '--dry-run', '--just-print', '--no-act', '--recon') ? 'read' : kind),
};

const DNF: TableSpec = {
  family,
  values: set('--repo --enablerepo --disablerepo -c --config --releasever --installroot'),
  bare: 'read',
  other: 'unknown',
  subs: table({
    read: 'list info search provides repolist repoquery check-update deplist history help --version whatprovides updateinfo',
    install: 'install update upgrade reinstall downgrade distro-sync makecache group_install groupinstall localinstall upgrade-minimal',
    change: 'clean mark versionlock config-manager',
    destroy: 'remove erase autoremove group_remove groupremove swap',
  }),
};

const SIMPLE: Record<string, TableSpec> = {
  zypper: { family, bare: 'read', other: 'unknown', subs: table({ read: 'search se info if list-updates lu repos lr packages pa patches', install: 'install in update up dup dist-upgrade patch refresh ref', destroy: 'remove rm', change: 'clean addrepo ar removerepo rr' }) },
  apk: { family, values: set('-X --repository --root'), bare: 'read', other: 'unknown', subs: table({ read: 'info search list version policy stats dot', install: 'add upgrade update fix fetch', destroy: 'del', change: 'cache' }) },
  snap: { family, bare: 'read', other: 'unknown', subs: table({ read: 'list info find version connections services changes', install: 'install refresh revert', destroy: 'remove', change: 'disable enable connect disconnect start stop restart' }) },
  flatpak: { family, bare: 'read', other: 'unknown', subs: table({ read: 'list info search remotes history', install: 'install update', destroy: 'uninstall remove', change: 'remote-add remote-delete override' }) },
  brew: { family, bare: 'read', other: 'unknown', subs: table({ read: 'list ls info search outdated deps uses doctor config leaves --version home desc log cat --prefix --cellar', install: 'install upgrade update tap reinstall bundle fetch', change: 'uninstall remove rm untap cleanup autoremove pin unpin link unlink services' }) },
  'apt-cache': { family, bare: 'read', other: 'read', subs: table({}) },
  'dpkg-query': { family, bare: 'read', other: 'read', subs: table({}) },
  'apt-mark': { family, bare: 'read', other: 'change', subs: table({ read: 'showmanual showauto showhold showinstall' }) },
};
SIMPLE.aptitude = { ...APT };

/** dpkg, rpm and pacman select their action with an option, not a word. */
function actionByOption(call: ToolCall): Kind {
  const p = call.fact.program;
  const opts = call.args.filter((a) => !a.dynamic && a.text.startsWith('-')).map((a) => a.text);
  if (p === 'dpkg') {
    if (opts.some((o) => /^(-r|-P|--remove|--purge)$/.test(o))) return 'destroy';
    if (opts.some((o) => /^(-i|--install|--unpack|--configure|-x|--extract|--set-selections|--add-architecture|--remove-architecture)$/.test(o))) return 'change';
    return opts.length ? 'read' : 'unknown';
  }
  if (p === 'rpm') {
    if (opts.some((o) => /^(-e|--erase)$/.test(o))) return 'destroy';
    if (opts.some((o) => /^-[iUF]|^--(install|upgrade|freshen|import|rebuilddb|setperms|setugids)$/.test(o))) return 'change';
    return opts.some((o) => /^-q|^--query|^-V|^--verify|^--version|^-K|^--checksig/.test(o)) ? 'read' : 'unknown';
  }
  const op = opts.find((o) => /^-[A-Z]/.test(o) || /^--(remove|sync|query|upgrade|files|database|deptest)$/.test(o)) ?? '';
  const letters = op.startsWith('--') ? '' : op.slice(1);
  if (op === '--remove' || letters.startsWith('R')) return 'destroy';
  if (op === '--query' || op === '--files' || op === '--deptest' || /^[QFT]/.test(letters)) return 'read';
  if (op === '--sync' || letters.startsWith('S')) {
    if (/[yu]/.test(letters)) return 'install';
    if (/[sigl]/.test(letters)) return 'read';
    if (/c/.test(letters)) return 'change';
    return 'install';
  }
  if (op === '--upgrade' || letters.startsWith('U') || op === '--database' || letters.startsWith('D')) return 'change';
  return 'unknown';
}

export const SYSTEM_PACKAGE_PROGRAMS = ['apt', 'apt-get', 'dpkg', 'rpm', 'pacman', 'yay', 'paru', 'dnf', 'yum', 'microdnf', ...Object.keys(SIMPLE)];

export function describeSystemPackages(call: ToolCall): void {
  const p = call.fact.program;
  if (p === 'apt' || p === 'apt-get') describeTable(call, APT, p);
  else if (p === 'dnf' || p === 'yum' || p === 'microdnf') describeTable(call, DNF, p);
  else if (p === 'dpkg' || p === 'rpm' || p === 'pacman' || p === 'yay' || p === 'paru') {
    const kind = actionByOption(call);
    call.fact.subcommand = call.args.find((a) => a.text.startsWith('-'))?.text ?? '';
    applyKind(call, family, kind, `${p} ${call.fact.subcommand}`.trim());
  } else describeTable(call, SIMPLE[p]);
}
