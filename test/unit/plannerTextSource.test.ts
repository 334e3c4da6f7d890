// Text, numbers and a command's output named in a request as the thing to work
// on: how they are read (textSource.ts, promptAnswers.ts) and written as the
// first step of a pipeline.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { promptAnswer, yesStep } from '../../server/src/planner/promptAnswers';
import { readRequest } from '../../server/src/planner/requestFacts';
import { isTask } from '../../server/src/planner/taskWords';
import { textOperations } from '../../server/src/planner/textOperations';
import { preferEcho, readTextSource, repeatCount, repeatStep, sourceStep, textStep } from '../../server/src/planner/textSource';

const none = { files: new Set<string>(), dirs: new Set<string>(), byBase: new Map<string, string>() };
const programs = new Set(['seq', 'ls', 'date', 'history', 'ps']);
const read = (request: string, names = none) => readTextSource(request, names, (p) => programs.has(p));

test('text written in the request is the input: quoted, or a bare number, or a name whose extension is asked', () => {
  assert.deepEqual(read('compute the sha256 of the word "banana"'), { kind: 'text', text: 'banana', span: '"banana"' });
  assert.equal(read('make "good morning" upper case')?.kind, 'text');
  assert.deepEqual(read('drop the last 4 characters from 1234567890'), { kind: 'text', text: '1234567890', span: '1234567890' });
  assert.deepEqual(read('show the extension of report.final.pdf'), { kind: 'text', text: 'report.final.pdf', span: 'report.final.pdf' });
  assert.equal(read('replace ";" with a newline in "x;y;z"')?.kind, 'text');
  assert.equal((read('replace ";" with a newline in "x;y;z"') as { text: string }).text, 'x;y;z', 'the text after "in", not the character to replace');
});

test('a file is not text: a name with an extension, a path, a workspace file, a name that says file', () => {
  assert.equal(read('count the characters in "notes.txt"'), undefined);
  assert.equal(read('count the lines in "/etc/hosts"'), undefined);
  assert.equal(read('show a hex dump of "INPUTFILE"'), undefined);
  const ws = { files: new Set(['todo']), dirs: new Set<string>(), byBase: new Map([['todo', 'todo']]) };
  assert.equal(read('reverse the lines of "todo"', ws), undefined);
  assert.equal(read('list the files in $dir'), undefined);
});

test('a variable holds the text unless it is where the result goes', () => {
  assert.deepEqual(read("convert the 'name' variable to lower case"), { kind: 'variable', name: 'name', span: "'name' variable" });
  assert.equal(read('turn "$a" into upper case and keep it in the variable b')?.kind, 'variable');
  assert.equal((read('turn "$a" into upper case and keep it in the variable b') as { name: string }).name, 'a');
  assert.equal(read('take the first two letters of the host name and save them to variable "HN"'), undefined, 'HN is the target');
  assert.equal((read("print the first comma-separated field in variable 'row'") as { name: string }).name, 'row', 'nothing is saved: the variable is read');
  assert.equal(read('search for $USER at the start of each line of /etc/passwd and split it on commas'), undefined, 'beside a path a variable is a pattern');
});

test('the output of a named command is the first step', () => {
  assert.deepEqual(read('print the first line of the output of `seq 5 50`'), { kind: 'command', command: 'seq 5 50', span: '`seq 5 50`' });
  assert.equal((read('count the lines in the output of "ls -a"') as { command: string }).command, 'ls -a');
  assert.equal((read('number the lines of the output of history') as { command: string }).command, 'history');
  assert.equal((read('the third line of "ps -ef"') as { command: string }).command, 'ps -ef');
  assert.equal(read('the output of "seq 1 3; rm -rf ~"'), undefined, 'only one simple command');
  assert.equal(read('count the lines in the output of the build'), undefined, 'no program named');
});

test('plain echo when the text prints as written, printf otherwise; no newline for programs that count or hash it', () => {
  assert.equal(textStep('abc', false), 'echo abc');
  assert.equal(textStep('a b', true), "echo -n 'a b'");
  assert.equal(textStep('-tcp', false), "printf '%s\\n' -tcp");
  assert.equal(textStep('a\\nb', true), "printf '%s' 'a\\nb'");
  assert.equal(sourceStep({ kind: 'text', text: 'x y', span: '' }, 'md5sum'), "echo -n 'x y'");
  assert.equal(sourceStep({ kind: 'text', text: 'x y', span: '' }, 'rev'), "echo 'x y'");
  assert.equal(sourceStep({ kind: 'variable', name: 'row', span: '' }, 'cut -d: -f1'), 'echo "$row"');
  assert.equal(preferEcho("printf '%s\\n' 'good day' | rev"), "echo 'good day' | rev");
  assert.equal(preferEcho("printf '%s' abc | base64"), 'echo -n abc | base64');
  assert.equal(preferEcho("x=$(printf '%s\\n' abc | rev)"), 'x=$(echo abc | rev)');
  assert.equal(preferEcho("printf '%s\\n' -n | rev"), "printf '%s\\n' -n | rev", 'echo would take it as an option');
  assert.equal(preferEcho("printf '%s\\n' 'a\\tb' | rev"), "printf '%s\\n' 'a\\tb' | rev", 'echo may expand the backslash');
});

test('the operation a request names', () => {
  assert.equal(textOperations('calculate the md5sum of the text')[0], 'files.md5');
  assert.equal(textOperations('strip the last 2 characters from the text')[0], 'text.drop_last_chars');
  assert.equal(textOperations('change every "," into a newline in the text')[0], 'text.string_fields');
  assert.equal(textOperations('print the input without line numbers')[0], 'text.strip_line_numbers');
  assert.ok(!textOperations('print the input without line numbers').includes('text.number_lines'), 'without numbers is no numbering');
  assert.equal(textOperations('number the lines of the input')[0], 'text.number_lines');
  assert.deepEqual(textOperations('list the running containers'), []);
});

test('answers to a command\'s prompts, and what runs', () => {
  assert.deepEqual(promptAnswer('answer y to every prompt of ./setup.sh'), { answer: 'y', rest: './setup.sh' });
  assert.deepEqual(promptAnswer('unpack the archives in dl and answer "n" to any prompts'), { answer: 'n', rest: 'unpack the archives in dl' });
  assert.deepEqual(promptAnswer('keep sending "Y" to the input of "./configure"'), undefined, 'no "send X to the input of" wording');
  assert.deepEqual(promptAnswer('send "Y" continuously to the input of "./configure"'), { answer: 'Y', rest: '"./configure"' });
  assert.equal(promptAnswer('answer the questions in faq.md'), undefined);
  assert.equal(yesStep('yes'), 'yes');
  assert.equal(yesStep('n'), 'yes n');
});

test('text in quotes with something done to text is a task', () => {
  assert.equal(isTask(readRequest('convert "Hello" to upper case')), true);
  assert.equal(isTask(readRequest('reverse "stressed"')), true);
  assert.equal(isTask(readRequest('reverse the car into the garage')), false);
  assert.equal(isTask(readRequest('split the bill with "Anna"')), false, 'splitting a bill is no text');
});

test('text printed a number of times: yes, with -- before text that looks like an option', () => {
  assert.equal(repeatCount('print "ok" 3 times'), '3');
  assert.equal(repeatCount('output two lines of "-v"'), '2');
  assert.equal(repeatCount('print "$word" $n times'), '"$n"');
  assert.equal(repeatCount('show the first 3 lines of "notes"'), undefined, 'the first lines of a file');
  assert.equal(repeatCount('show 2 lines of context around "out of memory"'), undefined, 'lines of context, not of the text');
  assert.equal(repeatStep({ kind: 'text', text: '-v', span: '' }, '2'), 'yes -- -v | head -n 2');
  assert.equal(repeatStep({ kind: 'variable', name: 'word', span: '' }, '"$n"'), 'yes "$word" | head -n "$n"');
  assert.equal((read('print "$word" $n times') as { name: string }).name, 'word', '$n is the count');
});
