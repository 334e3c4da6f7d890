// The OpenAI key set with "Paladin: Set OpenAI API Key" reaches the planner
// (a stand-in OpenAI endpoint on 127.0.0.1 sees it) and is written nowhere:
// not in settings, the database or any log.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { startOpenAiStandIn } from '../support/openaiStandIn';
import type { StandIn } from '../support/standInHttp';
import { openEditor, type Editor } from './support/codeServer';

const key = `sk-e2e-${randomBytes(12).toString('hex')}`;
let api: StandIn;
let editor: Editor;

before(async () => {
  api = await startOpenAiStandIn({
    apiKey: key,
    chat: () => JSON.stringify({ command: 'cat notes.txt', reasoning: 'The stand-in model says cat prints the file.', assumptions: [], expected_effects: ['prints notes.txt'] }),
  });
  editor = await openEditor({
    files: { 'notes.txt': 'hello\n' },
    settings: { 'paladin.planner.order': ['openai', 'embedded'], 'paladin.openai.baseUrl': api.url, 'paladin.openai.model': 'stand-in' },
  });
});

after(async () => {
  await editor?.close();
  await api?.close();
});

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

test('the API key goes from SecretStorage to the planner in memory, and nowhere else', { timeout: 180_000 }, async () => {
  const { page } = editor;
  try {
    await page.waitForFunction(() => [...document.querySelectorAll('.statusbar-item')].some((e) => /Paladin: \w+ · sandbox/.test(e.textContent ?? '')), undefined, { timeout: 90_000 });
    await editor.runCommand('Paladin: Set OpenAI API Key');
    const box = page.locator('.quick-input-widget input');
    await box.waitFor({ state: 'visible' });
    assert.equal(await box.getAttribute('type'), 'password');
    await box.fill(key);
    await box.press('Enter');
    await page.locator('.notification-toast', { hasText: 'secret storage' }).waitFor({ timeout: 30_000 });

    await editor.runCommand('Paladin: Plan Command');
    await box.waitFor({ state: 'visible' });
    await box.fill('show what is in notes.txt');
    await box.press('Enter');
    const turn = editor.chat().locator('article.turn').last();
    await turn.locator('.risk').waitFor({ timeout: 60_000 });
    assert.match((await turn.locator('.reasoning').textContent()) ?? '', /stand-in model/);
    assert.ok(api.requests.some((r) => r.headers.authorization === `Bearer ${key}`), 'the planner called the endpoint with the stored key');
    await editor.screenshot('secrets-openai-plan');

    const leaks = [...filesUnder(editor.userData).filter((f) => !f.includes(`${path.sep}globalStorage${path.sep}`) || !f.endsWith('state.vscdb')), editor.dbPath, `${editor.dbPath}-wal`]
      .filter((f) => existsSync(f))
      .filter((f) => readFileSync(f).includes(key));
    assert.deepEqual(leaks, [], 'the key is in no settings, database or log file');
  } catch (err) {
    await editor.screenshot('secrets-failed').catch(() => undefined);
    throw new Error(`${(err as Error).message}\n${editor.logs().slice(-3000)}`, { cause: err });
  }
});
