// A folder said only as where a named file lies names no set: the change stays
// on that file, not its neighbours; and a copy into a folder copies the named
// file under its own name (or one the request gives), nothing more and over
// nothing else. Plans are read by the real parser into the facts the policy sees.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WorkspaceNames } from '../../server/src/planner/requestFacts';
import { effectChecks } from '../support/policyDecision';

const ws: WorkspaceNames = {
  files: new Set(['notes.txt', 'todo.txt', 'out/r.txt', 'out/s.txt', 'logs/a.log', 'logs/b.log', 'docs/guide.md', 'docs/README.md', 'scripts/build.sh', 'scripts/deploy.sh']),
  dirs: new Set(['out', 'logs', 'docs', 'scripts']),
  byBase: new Map([['r.txt', 'out/r.txt'], ['s.txt', 'out/s.txt'], ['a.log', 'logs/a.log'], ['b.log', 'logs/b.log'], ['guide.md', 'docs/guide.md'], ['build.sh', 'scripts/build.sh'], ['deploy.sh', 'scripts/deploy.sh']]),
};
const { over } = effectChecks(ws);

test('a file named with its folder in words is the only file changed there', () => {
  const files: [b: string, d: string, sib: string][] = [['r.txt', 'out', 's.txt'], ['a.log', 'logs', 'b.log'], ['guide.md', 'docs', 'README.md'], ['build.sh', 'scripts', 'deploy.sh']];
  const acts: [verb: string, right: string, wrong: string[]][] = [
    ['delete', 'rm {d}/{b}', ['rm {d}/{b} {d}/{s}', 'rm {d}/{b}; : > {d}/{s}']],
    ['gzip', 'gzip {d}/{b}', ['gzip {d}/{b} && rm {d}/{s}', 'gzip {d}/{b} {d}/{s}', 'gzip {d}/*.{e}']],
    ['make executable', 'chmod +x {d}/{b}', ['chmod +x {d}/*', 'chmod +x {d}/{b} {d}/{s}']],
  ];
  for (const [b, d, s] of files) {
    for (const [verb, right, wrong] of acts) {
      for (const w of ['{v} {b} in {d}', '{v} {b} from the {d} folder', '{v} the file {b} in the {d} directory', 'in {d}, {v} {b}']) {
        const request = w.replace('{v}', verb).replace('{b}', b).replace('{d}', d);
        const fill = (p: string) => p.replace(/\{d\}/g, d).replace(/\{b\}/g, b).replace(/\{s\}/g, s).replace(/\{e\}/g, b.split('.')[1]);
        for (const plan of wrong) assert.match(over(request, fill(plan)), /but the request names only/, `${fill(plan)} for "${request}"`);
        assert.doesNotMatch(over(request, fill(right)), /but the request names only/, `${fill(right)} for "${request}"`);
      }
    }
  }
  // A folder that is more than a place keeps its set: "everything in out except r.txt".
  assert.doesNotMatch(over('delete everything in out except r.txt', 'find out -type f ! -name r.txt -delete'), /names only/);
});

test('a copy into a folder copies the named file, under its own name, and nothing more', () => {
  for (const request of ['copy notes.txt to out', 'copy notes.txt into the out folder', 'put a copy of notes.txt in out', 'please duplicate notes.txt into out/']) {
    for (const plan of ['cp *.txt out/', 'cp -r . out/', 'cp notes.txt out/r.txt', 'install -D notes.txt out/s.txt', 'cat notes.txt todo.txt > out/notes.txt', 'tar cf - *.txt | tar xf - -C out', 'cp notes.txt todo.txt out/']) {
      assert.match(over(request, plan), /but the request (?:names only|asks for a copy)/, `${plan} for "${request}"`);
    }
    for (const plan of ['cp notes.txt out/', 'cp -- notes.txt out/notes.txt', 'cp -p notes.txt out']) assert.doesNotMatch(over(request, plan), /but the request (?:names only|asks for a copy)/, `${plan} for "${request}"`);
  }
  assert.doesNotMatch(over('copy notes.txt to out as n.txt', 'cp notes.txt out/n.txt'), /asks for a copy/);
  assert.doesNotMatch(over('back up notes.txt into out', 'cp notes.txt out/notes.txt.bak'), /asks for a copy/);
  assert.doesNotMatch(over('copy notes.txt and todo.txt to out', 'cp notes.txt todo.txt out/'), /names only/);
});
