// "the backed-up notes.txt", "notes.txt's backup", "the notes.txt backup",
// "the old copy of notes.txt": the copy is asked for, so the file it copies,
// every file of its name across the workspace, or the folder holding the copy
// is never what a delete takes. Wordings are built from parts: verbs × forms ×
// files, with the plans that hit the live file.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { copiedFile } from '../../server/src/planner/copyNamed';
import { effectChecks } from '../support/policyDecision';

const { over } = effectChecks();
const verbs = ['delete', 'remove', 'erase', 'get rid of', 'trash', 'just delete', 'go ahead and remove'];
const files = ['notes.txt', 'main.ts', 'todo.txt', 'report-2024.csv', 'app.config.json'];
const forms = (f: string) => [`the backed-up ${f}`, `the backed up ${f}`, `${f}'s backup`, `${f}'s old copy`, `the ${f} backup`, `the ${f} copy`, `the old copy of ${f}`, `the previous version of ${f}`, `a duplicate of ${f}`];

test('a delete of the copy named by its file never takes the file itself', () => {
  for (const verb of verbs) {
    for (const f of files) {
      for (const form of forms(f)) {
        const request = `${verb} ${form}`;
        assert.equal(copiedFile(request), f, request);
        for (const plan of [`rm -- ${f}`, `rm -f ${f}`, `bzip2 ${f}`, `find . -type f -name ${f} -exec rm -f -- {} +`, `find old -type f -name backup -delete`, 'rsync -a --delete old/ backup/', 'rm -r backup']) {
          assert.match(over(request, plan), /the request names (?:only )?a copy of/, `${request} → ${plan}`);
        }
        assert.doesNotMatch(over(request, `rm -- ${f}.bak`), /names (?:only )?a copy of/, request);
        assert.doesNotMatch(over(request, `rm -- backup/${f}`), /names (?:only )?a copy of/, request);
        assert.doesNotMatch(over(request, `find backup -type f -name ${f} -delete`), /names (?:only )?a copy of/, request);
      }
    }
  }
});

test('the file itself, or a backup made of it, is no copy named', () => {
  for (const f of files) {
    assert.equal(copiedFile(`delete ${f}`), undefined);
    assert.equal(copiedFile(`delete the ${f} backup folder`), undefined);
    assert.doesNotMatch(over(`delete ${f}`, `rm -- ${f}`), /a copy of/);
    assert.doesNotMatch(over(`make a backup copy of ${f} in backup`, `cp -- ${f} backup/`), /a copy of/);
  }
});

test('every act on the copy named by its file, not only a delete, keeps off the file itself', () => {
  const acts: [string, (f: string) => string[], (f: string) => string][] = [
    ['chmod 600', (f) => [`chmod 600 ${f}`, `chmod -R 600 ${f}`], (f) => `chmod 600 backup/${f}`],
    ['make read-only:', (f) => [`chmod a-w ${f}`, `chmod 444 ${f}`], (f) => `chmod a-w backup/${f}`],
    ['chown alice', (f) => [`chown alice ${f}`], (f) => `chown alice backup/${f}`],
    ['replace foo with bar in', (f) => [`sed -i 's/foo/bar/g' ${f}`, `sed -i.bak 's|foo|bar|g' ${f}`, `perl -pi -e 's/foo/bar/g' ${f}`], (f) => `sed -i 's/foo/bar/g' backup/${f}`],
    ['gzip', (f) => [`gzip ${f}`, `gzip -k ${f}`, `xz ${f}`], (f) => `gzip backup/${f}`],
    ['empty', (f) => [`truncate -s 0 ${f}`], (f) => `truncate -s 0 backup/${f}`],
  ];
  for (const [act, wrong, right] of acts) {
    for (const f of files) {
      for (const form of forms(f)) {
        const request = act.endsWith(':') ? `make ${form} read-only` : `${act} ${form}`;
        for (const plan of wrong(f)) assert.match(over(request, plan), /the request names (?:only )?a copy of/, `${request} → ${plan}`);
        assert.doesNotMatch(over(request, right(f)), /names (?:only )?a copy of/, `${request} → ${right(f)}`);
      }
    }
  }
});
