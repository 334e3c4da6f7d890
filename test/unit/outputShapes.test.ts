// The layout a request states (on one line, comma separated, numbered, newest
// first, without the trailing slash) is carried out or the plan is turned away.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shapeDropped, statedShapes, withShapes } from '../../server/src/planner/outputShapes';

test('layouts are read from many wordings, and not from words that only look alike', () => {
  assert.deepEqual(statedShapes('print the names here joined with spaces'), ['on one line']);
  assert.deepEqual(statedShapes('show every entry of docs on a single line'), ['on one line']);
  assert.deepEqual(statedShapes('give me the folder names, comma-separated'), ['separated by commas']);
  assert.deepEqual(statedShapes('the scripts under bin, numbered'), ['numbered']);
  assert.deepEqual(statedShapes('list the logs ordered by their modification date'), ['sorted by modification time']);
  assert.deepEqual(statedShapes('the folders in src minus the trailing slash'), ['without the trailing slash']);
  assert.deepEqual(statedShapes('list the files in a folder'), []);
  assert.deepEqual(statedShapes('count the lines in notes.txt'), []);
});

test('a plan without the stated layout is turned away; one that has it in any usual way passes', () => {
  assert.match(shapeDropped('list the entries of docs separated by commas', 'ls docs').join(), /commas/);
  assert.match(shapeDropped('the python files here, numbered', "find . -name '*.py'").join(), /numbered/);
  assert.match(shapeDropped('show the text files on one line', "find . -name '*.txt' -printf '%p\\n'").join(), /one line/);
  assert.match(shapeDropped('list the folders without the trailing slash', 'ls -d */').join(), /trailing slash/);
  assert.match(shapeDropped('list the logs sorted by modification time', 'ls logs').join(), /modification time/);
  assert.deepEqual(shapeDropped('list the entries of docs separated by commas', 'ls -m docs'), []);
  assert.deepEqual(shapeDropped('show the text files on one line', "find . -name '*.txt' | xargs"), []);
  assert.deepEqual(shapeDropped('list the logs sorted by modification time', 'ls -t logs'), []);
  assert.deepEqual(shapeDropped('list the folders without the trailing slash', "find . -mindepth 1 -maxdepth 1 -type d"), []);
  assert.deepEqual(shapeDropped('list the files', 'ls'), []);
});

test('a plain list of names is given the layout; any other command is left for the check', () => {
  assert.equal(withShapes('the files in docs, numbered', 'ls docs'), 'ls docs | nl');
  assert.equal(withShapes('every markdown file on one line', "find . -type f -name '*.md'"), "find . -type f -name '*.md' | paste -sd ' '");
  assert.equal(withShapes('the files in logs comma separated', 'ls logs'), 'ls logs | paste -sd ,');
  assert.equal(withShapes('the entries of logs newest first', 'ls logs'), 'ls -t logs');
  assert.equal(withShapes('the folders here without the trailing slash', 'ls -d */'), "ls -d */ | sed 's:/$::'");
  assert.equal(withShapes('the files in docs, numbered', 'ls -l docs'), 'ls -l docs');
  assert.equal(withShapes('the files in docs, numbered', 'find docs -type f -exec wc -l {} +'), 'find docs -type f -exec wc -l {} +');
  assert.equal(withShapes('the files in docs', 'ls docs'), 'ls docs');
});

test('a layout said with the verb before its object ("separating them with spaces") is read too', () => {
  assert.deepEqual(statedShapes('list everything in docs, separating the names with spaces'), ['on one line']);
  assert.deepEqual(statedShapes('show the folders here separating them with a single space'), ['on one line']);
  assert.deepEqual(statedShapes('print the log files, delimiting each with a blank'), ['on one line']);
  assert.deepEqual(statedShapes('list the entries of src, separating them with commas'), ['separated by commas']);
  assert.deepEqual(statedShapes('print the scripts joining the names with commas'), ['separated by commas']);
  // Names that hold spaces are no layout.
  assert.deepEqual(statedShapes('find files whose names contain spaces'), []);
});
