// The place a request's act puts things ("into out", "to restored/", "in
// the folder called old") is read from many wordings, and words after "to"
// or "in" that are no place ("to check it", "into account", "in place",
// "here") are not; a plan that never names the place is set aside.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { destinationDropped, statedDestination } from '../../server/src/planner/destinations';

const acts = ['unzip x.zip', 'extract archive.tar', 'unpack backup.tgz', 'untar site.tar.gz', 'decompress the archive', 'clone https://example.com/r.git', 'download https://example.com/a.txt', 'copy the logs', 'move notes.txt'];
const places: [string, string][] = [
  ['into out', 'out'],
  ['into the out folder', 'out'],
  ['to restored/', 'restored/'],
  ['to ./unz', './unz'],
  ['into a new folder called old', 'old'],
  ['in the directory named build', 'build'],
  ['to "my files"', 'my'],
  ['into vendor/lib', 'vendor/lib'],
  ['to ~/Downloads', '~/Downloads'],
];
const courtesy = ['', 'please ', 'could you ', 'I need to ', 'go ahead and '];

test('the place is read in every wording', () => {
  for (const act of acts) for (const [said, place] of places) for (const c of courtesy) {
    const request = `${c}${act} ${said}`;
    // A quoted place with a space is read up to the space: the check needs only to find it in the plan.
    const got = statedDestination(request);
    assert.equal(got, place === 'my' ? undefined : place, request);
  }
});

test('the last place of the act\'s clause is where things go; an adjective before "folder" is no place', () => {
  assert.equal(statedDestination('copy all files in the directory tree "myfiles" to "target-dir" keeping their times'), 'target-dir');
  assert.equal(statedDestination('copy local file "/srv/a" to remote directory "/srv/b"'), '/srv/b');
  assert.equal(statedDestination('move the logs in old/ into archive/'), 'archive/');
});

test('words after to, into or in that are no place are not read as one', () => {
  for (const request of ['unzip x.zip here', 'extract the archive in place', 'download the file to check it', 'copy the logs to make a backup', 'take this into account and unzip x.zip', 'extract x.zip in the current folder', 'move notes.txt to the top', 'unzip it to see what is inside', 'copy notes.txt', 'list the files in src']) {
    assert.equal(statedDestination(request), undefined, request);
  }
});

test('a plan that never names the place is set aside; one that does, or has a slot to fill, is not', () => {
  assert.match(destinationDropped('unzip x.zip into out', 'unzip x.zip').join(), /does not put anything in out/);
  assert.match(destinationDropped('extract archive.tar to restored/', 'tar -xf archive.tar').join(), /in restored\//);
  assert.deepEqual(destinationDropped('unzip x.zip into out', 'unzip x.zip -d out'), []);
  assert.deepEqual(destinationDropped('extract archive.tar to restored/', 'mkdir -p restored && tar -xf archive.tar -C restored'), []);
  assert.deepEqual(destinationDropped('unzip x.zip into out', "unzip x.zip -d '<dir>'"), []);
  assert.deepEqual(destinationDropped('download https://example.com/a.txt to ~/Downloads', 'curl -fSL --output-dir ~/Downloads -O https://example.com/a.txt'), []);
});

test('a path that names the place and climbs back out of it with .. does not put anything there', () => {
  for (const place of ['out', 'restored', 'build/extracted', 'vendor']) {
    for (const climb of [`${place}/..`, `./${place}/../`, `${place}/../..`, `${place}//..`, `${place}/./../x`]) {
      for (const act of [`unzip -o x.zip -d ${climb}`, `tar -xzf a.tar.gz -C ${climb}`, `tar -xzf a.tar.gz --directory=${climb}`, `cp -r src '${climb}'`]) {
        assert.match(destinationDropped(`extract x.zip into ${place}`, act).join(), /does not put anything in/, act);
      }
    }
    // Down and back up again stays in the place.
    for (const stay of [`${place}/sub/..`, `${place}/a/../b`, `./${place}/`]) assert.deepEqual(destinationDropped(`extract x.zip into ${place}`, `unzip x.zip -d ${stay}`), [], stay);
  }
});

test('after an archive, a plain name after "in" is the folder it opens into; a purpose after "to" is none', () => {
  const archives = ['unzip x.zip', 'unpack backup.tgz', 'untar site.tar.gz', 'decompress logs.tar.bz2', 'extract notes.zip'];
  for (const act of archives) {
    for (const folder of ['recovered', 'unpacked', 'build', 'tmp2']) {
      for (const opening of courtesy) {
        const request = `${opening}${act} in ${folder}`;
        assert.equal(statedDestination(request), folder, request);
        assert.match(destinationDropped(request, act.replace(/^(\w+) /, 'unzip ')).join(' '), new RegExp(`does not put anything in ${folder}`), request);
      }
    }
    assert.equal(statedDestination(`${act} to see what is inside`), undefined, act);
  }
  // Not after an archive: "extract the URLs in notes" reads from notes.
  assert.equal(statedDestination('extract the URLs in notes'), undefined);
  assert.equal(statedDestination('extract the errors in logs'), undefined);
});

test('a folder of the workspace after "to" is where a sent thing goes; "backup" the noun and words after "in" send nothing', () => {
  for (const verb of ['copy', 'sync', 'mirror', 'back up', 'move']) {
    for (const folder of ['archive', 'out', 'backup']) {
      const request = `${verb} docs to ${folder}`;
      assert.match(destinationDropped(request, 'zip -r docs.zip docs', [folder]).join(' '), new RegExp(`in ${folder}`), request);
      assert.deepEqual(destinationDropped(request, `rsync -a docs/ ${folder}/`, [folder]), [], request);
    }
  }
  for (const request of ['delete the .bak files in backup as well', 'ok, remove the logs in backup too', 'list the backup in docs', 'delete the .bak files in backup to free space']) {
    assert.deepEqual(destinationDropped(request, "find backup -type f -name '*.bak' -delete", ['well', 'docs', 'free']), [], request);
  }
});

test('"to any prompts", "to any question": an answer given to whatever asks is no place', () => {
  for (const request of [
    'gunzip every file matching "app*.gz" and answer "n" to any prompts',
    'unzip bundle.zip, replying "y" to any question it asks',
    'copy the logs and say yes to any prompt',
    'decompress the archive, answering no to any overwrite question',
    'move notes.txt and respond "A" to any confirmation',
  ]) assert.equal(statedDestination(request), undefined, request);
  // ... while a folder named after "to" still is one.
  assert.equal(statedDestination('unzip bundle.zip to anyplace'), 'anyplace');
  assert.equal(statedDestination('copy the logs to any-dir/'), 'any-dir/');
});
