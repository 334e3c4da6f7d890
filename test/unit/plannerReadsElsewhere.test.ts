// A look at a place the request names in the workspace is never planned as a
// look somewhere else: the folder above it, the home folder, the root, system
// or temporary folders ("how big is the docs folder" as `du -sh ~`, "search
// the logs folder for ERROR" as `grep -r ERROR ..`). Where the request names
// such a place itself, the look is what it asked for.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WorkspaceNames } from '../../server/src/planner/requestFacts';
import { effectChecks } from '../support/policyDecision';

const files = ['notes.txt', 'todo.txt', 'logs/a.log', 'docs/intro.md'];
const ws: WorkspaceNames = { files: new Set(files), dirs: new Set(['logs', 'docs']), byBase: new Map(files.map((f) => [f.split('/').pop() ?? f, f])) };
const { over } = effectChecks(ws);

const asks: [request: string, right: string, elsewhere: (place: string) => string][] = [
  ['how big is the docs folder', 'du -sh docs', (p) => `du -sh ${p}`],
  ['search the logs folder for ERROR', 'grep -r ERROR logs', (p) => `grep -r ERROR ${p}`],
  ['list what is in docs', 'ls docs', (p) => `ls ${p}`],
  ['show notes.txt', 'cat notes.txt', (p) => `cat ${p}/notes.txt`],
  ['count the lines of todo.txt', 'wc -l todo.txt', (p) => `wc -l ${p}/todo.txt`],
  ['find the .log files under logs', "find logs -name '*.log'", (p) => `find ${p} -name '*.log'`],
];
const places = ['..', '../..', '~', '$HOME', '/', '/etc', '/tmp', '/var/log'];

test('a look at a named place in the workspace is turned away when it reads outside the workspace instead', () => {
  const wrong: string[] = [];
  for (const [request, right, elsewhere] of asks) {
    if (/outside the workspace/.test(over(request, right))) wrong.push(`kept out: ${right}`);
    for (const place of places) if (!/outside the workspace/.test(over(request, elsewhere(place)))) wrong.push(`${request} → ${elsewhere(place)}`);
  }
  assert.deepEqual(wrong, []);
});

test('a request that names a place outside the workspace may look there', () => {
  for (const [request, command] of [['how big is my home folder', 'du -sh ~'], ['show notes.txt in the parent folder', 'cat ../notes.txt'], ['compare notes.txt with /etc/hosts', 'diff notes.txt /etc/hosts'], ['search the whole disk for notes.txt', 'find / -name notes.txt']]) {
    assert.doesNotMatch(over(request, command), /outside the workspace/, command);
  }
});
