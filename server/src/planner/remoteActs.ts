// What a request asks of another machine, built whole from what it names:
// a copy to or from it (scp, or rsync when the words ask for what only rsync
// does), a command run there (ssh HOST 'CMD'), or a login (ssh). A copy
// between two local places that asks for rsync's options in words ("only if
// newer", "as a dry run", "deleting extra files") is built here too, so the
// options are not lost to a template that has none of them.

import type { EmbeddedCandidate } from './embeddedPlanner';
import type { RequestFacts } from './requestFacts';
import { readRemote, type RemoteSpec } from './remoteHosts';
import { stopWords } from './requestWords';
import { shellQuote } from './templateFill';

const copyVerb = /\b(copy|copies|cp|scp|rsync|send|upload|transfer|push|put|download|fetch|get|pull|retrieve|grab|bring|sync\w*|mirror|back\s*up|backup|archive|replicate|move files)\b/i;
const downVerb = /\b(download|fetch|get|pull|retrieve|grab|bring)\b/i;
const loginVerb = /\b(ssh|(?<![/.\w])log\s*(?:in|on)(?:to)?|login|sign\s+in|connect|open\s+(?:a\s+|an\s+)?(?:remote\s+|ssh\s+|secure\s+)?(?:shell|session|terminal|connection)|remote\s+(?:shell|session))\b/i;

/** "deleting extra files", "remove what is no longer in the source", "an exact copy": a mirror that deletes in the copy. */
export const deletesExtra = /\b(delet\w*|remov\w*)\b.{0,40}\b(extra|extraneous|no longer|not in|missing from|absent|only in the (?:dest\w*|target))|\b(exact (?:copy|mirror)|--delete)\b/;

interface Options {
  recursive: boolean; archive: boolean; compress: boolean; progress: boolean; partial: boolean; dryRun: boolean;
  deleteExtra: boolean; newer: boolean; relative: boolean; verbose: boolean; exclude?: string;
}

function readOptions(text: string): Options {
  // "into the current directory" names the destination, not a folder to copy.
  // ... and so does "to the remote directory /srv": a folder to copy into is no folder to copy.
  const lower = text.replace(/\b(?:current|working|this|same|home|local) (?:folder|directory|dir)\b|\b(?:to|into|in) (?:the )?(?:remote |target |destination )?(?:folder|directory|dir)\b/g, 'here');
  return {
    // Said in words, not inside a name (`dest-folder`).
    recursive: /\b(recursive\w*|folders?|director(?:y|ies)|dirs?|trees?|sub-?folders?|sub-?director\w*|everything (?:in|under))\b/.test(lower.replace(/["'`][^"'`]*["'`]|\S*[/.]\S*/g, ' ')),
    archive: /\b(archiv\w*|preserv\w*|keep\w* (?:the |their |all |file )?(?:permissions|attributes|times|timestamps|owners?|links|modes?)|mirror\w*|sync\w*|back\s*up|backup)\b/.test(lower),
    compress: /\b(compress\w*|gzip\w*|zipp?ed in transit)\b/.test(lower),
    progress: /\b(progress|show\w* (?:how far|the transfer))\b/.test(lower),
    partial: /\b(partial\w*|resum\w*|interrupted|keep\w* (?:the )?(?:partly|partially)[\w ]* transferred)\b/.test(lower),
    dryRun: /\b(dry[- ]?run|simulat\w*|without (?:actually )?(?:copying|changing|transferring|writing)|what would (?:be )?(?:copied|transferred|change))\b/.test(lower),
    deleteExtra: deletesExtra.test(lower),
    newer: /\b(only (?:if|when) [^.]{0,40}\bnewer|newer than|only (?:the )?newer|only (?:the )?(?:changed|updated|modified)|skip\w* (?:files that are )?newer|update only|updat\w* only|-u\b)/.test(lower),
    relative: /\b(relative (?:path|paths|names|director\w*)|full path|keep\w* (?:the )?(?:path|director\w*) (?:structure|names)|-R\b)/.test(lower),
    verbose: /\b(verbose\w*|verbosely|list\w* (?:each|every|the) files?|show\w* (?:each|every|the) files?)\b/.test(lower),
    exclude: /\b(?:exclud\w*|skip\w*|except|without|leav\w* out|ignor\w*)\s+(?:the\s+|all\s+|any\s+)?(\*?\.?[\w*.-]+)/.exec(lower)?.[1],
  };
}

const rsyncAsked = (o: Options, lower: string) => /\brsync\b/.test(lower) || o.progress || o.partial || o.dryRun || o.deleteExtra || o.relative || o.exclude !== undefined || (o.newer && !/\b(copy|cp)\b/.test(lower)) || /\b(sync\w*|mirror\w*|back\s*up|backup|archive)\b/.test(lower);

/** Commands that reach another machine or copy with rsync's options, built from every part the request names. */
export function remoteCandidates(f: RequestFacts): EmbeddedCandidate[] {
  if (masterAsked.test(f.lower)) return masterControl(f);
  const spec = readRemote(f.text);
  if (!spec) return localSync(f);
  const ask = remoteAsk(f.text, spec);
  if (ask === 'copy' && /\b(?:public|ssh|identity)\s+keys?\b/.test(f.lower)) return [keyCopy(spec)];
  // ping, curl, mail and database clients reach a host too, but not over SSH.
  if (/\b(ping\w*|curl|wget|e-?mail\w*|mail|psql|mysql|redis-cli|mongo\w*|telnet|nc|netcat|ftp|kubectl|docker|dig|nslookup|whois|dns)\b/.test(f.lower)) return [];
  // A tunnel or a forwarded port is the forwarding entries' work: a login built here would drop the ports.
  if (ask === 'login' && /\b(tunnel(?:s|ing|ed)?|forward(?:s|ing|ed)?|socks|proxy)\b/.test(f.lower)) return [];
  if (ask === 'copy') return copyCandidates(f, spec);
  return ask ? [sshCandidate(f, spec)] : [];
}

const masterAsked = /\b(?:master|control)\s+(?:ssh\s+)?(?:connection|socket|session)\b|\bssh\s+(?:master|control(?:master)?)\b/;

/** What a request asks of the machine it names: a copy to or from it, a command run there, a login, or nothing. */
export function remoteAsk(text: string, spec = readRemote(text)): 'copy' | 'run' | 'login' | undefined {
  if (masterAsked.test(text.toLowerCase())) return 'run';
  if (!spec) return undefined;
  const lower = withoutRemote(text.toLowerCase(), spec);
  if (spec.command) return 'run';
  if (copyVerb.test(lower.replace(/\bcopy of\b/g, ''))) return 'copy';
  return loginVerb.test(lower) ? 'login' : undefined;
}

/** The request with the host and the remote command blanked, so `backup.lan` or 'sync' in a command reads as no option. */
function withoutRemote(lower: string, spec: RemoteSpec): string {
  const spans = [[spec.remote.at, spec.remote.end], ...(spec.commandSpan ? [spec.commandSpan] : [])];
  let out = lower;
  for (const [a, b] of spans) out = out.slice(0, a) + ' '.repeat(b - a) + out.slice(b);
  return out;
}

function target(spec: RemoteSpec): string {
  const host = /^\$/.test(spec.remote.host) ? `"${spec.remote.host}"` : spec.remote.host;
  return `${spec.remote.user ? `${spec.remote.user}@` : ''}${host}`;
}

function sshCandidate(f: RequestFacts, spec: RemoteSpec): EmbeddedCandidate {
  const lower = f.lower;
  const flags: string[] = [];
  if (/\b(in the background|background\w*|detach\w*)\b/.test(lower) && spec.command) flags.push('-f');
  const terminal = /\b(pseudo-?(?:terminal|tty)|tty|terminal allocat\w*|allocat\w* a terminal|interactive (?:terminal|program)|force[sd]? (?:a )?terminal)\b/.exec(lower);
  if (terminal) flags.push(/\b(?:without|no|not|never|disabl\w*)\s+(?:\w+\s+){0,2}$/.test(lower.slice(0, terminal.index)) ? '-T' : '-t');
  if (/\b(x11|x forwarding|graphical|gui)\b/.test(lower)) flags.push('-X');
  if (/\b(compress\w*)\b/.test(lower)) flags.push('-C');
  if (/\b(verbose\w*|debug\w*)\b/.test(lower)) flags.push('-v');
  if (spec.port) flags.push('-p', spec.port);
  if (spec.key) flags.push('-i', shellQuote(spec.key));
  if (spec.jump) flags.push('-J', spec.jump);
  const command = ['ssh', ...flags, target(spec), ...(spec.command ? [shellQuote(spec.command)] : [])].join(' ');
  const explanation = spec.command ? `Runs ${spec.command} on ${spec.remote.host} over SSH.` : `Opens a shell on ${spec.remote.host} over SSH.`;
  return { command, confidence: spec.command ? 0.86 : 0.8, explanation, source: 'remote.ssh', filled: [], missing: [] };
}

/** "copy my public key to web1 as deploy": the key goes into the host's authorized keys. */
function keyCopy(spec: RemoteSpec): EmbeddedCandidate {
  const flags = [...(spec.key ? ['-i', shellQuote(spec.key)] : []), ...(spec.port ? ['-p', spec.port] : [])];
  return { command: ['ssh-copy-id', ...flags, target(spec)].join(' '), confidence: 0.86, explanation: `Adds your public key to the authorized keys of ${spec.remote.host}.`, source: 'remote.copy_id', filled: [], missing: [] };
}

function masterControl(f: RequestFacts): EmbeddedCandidate[] {
  const name = /\b(?:connection|socket|session)\s+(?:named\s+|called\s+|to\s+|for\s+)?["'`]?([\w.@-]+)/.exec(f.text)?.[1];
  const spec = readRemote(f.text);
  const host = name && !stopWords.has(name.toLowerCase()) && !/^(is|was|still|running|up|alive)$/i.test(name) ? name : spec ? target(spec) : undefined;
  if (!host) return [];
  const op = /\b(stop|exit|close|end|terminate|kill|shut)\b/.test(f.lower) ? 'exit' : /\b(forward\w*)\b/.test(f.lower) ? 'forward' : 'check';
  return [{ command: `ssh -O ${op} ${shellQuote(host)}`, confidence: 0.85, explanation: `Asks the master connection for ${host} to ${op === 'check' ? 'say whether it is running' : op}.`, source: 'remote.master', filled: [], missing: [] }];
}

interface Place { value: string; at: number }

// Words that stand for the remote side or for options, never a local place.
const notPlaces = new Set([...stopWords, 'connect', 'connecting', 'attempt', 'login', 'log', 'machine', 'computer', 'remote', 'host', 'server', 'machine', 'local', 'port', 'key', 'ssh', 'scp', 'rsync', 'over', 'via', 'through', 'using', 'as', 'user', 'if', 'only', 'newer', 'than', 'keeping', 'showing', 'progress', 'partial', 'transfers', 'dry', 'run', 'deleting', 'extra', 'preserving', 'relative', 'paths', 'connecting', 'recursively', 'copy', 'send', 'upload', 'download', 'fetch', 'sync', 'mirror', 'archive', 'compressing', 'compress', 'while', 'then', 'home', 'same', 'new', 'old', 'whole', 'entire', 'contents', 'content', 'data', 'everything', 'backup', 'back', 'up', 'mode', 'option', 'verbose', 'way', 'copies', 'transfer', 'mine', 'get', 'pull', 'push', 'src', 'source', 'dest', 'destination', 'target']);
const realNames = new Set(['src', 'source', 'dest', 'destination', 'target', 'backup', 'data', 'home']);

/** The local places a request names, in order: quoted names, paths, file kinds, existing names, and bare names where a place is expected. */
function places(f: RequestFacts, spec?: RemoteSpec): Place[] {
  const out: Place[] = [];
  const skip = (at: number, len: number) => (spec && at < spec.remote.end && at + len > spec.remote.at) || (spec?.commandSpan && at < spec.commandSpan[1] && at + len > spec.commandSpan[0]);
  for (const g of f.globs) if (!skip(g.at, g.raw.length)) out.push({ value: g.value, at: g.at });
  for (const m of f.text.matchAll(/(["'`]?)((?:~|\.{1,2})?\/?[\w.*~+-]+(?:\/[\w.*~+-]*)*)\1/g)) {
    const word = m[2], at = m.index;
    if (skip(at, m[0].length) || out.some((p) => at >= p.at && at < p.at + p.value.length + 2) || /^\d+$/.test(word) || /@/.test(word)) continue;
    if (spec && (word === spec.remote.host || word === spec.port || word === spec.key || word === spec.jump || word === spec.remote.user)) continue;
    const before = f.text.slice(Math.max(0, at - 30), at).toLowerCase();
    if (/\b(?:port|key|user|as|identity|gateway|bastion|named|called)\s+(?:file\s+)?$/.test(before)) continue;
    const shaped = m[1] !== '' || /[/~*]/.test(word) || /\.[A-Za-z]\w{0,7}$/.test(word) || f.ws.files.has(word) || f.ws.dirs.has(word);
    const cued = /\b(?:files?|folders?|director(?:y|ies)|dirs?|cop(?:y|ying)|sync\w*|mirror\w*|archiv\w*|rsync|scp|upload\w*|send\w*|transfer\w*|back up|backup|to|into|onto|from)\s+(?:the\s+)?(?:local\s+)?(?:file\s+|folder\s+|directory\s+|dir\s+)?$/.test(before);
    const bare = /^[A-Za-z_][\w.-]*$/.test(word) && (!notPlaces.has(word.toLowerCase()) || realNames.has(word.toLowerCase()) && cued);
    if (shaped || (cued && bare)) out.push({ value: word.replace(/[.,;:!?]+$/, ''), at });
  }
  // ".txt" alone is a file kind, already read as a glob.
  return out.sort((a, b) => a.at - b.at).filter((p) => p.value !== '' && (!/^\.[a-z]{1,4}$/i.test(p.value) || f.ws.files.has(p.value) || f.ws.dirs.has(p.value)));
}

function copyCandidates(f: RequestFacts, spec: RemoteSpec): EmbeddedCandidate[] {
  const lower = withoutRemote(f.lower, spec);
  const o = readOptions(lower);
  const ends = copyEnds(f, spec, places(f, spec));
  if (!ends) return [];
  const { down, sources, dest } = ends;
  // A remote place is written as built; a file kind stays bare so the local shell expands it.
  const quoted = (v: string) => (v.includes('@') || /:/.test(v) || /^[\w./~-]*[*?][\w.*?/-]*$/.test(v) ? v : shellQuote(v));
  const rsync = rsyncAsked(o, lower);
  const folder = o.recursive || sources.some((s) => f.ws.dirs.has(s.replace(/\/$/, '')) || s.endsWith('/'));
  let command: string;
  if (rsync) {
    const flags = rsyncFlags(o, folder);
    const shell = [spec.port ? `-p ${spec.port}` : '', spec.key ? `-i ${spec.key}` : '', spec.jump ? `-J ${spec.jump}` : ''].filter(Boolean).join(' ');
    command = ['rsync', ...flags, ...(shell ? ['-e', shellQuote(`ssh ${shell}`)] : []), ...sources.map(quoted), quoted(dest)].join(' ');
  } else {
    const flags = [folder ? '-r' : '', /\b(preserv\w*|keep\w* (?:the )?(?:times|timestamps|modes?|permissions))\b/.test(lower) ? '-p' : '', o.compress ? '-C' : '', spec.port ? `-P ${spec.port}` : '', spec.key ? `-i ${shellQuote(spec.key)}` : '', spec.jump ? `-J ${spec.jump}` : ''].filter(Boolean);
    command = ['scp', ...flags, ...sources.map(quoted), quoted(dest)].join(' ');
  }
  const explanation = `Copies ${sources.join(' ')} ${down ? 'from' : 'to'} ${spec.remote.host} over SSH${rsync ? ', sending only what changed' : ''}.`;
  return [{ command, confidence: 0.86, explanation, source: rsync ? 'remote.rsync' : 'remote.scp', filled: [], missing: [] }];
}

const hostWords = String.raw`(?:the\s+)?(?:remote\s+)?(?:(?:host|machine|server|computer|box|node)\s+)?`;
const fromHost = new RegExp(String.raw`\b(?:from|off|of)\s+${hostWords}$`);
const toHost = new RegExp(String.raw`\b(?:to|into|onto|on|at)\s+${hostWords}$`);
const toLocal = /\b(?:to|into|onto)\s+(?:the\s+|my\s+)?(?:local\s+(?:machine|host|computer|box|system|director\w*|folder)|(?:this|my)\s+(?:machine|computer)|current\s+(?:director\w*|folder|dir)|here)\b/i;

/** Which way a copy goes, and its two ends: the remote end written `user@host:path`. */
function copyEnds(f: RequestFacts, spec: RemoteSpec, local: Place[]): { down: boolean; sources: string[]; dest: string } | undefined {
  const remote = (path: string) => `${target(spec)}:${path === '' ? '' : shellQuote(path)}`;
  const downWords = downVerb.test(f.lower) && !/\bupload\b/.test(f.lower);
  const verbAt = f.text.search(copyVerb);
  // "connect to example.com as bob and copy a.txt to remote directory /srv": the host is named before the copy, its path after "to".
  if (spec.remote.path === undefined && verbAt > spec.remote.end) {
    const after = local.filter((p) => p.at > verbAt);
    const to = /\b(?:to|into|onto)\s/i.exec(f.text.slice(verbAt));
    const toAt = to ? verbAt + to.index : Infinity;
    if (toLocal.test(f.text) || downWords) {
      const there = after[0];
      return there && { down: true, sources: [remote(there.value)], dest: after.find((p) => p.at > toAt && p !== there)?.value ?? '.' };
    }
    const sources = after.filter((p) => p.at < toAt).map((p) => p.value);
    return sources.length > 0 ? { down: false, sources, dest: remote(after.find((p) => p.at > toAt)?.value ?? '') } : undefined;
  }
  const before = f.text.slice(Math.max(0, spec.remote.at - 40), spec.remote.at).toLowerCase();
  const down = fromHost.test(before) || toLocal.test(f.text) || (!toHost.test(before) && downWords);
  const remotePath = spec.remote.path;
  if (down) {
    const there = remotePath ?? local.find((p) => p.at < spec.remote.at)?.value;
    const dest = local.find((p) => p.at > spec.remote.at && p.value !== remotePath)?.value ?? '.';
    return there ? { down, sources: [remote(there)], dest } : undefined;
  }
  const mine = local.filter((p) => p.value !== remotePath && p.at < spec.remote.at);
  return mine.length > 0 ? { down, sources: mine.map((p) => p.value), dest: remote(remotePath ?? '') } : undefined;
}

function rsyncFlags(o: Options, folder: boolean): string[] {
  const letters = `${o.archive || folder || o.relative || o.deleteExtra ? 'a' : ''}${o.verbose ? 'v' : ''}${o.compress ? 'z' : ''}${o.newer ? 'u' : ''}${o.relative ? 'R' : ''}${o.dryRun ? 'n' : ''}${o.partial && o.progress ? 'P' : ''}`;
  const long = [o.partial && !o.progress ? '--partial' : '', o.progress && !o.partial ? '--progress' : '', o.deleteExtra ? '--delete' : '', o.exclude ? `--exclude=${shellQuote(o.exclude)}` : ''].filter(Boolean);
  return [...(letters ? [`-${letters}`] : []), ...long];
}

/** "copy src to dest only if it is newer", "mirror a to b deleting extra files", "sync x to y as a dry run": rsync's options between local places. */
function localSync(f: RequestFacts): EmbeddedCandidate[] {
  const lower = f.lower;
  const o = readOptions(lower);
  if (!copyVerb.test(lower) || !(o.newer || o.dryRun || o.deleteExtra || o.relative || o.partial)) return [];
  const all = places(f);
  const cue = /\b(?:to|into|onto)\s+(?:the\s+)?(?:folder\s+|directory\s+|dir\s+)?/i.exec(f.text.slice(copyVerb.exec(f.text)?.index ?? 0));
  const toAt = cue ? (copyVerb.exec(f.text)?.index ?? 0) + cue.index : -1;
  const sources = all.filter((p) => p.at < toAt).map((p) => p.value);
  const dest = all.find((p) => p.at > toAt)?.value;
  if (toAt < 0 || sources.length === 0 || !dest) return [];
  const q = sources.map(shellQuote);
  // Options said in words and built in outrank a template that has none of them.
  // A plain copy that only skips older files is cp's: rsync is for a sync or its other options.
  if (o.newer && !rsyncAsked({ ...o, newer: false }, lower)) {
    const folder = o.recursive || sources.some((s) => f.ws.dirs.has(s));
    return [{ command: ['cp', folder ? '-ru' : '-u', ...q, shellQuote(dest)].join(' '), confidence: 0.8, explanation: 'Copies only files that are newer than the copy already there, or missing from it.', source: 'remote.copy_newer', filled: [], missing: [] }];
  }
  const trailing = o.deleteExtra || /\b(sync\w*|mirror\w*)\b/.test(lower) ? '/' : '';
  const src = trailing && !o.relative ? sources.map((s) => shellQuote(s.replace(/\/$/, '') + '/')) : q;
  const command = ['rsync', ...rsyncFlags({ ...o, archive: true }, true), ...(o.dryRun ? ['--itemize-changes'] : []), ...src, shellQuote(trailing ? dest.replace(/\/$/, '') + '/' : dest)].join(' ');
  return [{ command, confidence: 0.92, explanation: `Copies ${sources.join(' ')} to ${dest} with rsync${o.dryRun ? ', only showing what it would do' : ''}.`, source: 'remote.rsync_local', filled: [], missing: [] }];
}
