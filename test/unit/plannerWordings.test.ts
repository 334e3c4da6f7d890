// Readings of wordings people use that the planner's own examples do not:
// slips of spelling, a search's object as its place, "change every X to Y",
// the end of a file asked for, lines by how they end, a range of lines, a
// file's contents, "where is NAME" and a file set to an octal mode.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadCorpus, type KnowledgeEntry } from '../../server/src/planner/corpus';
import { fallsShort } from '../../server/src/planner/fallsShort';
import { exclusionTests } from '../../server/src/planner/findConditions';
import { readStart } from '../../server/src/planner/findTests';
import { readIntent } from '../../server/src/planner/intent';
import { programFit } from '../../server/src/planner/programFit';
import { readRequest, spelled, type WorkspaceNames } from '../../server/src/planner/requestFacts';
import { shapedEntries } from '../../server/src/planner/requestShapes';
import { fillSlots } from '../../server/src/planner/slotFill';
import { fillTemplate } from '../../server/src/planner/templateFill';
import { decisionOf } from '../support/policyDecision';

const ws: WorkspaceNames = {
  files: new Set(['notes.txt', 'conf/app.conf', 'logs/app.log', 'data/config.json', 'src/lib/helpers.js']),
  dirs: new Set(['docs', 'logs', 'src', 'src/lib', 'conf', 'data']),
  byBase: new Map([['app.conf', 'conf/app.conf'], ['app.log', 'logs/app.log'], ['config.json', 'data/config.json'], ['helpers.js', 'src/lib/helpers.js'], ['lib', 'src/lib']]),
};
const read = (text: string) => readRequest(text, ws);
const intentOf = (text: string) => readIntent(read(text));
const values = (list: { value: string }[]) => list.map((f) => f.value);
function entry(template: string, slots: KnowledgeEntry['slots']): KnowledgeEntry {
  return { id: 't.t', intents: ['a b c', 'd e f', 'g h i'], template, slots, utilities: [template.split(' ')[0]], explanation: 'x', category: 'text' };
}

test('a slip in a word of the planner is read as the word; real words, names and quoted text stay as written', () => {
  assert.equal(spelled('delte build/small.bin'), 'delete build/small.bin');
  assert.equal(spelled('serach the docs for database'), 'search the docs for database');
  assert.equal(spelled('list the files in the direcotry src'), 'list the files in the directory src');
  assert.equal(spelled('Compres the logs folder'), 'Compress the logs folder');
  assert.equal(spelled('which files contian TODO'), 'which files contain TODO');
  for (const same of ['remove the remote branch', 'files older than a week', 'list the deleted files', 'grep "delte" in notes.txt', 'show delte.txt', 'the chance of rain', 'count the ERRORR lines', 'list the crates in cargo', 'removes nothing, renames nothing']) {
    assert.equal(spelled(same), same, same);
  }
});

test('the thing a search goes through is a place, and the word after "for" is the text', () => {
  assert.deepEqual(values(read('search the docs for database').dirs), ['docs']);
  assert.deepEqual(values(read('grep the logs for timeout').dirs), ['logs']);
  assert.deepEqual(values(read('grep the logs for timeout').patterns), ['timeout']);
  assert.deepEqual(values(read('show the lines of app.log that end in ms').patterns), ['ms']);
  assert.deepEqual(values(read('search for the docs').dirs), [], 'a search for a thing is no place');
});

test('"change every X to Y in FILE" is an edit of the file; printing the result falls short', () => {
  const printed = decisionOf("sed 's|8080|9090|g' conf/app.conf");
  assert.match(fallsShort(intentOf('change every 8080 to 9090 in conf/app.conf'), printed).join(), /changes nothing, but the request asks to change/);
  assert.deepEqual(fallsShort(intentOf('change every 8080 to 9090 in conf/app.conf'), decisionOf("sed -i 's|8080|9090|g' conf/app.conf")), []);
  // "remove the duplicate lines from names.txt" may print the file without them, as before.
  assert.deepEqual(fallsShort(intentOf('remove the comment lines from conf/app.conf'), decisionOf("grep -v '^#' conf/app.conf")), []);
  assert.deepEqual(fallsShort(intentOf('show conf/app.conf with every 8080 changed to 9090'), printed), [], 'a request to show may print');
});

test('a file set to octal digits is given that mode, and only a program that sets permissions does it', () => {
  assert.deepEqual(values(read('set notes.txt to 600').modes), ['600']);
  assert.deepEqual(values(read('set the volume to 600').modes), [], 'no file, no mode');
  assert.match(fallsShort(intentOf('set notes.txt to 600'), decisionOf('wc notes.txt')).join(), /changes no permissions/);
  assert.deepEqual(fallsShort(intentOf('set notes.txt to 600'), decisionOf('chmod 600 notes.txt')), []);
});

test('the end of a file asked for is the program that reads that end; tac answers only a reversal', () => {
  const head = entry('head -n {count} {file}', { count: { type: 'count' }, file: { type: 'file' } });
  const tail = entry('tail -n {count} {file}', { count: { type: 'count' }, file: { type: 'file' } });
  const tac = entry('tac {file}', { file: { type: 'file' } });
  const fit = (e: KnowledgeEntry, text: string) => programFit(e, { file: 'notes.txt', count: '3' }, read(text));
  assert.ok(fit(head, 'show the first twenty lines of notes.txt') > fit(tail, 'show the first twenty lines of notes.txt'));
  assert.ok(fit(tail, 'last line of notes.txt') > fit(head, 'last line of notes.txt'));
  assert.ok(fit(tail, 'last line of notes.txt') > fit(tac, 'last line of notes.txt'));
  assert.equal(fit(tac, 'print notes.txt in reverse order'), 0);
});

test('lines by how they end, and lines rather than the names of the files that hold them', () => {
  const anywhere = entry('grep -n {pattern} {file}', { pattern: { type: 'pattern' }, file: { type: 'file' } });
  const atEnd = entry("grep -n {pattern}'$' {file}", { pattern: { type: 'pattern' }, file: { type: 'file' } });
  const names = entry('grep -rl {pattern} {path}', { pattern: { type: 'pattern' }, path: { type: 'path' } });
  const lines = entry('grep -rn {pattern} {path}', { pattern: { type: 'pattern' }, path: { type: 'path' } });
  const f = read('show the lines of app.log that end in ms');
  assert.ok(programFit(atEnd, { pattern: 'ms', file: 'logs/app.log' }, f) > programFit(anywhere, { pattern: 'ms', file: 'logs/app.log' }, f));
  const g = read('lines containing TODO in src');
  assert.ok(programFit(lines, { pattern: 'TODO', path: 'src' }, g) > programFit(names, { pattern: 'TODO', path: 'src' }, g));
  const h = read('which files in src contain TODO');
  assert.equal(programFit(names, { pattern: 'TODO', path: 'src' }, h), programFit(lines, { pattern: 'TODO', path: 'src' }, h));
});

test('a line by its number, a range of lines, a file\'s contents and "where is NAME" call for their entries; a file\'s listing is no answer to its contents', () => {
  assert.deepEqual(shapedEntries(read('lines 2 to 4 of notes.txt')).map((s) => s.id), ['text.line_range']);
  assert.deepEqual(shapedEntries(read('show line 3 of notes.txt')).map((s) => s.id), ['text.line_n']);
  assert.deepEqual(shapedEntries(read('the third line of notes.txt')).map((s) => s.id), ['text.line_n']);
  assert.deepEqual(shapedEntries(read('print notes.txt from line 3 on')).map((s) => s.id), [], 'from a line on is no single line');
  assert.deepEqual(values(read('print the 2nd line of notes.txt').numbers), ['2']);
  assert.deepEqual(values(read('show the fifth line of notes.txt').numbers), ['5']);
  assert.deepEqual(shapedEntries(read("what's in data/config.json")).map((s) => s.id), ['text.cat']);
  assert.deepEqual(shapedEntries(read("what's in the docs folder")).map((s) => s.id), [], 'a folder is listed');
  assert.deepEqual(shapedEntries(readRequest("what's inside site.tar.gz", { ...ws, files: new Set([...ws.files, 'site.tar.gz']) })).map((s) => s.id), [], 'an archive lists its members');
  assert.deepEqual(shapedEntries(read('where is helpers.js')).map((s) => s.id), ['files.find_name']);
  const ls = entry('ls {path}', { path: { type: 'path', default: '' } });
  assert.ok(programFit(ls, { path: 'data/config.json' }, read("what's in data/config.json")) < programFit(ls, { path: 'docs' }, read("what's in the docs folder")));
});

test('find -name is given the last part of a path: it never matches a slash', () => {
  const findName = { template: 'find {path} -name {name}', slots: { path: { type: 'path' as const, default: '.' }, name: { type: 'glob' as const } } };
  assert.equal(fillTemplate(findName, { name: 'src/lib/helpers.js' }).command, 'find . -name helpers.js');
  assert.equal(fillTemplate(findName, { name: '*.js' }).command, "find . -name '*.js'");
  assert.equal(fillTemplate({ template: 'find {path} -path {p}', slots: { path: { type: 'path', default: '.' }, p: { type: 'glob' } } }, { p: 'src/lib/x' }).command, 'find . -path src/lib/x');
});

test('a place said after "aren\'t in" is left out, not where to look', () => {
  assert.deepEqual(intentOf("find .js files that aren't in the lib folder").scope, []);
  assert.deepEqual(intentOf('find .js files in the lib folder').scope, ['src/lib']);
  assert.equal(readStart(read("find .js files that aren't in the lib folder")), '.');
  assert.equal(readStart(read('find .js files that are not in the lib folder')), '.');
  assert.deepEqual(exclusionTests(read("find .js files that aren't in the lib folder")), ["-not -path '*/lib/*'"]);
  const tail = entry('tail -n +{start} {file}', { start: { type: 'number' }, file: { type: 'file' } });
  assert.ok(programFit(tail, { start: '2', file: 'notes.txt' }, read('the second line of notes.txt')) < programFit(tail, { start: '2', file: 'notes.txt' }, read('notes.txt from line 2 on')), 'tail -n +N is the rest of a file');
});

test('a count is one number unless a tally is asked; emptying a folder is no rmdir; a kind of file in a folder is what is changed; "does src have" names a place', () => {
  const tally = entry('grep {pattern} {file} | sort | uniq -c | sort -rn', { pattern: { type: 'pattern' }, file: { type: 'file' } });
  const v = { pattern: 'ERROR', file: 'logs/app.log' };
  assert.ok(programFit(tally, v, read('count errors in the app log')) < programFit(tally, v, read('count how often each error appears in the app log')));
  const rmdir = entry('rmdir {dir}', { dir: { type: 'dir' } });
  assert.ok(programFit(rmdir, { dir: 'docs' }, read('empty the docs folder')) < programFit(rmdir, { dir: 'docs' }, read('remove the empty docs folder')));
  const chmod = entry('chmod {mode} {path}', { mode: { type: 'mode' }, path: { type: 'path' } });
  assert.ok(programFit(chmod, { mode: 'a-w', path: 'data' }, read('take away write permission from all the csv files in data')) < programFit(chmod, { mode: 'a-w', path: 'data' }, read('take away write permission from data')));
  assert.deepEqual(values(read('how many sub-folders does src have?').dirs), ['src']);
});

test('a link\'s target is asked of the link, and only broken links are found with -xtype l', () => {
  const linked: WorkspaceNames = { ...ws, files: new Set([...ws.files, 'current']) };
  const f = readRequest('where does the current link point', linked);
  assert.deepEqual(values(f.paths), ['current']);
  assert.deepEqual(shapedEntries(f).map((s) => s.id), ['files.readlink']);
  const broken = entry('find {path} -xtype l', { path: { type: 'path', default: '.' } });
  assert.ok(programFit(broken, {}, read('find the symlinks')) < programFit(broken, {}, read('find the broken symlinks')));
});

test('files moved or copied "from X to Y" go from X to Y, and "to the tmp dir" is a destination', () => {
  const corpus = loadCorpus();
  const twoFolders: WorkspaceNames = { ...ws, dirs: new Set([...ws.dirs, 'tmp']) };
  for (const id of ['files.move_glob_to_dir', 'files.copy_glob_to_dir']) {
    const e = corpus.byId.get(id);
    assert.ok(e, id);
    for (const text of ['move all the csv files from data into tmp', 'copy every csv file from data to tmp']) {
      const filled = fillTemplate(e, fillSlots(e, readRequest(text, twoFolders)).values).command;
      assert.match(filled, /^find data .* -t tmp \{\} \+$/, `${id}: ${text}`);
    }
  }
  assert.deepEqual(values(readRequest('mv all csv files from data to the tmp dir', twoFolders).targets), ['tmp']);
  assert.deepEqual(values(readRequest('it is time to empty the bin', twoFolders).targets), []);
});

test('a file in capitals or lower case, the kind of a file, a part of a name and the biggest file', () => {
  assert.deepEqual(shapedEntries(read('print notes.txt in capitals')).map((s) => s.id), ['text.upper']);
  assert.deepEqual(shapedEntries(read('show notes.txt in lower case')).map((s) => s.id), ['text.lower']);
  assert.deepEqual(shapedEntries(read('what kind of file is notes.txt')).map((s) => s.id), ['files.file_type']);
  const exact = entry('find {path} -name {name}', { path: { type: 'path', default: '.' }, name: { type: 'name' } });
  assert.ok(programFit(exact, { name: 'notes' }, read("any file with 'notes' in its name?")) < programFit(exact, { name: 'notes' }, read("any file named 'notes'?")));
  const du = entry('du -h {path} | sort -rh | head -n 1', { path: { type: 'path' } });
  assert.ok(programFit(du, { path: 'src' }, read('biggest file in src?')) < programFit(du, { path: 'src' }, read('biggest folder in src?')));
});
