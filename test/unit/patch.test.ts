import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyUnifiedDiff, PatchError } from '../../client/src/patch';

test('a changed file is rebuilt from before and its diff', () => {
  const before = 'a\nb\nc\nd\n';
  const diff = '--- a/f\n+++ b/f\n@@ -1,4 +1,4 @@\n a\n-b\n+B\n c\n d\n';
  assert.equal(applyUnifiedDiff(before, diff), 'a\nB\nc\nd\n');
});

test('several hunks, additions at the end, a created file', () => {
  const before = Array.from({ length: 20 }, (_, i) => `l${i + 1}`).join('\n') + '\n';
  const diff = '@@ -2,2 +2,2 @@\n-l2\n+L2\n l3\n@@ -19,2 +19,4 @@\n l19\n l20\n+l21\n+l22\n';
  const after = applyUnifiedDiff(before, diff).split('\n');
  assert.equal(after[1], 'L2');
  assert.deepEqual(after.slice(-3), ['l21', 'l22', '']);
  assert.equal(applyUnifiedDiff('', '@@ -0,0 +1,2 @@\n+hello\n+world\n'), 'hello\nworld\n');
});

test('a diff that does not fit is refused, not applied halfway', () => {
  assert.throws(() => applyUnifiedDiff('x\n', '@@ -1 +1 @@\n-y\n+z\n'), PatchError);
});
