// An archive is no folder: "restore notes.md from site.zip" unpacks the file,
// it never copies the archive's bytes over it; and "extract only notes.md
// from site.zip" unpacks that member alone, never every member over the live
// files of their names. Commands are read by the real parser into the facts
// the policy sees.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readRequest, type WorkspaceNames } from '../../server/src/planner/requestFacts';
import { statedCopyCandidates } from '../../server/src/planner/statedCopyPlans';
import { effectChecks } from '../support/policyDecision';

const ws: WorkspaceNames = {
  files: new Set(['plan.md', 'budget.csv', 'docs/intro.md', 'site.zip', 'drafts.tar.gz', 'photos.tgz', 'saved/plan.md']),
  dirs: new Set(['docs', 'saved']),
  byBase: new Map([['plan.md', 'plan.md'], ['budget.csv', 'budget.csv'], ['intro.md', 'docs/intro.md'], ['site.zip', 'site.zip'], ['drafts.tar.gz', 'drafts.tar.gz'], ['photos.tgz', 'photos.tgz']]),
};
const { over, short } = effectChecks(ws);
const archives = ['site.zip', 'drafts.tar.gz', 'photos.tgz'];
const files = ['plan.md', 'budget.csv', 'docs/intro.md'];
const restoring = ['restore {f} from {a}', 'recover {f} from {a}', 'bring back {f} from {a}', 'put {f} back from {a}', 'get {f} back out of {a}'];

test('a file restored from an archive is never the archive copied over it', () => {
  for (const a of archives) {
    for (const f of files) {
      for (const wording of restoring) {
        const request = wording.replace('{f}', f).replace('{a}', a);
        assert.deepEqual(statedCopyCandidates(readRequest(request, ws)).filter((c) => /^cp\b/.test(c.command) && c.command.includes(a)), [], request);
        assert.match(over(request, `cp -- ${a} ${f}`), new RegExp(`copies the archive ${a.replace(/\./g, '\\.')} itself onto`), request);
      }
    }
  }
  // A copy from a folder is still a copy.
  assert.deepEqual(statedCopyCandidates(readRequest('restore plan.md from saved', ws)).map((c) => c.command), ['cp -- saved/plan.md plan.md']);
});

test('one member asked for is unpacked alone', () => {
  // A member named with no "only" is still the one asked for: "extract notes.txt from site.zip, please".
  const asking = ['extract only {m} from {a}', 'unpack just {m} out of {a}', 'pull {m} alone out of {a}', 'unzip only the file {m} from {a}', 'get just {m} from {a}, nothing else', 'extract {m} from {a}, please', 'unpack the file {m} out of {a}', 'untar {m} from {a}'];
  const whole: Record<string, string[]> = { 'site.zip': ['unzip site.zip', 'unzip -o site.zip', 'unzip site.zip -d out'], 'drafts.tar.gz': ['tar -xzf drafts.tar.gz', 'tar xf drafts.tar.gz -C out'], 'photos.tgz': ['tar -xzf photos.tgz'] };
  const one: Record<string, (m: string) => string> = { 'site.zip': (m) => `unzip site.zip ${m}`, 'drafts.tar.gz': (m) => `tar -xzf drafts.tar.gz ${m}`, 'photos.tgz': (m) => `tar -xzf photos.tgz ./${m}` };
  for (const a of archives) {
    for (const m of ['notes.txt', 'docs/api.md']) {
      for (const wording of asking) {
        const request = wording.replace('{m}', m).replace('{a}', a);
        for (const command of whole[a]) assert.match(over(request, command), new RegExp(`unpacks all of ${a.replace(/\./g, '\\.')}`), `${request} :: ${command}`);
        assert.doesNotMatch(over(request, one[a](m)), /unpacks all/, request);
        assert.doesNotMatch(over(request, `unzip -l ${a}`), /unpacks all/, request);
      }
    }
  }
  assert.doesNotMatch(over('extract site.zip', 'unzip site.zip'), /unpacks all/);
});

const unpackOne: Record<string, (f: string) => string> = { 'site.zip': (f) => `unzip -o site.zip ${f}`, 'drafts.tar.gz': (f) => `tar -xzf drafts.tar.gz ${f}`, 'photos.tgz': (f) => `tar -xzf photos.tgz ${f}` };
const takingBack = [...restoring, 'retrieve {f} from {a}', 'please get {f} back from {a}', 'grab {f} out of {a}', 'fetch {f} from {a}', 'take {f} back out of the archive {a}'];

test('a file taken back from an archive is unpacked from it, never compressed, nor only shown', () => {
  let checked = 0;
  for (const a of archives) {
    for (const f of files) {
      for (const wording of takingBack) {
        const request = wording.replace('{f}', f).replace('{a}', a);
        assert.doesNotMatch(over(request, unpackOne[a](f)), /makes an archive|unpacks nothing/, request);
        for (const plan of [`bzip2 ${f}`, `gzip ${f}`, `gzip -k ${f}`, `xz ${f}`, `zip ${a} ${f}`, `tar -czf ${a} ${f}`]) {
          assert.match(over(request, plan), /makes an archive, but the request asks to unpack one/, `${plan} for "${request}"`);
          checked++;
        }
        assert.match(short(request, `cat ${f}`), /unpacks nothing/, `cat for "${request}"`);
      }
    }
  }
  assert.equal(checked, archives.length * files.length * takingBack.length * 6);
  // Taking a file out of an archive by deleting it there is no unpacking.
  assert.doesNotMatch(over('delete plan.md from site.zip', 'zip -d site.zip plan.md'), /makes an archive/);
});

test('a file taken back from an archive the workspace holds is planned as that member unpacked over it', () => {
  for (const a of archives) {
    for (const f of files) {
      for (const wording of ['restore {f} from {a}', 'get {f} back out of {a}', 'recover {f} from {a}', 'bring back {f} from {a}']) {
        const request = wording.replace('{f}', f).replace('{a}', a);
        assert.deepEqual(statedCopyCandidates(readRequest(request, ws)).map((c) => c.command), [unpackOne[a](f)], request);
      }
    }
  }
  // An archive the workspace does not hold builds nothing.
  assert.deepEqual(statedCopyCandidates(readRequest('restore plan.md from other.zip', ws)), []);
});

test('a file taken back from an archive is the only member unpacked, whoever planned it', () => {
  const wide: Record<string, (f: string, other: string) => string[]> = {
    'site.zip': (f, other) => ['unzip -o site.zip', 'unzip -o site.zip -d .', `unzip -o site.zip ${other} ${f}`, `unzip -o site.zip ${f} ${other}`, '7z x -y site.zip', 'bsdtar -xf site.zip'],
    'drafts.tar.gz': (f, other) => ['tar -xzf drafts.tar.gz', `tar -xzf drafts.tar.gz ${f} ${other}`, 'tar xf drafts.tar.gz -C .'],
    'photos.tgz': (f, other) => ['tar -xzf photos.tgz', `tar -xzf photos.tgz ./${other} ./${f}`],
  };
  const right: Record<string, (f: string) => string> = { 'site.zip': (f) => `unzip -o site.zip ${f}`, 'drafts.tar.gz': (f) => `tar -xzf drafts.tar.gz ${f}`, 'photos.tgz': (f) => `tar -xzf photos.tgz ./${f}` };
  for (const a of archives) {
    for (const f of files) {
      const other = files[(files.indexOf(f) + 1) % files.length];
      for (const wording of ['restore {f} from {a}', 'recover {f} from {a}', 'get {f} back out of {a}', 'retrieve the file {f} from {a}', 'pull {f} from the archive {a}']) {
        const request = wording.replace('{f}', f).replace('{a}', a);
        for (const plan of wide[a](f, other)) assert.match(over(request, plan), /unpacks all of|also unpacks/, `${request} → ${plan}`);
        assert.doesNotMatch(over(request, right[a](f)), /unpacks all of|also unpacks/, request);
        // Where it goes is a place, not another member.
        assert.doesNotMatch(over(request, `${right[a](f)} ${a === 'site.zip' ? '-d' : '-C'} saved`), /also unpacks/, request);
      }
    }
  }
});
