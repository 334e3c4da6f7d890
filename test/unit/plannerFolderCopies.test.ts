// "copy src_dir recursively to dest_dir": the folder is the source even with a
// word of how between it and "to"; a cp of a folder without -r copies
// nothing of it; a find that pours the folder's files into one folder leaves
// its folders behind. Wordings are built from parts: verbs × folders × words
// of how × destinations, with the plans that copy nothing or flatten.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readIntent } from '../../server/src/planner/intent';
import { readRequest, type WorkspaceNames } from '../../server/src/planner/requestFacts';
import { effectChecks } from '../support/policyDecision';

const folders = ['src_dir', 'assets', 'site', 'photos-2024', 'build.old'];
const ws: WorkspaceNames = { files: new Set(['notes.txt']), dirs: new Set(folders), byBase: new Map(), sameBase: new Map() };
const { over } = effectChecks(ws);
const verbs = ['copy', 'please copy', 'cp', 'duplicate'];
const how = ['', ' recursively', ' over', ' again', ' quietly', ' safely', ' entirely', ' with all its contents', ' recursively and quietly'];
const into = [' to backup', ' into dest_dir', ' onto /mnt/usb'];

test('a workspace folder copied is the source, with or without a word of how before the destination', () => {
  const wrong: string[] = [];
  let checked = 0;
  for (const verb of verbs) {
    for (const folder of folders) {
      for (const h of how) {
        for (const to of into) {
          const request = `${verb} ${folder}${h}${to}`;
          checked++;
          const intent = readIntent(readRequest(request, ws));
          if (!intent.scope.includes(folder)) wrong.push(`${request}: scope ${intent.scope.join(',') || 'none'}`);
        }
      }
    }
  }
  assert.ok(checked >= 500, `${checked} cases`);
  assert.deepEqual(wrong, []);
  // A folder that is where the files are, not what is copied, still reads as a place; a word after it that is no word of how names no source.
  assert.ok(readIntent(readRequest('copy the .txt files in assets to backup', ws)).scope.includes('assets'));
  assert.ok(!readIntent(readRequest('copy notes.txt to site', ws)).scope.includes('site'));
});

test('a folder copied by cp without -r, or poured flat into the destination, is set aside; a whole copy is kept', () => {
  const wrong: string[] = [];
  let checked = 0;
  for (const folder of folders) {
    for (const h of how) {
      const request = `copy ${folder}${h} to backup`;
      const flat = [`cp ${folder} backup`, `cp -n ${folder} backup`, `cp -v -- ${folder} backup/`, `cp -t backup ${folder}`, `find ${folder} -type f -exec cp -t backup {} +`, `find ${folder} -type f -exec cp -n {} backup \\;`];
      const whole = [`cp -r ${folder} backup`, `cp -R ${folder} backup`, `cp -a ${folder} backup`, `cp -rn ${folder} backup`, `cp --recursive ${folder} backup`, `rsync -a ${folder} backup`, `find ${folder} -type f -exec cp --parents -t backup {} +`];
      for (const plan of flat) {
        checked++;
        if (!/cp without -r skips folders|leaving its folders behind/.test(over(request, plan))) wrong.push(`${request}: ${plan} kept`);
      }
      for (const plan of whole) {
        checked++;
        if (/cp without -r skips folders|leaving its folders behind/.test(over(request, plan))) wrong.push(`${request}: ${plan} set aside`);
      }
    }
  }
  assert.ok(checked >= 500, `${checked} cases`);
  assert.deepEqual(wrong, []);
  // Files picked from a folder may be copied flat: the request names files, not the folder.
  assert.doesNotMatch(over('copy the .txt files in assets to backup', "find assets -type f -name '*.txt' -exec cp -t backup {} +"), /leaving its folders behind|skips folders/);
  assert.doesNotMatch(over('copy notes.txt to site', 'cp notes.txt site'), /skips folders/);
});
