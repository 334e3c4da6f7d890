// A stated emptiness ("of size zero", "0 byte", "with nothing in them", "that
// have no content", "blank") is read as find's -empty, and a plan that drops
// it or turns it around (`-size +0c`, `! -empty`) is turned away, whoever made
// the plan. Commands are read by the real parser into the facts the policy sees.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { selectionCandidates } from '../../server/src/planner/findSelection';
import { readRequest, type WorkspaceNames } from '../../server/src/planner/requestFacts';
import { statedEmptiness } from '../../server/src/planner/statedEmptiness';
import { effectChecks } from '../support/policyDecision';

const ws: WorkspaceNames = {
  files: new Set(['notes.txt', 'logs/app.log', 'build/main.o']),
  dirs: new Set(['logs', 'build', 'cache']),
  byBase: new Map([['notes.txt', 'notes.txt'], ['app.log', 'logs/app.log'], ['main.o', 'build/main.o']]),
};
const { over } = effectChecks(ws);
const selection = (request: string) => selectionCandidates(readRequest(request, ws))[0]?.command ?? '';

// Ways of saying that the files picked hold nothing: before the noun, and after it.
const before = ['empty', 'zero-byte', '0 byte', '0-byte', 'zero-length', 'zero byte', 'blank', '0b'];
const after = ['of size zero', 'of size 0', 'with nothing in them', 'that have no content', 'that contain nothing', 'with no content', 'of 0 bytes', 'of zero bytes', 'having a size of 0', 'that hold no data'];
const verbs = ['delete', 'remove', 'get rid of', 'erase', 'clean up', 'please purge'];
const kinds: [string, string][] = [['.tmp', '*.tmp'], ['.o', '*.o'], ['.bak', '*.bak']];
const folders = ['build', 'cache'];

function wordings(): { request: string; folder: string; pattern: string }[] {
  const out: { request: string; folder: string; pattern: string }[] = [];
  let i = 0;
  for (const verb of verbs) {
    for (const [kind, pattern] of kinds) {
      for (const folder of folders) {
        const b = before[i % before.length];
        const a = after[i % after.length];
        i += 1;
        out.push({ request: `${verb} the ${b} ${kind} files in ${folder}`, folder, pattern });
        out.push({ request: `${verb} ${kind} files ${a} under ${folder}`, folder, pattern });
        out.push({ request: `could you ${verb} all the ${kind} files in ${folder} ${a}, thanks`, folder, pattern });
      }
    }
  }
  return out;
}

test('every way of stating emptiness is read as -empty, never as a size', () => {
  for (const { request, folder, pattern } of wordings()) {
    const command = selection(request);
    assert.match(command, new RegExp(`^find ${folder} .*-name '\\${pattern}' .*-empty -delete$`), request);
    assert.doesNotMatch(command, /-size/, request);
  }
});

test('a delete that drops a stated emptiness, or turns it around, is turned away', () => {
  for (const { request, folder, pattern } of wordings()) {
    assert.match(over(request, `find ${folder} -type f -name '${pattern}' -delete`), /leaves out that the files are empty/, request);
    assert.match(over(request, `find ${folder} -type f -name '${pattern}' -size +0c -delete`), /keeps the files that are not empty/, request);
    assert.match(over(request, `find ${folder} -type f -name '${pattern}' ! -empty -exec rm -f -- {} +`), /keeps the files that are not empty/, request);
    assert.deepEqual(over(request, `find ${folder} -type f -name '${pattern}' -empty -delete`), '', request);
  }
});

test('the non-empty ones are kept by ! -empty, and the check turns -empty away for them', () => {
  for (const said of ['non-empty', 'nonempty', 'not empty']) {
    const request = said === 'not empty' ? 'delete the .tmp files in build that are not empty' : `delete the ${said} .tmp files in build`;
    assert.match(selection(request), /! -empty -delete$/, request);
    assert.match(over(request, "find build -type f -name '*.tmp' -empty -delete"), /keeps the files that are empty/, request);
  }
});

test('"empty" as an order, and empty lines, pick no files', () => {
  for (const request of ['empty the build folder', 'please empty build/', 'could you empty cache', 'hey, empty build', 'delete the empty lines from notes.txt', 'remove blank lines in notes.txt', 'run the tests in an empty environment', 'strip the blank spaces from notes.txt']) {
    assert.equal(statedEmptiness(request), undefined, request);
  }
  assert.equal(statedEmptiness('clear out the zero-byte files in cache'), 'empty');
  assert.match(selection('purge the zero-byte files in cache'), /^find cache -type f -empty -delete$/);
  assert.deepEqual(over('delete the .tmp files in build', "find build -type f -name '*.tmp' -delete"), '');
});
