// "extract" said of parts of a text, planned with the real store, knowledge
// and policy: the parts are read (cut, head, sed -n, grep -o), or written to
// the file the request names; an archive is still unpacked.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { expectPlans, plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('text-extraction', ['out'], ['big.log', 'data.csv', 'contacts.txt', 'notes.txt', 'backup.tar']);
});

after(() => w.close());

test('parts of a text are read, never unpacked', () => expectPlans(w.plan, [
  ['Extract the user names from /etc/passwd', /^cut -d: -f ?1 \/etc\/passwd$/],
  ['extract, sort and print only the group names from /etc/group', /^(?:cut -d: -f ?1 \/etc\/group|getent group \| cut -d: -f ?1 \| sort)(?: \| sort)?$/],
  ['Extract the second column of data.csv', /^cut -d, -f ?2 data\.csv$/],
  ['extract the first 3 lines of notes.txt', /^head -n 3 notes\.txt$/],
  ['extract all email addresses from contacts.txt', /^grep -oE? .*@.* contacts\.txt/],
]));

test('parts of a text go into the file named for them', () => expectPlans(w.plan, [
  ['Extract lines 10 to 20 of big.log into part.log', /^sed -n '10,20p' big\.log > part\.log$/],
  ['extract the second field of each line of data.csv into col2.txt', /^cut -d, -f ?2 data\.csv > col2\.txt$/],
]));

test('an archive is still unpacked where the request says', async () => {
  assert.match(await w.plan('extract backup.tar into out/'), /^(?:mkdir -p out && )?tar -xf backup\.tar -C out$/);
  // A request to read parts of a text never writes.
  const r = await w.result('extract the first 3 lines of notes.txt');
  assert.doesNotMatch(r.command, /[>]|\btee\b|\btar\b/);
});
