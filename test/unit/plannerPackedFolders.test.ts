// The folder a request packs ("tar up src as src.tar", "compress logs into
// pack.tar.gz", "put docs into a zip file") is what the archive holds, in
// every wording: never the whole workspace (`tar -cf src.tar .`) and never
// a search for a kind of file that shares the folder's name.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { packedFolderDropped } from '../../server/src/planner/packedFolders';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let ws: PlannerWorkspace;
before(async () => {
  ws = await plannerWorkspace('packed', ['src/lib', 'logs', 'docs'], ['src/main.ts', 'src/lib/a.ts', 'logs/app.log', 'docs/guide.md', 'notes.txt']);
});
after(() => ws.close());

const wordings = [
  (d: string, a: string) => `tar up ${d} as ${a}`,
  (d: string, a: string) => `compress ${d} into ${a}`,
  (d: string, a: string) => `archive ${d} as ${a}`,
  (d: string, a: string) => `pack ${d} into ${a}`,
  (d: string, a: string) => `make a tarball of the ${d} folder called ${a}`,
  (d: string, a: string) => `please tar up the ${d} directory as ${a}`,
  (d: string, a: string) => `bundle ${d} into ${a}`,
];
const folders = ['src', 'logs', 'docs'];
const archives = ['pack.tar.gz', 'site.tar', 'out.tgz'];

test('the archive holds the folder the request packs, in every wording', async () => {
  const wrong: string[] = [];
  let planned = 0;
  let all = 0;
  for (const wording of wordings) for (const folder of folders) for (const archive of archives) {
    const request = wording(folder, archive);
    // "compress logs into site.tar" leaves open whether the tar is compressed too.
    if (/^compress/.test(request) && /\.tar$/.test(archive)) continue;
    all += 1;
    const command = await ws.plan(request);
    if (!command) continue;
    planned += 1;
    // The archive named, holding the folder (itself, or the files found in it), and nothing made but the archive.
    const holds = new RegExp(`^(?:tar -c\\w*f ${archive.replace('.', '\\.')} ${folder}|find ${folder} .*\\| tar .*-c\\w*f ${archive.replace('.', '\\.')} .*-T -)$`);
    if (!holds.test(command)) wrong.push(`${request} → ${command}`);
  }
  assert.deepEqual(wrong, []);
  assert.ok(planned >= all * 0.8, `${planned} of ${all} planned`);
});

test('"put docs into a zip file" zips docs', async () => {
  assert.match(await ws.plan('put docs into a zip file'), /^zip -r \S+\.zip docs$/);
});

test('an archive that leaves the packed folder out is set aside; one that holds it is not', () => {
  assert.match(packedFolderDropped(['src'], '', 'tar -cf src.tar .').join(), /does not pack src/);
  assert.match(packedFolderDropped(['logs'], '', "find . -name '*.log' -print0 | tar --null -czf pack.tar.gz -T -").join(), /does not pack logs/);
  assert.deepEqual(packedFolderDropped(['src'], '', 'tar -czf src.tar.gz src'), []);
  assert.deepEqual(packedFolderDropped(['src'], '', 'tar -czf out.tgz ./src/'), []);
  assert.deepEqual(packedFolderDropped(['src'], '', 'zip -r src.zip src'), []);
  // An archive is written in the format its name says.
  assert.match(packedFolderDropped(['docs'], '', 'zip -r pack.tar.gz docs').join(), /zip archive under the name of a tar archive/);
  assert.match(packedFolderDropped([], '', 'tar -czf docs.zip docs').join(), /tar archive under the name of a zip archive/);
  assert.deepEqual(packedFolderDropped([], '', 'tar -czf docs.tar.gz docs'), []);
  // An archive asked for is made.
  assert.match(packedFolderDropped(['docs'], 'make a tarball of the docs folder called site.tar', 'ln -s docs site.tar').join(), /makes no archive/);
  assert.deepEqual(packedFolderDropped(['docs'], 'make a tarball of the docs folder called site.tar', 'tar -cf site.tar docs'), []);
  // A slot still to fill: nothing to hold yet.
  assert.deepEqual(packedFolderDropped(['src'], '', "tar -cf '<archive>' src"), []);
});
