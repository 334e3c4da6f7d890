// The permission a request asks for in words is the one a chmod sets:
// "make F executable", "give F execute permission", "chmod +x F" grant
// execute and nothing else; "read-only" takes write away; "private" takes
// everything from the group and others; "readable by everyone" grants read;
// "let the group write" grants write to the group. Plans are read by the real parser.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { effectChecks } from '../support/policyDecision';

const { over } = effectChecks();
const asks: [wordings: string[], wrong: string[], right: string[]][] = [
  [['make {f} executable', 'give {f} execute permission', 'chmod +x {f}', 'make {f} runnable'], ['777', 'a+rwx', '+x,o+w', 'u+s,+x', '666', '000', 'a-w', '-x'], ['+x', 'u+x', '755', 'a+x']],
  [['make {f} read-only', 'make {f} readonly'], ['666', '777', '000', '+x', '644', 'o-w'], ['a-w', '444', '555', '-w']],
  [['make {f} private', 'make {f} private so only I can read it'], ['a+rwx', '644', '755', '666', 'a-w', 'o-w'], ['go-rwx', '600', '700', 'og-rwx']],
  [['make {f} readable by everyone', 'let everyone read {f}'], ['666', '777', 'a+rwx', '000'], ['a+r', '644', '+r']],
  [['let the group write {f}', 'give the group write permission on {f}'], ['666', '777', 'a+w', '+w', 'o+w'], ['g+w', '664']],
];

test('a chmod sets the permission the request asks for in words, and no other', () => {
  for (const [wordings, wrong, right] of asks) {
    for (const w of wordings) {
      for (const f of ['scripts/build.sh', 'notes.txt']) {
        for (const polite of ['{r}', 'please {r}', 'could you {r} thanks']) {
          const request = polite.replace('{r}', w.replace('{f}', f));
          for (const m of wrong) assert.match(over(request, `chmod ${m} ${f}`), /permission|permissions/, `chmod ${m} for "${request}"`);
          for (const m of right) assert.doesNotMatch(over(request, `chmod ${m} ${f}`), /(?:gives|takes|leaves|give) \w+ permission/, `chmod ${m} for "${request}"`);
        }
      }
    }
  }
});

test('a mode given in digits is left to the check of stated values', () => {
  assert.doesNotMatch(over('chmod 777 notes.txt', 'chmod 777 notes.txt'), /(?:gives|takes|leaves) \w+ permission/);
  assert.doesNotMatch(over('set notes.txt to 600', 'chmod 600 notes.txt'), /(?:gives|takes|leaves) \w+ permission/);
});
