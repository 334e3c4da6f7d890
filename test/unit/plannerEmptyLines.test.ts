// An empty line said to go at the end of a file the workspace holds is
// planned as an append (`echo >> FILE`), never as a touch of the file or an
// edit that takes blank lines or spaces out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyLineCandidates } from '../../server/src/planner/addedLines';
import { readRequest, type WorkspaceNames } from '../../server/src/planner/requestFacts';

const ws: WorkspaceNames = {
  files: new Set(['notes.txt', 'todo.txt', 'data.csv', 'README.md', 'logs/app.log']),
  dirs: new Set(['logs']),
  byBase: new Map([['app.log', 'logs/app.log']]),
};
const planned = (request: string) => emptyLineCandidates(readRequest(request, ws)).map((c) => c.command);

test('an empty line at the end of a named file is an append', () => {
  const asks = ['insert an empty line at the bottom of {f}', 'add a blank line to the end of {f}', 'append an empty line to {f}', 'put a new line at the end of {f}', 'append a newline to {f}', 'add one extra blank line after the last line of {f}', 'tack on a blank line to {f}', 'add a line break at the end of {f}'];
  let checked = 0;
  for (const ask of asks) {
    for (const f of ['notes.txt', 'todo.txt', 'data.csv', 'README.md', 'logs/app.log']) {
      for (const end of ['', '.', ' :)']) {
        const request = `${ask.replace('{f}', f)}${end}`;
        assert.deepEqual(planned(request), [`echo >> ${f}`], request);
        checked++;
      }
    }
  }
  assert.equal(checked, asks.length * 5 * 3);
});

test('an empty line elsewhere, more asked, or a file the workspace lacks builds no append', () => {
  for (const request of ['add an empty line at the top of notes.txt', 'insert a blank line after line 3 of todo.txt', 'append an empty line to notes.txt and sort it', 'append an empty line to missing.txt', 'add a blank line to notes.txt and todo.txt', 'remove the empty lines from notes.txt', 'append done to notes.txt']) {
    assert.deepEqual(planned(request), [], request);
  }
});
