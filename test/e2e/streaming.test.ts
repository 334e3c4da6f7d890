// A plan made by a model streams into the chat card word by word, in a real
// VS Code, with a stand-in that speaks Ollama's streamed wire protocol.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startOllamaStandIn } from '../support/ollamaStandIn';
import type { StandIn } from '../support/standInHttp';
import { openEditor, type Editor } from './support/codeServer';
import { failWithContext as withContext } from './support/chatCard';

const answer = JSON.stringify({
  command: 'cat notes.txt',
  reasoning: 'cat prints the file, which is what was asked for, without changing anything in the workspace',
  assumptions: ['notes.txt is a text file'],
  expected_effects: ['prints the lines of notes.txt'],
});

let editor: Editor;
let ollama: StandIn;

before(async () => {
  // Slow pieces, so the card can be seen between the first word and the last.
  ollama = await startOllamaStandIn({ chat: () => ({ content: answer, chunkDelayMs: 120 }) });
  editor = await openEditor({ files: { 'notes.txt': 'hello\n' }, settings: { 'paladin.ollama.url': ollama.url, 'paladin.ollama.model': 'stand-in' } });
  await editor.page.waitForFunction(() => [...document.querySelectorAll('.statusbar-item')].some((e) => /Paladin: \w+ · sandbox ready/.test(e.textContent ?? '')), undefined, { timeout: 90_000 });
});

after(async () => {
  await editor?.close();
  await ollama?.close();
});

test('a model\'s plan streams into the card before the answer is complete, then the card shows the checked command', { timeout: 150_000 }, () =>
  withContext(editor, 'streaming', async () => {
    const { page } = editor;
    await editor.runCommand('Paladin: Plan Command');
    const box = page.locator('.quick-input-widget input');
    await box.waitFor({ state: 'visible' });
    await box.fill('show me what notes.txt says');
    await box.press('Enter');
    const turn = editor.chat().locator('article.turn').last();
    // Part of the model's answer is on screen while the plan is still being made.
    const streaming = turn.locator('.streaming');
    await streaming.filter({ hasText: /"command"/ }).waitFor({ timeout: 60_000 });
    const partial = (await streaming.textContent()) ?? '';
    assert.ok(partial.length < answer.length, `the card showed the answer only once complete: ${partial}`);
    assert.equal(await turn.locator('.risk').count(), 0, 'the risk card came before the plan was complete');
    await editor.screenshot('plan-streaming');
    await turn.locator('.risk').waitFor({ timeout: 60_000 });
    assert.equal((await turn.locator('pre.command').textContent())?.trim(), 'cat notes.txt');
    assert.ok(ollama.requests.some((r) => r.path === '/api/chat'), 'the plan came from the model');
  }),
);
