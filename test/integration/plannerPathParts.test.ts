// Parts of a path asked for in words, with the real store, knowledge and
// policy: the name at its end (basename), the folders before it (dirname),
// the name without its extension, the extension alone, the path resolved
// (realpath, readlink -f) and where a link points. Each class is asked in
// several wordings over several paths; every plan must keep the path named
// and take the part asked, never the opposite part.
import { after, before, test } from 'node:test';
import { expectPlans, plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';
import * as fs from 'node:fs';
import * as path from 'node:path';

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
