// Classifies the query text given to a database client: SQL statements,
// psql/sqlite meta-commands, Redis commands and MongoDB shell code. Only what
// is plainly read-only is `read`; what drops, truncates or empties data is
// `destroy`; the rest changes data (`change`) or is not understood (`unknown`).

import type { ToolAction } from '../factsTypes';
import { DYNAMIC } from '../../shell/words';

export interface QueryVerdict {
  action: ToolAction;
  what: string;
}

const READ_SQL = /^(select|explain|show|describe|desc|values|table|pragma\s+\w+\s*$|\\(d[a-z+]*|l\+?|dn|du|dt|conninfo|x|timing|echo|q|list|encoding|pset|h|\?)\b|\.(tables|schema|indexes|headers|mode|databases|dbinfo|show|help|quit|exit|width|stats|timer|nullvalue|separator)\b|use\s|begin|commit|rollback|start\s+transaction|set\s+(search_path|statement_timeout|role|session)\b)/i;
const CHANGE_SQL = /^(insert|create|alter|grant|copy|vacuum|analyze|reindex|cluster|refresh|comment|lock|merge|replace|upsert|call|do|set|savepoint|release|prepare|execute|deallocate|listen|notify|load|import|attach|detach|checkpoint|optimize|flush|kill|rename)\b/i;

/** A SELECT is not read-only when it calls these, or writes its result somewhere. */
const SIDE_EFFECTS = /\b(pg_terminate_backend|pg_cancel_backend|pg_drop_replication_slot|pg_reload_conf|pg_rotate_logfile|pg_promote|pg_switch_wal|pg_file_write|pg_file_unlink|pg_read_file|pg_read_binary_file|pg_ls_dir|lo_import|lo_export|lo_unlink|set_config|setval|nextval|dblink_exec|dblink|load_file|sys_exec|sys_eval|xp_cmdshell|sleep|pg_sleep|benchmark)\s*\(|\binto\s+(outfile|dumpfile)\b|^select\b[^;]*\binto\s+(?!outfile|dumpfile)\w+/i;

/** Split SQL text into statements at semicolons outside quotes, without comments. */
export function sqlStatements(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      cur += c;
      if (c === quote) quote = '';
      continue;
    }
    if (c === '-' && text[i + 1] === '-') {
      while (i < text.length && text[i] !== '\n') i++;
      cur += ' ';
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
      cur += ' ';
      continue;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    if (c === ';' || (c === '\n' && /^\s*[\\.]/.test(cur))) {
      out.push(cur.trim());
      cur = '';
      continue;
    }
    cur += c;
  }
  out.push(cur.trim());
  return out.filter((s) => s !== '');
}

function statementVerdict(s: string): QueryVerdict {
  const one = s.replace(/\s+/g, ' ');
  const head = one.slice(0, 60);
  if (/^(drop|truncate)\b/i.test(one) || /^alter\s.*\bdrop\b/i.test(one)) return { action: 'destroy', what: `${head} removes tables, data or whole databases` };
  if (/^(delete|update)\b/i.test(one)) {
    const where = one.match(/\bwhere\b(.*)$/i);
    if (!where) return { action: 'destroy', what: `${head} has no WHERE clause: it changes or deletes every row` };
    if (/^\s*(1\s*=\s*1|true|1|'1'\s*=\s*'1'|1\s*<>\s*0|not\s+false)\s*$/i.test(where[1])) return { action: 'destroy', what: `${head} has a WHERE clause that matches every row` };
    return { action: 'change', what: `${head} changes rows` };
  }
  if (/^with\b/i.test(one)) return /\b(delete|update|insert|drop|truncate)\b/i.test(one) ? { action: 'change', what: `${head} changes data` } : { action: 'read', what: 'a query' };
  if (/^explain\s+(\(.*\banalyze\b.*\)|analyze)\b/i.test(one)) return statementVerdict(one.replace(/^explain\s+(\([^)]*\)|analyze(\s+verbose)?)\s*/i, '')).action === 'read' ? { action: 'read', what: 'a query plan' } : { action: 'change', what: `${head} runs the statement it explains` };
  if (/^(\\!|\\o|\\w|\\i|\\ir|\\copy|\\g|\\e|\\s|\\setenv|\.shell|\.system|\.output|\.once|\.save|\.backup|\.import|\.read|\.load|\.excel|\.restore|system\b|source\b|tee\b|\\\.)/i.test(one)) return { action: 'unknown', what: `${head} runs a program or reads or writes files` };
  if (SIDE_EFFECTS.test(one)) return { action: 'change', what: `${head} calls functions that change the server or write files` };
  if (READ_SQL.test(one)) return { action: 'read', what: 'a query' };
  if (CHANGE_SQL.test(one)) return { action: 'change', what: `${head} changes the database` };
  return { action: 'unknown', what: `${head} is not a statement Paladin knows` };
}

const ORDER: ToolAction[] = ['read', 'build', 'change', 'unknown', 'publish', 'destroy'];

export function strictest(vs: QueryVerdict[], empty: QueryVerdict): QueryVerdict {
  let best = empty;
  for (const v of vs) if (ORDER.indexOf(v.action) > ORDER.indexOf(best.action) || best === empty) best = v;
  return best;
}

/** SQL text: the strictest of its statements. Text only known at run time is never `read`. */
export function classifySql(text: string): QueryVerdict {
  const v = strictest(sqlStatements(text.split(DYNAMIC).join(' $x ')).map(statementVerdict), { action: 'read', what: 'nothing' });
  if (text.includes(DYNAMIC) && v.action === 'read') return { action: 'unknown', what: 'SQL text that is only known at run time' };
  return v;
}

const REDIS_READ = new Set(['get', 'mget', 'exists', 'ttl', 'pttl', 'type', 'keys', 'scan', 'hget', 'hgetall', 'hkeys', 'hvals', 'hlen', 'hexists', 'hmget', 'hscan', 'lrange', 'llen', 'lindex', 'smembers', 'sismember', 'scard', 'sscan', 'zrange', 'zrangebyscore', 'zrevrange', 'zcard', 'zscore', 'zrank', 'zscan', 'strlen', 'getrange', 'info', 'ping', 'dbsize', 'time', 'echo', 'client', 'memory', 'object', 'slowlog', 'latency', 'role', 'lastsave', 'xlen', 'xrange', 'xread', 'xinfo', 'pubsub', 'dump', 'randomkey', 'bitcount', 'getbit', 'pfcount', 'geopos', 'geodist', 'command', 'monitor', 'subscribe', 'psubscribe', 'select', 'auth', 'hello']);
const REDIS_DESTROY = new Set(['flushall', 'flushdb', 'shutdown', 'swapdb', 'debug', 'script']);

/** One redis-cli command given as words. */
export function classifyRedis(cmd: string[]): QueryVerdict {
  const name = (cmd[0] ?? '').toLowerCase();
  if (name === '') return { action: 'read', what: 'an interactive session' };
  if (REDIS_DESTROY.has(name)) return { action: 'destroy', what: `${cmd.join(' ')} empties or stops the server` };
  if (name === 'config' && /^(set|resetstat|rewrite)$/i.test(cmd[1] ?? '')) return { action: 'destroy', what: `${cmd.slice(0, 3).join(' ')} changes the server's configuration` };
  if (name === 'del' || name === 'unlink') return cmd.slice(1).some((k) => /[*?]/.test(k) || k.includes(DYNAMIC)) ? { action: 'destroy', what: `${name} with keys only known at run time` } : { action: 'change', what: `${name} deletes keys` };
  if (REDIS_READ.has(name)) return { action: 'read', what: 'a query' };
  if (name === 'eval' || name === 'evalsha' || name === 'fcall' || name === 'module') return { action: 'unknown', what: `${name} runs code on the server` };
  return { action: 'change', what: `${name.toUpperCase()} changes data` };
}

/** MongoDB shell code (mongosh --eval, a heredoc). */
export function classifyMongo(code: string): QueryVerdict {
  const c = code.split(DYNAMIC).join('$x');
  if (/\.dropDatabase\s*\(|\.drop\s*\(|\.dropIndexes?\s*\(|\.dropUser|\.dropAllUsers|\.dropRole|\bdb\.(getSiblingDB\([^)]*\)\.)?shutdownServer/i.test(c)) return { action: 'destroy', what: 'drops a database, a collection or indexes' };
  if (/\.(deleteMany|remove|updateMany|update)\s*\(\s*(\{\s*\}|\))/.test(c)) return { action: 'destroy', what: 'deletes or changes every document of a collection' };
  if (/\.(insert\w*|update\w*|delete\w*|remove|replaceOne|findOneAnd\w+|findAndModify|createIndex\w*|createCollection|renameCollection|bulkWrite|createUser|updateUser|grantRoles\w*|runCommand|adminCommand|eval)\s*\(|\$out\b|\$merge\b|\bload\s*\(|\brequire\s*\(/.test(c)) return { action: 'change', what: 'changes data or runs server commands' };
  if (/^\s*(show\s+(dbs|databases|collections|tables|users|roles|profile)|use\s+\w+|it|exit|quit\(\))\s*;?\s*$/m.test(c) || /\.(find|findOne|count\w*|estimatedDocumentCount|distinct|aggregate|getCollectionNames|getCollectionInfos|stats|getIndexes|explain|version|serverStatus|hostInfo|isMaster|hello|ping|listCollections|getName|getUsers)\s*\(/.test(c)) {
    return { action: 'read', what: 'a query' };
  }
  return { action: 'unknown', what: 'shell code Paladin does not read' };
}
