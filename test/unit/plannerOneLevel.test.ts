// Words that keep an act to a folder's own entries ("directly inside src",
// "just in src itself", "in logs but not below it", "at the top level of
// src") keep every plan to one level: the embedded selection says -maxdepth 1,
// and the intent every plan is held to is shallow, so a walk into subfolders
// is set aside; "below" is never read as a folder left out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { selectionCandidates } from '../../server/src/planner/findSelection';
import { readIntent } from '../../server/src/planner/intent';
import { readRequest } from '../../server/src/planner/requestFacts';

const find = (request: string) => selectionCandidates(readRequest(request))[0]?.command;

const acts = [(o: string) => `delete ${o}`, (o: string) => `remove ${o}`, (o: string) => `copy ${o} to backup`, (o: string) => `move ${o} to backup`, (o: string) => `list ${o}`, (o: string) => `count ${o}`, (o: string) => `gzip ${o}`];
const depths = [
  (k: string, d: string) => `the ${k} files directly inside ${d}`,
  (k: string, d: string) => `the ${k} files directly in ${d}`,
  (k: string, d: string) => `the ${k} files just in ${d} itself`,
  (k: string, d: string) => `the ${k} files in the ${d} folder but not below it`,
  (k: string, d: string) => `the ${k} files in ${d}, not in anything below it`,
  (k: string, d: string) => `the ${k} files at the top level of ${d}`,
  (k: string, d: string) => `the ${k} files immediately inside ${d}`,
  (k: string, d: string) => `the ${k} files sitting right in ${d}`,
  (k: string, d: string) => `the ${k} files in ${d} (not nested ones)`,
  (k: string, d: string) => `the ${k} files in ${d} without descending`,
  (k: string, d: string) => `the ${k} files in ${d}, ignoring subdirectories`,
  (k: string, d: string) => `the ${k} files in ${d}, top level only`,
  (k: string, d: string) => `the ${k} files in ${d}, only at the top level`,
];
const kinds = ['.ts', '.log', '.md'];
const folders = ['src', 'logs'];

function* wordings(): Generator<{ request: string; folder: string }> {
  for (const act of acts) for (const depth of depths) for (const kind of kinds) for (const folder of folders) yield { request: act(depth(kind, folder)), folder };
}

test('every wording of one level gives a plan kept to one level, and no folder named "below"', () => {
  const wrong: string[] = [];
  let planned = 0;
  let all = 0;
  for (const { request, folder } of wordings()) {
    all += 1;
    const command = find(request);
    if (!command) continue;
    planned += 1;
    if (!command.startsWith(`find ${folder} -maxdepth 1 `) || /below|anything|itself/.test(command)) wrong.push(`${request} → ${command}`);
  }
  assert.deepEqual(wrong, []);
  assert.ok(planned >= all * 0.85, `${planned} of ${all} planned`);
});

test('the intent is shallow for every wording, so a plan that walks below is set aside', () => {
  for (const { request } of wordings()) assert.equal(readIntent(readRequest(request)).shallow, true, request);
  // Plain requests and recursive ones are not.
  for (const request of ['delete the .ts files in src', 'delete the .log files under logs and below', 'list the md files in the docs tree']) assert.notEqual(readIntent(readRequest(request)).shallow, true, request);
});
