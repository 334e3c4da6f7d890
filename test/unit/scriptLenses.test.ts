// Code lenses that fit a shell script: one line for the whole script at the
// top, one per logical block, none on shell options; per statement when asked.
// And the hover's choice of command under the pointer and how it reads.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeLensProvider } from '../../server/src/lsp/codeLenses';
import { hoverTarget, partSource, renderHover } from '../../server/src/lsp/hover';
import { isShellOption, shellScriptBlocks } from '../../server/src/lsp/shellBlocks';
import type { ExplainPart } from '../../server/src/protocol/types';

const script = [
  '#!/usr/bin/env bash', // 0
  'set -euo pipefail', // 1
  '', // 2
  '# build', // 3
  'rm -rf build', // 4
  'mkdir -p build', // 5
  '# and copy', // 6
  'cp -r src build/', // 7
  '', // 8
  'for f in build/*; do', // 9
  '  echo "$f"', // 10
  'done', // 11
  'echo done', // 12
  '',
].join('\n');

const sh = (text: string) => TextDocument.create('file:///w/build.sh', 'shellscript', 1, text);

describe('shell script lenses', () => {
  it('one lens line for the whole script, one per block; none on set -euo pipefail', async () => {
    const lenses = await new CodeLensProvider().lenses(sh(script));
    const rows = new Map<number, string[]>();
    for (const l of lenses) rows.set(l.range.start.line, [...(rows.get(l.range.start.line) ?? []), l.command?.title ?? '']);
    assert.deepEqual([...rows.keys()], [0, 4, 9, 12]);
    assert.deepEqual(rows.get(0), ['▶ Run script in sandbox', 'Explain', 'Check']);
    assert.deepEqual(rows.get(4), ['▶ Run in sandbox', 'Explain', 'Check']);
    assert.equal(lenses[0].command?.arguments?.[0], script.replace(/^#![^\n]*\n/, '').trim(), 'the top lens runs the whole script');
    assert.equal(lenses[3].command?.arguments?.[0], 'rm -rf build\nmkdir -p build\n# and copy\ncp -r src build/', 'a block runs as written, comments kept');
    assert.ok(lenses.length < script.split('\n').length, 'fewer lenses than lines');
  });

  it('a lens per statement with the setting, still none on shell options', async () => {
    const lenses = await new CodeLensProvider().lenses(sh(script), { perStatement: true });
    const lines = [...new Set(lenses.map((l) => l.range.start.line))];
    assert.deepEqual(lines, [0, 4, 5, 7, 9, 12]);
  });

  it('a compound command is a block of its own, even without a blank line around it', () => {
    const blocks = shellScriptBlocks('a=1\nif [ -n "$a" ]; then\n  echo y\nfi\nb\nc\nf() { echo; }\n');
    assert.deepEqual(blocks.map((b) => b.line), [0, 1, 4, 6]);
  });

  it('a one-block script has only the whole-script lens', async () => {
    const lenses = await new CodeLensProvider().lenses(sh('ls -la\npwd\n'));
    assert.deepEqual(lenses.map((l) => `${l.range.start.line}:${l.command?.title}`), ['0:▶ Run script in sandbox', '0:Explain', '0:Check']);
  });

  it('tells shell options from commands named set or shopt', () => {
    for (const yes of [['set', '-e'], ['set', '-euo', 'pipefail'], ['set', '-o', 'errexit', '-o', 'nounset'], ['set', '+x'], ['shopt', '-s', 'nullglob', 'globstar']]) assert.equal(isShellOption(yes), true, yes.join(' '));
    for (const no of [['set'], ['set', '--', 'a', 'b'], ['set', 'a'], ['shopt'], ['set', null], ['echo', '-e'], ['set', '-o', 'rm -rf']]) assert.equal(isShellOption(no), false, no.join(' '));
  });

  it('Markdown keeps one lens per shell block', async () => {
    const md = TextDocument.create('file:///w/r.md', 'markdown', 1, '```sh\nset -e\nls\n\npwd\n```\n');
    const lenses = await new CodeLensProvider().lenses(md);
    assert.deepEqual(lenses.map((l) => l.range.start.line), [0, 0, 0]);
    assert.equal(lenses[0].command?.arguments?.[0], 'set -e\nls\n\npwd');
  });
});

describe('hover', () => {
  it('finds the innermost command under the pointer in scripts and Markdown shell blocks', () => {
    const doc = sh(script);
    assert.equal(hoverTarget(doc, { line: 4, character: 1 })?.command, 'rm -rf build');
    assert.equal(hoverTarget(doc, { line: 10, character: 3 })?.command, 'echo "$f"');
    assert.equal(hoverTarget(doc, { line: 4, character: 4 })?.word, '-rf');
    assert.equal(hoverTarget(doc, { line: 3, character: 2 }), undefined, 'a comment is no command');
    const md = TextDocument.create('file:///w/r.md', 'markdown', 1, '# T\n\n```sh\ncat a.json | head -n 2\n```\n\n```python\nprint(1)\n```\n');
    assert.equal(hoverTarget(md, { line: 3, character: 15 })?.command, 'head -n 2');
    assert.equal(hoverTarget(md, { line: 0, character: 1 }), undefined, 'prose is not a command');
    assert.equal(hoverTarget(md, { line: 7, character: 1 }), undefined, 'python is not shell');
    const range = hoverTarget(md, { line: 3, character: 1 });
    assert.equal(md.getText().slice(range?.start, range?.end), 'cat a.json');
  });

  it('says where each part was read, once, and marks the hovered word', () => {
    const parts: ExplainPart[] = [
      { kind: 'program', text: 'find', explanation: 'search for files', source: 'manual', origin: 'man page, host' },
      { kind: 'flag', text: '-type', explanation: 'File is of type f: regular file', source: 'manual', program: 0 },
      { kind: 'pipe', text: '|', explanation: 'pipe', source: 'syntax' },
      { kind: 'program', text: 'frob', explanation: 'unknown program', source: 'unknown' },
    ];
    assert.equal(partSource(parts[1], parts), 'man page, host');
    assert.equal(partSource(parts[2], parts), 'shell syntax');
    const text = renderHover({ command: 'find -type f | frob', summary: 'Runs find.', parts }, '-type');
    assert.match(text, /\*\*`-type`\*\* — File is of type f: regular file _\(man page, host\)_/);
    assert.match(text, /`frob` — unknown program _\(not explained\)_/);
    assert.equal(text.match(/man page/g)?.length, 2, 'one source per part, never doubled');
  });
});
