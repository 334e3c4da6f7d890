// A set of files named by what it is for ("backups", "temp files", "build
// artifacts") stays in a delete that also gives an age: a plan that keeps
// only the age deletes every old file. Wordings are built from parts: verbs ×
// sets × ages, and the plans a model might give for them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { effectChecks } from '../support/policyDecision';

const { over } = effectChecks();
const verbs = ['delete', 'remove', 'get rid of', 'purge', 'please delete', 'can you remove'];
const sets = ['backups', 'the backups', 'old archives', 'build artifacts', 'temp files', 'cache files', 'screenshots', 'the dumps', 'reports', 'tmp files'];
const ages = ['older than 30 days', 'from last month', 'not touched in 2 weeks', 'modified more than 10 days ago', 'over a month old'];
const looseDeletes = ["find . -type f -mtime +30 -delete", "find . -type f -mtime +30 -not -path './.git/*' -exec rm -f -- {} +", "find . -type f -atime -30 -name '*' -delete", "find . -mmin +43200 -exec rm {} \\;"];

test('a delete of a set named by what it is for, planned with only an age, is turned away', () => {
  for (const verb of verbs) {
    for (const set of sets) {
      for (const age of ages) {
        for (const plan of looseDeletes) assert.match(over(`${verb} ${set} ${age}`, plan), /changes files of every kind, but the request names only/, `${verb} ${set} ${age} → ${plan}`);
      }
    }
  }
});

test('the same delete keeps its set by a name test, or by the folder it names', () => {
  const kept: [string, string][] = [
    ['delete backups older than 30 days', "find . -type f \\( -name '*.bak' -o -name '*~' \\) -mtime +30 -delete"],
    ['remove the temp files older than a week', "find . -type f -name '*.tmp' -mtime +7 -delete"],
    ['get rid of screenshots from last month', "find . -type f -iname '*.png' -mtime -30 -delete"],
    ['delete logs older than a week', 'find logs -type f -mtime +7 -delete'],
    ['purge the dumps not touched in 2 weeks', 'find ./dumps -type f -mtime +14 -delete'],
  ];
  for (const [request, plan] of kept) assert.doesNotMatch(over(request, plan), /the request names only/, `${request} → ${plan}`);
});

test('a place that holds files is no set: "the files in backup older than 30 days" is every old file there', () => {
  for (const verb of verbs) {
    for (const place of ['backup', 'the backups', 'logs', 'my archives']) {
      assert.doesNotMatch(over(`${verb} the files in ${place} older than 30 days`, `find ${place.split(' ').pop()} -type f -mtime +30 -delete`), /the request names only/);
    }
    assert.doesNotMatch(over(`${verb} files older than 30 days`, 'find . -type f -mtime +30 -delete'), /the request names only/);
  }
});

test('what a find leaves out picks no set', () => {
  assert.match(over('delete the backups older than a week', "find . -type f ! -name '*.ts' -mtime +7 -delete"), /the request names only backups/);
  assert.match(over('remove build artifacts older than a week', "find . -type f -not -name '*.md' -mtime +7 -delete"), /the request names only build artifacts/);
});

test('a set kept out of a delete, or one moved elsewhere, is not held to a name test here', () => {
  assert.doesNotMatch(over('clean out everything in conf except the log files', "find conf -type f ! -name '*.log' -delete"), /the request names only/);
  assert.doesNotMatch(over('delete the files in docs but not the backups', "find docs -type f ! -name '*.bak' -delete"), /the request names only/);
  assert.doesNotMatch(over('move the image files to pictures', "find . -type f -name '<glob>' -exec mv -n -t pictures {} +"), /the request names only/);
});

test('a folder named like the word before the set ("old archives") is no place that bounds it', () => {
  const ws = { files: new Set(['old/a.txt']), dirs: new Set(['old', 'docs']), byBase: new Map([['a.txt', 'old/a.txt']]) };
  const checks = effectChecks(ws);
  for (const verb of verbs) {
    for (const set of ['old archives', 'old backups', 'old temp files']) {
      assert.match(checks.over(`${verb} ${set} older than a week`, 'find old -type f -mtime +7 -delete'), /the request names only/, `${verb} ${set}`);
    }
    assert.doesNotMatch(checks.over(`${verb} the backups in docs older than a week`, 'find docs -type f -mtime +7 -delete'), /the request names only/);
  }
});

test('a move, a chmod or an edit of a set named by what it is for keeps the set, as a delete does', () => {
  const acts: [string, (age: string) => string[]][] = [
    ['move', () => ["find . -type f -mtime +7 -not -path './.git/*' -exec mv -t old {} +", 'find . -mtime +30 -exec mv -n {} old/ \\;']],
    ['chmod 600', () => ["find . -type f -mtime +30 -not -path './.git/*' -exec chmod 600 {} +", 'find . -type f -mtime +30 -exec chmod 600 {} \\;']],
    ['compress', () => ['find . -type f -mtime +30 -exec gzip {} +']],
    ['chown bob', () => ['find . -type f -mtime +30 -exec chown bob {} +']],
  ];
  for (const [verb, plans] of acts) {
    for (const set of sets) {
      for (const age of ages) {
        const request = verb === 'move' ? `${verb} ${set} ${age} to old` : `${verb} ${set} ${age}`;
        for (const plan of plans(age)) assert.match(over(request, plan), /of every kind, but the request names only/, `${request} → ${plan}`);
        assert.doesNotMatch(over(request, "find . -type f -name '*.tmp' -mtime +30 -exec chmod 600 {} +"), /of every kind/, request);
      }
    }
  }
});
