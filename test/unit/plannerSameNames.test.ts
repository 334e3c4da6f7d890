// A file name the workspace holds in more than one folder. A folder the
// request names beside the file ("from site", "site's", "in old, …") picks
// the copy, even when one of that name stands at the top; with no folder
// said, no copy is picked. Every wording is built from parts (verbs, ways of
// naming the folder, files, folders), and every plan is read by the real
// parser into the facts the policy sees.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { buildContext } from '../../server/src/planner/context';
import { exceedsIntent } from '../../server/src/planner/effectCheck';
import { readIntent } from '../../server/src/planner/intent';
import { readRequest, type WorkspaceNames } from '../../server/src/planner/requestFacts';
import { decisionOf } from '../support/policyDecision';

// ledger.csv stands at the top and in both folders; app.py and style.css only in the folders.
const files = ['ledger.csv', 'site/ledger.csv', 'archive/ledger.csv', 'site/app.py', 'archive/app.py', 'site/style.css', 'archive/style.css', 'site/error.log', 'archive/error.log', 'readme.md'];
const ws: WorkspaceNames = {
  files: new Set(files),
  dirs: new Set(['site', 'archive', 'out']),
  byBase: new Map([['ledger.csv', 'ledger.csv'], ['app.py', 'archive/app.py'], ['style.css', 'archive/style.css'], ['error.log', 'archive/error.log'], ['readme.md', 'readme.md'], ['site', 'site'], ['archive', 'archive'], ['out', 'out']]),
  sameBase: new Map([['ledger.csv', ['ledger.csv', 'archive/ledger.csv', 'site/ledger.csv']], ['app.py', ['archive/app.py', 'site/app.py']], ['style.css', ['archive/style.css', 'site/style.css']], ['error.log', ['archive/error.log', 'site/error.log']]]),
};
const reasons = (request: string, command: string) => exceedsIntent(readIntent(readRequest(request, ws)), decisionOf(command), command).join(' | ');
const fileOf = (request: string) => readRequest(request, ws).files.map((f) => f.value);
const otherCopy = /but the request names (?:the|only)|does not say which|copies everything in|which the request copies from/;

const deletes = ['delete', 'remove', 'erase', 'get rid of', 'trash'];
// Each way of naming the folder, with {f} the file and {d} the folder.
const qualifiers = ['{f} in {d}', '{f} from {d}', '{f} inside {d}', '{f} under {d}', '{f} within {d}', 'the {f} in the {d} folder', '{f} from the folder {d}', "{d}'s {f}", 'the {d} copy of {f}', 'the {d} version of {f}', 'the {f} that is in {d}', '{f} kept in {d}', '{f} out of {d}', 'the copy of {f} in {d}'];
const folders = ['site', 'archive'];
const names = ['ledger.csv', 'app.py', 'style.css'];

test('a folder named beside the file picks the copy in it, even over one at the top', () => {
  let checked = 0;
  for (const verb of deletes) {
    for (const q of qualifiers) {
      for (const f of names) {
        for (const d of folders) {
          const request = `${verb} ${q.replace('{f}', f).replace('{d}', d)}`;
          assert.deepEqual(fileOf(request), [`${d}/${f}`], request);
          assert.doesNotMatch(reasons(request, `rm -- ${d}/${f}`), otherCopy, `rm -- ${d}/${f} for "${request}"`);
          const other = folders.find((x) => x !== d);
          for (const wrong of [`rm -- ${other}/${f}`, ...(f === 'ledger.csv' ? [`rm -- ${f}`, `rm -f ./${f}`] : [])]) {
            assert.match(reasons(request, wrong), new RegExp(`changes ${wrong.split(' ').pop()?.replace(/^\.\//, '').replace('.', '\\.')}, but the request names the ${f.replace('.', '\\.')} in ${d}`), `${wrong} for "${request}"`);
          }
          checked++;
        }
      }
    }
  }
  assert.equal(checked, deletes.length * qualifiers.length * names.length * folders.length);
});

test('"in FOLDER, …" before the act names the folder too', () => {
  for (const d of folders) {
    for (const f of names) {
      for (const request of [`in ${d}, delete ${f}`, `inside the ${d} folder, please remove ${f}`, `from ${d}, erase the file ${f}`]) {
        assert.deepEqual(fileOf(request), [`${d}/${f}`], request);
        assert.match(reasons(request, `rm -- ${folders.find((x) => x !== d)}/${f}`), /but the request names the/, request);
      }
    }
  }
});

test('other changes keep to the copy the folder picks: a rename, a mode, a compression', () => {
  for (const d of folders) {
    const other = folders.find((x) => x !== d) as string;
    for (const f of names) {
      const cases: [string, string, string][] = [
        [`rename ${f} in ${d} to old.${f}`, `mv -n ${d}/${f} ${d}/old.${f}`, `mv -n ${other}/${f} ${other}/old.${f}`],
        [`chmod 600 ${d}'s ${f}`, `chmod 600 ${d}/${f}`, `chmod 600 ${other}/${f}`],
        [`gzip the ${f} inside ${d}`, `gzip ${d}/${f}`, `gzip ${other}/${f}`],
        [`chmod 600 the ${f} in ${d}`, `chmod 600 ${d}/${f}`, `chmod --reference=${d}/${f} ${d}`],
      ];
      for (const [request, right, wrong] of cases) {
        assert.doesNotMatch(reasons(request, right), otherCopy, `${right} for "${request}"`);
        assert.match(reasons(request, wrong), otherCopy, `${wrong} for "${request}"`);
      }
    }
  }
});

test('a delete of every match, across the workspace or in the folder, for one file in one folder, is turned away', () => {
  for (const d of folders) {
    for (const request of [`remove the ${d} copy of error.log`, `delete error.log from ${d}`, `in ${d}, erase error.log`]) {
      for (const wide of ["find . -type f -name '*.log' -not -path './.git/*' -exec rm -f -- {} +", 'rm -- ./*.log', "find . -name error.log -delete"]) {
        assert.match(reasons(request, wide), /changes files across \., but the request names only/, `${wide} for "${request}"`);
      }
      for (const wide of [`find ${d} -type f -name '<glob>' -delete`, `find ${d} -name '*.log' -exec rm -f -- {} +`]) {
        assert.match(reasons(request, wide), new RegExp(`changes what find picks in ${d}, but the request names only ${d}/error\\.log`), `${wide} for "${request}"`);
      }
      for (const right of [`find ${d} -type f -name error.log -delete`, `rm -- ${d}/error.log`]) assert.doesNotMatch(reasons(request, right), otherCopy, `${right} for "${request}"`);
    }
  }
});

test('copy or move "from A to B": the source is A\'s copy, never the folder nor the other way round; "to B" alone picks none', () => {
  for (const [verb, program] of [['copy', 'cp'], ['move', 'mv']]) {
    for (const d of folders) {
      for (const f of names) {
        const request = `${verb} ${f} from ${d} to out`;
        assert.deepEqual(fileOf(request), [`${d}/${f}`], request);
        for (const right of [`${program} ${d}/${f} out`, `${program} ${d}/${f} out/${f}`]) assert.doesNotMatch(reasons(request, right), otherCopy, `${right} for "${request}"`);
        assert.match(reasons(request, `${program} -r ${d} out`), /copies everything in|but the request names the/, request);
        if (f === 'ledger.csv') assert.match(reasons(request, `${program} ${f} out`), /but the request names the ledger\.csv in/, request);
        assert.match(reasons(request, `${program} -r out ${d}/${f}`), /which the request copies from|but the request names the/, request);
      }
    }
  }
  // "to FOLDER" is where a file goes, and a restore from a folder puts the file named back: neither picks a copy.
  for (const d of folders) {
    for (const request of [`copy ledger.csv to ${d}`, `put a copy of ledger.csv in ${d}`, `back up ledger.csv into ${d}`, `copy ledger.csv in ${d}`, `make a copy of ledger.csv in ${d}`, `put ledger.csv in ${d} as a copy`]) {
      assert.deepEqual(fileOf(request), ['ledger.csv'], request);
      assert.doesNotMatch(reasons(request, `cp ledger.csv ${d}`), otherCopy, request);
    }
    for (const request of [`restore ledger.csv from ${d}`, `bring ledger.csv back from ${d}`, `recover ledger.csv from the ${d} folder`]) {
      assert.deepEqual(fileOf(request), ['ledger.csv'], request);
      assert.doesNotMatch(reasons(request, `cp ${d}/ledger.csv ledger.csv`), otherCopy, request);
    }
  }
});

test('a name in two folders and none at the top is unclear: no copy is picked, and the candidates are said (unless the name is kept out)', () => {
  const verbs = ['delete', 'remove', 'gzip', 'chmod 600', 'truncate', 'rename {f} to new.txt', 'make {f} read only', 'shred'];
  for (const v of verbs) {
    for (const f of ['app.py', 'style.css']) {
      const request = v.includes('{f}') ? v.replace('{f}', f) : `${v} ${f}`;
      const facts = readRequest(request, ws);
      assert.deepEqual(facts.unclearFile?.candidates, [`archive/${f}`, `site/${f}`], request);
      assert.ok(!facts.files.some((x) => x.value.includes('/')), `"${request}" picked ${facts.files.map((x) => x.value)}`);
      for (const d of folders) assert.match(reasons(request, `rm -f -- ${d}/${f}`), new RegExp(`changes ${d}/${f.replace('.', '\\.')}, but ${f.replace('.', '\\.')} is archive/${f.replace('.', '\\.')} and site/${f.replace('.', '\\.')}, and the request does not say which`), request);
    }
  }
  // Written at the top, the name says which: the file at the top.
  assert.equal(readRequest('delete ledger.csv', ws).unclearFile, undefined);
  assert.deepEqual(fileOf('delete ledger.csv'), ['ledger.csv']);
  assert.equal(reasons('delete ledger.csv', 'rm -- ledger.csv'), '');
  // "the error log", said by its stem, picks no copy either.
  for (const request of ['delete the error log', 'truncate the error log']) assert.ok(!fileOf(request).some((f) => f.includes('/')), `"${request}" picked ${fileOf(request)}`);
  // A name kept out of the act is matched by its name wherever it is: neither picked in a folder nor unclear.
  for (const d of folders) {
    for (const f of names) {
      for (const request of [`delete every file in ${d} except ${f}`, `in ${d}, delete everything barring ${f}`, `remove all files in ${d}, not including ${f}`, `apart from ${f}, wipe the files in ${d}`]) {
        const facts = readRequest(request, ws);
        assert.equal(facts.unclearFile, undefined, request);
        assert.equal(facts.placed, undefined, request);
        assert.doesNotMatch(reasons(request, `find ${d} -type f ! -name ${f} -delete`), otherCopy, request);
      }
    }
  }
  // A file the workspace holds once is no question.
  assert.deepEqual(fileOf('delete readme.md'), ['readme.md']);
});

test('the workspace scan keeps every path of a name held in several folders', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-same-names-'));
  try {
    for (const f of ['backup/main.ts', 'src/main.ts', 'src/util.ts', 'notes.txt', 'backup/notes.txt']) {
      fs.mkdirSync(path.join(root, path.dirname(f)), { recursive: true });
      fs.writeFileSync(path.join(root, f), 'x');
    }
    const names = buildContext(root).names;
    assert.deepEqual(names.sameBase?.get('main.ts'), ['backup/main.ts', 'src/main.ts']);
    assert.deepEqual(names.sameBase?.get('notes.txt'), ['notes.txt', 'backup/notes.txt']);
    assert.equal(names.sameBase?.has('util.ts'), false);
    const facts = readRequest('delete main.ts from src', names);
    assert.deepEqual(facts.files.map((f) => f.value), ['src/main.ts']);
    assert.deepEqual(readRequest('delete notes.txt from backup', names).files.map((f) => f.value), ['backup/notes.txt']);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
