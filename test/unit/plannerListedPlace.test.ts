// "copy notes.txt and todo.md to out" answered with `cp notes.txt todo.md`
// writes one of the files to copy over another: a copy or move whose place
// is a file the request lists with its source is turned away; the place the
// request names, or a copy the request asks for by its two names ("copy
// notes.txt to todo.md"), is not. Requests, lists and plans are built from
// parts; the checks read the facts the real parser reads.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readIntent } from '../../server/src/planner/intent';
import { readRequest } from '../../server/src/planner/requestFacts';
import { statedActSwapped } from '../../server/src/planner/statedActs';
import { describeCommand } from '../../server/src/policy/facts';

const ws = { files: new Set(['notes.txt', 'todo.md', 'data.csv', 'app.log', 'docs/a.md']), dirs: new Set(['out', 'docs']), byBase: new Map([['a.md', 'docs/a.md']]) };
const checks = { over: (request: string, plan: string) => statedActSwapped(readIntent(readRequest(request, ws)), describeCommand(plan).commands, undefined).join(' | ') };
const names = ['notes.txt', 'todo.md', 'data.csv', 'app.log', 'docs/a.md'];
const joiners = [' and ', ', ', ', and '];
const verbs: [string, string][] = [['copy', 'cp'], ['move', 'mv'], ['put', 'cp'], ['back up', 'cp']];
const listed = /which the request names as one of the files to (?:copy|move)/;

test('a copy or move onto a file listed with its source is turned away', () => {
  let n = 0;
  for (const [verb, program] of verbs) {
    for (const [k, joiner] of joiners.entries()) {
      for (let i = 0; i < names.length; i++) {
        const [a, b, c] = [names[i], names[(i + 1) % names.length], names[(i + 2) % names.length]];
        const list = k === 0 ? `${a}${joiner}${b}` : `${a}${joiner}${b}${k === 2 ? ', and ' : ' and '}${c}`;
        const request = `${verb} ${list} ${k === 1 ? 'into' : 'to'} out`;
        for (const plan of [`${program} ${a} ${b}`, `${program} -f ${b} ${a}`, `${program} ${a} ./${b}`]) {
          assert.match(checks.over(request, plan), listed, `${request} → ${plan}`);
          n++;
        }
        for (const plan of [`${program} ${a} ${b} out`, `${program} ${a} out`, `${program} -t out ${a} ${b}`]) assert.doesNotMatch(checks.over(request, plan), listed, `${request} → ${plan}`);
      }
    }
  }
  assert.ok(n >= 150, `${n} pairs`);
});

test('a copy asked for by its two names is not held to it', () => {
  for (const [verb, program] of verbs) {
    assert.doesNotMatch(checks.over(`${verb} notes.txt to todo.md`, `${program} notes.txt todo.md`), listed);
    assert.doesNotMatch(checks.over(`${verb} notes.txt over todo.md`, `${program} notes.txt todo.md`), listed);
  }
  assert.doesNotMatch(checks.over('copy notes.txt and todo.md to out', 'cp notes.txt todo.md out'), listed);
});
