// Behaviour a program's options and data reach, described as markers and as
// commands of their own: commands hidden in sed, awk, tar, less and man
// options; secrets held in variables; instance metadata addresses however
// they are written; whole-environment dumps; and the programs that turn
// security, logging or the machine off.

import type { Context, Walker } from './facts';
import type { CommandFact } from './factsTypes';
import { literal, optionValue } from '../shell/argWords';
import { DYNAMIC, type WordValue } from '../shell/words';
import { isMetadataAddress } from './hosts';
import { environmentPrints } from './envDumpFacts';

/** A run-time part followed by a domain name: `$(whoami).evil.example`. */
const DATA_BEFORE_DOMAIN = new RegExp(`${DYNAMIC}[^${DYNAMIC}/]*\\.[a-z][a-z0-9-]*\\.?$`, 'i');

const DNS_TOOLS = new Set(['dig', 'host', 'nslookup', 'drill', 'ping', 'ping6', 'traceroute', 'tracepath', 'getent', 'resolvectl', 'delv', 'kdig']);

/** Variables that by name hold a credential. */
export const SECRET_VARIABLE = /(TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIAL|AUTH|SESSION_?KEY|COOKIE|_PAT$|^PAT$|WEBHOOK)/i;

export function describeBehaviour(w: Walker, fact: CommandFact, args: WordValue[], ctx: Context): void {
  const texts = args.map((a) => a.text);
  for (const a of args) {
    for (const name of a.params ?? []) {
      if (!SECRET_VARIABLE.test(name)) continue;
      fact.markers.push(`secret-variable:${name}`);
      // In an address the value is sent to whoever answers it, even by a name lookup.
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(a.text) || DNS_TOOLS.has(fact.program) || /^[^\s/]*\.[a-z]{2,}(\/|$)/i.test(a.text)) fact.markers.push(`secret-address:${name}`);
    }
  }
  if (fact.program === 'printenv') for (const a of texts) if (SECRET_VARIABLE.test(a)) fact.markers.push(`secret-variable:${a}`);
  // Data put in front of a domain name (`$(whoami).evil.example`) travels in the lookup itself.
  if (DNS_TOOLS.has(fact.program) && args.some((a) => (a.fromSubstitution || (a.params ?? []).length > 0) && DATA_BEFORE_DOMAIN.test(a.text))) fact.markers.push('dns-data');
  if (args.some((a) => isMetadataAddress(a.text)) || isMetadataAddress(fact.inline_code)) fact.markers.push('metadata-address');
  if (args.some((a) => a.fromSubstitution && a.dynamic)) fact.markers.push('substituted-argument');
  const prog = fact.program;
  for (const m of environmentPrints(prog, texts)) if (!fact.markers.includes(m)) fact.markers.push(m);
  const hidden = HIDDEN[prog]?.(texts);
  for (const code of hidden ?? []) {
    fact.runs_command.push(`${prog}-command`);
    if (code === DYNAMIC || code.includes(DYNAMIC)) w.unknown('hidden-command', `${prog} runs a command only known at run time`, fact.index);
    else if (code.trim()) w.reparse(code, fact.index, ctx, 'shell-string');
  }
  scheduledCode(w, fact, texts, ctx);
  if (prog === 'make' || prog === 'gmake') {
    // Wherever the working folder is: a makefile from outside the workspace is code the policy does not see.
    for (const v of optionValue(args, ['-f', '-C', '-I'], ['--file', '--makefile', '--directory', '--include-dir'])) {
      // ... read through a link to a folder outside (`make -C out/lnk`).
      if (!w.path(v).classes.includes('workspace') || !w.path({ ...v, text: `${v.text.replace(/\/+$/, '')}/` }).classes.includes('workspace')) w.unknown('hidden-command', `make reads ${v.text}, a makefile or folder outside the workspace, and runs its recipes`, fact.index);
    }
    if (!w.path(literal('Makefile')).classes.includes('workspace')) w.unknown('hidden-command', 'make runs the makefile of a folder outside the workspace', fact.index);
    // `--eval` text is makefile text: its `$(shell …)` runs as it is read and its rules may replace any recipe.
    if (optionValue(args, ['-E'], ['--eval']).length > 0) w.unknown('hidden-command', 'make reads makefile text given with --eval and runs what it says', fact.index);
  }
  const turnedOff = TURNS_OFF[prog]?.(texts);
  if (turnedOff) fact.markers.push(`turns-off:${turnedOff}`);
}

/** What crontab installs and at schedules, when the line makes it known, is judged as the commands it is. */
function scheduledCode(w: Walker, fact: CommandFact, args: string[], ctx: Context): void {
  const fromStdin = fact.program === 'at' || fact.program === 'batch' || (fact.program === 'crontab' && (args.length === 0 || args[args.length - 1] === '-'));
  if (!fromStdin) return;
  const text = fact.stdin === 'herestring' || fact.stdin === 'heredoc' ? fact.inline_code : fact.stdin === 'pipe' ? ctx.stdinText : undefined;
  if (text === undefined || text.includes('$?')) return;
  const lines = text.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#') && !/^\s*[A-Za-z_]\w*=/.test(l));
  const code = fact.program === 'crontab' ? lines.map((l) => l.trim().replace(/^(@\w+|(\S+\s+){5})/, '')) : lines;
  for (const c of code) if (c.trim()) w.reparse(c, fact.index, ctx, 'shell-string');
}

const after = (args: string[], re: RegExp): string[] => args.flatMap((a, i) => (re.test(a) ? [a.includes('=') ? a.slice(a.indexOf('=') + 1) : (args[i + 1] ?? '')] : []));

/** Command strings that programs run from their options or program text. */
const HIDDEN: Record<string, (args: string[]) => string[]> = {
  sed: (args) => {
    const scripts = args.filter((a, i) => !a.startsWith('-') || args[i - 1] === '-e').concat(after(args, /^(-e|--expression)$/));
    const out: string[] = [];
    for (const s of scripts) {
      for (const m of s.matchAll(/(?:^|[;\n{}])\s*(?:[0-9$]+|\/[^/]*\/)?(?:,(?:[0-9$]+|\/[^/]*\/))?\s*!?\s*e\s+([^\n]*)/g)) out.push(m[1]);
      // s/X/Y/e runs the pattern space after the substitution: Y when X takes the whole line, else unknown.
      const sub = /^\s*s(.)((?:(?!\1).)*)\1((?:(?!\1).)*)\1[gpIiMm0-9w]*e[gpIiMm0-9]*\s*$/.exec(s);
      if (sub) out.push(/^\^?\.\*\$?$/.test(sub[2]) && !/[&\\]/.test(sub[3]) ? sub[3] : DYNAMIC);
      else if (/s(.).*\1.*\1[gpIiMm0-9w]*e/.test(s)) out.push(DYNAMIC);
    }
    return out;
  },
  awk: awkCommands,
  gawk: awkCommands,
  mawk: awkCommands,
  nawk: awkCommands,
  tar: (args) => after(args, /^(--to-command|--checkpoint-action|--use-compress-program|--rsh-command|--info-script|--new-volume-script|-I|-F)(=|$)/).map((c) => c.replace(/^exec=/, '')),
  man: (args) => after(args, /^(-P|--pager|-H|--html)(=|$)/),
  // A lesskey file binds keys to commands, shell commands among them.
  less: (args) => args.filter((a) => /^\+.*[!|]/.test(a)).map((a) => a.replace(/^\+[^!|]*[!|]/, '')).concat(after(args, /^(-k|--lesskey-file|--lesskey-src|--lesskey-content)(=|$)/).map(() => DYNAMIC)),
  more: (args) => args.filter((a) => /^\+.*!/.test(a)).map((a) => a.replace(/^\+[^!]*!/, '')),
  // make runs its makefile's recipes with $(SHELL): a makefile from outside the workspace, or another shell, is code the policy does not see.
  make: (args) => args.filter((a) => /^(SHELL|MAKESHELL|\.SHELLFLAGS)=/.test(a)).map((a) => a.slice(a.indexOf('=') + 1)),
  vi: vimCommands,
  nvim: vimCommands,
  view: vimCommands,
  ex: vimCommands,
};

function awkCommands(args: string[]): string[] {
  const code = args.find((a) => !a.startsWith('-') && !/^[A-Za-z_]\w*=/.test(a)) ?? '';
  const out: string[] = [];
  for (const m of code.matchAll(/system\s*\(\s*"((?:[^"\\]|\\.)*)"\s*\)/g)) out.push(m[1]);
  for (const m of code.matchAll(/\|\s*"((?:[^"\\]|\\.)*)"/g)) out.push(m[1]);
  for (const m of code.matchAll(/"((?:[^"\\]|\\.)*)"\s*\|\s*getline/g)) out.push(m[1]);
  // Commands built at run time, and gawk's indirect calls (@f()), cannot be read.
  if (/system\s*\(\s*[^"\s)]|\|\s*[A-Za-z_(]|\|&|@[A-Za-z_]\w*\s*\(/.test(code)) out.push(DYNAMIC);
  return out;
}

function vimCommands(args: string[]): string[] {
  return after(args, /^(-c|--cmd)$/).concat(args.filter((a) => a.startsWith('+'))).flatMap((c) => (/^[:+]*\s*!/.test(c) ? [c.replace(/^[:+]*\s*!/, '')] : /^[:+]*\s*(py|pyt|python|lua|perl|ruby|call\s+system)/.test(c) ? [DYNAMIC] : []));
}

const SECURITY_UNITS = /^(apparmor|auditd|firewalld|ufw|selinux|iptables|ip6tables|nftables|fail2ban|clamav|clamd|falcon-sensor|osqueryd|wazuh-agent|crowdstrike|rsyslog|syslog|systemd-journald)(\.service)?$/;

/** Programs that switch a protection, the logs, or the machine off; the value names what. */
const TURNS_OFF: Record<string, (args: string[]) => string | undefined> = {
  setenforce: (a) => (a.some((x) => /^(0|permissive)$/i.test(x)) ? 'selinux' : undefined),
  'aa-teardown': () => 'apparmor',
  'aa-disable': () => 'apparmor',
  'aa-complain': () => 'apparmor',
  apparmor_parser: (a) => (a.some((x) => /^-[a-zA-Z]*R|--remove/.test(x)) ? 'apparmor' : undefined),
  ufw: (a) => (a.some((x) => ['disable', 'reset'].includes(x)) ? 'firewall' : undefined),
  iptables: firewallFlush,
  ip6tables: firewallFlush,
  nft: (a) => (a.some((x) => ['flush', 'delete'].includes(x)) ? 'firewall' : undefined),
  auditctl: (a) => (a.some((x) => x === '-D') || a.join(' ').match(/-e\s*0/) ? 'audit' : undefined),
  csrutil: (a) => (a.includes('disable') ? 'sip' : undefined),
  spctl: (a) => (a.some((x) => /--master-disable|--disable/.test(x)) ? 'gatekeeper' : undefined),
  systemctl: (a) => {
    const verb = a.find((x) => !x.startsWith('-'));
    if (['stop', 'disable', 'mask', 'kill'].includes(verb ?? '') && a.some((x) => SECURITY_UNITS.test(x))) return 'service';
    if (['poweroff', 'reboot', 'halt', 'kexec'].includes(verb ?? '') || (verb && ['start', 'isolate'].includes(verb) && a.some((x) => /^(poweroff|reboot|halt|kexec|shutdown)\.target$/.test(x)))) return 'power';
    return undefined;
  },
  service: (a) => (SECURITY_UNITS.test(a[0] ?? '') && ['stop', 'disable'].includes(a[1] ?? '') ? 'service' : undefined),
  journalctl: (a) => (a.some((x) => /^--(vacuum|rotate|flush|relinquish)/.test(x)) ? 'logs' : undefined),
  history: (a) => (a.some((x) => /^-[a-zA-Z]*[cd]/.test(x)) ? 'history' : undefined),
  set: (a) => (a.join(' ').match(/\+o\s+history/) ? 'history' : undefined),
  unset: (a) => (a.some((x) => /^HIST(FILE|SIZE|FILESIZE)$/.test(x)) ? 'history' : undefined),
  loginctl: (a) => (a.some((x) => ['poweroff', 'reboot', 'halt', 'suspend', 'hibernate', 'kill-user', 'terminate-user'].includes(x)) ? 'power' : undefined),
  'dbus-send': (a) => (a.some((x) => /\.(PowerOff|Reboot|Halt|Suspend|Hibernate)$/.test(x)) ? 'power' : undefined),
  busctl: (a) => (a.some((x) => /^(PowerOff|Reboot|Halt)$/.test(x)) ? 'power' : undefined),
  pkill: killAll,
  killall: () => 'processes',
  kill: (a) => (!a.some((x) => /^-(0|s\s*0|SIG0)$/.test(x)) && !a.join(' ').match(/-s\s+0\b/) && a.filter((x) => !x.startsWith('-') || x === '-1').some((x) => x === '-1' || x === '1') ? 'processes' : undefined),
};

function firewallFlush(a: string[]): string | undefined {
  const j = a.join(' ');
  return /(^|\s)(-F|--flush|-X|--delete-chain)(\s|$)/.test(j) || /-P\s+\S+\s+ACCEPT/.test(j) ? 'firewall' : undefined;
}

function killAll(a: string[]): string | undefined {
  const j = a.join(' ');
  if (/(^|\s)-[a-zA-Z0-9]*v/.test(j) || /(-u|-U|--uid|--euid)\s*(root|0)\b/.test(j)) return 'processes';
  const pattern = a.filter((x, i) => !x.startsWith('-') && !/^(-u|-U|-g|-G|-P|-s|-t|--signal)$/.test(a[i - 1] ?? '')).pop();
  if (pattern === undefined) return undefined;
  // A pattern that matches any name signals every process.
  return ['', '.', '.*', '^', '$', '.+', '^.*$', '[a-z]*', '\\w*'].includes(pattern) ? 'processes' : undefined;
}

/** `curl -O URL` writes the URL's last part in the working folder. */
export function remoteNames(args: WordValue[]): WordValue[] {
  return args.filter((a) => /^[a-z]+:\/\//i.test(a.text)).map((a) => literal(a.text.replace(/[?#].*$/, '').split('/').pop() || 'index.html'));
}

