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

test('the extension activates and its status item shows the server running', { timeout: 180_000 }, async (t) => {
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
  const activation = /activated in ([\d.]+) ms/.exec(editor.logs());
  assert.ok(activation, 'the extension logs its activation time');
  t.diagnostic(`activate() took ${activation[1]} ms`);
  assert.match(editor.logs(), /starting the server on Node\.js 2\d\.\d+\.\d+ \(\//, 'the server runs on a system Node.js found on PATH');
});
