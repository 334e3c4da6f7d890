// Reading the values and acts that pick a program other than find: hosts,
// owners, folders and names as people write them, third-person orders, and
// the fit of a template's program to what the request says.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KnowledgeEntry } from '../../server/src/planner/corpus';
import { readIntent } from '../../server/src/planner/intent';
import { programFit } from '../../server/src/planner/programFit';
import { readRequest } from '../../server/src/planner/requestFacts';

function entry(template: string, slots: KnowledgeEntry['slots'] = {}): KnowledgeEntry {
  return { id: 't.t', intents: ['a b c', 'd e f', 'g h i'], template, slots, utilities: [template.split(' ')[0]], explanation: 'x', category: 'text' };
}
const values = (list: { value: string }[]) => list.map((f) => f.value);

test('hosts are read in quotes, after a user and by their shape', () => {
  assert.deepEqual(values(readRequest('send 4 pings to host "buildbox"').hosts), ['buildbox']);
  assert.deepEqual(values(readRequest('ping "example.org" twice').hosts), ['example.org']);
  assert.deepEqual(values(readRequest('ssh to deploy@web-1 and run uptime').hosts), ['web-1']);
  assert.deepEqual(values(readRequest('print "notes.txt"').hosts), [], 'a quoted file name is no host');
  assert.deepEqual(values(readRequest('mail the report to ops@example.com').users), [], 'a mail address names no user');
});

test('owners and groups are read where people put them', () => {
  assert.deepEqual(values(readRequest('change the owner of every file in /srv/app to www-data').users), ['www-data']);
  assert.deepEqual(values(readRequest('make tomcat the owner of webapps').users), ['tomcat']);
  assert.deepEqual(values(readRequest('change the group of report.txt to staff').users), ['staff']);
  assert.deepEqual(values(readRequest('ssh into alice@build.example.com').users), ['alice']);
});

test('a quoted path said to be a folder is a folder; a quoted name after a file verb is a file', () => {
  assert.deepEqual(values(readRequest('change directory to "/opt/tools"').dirs), ['/opt/tools']);
  assert.deepEqual(values(readRequest('make the folders "out/2024/jan" as needed').dirs), ['out/2024/jan']);
  assert.deepEqual(values(readRequest("remove 'scratch' now").files), ['scratch']);
  assert.deepEqual(values(readRequest('list files in "dir1" that are not in "dir2"').dirs), ['dir1', 'dir2'], 'bare names where folders are expected');
  assert.deepEqual(values(readRequest('print "hello there"').files), [], 'quoted text is not a file');
  assert.deepEqual(values(readRequest('mount //fs1/public on /mnt/public as user bob').paths), ['//fs1/public', '/mnt/public'], 'a share is a path');
  assert.deepEqual(values(readRequest('mount //fs1/public on /mnt/public as user bob').targets), [], '"as user" names no destination');
});

test('shell options and the programs of a manual are names', () => {
  assert.ok(values(readRequest('enable the shell option extglob').names).includes('extglob'));
  assert.ok(values(readRequest('turn off the nullglob option').names).includes('nullglob'));
  assert.ok(values(readRequest('show the man page of rsync').names).includes('rsync'));
});

test('a request that starts with a verb in its third person orders it; a plural noun does not', () => {
  const acts = (text: string) => readIntent(readRequest(text)).actions;
  assert.deepEqual(acts("Removes the file 'old.log'"), ['delete']);
  assert.deepEqual(acts('Copies a.txt to b.txt'), ['create']);
  assert.deepEqual(acts('commits authored by Bob'), []);
  assert.deepEqual(acts('lists the files in src'), []);
  assert.deepEqual(acts('write "done" to standard output'), [], 'printing writes no file');
  assert.deepEqual(acts('write "done" to notes.txt'), ['create']);
  assert.deepEqual(acts('display the message "delete everything"'), [], 'a quoted word is a value, not an order');
  assert.deepEqual(acts('delete the file "old.log"'), ['delete']);
});

test('mounting changes, signals stop, mirroring creates, ssh forwarding runs a program', () => {
  const read = (text: string) => readIntent(readRequest(text));
  assert.deepEqual(read('mount /dev/sdb1 on /mnt/usb').actions, ['change']);
  assert.deepEqual(read('send SIGKILL to process 4242').actions, ['stop']);
  assert.deepEqual(read('mirror the docs folder into /srv/docs').actions, ['create']);
  assert.ok(read('forward local port 8080 to port 80 on web.example.com').allows.runCode);
  assert.ok(!read('list the files in src').allows.runCode);
});

test('the program fits the values and the words of the request', () => {
  const fit = (template: string, request: string, vals: Record<string, string> = {}) => programFit(entry(template), vals, readRequest(request));
  assert.ok(fit('zcat {file}', 'print notes.txt', { file: 'notes.txt' }) < 0, 'zcat cannot read a text file');
  assert.equal(fit('zcat {file}', 'print logs.gz', { file: 'logs.gz' }), 0);
  assert.ok(fit('cd {dir}', 'the scala files in the directory src', { dir: 'src' }) < 0, 'nobody asked to go there');
  assert.equal(fit('cd {dir}', 'go to src', { dir: 'src' }), 0);
  assert.ok(fit('seq {start} {end}', 'the smallest number in numbers.txt') < 0, 'seq makes up its own numbers');
  assert.ok(fit("printf '%s\\n' {text} | rev", 'print the text "ready"') < 0, 'reversing was not asked for');
  assert.ok(fit('shred -u {file}', 'remove old.log', { file: 'old.log' }) < fit('rm -- {file}', 'remove old.log', { file: 'old.log' }));
  assert.ok(fit('curl -sS {url}', 'fetch https://example.com with curl') > 0, 'the program the request names');
});

test('the text of many files is read by the plan, not listed', () => {
  const fit = (template: string, request: string) => programFit(entry(template), {}, readRequest(request));
  const requests = ['display the contents of all the regular files in src', 'show the contents of every log file', 'print the contents of the files in build', 'print all the markdown files\' contents', 'output the text of each .conf file under etc'];
  for (const request of requests) {
    assert.ok(fit("find {path} -type f -exec cat {} +", request) > fit('find {path} -type f', request), request);
    assert.ok(fit('ls {path}', request) < fit("find {path} -type f -name {glob} -exec cat {} +", request), request);
  }
  // One named file, or a list of names, is not this class.
  assert.equal(fit('find {path} -type f', 'list all the files in src'), fit('find {path} -type f', 'list all the files in src '));
  assert.ok(fit('find {path} -type f', 'list all the files in src') >= fit('find {path} -type f -exec cat {} +', 'list all the files in src'));
});

test('wc counts the unit the request names; a walk of every file drops a kind that is named', () => {
  const fit = (template: string, request: string) => programFit(entry(template), {}, readRequest(request));
  for (const [unit, right, wrong] of [['bytes', 'wc -c {file}', 'wc -l {file}'], ['lines', 'wc -l {file}', 'wc -w {file}'], ['words', 'wc -w {file}', 'wc -c {file}']]) {
    for (const request of [`print the number of ${unit} in notes.txt`, `how many ${unit} does report.csv have`]) assert.ok(fit(right, request) - fit(wrong, request) >= 0.3, request);
  }
  for (const request of ['count words in each md file', 'show the size of every log file', 'list the python files under src']) {
    assert.ok(fit("find {path} -type f -not -path '*/.*' -exec wc -w {} \\;", request) < fit('find {path} -type f -name {glob} -exec wc -w {} +', request), request);
  }
});

test('a sort, a swap, a dedupe or a tally is what the request asks for, not a way to show a column', () => {
  const fit = (template: string, request: string) => programFit(entry(template), {}, readRequest(request));
  const steps: [string, string[]][] = [
    ['sort -t, -k {column},{column} {file}', ['sort people.csv by the second column', 'order the rows by age', 'the oldest first', 'rank them by score']],
    ["awk '{t = $1; $1 = $2; $2 = t; print}' {file}", ['swap the first two columns', 'exchange column 1 and 2', 'print the second field then the first']],
    ['tail -n +2 {file} | cut -d, -f {column} | sort -u', ['the distinct cities', 'which names appear', 'each name once']],
    ['cut -d, -f {column} {file} | sort | uniq -c', ['how many rows per city', 'count each name', 'how often each value occurs']],
    ['shuf -n 1 {file}', ['a random line of it', 'pick any one row', 'shuffle the rows']],
    ['sort {file} | uniq -u', ['the lines that occur only once', 'the rows that are not repeated', 'the unique lines']],
    ['chmod a-w {file}', ['make it read-only', 'take away write permission from others', 'chmod it to 444']],
  ];
  for (const [template, asks] of steps) {
    for (const plain of ['show the second column of people.csv', 'print column 3 of data.csv', 'what is in the name field of users.csv']) {
      for (const ask of asks) assert.ok(fit(template, plain) < fit(template, ask), `${template}: "${plain}" fits worse than "${ask}"`);
    }
  }
});

test('how many files is a count of files; the lines in them are counted only when asked', () => {
  const fit = (template: string, request: string) => programFit(entry(template), {}, readRequest(request));
  const contents = ['find {path} -type f -name {glob} -exec cat {} + | wc -l', 'find {path} -name {glob} -print0 | xargs -0 wc -l', 'find {path} -name {glob} -exec wc -w {} +'];
  for (const request of ['how many ts files are in src', 'count how many python files there are', 'the number of json files in the project', 'count the csv files under data']) {
    for (const t of contents) assert.ok(fit(t, request) <= -0.3, `${t} for "${request}"`);
    assert.equal(fit('find {path} -type f -name {glob} | wc -l', request), 0, request);
  }
  for (const request of ['how many lines are in the ts files', 'count the words in all markdown files', 'number of lines of code in the python files']) {
    for (const t of contents.slice(0, 1)) assert.ok(fit(t, request) > -0.3, `${t} for "${request}"`);
  }
});

test('a span back from HEAD is for a number of commits, not for the last one alone', () => {
  const fit = (request: string) => programFit(entry('git diff HEAD~{count} HEAD', { count: { type: 'count' } }), {}, readRequest(request));
  for (const one of ['show the diff of the last commit', 'what did the latest commit change']) {
    for (const many of ['show the diff of the last 3 commits', 'what changed over the last five commits', 'the changes of the last couple of commits']) assert.ok(fit(one) < fit(many) - 0.3, `"${one}" vs "${many}"`);
  }
});

test('"find the duplicate lines" asks for the repeats; a filter that drops them answers "remove the duplicates"', () => {
  const fit = (template: string, request: string) => programFit(entry(template), {}, readRequest(request));
  const drops = "awk '!seen[$0]++' {file}";
  for (const find of ['find duplicate lines in notes.txt', 'which lines are duplicated in list.txt', 'show me the duplicates in names.txt']) {
    for (const remove of ['remove duplicate lines from notes.txt', 'print list.txt without the duplicate lines', 'dedupe names.txt keeping the first occurrence']) {
      assert.ok(fit(drops, find) < fit(drops, remove), `"${find}" vs "${remove}"`);
    }
  }
});
