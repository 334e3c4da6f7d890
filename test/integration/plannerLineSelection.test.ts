// Lines, characters and fields of a file or of standard input picked by
// number, planned with the real store, knowledge and policy: the preposition
// and the number decide between head, tail, sed and cut, and a request about
// standard input is a filter that names no file.
import { after, before, test } from 'node:test';
import { expectPlans, plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('lines', ['src'], { 'notes.txt': 'a\nb\n', 'app.log': 'x\n', 'names.txt': 'ann\nbob\n' });
});

after(() => w.close());

const expect = (cases: [string, RegExp][]) => expectPlans(w.plan, cases);

test('from a line on, and all but the first or the last lines', () => expect([
  ['print notes.txt starting at line 11', /^tail -n \+11 notes\.txt$/],
  ['show app.log from line 7 onwards', /^tail -n \+7 app\.log$/],
  ['output everything from the fifth line onward of notes.txt', /^tail -n \+5 notes\.txt$/],
  ['print notes.txt without the first 4 lines', /^tail -n \+5 notes\.txt$/],
  ['all but the first two lines of names.txt', /^tail -n \+3 names\.txt$/],
  ['remove the last 2 lines from notes.txt', /^head -n -2 notes\.txt$/],
  ['show app.log minus its final 5 lines', /^head -n -5 app\.log$/],
  ['print everything but the last line of names.txt', /^head -n -1 names\.txt$/],
]));

test('one line, a range, the last line, reversed and numbered lines', () => expect([
  ['print the 7th line of notes.txt', /^sed -n '7p' notes\.txt$/],
  ['display lines 10 through 20 of app.log', /^sed -n '10,20p' app\.log$/],
  ['last line of names.txt', /^tail -n 1 names\.txt$/],
  ['print the last 3 lines of notes.txt in reverse order', /^tail -n 3 notes\.txt \| tac$/],
  ['print names.txt with the last line first', /^tac names\.txt$/],
]));

test('characters and fields by position, tabs, trailing blanks and joined lines', () => expect([
  ['print characters 5 to 8 of each line of notes.txt', /^cut -c 5-8 notes\.txt$/],
  ['print the third colon separated field of each line in app.log', /^cut -d: -f 3 app\.log$/],
  ['print field 2 of names.txt using semicolon as the delimiter', /^cut -d ';' -f 2 names\.txt$/],
  ['print the 5th space separated field of notes.txt as a comma separated list', /^cut -d ' ' -f 5 notes\.txt \| paste -sd,$/],
  ['print the lines of notes.txt containing a tab character', /^grep -P '\\t' notes\.txt$/],
  // Taking characters out of a named file edits it in place; never a line deleted by its place.
  ['remove trailing spaces from each line of app.log', /^sed -i 's\/\[\[:space:\]\]\*\$\/\/' app\.log$/],
  ['squeeze repeated blank lines in notes.txt', /^cat -s notes\.txt$/],
  ['print names.txt with every name capitalised', /^sed 's\/\\b\\\(\.\\\)\/\\u\\1\/g' names\.txt$/],
  ['merge the non-blank lines of names.txt into one comma separated line', /^grep -v '\^\[\[:space:\]\]\*\$' names\.txt \| paste -sd,$/],
]));

test('a request about standard input is a filter on it, with no word read as a file', () => expect([
  ['convert all characters in standard input to lower case', /^tr '\[:upper:\]' '\[:lower:\]'$/],
  ['convert the input to upper case', /^tr '\[:lower:\]' '\[:upper:\]'$/],
  ['sort the lines of stdin', /^sort$/],
  ['print the first field of each line of standard input', /^awk '\{print \$1\}'$/],
  ['print lines 4 to 9 of the piped text', /^sed -n '4,9p'$/],
  ['number each line of standard input', /^nl -ba$/],
  ['reverse the order of lines read from stdin', /^tac$/],
  ['count how many times each distinct line of standard input occurs', /^sort \| uniq -c\b/],
  ['remove the last file extension from each line of standard input', /^sed 's\/\\\.\[\^\.\]\*\$\/\/'$/],
  ['combine every two lines of standard input', /^paste -d ' ' - -$/],
]));

test('the text a line must not have is the word after have', () => expect([
  ["lines in notes.txt that don't have TODO", /^grep -v TODO notes\.txt$/],
  ['print the lines of notes.txt that do not include warning', /^grep -v warning notes\.txt$/],
]));
