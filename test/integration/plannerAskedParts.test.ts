// What a request names beyond its verb, with the real store, knowledge and
// policy: the operand it asks about (a quoted name, a variable, a program),
// how deep a listing goes (the folders of a folder are one level down), and
// the layout of the answer (on one line, comma separated, numbered, without
// the trailing slash). A plan that drops one answers another question. A few
// plans are run in a container over a copy of the workspace to show their output.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { expectPlans, plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';
import { dockerHas } from '../support/dockerImage';

let w: PlannerWorkspace;
const image = 'paladin-test:debian';

before(async () => {
  w = await plannerWorkspace('asked-parts', ['docs', 'src/lib', 'old reports/2023'], ['notes.txt', 'docs/guide.md', 'docs/faq.md', 'src/app.py', 'src/lib/util.py']);
});

after(() => w.close());

const plan = (request: string) => w.plan(request);

/** The output of `command` run over the workspace (read-only) in a throw-away container. */
function runInContainer(command: string): string {
  return execFileSync('docker', ['run', '--rm', '--network', 'none', '-v', `${w.workspace}:/ws:ro`, '-w', '/ws', image, 'bash', '-c', command], { encoding: 'utf8' });
}

test('the operand a request asks about is in the plan: a quoted name, a variable with its path, a program', async () => {
  await expectPlans(plan, [
    ['print the full path of "old reports"', /^(?:realpath|readlink -f) 'old reports'$/],
    ["what is the absolute path of 'BUILD_DIR'", /^(?:realpath|readlink -f) BUILD_DIR$/],
    ['resolve the canonical path of $HOME/projects', /^(?:realpath|readlink -f) "\$HOME\/projects"$/],
    ['print the resolved path for the file "docs/faq.md"', /^(?:realpath|readlink -f) docs\/faq\.md$/],
  ]);
  for (const request of ['give the absolute path of the perl executable', 'show me the real location of the node binary', 'print absolute path of ruby executable']) {
    const program = /(?:the|of) (\w+) (?:executable|binary)/.exec(request)?.[1] as string;
    const r = await w.result(request);
    assert.match(r.command, new RegExp(`^(?:which|command -v|readlink -f|realpath) .*\\b${program}\\b`), `"${request}" → ${r.command}`);
    for (const c of r.candidates.map((x) => x.command)) assert.match(c, new RegExp(`\\b${program}\\b`), `"${request}" → ${c}`);
  }
});

test('the folders of a folder are one level down, without the folder itself, unless the request says deeper', () => expectPlans(plan, [
  ['list all the subdirectories in the current directory', /^(?:find \. -mindepth 1 -maxdepth 1 -type d|ls -d \*\/)$/],
  ['which folders are in this directory', /^(?:find \. -mindepth 1 -maxdepth 1 -type d|ls -d \*\/)$/],
  ['print the sub-folders of the working directory', /^(?:find \. -mindepth 1 -maxdepth 1 -type d|ls -d \*\/)$/],
  ['list the folders in the current directory and below', /^find \. (?:-mindepth 1 )?-type d$/],
  ['list the subdirectories of the current folder recursively', /^find \. (?:-mindepth 1 )?-type d$/],
]));

test('the layout the request states is carried out, never dropped', () => expectPlans(plan, [
  ['list the files in docs on one line', /^(?:ls (?:-1 )?docs|find docs (?:-maxdepth 1 )?-type f) \| paste -sd ' '$/],
  ['show the entries of src separated by commas', /^(?:ls -m src|ls src \| paste -sd ,)$/],
  ['list the python files under src, numbered', /^find src -type f -name '\*\.py' \| nl$/],
  ['print the markdown files in docs joined by spaces', /^find docs -type f -name '\*\.md' \| paste -sd ' '$/],
  ['list the folders here without the trailing slash', /^(?:find \. -mindepth 1 -maxdepth 1 -type d|ls -d \*\/ \| sed 's:\/\$::')$/],
]));

test('run in a container, the plans print what was asked: one line, numbered, only the top folders', { skip: !dockerHas(image) && `image ${image} is not built` }, async () => {
  const oneLine = runInContainer(await plan('list the files in docs on one line')).trim();
  assert.equal(oneLine.split('\n').length, 1, oneLine);
  assert.deepEqual(oneLine.split(' ').map((p) => p.replace(/^docs\//, '')).sort(), ['faq.md', 'guide.md']);
  const numbered = runInContainer(await plan('list the python files under src, numbered')).trim().split('\n');
  assert.deepEqual(numbered.map((l) => l.trim().split(/\s+/)[0]), ['1', '2']);
  const folders = runInContainer(await plan('list all the subdirectories in the current directory')).trim().split('\n').map((l) => l.replace(/^\.\//, '').replace(/\/$/, '')).sort();
  assert.deepEqual(folders, ['docs', 'old reports', 'src']);
});
