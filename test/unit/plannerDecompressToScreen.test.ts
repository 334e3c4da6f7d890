// "decompress logs.gz to standard output", "gunzip app.log.gz to the
// console": the archive's contents are printed, nothing is unpacked to disk
// and no folder called "standard" is a destination. A plain reader given a
// compressed file prints noise, and unzip reads no gzip file. Wordings are
// built from parts: verbs × screens × files, planned by the real planner.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { archiveFit } from '../../server/src/planner/archiveFit';
import { readIntent } from '../../server/src/planner/intent';
import { readRequest } from '../../server/src/planner/requestFacts';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

const files = ['logs.gz', 'app.log.gz', 'data.csv.gz'];
const verbs = ['decompress', 'uncompress', 'gunzip', 'unzip', 'inflate', 'unpack'];
const screens = ['to standard output', 'to stdout', 'to the screen', 'to the terminal', 'on the console'];

let ws: PlannerWorkspace;
before(async () => {
  ws = await plannerWorkspace('decompress-screen', ['.', 'out'], Object.fromEntries(files.map((f) => [f, gzipSync('line one\nline two\n').toString('latin1')])));
});
after(() => ws.close());

test('a decompression sent to the screen reads as a look, with no place to put things', () => {
  for (const verb of verbs) {
    for (const screen of screens) {
      for (const f of files) {
        const request = `${verb} ${f} ${screen}`;
        const intent = readIntent(readRequest(request));
        assert.deepEqual(intent.actions, [], request);
        assert.deepEqual(intent.places?.destinations ?? [], [], request);
      }
    }
  }
  // A file named as well is still written; a folder after "into" is still where things go.
  assert.notDeepEqual(readIntent(readRequest('decompress logs.gz to standard output and to copy.txt')).actions, []);
  assert.notDeepEqual(readIntent(readRequest('decompress logs.gz into out')).actions, []);
});

test('the plan prints what the archive holds and unpacks nothing', async () => {
  const wrong: string[] = [];
  let planned = 0;
  for (const [i, verb] of verbs.entries()) {
    for (const [j, screen] of screens.entries()) {
      const f = files[(i + j) % files.length];
      const request = `${verb} ${f} ${screen}`;
      const r = await ws.result(request);
      if (r.abstained) continue;
      planned++;
      const command = r.command ?? '';
      if (!/^(?:zcat|gzip -d?c|gunzip -c|gzip -cd)\b/.test(command) || !command.includes(f)) wrong.push(`${request} → ${command}`);
    }
  }
  assert.deepEqual(wrong, []);
  assert.ok(planned >= 25, `${planned} of 30 planned`);
});

test('a plain reader of a compressed name, and unzip of a gzip file, do not fit', () => {
  const facts = readRequest('show what is in report.gz');
  for (const template of ['cat {file}', 'awk {file}', 'cut {file}', 'column {file}', 'strings {file}', 'head {file}']) {
    assert.ok(archiveFit({ template }, { file: 'report.gz' }, facts) < 0, template);
    assert.equal(archiveFit({ template }, { file: 'report.txt' }, facts), 0, template);
  }
  for (const name of ['logs.gz', 'site.tar.gz', 'x.bz2']) assert.ok(archiveFit({ template: 'unzip {archive} -d {dir}' }, { archive: name, dir: 'out' }, facts) < 0, name);
  assert.equal(archiveFit({ template: 'unzip {archive} -d {dir}' }, { archive: 'site.zip', dir: 'out' }, facts), 0);
});
