// Files named by what they are, archives, compression and sizes, with the
// real store, knowledge and policy: a described file is read by the program
// its kind calls for, an order to compress or decompress a file replaces it,
// sizes come in the unit and the shape asked, and a description that fits
// two files is asked about, not guessed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { expectPlans, plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('archives', ['backups', 'logs/rotated', 'etc', 'reports', 'dist', 'lib/core', 'lib/ui', 'twins'], [
    'backups/shop-2025.tgz', 'logs/api.log', 'logs/rotated/api-2022.log.gz', 'etc/proxy.conf', 'reports/revenue.csv', 'dist/a.bin', 'dist/b.bin',
    'lib/core/x.js', 'lib/ui/y.js', 'draft.txt', 'twins/photos-2023.zip', 'twins/photos-2024.zip',
  ]);
});

after(() => w.close());

const expect = (cases: [string, RegExp][]) => expectPlans(w.plan, cases);

test('a described archive is read, listed or unpacked by the program for its kind', () => expect([
  ['unpack the shop backup into a folder called restored', /^mkdir -p restored && tar -x\w*f backups\/shop-2025\.tgz -C restored$/],
  ['decompress the old api log archive', /^gunzip logs\/rotated\/api-2022\.log\.gz$/],
  ['print the 2022 log archive without extracting it', /^zcat logs\/rotated\/api-2022\.log\.gz$/],
  ['count the files in the shop backup tarball', /^tar -t\w*f backups\/shop-2025\.tgz \| grep -v '\/\$' \| wc -l$/],
]));

test('naming a compressor with a file is an order that replaces it, with approval; keeping the original is asked for', async () => {
  await expect([
    ['bzip2 draft.txt', /^bzip2 draft\.txt$/],
    ['xz draft.txt', /^xz draft\.txt$/],
    ['bzip2 draft.txt but keep the original', /^bzip2 -k draft\.txt$/],
  ]);
  const result = await w.result('bzip2 draft.txt');
  assert.notEqual(result.policy.decision, 'allow', result.command);
});

test('sizes come in the unit and the shape asked', () => expect([
  ['how many kilobytes does the logs folder take', /^du -sk logs$/],
  ['which folder inside lib uses the most disk space', /^du -s lib\/\*\/ \| sort -rn \| head -n 1$/],
  ['list dist from the largest file to the smallest', /^ls -S dist$/],
]));

test('a description that fits two files equally is asked about, naming both', async () => {
  const result = await w.result('extract the photos archive here');
  assert.equal(result.abstained, true, result.command);
  assert.match((result.help ?? []).join(' '), /twins\/photos-2023\.zip or twins\/photos-2024\.zip/);
  assert.match(await w.plan('extract the 2024 photos archive'), /^unzip twins\/photos-2024\.zip$/);
});

test('"get rid of it" after naming a folder deletes that folder, with approval', async () => {
  for (const request of ['I have no use for the twins folder any more, get rid of it', 'the twins directory is obsolete, delete it']) {
    const result = await w.result(request);
    assert.match(result.command, /^rm -r twins$/, request);
    assert.notEqual(result.policy.decision, 'allow', request);
  }
});
