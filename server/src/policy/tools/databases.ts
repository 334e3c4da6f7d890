// Database clients (psql, mysql, sqlite3, redis-cli, mongosh, ...) and the
// admin tools around them. The query text given inline or in a here-document
// is judged statement by statement; text from a file or a pipe cannot be
// seen, so it is never `read`.

import { show } from '../../shell/argWords';
import { DYNAMIC, type WordValue } from '../../shell/words';
import { clientCommands } from './clientCommands';
import { classifyMongo, classifyRedis, classifySql, type QueryVerdict } from './queryText';
import { act, hasOption, isLocalHost, optionText, readsFile, texts, words, type ToolCall } from './toolKit';

interface Client {
  kind: 'sql' | 'redis' | 'mongo';
  host: string[];
  inline: string[];
  file: string[];
  values: string[];
}

const CLIENTS: Record<string, Client> = {
  psql: { kind: 'sql', host: ['-h', '--host'], inline: ['-c', '--command'], file: ['-f', '--file'], values: ['-U', '--username', '-d', '--dbname', '-p', '--port', '-v', '--set', '--variable', '-o', '--output', '-P', '--pset', '-F', '-R', '-L', '--log-file', '-T'] },
  mysql: { kind: 'sql', host: ['-h', '--host'], inline: ['-e', '--execute'], file: [], values: ['-u', '--user', '-P', '--port', '-D', '--database', '-S', '--socket', '--default-character-set', '--defaults-file', '--login-path'] },
  sqlcmd: { kind: 'sql', host: ['-S'], inline: ['-Q', '-q'], file: ['-i'], values: ['-U', '-P', '-d', '-o', '-s', '-W', '-h'] },
  'clickhouse-client': { kind: 'sql', host: ['-h', '--host'], inline: ['-q', '--query'], file: ['--queries-file'], values: ['-u', '--user', '--port', '-d', '--database', '--password', '--format', '-f'] },
  cqlsh: { kind: 'sql', host: [], inline: ['-e', '--execute'], file: ['-f', '--file'], values: ['-u', '--username', '-p', '--password', '-k', '--keyspace', '--cqlversion'] },
  'redis-cli': { kind: 'redis', host: ['-h', '-u'], inline: [], file: [], values: ['-p', '-a', '-n', '-s', '--user', '--pass', '-r', '-i', '--pattern', '--count', '--rdb', '--eval', '-d', '--tls-cert', '--cacert', '--key'] },
  mongosh: { kind: 'mongo', host: ['--host'], inline: ['--eval'], file: ['--file', '-f'], values: ['--port', '-u', '--username', '-p', '--password', '--authenticationDatabase'] },
  mongo: { kind: 'mongo', host: ['--host'], inline: ['--eval'], file: [], values: ['--port', '-u', '--username', '-p', '--password', '--authenticationDatabase'] },
};
CLIENTS.mariadb = CLIENTS.mysql;
CLIENTS.sqlite3 = { kind: 'sql', host: [], inline: ['-cmd'], file: ['-init'], values: ['-separator', '-newline', '-nullvalue'] };

export const DATABASE_PROGRAMS = [...Object.keys(CLIENTS), 'mariadb', 'sqlite3', 'dropdb', 'dropuser', 'createdb', 'createuser', 'pg_dump', 'pg_dumpall', 'pg_restore', 'pg_isready', 'mysqldump', 'mysqladmin', 'mongodump', 'mongorestore', 'mongoexport', 'mongoimport'];

function classify(kind: Client['kind'], text: string, wordsGiven?: string[]): QueryVerdict {
  if (kind === 'redis') return classifyRedis(wordsGiven ?? text.trim().split(/\s+/));
  if (kind === 'mongo') return classifyMongo(text);
  return classifySql(text);
}

export function describeDatabaseClient(call: ToolCall): void {
  const { fact, args } = call;
  const prog = fact.program;
  const c = CLIENTS[prog];
  const family = 'database';
  const valueOpts = new Set([...c.host, ...c.inline, ...c.file, ...c.values]);
  const inline = c.inline.flatMap((o) => allValues(args, o));
  const files = c.file.flatMap((o) => allValues(args, o));
  // mongosh runs the .js files named among its words.
  if (c.kind === 'mongo') files.push(...words(args, new Set([...c.host, ...c.values, ...c.inline])).filter((v) => /\.js$/.test(v.text) || v.dynamic));
  const rest = words(args, valueOpts).filter((v) => !inline.includes(v) && !files.includes(v));
  const hosts = c.host.map((h) => optionText(args, h)).filter((h): h is string => h !== undefined);
  const urls = rest.filter((v) => /^[a-z+]+:\/\//i.test(v.text) || v.dynamic).map(show);
  if (hosts.some((h) => !isLocalHost(h)) || urls.some((u) => u.includes('$?') || !/:\/\/([^@/]*@)?(localhost|127\.0\.0\.1|\[::1\])([:/]|$)/i.test(u))) {
    fact.network = true;
    fact.targets.push(...hosts.filter((h) => !isLocalHost(h)), ...urls);
  }
  let queryWords: WordValue[] = [];
  if (prog === 'sqlite3') queryWords = rest.slice(1);
  if (c.kind === 'redis') queryWords = rest;
  const shown: string[] = [...inline.map((v) => v.text), ...(queryWords.length && c.kind !== 'redis' ? [queryWords.map((v) => v.text).join(' ')] : [])];
  if (prog === 'sqlite3' && rest[0]) readsFile(call, rest[0]);
  files.forEach((v) => readsFile(call, v));
  const heredoc = fact.stdin === 'heredoc' || fact.stdin === 'herestring';
  if (heredoc) shown.push(fact.inline_code.split('$?').join(DYNAMIC));
  if (c.kind === 'redis' && (queryWords.length > 0 || !heredoc)) {
    const v = classifyRedis(texts(queryWords));
    act(call, family, v.action, `${prog} ${v.what}`);
  }
  if (c.kind === 'sql') clientCommands(call, [...inline.map((v) => v.text), ...queryWords.map((v) => v.text), ...(heredoc ? [fact.inline_code.split('$?').join(DYNAMIC)] : [])]);
  for (const text of shown) {
    const v = classify(c.kind, text);
    act(call, family, v.action, `${prog} runs ${v.what}`);
  }
  if (hasOption(args, '--eval') && c.kind === 'redis') act(call, family, 'unknown', `${prog} --eval runs a Lua script on the server`);
  if (files.length > 0 || fact.stdin === 'file' || fact.stdin === 'pipe') {
    act(call, family, 'unknown', `${prog} runs statements from a file or a pipe that Paladin cannot read first`);
    if (fact.stdin === 'pipe') {
      // The client runs what it is fed, as a shell would: downloaded or decoded text is judged like code piped to a shell.
      fact.markers.push('query-from-pipe');
      fact.runs_code = 'stdin';
    }
  }
  // psql and mysql take a database and a user as words; anything else there may be a statement in disguise.
  if (c.kind === 'sql' && prog !== 'sqlite3' && rest.some((v) => /\s/.test(v.text) && !/^[a-z+]+:\/\//i.test(v.text))) act(call, family, 'unknown', `${prog} is given words it does not take as a database or a user`);
  if (!fact.tool) act(call, family, 'read', `${prog} opens an interactive session`);
}

function allValues(args: WordValue[], name: string): WordValue[] {
  const out: WordValue[] = [];
  for (let i = 0; i < args.length; i++) {
    const t = args[i].text;
    if (t === name && args[i + 1]) out.push(args[i + 1]);
    else if (name.startsWith('--') && t.startsWith(name + '=')) out.push({ ...args[i], text: t.slice(name.length + 1) });
    else if (!name.startsWith('--') && name.length === 2 && new RegExp(`^-[a-zA-Z]+${name[1]}$`).test(t) && args[i + 1]) out.push(args[i + 1]);
    else if (!name.startsWith('--') && name.length === 2 && t.startsWith(name) && t.length > 2 && !t.startsWith('--')) out.push({ ...args[i], text: t.slice(2) });
  }
  return out;
}

/** Admin tools: dropdb, mysqladmin drop, pg_restore --clean, mongorestore --drop, dumps. */
export function describeDatabaseAdmin(call: ToolCall): void {
  const { fact, args } = call;
  const prog = fact.program;
  const family = 'database';
  const host = optionText(args, '-h', '--host');
  if (!isLocalHost(host) || hasOption(args, '--uri')) fact.network = true;
  switch (prog) {
    case 'dropdb':
    case 'dropuser':
      act(call, family, 'destroy', `${prog} deletes a database or a role with everything in it`);
      return;
    case 'mysqladmin': {
      const rest = texts(words(args, new Set(['-u', '--user', '-h', '--host', '-P', '--port', '-S', '--socket'])));
      if (rest.some((r) => /^(drop|shutdown|flush-\w+|kill|purge)$/i.test(r))) act(call, family, 'destroy', `mysqladmin ${rest.join(' ')} drops a database or stops the server`);
      else if (rest.every((r) => /^(status|extended-status|variables|version|ping|processlist)$/i.test(r))) act(call, family, 'read', 'mysqladmin reports status');
      else act(call, family, 'change', `mysqladmin ${rest.join(' ')} changes the server`);
      return;
    }
    case 'pg_restore':
    case 'mongorestore':
    case 'mongoimport':
      if (hasOption(args, '--clean', '-c', '--drop')) act(call, family, 'destroy', `${prog} drops what exists before restoring`);
      else act(call, family, 'change', `${prog} loads data into a database`);
      return;
    case 'createdb':
    case 'createuser':
      act(call, family, 'change', `${prog} creates a database or a role`);
      return;
    default:
      // What a dump reads is the database named in its words: a dump piped to ssh is data leaving.
      act(call, family, 'read', `${prog} reads from a database`);
      words(args, new Set(['-h', '--host', '-U', '-u', '--user', '--username', '-p', '--port', '-d', '--dbname', '-f', '--file', '-F', '--format', '--db', '-c', '--collection', '--uri', '-o', '--out'])).forEach((v) => readsFile(call, v));
  }
}
