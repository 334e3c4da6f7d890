// A find's change is bound to every test the request states: a -delete or
// -exec before the tests, tests split from it by -o, tests joined by -o, or a
// test of when files were read or changed status for "older than", reach files
// the request does not pick. Plans are read by the real parser.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { effectChecks } from '../support/policyDecision';

const { over } = effectChecks();
const requests = ['delete the log files in logs older than 30 days', 'remove .log files under logs more than 30 days old', 'delete logs in logs not modified in 30 days', 'please get rid of the .log files in logs that are older than 30 days'];
const acts = ['-delete', '-exec rm -f {} +', "-exec rm -- {} \\;", '-execdir rm {} +'];

test('a find whose change is not bound to its tests is turned away', () => {
  for (const request of requests) {
    for (const act of acts) {
      for (const plan of [`find logs ${act} -name '*.log' -mtime +30`, `find logs -name '*.log' -o -mtime +30 ${act}`, `find logs -mtime +30 -o -name '*.log' ${act}`, `find logs \\( -name '*.log' -o -mtime +30 \\) ${act}`, `find logs -name '*.log' -mtime +30 -print -o ${act}`, `find logs -name '*.log' -atime +30 ${act}`, `find logs -name '*.log' -ctime +30 ${act}`]) {
        assert.match(over(request, plan), /before its tests|-o|when files/, `${plan} for "${request}"`);
      }
      for (const plan of [`find logs -name '*.log' -mtime +30 ${act}`, `find logs -type f -name '*.log' -mtime +30 ${act}`, `find logs -path logs/keep -prune -o -name '*.log' -mtime +30 ${act}`, `find logs -maxdepth 1 -name '*.log' -mtime +30 ${act}`]) {
        assert.doesNotMatch(over(request, plan), /before its tests|-o leaves|joined by -o|when files/, `${plan} for "${request}"`);
      }
    }
  }
});

test('a time the request names is the time tested', () => {
  assert.doesNotMatch(over('delete the files in logs not accessed in 30 days', 'find logs -atime +30 -delete'), /when files/);
  assert.doesNotMatch(over('delete the .log and .txt files in logs older than 30 days', "find logs \\( -name '*.log' -o -name '*.txt' \\) -mtime +30 -delete"), /-o/);
});
