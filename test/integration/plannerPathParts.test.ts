// Parts of a path asked for in words, with the real store, knowledge and
// policy: the name at its end (basename), the folders before it (dirname),
// the name without its extension, the extension alone, the path resolved
// (realpath, readlink -f) and where a link points. Each class is asked in
// several wordings over several paths; every plan must keep the path named
// and take the part asked, never the opposite part.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { expectPlans, plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('path-parts', ['docs', 'releases'], ['notes.txt', 'docs/guide.md', 'releases/v2.tar.gz']);
  fs.symlinkSync('releases/v2.tar.gz', path.join(w.workspace, 'latest'));
  fs.symlinkSync('docs', path.join(w.workspace, 'current'));
});

after(() => w.close());

const plan = (request: string) => w.plan(request);
const paths = ['/srv/www/index.html', 'src/app/main.ts', '/home/dana/report.pdf'];
const quote = (p: string) => p.replace(/[.]/g, '\\.');

test('stripping the folders keeps the name: basename, never dirname', () => expectPlans(plan, paths.flatMap((p): [string, RegExp][] => [
  [`strip the directory part from ${p}`, new RegExp(`^basename ${quote(p)}$`)],
  [`print ${p} without its folders`, new RegExp(`^basename ${quote(p)}$`)],
  [`remove the leading directories from ${p}`, new RegExp(`^basename ${quote(p)}$`)],
  [`the directory part of ${p}`, new RegExp(`^dirname ${quote(p)}$`)],
  [`print the file name from the path ${p}`, new RegExp(`^basename ${quote(p)}$`)],
])));

test('a name without its extension: the extension named, or the one the file has, never one made up', () => expectPlans(plan, paths.flatMap((p): [string, RegExp][] => {
  const ext = /\.(\w+)$/.exec(p)?.[1] as string;
  return [
    [`the file name of ${p} without its extension`, new RegExp(`^basename ${quote(p)} \\.${ext}$`)],
    [`output ${p} without folders and without the .${ext} suffix`, new RegExp(`^basename ${quote(p)} \\.${ext}$`)],
    [`strip the extension from ${p.split('/').pop()}`, /^echo \S+ \| sed 's\/\\\.\[\^\.\]\*\$\/\/'$/],
    [`what is the extension of ${p.split('/').pop()}`, /^echo \S+ \| sed 's\/\.\*\\\.\/\/'$/],
  ];
})));

test('the names of a kind of file without their extension name that kind, and every file when none is named', () => expectPlans(plan, [
  ['print the names of all .wiki files without extension', /^for f in \*\.wiki; do echo "\$\{f%\.\*\}"; done$/],
  ['list the file names here without their suffix', /^for f in \*; do echo "\$\{f%\.\*\}"; done$/],
]));

test('a resolved path is realpath or readlink -f; where a program is installed is which', () => expectPlans(plan, [
  ['print the absolute path of notes.txt', /^(realpath|readlink -f) notes\.txt$/],
  ['what is the real path of docs/guide.md', /^(realpath|readlink -f) docs\/guide\.md$/],
  ['canonical path of notes.txt please', /^(realpath|readlink -f) notes\.txt$/],
  ['where does the link latest point to', /^readlink -f latest$/],
  ['resolve the symlink current to its target', /^readlink -f current$/],
  ['show the target of the link named latest', /^readlink -f latest$/],
  ['where is the python3 executable installed', /^(which|command -v) python3$/],
]));

/** Each command shown for `request` (plan and alternatives) that writes or deletes, as the policy sees it. */
async function changingCommands(request: string): Promise<string[]> {
  const r = await w.result(request);
  const bad: string[] = [];
  for (const command of [r.command, ...r.candidates.map((c) => c.command)].filter((c) => c !== '')) {
    const d = await w.policy.check(command, { workspace: w.workspace });
    if (d.risk.writes.length + d.risk.deletes.length > 0) bad.push(`"${request}" → ${command}`);
  }
  return bad;
}

// Verbs that take a part off a name, and the parts they take, over paths that exist and paths that do not.
const takers = ['remove', 'delete', 'strip', 'drop', 'get rid of', 'cut', 'erase'];
const partsTaken = (p: string) => {
  const name = p.split('/').pop() as string;
  const ext = /\.(\w+)$/.exec(name)?.[1] ?? 'txt';
  return [
    `the leading directories from ${p}`, `all the leading folders from ${p}`, `the parent folders from ${p}`,
    `the containing folder from ${p}`, `the directory part of ${p}`, `the folder prefix from ${p}`,
    `the folders off ${p}`, `the dirs from the path ${p}`, `the extension of ${name} and print the name`,
    `the .${ext} suffix from the name ${name}`, `the file extension from ${name}`,
  ];
};

test('taking a part off a path or a name is said with a verb that deletes, yet nothing on disk is written or deleted', async () => {
  const bad: string[] = [];
  for (const p of [...paths, 'docs/guide.md', 'releases/v2.tar.gz']) {
    for (const [i, part] of partsTaken(p).entries()) bad.push(...await changingCommands(`${takers[(i + p.length) % takers.length]} ${part}`));
  }
  assert.deepEqual(bad, []);
});

test('a folder on disk asked to go is not turned into a print of its path', async () => {
  for (const request of ['delete the parent folder of docs/guide.md', 'wipe the containing folder of releases/v2.tar.gz', 'remove the parent directory of docs/guide.md']) {
    const r = await w.result(request);
    if (r.command === '') continue;
    const d = await w.policy.check(r.command, { workspace: w.workspace });
    assert.ok(d.risk.deletes.length > 0, `"${request}" → ${r.command}`);
  }
});

test('files with no extension are chosen by their name, never all the files', () => expectPlans(plan, [
  ['delete the files with no extension', /^find \. -type f ! -name '\*\.\*' -delete$/],
  ['remove every file without a suffix in releases', /^find releases -type f ! -name '\*\.\*' -delete$/],
  ['list the files in docs that have no extension', /^find docs -type f ! -name '\*\.\*'$/],
]));

test('the resolved paths of many files are found and each resolved, not the path of their folder', () => expectPlans(plan, [
  ['print the absolute path of every txt file', /^find \. -type f -name '\*\.txt' -exec realpath -- \{\} \+$/],
  ['show the real paths of all the files in docs', /^find docs -type f -exec realpath -- \{\} \+$/],
  ['list the full paths of the md files under docs', /^find docs -type f -name '\*\.md' -exec realpath -- \{\} \+$/],
]));

test('"the parent folder of X" is the folder X is in, never .. and never a file named ..', async () => {
  for (const p of paths) {
    for (const said of ['show the parent dir of', 'print the parent folder of']) assert.match(await plan(`${said} ${p}`), new RegExp(`^dirname ${quote(p)}$`), `${said} ${p}`);
  }
  for (const request of ['delete the parent folder of docs/guide.md', "what's the parent directory of releases/v2.tar.gz", 'remove the parent directory of docs']) {
    const r = await w.result(request);
    for (const c of [r.command, ...r.candidates.map((x) => x.command)]) assert.doesNotMatch(c, /-i?name \.\.?(?:\s|$)/, `"${request}" → ${c}`);
  }
});

test('"the parent folder of X" as a place is the folder X is in', () => expectPlans(plan, [
  ['move notes.txt to the parent folder of docs/guide.md', /^mv (?:-n )?notes\.txt docs\/?$/],
  ['show the size of the parent folder of releases/v2.tar.gz', /^du -\w+ releases\/?$/],
  ['list the files in the parent folder', /^ls \.\.$/],
]));
