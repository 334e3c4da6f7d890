// Names a request turns down ("not ending in .keep", "that aren't .ts files",
// "the non-log files", "without a .md extension", "unless they are in
// backup") are left out of a change by a test that says so, never picked as
// the files to change; and a delete of folders keeps the folder it starts
// from and a folder it excepts, run here on a real tree.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { composeStep } from '../../server/src/planner/compose';
import { selectionCandidates } from '../../server/src/planner/findSelection';
import { keptOutChanged } from '../../server/src/planner/keptOut';
import { addFindTest } from '../../server/src/planner/refine';
import { readRequest } from '../../server/src/planner/requestFacts';

const find = (request: string) => selectionCandidates(readRequest(request))[0]?.command;

const verbs = ['delete', 'remove', 'erase', 'get rid of'];
const folders = ['logs', 'src', 'docs'];
const kinds: [string, string][] = [['keep', 'keep'], ['ts', 'ts'], ['md', 'md'], ['log', 'log']];
// Each way of turning a kind down, with the words for ".x" filled in.
const forms: ((ext: string, folder: string) => string)[] = [
  (x, d) => `files not ending in .${x} in ${d}`,
  (x, d) => `the files in ${d} that don't end with .${x}`,
  (x, d) => `all files in ${d} that do not end in .${x}`,
  (x, d) => `every file under ${d} that isn't a .${x} file`,
  (x, d) => `the files in ${d} that aren't .${x} files`,
  (x, d) => `the non-${x} files in ${d}`,
  (x, d) => `files without a .${x} extension in ${d}`,
  (x, d) => `the files in ${d} which doesn't end with .${x}`,
];

function* wordings(): Generator<[string, string]> {
  for (const verb of verbs) for (const form of forms) for (const [word, ext] of kinds) for (const folder of folders) yield [`${verb} ${form(word, folder)}`, ext];
}

test('a kind turned down is left out by ! -name and never picked, in every wording', () => {
  let planned = 0;
  for (const [request, ext] of wordings()) {
    const command = find(request);
    if (!command) continue;
    planned += 1;
    assert.match(command, new RegExp(`! -name '\\*\\.${ext}'`), request);
    assert.doesNotMatch(command, new RegExp(`(?<!! )-i?name '\\*\\.${ext}'`), request);
  }
  // Most wordings get a plan; abstaining on a few is allowed, a wrong plan never.
  assert.ok(planned > [...wordings()].length * 0.9, `${planned} planned`);
});

test('a plan that picks the turned-down kind is set aside, "don\'t end with" included', () => {
  for (const [request, ext] of wordings()) {
    const folder = /\b(?:in|under) (\w+)/.exec(request)![1];
    assert.notDeepEqual(keptOutChanged(request, `find ${folder} -type f -name '*.${ext}' -delete`), [], request);
    // The folder a find starts from is no kind: "the non-log files in logs" starts in logs.
    assert.deepEqual(keptOutChanged(request, `find ${folder} -type f ! -name '*.${ext}' -delete`), [], request);
  }
});

test('names turned down by start, name and place are left out, not picked', () => {
  assert.equal(find('list files not starting with a'), "find . -type f ! -name 'a*'");
  assert.equal(find('find files that are not named notes.txt'), 'find . -type f ! -name notes.txt');
  assert.equal(find('delete all files except the ones starting with test'), "find . -type f ! -name 'test*' -delete");
  assert.equal(find('delete the .txt files unless they are in backup'), "find . -type f -name '*.txt' -not -path '*/backup' -not -path '*/backup/*' -delete");
  assert.equal(find('delete the .txt files in docs except the ones in backup'), "find docs -type f -name '*.txt' -not -path '*/backup' -not -path '*/backup/*' -delete");
});

/** A tree with folders a, src (with src/lib) and build (with build/cache), each holding a file. */
function tree(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'turned-'));
  for (const dir of ['a/deep', 'src/lib', 'build/cache', 'build/out']) fs.mkdirSync(path.join(root, dir), { recursive: true });
  for (const file of ['a/x.txt', 'a/deep/y.txt', 'src/main.ts', 'src/lib/util.ts', 'build/cache/c.o', 'build/out/o.o', 'top.txt']) fs.writeFileSync(path.join(root, file), 'x\n');
  return root;
}

/** What is left under `root` after `command` runs there, as sorted paths. */
function runIn(root: string, command: string): string[] {
  execFileSync('sh', ['-c', command], { cwd: root, stdio: 'pipe' });
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = dir ? `${dir}/${e.name}` : e.name;
      out.push(rel);
      if (e.isDirectory()) walk(rel);
    }
  };
  walk('');
  fs.rmSync(root, { recursive: true, force: true });
  return out.sort();
}

test('a delete of folders keeps the folder it starts from and the folder it excepts', () => {
  const allBut = find('delete all folders except src')!;
  assert.match(allBut, /-mindepth 1/);
  assert.deepEqual(runIn(tree(), allBut), ['src', 'src/lib', 'src/lib/util.ts', 'src/main.ts', 'top.txt']);
  const inside = find('delete all the folders in build except cache')!;
  assert.deepEqual(runIn(tree(), inside).filter((p) => p.startsWith('build')), ['build', 'build/cache', 'build/cache/c.o']);
  const everything = find('delete everything in src except the folder lib')!;
  assert.deepEqual(runIn(tree(), everything).filter((p) => p.startsWith('src')), ['src', 'src/lib', 'src/lib/util.ts']);
});

test('"X and delete them" on folders removes each with what is in it, never the start', () => {
  const command = composeStep('find . -type d -name cache', { kind: 'delete' })!;
  assert.match(command, /-prune -exec rm -r \{\} \+$/);
  assert.deepEqual(runIn(tree(), command).filter((p) => p.startsWith('build')), ['build', 'build/out', 'build/out/o.o']);
  const all = composeStep('find build -type d', { kind: 'delete' })!;
  assert.deepEqual(runIn(tree(), all).filter((p) => p.startsWith('build')), ['build']);
  // Empty folders need no -prune: -delete takes an empty folder.
  assert.equal(composeStep('find . -type d -empty', { kind: 'delete' }), 'find . -type d -empty -delete');
});

test('a test added to a find goes before its action, not into a quoted value', () => {
  assert.equal(addFindTest("find . -type d -name '<name>' -prune -exec rm -r {} +", "-not -path './.git/*'"), "find . -type d -name '<name>' -prune -not -path './.git/*' -exec rm -r {} +");
  assert.equal(addFindTest("find . -name 'a|b' | wc -l", '-type f'), "find . -name 'a|b' -type f | wc -l");
});
