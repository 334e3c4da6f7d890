// The embedded planner with its real knowledge and the real policy stage, on
// requests written as what the command does ("Removes 'foo' file"), shell
// state removed by name (aliases, variables), parts of a path said as text,
// a path kept in a variable, and output shown on the screen and kept in a
// file at once.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { asOrder } from '../../server/src/planner/requestCourtesy';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('described', ['src', 'logs'], ['foo', 'notes.txt', 'big.log', 'run.sh', 'logs/app.log']);
});

after(() => w.close());

const plan = (request: string) => w.plan(request);

test('a request that opens by describing the act asks for it', async () => {
  assert.equal(await plan("Removes 'foo' file."), 'rm -- foo');
  assert.equal(await plan('Removes the file notes.txt'), 'rm -- notes.txt');
  assert.equal(await plan('Compresses the file big.log with gzip'), 'gzip big.log', 'a compression, not a look at one (gzip -l)');
  assert.equal(await plan('Makes the file run.sh executable'), 'chmod +x run.sh');
  assert.equal(await plan('Counts lines in notes.txt'), 'wc -l notes.txt');
});

test('only an opening verb is read as the order, and a noun spelled like one stays a noun', () => {
  assert.equal(asOrder("Removes 'foo' file."), "Remove 'foo' file.");
  assert.equal(asOrder('copies notes.txt to src'), 'copy notes.txt to src');
  assert.equal(asOrder('Searches for TODO in src'), 'Search for TODO in src');
  assert.equal(asOrder('Changes in the repo since Monday'), 'Changes in the repo since Monday');
  assert.equal(asOrder('Lists of names are in docs'), 'Lists of names are in docs');
  assert.equal(asOrder('Does it remove files?'), 'Does it remove files?');
  assert.equal(asOrder('Status of the build'), 'Status of the build');
});

test('an alias or a variable removed by name is unaliased or unset, and no file is deleted for it', async () => {
  assert.equal(await plan("Removes shell alias with name 'python'."), 'unalias python');
  assert.equal(await plan("remove the shell alias named 'gs'"), 'unalias gs');
  // A variable the result is kept in is no variable to remove.
  assert.doesNotMatch(await plan('Remove a leading "machine" from the system host name and save the result to variable "machnum"'), /^unset\b|\brm\b/);
});

test('parts of a path said as text are taken off the text, never deleted on disk', async () => {
  for (const request of ["Removes first and last parts of path $path and saves the result in 'finalName' variable.", 'Remove the last two components of the path $p']) {
    assert.doesNotMatch(await plan(request), /\brm\b|-delete\b|\bunset\b/, request);
  }
});

test('a path saved in a variable is the value of what made it', async () => {
  assert.equal(await plan("Creates temporary folder and saves path to it in 'td' variable."), 'td=$(mktemp -d)');
});

test('output kept in a file is no replacement of text in it', async () => {
  assert.doesNotMatch(await plan("Save 'ls' output to 'ls_results' file and time report to 'time_results' file."), /\bsed -i\b/);
});

test('what is shown on the screen and kept in a file goes through tee, into the file it is kept in', async () => {
  assert.equal(await plan('Write standard input to standard output and to "foobar.txt"'), 'tee foobar.txt');
  assert.equal(await plan('Write the output of "someCommand" to standard output and "someFile"'), 'someCommand | tee someFile');
  assert.equal(await plan('Print the contents of "${SPOOL_FILE}" file to the console and append to "${LOG_FILE}" file'), 'tee -a "${LOG_FILE}" < "${SPOOL_FILE}"');
  assert.equal(await plan('show the contents of notes.txt on the screen and append them to logs/all.txt'), 'tee -a logs/all.txt < notes.txt');
  // The file read is never the one written.
  assert.doesNotMatch(await plan('Write contents of "logs/app.log" to standard output and to "copy.txt"'), /^tee (?:-a )?logs\/app\.log\b/);
});
