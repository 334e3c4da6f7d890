// An order opened by a word of manner ("recursively set …", "forcibly link
// …") is still an order: the verb after it is at the head of its clause,
// even one that is as often a noun (set, copy, link, save, update).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readIntent } from '../../server/src/planner/intent';
import { readRequest } from '../../server/src/planner/requestFacts';

const intentOf = (text: string) => readIntent(readRequest(text));

test('a verb after a word of manner at the head of a request orders its act', () => {
  const cases: [string, string][] = [
    ['Recursively set all permissions under /srv/app to 755', 'change'],
    ['recursively set the owner of /srv/www to alice', 'change'],
    ['Recursively copy src into /tmp/src-copy', 'create'],
    ['forcibly link config.yml to /etc/app.yml', 'create'],
    ['Silently save the process list to ps.txt', 'create'],
    ['quietly update the timestamps of every .log file under logs', 'change'],
    ['Verbosely copy report.pdf to /mnt/share', 'create'],
    ['then recursively copy assets to public/assets', 'create'],
  ];
  for (const [text, act] of cases) {
    const intent = intentOf(text);
    assert.ok(intent.actions.includes(act as never), `${text}: ${JSON.stringify(intent.actions)}`);
    assert.equal(intent.allows.write, true, text);
  }
});

test('a word of manner does not make an order of a noun or a question', () => {
  for (const text of [
    'which folders are recursively set to 755?',
    'list the files recursively',
    'show the recursively copied files under backup',
  ]) assert.equal(intentOf(text).allows.write, false, text);
});
