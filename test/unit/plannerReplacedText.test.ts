// "replace OLD with NEW in F" is one edit: a plan that deletes or rewrites
// the lines, replaces other text or the other way round, adds commands of its
// own, ignores case, or writes text of its own into F is turned away; the
// replacement itself, in any delimiter, sed or perl, passes. Plans are read by
// the real parser into the facts the policy sees, as a model's plan is.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { replacementsAsked } from '../../server/src/planner/replacedText';
import { effectChecks } from '../support/policyDecision';

const { over } = effectChecks();
const texts: [old: string, put: string, file: string][] = [['milk', 'bread', 'notes.txt'], ['bob', 'alice', 'notes.txt'], ['todo', 'done', 'todo.txt'], ['8080', '9090', 'app.conf']];
const wordings = ['replace {o} with {n} in {f}', "change '{o}' to '{n}' in {f}", 'substitute {n} for {o} in {f}', 'in {f}, replace {o} by {n}', 'replace every {o} in {f} with {n}', 'replace all occurrences of "{o}" with "{n}" in {f}', 'please swap {o} for {n} in {f} thanks', 'in {f} change {o} to {n}, please', 'rewrite {o} as {n} in {f}'];

test('the text replaced and the text put in its place are read from the request, either way round', () => {
  for (const [o, n, f] of texts) {
    for (const w of wordings) {
      const said = w.replace(/\{o\}/g, o).replace(/\{n\}/g, n).replace(/\{f\}/g, f);
      assert.deepEqual(replacementsAsked(said, [f]), [{ old: o, new: n }], said);
    }
  }
  for (const said of ['replace line 2 of notes.txt with hello', 'change notes.txt to 640', 'change the owner of notes.txt to bob', 'rename notes.txt to n.md']) assert.deepEqual(replacementsAsked(said, ['notes.txt', 'n.md']), [], said);
});

test('an edit that does other than the replacement is turned away', () => {
  for (const [o, n, f] of texts) {
    const wrong = [`sed -i '/${o}/d' ${f}`, `sed -i 's/zzz/${n}/g' ${f}`, `sed -i 's/${n}/${o}/g' ${f}`, `sed -i 's/.*/${n}/' ${f}`, `sed -i 's/${o}/${n}/g; 1d' ${f}`, `sed -i '/${o}/c ${n}' ${f}`,
      `sed -i 's/${o[0]}.*/${n}/g' ${f}`, `sed -i 's/${o}/${n}/g; $a extra' ${f}`, `sed -i 'y/abc/xyz/' ${f}`, `sed -i 's/${o}/${n}/gI' ${f}`, `perl -ni -e 'print unless /${o}/' ${f}`, `echo ${n} > ${f}`, `echo ${n} | tee -a ${f}`, `echo ${n} >> ${f}`];
    for (const w of wordings) {
      const request = w.replace(/\{o\}/g, o).replace(/\{n\}/g, n).replace(/\{f\}/g, f);
      for (const plan of wrong) assert.match(over(request, plan), /other than replace|anew|text of its own/, `${plan} for "${request}"`);
      for (const plan of [`sed -i 's/${o}/${n}/g' ${f}`, `sed -i 's|${o}|${n}|' ${f}`, `sed -i.bak -E 's/${o}/${n}/g' ${f}`, `perl -pi -e 's/${o}/${n}/g' ${f}`]) assert.doesNotMatch(over(request, plan), /other than replace|anew|text of its own/, `${plan} for "${request}"`);
    }
  }
  assert.equal(over('replace foo with foobar in a.txt', "sed -i 's/foo/&bar/g' a.txt"), '');
  assert.match(over('replace milk with bread in notes.txt, ignoring case', "sed -i 's/milk/bread/gI' notes.txt"), /^$|^(?!.*ignores case)/);
});
