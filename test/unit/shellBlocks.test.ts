import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeLensProvider, commandsIn } from '../../server/src/lsp/codeLenses';
import { markdownShellBlocks, shellScriptStatements } from '../../server/src/lsp/shellBlocks';

test('fenced shell blocks in Markdown are found with their line', () => {
  const md = [
    '# Title', // 0
    '```bash', // 1
    'ls -la', // 2
    '```', // 3
    '```python', // 4
    'print(1)', // 5
    '```', // 6
    '~~~sh', // 7
    'echo a', // 8
    'echo b', // 9
    '~~~', // 10
    '```console', // 11
    '$ du -sh .', // 12
    '4.0K .', // 13
    '$ echo one \\', // 14
    '  two', // 15
    '```', // 16
    '````zsh', // 17
    '```', // 18 (shorter fence does not close)
    'pwd', // 19
    '````', // 20
    '```shell', // 21
    '```', // 22 (empty: no lens)
  ].join('\n');
  assert.deepEqual(markdownShellBlocks(md), [
    { line: 1, command: 'ls -la' },
    { line: 7, command: 'echo a\necho b' },
    { line: 11, command: 'du -sh .\necho one \\\n  two' },
    { line: 17, command: '```\npwd' },
  ]);
});

test('each statement of a shell script gets its own range', async () => {
  const script = '#!/bin/sh\n# comment\nls -la\n\necho "é" && \\\n  cat x | wc -l\nif true; then\n  echo y\nfi\n';
  assert.deepEqual(await shellScriptStatements(script), [
    { line: 2, command: 'ls -la' },
    { line: 4, command: 'echo "é" && \\\n  cat x | wc -l' },
    { line: 6, command: 'if true; then\n  echo y\nfi' },
  ]);
});

test('an unparsable script has no lenses; other languages none either', async () => {
  assert.deepEqual(await commandsIn(TextDocument.create('file:///x.sh', 'shellscript', 1, 'if then (\n')), []);
  assert.deepEqual(await commandsIn(TextDocument.create('file:///x.py', 'python', 1, '```sh\nls\n```')), []);
});

test('lenses: run, explain, check; a checked command shows its decision', async () => {
  const provider = new CodeLensProvider();
  const doc = TextDocument.create('file:///r.md', 'markdown', 1, 'x\n```sh\nrm -rf /\n```\n');
  const before = await provider.lenses(doc);
  assert.deepEqual(before.map((l) => l.command?.title), ['▶ Run in sandbox', 'Explain', 'Check']);
  assert.equal(before[0].range.start.line, 1);
  assert.deepEqual(before[0].command?.arguments, ['rm -rf /', 'file:///r.md']);
  provider.remember('rm -rf /', { decision: 'deny', rules: [{ id: 'fs.delete-root', severity: 'deny', reason: 'deletes /', command_index: 0 }], risk: { reads: [], writes: [], deletes: ['/'], network: false, privilege: false }, policyVersion: 'x' });
  const after = await provider.lenses(doc);
  assert.equal(after[2].command?.title, 'Check: denied (fs.delete-root)');
});
