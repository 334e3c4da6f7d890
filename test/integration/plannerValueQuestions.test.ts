// Requests about a text, a value or the system where two programs print
// something alike: the words of the request pick the one that answers it,
// with the real store, knowledge and policy.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { expectPlans, plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('values', ['src', 'docs'], { 'notes.txt': 'a\n\nb\n', 'a.txt': 'x\ny\n', 'b.txt': 'y\n' });
});

after(() => w.close());

const expect = (cases: [string, RegExp][]) => expectPlans(w.plan, cases);

test('the place a question is asked about does not turn it into a question about the place', () => expect([
  ['print the amount of space available on the file system containing the current working directory', /^df\b/],
  ['how much space is free on the filesystem holding the src folder', /^df -\w+ src$/],
  ['print the git branch currently checked out in this working directory', /^git branch\b/],
]));

test('a feature the words ask for is the one the command has', () => expect([
  ['print the numbers from 1 to 30 with leading zeros', /^seq -w 1 30$/],
  ['count the non-blank lines in notes.txt', /^grep -c -v '\^\[\[:space:\]\]\*\$' notes\.txt$/],
  ['how many lines of notes.txt are not empty', /^grep -c -v\b.* notes\.txt$/],
  ['save the last modified time of notes.txt in the variable stamp', /^stamp=\$\((?:stat|date -r)\b/],
]));

test('a change of group changes the group and leaves the owner', () => expect([
  ['recursively change the group of src to staff', /^chgrp -R staff src$/],
  ['change the group ownership of notes.txt to staff', /^(?:chgrp staff|chown :staff) notes\.txt$/],
  ['recursively change the group ownership of everything in the current directory to developers', /^chgrp -R developers \.$/],
]));

test("a program's help is asked of the program", () => expect([
  ['print the help message of the split command', /^split --help$/],
  ['show the usage of tar', /^tar --help$/],
  ['show the help text of ls', /^ls --help$/],
]));

test('a variable the programs the shell starts should see is exported', () => expect([
  ['set the variable KVER to the kernel release, making it visible to subprocesses', /^export KVER=\$\(uname -\w*r\w*\)$/],
]));

test('a date, a name or a part of a path is the one the words ask for', () => expect([
  ['print the date of yesterday', /^date -d yesterday \+%F$/],
  ['print the date 5 days ago', /^date -d '5 days ago' \+%F$/],
  ['print the date 2 weeks from now', /^date -d '\+2 weeks' \+%F$/],
  ["print the current user's PATH", /^(?:printenv PATH|echo "\$PATH")$/],
  ['print the file name from the path /srv/data/report.txt', /^basename \/srv\/data\/report\.txt$/],
]));

test('lines of one file not in another are not the lines they share', () => expect([
  ['print the lines of a.txt that are not in b.txt', /^comm -23 <\(sort a\.txt\) <\(sort b\.txt\)$/],
  ['lines common to a.txt and b.txt', /^comm -12 <\(sort a\.txt\) <\(sort b\.txt\)$/],
]));

test('a program the request says to use is the one that runs', () => expect([
  ['list the mounted filesystems with mount', /^mount$/],
  ['show the network interfaces using ifconfig', /^ifconfig\b/],
]));

test('lines are numbered when the words ask for numbers, and blank ones only when they are not excluded', () => expect([
  ['print the lines of notes.txt with line numbers', /^(?:nl -ba|cat -n) notes\.txt$/],
  ['number the non-blank lines of notes.txt', /^nl notes\.txt$/],
  ['print the hostname without a newline', /^hostname$/],
]));

test('a request to change the group of a file is never answered by a look at groups', async () => {
  const result = await w.result('change the group of notes.txt to $USER');
  assert.doesNotMatch(result.command, /^(?:id|groups|getent)\b/);
  assert.ok((result.rejected ?? []).some((r) => /^(?:id -nG|groups)\b/.test(r.command) && /changes no permissions/.test(r.reason)), JSON.stringify(result.rejected));
});

test('the number of lines is a count, and the most frequent lines are counted per line', () => expect([
  ['print the number of lines in notes.txt', /^wc -l notes\.txt$/],
  ['print a count of all unique entries in a.txt with the most frequent at the top', /\buniq -c\b.*\bsort -rn\b/],
]));

test('one line of a file, or of its sorted lines, is that line', () => expect([
  ['print the first line of notes.txt after sorting it', /^sort notes\.txt \| head -n 1$/],
  ['print the last line of the sorted lines of notes.txt', /^sort notes\.txt \| tail -n 1$/],
  ['print the first line of notes.txt', /^(?:sed -n '1p'|head -n 1) notes\.txt$/],
  ['print the last line of notes.txt', /^tail -n 1 notes\.txt$/],
  ['print notes.txt in reverse order', /^tac notes\.txt$/],
]));
