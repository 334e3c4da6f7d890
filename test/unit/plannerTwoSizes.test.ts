// A request that states two sizes picks by both: a find that tests one of
// them, or turns one around, picks other files than asked; one that asks for
// files of both sizes, when no file can be both, picks none of them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readIntent } from '../../server/src/planner/intent';
import { readRequest } from '../../server/src/planner/requestFacts';
import { eitherSize } from '../../server/src/planner/statedSizes';
import { effectChecks } from '../support/policyDecision';

const { over } = effectChecks();
const sizeReason = /sizes the request states/;

// Two sizes as said, each with its find test, and whether no file can be both.
const pairs: [said: string, first: string, second: string, apart: boolean][] = [
  ['of size zero and over 500 KB', '-empty', '-size +500k', true],
  ['with nothing in them or bigger than 1 MB', '-empty', '-size +1M', true],
  ['that are 0 bytes and larger than 10MB', '-size 0', '-size +10M', true],
  ['bigger than 2 megabytes and smaller than 1k', '-size +2M', '-size -1024c', true],
  ['larger than 10k but smaller than 100k', '-size +10k', '-size -102400c', false],
  ['over 500 KB and under 5 MB', '-size +500k', '-size -5242880c', false],
  ['between 1MB and 10MB', '-size +1M', '-size -10485760c', false],
  ['smaller than 1k and of size zero', '-size -1024c', '-empty', false],
];

test('a find that keeps one of two stated sizes, or turns one around, is turned away', () => {
  let checked = 0;
  for (const [said, first, second] of pairs) {
    for (const form of ['delete the .log files in logs {s}', 'get rid of files {s} under backup', 'find .tmp files {s} and remove them']) {
      const request = form.replace('{s}', said);
      const where = /logs/.test(form) ? "logs -type f -name '*.log'" : /backup/.test(form) ? 'backup -type f' : ". -type f -name '*.tmp'";
      for (const tests of [first, second, '', second.replace(/-size ([+-])/, (m, s: string) => `-size ${s === '+' ? '-' : '+'}`)]) {
        assert.match(over(request, `find ${where} ${tests} -delete`.replace(/\s+/g, ' ')), sizeReason, `${tests} for "${request}"`);
        checked++;
      }
    }
  }
  assert.equal(checked, pairs.length * 3 * 4);
});

test('both sizes are kept: together where a file can be both, as either where none can', () => {
  for (const [said, first, second, apart] of pairs) {
    const request = `delete the files in logs ${said}`;
    const both = over(request, `find logs -type f ${first} ${second} -delete`);
    const either = over(request, `find logs -type f \\( ${first} -o ${second} \\) -delete`);
    if (apart) {
      assert.match(both, /no file is both/, `both for "${request}"`);
      assert.doesNotMatch(either, sizeReason, `either for "${request}"`);
    } else {
      assert.doesNotMatch(both, sizeReason, `both for "${request}"`);
    }
  }
});

test('sizes said bare, as examples, are no bounds a plan must test', () => {
  for (const request of ['display a long listing of the files with human readable sizes (100M, 10G etc.)', 'show the files in logs with sizes like 1k and 2M', 'list files in out, sizes shown as 5K or 3G']) {
    assert.doesNotMatch(over(request, 'find . -type f -exec ls -lh {} +'), sizeReason, request);
  }
});

test('each of two sizes takes the comparison said nearest before it, whatever "under" names a folder first', () => {
  for (const [request, first, second] of [['delete files under docs over 500 KB and under 100 bytes', '+', '-'], ['remove files under src bigger than 2 MB and smaller than 1k', '+', '-'], ['get rid of files below logs that are smaller than 10 kb or larger than 5 mb', '-', '+'], ['clean up files under backup less than 1k and more than 1 gb', '-', '+']] as const) {
    assert.deepEqual(readIntent(readRequest(request)).amounts?.sizes.map((x) => x.sign), [first, second], request);
  }
});

test('"between" two sizes reads more than the first and less than the second', () => {
  for (const [request, lower, upper] of [['list files between 1MB and 10MB', 1024 ** 2, 10 * 1024 ** 2], ['delete logs between 2 kb and 5 mb in size', 2048, 5 * 1024 ** 2], ['find images sized between 100k and 1 gb', 100 * 1024, 1024 ** 3], ['find the files whose size is between 50Mb to 100MB', 50 * 1024 ** 2, 100 * 1024 ** 2]] as const) {
    assert.deepEqual(readIntent(readRequest(request)).amounts?.sizes, [{ bytes: lower, sign: '+' }, { bytes: upper, sign: '-' }], request);
  }
});

test('two sizes no file can have at once are planned as either', () => {
  for (const [said, first, second, apart] of pairs) {
    for (const where of ['logs -type f', "backup -type f -name '*.log'"]) {
      const request = `delete the files in ${where.split(' ')[0]} ${said}`;
      const planned = eitherSize(`find ${where} ${first} ${second}`, readRequest(request));
      assert.equal(planned, apart ? `find ${where} \\( ${first} -o ${second} \\)` : `find ${where} ${first} ${second}`, request);
      if (apart) assert.doesNotMatch(over(request, `${planned} -delete`), sizeReason, request);
    }
  }
  // One size, or a plan that already says either, is left as it is.
  assert.equal(eitherSize('find logs -type f -size +10M', readRequest('delete files in logs larger than 10MB')), 'find logs -type f -size +10M');
  assert.equal(eitherSize('find logs \\( -empty -o -size +1M \\)', readRequest('delete empty or bigger than 1 MB files in logs')), 'find logs \\( -empty -o -size +1M \\)');
});
