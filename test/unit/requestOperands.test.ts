// The operand a request asks about ("the absolute path of "x"", "the size of
// $f", "the real path of the node binary") must be in the plan: a plan about
// the current folder answers another question.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { namedOperands, operandDropped } from '../../server/src/planner/requestOperands';
import { readRequest } from '../../server/src/planner/requestFacts';

test('the operand after what is asked of it is read: quoted, a variable with its path, a program by name', () => {
  assert.deepEqual(namedOperands('print the full path of "my notes.txt"'), ['my notes.txt']);
  assert.deepEqual(namedOperands("what's the canonical path for 'build_out'"), ['build_out']);
  assert.deepEqual(namedOperands('store the absolute path of $target/logs in abs'), ['$target/logs']);
  assert.deepEqual(namedOperands('the real location of the ruby interpreter'), ['ruby']);
  assert.deepEqual(namedOperands('show the size of ${archive}'), ['${archive}']);
  assert.deepEqual(namedOperands('list the files here'), []);
  assert.deepEqual(namedOperands('print the absolute path of the current folder'), []);
});

test('a plan that uses another place than the operand asked about is turned away', () => {
  assert.match(operandDropped('print the full path of "my notes.txt"', 'realpath .').join(), /my notes\.txt/);
  assert.match(operandDropped('resolve the absolute path of $build_dir', 'realpath .').join(), /\$build_dir/);
  assert.match(operandDropped('what is the absolute path of the perl binary', 'realpath .').join(), /perl/);
  assert.match(operandDropped('the disk usage of "old photos"', 'du -sh .').join(), /old photos/);
});

test('a plan that keeps the operand, in any spelling of its variable, passes; so does one left with a slot', () => {
  assert.deepEqual(operandDropped('print the full path of "my notes.txt"', "realpath 'my notes.txt'"), []);
  assert.deepEqual(operandDropped('resolve the absolute path of ${build_dir}', 'realpath "$build_dir"'), []);
  assert.deepEqual(operandDropped('what is the absolute path of the perl binary', 'readlink -f "$(command -v perl)"'), []);
  assert.deepEqual(operandDropped('the full path of "x"', "realpath '<path>'"), []);
});

test('a quoted name whose path is asked is a place, spaces and all; a variable keeps the path after it', () => {
  assert.deepEqual(readRequest('show the absolute path of "my notes.txt"').paths.map((p) => p.value), ['my notes.txt']);
  assert.deepEqual(readRequest("print the path of 'OUT_DIR'").paths.map((p) => p.value), ['OUT_DIR']);
  assert.deepEqual(readRequest('print the canonical path of $HOME/work/src').paths.map((p) => p.value), ['$HOME/work/src']);
});

test('a program named before "executable" or "binary" is a name, with or without "the"', () => {
  assert.deepEqual(readRequest('print absolute path of ruby executable').names.map((n) => n.value), ['ruby']);
  assert.deepEqual(readRequest('show the location of gawk binary').names.map((n) => n.value), ['gawk']);
  assert.deepEqual(readRequest('where is the node program').names.map((n) => n.value), ['node']);
});
