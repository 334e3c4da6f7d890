// A plan does the act the request names, in the direction it names: a
// compressor, crontab, shred or a folder made over a file answers no delete,
// replace, overwrite or touch that does not say so; "replace A with B" and
// "overwrite A with B" read B and write A; "create a tarball … called N"
// packs; and the mode a request sets is never a test of which files to set.
// Every wording is built from parts, every plan goes through the same screen
// every candidate passes, with the facts the real parser reads.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { statedCopies } from '../../server/src/planner/copyDirection';
import { modesSet, permissionTests } from '../../server/src/planner/findConditions';
import { readIntent } from '../../server/src/planner/intent';
import { screen } from '../../server/src/planner/planGuard';
import { readRequest, type WorkspaceNames } from '../../server/src/planner/requestFacts';
import { decisionOf } from '../support/policyDecision';

const files = ['notes.txt', 'todo.txt', 'backup/notes.txt', 'backup/todo.txt', 'backup/main.ts', 'docs/api.md', 'logs/app.log', 'src/main.ts', 'src/util.ts', 'jobs.txt', 'secrets.txt'];
const dirs = ['backup', 'docs', 'logs', 'src', 'data'];
const ws: WorkspaceNames = {
  files: new Set(files),
  dirs: new Set(dirs),
  byBase: new Map([['api.md', 'docs/api.md'], ['app.log', 'logs/app.log'], ['util.ts', 'src/util.ts'], ['main.ts', 'src/main.ts']]),
};

let root = '';
before(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'act-kinds-'));
  for (const d of dirs) fs.mkdirSync(path.join(root, d), { recursive: true });
  for (const f of files) fs.writeFileSync(path.join(root, f), 'x\n');
});
after(() => fs.rmSync(root, { recursive: true, force: true }));

/** Why the screen turns `command` away for `request`; empty when it is accepted. */
async function turnedAway(request: string, command: string): Promise<string> {
  const intent = readIntent(readRequest(request, ws));
  const { rejected } = await screen([{ command, confidence: 1, planner: 'embedded', missing: [] }], intent, async (c) => decisionOf(c, root), 1, 1);
  return rejected[0]?.reason ?? '';
}

const prefixes = ['', 'please ', 'could you ', 'I want to ', 'go ahead and '];

test('a compressor never answers a delete: the file must go, not be packed', async () => {
  let checked = 0;
  for (const verb of ['delete', 'remove', 'erase', 'get rid of', 'rm']) {
    for (const p of ['backup/notes.txt', 'docs/api.md', 'logs/app.log', 'backup/main.ts']) {
      const request = `${prefixes[checked % prefixes.length]}${verb} ${p}`;
      for (const packer of [`bzip2 ${p}`, `gzip ${p}`, `xz ${p}`, `zip -m ${p}.zip ${p}`]) {
        assert.match(await turnedAway(request, packer), /compresses files/, `${packer} for "${request}"`);
      }
      assert.equal(await turnedAway(request, `rm -- ${p}`), '', `rm -- ${p} for "${request}"`);
      checked++;
    }
  }
  // The folder a file is in says nothing of packing; "compress it and delete the original" does.
  assert.equal(await turnedAway('compress backup/notes.txt and delete the original', 'bzip2 backup/notes.txt'), '');
});

test('crontab installs a schedule only when the request speaks of one', async () => {
  for (const verb of ['replace', 'overwrite', 'update', 'edit', 'install', 'load']) {
    for (const p of ['docs/api.md', 'backup/todo.txt', 'src/util.ts']) {
      assert.match(await turnedAway(`${verb} ${p}`, `crontab ${p}`), /as the schedule of jobs \(crontab\)/, `crontab ${p} for "${verb} ${p}"`);
    }
  }
  for (const request of ['install jobs.txt as my crontab', 'replace my cron jobs with jobs.txt', 'schedule the jobs in jobs.txt', 'load jobs.txt so they run every night']) {
    assert.doesNotMatch(await turnedAway(request, 'crontab jobs.txt'), /schedule of jobs/, request);
  }
});

test('shred answers only a request to shred or erase securely', async () => {
  for (const verb of ['overwrite', 'replace', 'delete', 'remove', 'wipe', 'clear']) {
    for (const p of ['logs/app.log', 'notes.txt', 'src/util.ts']) {
      assert.match(await turnedAway(`${verb} ${p}`, `shred -u ${p}`), /cannot be recovered \(shred\)/, `shred for "${verb} ${p}"`);
    }
  }
  for (const request of ['shred secrets.txt', 'securely erase secrets.txt', 'delete secrets.txt so it cannot be recovered', 'overwrite secrets.txt with random data and delete it']) {
    assert.doesNotMatch(await turnedAway(request, 'shred -u secrets.txt'), /cannot be recovered/, request);
  }
});

test('a folder is never made where the workspace has a file', async () => {
  for (const verb of ['touch', 'edit', 'update', 'copy', 'create', 'refresh']) {
    for (const p of ['backup/todo.txt', 'backup/main.ts', 'notes.txt']) {
      const request = `${verb} ${p}`;
      assert.match(await turnedAway(request, `mkdir -p ${p}`), new RegExp(`makes a folder ${p.replace('.', '\\.')}, but .* is a file in the workspace`), request);
    }
  }
  assert.equal(await turnedAway('create the folder data/new', 'mkdir -p data/new'), '');
  assert.equal(await turnedAway('make a folder called archive in backup', 'mkdir -p backup/archive'), '');
});

test('a file asked for is never made as a folder, nor a folder as a file', async () => {
  for (const verb of ['create', 'make', 'add']) {
    for (const kind of ['a file', 'a new file', 'an empty file', 'the file', 'a blank file']) {
      for (const [name, place] of [['a.py', 'the src folder'], ['todo.md', 'docs'], ['x', 'backup']]) {
        const request = `${verb} ${kind} ${name} under ${place}`;
        const folder = place.replace(/^the | folder$/g, '');
        assert.match(await turnedAway(request, `mkdir -p ${folder}/${name}`), /makes a folder, but the request asks for a file/, request);
        assert.equal(await turnedAway(request, `touch ${folder}/${name}`), '', request);
      }
    }
    for (const kind of ['a folder', 'a new directory', 'an empty subfolder', 'a dir']) {
      const request = `${verb} ${kind} called cache in data`;
      assert.match(await turnedAway(request, 'touch data/cache'), /makes a file, but the request asks for a folder/, request);
      assert.equal(await turnedAway(request, 'mkdir -p data/cache'), '', request);
    }
  }
});

const withForms = ['', 'the ', 'the current ', 'my '];
const replacements: [string, string][] = [['notes.txt', 'backup/notes.txt'], ['backup/notes.txt', 'notes.txt'], ['src/main.ts', 'backup/main.ts'], ['docs/api.md', 'backup/api.md']];

test('"replace A with B" and "overwrite A with B" read B and write A', async () => {
  let checked = 0;
  for (const verb of ['replace', 'overwrite']) {
    for (const form of withForms) {
      for (const [target, source] of replacements) {
        const request = `${prefixes[checked % prefixes.length]}${verb} ${target} with ${form}${source}`;
        assert.deepEqual(statedCopies(request), [{ from: source, to: target, rename: false, keeps: true }], request);
        assert.equal(await turnedAway(request, `cp ${source} ${target}`), '', `cp ${source} ${target} for "${request}"`);
        for (const backwards of [`cp ${target} ${source}`, `cp -f ${target} ./${source}`, `rsync -a ${target} ${source}`]) {
          assert.match(await turnedAway(request, backwards), /writes over .*which the request copies from/, `${backwards} for "${request}"`);
        }
        assert.match(await turnedAway(request, `printf '%s\\n' ${source} >> ${target}`), /writes words into .*, but the request asks to copy what/, request);
        assert.match(await turnedAway(request, `echo the >> ${target}`), /writes words into/, request);
        assert.match(await turnedAway(request, `echo the | tee -a ${target}`), /writes words into/, request);
        assert.equal(await turnedAway(request, `cat ${source} | tee ${target}`), '', request);
        checked++;
      }
    }
  }
  // Text replaced in a file is no copy.
  assert.deepEqual(statedCopies('replace foo with bar in notes.txt'), []);
  assert.deepEqual(statedCopies('replace the tabs with spaces in notes.txt'), []);
});

test('"replace A with its copy in F" reads F/A, and "copy A back out of F" reads F', async () => {
  for (const copy of ['its copy in', 'the version in', 'the copy from', 'the backup in', 'the one in']) {
    for (const [name, folder] of [['notes.txt', 'backup'], ['todo.txt', 'backup'], ['notes.txt', 'data']]) {
      const request = `replace ${name} with ${copy} ${folder}`;
      assert.deepEqual(statedCopies(request), [{ from: `${folder}/${name}`, to: name, rename: false, keeps: true }], request);
      assert.match(await turnedAway(request, `cp ${name} ${folder}`), /writes over .*which the request copies from/, request);
      assert.match(await turnedAway(request, `cp -n ${name} ${folder}/`), /writes over .*which the request copies from/, request);
      assert.equal(await turnedAway(request, `cp ${folder}/${name} ${name}`), '', request);
      assert.match(await turnedAway(request, `cp -r ${folder} ${name}`), new RegExp(`copies the whole folder ${folder} onto ${name.replace('.', '\\.')}`), request);
    }
  }
  for (const request of ['copy notes.txt back out of backup', 'copy todo.txt out of backup', 'copy the file notes.txt back out of the backup folder']) {
    assert.match(await turnedAway(request, `cp ${/\S+\.txt/.exec(request)?.[0]} backup`), /writes over backup, which the request copies from/, request);
  }
});

test('"create a tarball of D called N" packs D into N; it never unpacks N over D', async () => {
  for (const verb of ['create', 'make', 'build']) {
    for (const thing of ['a tarball', 'an archive', 'a tar file', 'a new tarball']) {
      for (const [folder, name] of [['docs', 'archive.tar'], ['logs', 'logs.tar'], ['src', 'site.tar']]) {
        for (const called of ['called', 'named']) {
          const request = `${verb} ${thing} of ${folder} ${called} ${name}`;
          assert.match(await turnedAway(request, `mkdir -p ${folder} && tar -xf ${name} -C ${folder}`), /unpacks an archive, but the request asks to make one/, request);
          assert.equal(await turnedAway(request, `tar -cf ${name} ${folder}`), '', request);
        }
      }
    }
  }
});

const modeWordings = ['chmod {m} the {k} files', 'chmod {m} every {k} file in {d}', 'set the mode of the {k} files to {m}', 'change the permissions of the {k} files in {d} to {m}', 'make the {k} files {m}', 'make all the {k} files in {d} {m}', 'give the {k} files mode {m}', 'chmod -R {m} the {k} files in {d}', 'change {k} files to mode {m}', 'set the {k} files in {d} to permissions {m}'];

test('the mode a request sets is never a test of which files to set', async () => {
  let checked = 0;
  for (const t of modeWordings) {
    for (const [m, k, d] of [['644', '.ts', 'src'], ['600', '.log', 'logs'], ['755', '.sh', 'src'], ['640', '.txt', 'docs'], ['0700', '.md', 'docs']]) {
      const request = `${prefixes[checked % prefixes.length]}${t.replace('{m}', m).replace('{k}', k).replace('{d}', d)}`;
      assert.ok(modesSet(request.toLowerCase()).includes(m), `${m} is set by "${request}"`);
      assert.ok(!permissionTests(readRequest(request, ws)).includes(`-perm ${m}`), `no -perm ${m} for "${request}"`);
      const kind = `'*${k}'`;
      assert.match(await turnedAway(request, `find ${d} -type f -name ${kind} -perm ${m} -exec chmod ${m} {} +`), /only files that already have mode/, request);
      assert.doesNotMatch(await turnedAway(request, `find ${d} -type f -name ${kind} -exec chmod ${m} {} +`), /already have mode|changes no permissions|sets mode/, request);
      checked++;
    }
  }
  // A mode the request picks files by stays a test, beside the one it sets.
  assert.deepEqual(permissionTests(readRequest('chmod 755 the files with permissions 644 in src', ws)), ['-perm 644']);
  assert.deepEqual(permissionTests(readRequest('change the files with mode 644 to 600', ws)), ['-perm 644']);
  assert.deepEqual(permissionTests(readRequest('find the files with permission 777', ws)), ['-perm 777']);
});

test('"make the files 644" is an order to set a mode: a plan without chmod, or with another mode, does not answer it', async () => {
  for (const request of ['make the .txt files 644', 'make notes.txt 600', 'make them 755', 'make the .log files in logs 640', 'please make all the scripts 700']) {
    const intent = readIntent(readRequest(request, ws));
    assert.ok(intent.actions.includes('change'), `"${request}" orders a change`);
    assert.match(await turnedAway(request, "find . -type f -name '*.txt' -not -path './.git/*'"), /changes no permissions|changes nothing/, request);
    assert.match(await turnedAway(request, 'touch file{1..644}.txt'), /changes no permissions/, request);
    assert.match(await turnedAway(request, 'chmod +x notes.txt'), /sets mode \+x, but the request asks for/, request);
  }
  // Numbers that are counts, not modes.
  for (const request of ['make 100 files', 'make a list of the 100 biggest files', 'make the log 600 lines long']) {
    assert.deepEqual(modesSet(request), [], request);
  }
});
