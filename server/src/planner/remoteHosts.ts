// Another machine as a request names it: `alice@build:/srv/app`, "on host
// db.example.com", "as user deploy", "on port 2222", "with the key
// ~/.ssh/deploy", "through the gateway bastion", and the command to run there.
// Every part the request names is kept, so the program that reaches the
// machine (ssh, scp, rsync) gets all of them, not just the host.

import { stopWords } from './requestWords';

export interface RemoteHost {
  host: string;
  user?: string;
  /** The path on the host, when written as scp and rsync write it (`host:/srv`) or said next to the host ("/srv on host h"). */
  path?: string;
  /** Where the host is named in the request, and where its mention ends. */
  at: number;
  end: number;
}

export interface RemoteSpec {
  remote: RemoteHost;
  port?: string;
  key?: string;
  /** A host to go through first (ssh -J). */
  jump?: string;
  /** The command to run on the host, as written. */
  command?: string;
  /** Where the command is written, so its words are not read as places. */
  commandSpan?: [number, number];
}

const hostWord = String.raw`[A-Za-z0-9][\w-]*(?:\.[\w-]+)*`;
// `user@host:path`, `host:/path`, `host:~/path`, `user@host:` (the remote home).
const scpPlace = new RegExp(String.raw`(?<![\w.@/:-])(?:([a-z_][\w.-]*)@)?(${hostWord}):((?:\/|~)[^\s'",;]*|[^\s'",;]*)`, 'gi');
const userAtHost = new RegExp(String.raw`(?<![\w.@/-])([a-z_][\w.-]*)@(${hostWord})(?![\w@])`, 'gi');
const namedHost = /(?<![\w.@/-])(?:\d{1,3}\.){3}\d{1,3}(?![\w.])|\blocalhost\b|(?<![\w.@/-])(?:[a-z0-9-]+\.)+(?:com|org|net|io|dev|edu|gov|local|lan|internal|intra|corp|home|cloud|co\.uk|de|fr|example)\b(?![\w-])/gi;
// "on host web1", "to the remote machine REMOTE", "the server called build".
const cuedHost = /\b(?:remote\s+(?:system|node|computer)|(?:remote\s+)?(?:host|hostname|machine|server|computer|box))(?:\s+(?:called|named))?\s+["'`]?(\$\{?\w+\}?|[A-Za-z0-9][\w.-]*\w|[A-Za-z0-9])["'`]?/gi;
// "ssh into web1", "log in to web1", "connect to web1".
const loginHost = /\b(?:ssh|scp|sftp|(?<![/.\w])log\s*(?:in|on)|login|sign\s+in|connect(?:ion)?|session|shell)\s+(?:(?:in)?to|into|on|at|onto)\s+(?:the\s+)?(?:remote\s+)?["'`]?([A-Za-z0-9][\w.-]*\w|[A-Za-z0-9])["'`]?/gi;
const notHosts = new Set([...stopWords, 'remote', 'host', 'server', 'machine', 'port', 'as', 'user', 'using', 'via', 'through', 'over', 'ssh', 'key', 'it', 'there', 'computer', 'box', 'system', 'one', 'another', 'other', 'which', 'whose', 'is', 'was', 'and', 'local', 'localhost', 'named', 'called', 'running', 'name', 'address', 'ip', 'files', 'information', 'info', 'time', 'load', 'uptime', 'memory', 'disk', 'status', 'logs', 'log', 'with', 'without', 'specified', 'given', 'variable', 'by', 'default',
  // Services one connects or logs in to that are no machine's name.
  'database', 'db', 'wifi', 'network', 'vpn', 'internet', 'docker', 'registry', 'github', 'gitlab', 'account', 'website', 'site', 'portal', 'mysql', 'postgres', 'redis', 'web', 'app', 'cluster']);

/** The other machine a request names, with the parts it says about reaching it, or undefined. */
export function readRemote(text: string): RemoteSpec | undefined {
  const command = remoteCommand(text);
  const blank = command ? text.slice(0, command.span[0]) + ' '.repeat(command.span[1] - command.span[0]) + text.slice(command.span[1]) : text;
  const jump = readJump(blank);
  const hosts = readHosts(blank).filter((h) => h.host !== jump?.host && !(jump && h.at >= jump.at && h.at < jump.end));
  const remote = hosts.find((h) => h.path !== undefined) ?? hosts.find((h) => h.user !== undefined) ?? hosts[0];
  if (!remote) return undefined;
  if (remote.user === undefined) remote.user = readUser(blank);
  const port = /\bport\s+(?:number\s+)?(\d{1,5})\b|(?:^|\s)-p\s*(\d{1,5})\b/i.exec(blank);
  const key = /\b(?:(?:private\s+|ssh\s+)?key(?:\s*file)?|identity(?:\s*file)?|\.pem\s+file)\s+(?:file\s+)?["'`]?((?:~|\.{0,2}\/)?[\w.~/-]*[\w])["'`]?/i.exec(blank) ?? /(?:^|\s)-i\s+["'`]?([~\w./-]+)/.exec(blank);
  const keyValue = key && !notHosts.has(key[1].toLowerCase()) ? key[1] : undefined;
  return { remote, port: port?.[1] ?? port?.[2], key: keyValue, jump: jump?.host, command: command?.text, commandSpan: command?.span };
}

/** Every mention of a host, first by the strongest shape (`user@host:path`), in the order they are written. */
function readHosts(text: string): RemoteHost[] {
  const out: RemoteHost[] = [];
  const taken = (at: number) => out.some((h) => at >= h.at && at < h.end);
  for (const m of text.matchAll(scpPlace)) {
    const path = m[3].replace(/[.,;!?)]+$/, '');
    // "note: x", "e.g.: y" and URLs are no remote places: a user, or a path that starts at the root or home, makes one.
    if (/^(https?|ftp|file|c|d)$/i.test(m[2]) || (!m[1] && !/^[/~]/.test(path))) continue;
    out.push({ host: m[2], user: m[1], path, at: m.index, end: m.index + m[0].length });
  }
  // An e-mail address is no host to log in to.
  const mail = /\b(e-?mail\w*|mail\w*)\b/i.test(text);
  for (const m of text.matchAll(userAtHost)) if (!taken(m.index) && !mail) out.push({ host: m[2], user: m[1], at: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(namedHost)) if (!taken(m.index)) out.push({ host: m[0], at: m.index, end: m.index + m[0].length });
  for (const re of [cuedHost, loginHost]) {
    for (const m of text.matchAll(re)) {
      const at = m.index + m[0].lastIndexOf(m[1]);
      // A quoted name is a name, even one that reads as a word ("machine "REMOTE"").
      const quoted = /["'`]$/.test(text.slice(0, at));
      // After "connect to" a bare word is a host only when it has a host's shape; ssh and log in name one by any word.
      const shaped = quoted || /[.\d$]/.test(m[1]) || re === cuedHost || !/^connect/i.test(m[0]);
      if (taken(at) || !shaped || (!quoted && notHosts.has(m[1].toLowerCase())) || /^\d+$/.test(m[1]) || /\.(txt|log|sh|py|json|conf|csv|md|tar|gz|tgz|zip)$/i.test(m[1])) continue;
      out.push({ host: m[1], at, end: at + m[1].length });
    }
  }
  out.sort((a, b) => a.at - b.at);
  for (const h of out) if (h.path === undefined) h.path = pathSaidWith(text, h);
  return out;
}

/** "/srv/www on host web1", "the folder /data on web1": a path said right before the host it is on. */
function pathSaidWith(text: string, h: RemoteHost): string | undefined {
  const before = text.slice(Math.max(0, h.at - 80), h.at);
  const m = /((?:~|\/)[\w.~/*-]*)["'`]?\s+(?:on|at|in|of|from)\s+(?:the\s+)?(?:remote\s+)?(?:(?:host|machine|server|computer|box|node|system)\s+)?["'`]?$/i.exec(before);
  // ... or right after it: "to host web1 in /srv/app", "on web1 under ~/logs" ("to /tmp" after it is the other end of a copy).
  const after = /^["'`]?\s*(?:,\s*)?(?:in|under|at)\s+(?:the\s+)?(?:(?:folder|directory|dir|path)\s+)?["'`]?((?:~|\/)[\w.~/*-]*)/i.exec(text.slice(h.end));
  return m?.[1] ?? after?.[1];
}

function readJump(text: string): { host: string; at: number; end: number } | undefined {
  const m = /\b(?:through|via|by way of|hopping through|jumping through|over)\s+(?:the\s+|an?\s+)?(?:(?:ssh\s+)?(?:gateway|bastion|jump\s*(?:host|server|box)?|proxy|relay)(?:\s+(?:host|server|machine|system))?(?:\s+(?:called|named))?\s+)?["'`]?((?:[a-z_][\w.-]*@)?[A-Za-z0-9][\w.-]*\w)["'`]?/i.exec(text);
  if (!m) return undefined;
  const named = /\b(gateway|bastion|jump|proxy|relay)\b/i.test(m[0]);
  if (notHosts.has(m[1].toLowerCase()) || /^(ssh|scp|rsync|sftp|the|network|internet|vpn|tunnel)$/i.test(m[1])) return undefined;
  // "through web1" names a hop only when the words say so or it looks like a host.
  if (!named && !new RegExp(`^(?:${namedHost.source})$`, 'i').test(m[1]) && !/@/.test(m[1])) return undefined;
  const at = m.index + m[0].lastIndexOf(m[1]);
  return { host: m[1], at: m.index, end: at + m[1].length };
}

function readUser(text: string): string | undefined {
  const m = /\b(?:as|for)\s+(?:the\s+)?(?:(?:ssh\s+)?user\s+|login\s+)?["'`]?([a-z_][\w-]*)["'`]?(?=\s+(?:on|at|to|in|into|with|using|via|through|over|and)\b|[\s,.;]*$)/i.exec(text) ?? /\b(?:user(?:\s*name)?|login(?:\s+name)?|account)\s+["'`]?([a-z_][\w-]*)/i.exec(text);
  if (!m) return undefined;
  const quoted = /["'`]$/.test(text.slice(0, m.index + m[0].lastIndexOf(m[1])));
  if ((!quoted && (stopWords.has(m[1].toLowerCase()) || /^(user|well|dry|background|follows?|before|usual|needed|possible|shown|is|ssh|remote|local|root user)$/i.test(m[1])))) return undefined;
  return m[1];
}

const runVerb = /\b(?:run|execute|exec|invoke|launch|start|issue|do|perform|type)\s+(?:the\s+)?(?:command\s+|script\s+)?/gi;
const quotedText = /(["'`])([^"'`]+)\1/g;

/** The command to run on the other machine: quoted after run/execute, or the words between the verb and "on HOST". */
function remoteCommand(text: string): { text: string; span: [number, number] } | undefined {
  for (const m of text.matchAll(quotedText)) {
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 60);
    const ordered = /\b(?:run|running|execute|executing|exec|invoke|launch|start|issue|do|perform|type|command|and)\s+(?:the\s+)?(?:command\s+|script\s+)?$/i.test(before);
    const there = /\b(on|at|in|over|via|with|using|from)\b/i.test(after) || /\b(ssh|remote|host|machine|server|box|node)\b|\w@\w|(?:\d{1,3}\.){3}\d{1,3}/i.test(text);
    if (ordered && there && !/^[\w.-]+$/.test(m[2]) || ordered && there && /^[a-z][\w-]*$/.test(m[2])) return { text: m[2], span: [m.index, m.index + m[0].length] };
  }
  for (const m of text.matchAll(runVerb)) {
    const start = m.index + m[0].length;
    const rest = /^([a-z][\w.-]*(?:\s+-{0,2}[\w./=-]+){0,3}?)\s+(?:remotely\s+)?(?:on|at)\s+(?:the\s+)?(?:remote\s+)?(?:host|machine|server|computer|box|node)?\s*["'`]?[\w@]/i.exec(text.slice(start));
    if (!rest || notHosts.has(rest[1].split(/\s+/)[0].toLowerCase()) || /^(it|this|that|these|them|commands?|something|anything|everything|a|an)$/i.test(rest[1])) continue;
    return { text: rest[1], span: [start, start + rest[1].length] };
  }
  return undefined;
}
