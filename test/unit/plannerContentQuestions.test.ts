// Questions about what is in files are answered from the files: the value a
// word of the request names is one the file holds, a column is found by its
// header or by the layout of a web server's log line, a JSON value says
// which key to filter on, and a question about no file plans nothing here.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { buildContext } from '../../server/src/planner/context';
import { contentCandidates, questionFile } from '../../server/src/planner/contentQuestions';
import { namedKeys } from '../../server/src/planner/jsonKeys';
import { readRequest } from '../../server/src/planner/requestFacts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-content-'));
const files: Record<string, string> = {
  'records/staff.csv': 'id,person,country,score\n1,ann,Spain,70\n2,ben,Chile,55\n3,cleo,Spain,91\n4,dan,Peru,12\n',
  'var/web/access.log': [
    '172.16.0.9 - - [02/Apr/2024:09:00:00 +0000] "GET /home HTTP/1.1" 200 512',
    '172.16.0.5 - - [02/Apr/2024:09:01:00 +0000] "PUT /api/cart HTTP/1.1" 201 90',
    '172.16.0.9 - - [02/Apr/2024:09:02:00 +0000] "GET /nope HTTP/1.1" 404 33',
    '172.16.0.9 - - [02/Apr/2024:09:03:00 +0000] "GET /home HTTP/1.1" 200 512',
  ].join('\n') + '\n',
  'fruit.txt': 'pear\nfig\npear\nkiwi\npear\nfig\n',
  'scores.txt': '18\n4\n250\n61\n',
  'settings/site.conf': 'title=shop\nport=9000\n# retry=3\n',
  'catalog.json': JSON.stringify([{ sku: 'a1', label: 'lamp', state: 'discontinued' }, { sku: 'b2', label: 'desk', state: 'selling' }, { sku: 'c3', label: 'sofa', state: 'discontinued' }]),
  'service.json': JSON.stringify({ port: 80, cache: { port: 6379, ttl: 30 } }),
  'lib/a.py': 'import json\nprint(json.dumps({}))\n',
  'lib/b.py': 'import sys\n# HACK: remove later\n',
  'lib/c.js': 'const json = require("json5");\n',
};
for (const [f, text] of Object.entries(files)) {
  fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
  fs.writeFileSync(path.join(root, f), text);
}
after(() => fs.rmSync(root, { recursive: true, force: true }));

const facts = (request: string) => readRequest(request, buildContext(root).names);
const planned = (request: string) => contentCandidates(facts(request))[0]?.command;
const expect = (cases: [string, string | undefined][]) => {
  const wrong = cases.map(([request, want]) => [request, planned(request), want]).filter(([, got, want]) => got !== want);
  assert.deepEqual(wrong, []);
};

test('counting the lines that hold a value the file has, whatever noun the question counts', () => expect([
  ['how many people are from Spain', 'grep -c Spain records/staff.csv'],
  ['number of staff based in chile', 'grep -c Chile records/staff.csv'],
  ['how many hits returned a 404', 'grep -cw 404 var/web/access.log'],
  ['count the requests that answered 201', 'grep -cw 201 var/web/access.log'],
  ['how many times does kiwi appear in fruit.txt', 'grep -c kiwi fruit.txt'],
]));

test('a tally per value, or the one value seen most', () => expect([
  ['requests per status code in the access log', "awk '{print $9}' var/web/access.log | sort | uniq -c | sort -rn"],
  ['which client address shows up most in the access log', "awk '{print $1}' var/web/access.log | sort | uniq -c | sort -rn | head -n 1"],
  ['what fruit is the most common in fruit.txt', 'sort fruit.txt | uniq -c | sort -rn | head -n 1'],
  ['how often does each fruit occur in fruit.txt', 'sort fruit.txt | uniq -c | sort -rn'],
  ['break down staff.csv by country: how many per country?', 'tail -n +2 records/staff.csv | cut -d, -f3 | sort | uniq -c | sort -rn'],
]));

test('a column by its header name, its distinct values and its numbers', () => expect([
  ['show me the country column of staff.csv', 'cut -d, -f3 records/staff.csv'],
  ['the distinct countries in staff.csv', 'tail -n +2 records/staff.csv | cut -d, -f3 | sort -u'],
  ['which different pages were asked for in the access log', "awk '{print $7}' var/web/access.log | sort -u"],
  ['the highest score in staff.csv', 'tail -n +2 records/staff.csv | cut -d, -f4 | sort -n | tail -n 1'],
  ['lowest value in scores.txt', 'sort -n scores.txt | head -n 1'],
  ['what is the biggest number in scores.txt?', 'sort -n scores.txt | tail -n 1'],
  ['add up everything in scores.txt', "awk '{s += $1} END {print s}' scores.txt"],
  ['the mean of the scores in staff.csv', "tail -n +2 records/staff.csv | cut -d, -f4 | awk '{s += $1; n++} END {if (n) print s / n}'"],
]));

test('lines that hold a value, with their numbers or without the value', () => expect([
  ['show the PUTs in the access log', 'grep PUT var/web/access.log'],
  ['which lines of fruit.txt mention fig, with line numbers', 'grep -n fig fruit.txt'],
  ['look up port in the conf file', 'grep port settings/site.conf'],
  ['the lines of fruit.txt that are not pear', 'grep -v pear fruit.txt'],
]));

test('how many different values a column holds is the distinct values counted', () => expect([
  ['how many distinct countries are in staff.csv', 'tail -n +2 records/staff.csv | cut -d, -f3 | sort -u | wc -l'],
  ['count the different countries in staff.csv', 'tail -n +2 records/staff.csv | cut -d, -f3 | sort -u | wc -l'],
  ['number of unique client addresses in the access log', "awk '{print $1}' var/web/access.log | sort -u | wc -l"],
  ['how many different pages were visited according to the access log', "awk '{print $7}' var/web/access.log | sort -u | wc -l"],
]));

test('lines beside a match (context, after, before) are left to grep -A, -B and -C', () => expect([
  ['show 2 lines of context around pear in fruit.txt', undefined],
  ['the 3 lines after the PUT in the access log', undefined],
  ['print one line before each fig in fruit.txt', undefined],
  ['show the lines surrounding port in the conf file', undefined],
  ['grep 404 in the access log with some context', undefined],
]));

test('the files under a folder that hold a text are listed by name', () => expect([
  ['which python files import sys', "grep -rl --include='*.py' 'import sys' ."],
  ['any files containing HACK?', 'grep -rl HACK .'],
  ['in which files under lib is the word json used', 'grep -rlw json lib'],
  ['which js files require json5', "grep -rl --include='*.js' 'require json5' ."],
]));

test('objects of a JSON array picked by a value they hold', () => expect([
  ['labels of the discontinued products in catalog.json', `jq -r '.[] | select(.state == "discontinued") | .label' catalog.json`],
  ['how many items in catalog.json are still selling', `jq '[.[] | select(.state == "selling")] | length' catalog.json`],
]));

test('a nested key whose parts the request says apart is read whole', () => {
  assert.deepEqual(namedKeys(facts('what port does the cache listen on, according to service.json')).map((k) => k.value), ['cache.port']);
  assert.deepEqual(namedKeys(facts('the port in service.json')).map((k) => k.value), ['port']);
});

test('no file, a change, or no value the file holds: nothing is planned here', () => expect([
  ['how many people live in Oslo', undefined],
  ['replace pear with plum in fruit.txt', undefined],
  ['sort fruit.txt', undefined],
  ['total score per country in staff.csv', undefined],
  ['how many processors does this machine have', undefined],
  ['what is the weather like in Spain', undefined],
]));

test('the file of a question: named, the one of its kind, or the stem of a word', () => {
  assert.equal(questionFile(facts('how many people are from Spain'))?.file, undefined, 'no word is the stem of a file');
  assert.equal(questionFile(facts('how many staff are from Spain'))?.file, 'records/staff.csv');
  assert.equal(questionFile(facts('grep the conf file for port'))?.file, 'settings/site.conf');
  assert.equal(questionFile(facts('how many hits did the server get'))?.file, 'var/web/access.log');
});
