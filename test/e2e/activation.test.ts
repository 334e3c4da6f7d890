// The packaged extension activates in a real VS Code and its status item
// shows the language server running.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openEditor, statusItem, type Editor } from './support/codeServer';

let editor: Editor;

before(async () => {
  editor = await openEditor();
});

after(async () => {
  await editor?.close();
});

test('the extension activates and its status item shows the server running', { timeout: 180_000 }, async () => {
  const item = statusItem(editor.page);
  await item.waitFor({ timeout: 60_000 });
  // The item starts as "starting"; it must reach a running state (planner · sandbox, or "running").
  await editor.page
    .waitForFunction(() => [...document.querySelectorAll('.statusbar-item')].some((e) => /Paladin: (running|\w+ · sandbox)/.test(e.textContent ?? '')), undefined, { timeout: 60_000 })
    .catch(async (err: Error) => {
      await editor.screenshot('activation-failed');
      throw new Error(`${err.message}\nstatus item: ${await item.textContent()}\n${editor.logs()}`);
    });
  const text = (await item.textContent()) ?? '';
  await editor.screenshot('activation-status');
  assert.match(text, /Paladin: (running|\w+ · sandbox)/);
  assert.doesNotMatch(text, /not running|stopped/);
});
