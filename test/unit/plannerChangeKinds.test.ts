// A change does exactly the change asked: what the request keeps out stays
// out, text taken out of files is an edit of them (never a rename or a
// delete), a change to every line is no line appended, and a delete takes
// its targets from a file only when the request says the file lists them.
// Commands are read by the real parser into the facts the policy sees.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keptOut } from '../../server/src/planner/keptOut';
import { packDirection } from '../../server/src/planner/changeKinds';
import type { Facts } from '../../server/src/policy/factsTypes';
import { type WorkspaceNames } from '../../server/src/planner/requestFacts';
import { decisionOf, effectChecks } from '../support/policyDecision';

const ws: WorkspaceNames = {
  files: new Set(['notes.txt', 'jobs.txt', 'schedule.cron', 'paths.lst', 'report.csv']),
  dirs: new Set(['backup', 'docs', 'src', 'old']),
  byBase: new Map([['notes.txt', 'notes.txt'], ['jobs.txt', 'jobs.txt'], ['schedule.cron', 'schedule.cron'], ['paths.lst', 'paths.lst'], ['report.csv', 'report.csv']]),
};

const { over, short, turnsAway } = effectChecks(ws);

test('what a request keeps out is read from its words, whatever word keeps it', () => {
  const kept = (words: string) => keptOut(words).flatMap((k) => k.kept.map((x) => x.word));
  assert.deepEqual(kept('wipe every file in here but the *cache* and *.lock files'), ['*cache*', '*.lock']);
  assert.deepEqual(kept('trash the .tmp files, without the ones in old'), ['old']);
  assert.deepEqual(kept('move all images apart from logo.png to assets'), ['logo.png']);
  assert.deepEqual(kept('delete the build outputs save for dist.zip'), ['dist.zip']);
  assert.deepEqual(kept('chmod 600 everything except the scripts folder'), ['scripts']);
  // "but first", "keep the originals", "all but the 3 newest": nothing a name test could keep.
  assert.deepEqual(kept('delete all the logs but first list them'), []);
  assert.deepEqual(kept('gzip the logs and keep the originals'), []);
  assert.deepEqual(kept('clear out the old folder but leave the folder itself'), []);
  assert.deepEqual(kept('remove all files but the 3 newest'), []);
  // A variable or a file's name that holds the word is no keeping.
  assert.deepEqual(kept('delete the files in old older than $KEEP days'), []);
  assert.deepEqual(kept('make an empty file called .keep in src'), []);
});

test('a name the request turns down is kept out too: not ending in, that are not, non-, without a suffix, unless in, save for the ones in', () => {
  const kept = (words: string) => keptOut(words).flatMap((k) => k.kept.map((x) => x.word));
  const verbs = ['delete', 'remove', 'gzip', 'move', 'chmod 600'];
  const turnedDown: [string, string][] = [
    ['all files in old not ending in .tmp', '.tmp'], ['the files that are not .csv', '.csv'], ["the files in src which aren't .py", '.py'],
    ['all non-csv files in old', 'csv'], ['the files without a .bak extension', '.bak'], ['the files not named report.csv', 'report.csv'],
    ['all files not matching *.log', '*.log'], ['every file in docs that isnt a .md file', '.md'],
    ['all .txt files unless they are in backup', 'backup'], ['all .txt files save for the ones in backup', 'backup'],
  ];
  for (const verb of verbs) for (const [object, word] of turnedDown) assert.deepEqual(kept(`${verb} ${object}`), [word], `${verb} ${object}`);
  // Negations of a state keep no name: an age, emptiness, an order.
  for (const words of ['delete files not modified in 30 days', 'delete the non-empty folders', 'do not delete anything yet', 'the files that are not empty', 'remove every file without a suffix in releases', 'delete the files without an extension']) assert.deepEqual(kept(words), [], words);
  // ... and a plan that picks what was turned down is turned away.
  assert.match(over('delete all files in old not ending in .tmp', "find old -type f -name '*.tmp' -delete"), /keeps|leave out/);
  assert.match(over('remove the files in src which are not .py', "find src -type f -name '*.py' -delete"), /keeps|leave out/);
  assert.match(over('delete all .txt files unless they are in backup', "find backup -type f -name '*.txt' -delete"), /keeps|leave out/);
});

test('a change that picks the very files the request keeps is turned away', () => {
  assert.match(over('wipe every file in here but the *cache* and *.lock files', "find . -type f \\( -name '*cache*' -o -name '*.lock' \\) -delete"), /changes what the request keeps/);
  assert.match(over('trash the .tmp files, without the ones in old', "find old -type f -name '*.tmp' -delete"), /changes what the request keeps/);
  assert.match(over('copy every file other than the *draft* ones to backup', "cp *draft* backup/"), /changes what the request keeps/);
});

test('a change with no test that leaves out what the request keeps is turned away, for every kind of change', () => {
  assert.match(over('wipe every file in here but the *cache* and *.lock files', 'find . -type f -delete'), /does not leave out \*cache\*, \*\.lock/);
  assert.match(over('trash the .tmp files, without the ones in old', "find . -type f -name '*.tmp' -delete"), /does not leave out old/);
  assert.match(over('move all the images apart from logo.png into assets', 'mv *.png assets/'), /does not leave out logo\.png/);
  assert.match(over('make every file here read-only, excluding the *.sh ones', 'chmod -R a-w .'), /does not leave out \*\.sh/);
  assert.match(over('zip up the project folder but not the *secret* files', 'zip -r project.zip project'), /does not leave out \*secret\*/);
  assert.match(over('replace foo with bar in every file except the *.md ones', "find . -type f -exec sed -i 's/foo/bar/g' {} +"), /does not leave out \*\.md/);
  // What is left out is no choice: the kind asked for must still be picked.
  assert.match(over('erase all pyc files but not those under old', "find . -type f -not -path '*/old/*' -delete"), /every kind but what it leaves out, but the request names the pyc files/);
  assert.doesNotMatch(over('erase all pyc files but not those under old', "find . -type f -name '*.pyc' -not -path '*/old/*' -delete"), /names the/);
  // ... and one that leaves them out, by any test that says so, passes.
  assert.doesNotMatch(over('wipe every file in here but the *cache* and *.lock files', "find . -type f ! -name '*cache*' ! -name '*.lock' -delete"), /keeps/);
  assert.doesNotMatch(over('trash the .tmp files, without the ones in old', "find . -path ./old -prune -o -type f -name '*.tmp' -print -delete"), /keeps/);
  assert.doesNotMatch(over('trash the .tmp files, without the ones in old', "find . -type f -name '*.tmp' -not -path '*/old/*' -delete"), /keeps/);
  assert.doesNotMatch(over('move all the images apart from logo.png into assets', 'ls *.png | grep -v logo.png | xargs mv -t assets'), /keeps/);
  assert.doesNotMatch(over('zip up the project folder but not the *secret* files', "zip -r project.zip project -x '*secret*'"), /keeps/);
  assert.doesNotMatch(over('delete everything here except hidden files', 'rm -f !(.*)'), /keeps/);
});

test('text taken out of files is an edit of them, never a rename or a delete', () => {
  assert.match(over('strip the ^M characters from all the *.csv files', 'for f in *.csv; do mv -n -- "$f" "^M$f"; done'), /renames files \(mv\), but the request asks to change what the files hold/);
  assert.match(over('get rid of the trailing spaces in every .py file', "find . -name '*.py' -delete"), /deletes files \(find\), but the request asks to change what the files hold/);
  assert.match(over('remove all the commas from report.csv', 'rm -f report.csv'), /deletes files \(rm\)/);
  assert.equal(short('strip the ^M characters from all the *.csv files', "sed -i 's/\\r$//' *.csv"), '');
  assert.equal(short('remove the carriage returns from notes.txt', "sed -i 's/\\r$//' notes.txt"), '');
  // ... and printing the files instead changes nothing that was asked.
  assert.match(short('strip the carriage returns from every .csv file', "find . -name '*.csv' -exec od -c {} +"), /changes nothing/);
  // ... nor whole lines deleted by their place, unless the request names that place.
  for (const request of ['remove trailing spaces from each line of notes.txt', 'strip the tabs from report.csv', 'delete the commas in notes.txt']) {
    for (const byPlace of ["sed -i '1d' notes.txt", "sed -i '$d' report.csv", "sed -i '2,$d' notes.txt"]) assert.match(over(request, byPlace), /deletes whole lines by their place/, `${byPlace} for "${request}"`);
  }
  assert.doesNotMatch(over('remove the first line and the trailing spaces of notes.txt', "sed -i '1d' notes.txt"), /by their place/);
  assert.doesNotMatch(over('delete the header from report.csv, commas and all', "sed -i '1d' report.csv"), /by their place/);
  // A request about names is one for a rename.
  assert.doesNotMatch(over('remove the spaces from the file names in docs', 'for f in docs/*; do mv -n -- "$f" "${f// /}"; done'), /what the files hold/);
});

test('a change to every line is no line appended at the end', () => {
  assert.match(over("append ' ;' to the end of every line in notes.txt", "printf '%s\\n' ' ;' >> notes.txt"), /adds one line at the end, but the request asks to change every line/);
  assert.match(over('add a "# " prefix at the start of each line of notes.txt', "echo '# ' | tee -a notes.txt"), /adds one line at the end/);
  assert.doesNotMatch(over("append ' ;' to the end of every line in notes.txt", "sed -i 's/$/ ;/' notes.txt"), /one line/);
  assert.doesNotMatch(over("append the line 'done' to notes.txt", "printf '%s\\n' done >> notes.txt"), /one line/);
});

test('a delete takes its targets from a file only when the request says the file lists them', () => {
  for (const command of ["xargs -r -d '\\n' rm -f -- < jobs.txt", 'rm -f $(cat jobs.txt)', 'cat jobs.txt | xargs rm -f', 'xargs -a jobs.txt rm -f']) {
    assert.match(over('wipe my scheduled jobs and load the list in jobs.txt instead', command), /changes whatever a file lists/, command);
    assert.match(over('clear the cron table, then take the entries from jobs.txt', command), /changes whatever a file lists/, command);
  }
  assert.doesNotMatch(over('delete the files listed in paths.lst', "xargs -r -d '\\n' rm -f -- < paths.lst"), /whatever a file lists/);
  assert.doesNotMatch(over('remove every path named in paths.lst', 'rm -f $(cat paths.lst)'), /whatever a file lists/);
  // Replacing the schedule is the delete asked for.
  assert.equal(short('wipe my scheduled cron jobs and load the list in jobs.txt instead', 'crontab jobs.txt'), '');
  assert.equal(short('remove all my cron jobs', 'crontab -r'), '');
});

test('the effect checks turn an archive the wrong way round away, after any other way the plan goes beyond the request', () => {
  assert.match(over('bundle the docs folder into docs.tar', 'tar -xf docs.tar'), /unpacks an archive, but the request asks to make one$/);
  assert.match(over('gzip notes.txt', 'gunzip -f notes.txt.gz'), /unpacks an archive, but the request asks to make one$/);
  assert.match(over('unpack the release archive into build', 'tar -czf build/release.tar.gz src'), /makes an archive, but the request asks to unpack one$/);
  assert.doesNotMatch(over('bundle the docs folder into docs.tar', 'tar -cf docs.tar docs'), /archive/);
});

test('an archive goes the way the request says: made for "archive", unpacked for "extract"', () => {
  const pack = (words: string, command: string) => packDirection(words, (decisionOf(command).facts as Facts).commands).join(' | ');
  for (const words of ['archive the directory structure into /tmp/dirs.tar', 'compress the logs folder', 'pack src into src.tar.gz', 'make a zip of docs']) {
    for (const unpacks of ['tar -xf /tmp/dirs.tar -C .', 'mkdir -p out && tar -xzf src.tar.gz -C out', 'unzip docs.zip', 'gunzip logs/app.log.gz']) assert.match(pack(words, unpacks), /unpacks an archive, but the request asks to make one/, `${unpacks} for "${words}"`);
    assert.equal(pack(words, 'tar -cf /tmp/dirs.tar .'), '', words);
  }
  for (const words of ['extract logs.tar.gz', 'unpack the release archive into build', 'decompress app.log.gz']) {
    assert.match(pack(words, 'tar -czf logs.tar.gz logs'), /makes an archive, but the request asks to unpack one/, words);
    assert.equal(pack(words, 'tar -xzf logs.tar.gz'), '', words);
  }
  // Listing is neither: "what is inside x.tar.gz? don't extract it".
  assert.equal(pack("what's inside site.tar.gz? don't extract it", 'tar -tzf site.tar.gz'), '');
  assert.equal(pack('extract logs.tar.gz', 'tar -tzf logs.tar.gz'), '');
});

test('a word for what a file has is no name to pick files by', () => {
  turnsAway([
    ['delete files with inode number 4242 under the current directory', "find . -type f -name 'inode*' -delete"],
    ['remove the files whose size is zero', 'find . -type f -name size -delete'],
    ['delete the files with the wrong permissions in old', "find old -type f -name '*permissions*' -delete"],
  ], /takes the word .* as a file name/);
  assert.equal(over('delete the file named size.txt', 'rm -- size.txt'), '');
});

test('a word taken out of a file is an edit of it: the file is never deleted for it', () => {
  for (const request of ['remove foo from notes.txt', "erase 'TODO' from report.csv", 'delete every occurrence of DEBUG from notes.txt', 'strip the word draft from all the md files', 'get rid of $HOME in notes.txt']) {
    for (const plan of ['rm -- notes.txt', "find . -type f -name '*.md' -delete", 'rm -f report.csv']) assert.match(over(request, plan), /deletes files \(\w+\), but the request asks to change what the files hold/, `${plan} for "${request}"`);
  }
  // Files taken out of a folder are files, and an extension taken off a name is no text in it.
  assert.doesNotMatch(over('strip the extension from index.html', 'mv -n index.html index'), /what the files hold/);
  for (const request of ['remove old files from src', 'delete the backups from docs', 'remove the .tmp files from old']) assert.doesNotMatch(over(request, "find old -type f -name '*.tmp' -delete"), /what the files hold/, request);
});

test('editor backups (*~) are named by the words for them, not by a folder called backup', () => {
  assert.match(over('delete foo.txt from backup', "find backup -type f -name '*~' -exec rm -f -- {} +"), /files named \*~/);
  assert.equal(over('delete the editor backups ending in ~', "find . -type f -name '*~' -delete"), '');
});

test('a part of names taken away is no delete, an edit of what files hold is no copy, and a line put at a place needs the place said', () => {
  // Generated: verbs × parts × how the names are said; every delete of the files is turned away, a rename is not.
  const verbs = ['remove', 'strip', 'delete', 'get rid of', 'drop'];
  const parts = ['the "123_" prefix', '"_dbg"', 'the suffix "-old"', 'the word draft'];
  const names = ['from all filenames of .txt files', 'from all file or directory names', 'from the names of the files in docs', 'from every file name under src'];
  let n = 0;
  for (const [i, verb] of verbs.entries()) {
    for (const [j, part] of parts.entries()) {
      const request = `${verb} ${part} ${names[(i + j) % names.length]}`;
      n++;
      assert.match(over(request, "find . -type f -name '*.txt' -exec rm -f -- {} +"), /takes a part of their names away/, request);
      assert.match(over(request, 'find . -name "*_dbg*" -delete'), /takes a part of their names away/, request);
      assert.doesNotMatch(over(request, `find . -name '*_dbg*' -exec sh -c 'for f; do mv -- "$f" "\${f/_dbg/}"; done' sh {} +`), /takes a part of their names away/, request);
    }
  }
  assert.equal(n, 20);
  for (const request of ['remove trailing tabs in .java files', 'strip the carriage returns from all .csv files', 'delete the trailing spaces in every .py file']) {
    assert.match(over(request, "find . -type f -name '*.java' -exec cp -t . {} +"), /copies files \(cp\)/, request);
  }
  for (const request of ['insert "|" every 30 characters in notes.txt', 'insert a space between every two letters in notes.txt']) {
    assert.match(over(request, "sed -i '1i |' notes.txt"), /names no line to put it at/, request);
  }
  for (const request of ['insert the line "# header" at the top of notes.txt', 'prepend "foo" to notes.txt', 'add "x" as the first line of notes.txt', 'insert "x" after line 3 of notes.txt']) {
    assert.doesNotMatch(over(request, "sed -i '1i x' notes.txt"), /names no line/, request);
  }
  // "as the first line of" adds to the file: a look at it changes nothing.
  assert.match(short('add "hello" as the first line of notes.txt', "sed -n '1p' notes.txt"), /changes nothing/);
});

test('a part taken out of names is never put in, a rename is needed, and a line said by its number goes there', () => {
  for (const request of ['remove the "123_" prefix from all filenames', 'delete the "_old" suffix from the file names', 'strip "draft-" from every file name in docs']) {
    const part = /"([^"]+)"/.exec(request)![1];
    assert.match(over(request, `for f in *; do mv -n -- "$f" ${part}"$f"; done`), /puts .* into the names/, request);
    assert.match(over(request, 'find . -exec touch -- {} +'), /renames nothing/, request);
    assert.doesNotMatch(over(request, `for f in *${part}*; do mv -n -- "$f" "\${f//${part}/}"; done`), /puts|renames nothing/, request);
  }
  for (const n of [2, 3, 7]) {
    const request = `insert "hello" at line ${n} of notes.txt`;
    assert.match(over(request, "sed -i '1i hello' notes.txt"), n === 1 ? /^$/ : new RegExp(`says line ${n}`), request);
    assert.match(over(request, "printf '%s\\n' hello >> notes.txt"), /adds at the end/, request);
    assert.doesNotMatch(over(request, `sed -i '${n}i hello' notes.txt`), /says line|names no line/, request);
  }
});
