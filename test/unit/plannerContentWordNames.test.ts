// A file whose name is a word for part of a text ("header.csv", "error.log",
// "lines.txt") is a file: deleting it deletes the file. Only words about what
// a file holds ("the header of data.csv", "the blank lines in notes.txt") ask
// for an edit. Wordings are built from parts: verbs × names, and the plans a
// reading of the wrong kind gives.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readIntent } from '../../server/src/planner/intent';
import { readRequest } from '../../server/src/planner/requestFacts';
import { effectChecks } from '../support/policyDecision';

const verbs = ['delete', 'remove', 'erase', 'get rid of', 'please delete', 'could you remove', 'trash'];
const stems = ['header', 'error', 'errors', 'lines', 'tabs', 'spaces', 'duplicates', 'comments', 'warnings', 'entries', 'messages', 'output', 'history', 'fields'];
const endings = ['.csv', '.log', '.txt', '.md', '-old.txt', '_2024.log'];
const { short } = effectChecks();

test('a delete of a file named by a word for part of a text deletes the file', () => {
  for (const verb of verbs) {
    for (const stem of stems) {
      for (const ending of endings) {
        const request = `${verb} ${stem}${ending}`;
        const intent = readIntent(readRequest(request));
        assert.ok(intent.actions.includes('delete') && !intent.actions.includes('change'), `${request}: ${intent.actions.join(',')}`);
        assert.match(short(request, `sed -i '1d' ${stem}${ending}`), /deletes nothing, but the request asks to/, request);
      }
    }
  }
});

test('words about what a file holds still ask for an edit of it', () => {
  const parts = ['the header', 'the blank lines', 'the duplicate lines', 'the comments', 'the trailing spaces', 'the tabs', 'the first 3 lines', 'the errors'];
  for (const verb of ['delete', 'remove', 'strip']) {
    for (const part of parts) {
      for (const link of ['from', 'in']) {
        const request = `${verb} ${part} ${link} data.csv`;
        assert.ok(readIntent(readRequest(request)).actions.includes('change'), request);
      }
    }
  }
});

test('a delete whose name is left to fill in is turned away when the request names the file', () => {
  const { over } = effectChecks();
  for (const verb of [...verbs, 'clean up', 'please clean up']) {
    for (const stem of ['blank', 'empty', 'first', 'notes', 'header']) {
      const request = `${verb} ${stem}.txt`;
      assert.match(over(request, "find . -type f -name '<glob>' -not -path './.git/*' -exec rm -f -- {} +"), /a name left to fill in, but the request names/, request);
      assert.doesNotMatch(over(request, `rm -- ${stem}.txt`), /a name left to fill in/, request);
    }
  }
});

test('a delete of the folders inside a file the request names is turned away', () => {
  const { over } = effectChecks();
  for (const verb of ['clean up', 'please clean up', 'get rid of', 'delete']) {
    for (const stem of ['blank', 'empty', 'lines']) {
      assert.match(over(`${verb} ${stem}.txt`, `find ${stem}.txt -mindepth 1 -type d -empty -delete`), /deletes folders inside/, `${verb} ${stem}.txt`);
    }
  }
  assert.doesNotMatch(over('delete the empty folders in docs', 'find docs -mindepth 1 -type d -empty -delete'), /deletes folders inside/);
});
