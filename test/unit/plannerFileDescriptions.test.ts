// Files named by what they are ("the site backup", "the 2023 log archive",
// "the sales sheet") resolve to the one workspace file whose path the words
// fit, in workspaces built for each case; several equal fits leave the
// request unclear instead of guessed. Archive and compression programs fit
// the file they are given and the words of the request.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileUnclear, helpFor } from '../../server/src/planner/abstain';
import { archiveFit } from '../../server/src/planner/archiveFit';
import { readIntent } from '../../server/src/planner/intent';
import { readRequest, type WorkspaceNames } from '../../server/src/planner/requestFacts';

/** Names of a workspace holding `files`, as the context scan gives them. */
function workspace(files: string[]): WorkspaceNames {
  const dirs = new Set<string>();
  for (const f of files) for (let p = f; p.includes('/'); ) dirs.add((p = p.slice(0, p.lastIndexOf('/'))));
  const byBase = new Map<string, string>();
  for (const p of [...dirs, ...files]) if (!byBase.has(p.split('/').pop() as string)) byBase.set(p.split('/').pop() as string, p);
  return { files: new Set(files), dirs, byBase, byStem: new Map() };
}
const fileOf = (request: string, ws: WorkspaceNames) => readRequest(request, ws).files.map((f) => f.value);

const project = workspace(['backups/web-2025.tgz', 'scripts/backup.sh', 'logs/server.log', 'logs/rotated/server-2022.log.gz', 'logs/old.log', 'etc/proxy.conf', 'data/config.json', 'reports/revenue.csv', 'reports/revenue-notes.md', 'notes.txt']);

test('a file described by words of its path and its kind is that file, and words that fit none name none', () => {
  const cases: [string, string][] = [
    ['unpack the web backup here', 'backups/web-2025.tgz'],
    ['list what is in my web backup tarball', 'backups/web-2025.tgz'],
    ['decompress the old server log archive', 'logs/rotated/server-2022.log.gz'],
    ['print the 2022 log archive', 'logs/rotated/server-2022.log.gz'],
    ['read the compressed server log', 'logs/rotated/server-2022.log.gz'],
    ['the last error in the server log', 'logs/server.log'],
    ['show me the proxy config', 'etc/proxy.conf'],
    ['which port is set in the conf file', 'etc/proxy.conf'],
    ['average of the amount column in the revenue sheet', 'reports/revenue.csv'],
    ['sum up the revenue spreadsheet', 'reports/revenue.csv'],
    ['run the backup script', 'scripts/backup.sh'],
    ['open the old log', 'logs/old.log'],
  ];
  const wrong = cases.map(([request, want]) => [request, fileOf(request, project)[0], want]).filter(([, got, want]) => got !== want);
  assert.deepEqual(wrong, []);
  assert.deepEqual(readRequest('unpack the web backup here', project).archives.map((f) => f.value), ['backups/web-2025.tgz'], 'an archive described is an archive to read');
  // Words that fit no file, or say only a kind, resolve nothing.
  for (const request of ['unpack the mobile backup', 'show the nginx log', 'open the python file', 'the first file', 'tail the last 5 lines of the log', 'make a backup of the notes']) {
    assert.deepEqual(fileOf(request, project), [], request);
  }
  assert.equal(readRequest('show the nginx log', project).unclearFile, undefined);
});

test('a description several files fit equally is unclear, and the help names them', () => {
  const two = workspace(['backups/shop-2023.tar.gz', 'backups/shop-2024.tar.gz', 'logs/a.log', 'logs/b.log']);
  for (const request of ['extract the shop backup into restore', 'how many files are in the shop tarball?', 'unpack my shop archive']) {
    const facts = readRequest(request, two);
    assert.equal(fileUnclear(facts), true, request);
    assert.deepEqual(facts.unclearFile?.candidates, ['backups/shop-2023.tar.gz', 'backups/shop-2024.tar.gz'], request);
    assert.match(helpFor('unclear-file', facts, readIntent(facts))[0], /shop-2023\.tar\.gz or backups\/shop-2024\.tar\.gz/);
  }
  assert.deepEqual(fileOf('extract the 2024 shop backup', two), ['backups/shop-2024.tar.gz'], 'a year that tells them apart');
  assert.equal(fileUnclear(readRequest('extract the shop backup backups/shop-2023.tar.gz', two)), false, 'a file named outright decides');
  assert.equal(readRequest('count the lines of the log', two).unclearFile, undefined, 'a kind alone is general, not unclear');
});

const facts = (request: string) => readRequest(request, project);
const fit = (template: string, value: string, request: string) => archiveFit({ template }, { f: value }, facts(request));

test('an archive program fits the file it reads and the words of the request', () => {
  assert.ok(fit('tar -tf {f}', 'logs/rotated/server-2022.log.gz', 'what is in the log archive') < fit('zcat {f}', 'logs/rotated/server-2022.log.gz', 'what is in the log archive'), 'a compressed log is no tarball');
  assert.ok(fit('cat {f}', 'logs/rotated/server-2022.log.gz', 'show the 2022 log archive') < 0, 'cat prints a compressed file as bytes');
  for (const kind of ['tar.gz', 'tar.bz2', 'tar.xz']) {
    assert.equal(fit('tar -xf {f}', kind, `extract the ${kind} archive`), 0, `a ${kind} named by its kind alone is a tarball`);
  }
  assert.ok(fit('zcat {f}', 'backups/web-2025.tgz', 'list the files inside the web backup') < fit('tar -tf {f}', 'backups/web-2025.tgz', 'list the files inside the web backup'));
  for (const request of ['bzip2 notes.txt', 'gunzip the 2022 log archive', 'xz notes.txt please']) {
    const program = request.split(' ')[0];
    assert.ok(fit(`${program} {f}`, 'notes.txt', request) > fit(`${program} -k {f}`, 'notes.txt', request), `${request}: an order replaces the file`);
  }
  for (const request of ['bzip2 notes.txt but keep the original', 'gunzip the 2022 log archive and leave the .gz', 'compress notes.txt with xz without deleting it']) {
    const program = /\b(bzip2|gunzip|xz)\b/.exec(request)?.[1] as string;
    assert.ok(fit(`${program} -k {f}`, 'notes.txt', request) > fit(`${program} {f}`, 'notes.txt', request), `${request}: the original is kept`);
  }
  assert.ok(fit('tar -czf - {f} | wc -c', 'logs', 'total size of the logs folder in kilobytes') < 0, 'a folder\'s size is not its tarball\'s');
  assert.equal(fit('tar -czf - {f} | wc -c', 'logs', 'how big would logs be as a compressed tarball'), 0);
  assert.ok(fit('tar -czf - {f} | wc -c', 'backups/web-2025.tgz', 'how many files are in the web backup tarball') < 0, 'an archive is not packed again to count it');
});
