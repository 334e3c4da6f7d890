// A folder name the workspace holds in two places: lib in src and in vendor.
// With a folder said beside it ("vendor's lib", "the lib folder inside
// vendor") that one is picked; with none, neither is, and a plan that changes
// one of them is turned away, a model's plan too. Every wording is built from
// parts, read from a real workspace, and every plan is read by the real
// parser into the facts the policy sees.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { buildContext } from '../../server/src/planner/context';
import { exceedsIntent } from '../../server/src/planner/effectCheck';
import { readIntent } from '../../server/src/planner/intent';
import { readRequest } from '../../server/src/planner/requestFacts';
import { decisionOf } from '../support/policyDecision';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-same-folders-'));
for (const f of ['src/lib/a.ts', 'vendor/lib/b.js', 'src/build/x.o', 'docs/build/index.html', 'notes.txt']) {
  fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
  fs.writeFileSync(path.join(root, f), 'x\n');
}
after(() => fs.rmSync(root, { recursive: true, force: true }));
const ws = buildContext(root).names;
const reasons = (request: string, command: string) => exceedsIntent(readIntent(readRequest(request, ws)), decisionOf(command), command).join(' | ');

const acts: [string, (p: string) => string][] = [['delete', (p) => `rm -r ${p}`], ['remove', (p) => `rm -rf -- ${p}`], ['empty', (p) => `find ${p} -mindepth 1 -delete`], ['rename', (p) => `mv -n ${p} ${p}2`]];
// {n} the folder's name, {d} the folder holding it.
const picks = ["{d}'s {n} folder", 'the {n} folder inside {d}', 'the {n} directory in {d}', 'the {n} folder under the {d} folder', 'the {d} copy of {n}'];
const pairs: [string, string, string][] = [['lib', 'vendor', 'src'], ['lib', 'src', 'vendor'], ['build', 'docs', 'src']];

test('a folder said beside the name picks that one; a change to the other is turned away', () => {
  let checked = 0;
  for (const [verb, plan] of acts) {
    for (const form of picks) {
      for (const [n, d, other] of pairs) {
        const request = `${verb} ${form.replace('{n}', n).replace('{d}', d)}`;
        assert.ok(readRequest(request, ws).dirs.some((x) => x.value === `${d}/${n}`), `${request} reads ${d}/${n}`);
        if (verb !== 'rename') assert.doesNotMatch(reasons(request, plan(`${d}/${n}`)), /but the request names|does not say which/, `${plan(`${d}/${n}`)} for "${request}"`);
        assert.match(reasons(request, plan(`${other}/${n}`)), new RegExp(`${other}/${n}`), `${plan(`${other}/${n}`)} for "${request}"`);
        checked++;
      }
    }
  }
  assert.equal(checked, acts.length * picks.length * pairs.length);
});

test('with no folder said, neither copy of the name is changed', () => {
  for (const [verb, plan] of acts) {
    for (const form of ['the {n} folder', '{n}/', 'the folder {n}', 'everything in {n}']) {
      for (const [n, d] of pairs) {
        const request = `${verb} ${form.replace('{n}', n)}`;
        if (verb === 'rename' && form.startsWith('everything')) continue;
        assert.match(reasons(request, plan(`${d}/${n}`)), /does not say which|is .* and .*name the folder/, `${plan(`${d}/${n}`)} for "${request}"`);
      }
    }
  }
});
