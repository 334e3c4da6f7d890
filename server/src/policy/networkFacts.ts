// Network reach: which programs contact other hosts, which hosts, and what
// the network tools read, write, send or run.

import { HOSTPATH, literal, optionValue, show, URLISH } from '../shell/argWords';
import { NETWORK_SUBCOMMANDS, NETWORK_TOOLS } from '../shell/programs';
import { remoteNames } from './behaviourFacts';
import type { ProgramArgs } from './programArgs';
import { rsyncDryRun } from './rsyncDryRun';

/** Programs whose first positional names the host they contact. */
const HOST_FIRST = new Set(['ssh', 'telnet', 'nc', 'ncat', 'netcat', 'ping', 'dig', 'host', 'nslookup', 'whois', 'traceroute', 'ftp', 'sftp', 'mail']);

/** Marks network use and its targets. Returns the program's network subcommands, if it has any. */
export function networkReach(d: ProgramArgs): Set<string> | undefined {
  const { fact, prog, args, positionals } = d;
  if (NETWORK_TOOLS.has(prog)) fact.network = true;
  const sub = NETWORK_SUBCOMMANDS[prog];
  const first = positionals[0]?.text ?? '';
  if (sub && !fact.network) {
    fact.subcommand = first;
    if (sub.has('*') || sub.has(first)) fact.network = true;
    if (sub.has('*remote*') && positionals.some((a) => HOSTPATH.test(a.text) || URLISH.test(a.text))) fact.network = true;
  }
  if (fact.network || prog === 'rsync') fact.targets.push(...args.filter((a) => URLISH.test(a.text) || (prog !== 'git' && HOSTPATH.test(a.text))).map(show));
  if (HOST_FIRST.has(prog) && positionals[0]) fact.targets.push(show(positionals[0]));
  fact.targets = [...new Set(fact.targets)];
  return sub;
}

/** Describes curl, wget, netcat and friends, ssh, scp and rsync; false for any other program. */
export function describeNetworkTool(d: ProgramArgs): boolean {
  const describe = NETWORK_DESCRIBERS.get(d.prog);
  if (!describe) return false;
  describe(d);
  return true;
}

/** curl: files written with -o/-O, data and files sent. */
function curl(d: ProgramArgs): void {
  const { fact, args, reads, writes, has } = d;
  writes(optionValue(args, ['-o'], ['--output']).filter((v) => v.text !== '-'));
  if (has('O', 'remote-name', 'remote-name-all')) writes(remoteNames(args));
  const data = optionValue(args, ['-d', '-F', '-T'], ['--data', '--data-binary', '--data-raw', '--data-urlencode', '--data-ascii', '--form', '--upload-file', '--json', '--form-string']);
  if (data.length > 0) fact.uploads = true;
  for (const item of data) {
    const at = item.text.replace(/^[^@=]*=/, '').replace(/^[^@]*@/, '@');
    if (at.startsWith('@') && at !== '@-') reads([{ ...item, text: at.slice(1).replace(/;.*$/, '') }]);
    else if (optionValue(args, ['-T'], ['--upload-file']).includes(item)) reads([item]);
  }
  if (fact.stdin !== 'inherit' && data.some((item) => /@-$/.test(item.text) || item.text === '-')) fact.uploads = true;
  for (const cfg of optionValue(args, ['-K'], ['--config'])) reads([cfg]);
}

/** wget: files written, data posted. */
function wget(d: ProgramArgs): void {
  const { fact, args, reads, writes, has } = d;
  const out = optionValue(args, ['-O'], ['--output-document']);
  writes(out.filter((v) => v.text !== '-'));
  if (out.length === 0 && !has('spider', 'S')) writes(optionValue(args, ['-P'], ['--directory-prefix']).concat(optionValue(args, ['-P'], ['--directory-prefix']).length ? [] : [literal('.')]));
  const post = optionValue(args, [], ['--post-file', '--body-file']);
  reads(post);
  if (post.length > 0 || optionValue(args, [], ['--post-data', '--body-data']).length > 0 || has('method')) fact.uploads = true;
}

/** nc, ncat, netcat, socat: listening, running a program for the peer, sending stdin or files. */
function netcat(d: ProgramArgs): void {
  const { fact, args, has } = d;
  if (has('l', 'listen') || args.some((a) => /^(TCP|UDP)[46]?-LISTEN/i.test(a.text))) fact.listens = true;
  if (has('e', 'c', 'exec', 'sh-exec') || args.some((a) => /^(EXEC|SYSTEM):/i.test(a.text))) fact.runs_command.push('network-shell');
  if (fact.stdin !== 'inherit' || args.some((a) => /^(OPEN|FILE|GOPEN|CREATE):/i.test(a.text))) fact.uploads = true;
}

/** ssh: a command run on the remote host, stdin sent. */
function ssh(d: ProgramArgs): void {
  const { fact, args, positionals } = d;
  if (args.some((a) => /ProxyCommand|LocalCommand|PermitLocalCommand/i.test(a.text))) fact.runs_command.push('ssh-proxy-command');
  if (positionals.length > 1) {
    fact.runs_code = 'remote';
    fact.inline_code = positionals.slice(1).map(show).join(' ');
  }
  if (fact.stdin !== 'inherit') fact.uploads = true;
}

/** scp and rsync: which side is remote decides what is read, written and sent. */
function remoteCopy(d: ProgramArgs): void {
  const { fact, args, prog, positionals, reads, writes, deletes, has } = d;
  // As scp and rsync read a path: a colon before the first slash names a host (a_b:dst, [::1]:dst, h::module, rsync://h).
  const remote = positionals.map((a) => (HOSTPATH.test(a.text) && !a.text.startsWith('/')) || /^[^/]*:/.test(a.text));
  if (remote.some(Boolean)) fact.network = true;
  const dest = positionals[positionals.length - 1];
  const sources = positionals.slice(0, -1);
  if (dest && remote[positionals.length - 1] && sources.some((_, i) => !remote[i])) fact.uploads = true;
  reads(sources.filter((_, i) => !remote[i]));
  // rsync -n (--dry-run) only lists what it would send: it writes and deletes nothing.
  const dry = prog === 'rsync' && rsyncDryRun(args);
  if (dest && !remote[positionals.length - 1] && !dry) writes([dest]);
  if (prog === 'rsync' && !dry && has('delete', 'delete-before', 'delete-after', 'delete-during', 'delete-delay', 'delete-excluded') && dest) deletes([dest]);
  // --remove-source-files: what was sent is deleted where it came from.
  if (prog === 'rsync' && !dry && has('remove-source-files')) deletes(sources.filter((_, i) => !remote[i]));
  // ... and -e names the shell to run, alone or in a bundle (-ne '…', -e'…').
  if (args.some((a) => /^-[^-]*e/.test(a.text) || a.text.startsWith('--rsh'))) fact.runs_command.push('rsync-remote-shell');
}

const NETWORK_DESCRIBERS = new Map<string, (d: ProgramArgs) => void>([
  ['curl', curl],
  ['wget', wget],
  ['nc', netcat],
  ['ncat', netcat],
  ['netcat', netcat],
  ['socat', netcat],
  ['ssh', ssh],
  ['scp', remoteCopy],
  ['rsync', remoteCopy],
]);
