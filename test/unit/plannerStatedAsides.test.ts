// A file set aside by what the request says of it ("a.log should stay",
// "logs/a.log is still needed", "hands off a.log", "not a.log though"), in a
// sentence of its own, a parenthesis, after a dash or before the act, is left
// out of every change that picks files by a pattern, a search or a folder.
// Plans are read by the real parser into the facts the policy sees.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asidesStated } from '../../server/src/planner/statedAsides';
import type { WorkspaceNames } from '../../server/src/planner/requestFacts';
import { effectChecks } from '../support/policyDecision';

const ws: WorkspaceNames = {
  files: new Set(['notes.txt', 'out/r.txt', 'logs/a.log', 'logs/b.log', 'logs/c.log']),
  dirs: new Set(['logs', 'out']),
  byBase: new Map([['a.log', 'logs/a.log'], ['b.log', 'logs/b.log'], ['c.log', 'logs/c.log'], ['r.txt', 'out/r.txt']]),
};
const { over } = effectChecks(ws);

const statements = ['{k} should stay', '{k} stays', '{k} is still needed', '{k} is important though', 'I still need {k}', '{k} must not change', "{k} isn't to be touched", '{k} needs to remain', 'hands off {k}', '{k} stays put', '{k} is off limits', '{k} has to stay', '{k} is fine', 'do not touch {k}'];
const forms = ['{act} the logs in logs. {keep}.', '{keep}. {act} the logs in logs', '{act} the logs in logs ({keep})', '{act} the logs in logs - {keep}', '{act} the log files under logs. Note: {keep}'];
const acts: [act: string, wide: string[], narrow: string][] = [
  ['delete', ["find logs -name '*.log' -delete", 'rm -f logs/*.log', 'rm -r logs'], "find logs -name '*.log' ! -name a.log -delete"],
  ['gzip', ['gzip logs/*.log', "find logs -name '*.log' -exec gzip {} +"], 'gzip logs/b.log logs/c.log'],
  ['truncate', ["find logs -name '*.log' -exec truncate -s 0 {} +", 'truncate -s 0 logs/*'], 'truncate -s 0 logs/b.log logs/c.log'],
  ['chmod 600', ['chmod 600 logs/*.log', 'chmod -R 600 logs'], "find logs -name '*.log' -not -name a.log -exec chmod 600 {} +"],
];

test('a file said to stay is read from the statement, whichever way it is said', () => {
  for (const s of statements) {
    for (const k of ['a.log', 'logs/a.log', 'the a.log file']) {
      const said = s.replace('{k}', k).toLowerCase();
      assert.deepEqual(asidesStated(said).map((a) => a.name), [k.replace(/^the | file$/g, '')], said);
    }
  }
  // A statement about something else, or a question, sets no file aside.
  for (const said of ['delete the logs in logs', 'the logs are fine to delete', 'is a.log needed?', 'delete a.log because it is not needed']) assert.deepEqual(asidesStated(said), [], said);
});

test('a change that picks the logs by a pattern, a search or the folder leaves the one said to stay', () => {
  for (const [i, form] of forms.entries()) {
    for (const [j, statement] of statements.entries()) {
      for (const [act, wide, narrow] of [acts[(i + j) % acts.length], acts[(i + j + 1) % acts.length]]) {
        const request = form.replace('{act}', act).replace('{keep}', statement.replace('{k}', 'a.log'));
        for (const plan of wide) assert.match(over(request, plan), /a\.log|only to look/, `${plan} for "${request}"`);
        assert.doesNotMatch(over(request, narrow), /a\.log|turns nothing around/, `${narrow} for "${request}"`);
      }
    }
  }
});

test('a plan that names other files one by one, or another folder, keeps the file set aside', () => {
  assert.equal(over('delete out/r.txt. notes.txt is important', 'rm out/r.txt'), '');
  assert.match(over('delete out/r.txt. notes.txt is important', 'rm out/r.txt notes.txt'), /notes\.txt, which the request sets aside/);
  assert.doesNotMatch(over('delete the logs in logs. a.log should stay', 'rm logs/b.log logs/c.log'), /a\.log/);
  assert.doesNotMatch(over('delete the files in out; a.log should stay', 'rm out/*'), /a\.log/);
});
