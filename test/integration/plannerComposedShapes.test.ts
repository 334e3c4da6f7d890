// Shapes of request composed from other plans, with the real store,
// knowledge and policy: a value kept in a variable, a move into a folder
// first, text given on a command's input, several names for one place,
// and archive copies. Each must be planned whole, never abstained.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { expectPlans, plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('shapes', ['site', 'logs', 'api', 'web'], ['logs/app.log', 'logs/db.log', 'notes.txt']);
});

after(() => w.close());

const expect = (cases: [string, RegExp][]) => expectPlans(w.plan, cases);

test('a value kept in a shell variable is the output of the command that prints it', () => expect([
  ['store the name of the current folder in the variable here', /^here=\$\(basename "\$PWD"\)$/],
  ['save the machine\'s host name to variable "HOST"', /^HOST=\$\(hostname\b[^)]*\)$/],
  ['set variable \'parent\' to the directory name of $target', /^parent=\$\(dirname "\$target"\)$/],
]));

test('a move into a folder comes first, then the rest', () => expect([
  ['go to the logs folder and count the .log files', /^cd logs && .*\*\.log/],
  ['change the working directory to /srv/site, then list the files', /^cd \/srv\/site && (ls|find)\b/],
]));

test('text in a variable or in the request is a command\'s input', () => expect([
  ["print the second colon-separated field of variable 'row'", /^echo "\$row" \| cut -d: -f ?2$/],
  ['convert the characters of $title to upper case', /^echo "\$title" \| tr '\[:lower:\]' '\[:upper:\]'$/],
]));

test('several names for one place, owners in words, archive copies', () => expect([
  ['recursively change the owner of "api", "web" and "site" to www-data', /^chown -R www-data api web site$/],
  ['change owner and group of the file notes.txt to user and group root', /^chown root:root notes\.txt$/],
  ['write the output and errors of "nightly" to the screen and to run.log', /^nightly 2>&1 \| tee run\.log$/],
  ['archive the site folder to /srv/backup', /^rsync -a site \/srv\/backup$/],
]));

test('a read-only request of these shapes is never planned with a change', async () => {
  for (const request of ['go to the logs folder and show the newest file', "print the first field of variable 'line'"]) {
    const result = await w.result(request);
    assert.equal(result.policy.risk.writes.length + result.policy.risk.deletes.length, 0, `${request} → ${result.command}`);
  }
});
