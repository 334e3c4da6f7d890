// The query-text classifier behind database clients: read-only statements
// read, statements that drop or empty data destroy, and text it cannot see
// or does not know is never read.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyMongo, classifyRedis, classifySql, sqlStatements } from '../../server/src/policy/tools/queryText';
import { DYNAMIC } from '../../server/src/shell/words';

test('SQL statements split at semicolons outside quotes and comments', () => {
  assert.deepEqual(sqlStatements("SELECT ';' FROM t; -- DROP TABLE x;\nDELETE FROM u WHERE id = 1"), ["SELECT ';' FROM t", 'DELETE FROM u WHERE id = 1']);
  assert.deepEqual(sqlStatements('/* DROP TABLE t; */ SELECT 1'), ['SELECT 1']);
});

test('SQL: reads, changes and destroys', () => {
  for (const s of ['SELECT 1', 'select * from t where x = 1', 'EXPLAIN SELECT 1', 'SHOW TABLES', '\\dt', '\\d users', '.tables', 'WITH a AS (SELECT 1) SELECT * FROM a']) assert.equal(classifySql(s).action, 'read', s);
  for (const s of ['SELECT pg_terminate_backend(pid) FROM pg_stat_activity', "SELECT * FROM t INTO OUTFILE '/tmp/x'", 'SELECT * INTO copy FROM t', "select pg_read_file('/etc/passwd')"]) assert.equal(classifySql(s).action, 'change', s);
  for (const s of ['INSERT INTO t VALUES (1)', 'UPDATE t SET a = 1 WHERE id = 2', 'DELETE FROM t WHERE id = 3', 'CREATE TABLE t (a int)', 'EXPLAIN ANALYZE INSERT INTO t VALUES (1)']) assert.equal(classifySql(s).action, 'change', s);
  for (const s of ['DROP TABLE t', 'drop database app', 'TRUNCATE t', 'ALTER TABLE t DROP COLUMN a', 'DELETE FROM t', 'UPDATE t SET a = 1', 'DELETE FROM t WHERE 1=1', 'delete from t where true', 'SELECT 1; DROP TABLE t']) assert.equal(classifySql(s).action, 'destroy', s);
  for (const s of ['\\! rm -rf /', '.shell rm x', '\\o /etc/passwd', 'FROBNICATE t', `SELECT * FROM ${DYNAMIC}`]) assert.equal(classifySql(s).action, 'unknown', s);
});

test('Redis and MongoDB', () => {
  assert.equal(classifyRedis(['GET', 'k']).action, 'read');
  assert.equal(classifyRedis(['SET', 'k', 'v']).action, 'change');
  assert.equal(classifyRedis(['DEL', 'k']).action, 'change');
  assert.equal(classifyRedis(['DEL', DYNAMIC]).action, 'destroy');
  for (const c of ['FLUSHALL', 'flushdb', 'SHUTDOWN']) assert.equal(classifyRedis([c]).action, 'destroy', c);
  assert.equal(classifyRedis(['EVAL', 'return 1', '0']).action, 'unknown');
  assert.equal(classifyMongo('db.users.find({a: 1})').action, 'read');
  assert.equal(classifyMongo('db.users.insertOne({a: 1})').action, 'change');
  assert.equal(classifyMongo('db.users.deleteOne({_id: 1})').action, 'change');
  for (const c of ['db.dropDatabase()', 'db.users.drop()', 'db.users.deleteMany({})', 'db.users.remove({})']) assert.equal(classifyMongo(c).action, 'destroy', c);
  assert.equal(classifyMongo('load("x.js")').action, 'change');
  assert.equal(classifyMongo('something()').action, 'unknown');
});
