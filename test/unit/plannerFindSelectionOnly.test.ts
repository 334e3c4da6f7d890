// Selections said in ways a find still answers on its own: several folders to
// start from, paths each ended by a null character, the depth said as "not in
// sub folders", and folders picked by name. Each keeps what the request says
// and adds nothing to it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { selectionCandidates } from '../../server/src/planner/findSelection';
import { readIntent } from '../../server/src/planner/intent';
import { readRequest } from '../../server/src/planner/requestFacts';

const find = (request: string) => selectionCandidates(readRequest(request))[0]?.command;

test('folders named one after another are all places to start from', () => {
  assert.equal(find('find the text files in the folders /home/ann and /home/bob'), "find /home/ann /home/bob -type f -name '*.txt'");
  assert.equal(find('look for log files in the folders api, web and worker'), "find api web worker -type f -name '*.log'");
  assert.equal(find('find every .tmp file in /var/tmp and /srv/tmp and delete them'), "find /var/tmp /srv/tmp -type f -name '*.tmp' -delete");
  // "and delete them": a verb after the last folder is no folder.
  assert.equal(find('find files in the folders src and docs and delete them'), 'find src docs -type f -delete');
});

test('paths ended by a null character are printed with -print0, and asking for them changes nothing', () => {
  const request = 'find all regular files under data and append a null character at the end of each path';
  assert.equal(find(request), 'find data -type f -print0');
  assert.equal(find('list the files under src separated by null characters'), 'find src -type f -print0');
  assert.ok(!readIntent(readRequest(request)).allows.write);
  // A null byte added to each file is a change to the files.
  assert.ok(readIntent(readRequest('find the dat files and append a null byte to each file')).allows.write);
});

test('"not in sub folders" is a depth, and folders picked by name are folders', () => {
  assert.equal(find('find the python files in tools, not in sub folders, and run ./lint.sh on them'), "find tools -maxdepth 1 -type f -name '*.py' -exec ./lint.sh {} +");
  assert.equal(find('find all the directories called "cache*" under build'), "find build -type d -name 'cache*'");
  assert.equal(find('find every .wav file in recordings older than 3 days'), "find recordings -type f -name '*.wav' -mtime +3");
});
