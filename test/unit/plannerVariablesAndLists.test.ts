// Requests that keep a value in a shell variable, name several places for
// one slot, write values as shell variables or find files by what they hold.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KnowledgeEntry } from '../../server/src/planner/corpus';
import { folderMove } from '../../server/src/planner/changeDirectory';
import type { EmbeddedCandidate } from '../../server/src/planner/embeddedPlanner';
import { preferSelection } from '../../server/src/planner/findSelection';
import { listedWith, quotedLists } from '../../server/src/planner/namedList';
import { archiveTo, programFit } from '../../server/src/planner/programFit';
import { readRequest } from '../../server/src/planner/requestFacts';
import { fillSlots } from '../../server/src/planner/slotFill';
import { fillTemplate, shellQuote } from '../../server/src/planner/templateFill';
import { textValue } from '../../server/src/planner/valueInput';
import { assigned, variableTarget } from '../../server/src/planner/variableTarget';

function entry(template: string, slots: KnowledgeEntry['slots']): KnowledgeEntry {
  return { id: 't.t', intents: ['a b c', 'd e f', 'g h i'], template, slots, utilities: [template.split(' ')[0]], explanation: 'x', category: 'files' };
}
const plan = (e: KnowledgeEntry, request: string) => fillTemplate(e, fillSlots(e, readRequest(request)).values).command;
const values = (list: { value: string }[]) => list.map((f) => f.value);

test('the variable a request fills and the request for its value', () => {
  assert.deepEqual(variableTarget('Store the name of the current folder in the variable here'), { name: 'here', value: 'print the name of the current folder' });
  assert.deepEqual(variableTarget("set variable 'today' to the date in ISO format"), { name: 'today', value: 'print the date in ISO format' });
  assert.deepEqual(variableTarget('count the lines of notes.txt and keep the result in the variable n'), { name: 'n', value: 'count the lines of notes.txt' });
  assert.deepEqual(variableTarget('save the kernel version into the "KVER" variable.'), { name: 'KVER', value: 'print the kernel version' });
  assert.equal(variableTarget('print the PATH variable'), undefined, 'a variable to read is no variable to fill');
  assert.equal(variableTarget('save the list of files to files.txt'), undefined, 'a file is no variable');
});

test('a variable to be seen by the programs the shell starts is exported, and that clause is no part of its value', () => {
  assert.deepEqual(variableTarget('Set variable KVER to the kernel release, making this variable visible by subprocesses of the current shell.'), { name: 'KVER', value: 'print the kernel release', exported: true });
  assert.deepEqual(variableTarget('save the current date in the variable today and export it'), { name: 'today', value: 'print the current date', exported: true });
  assert.deepEqual(variableTarget('export variable JAVA_HOME as the folder of the javac program'), { name: 'JAVA_HOME', value: 'print the folder of the javac program', exported: true });
  assert.equal(assigned('today', 'date', true), 'export today=$(date)');
});

test('a value is captured as the output of one command', () => {
  assert.equal(assigned('here', 'basename "$PWD"'), 'here=$(basename "$PWD")');
  assert.equal(assigned('x', ''), undefined);
  assert.equal(assigned('x', 'y=$(date)'), undefined, 'an assignment is not output to capture');
});

test('several quoted names for one place fill one slot as separate words', () => {
  assert.deepEqual(values(quotedLists('give "ops" the folders "api", "web" and \'jobs\'')[0]), ['api', 'web', 'jobs']);
  assert.equal(quotedLists('replace "old text" and "new text"').length, 0, 'phrases are text, not names');
  const chown = entry('chown -R {user} {path}', { user: { type: 'user' }, path: { type: 'path' } });
  assert.equal(plan(chown, 'recursively change the owner of "api", "web", and "jobs" to alice'), 'chown -R alice api web jobs');
  const wc = entry('wc -l {file}', { file: { type: 'file' } });
  assert.equal(plan(wc, 'line counts of "a.md", "b.md" and "my notes.md"'), 'wc -l a.md', 'a list with a phrase in it is text, not names');
  assert.equal(plan(wc, 'how many lines are in "a.md", "b.md" or "c.md"'), 'wc -l a.md b.md c.md');
  const cp = entry('cp {src} {dest}', { src: { type: 'path' }, dest: { type: 'path' } });
  // A list is what is copied, never a source and the place it goes over: the place is still to be given.
  assert.equal(plan(cp, 'copy "a.md" and "b.md"'), "cp a.md b.md '<dest>'", 'the sources of a copy take the whole list');
  assert.equal(plan(cp, 'copy "a.md" and "b.md" to docs'), 'cp a.md b.md docs');
  const mkdir = entry('mkdir -p {dir}', { dir: { type: 'dir' } });
  assert.equal(plan(mkdir, 'make the folders "in", "out" and "tmp"'), 'mkdir -p in out tmp');
  const names = readRequest('create directories "in", "out" and "tmp"');
  assert.equal(listedWith(names.text, names.dirs[0])?.length, 3);
  assert.deepEqual(values(names.dirs), ['in', 'out', 'tmp'], 'the names of one list are places of one kind');
});

test('values written as shell variables stay variables', () => {
  assert.equal(shellQuote('$HOME'), '"$HOME"');
  assert.equal(shellQuote('${dir}/logs'), '"${dir}/logs"');
  assert.equal(shellQuote('$(rm -rf x)'), "'$(rm -rf x)'", 'a substitution is never left to run');
  assert.equal(shellQuote('$a b'), "'$a b'");
  assert.equal(shellQuote('`id`$x'), "'`id`$x'");
  assert.deepEqual(values(readRequest('change the owner to "$USER" of build').users), ['$USER']);
  assert.deepEqual(values(readRequest('give ownership of /srv/app to the current user').users), ['$USER']);
});

test('a capitalised kind of file is no text to look for', () => {
  assert.deepEqual(values(readRequest('find the PHP files that mention mysql_query').globs), ['*.php']);
  assert.ok(!values(readRequest('find the PHP files that mention mysql_query').patterns).includes('PHP'));
});

function candidate(command: string, confidence: number, source = 'x'): EmbeddedCandidate {
  return { command, confidence, explanation: '', source, filled: [], missing: [] };
}

test('files found by what they hold: asked with find, the find that lists them comes first', () => {
  const list = () => [candidate('grep -rl needle .', 0.95), candidate('find . -type f -exec grep -l needle {} +', 0.9, 'find.selection')];
  const found = list();
  preferSelection(found, 'find files that contain needle');
  assert.ok(found[1].confidence > found[0].confidence);
  const asked = list();
  preferSelection(asked, 'which files contain needle');
  assert.ok(asked[0].confidence > asked[1].confidence, 'a question keeps grep first');
});

test('a request that first moves into a folder', () => {
  assert.deepEqual(folderMove('go to the build folder and list the object files'), { dir: 'build', rest: 'list the object files' });
  assert.deepEqual(folderMove('Change the working directory to "/srv/site", then count the html files.'), { dir: '/srv/site', rest: 'count the html files' });
  assert.deepEqual(folderMove('cd into $HOME/src and show what changed'), { dir: '$HOME/src', rest: 'show what changed' });
  assert.equal(folderMove('go to the end of the file and add a line'), undefined, 'a place in a file is no folder');
  assert.equal(folderMove('list the files in src and sort them'), undefined);
});

test('a program slot takes the name of a program, the tree is drawn by tree', () => {
  const tee = entry('{program} 2>&1 | tee {file}', { program: { type: 'name' }, file: { type: 'file' } });
  const fit = (e: KnowledgeEntry, values: Record<string, string>, request: string) => programFit(e, values, readRequest(request));
  const request = 'write the output of "nightly" to the screen and to run.log';
  assert.ok(fit(tee, { program: 'nightly', file: 'run.log' }, request) > fit(tee, { program: "'a b c'", file: 'run.log' }, request));
  assert.ok(fit(tee, { program: 'nightly', file: 'run.log' }, request) > fit(tee, { program: 'run.log', file: 'nightly' }, request), 'a log file is no program');
  const tree = entry('tree {path}', { path: { type: 'path', default: '.' } });
  assert.ok(fit(tree, {}, 'print the directory tree of docs') > fit(tree, {}, 'json files anywhere in the tree'));
  assert.ok(fit(tree, {}, 'json files anywhere in the tree') > fit(tree, {}, 'print the current directory'), 'no tree without the word');
});

test('what lies inside a folder is changed inside it, at any depth', () => {
  const fit = (template: string, request: string) => programFit(entry(template, { path: { type: 'path' }, mode: { type: 'mode' } }), {}, readRequest(request));
  const request = 'set the mode of all the regular files in the folder www to 640';
  assert.ok(fit('find {path} -type f -exec chmod {mode} {} +', request) > fit('chmod {mode} {path}', request), 'the folder itself is not its files');
  assert.ok(fit('find {path} -type f -exec chmod {mode} {} +', request) > fit('ls -l {path}', request), 'a change of permissions runs chmod');
  const count = 'count the lines of each *.rb file in this folder and its subfolders';
  const glob = entry('wc -l {glob}', { glob: { type: 'glob' } });
  assert.ok(programFit(glob, {}, readRequest(count)) < programFit(glob, {}, readRequest('count the lines of each *.rb file here')), 'a glob sees the top level only');
});

test('a part of a path is asked for by what it is', () => {
  const fit = (template: string, request: string) => programFit(entry(template, { path: { type: 'path' } }), {}, readRequest(request));
  assert.ok(fit('basename {path}', 'the last part of the path $p') > fit('dirname {path}', 'the last part of the path $p'));
  assert.ok(fit('dirname {path}', 'the folder containing the file $p') > fit('basename {path}', 'the folder containing the file $p'));
  assert.ok(fit('basename "$PWD"', 'print the base name of the working directory') > fit('pwd', 'print the base name of the working directory'));
  const suffix = entry('basename {path} {suffix}', { path: { type: 'path' }, suffix: { type: 'string', default: '.txt' } });
  assert.ok(programFit(suffix, {}, readRequest('the base name of $p')) < fit('basename {path}', 'the base name of $p'), 'no suffix nobody named');
  assert.deepEqual(values(readRequest('the location of file $1').files), ['$1']);
  assert.deepEqual(values(readRequest('list what is in the directory "${target}"').paths), ['${target}']);
  assert.deepEqual(values(readRequest('list what is in the directory "${target}"').dirs), [], 'no folder of the scope: where it points is known only when run');
  assert.deepEqual(values(readRequest('print $HOME').paths), [], 'a variable to print is no place');
});

test('owners, groups and files named in words', () => {
  assert.deepEqual(values(readRequest('set the owner and group of the file app_db to user and group postgres').users), ['postgres', 'postgres']);
  assert.deepEqual(values(readRequest('change owner and group of the file a-1 to user bob and group devs').users), ['bob', 'devs']);
  assert.deepEqual(values(readRequest('set the owner and group of the file app_db to user and group postgres').files), ['app_db']);
  assert.deepEqual(values(readRequest('show the file size and owner').files), [], 'a word after "file" that is no name');
  const fit = (template: string, request: string) => programFit(entry(template, {}), {}, readRequest(request));
  const both = 'give user and group nginx the ownership of www_root';
  assert.ok(fit('chown {user}:{group} {path}', both) > fit('chgrp {group} {path}', both), 'chgrp changes half of it');
  assert.ok(fit('pstree -p', 'draw the process tree') > fit('ps aux', 'draw the process tree'));
});

test('text held in a variable or written in the request is the input, not a file', () => {
  const none = { files: new Set<string>(), dirs: new Set<string>(), byBase: new Map<string, string>() };
  assert.equal(textValue("print the third comma-separated field of variable 'row'", none), '"$row"');
  assert.equal(textValue('convert the characters of $title to lower case', none), '"$title"');
  assert.equal(textValue('reverse the characters of the string "stressed"', none), 'stressed');
  assert.equal(textValue('count the characters in $file', none), undefined, 'a variable named for a file holds a file name');
  assert.equal(textValue('count the characters of the value $file', none), '"$file"');
  assert.equal(textValue('count the words in "report.txt"', none), undefined, 'a file name is a file');
  assert.equal(textValue('list the files in $dir', none), undefined);
});

test('"archive X to Y" is an archive copy when Y is no archive file', () => {
  assert.ok(archiveTo.test('Archive "site" to "/srv/backup" keeping the permissions'));
  assert.ok(archiveTo.test('archive the photos folder to the usb disk'));
  assert.ok(!archiveTo.test('archive the logs folder'), 'no destination: an archive file');
  assert.ok(!archiveTo.test('list what would be archived to tape'), 'only an order to archive');
  const rsync = entry('rsync -a {src} {dest}', { src: { type: 'path' }, dest: { type: 'path' } });
  assert.ok(programFit(rsync, {}, readRequest('archive site to /srv/backup')) > programFit(rsync, {}, readRequest('archive site to site.tar.gz')));
});

test('a field said with its separator is a column', () => {
  assert.deepEqual(values(readRequest('print the third comma-separated field of each line').columns), ['3']);
  assert.deepEqual(values(readRequest('the 2nd tab-delimited column of data.tsv').columns), ['2']);
  assert.deepEqual(values(readRequest('the last colon-separated field of $p').columns), [], 'no column number for the last one');
  const fit = (template: string) => programFit(entry(template, {}), {}, readRequest("the second field of variable 'row'"));
  assert.ok(fit('echo {text} | cut -d: -f {column}') > fit('printenv {name}'), 'a part of the value, not the whole of it');
});
