// Text, numbers and a command's output given in a request as the thing to
// work on, planned with the real store, knowledge and policy: the value is
// the input of the program that does what was asked, and answers to a
// command's prompts come from `yes`, with the whole still held to the intent.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { expectPlans, plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('text-input', ['build', 'dl'], ['notes.txt', 'build/a.tmp', 'build/b.tmp', 'setup.sh', 'dl/a.txt.gz']);
});

after(() => w.close());

const expect = (cases: [string, RegExp][]) => expectPlans(w.plan, cases);

test('text written in the request is hashed, counted, cut, changed and reversed on the input; a file stays a file', () => expect([
  ['count the characters in notes.txt', /^wc -m notes\.txt$/],
  ['compute the sha256 of the word "banana"', /^echo -n banana \| sha256sum$/],
  ['calculate the md5 hash of "hello there"', /^echo -n 'hello there' \| md5sum$/],
  ['how many characters are in "paladin"', /^echo -n paladin \| wc -m$/],
  ['drop the last 4 characters from 1234567890', /^echo 1234567890 \| sed 's\/\.\\\{4\\\}\$\/\/'$/],
  ['make "good morning" upper case', /^echo 'good morning' \| tr '\[:lower:\]' '\[:upper:\]'$/],
  ['replace ";" with a newline in "x;y;z"', /^echo 'x;y;z' \| tr ';' '\\n'$/],
  ['show the extension of report.final.pdf', /^echo report\.final\.pdf \| sed 's\/\.\*\\\.\/\/'$/],
  ['reverse the text "-abc"', /^printf '%s\\n' -abc \| rev$/],
  ['output two lines of "-v"', /^yes -- -v \| head -n 2$/],
  ['format "$row" as a table', /^echo "\$row" \| column -t$/],
  ['print "$word" $n times', /^yes "\$word" \| head -n "\$n"$/],
]));

test('the output of a named command is the first step of the pipeline', () => expect([
  ['show the first line of the output of `seq 5 50`', /^seq 5 50 \| (?:head -n ?1|sed -n '1p')$/],
  ['count the lines in the output of "ls -a"', /^ls -a \| wc -l$/],
  ['save the output of "date" to the terminal and to stamp.txt', /^date \| tee stamp\.txt$/],
  ['remove the line numbers from the output of "cat -n notes.txt"', /^cat -n notes\.txt \| sed 's\/\^ \*\[0-9\]\\\+ \*\/\/'$/],
]));

test('answers to the prompts come from yes on the input of what was asked', () => expect([
  ['answer y to every prompt of ./setup.sh', /^yes \| \.\/setup\.sh$/],
  ['gunzip the .gz files in dl and answer "n" to every question', /^yes n \| find dl\b.*-name '\*\.gz'.*gunzip/],
  ['delete the .tmp files in build, answering y to any prompt', /^(?:yes \| )?find build\b.*(?:-delete|\brm -f\b)/],
  ['send "n" continuously to the input of "./setup.sh"', /^yes n \| \.\/setup\.sh$/],
]));

test('a command given the answers is held to the intent like any other', async () => {
  // The request names rm only as the program to answer for: nothing in it orders a delete.
  const r = await w.result('answer y to every prompt of "rm -ri build"');
  assert.ok(!/^(?:yes \| )?rm\b/.test(r.command), `planned ${r.command}`);
  assert.ok(r.rejected?.some((x) => /^yes \| rm -ri build$/.test(x.command) && /deletes/.test(x.reason)), JSON.stringify(r.rejected));
  // A command whose output is only to be looked at still runs: what it would delete counts.
  const looked = await w.result('print the first line of the output of "rm -rf build"');
  assert.ok(!/\brm -rf build\s*\|/.test(looked.command), `planned ${looked.command}`);
  assert.ok(looked.rejected?.some((x) => /^rm -rf build \|/.test(x.command)), JSON.stringify(looked.rejected));
  for (const request of ['show the files in build and answer y to every prompt', 'list what is in dl, answering yes to all questions']) {
    const command = await w.plan(request);
    assert.ok(!/\brm\b|-delete|\bmv\b|>/.test(command), `"${request}" → ${command}`);
  }
});
