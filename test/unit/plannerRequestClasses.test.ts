import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { counted, perFile, splitForEach } from '../../server/src/planner/compose';
import type { KnowledgeEntry } from '../../server/src/planner/corpus';
import { readRequest, type WorkspaceNames } from '../../server/src/planner/requestFacts';
import { namedKeys } from '../../server/src/planner/jsonKeys';
import { readDates } from '../../server/src/planner/requestDates';
import { readWordPatterns } from '../../server/src/planner/requestPatterns';
import { resolveBack, splitSequence } from '../../server/src/planner/sequence';
import { readAuthors, readRefs } from '../../server/src/planner/requestGit';
import { fillSlots } from '../../server/src/planner/slotFill';
import { withWordParts } from '../../server/src/planner/plannerData';
import { fitToTable, namedColumns } from '../../server/src/planner/tableColumns';
import { fillTemplate } from '../../server/src/planner/templateFill';

function entry(template: string, slots: KnowledgeEntry['slots']): KnowledgeEntry {
  return { id: 't.t', intents: ['a b c', 'd e f', 'g h i'], template, slots, utilities: [template.split(' ')[0]], explanation: 'x', category: 'git' };
}

function fill(e: KnowledgeEntry, request: string, ws?: WorkspaceNames): string {
  return fillTemplate(e, fillSlots(e, readRequest(request, ws)).values).command;
}

test('dates are read the way date -d and git --since take them', () => {
  const values = (text: string) => readDates(text.toLowerCase()).map((d) => d.value);
  assert.deepEqual(values('commits since 2023-11-05'), ['2023-11-05']);
  assert.deepEqual(values('what happened on March 3rd, 2022'), ['2022-03-03']);
  assert.deepEqual(values('between 4 July 2021 and 2021-08-01'), ['2021-07-04', '2021-08-01']);
  assert.deepEqual(values('the date 45 days ago'), ['45 days ago']);
  assert.deepEqual(values('what day is it three weeks from now'), ['+3 weeks']);
  assert.deepEqual(values('epoch seconds of 2020-02-02 12:30 UTC'), ['2020-02-02 12:30 UTC']);
  assert.deepEqual(values('yesterday'), ['yesterday']);
  assert.deepEqual(values('the 5 biggest files'), []);
});

test('authors are the people named as writing the commits, never the verbs around them', () => {
  const values = (text: string) => readAuthors(text).map((a) => a.value);
  assert.deepEqual(values('how many commits has Priya made'), ['Priya']);
  assert.deepEqual(values('the commits authored by Jane Doe'), ['Jane Doe']);
  assert.deepEqual(values('what did sam change last week'), ['sam']);
  assert.deepEqual(values("Omar's commits"), ['Omar']);
  assert.deepEqual(values('list the commits by date'), [], 'a date is no author');
  assert.deepEqual(values('show the commit log'), []);
});

test('branch and tag names are found by their shape, not inside file names', () => {
  assert.deepEqual(readRefs('diff hotfix/crash against master').map((r) => r.value), ['hotfix/crash', 'master']);
  assert.deepEqual(readRefs('open src/main.js').map((r) => r.value), []);
  assert.deepEqual(readRefs('what changed after v2.3.1').map((r) => r.value), ['v2.3.1']);
});

test('git templates take the author, the date and the range from the request', () => {
  const byAuthor = entry('git log --oneline -i --author={author}', { author: { type: 'author' } });
  assert.equal(fill(byAuthor, 'which commits did Priya Shah author'), "git log --oneline -i --author='Priya Shah'");
  const since = entry('git log --oneline --since={since}', { since: { type: 'date', default: '1 week ago' } });
  assert.equal(fill(since, 'commits after 2022-12-24'), 'git log --oneline --since=2022-12-24');
  assert.equal(fill(since, 'commits in the last 3 days'), "git log --oneline --since='3 days ago'", 'an age is a date relative to now');
  const range = entry('git log --oneline {base}..{branch}', { base: { type: 'branch', default: 'main', cues: ['not in', 'not on', 'not'] }, branch: { type: 'branch', default: 'HEAD' } });
  assert.equal(fill(range, 'commits on topic/search that are not on develop'), 'git log --oneline develop..topic/search');
});

test('a named commit is the one shown: ids, HEAD~N and words; a hex word in a request about text stays text', () => {
  const show = entry('git show {commit}', { commit: { type: 'commit', default: 'HEAD' } });
  assert.equal(fill(show, 'what changed in commit 4f2a9c1'), 'git show 4f2a9c1');
  assert.equal(fill(show, 'show commit HEAD~3'), "git show 'HEAD~3'");
  assert.equal(fill(show, 'what did the commit before last change'), "git show 'HEAD~1'");
  assert.equal(fill(show, 'show the commit from 2 commits ago'), "git show 'HEAD~2'");
  assert.equal(fill(show, 'show the commit'), 'git show HEAD', 'no commit named: the default');
  assert.deepEqual(readRequest('the diff of the latest commit').commits.map((c) => c.value), ['HEAD'], '"the latest commit" names HEAD');
  assert.deepEqual(readRequest('search the logs for deadbeef1').commits, [], 'not a request about commits');
  assert.ok(readRequest('search the logs for "deadbeef1"').patterns.some((p) => p.value === 'deadbeef1'));
  assert.deepEqual(readRequest('files changed by 9fceb02 in git').commits.map((c) => c.value), ['9fceb02']);
});

test('"smaller than" sizes are said in bytes, because find rounds sizes up to whole units', () => {
  const small = entry('find {path} -type f -size {size}', { path: { type: 'path', default: '.' }, size: { type: 'size', default: '-1M' } });
  assert.equal(fill(small, 'files smaller than 2 kilobytes'), 'find . -type f -size -2048c');
  assert.equal(fill(small, 'files bigger than 3 megabytes'), 'find . -type f -size +3M');
});

test('CSV columns are found by the header names the request uses, and headers stay out of sums, counts and sorts', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-table-'));
  try {
    fs.mkdirSync(path.join(root, 'in'));
    fs.writeFileSync(path.join(root, 'in/orders.csv'), 'day,country,price\n2021-01-01,fr,10\n2021-01-02,de,25\n2021-01-03,fr,5\n');
    const ws: WorkspaceNames = { files: new Set(['in/orders.csv']), dirs: new Set(['in']), byBase: new Map([['orders.csv', 'in/orders.csv']]), root };
    const facts = (text: string) => readRequest(text, ws);
    assert.deepEqual(namedColumns(facts('total price per country in orders.csv')).map((c) => c.value), ['3', '2']);
    assert.deepEqual(namedColumns(facts('list the distinct countries of orders.csv')).map((c) => c.value), ['2'], 'plural and singular agree');
    const group = entry("awk -F, 'NR > 1 {s[${key}] += ${column}} END {for (k in s) print k, s[k]}' {file}", { key: { type: 'column', cues: ['per'] }, column: { type: 'column' }, file: { type: 'file' } });
    assert.equal(fill(group, 'total price per country in orders.csv', ws), "awk -F, 'NR > 1 {s[$2] += $3} END {for (k in s) print k, s[k]}' in/orders.csv");
    const f = facts('sort orders.csv by price, highest first');
    assert.equal(fitToTable('sort -t, -k 3,3 in/orders.csv', f), 'sort -t, -k3,3nr in/orders.csv', 'a numeric column sorts as numbers');
    assert.equal(fitToTable("awk -F, '{s += $3} END {print s}' in/orders.csv", facts('add up the prices in orders.csv')), "awk -F, 'NR > 1 {s += $3} END {print s}' in/orders.csv");
    assert.equal(fitToTable('cut -d, -f 2 in/orders.csv | sort -u', facts('distinct countries in orders.csv')), 'tail -n +2 in/orders.csv | cut -d, -f 2 | sort -u');
    assert.equal(fitToTable('wc -l in/orders.csv', facts('count the rows of orders.csv without the header')), 'tail -n +2 in/orders.csv | wc -l');
    assert.equal(fitToTable('cut -d, -f 2 in/orders.csv', facts('print the country column of orders.csv')), 'cut -d, -f 2 in/orders.csv', 'a plain projection keeps its header');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('"for each" requests are a selection of files and an action run on each', () => {
  assert.deepEqual(splitForEach('for each markdown file in docs, count its words'), { selection: 'markdown file in docs', action: 'count its words' });
  assert.deepEqual(splitForEach('show the first line of every csv file in data'), { selection: 'csv file in data', action: 'show the first line' });
  assert.equal(splitForEach('list every folder'), undefined);
  assert.equal(perFile("find docs -name '*.md'", "wc -w '{}'"), "find docs -name '*.md' -exec wc -w {} \\;");
  assert.equal(perFile("find docs -name '*.md' -delete", 'wc -w {}'), undefined, 'only a plain find selects');
  assert.equal(perFile("find docs -name '*.md'", 'cat {} | wc -w'), undefined, 'a pipe would run once, not per file');
});

test('JSON keys come from the file, and "whose X is Y" gives the value to compare', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-json-'));
  try {
    fs.writeFileSync(path.join(root, 'books.json'), JSON.stringify([{ title: 'A', genre: 'poetry', shelf: { room: 2 } }]));
    const ws: WorkspaceNames = { files: new Set(['books.json']), dirs: new Set(), byBase: new Map(), root };
    assert.deepEqual(namedKeys(readRequest('the titles of all books in books.json', ws)).map((k) => k.value), ['title']);
    assert.deepEqual(namedKeys(readRequest('which shelf room holds each book in books.json', ws)).map((k) => k.value), ['shelf.room']);
    const filter = entry('jq \'.[] | select(.{key} == "{value}")\' {file}', { key: { type: 'name' }, value: { type: 'pattern' }, file: { type: 'file' } });
    assert.equal(fill(filter, 'books in books.json whose genre is poetry', ws), 'jq \'.[] | select(.genre == "poetry")\' books.json');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('search text said in words: log levels, status codes, what to leave out', () => {
  const values = (text: string) => readWordPatterns(text.toLowerCase()).map((p) => p.value);
  assert.deepEqual(values('show the errors in the worker log'), ['ERROR']);
  assert.deepEqual(values('show the errors in the build'), [], 'a level only where a log is read');
  assert.deepEqual(values('how many 503s are in the proxy log'), ['503']);
  assert.deepEqual(values('rows of people.txt that are not bob'), ['bob']);
  assert.equal(fill(entry('grep -c {pattern} {file}', { pattern: { type: 'pattern' }, file: { type: 'file' } }), 'how many lines of access.log are 503s'), 'grep -c 503 access.log', 'not 503 seconds');
});

test('"how many" counts a listing; folders under a folder leave the folder itself out', () => {
  assert.equal(counted('find lib -type d'), 'find lib -mindepth 1 -type d | wc -l');
  assert.equal(counted('grep -rl needle src'), 'grep -rl needle src | wc -l');
  assert.equal(counted('find lib -type f -printf \'%s\\n\''), undefined, 'a listing of sizes is no list of files');
  assert.equal(counted('wc -l notes.txt'), undefined, 'already a count');
});

test('"X and then Y" is two requests, and "it" or "the folder" in the second is what the first named', () => {
  const ws: WorkspaceNames = { files: new Set(['report.md']), dirs: new Set(['site']), byBase: new Map() };
  assert.deepEqual(splitSequence('zip the site folder into site.zip and then remove the folder'), ['zip the site folder into site.zip', 'remove the folder']);
  assert.equal(splitSequence('copy a.txt and b.txt to out'), undefined, 'a plain "and" joins values, not requests');
  assert.equal(resolveBack('zip the site folder into site.zip', 'remove the folder', ws), 'remove the folder ./site');
  assert.equal(resolveBack('make a directory named drafts', 'move report.md into it', ws), 'move report.md into ./drafts', 'what the first part makes');
  assert.equal(resolveBack('list the files in site', 'count the lines of report.md', ws), 'count the lines of report.md', 'nothing points back');
});

test('retrieval also searches the parts of a hyphenated word and "not" for a "n\'t"', () => {
  assert.equal(withWordParts('make notes.txt read-only'), 'make notes.txt read-only read only');
  assert.equal(withWordParts("files git doesn't track"), "files git doesn't track not");
  assert.equal(withWordParts('list the files in src'), 'list the files in src', 'nothing to add');
  assert.equal(withWordParts('delete build-2024 and a-b'), 'delete build-2024 and a-b', 'names with digits or single letters are not words');
});

test('retrieval leaves out small words also as the stemmer leaves them ("this" → thi), in the search terms and the vectors', async () => {
  const { ftsTerms } = await import('../../server/src/planner/retrievalFusion');
  const { hashFeatures } = await import('../../server/src/planner/embedder');
  assert.deepEqual(ftsTerms('what timezone is this machine in'), ['timezone', 'machine']);
  assert.deepEqual([...hashFeatures('this machine does')], [...hashFeatures('machine')], 'only the content word is left');
});
