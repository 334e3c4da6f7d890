// Paladin's language-model tools in a real VS Code (code-server), invoked the
// way a chat agent invokes them: `vscode.lm.invokeTool`, from a test-only
// extension. Running shows Paladin's risk card as the confirmation first; a
// denied command is refused with its reasons.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { openEditor, repoRoot, type Editor } from './support/codeServer';

let editor: Editor;
let packDir: string;
let calls = 0;

/** Packages the test-only caller extension (offline, with vsce). */
function callerVsix(): string {
  packDir = mkdtempSync(path.join(os.tmpdir(), 'paladin-lm-caller-'));
  cpSync(path.join(repoRoot, 'test', 'e2e', 'support', 'lmToolCaller'), packDir, { recursive: true });
  const out = path.join(packDir, 'caller.vsix');
  const vsce = path.join(repoRoot, 'node_modules', '.bin', 'vsce');
  const r = spawnSync(vsce, ['package', '--allow-missing-repository', '--skip-license', '-o', out], { cwd: packDir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`packaging the caller extension failed: ${r.stderr}${r.stdout}`);
  return out;
}

before(async () => {
  editor = await openEditor({ files: { 'notes.txt': 'hello\n' }, extraVsix: [callerVsix()] });
  await editor.page.waitForFunction(() => [...document.querySelectorAll('.statusbar-item')].some((e) => /Paladin: \w+ · sandbox ready/.test(e.textContent ?? '')), undefined, { timeout: 90_000 }).catch(async (err: Error) => {
    await editor.screenshot('lm-tools-not-ready');
    throw new Error(`${err.message}\n${editor.logs()}`);
  });
});

after(async () => {
  await editor?.close();
  if (packDir) rmSync(packDir, { recursive: true, force: true });
});

/** Asks the caller extension to invoke a tool; returns a function that waits for its outcome. */
async function invoke(tool: string, input: Record<string, unknown>): Promise<() => Promise<{ ok: boolean; text?: string; error?: string; known?: string[] }>> {
  const id = ++calls;
  writeFileSync(path.join(editor.workspace, 'lm-request.json'), JSON.stringify({ id, tool, input }));
  await editor.runCommand('LM Tool Caller: Invoke Language Model Tool');
  const file = path.join(editor.workspace, `lm-result-${id}.json`);
  return async () => {
    const until = Date.now() + 90_000;
    while (!existsSync(file)) {
      if (Date.now() > until) {
        await editor.screenshot(`lm-tools-no-result-${id}`);
        throw new Error(`no result from ${tool}\n${editor.logs()}`);
      }
      await editor.page.waitForTimeout(200);
    }
    return JSON.parse(readFileSync(file, 'utf8'));
  };
}

test('running shows the risk card as the confirmation, then runs in the sandbox', async () => {
  const outcome = await invoke('paladin_run', { command: 'cat notes.txt' });
  const dialog = editor.page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: 60_000 });
  const card = (await dialog.innerText()).replace(/\s+/g, ' ');
  await editor.screenshot('lm-tools-risk-card');
  assert.match(card, /Run in Paladin's sandbox\?/);
  assert.match(card, /Paladin: ALLOW/);
  assert.match(card, /cat notes\.txt/);
  assert.match(card, /Reads:/);
  await dialog.locator('.monaco-button', { hasText: 'Yes' }).click();
  const result = await outcome();
  assert.equal(result.ok, true, result.error);
  assert.ok(result.known?.includes('paladin_run') && result.known.includes('paladin_check') && result.known.includes('paladin_explain'));
  assert.match(result.text ?? '', /exited with 0/);
  assert.match(result.text ?? '', /hello/);
});

test('a command the policy asks about shows its rules on the card; declining runs nothing', async () => {
  const outcome = await invoke('paladin_run', { command: 'echo changed > notes.txt' });
  const dialog = editor.page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: 60_000 });
  const card = (await dialog.innerText()).replace(/\s+/g, ' ');
  assert.match(card, /Paladin: ASK/);
  assert.match(card, /fs\.write-workspace/);
  await editor.page.keyboard.press('Escape');
  const result = await outcome();
  assert.equal(result.ok, false);
  assert.equal(readFileSync(path.join(editor.workspace, 'notes.txt'), 'utf8'), 'hello\n');
});

test('a denied command is refused with its reasons, without a confirmation', async () => {
  const outcome = await invoke('paladin_run', { command: 'rm -rf ~' });
  const result = await outcome();
  assert.equal(result.ok, false);
  assert.match(result.error ?? '', /fs\.delete-home/);
  assert.equal(await editor.page.locator('.monaco-dialog-box').count(), 0);
});

test('check and explain answer with the verdict', async () => {
  const checked = await (await invoke('paladin_check', { command: 'rm -rf ~' }))();
  assert.equal(checked.ok, true, checked.error);
  assert.match(checked.text ?? '', /Paladin: DENY/);
  assert.match(checked.text ?? '', /fs\.delete-home/);
  const explained = await (await invoke('paladin_explain', { command: 'ls -la' }))();
  assert.equal(explained.ok, true, explained.error);
  assert.match(explained.text ?? '', /ls/);
  assert.match(explained.text ?? '', /Paladin: ALLOW/);
});

test('the tools\' decisions are recorded under lm-tool', () => {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), 'history', '--source', 'lm-tool', '--json'], { env: { ...process.env, PALADIN_DB: editor.dbPath }, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const entries = JSON.parse(r.stdout) as { source: string; command: string }[];
  assert.ok(entries.some((e) => e.command === 'cat notes.txt' && e.source.startsWith('lm-tool')), r.stdout);
});
