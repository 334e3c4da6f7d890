// Work on a value the request writes out or names as a variable
// (stringActs.ts), and requests about the environment a program runs in
// (environmentActs.ts): how each is read, and the commands planned for it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { environmentCandidates, malformedAssignment, readAssignment } from '../../server/src/planner/environmentActs';
import { readRequest } from '../../server/src/planner/requestFacts';
import { readIntent } from '../../server/src/planner/intent';
import { readDelimiter, readFields, stringActCandidates } from '../../server/src/planner/stringActs';
import { isTask } from '../../server/src/planner/taskWords';
import { readTextSource } from '../../server/src/planner/textSource';

const none = { files: new Set<string>(), dirs: new Set<string>(), byBase: new Map<string, string>() };
const plans = (request: string) => stringActCandidates(request, none, () => false).map((c) => c.command);
const envPlans = (request: string) => environmentCandidates(request).map((c) => c.command);

test('a delimiter is read from the words that name it or from the quoted character', () => {
  assert.equal(readDelimiter('the last dot-separated field of "maps.google.com"'), '.');
  assert.equal(readDelimiter('print the colon delimited parts of $ROW'), ':');
  assert.equal(readDelimiter('split "a|b" on "|" and show the first field'), '|');
  assert.equal(readDelimiter('values separated by a comma'), ',');
  assert.equal(readDelimiter('the second word of "a b"'), undefined);
});

test('the fields asked for are read by number, by ordinal, as "the first two" and as the last', () => {
  assert.deepEqual(readFields('the last dot-separated field'), ['NF']);
  assert.deepEqual(readFields('print fields 1 and 3'), ['1', '3']);
  assert.deepEqual(readFields('the first and third comma-separated fields'), ['1', '3']);
  assert.deepEqual(readFields('keep the first two fields'), ['1', '2']);
  assert.deepEqual(readFields('the 2nd column'), ['2']);
  assert.deepEqual(readFields('extract two semicolon-separated fields'), ['1', '2']);
});

test('fields of a written value are split on the delimiter said, the value piped in first', () => {
  assert.deepEqual(plans('show the final dot separated field of "www.example.org"').slice(0, 1), [`echo www.example.org | awk -F. '{print $NF}'`]);
  assert.deepEqual(plans('split "red;green;blue" on ";" and print fields 1 and 2 separated by a space').slice(0, 1), [`echo 'red;green;blue' | awk -F';' '{print $1, $2}'`]);
  assert.deepEqual(plans('get the third colon-separated field of $ENTRY').slice(0, 1), [`echo "$ENTRY" | cut -d: -f3`]);
  // No value named: the text is a slot, never a made-up one.
  assert.deepEqual(plans('print the first two comma separated fields of a string'), [`echo '<text>' | awk -F, '{print $1, $2}'`]);
});

test('the last characters of a value, the unique lines of two variables, escapes, a quoted replacement', () => {
  assert.deepEqual(plans('keep only the last 3 characters of "paladin"'), ['echo paladin | rev | cut -c 1-3 | rev']);
  assert.deepEqual(plans('remove the last 3 characters of "paladin"'), [], 'a removal is not what is kept');
  assert.deepEqual(plans('print the distinct lines of $OLD and $NEW together'), [`printf '%s\\n' "$OLD" "$NEW" | sort -u`]);
  assert.deepEqual(plans('output "left\\nright" with the \\n turned into a newline'), [`echo -e 'left\\nright'`]);
  assert.deepEqual(plans('replace "." with "/" in "a.b.c"'), [`echo a.b.c | sed 's/\\./\\//g'`]);
  assert.deepEqual(plans('substitute "x" with "&" in $WORD'), [`echo "$WORD" | sed 's/x/\\&/g'`]);
});

test('an extension asked of no name named is a slot; one asked of a variable reads the variable', () => {
  assert.deepEqual(plans('print the extension of a file name that has a single dot'), [`echo '<name>' | cut -d. -f2`]);
  assert.deepEqual(plans('print the file name without its extension'), []);
  assert.deepEqual(readTextSource('print the extension of the file named in $TARGET', none, () => false), { kind: 'variable', name: 'TARGET', span: '$TARGET' });
  assert.equal(readTextSource('turn $USERNAME into upper case', none, () => false)?.kind, 'variable');
  assert.equal(readTextSource('the second colon-separated field of $LINE', none, () => false)?.kind, 'variable', '"in" inside a name does not make it a file');
});

test('string work given in quotes or as "a string" is a task; extracting fields unpacks nothing', () => {
  const names = none as never;
  assert.equal(isTask(readRequest('replace "-" with "_" in "a-b-c"', names)), true);
  assert.equal(isTask(readRequest('print the last 2 characters of a string', names)), true);
  assert.deepEqual(readIntent(readRequest('extract the first two comma-separated fields from a line', names)).actions, []);
  assert.deepEqual(readIntent(readRequest('extract the archive site.tar.gz', names)).actions, ['create']);
});

test('a program run without a variable, or with none at all, is run by env', () => {
  assert.deepEqual(envPlans('run make in an environment without FOO'), ['env -u FOO make']);
  assert.deepEqual(envPlans("execute 'npm test' with the variable NODE_ENV unset"), ['env -u NODE_ENV npm test']);
  assert.deepEqual(envPlans('launch "python app.py" in an env that lacks the DEBUG variable'), ['env -u DEBUG python app.py']);
  assert.deepEqual(envPlans('start sh in a completely empty environment'), ['env -i sh']);
});

test('a variable set is named first and given the value after "to"; a described value is a slot', () => {
  assert.deepEqual(readAssignment('set the environment variable EDITOR to vim'), { name: 'EDITOR', value: 'vim' });
  assert.deepEqual(envPlans('set the environment variable EDITOR to vim'), ['export EDITOR=vim']);
  assert.deepEqual(envPlans('set the env var GOPATH to "$HOME/go"'), ['export GOPATH="$HOME/go"']);
  assert.deepEqual(envPlans('define the shell variable count as 3'), ['count=3']);
  assert.deepEqual(envPlans('set the environment variable "DISPLAY" to the machine name followed by ":0"'), [`export DISPLAY='<value>'`]);
  assert.deepEqual(envPlans('set the timeout to 5'), []);
  assert.deepEqual(envPlans('export the results to out.csv'), [], 'an export of data names no variable');
});

test('a variable looked for in the environment is grepped for as NAME=', () => {
  assert.deepEqual(envPlans('show the name and value of LANG if it exists'), [`env | grep '^LANG='`]);
  assert.deepEqual(envPlans('check whether the environment variable JAVA_HOME is set'), [`env | grep '^JAVA_HOME='`]);
  assert.deepEqual(envPlans('is the variable DEBUG set'), [`env | grep '^DEBUG='`]);
});

test('an assignment to a word that is no variable name is found, whatever else the command does', () => {
  assert.match(malformedAssignment(`export ':0 skype'=DISPLAY`) ?? '', /not a variable name/);
  assert.match(malformedAssignment(`cd /tmp && export 1X=2`) ?? '', /not a variable name/);
  assert.match(malformedAssignment(`declare -x 'a b'=1`) ?? '', /not a variable name/);
  assert.equal(malformedAssignment('export DISPLAY=":0"'), undefined);
  assert.equal(malformedAssignment("export FOO='a b'; readonly BAR"), undefined);
  assert.equal(malformedAssignment('export -p'), undefined);
  assert.equal(malformedAssignment('declare -A map; local -r x=1'), undefined);
  assert.equal(malformedAssignment('echo export nothing'), undefined);
});
