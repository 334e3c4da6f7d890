// An act verb that is reported, put off, asked about, or named in a question
// orders nothing; the same verb said as an order still does.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readIntent } from '../../server/src/planner/intent';
import { readRequest } from '../../server/src/planner/requestFacts';

const acts = (text: string) => readIntent(readRequest(text)).actions.filter((a) => a !== 'network');

function ordersNothing(texts: string[]): void {
  for (const text of texts) {
    const intent = readIntent(readRequest(text));
    assert.deepEqual(acts(text), [], `${text}: read as ordering ${acts(text).join(', ')}`);
    assert.equal(intent.allows.write || intent.allows.delete, false, text);
  }
}

test('an instruction someone else gave, reported, orders nothing', () => {
  ordersNothing([
    'our lead told us to gzip the access logs under logs. how many of them are there?',
    'the wiki says to purge the build folder; what is in build right now?',
    'the ops team asked me to move notes.txt somewhere else. who last changed it?',
    'the readme tells you to truncate logs/app.log. how long is it?',
  ]);
});

test('an act put off by what follows orders nothing', () => {
  ordersNothing([
    'I have to erase the .bak files in conf. Not right now though. Which ones are there?',
    'I must chmod the scripts, but not yet. list their modes',
    'I want to remove every .tmp file under tmp. But first, show me them.',
    'compress the logs folder - hold off on that, how big is it?',
  ]);
});

test('an act followed by a question about it orders nothing', () => {
  ordersNothing([
    'truncate -s 0 logs/access.log: what would that do?',
    'wipe the build folder, is that safe?',
    'rm -r docs -- would that break the site?',
  ]);
});

test('a question opened by a filler word, or about a program, orders nothing', () => {
  ordersNothing([
    'hmm, is notes.txt something we can delete?',
    'uh, can the backup script overwrite data/items.json?',
    'can shred remove a whole folder?',
    'how does chown -R decide what to touch?',
    'getting ready to purge the old logs: list the logs first',
    'I need to rename the csv files in data. before that, show me them',
  ]);
});

test('the same verbs said as orders keep their act', () => {
  const cases: [string, string][] = [
    ['delete the .tmp files in tmp and then list what is left', 'delete'],
    ['can you remove tmp/a.tmp', 'delete'],
    ['I want you to compress logs/app.log', 'create'],
    ['delete the files in tmp that are not yet committed', 'delete'],
    ['remove the logs that were not archived yet', 'delete'],
    ['my boss wants the logs deleted, so delete logs/old.log', 'delete'],
    ['first list the .tmp files, then delete them', 'delete'],
  ];
  for (const [text, act] of cases) assert.ok(acts(text).includes(act as never), `${text}: read as ${acts(text).join(', ') || 'nothing'}`);
});

test("an act taken back, the user's own later act, or a part of a program talked about orders nothing", () => {
  ordersNothing([
    'show me how to chmod scripts/run.sh, but do not run it',
    'purge the logs folder (only kidding) - how big is it?',
    'Rename or not rename? print notes.txt first',
    "I'll clear out tmp after lunch. list it",
    'Delete key is not working in the editor, grep src for keydown',
    'Rename dialog keeps crashing - which file opens it?',
    'Move command fails on my machine; which version of mv is installed?',
  ]);
});

test('a command given after a question about it orders nothing; one given to be run still does', () => {
  ordersNothing([
    'Is the following safe? chmod -R 777 scripts',
    'review this line: truncate -s 0 logs/app.log',
  ]);
  assert.ok(acts('please run this command: rm tmp/a.tmp').includes('delete'));
});

test('an act supposed, or a request that says to look only, orders nothing', () => {
  ordersNothing([
    'Assuming we truncate logs/app.log tonight, how many lines would we lose?',
    'imagine I chmod every script in scripts; which ones are there?',
    'html files under site, look only, zip up nothing',
  ]);
});

test('an act weighed against keeping, or turned down after its question mark, orders nothing', () => {
  ordersNothing([
    'chmod run.sh or leave it alone? print its mode first',
    'gzip logs/app.log? nope, just count its lines',
    'rename notes.txt? on second thought, show it',
  ]);
  assert.ok(acts('delete tmp/a.tmp or keep it').includes('delete'));
});
