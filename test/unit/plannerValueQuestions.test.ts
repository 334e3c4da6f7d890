// Which of two programs that print something alike the words of a request
// call for: the fit is negative for the one that cannot answer and the
// program whose help is asked for is read from the request's words.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KnowledgeEntry } from '../../server/src/planner/corpus';
import { readRequest } from '../../server/src/planner/requestFacts';
import { helpedProgram, valueQuestionFit } from '../../server/src/planner/valueQuestions';

function entry(template: string, slots: KnowledgeEntry['slots'] = {}): KnowledgeEntry {
  return { id: 't.t', intents: ['a b c', 'd e f', 'g h i'], template, slots, utilities: [template.split(' ')[0]], explanation: 'x', category: 'text' };
}
const fit = (template: string, request: string, values: Record<string, string> = {}) => valueQuestionFit(entry(template), values, readRequest(request));
const anyProgram = () => true;

test('the program whose own help is asked for is read from the words, never a measure', () => {
  assert.equal(helpedProgram('print the help message of the split command', anyProgram)?.value, 'split');
  assert.equal(helpedProgram('show the usage of tar', anyProgram)?.value, 'tar');
  assert.equal(helpedProgram('Prints help on \'yum\' utility.', () => false)?.value, 'yum', 'quoted, it is named as a program');
  assert.equal(helpedProgram('what options does curl take', anyProgram)?.value, 'curl');
  assert.equal(helpedProgram('find the disk usage of all files inside the directory', anyProgram), undefined);
  assert.equal(helpedProgram('show the usage of frobnicate', () => false), undefined, 'a bare word that names no program');
  assert.equal(helpedProgram('help me bake a cake', anyProgram), undefined);
});

test('a help template fits only the program the request asks help for', () => {
  assert.equal(fit('{name} --help', 'show the help text of ls', { name: 'ls' }), 0);
  assert.ok(fit('{name} --help', 'run somecommand for files in /path that match pattern', { name: 'pattern' }) < -0.4);
});

test('a sibling that prints something alike is held below the one the words ask for', () => {
  assert.ok(fit('du -sh {path}', 'how much space is free on the filesystem holding src') < 0);
  assert.equal(fit('df -h {path}', 'how much space is free on the filesystem holding src'), 0);
  assert.ok(fit('pwd', 'print the git branch currently checked out in this working directory') < 0);
  assert.equal(fit('pwd', 'print the current working directory'), 0);
  assert.ok(fit('seq {first} {last}', 'print the numbers from 1 to 30 with leading zeros') < 0);
  assert.equal(fit('seq -w {first} {last}', 'print the numbers from 1 to 30 with leading zeros'), 0);
  assert.ok(fit("printf '%0{width}d\\n' {value}", 'print the numbers from 1 to 30 with leading zeros') < 0);
  assert.ok(fit("grep -c '^$' {file}", 'count the non-blank lines in notes.txt') < 0);
  assert.equal(fit("grep -c -v '^[[:space:]]*$' {file}", 'count the non-blank lines in notes.txt'), 0);
  assert.ok(fit('comm -12 <(sort {file}) <(sort {file2})', 'print the lines of a.txt that are not in b.txt') < 0);
  assert.ok(fit('comm -23 <(sort {file}) <(sort {file2})', 'lines common to a.txt and b.txt') < 0);
  assert.ok(fit('tail -n 1 {file}', 'save the last modified time of notes.txt in the variable stamp') < 0);
  assert.equal(fit('tail -n {count} {file}', 'print the last 5 lines of notes.txt'), 0);
});

test('a group change keeps the owner, and owner and group is not chgrp alone', () => {
  assert.ok(fit('chown -R {user} {path}', 'recursively change the group ownership of everything here to developers') < 0);
  assert.equal(fit('chgrp -R {group} {path}', 'recursively change the group ownership of everything here to developers'), 0);
  assert.equal(fit('chown {user} {path}', 'change the owner of notes.txt to bob'), 0);
  assert.ok(fit('chgrp -R {group} {path}', 'change the user and group of /var/www to www-data:www-data') < 0);
});

test('a date, a name and a variable are the ones the words say', () => {
  assert.ok(fit('date', 'print the date of yesterday') < 0);
  assert.ok(fit('date -d {date} +%s', 'print the date of yesterday') < 0);
  assert.equal(fit('date -d {date} +%s', "print yesterday's date as seconds since the epoch"), 0);
  assert.ok(fit("date -d '{days} days ago' +%F", 'print the date 5 days ago', { days: '1' }) < 0);
  assert.equal(fit("date -d '{days} days ago' +%F", 'print the date 5 days ago', { days: '5' }), 0);
  assert.ok(fit('whoami', 'what is the real name of the current user') < 0);
  assert.ok(fit('getent passwd "$USER" | cut -d: -f5 | cut -d, -f1', "print the current user's PATH") < 0);
  assert.equal(fit('printenv {name}', "print the current user's PATH"), 0);
});

test('a program the request says to use is preferred to its sibling', () => {
  assert.ok(fit('mount', 'list the mounted filesystems with mount') > 0);
  assert.ok(fit('findmnt', 'list the mounted filesystems with mount') < 0);
  assert.equal(fit('findmnt', 'list the mounted filesystems'), 0);
  assert.equal(fit('printenv DISPLAY', 'the DISPLAY variable when logged in via ssh'), 0, 'a way in is no program to run');
});

test('a script to run is a program or a script file, never a log', () => {
  assert.ok(fit('timeout {seconds} {script}', 'log output of a command in screenlog.0 every 10 seconds', { seconds: '10', script: 'screenlog.0' }) < 0);
  assert.equal(fit('timeout {seconds} {script}', 'run backup.sh with a timeout of 30 seconds', { seconds: '30', script: 'backup.sh' }), 0);
});
