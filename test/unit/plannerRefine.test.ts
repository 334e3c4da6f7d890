// Follow-ups that refine the last plan: the earlier command rewritten with the
// follow-up's changes, or nothing when a change does not apply to its program.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { combinedRequest, rewriteCommand } from '../../server/src/planner/refine';
import { readRequest } from '../../server/src/planner/requestFacts';

const rewrite = (command: string, followUp: string) => rewriteCommand(command, readRequest(followUp))?.command;

test('"only .ts files" narrows find by name and recursive grep by --include', () => {
  assert.equal(rewrite('find src -type f', 'only .ts files'), "find src -type f -name '*.ts'");
  assert.equal(rewrite('find src -type f', 'just the typescript files'), "find src -type f -name '*.ts'");
  assert.equal(rewrite("find src -type f -name '*.js'", 'only .ts files'), "find src -type f -name '*.ts'");
  assert.equal(rewrite("grep -rn 'TODO' src", 'only .ts files'), "grep --include='*.ts' -rn 'TODO' src");
  assert.equal(rewrite('find src -type f | wc -l', 'only .ts files'), "find src -type f -name '*.ts' | wc -l");
});

test('"not recursive" keeps to the folder itself', () => {
  assert.equal(rewrite("find . -name '*.log'", 'not recursive'), "find . -maxdepth 1 -name '*.log'");
  assert.equal(rewrite('find logs -type f -delete', "don't go into subfolders"), 'find logs -maxdepth 1 -type f -delete');
  assert.equal(rewrite('ls -R src', 'non-recursive'), 'ls src');
  assert.equal(rewrite('ls -lR src', 'not recursive'), 'ls -l src');
  assert.equal(rewrite("grep -rn 'TODO' src", 'not recursive'), "grep -s -n 'TODO' src/*");
  assert.equal(rewrite('chmod -R u+x scripts', 'not recursively'), 'chmod u+x scripts');
});

test('hidden files are included or left out as asked', () => {
  assert.equal(rewrite('ls -l src', 'include hidden files'), 'ls -Al src');
  assert.equal(rewrite('ls', 'show the dotfiles too'), 'ls -A');
  assert.equal(rewrite('ls -la', 'without hidden files'), 'ls -l');
  assert.equal(rewrite('find . -type f', 'skip hidden files'), "find . -type f -not -path '*/.*'");
  assert.equal(rewrite("find . -type f -not -path '*/.*'", 'include hidden files'), 'find . -type f');
});

test('case, sizes, ages, line numbers, a count', () => {
  assert.equal(rewrite("grep -rn 'error' logs", 'case insensitive'), "grep -i -rn 'error' logs");
  assert.equal(rewrite("find . -name '*.md'", 'ignore case'), "find . -iname '*.md'");
  assert.equal(rewrite('find . -type f', 'only those bigger than 1MB'), 'find . -type f -size +1M');
  assert.equal(rewrite('find logs -type f', 'older than 2 weeks'), 'find logs -type f -mtime +14');
  assert.equal(rewrite("grep 'x' a.txt", 'with line numbers'), "grep -n 'x' a.txt");
  assert.equal(rewrite('find . -type f', 'only the first 5'), 'find . -type f | head -n 5');
});

test('a follow-up whose change does not apply to the program rewrites nothing (it is planned afresh)', () => {
  assert.equal(rewrite('du -sh src', 'only .ts files'), undefined);
  assert.equal(rewrite('cat notes.txt', 'not recursive'), undefined);
  assert.equal(rewrite('find src -type f', 'bake me a cake'), undefined);
  // Every change asked for must apply, or none is made.
  assert.equal(rewrite('ls -l src', 'include hidden files, only .ts files'), undefined);
});

test('the earlier request and the follow-up read together', () => {
  assert.equal(combinedRequest('list the files in src.', 'only .ts files'), 'list the files in src, only .ts files');
  assert.equal(combinedRequest('list the files in src', 'and now not recursive'), 'list the files in src, not recursive');
});
