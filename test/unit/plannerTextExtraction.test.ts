// "extract" said of parts of a text (textExtraction.ts): a look, or a save
// when a file is named for them; said of an archive, still an unpacking.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitCompound } from '../../server/src/planner/compose';
import { readIntent } from '../../server/src/planner/intent';
import { readRequest } from '../../server/src/planner/requestFacts';

const intentOf = (text: string) => readIntent(readRequest(text));

test('parts of a text taken out to read order no write', () => {
  for (const text of [
    'Extract the user names from /etc/passwd',
    'extract, sort and print the group names from /etc/group',
    'extract the first 3 lines of notes.txt',
    'Extract 40 lines starting at line 900 of server.log',
    'extract all email addresses from contacts.txt',
    'extract the unique ip addresses from access.log',
    'extract the version number from package.json',
    'extract every url from index.html',
    'extract the last column of report.tsv',
    'extract the numbers from prices.txt and sort them',
    'extract the hostnames values from inventory.ini',
    'Extract the first 16 bytes of image.bin',
  ]) {
    const intent = intentOf(text);
    assert.deepEqual(intent.actions, [], text);
    assert.equal(intent.allows.write, false, text);
    assert.equal(intent.allows.delete, false, text);
  }
});

test('parts of a text taken into a named file write that file and delete nothing', () => {
  for (const text of [
    'Extract lines 10 to 20 of big.log into part.log',
    'extract the second field of each line of data.csv into col2.txt',
    'extract the email addresses from contacts.txt to emails.txt',
    'extract the error lines of build.log into a file named errors.txt',
    'Extract the user names from /etc/passwd into out/users.lst',
  ]) {
    const intent = intentOf(text);
    assert.deepEqual(intent.actions, ['create'], text);
    assert.equal(intent.allows.write, true, text);
    assert.equal(intent.allows.delete, false, text);
  }
});

test('an archive, or files from one, is still unpacked', () => {
  for (const text of [
    'extract backup.tar',
    'extract the archive into out/',
    'extract all files from release.zip',
    'extract all files whose names end in .txt from backup.tar',
    'extract the contents of logs.tar.gz into restored',
    'extract site.tgz to /srv/www',
  ]) {
    const intent = intentOf(text);
    assert.deepEqual(intent.actions, ['create'], text);
    assert.equal(intent.cues.create, 'extract', text);
    assert.equal(intent.allows.delete, true, text);
  }
});

test('parts of a text taken into a file are read as the taking, then a redirect', () => {
  assert.deepEqual(splitCompound('Extract lines 10 to 20 of big.log into part.log'), { head: 'Extract lines 10 to 20 of big.log', steps: [{ kind: 'save', target: 'part.log' }] });
  assert.deepEqual(splitCompound('extract the third column of data.csv to "col3.txt".'), { head: 'extract the third column of data.csv', steps: [{ kind: 'save', target: 'col3.txt' }] });
  // An archive unpacked into a folder or a file is no text to redirect.
  assert.equal(splitCompound('extract backup.tar into out/'), undefined);
  assert.equal(splitCompound('extract logs.tar.gz into old.txt'), undefined);
});
