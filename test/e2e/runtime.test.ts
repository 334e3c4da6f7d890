// Without a usable Node.js runtime the extension says so in plain words, and
// commands that need the server say why it is not running.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openEditor, statusItem, type Editor } from './support/codeServer';

let editor: Editor;

before(async () => {
  editor = await openEditor({ settings: { 'paladin.server.runtime': '/nonexistent/bin/node' } });
});

after(async () => {
  await editor?.close();
});

test('a missing runtime is named, and commands answer "the Paladin server is not running: <why>"', { timeout: 180_000 }, async () => {
  const { page } = editor;
  try {
    await statusItem(page).filter({ hasText: 'Paladin: not running' }).waitFor({ timeout: 60_000 });
    await page.locator('.notification-toast', { hasText: '"paladin.server.runtime" is set to "/nonexistent/bin/node"' }).first().waitFor({ timeout: 30_000 });
    await editor.runCommand('Paladin: Show History');
    const toast = page.locator('.notification-toast', { hasText: 'The Paladin server is not running:' }).first();
    await toast.waitFor({ timeout: 30_000 });
    assert.match((await toast.textContent()) ?? '', /Node\.js 20\+ executable/);
    await editor.screenshot('runtime-missing');
  } catch (err) {
    await editor.screenshot('runtime-failed').catch(() => undefined);
    throw new Error(`${(err as Error).message}\n${editor.logs().slice(-3000)}`, { cause: err });
  }
});
