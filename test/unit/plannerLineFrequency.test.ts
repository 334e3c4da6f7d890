// "each line with the number of its occurrences" asks for a count of each
// distinct line (sort | uniq -c), not for the lines numbered in order.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { statedShapes } from '../../server/src/planner/outputShapes';

test('a count said as "prefixed by their number of occurrences" is no numbering', () => {
  for (const words of [
    'list the unique lines of words.txt prefixed by their number of occurrences',
    'print each distinct value of ids.txt preceded by the number of times it appears',
    'show the entries of hosts.txt prefixed with number of occurrences',
    'the names in team.txt, each preceded by its number of repeats',
  ]) assert.deepEqual(statedShapes(words), [], words);
});

test('lines prefixed by their line numbers are still numbered', () => {
  for (const words of [
    'list the lines of todo.txt prefixed by their line numbers',
    'print notes.txt with each line preceded by its number',
    'show the files here prefixed with numbers',
  ]) assert.deepEqual(statedShapes(words), ['numbered'], words);
});
