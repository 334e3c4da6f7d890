// Every way people keep a file out of a change ("save main.ts", "barring
// util.ts", "not including", "minus", "but never", "without touching", "but
// don't delete", "with the exception of", "aside from", "besides", "but
// keep", "except the csv ones") is read the same way: the kept name is left
// out by a test, never picked as the file to change, and a name kept out of
// the act never turns the request into one to look.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { selectionCandidates } from '../../server/src/planner/findSelection';
import { readIntent } from '../../server/src/planner/intent';
import { keptOutChanged } from '../../server/src/planner/keptOut';
import { readRequest } from '../../server/src/planner/requestFacts';

const find = (request: string) => selectionCandidates(readRequest(request))[0]?.command;

const keeping = ['save', 'barring', 'not including', 'minus', 'but never', 'without touching', 'but do not touch', "but don't delete", 'with the exception of', 'aside from', 'besides', 'but keep', 'except', 'other than', 'apart from', 'excluding'];
const verbs = ['delete', 'remove', 'erase', 'get rid of'];
const sets = [(d: string) => `every file in ${d}`, (d: string) => `all files in ${d}`, (d: string) => `the files in ${d}`, (d: string) => `all the files under ${d}`];
const names: [string, string][] = [['main.ts', 'src'], ['a.log', 'logs'], ['guide.md', 'docs'], ['config.json', 'etc']];

function* wordings(): Generator<{ request: string; name: string; folder: string }> {
  for (const word of keeping) for (const verb of verbs) for (const set of sets) for (const [name, folder] of names) {
    yield { request: `${verb} ${set(folder)} ${word} ${name}`, name, folder };
    // The kept name said first: "barring util.ts, delete the files in src".
    if (/^(?:barring|except|excluding|apart from|aside from|with the exception of|other than|besides)$/.test(word)) yield { request: `${word} ${name}, ${verb} ${set(folder)}`, name, folder };
  }
}

test('a kept name is left out by name and never picked, in every wording', () => {
  const wrong: string[] = [];
  let planned = 0;
  let all = 0;
  for (const { request, name, folder } of wordings()) {
    all += 1;
    const command = find(request);
    if (!command) continue;
    planned += 1;
    if (!command.includes(`! -name ${name}`) || new RegExp(`(?<!! )-name ${name.replace('.', '\\.')}`).test(command) || !command.startsWith(`find ${folder} `)) wrong.push(`${request} → ${command}`);
  }
  assert.deepEqual(wrong, []);
  assert.ok(planned >= all * 0.9, `${planned} of ${all} planned`);
});

test('a plan that deletes the kept name, or all of the set, is set aside for every wording', () => {
  for (const { request, name, folder } of wordings()) {
    assert.notDeepEqual(keptOutChanged(request, `find ${folder} -type f -name ${name} -delete`), [], request);
    assert.notDeepEqual(keptOutChanged(request, `rm -- ${folder}/${name}`), [], request);
    assert.notDeepEqual(keptOutChanged(request, `find ${folder} -type f -delete`), [], request);
    assert.deepEqual(keptOutChanged(request, `find ${folder} -type f ! -name ${name} -delete`), [], request);
  }
});

test('a name kept out of the act leaves the act a delete; "don\'t delete anything" still looks only', () => {
  for (const { request } of wordings()) assert.ok(readIntent(readRequest(request)).actions.includes('delete'), request);
  for (const request of ['show what would be deleted in src, don\'t delete anything', 'list the old logs without deleting anything', 'which files in src would go? do not delete them']) {
    assert.deepEqual(readIntent(readRequest(request)).actions, [], request);
  }
});

test('a kind kept by "the csv ones" is a kind, not a folder; "then save" keeps nothing', () => {
  assert.equal(find('delete all files except the csv ones'), "find . -type f ! -name '*.csv' -delete");
  assert.doesNotMatch(find('delete all the .tmp files then save the list to gone.txt') ?? '', /! -name/);
});
