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
import { effectChecks } from '../support/policyDecision';

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

test('what a request keeps by its time ("except today\'s") is never what is deleted, and no folder of that name', () => {
  const times = ["except today's", "but not today's", "except yesterday's", "apart from this week's", "excluding this month's"];
  for (const time of times) for (const set of ['the .log files', 'all logs', 'every file in docs', 'everything in logs']) {
    const request = `delete ${set} ${time}`;
    // A plan that picks the recent files, or leaves them in, is set aside.
    assert.notDeepEqual(keptOutChanged(request, "find . -type f -name '*.log' -mtime -1 -delete"), [], request);
    assert.notDeepEqual(keptOutChanged(request, "find . -type f -name '*.log' -delete"), [], request);
    const command = find(request);
    assert.ok(!command || (!/-not -path '\*\/(?:today|yesterday|week|latest)/.test(command) && !/(?<!! )-mtime -\d/.test(command)), `${request} → ${command}`);
  }
});

test('a kept name after a comma is kept, and the kind asked for is never the one spared', () => {
  assert.equal(find('please remove all the files in logs, save a.log'), 'find logs -type f ! -name a.log -delete');
  // "then save" and "save … to" are acts of their own.
  assert.deepEqual(keptOutChanged('delete all files then save notes.txt to backup', 'find . -type f -delete'), []);
  assert.deepEqual(keptOutChanged('delete all the tmp files, save notes.txt to backup', "find . -name '*.tmp' -delete"), []);
  const { over } = effectChecks();
  assert.match(over('delete the backup files but not the markdown ones', "find . -maxdepth 1 -type f ! -name '*.bak' -delete"), /leaves out \*\.bak files, the kind the request asks to change/);
  assert.doesNotMatch(over('delete the backup files but not the markdown ones', "find . -type f -name '*.bak' ! -name '*.md' -delete"), /leaves out/);
});

test('"everything in a folder but" a quoted name or pattern keeps it, and it is never the one deleted', () => {
  const kept: [string, string[]][] = [["'*ddl*' and '*docs*' files", ['*ddl*', '*docs*']], ["'*.log' files", ['*.log']], ['"notes.txt"', ['notes.txt']], ["'*.bak'", ['*.bak']]];
  for (const head of ['Removes everything from current folder but', 'remove everything in the current folder but', 'delete everything but', 'delete all files but']) {
    for (const [said, patterns] of kept) {
      const request = `${head} ${said}`;
      const command = find(request) ?? '';
      for (const p of patterns) {
        const name = p.includes('*') ? `'${p}'` : p;
        assert.ok(command.includes(`! -name ${name}`), `${request}: ${command}`);
      }
    }
  }
});
