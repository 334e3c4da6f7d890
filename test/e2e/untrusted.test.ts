// In an untrusted workspace Paladin checks and explains, but Run is off and says why.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openEditor, type Editor } from './support/codeServer';

let editor: Editor;

before(async () => {
  editor = await openEditor({ trusted: false, files: { 'README.md': '# x\n\n```sh\necho hello\n```\n' } });
});

after(async () => {
  await editor?.close();
});

test('an untrusted workspace disables Run', { timeout: 180_000 }, async () => {
  const { page } = editor;
  try {
    await page.waitForFunction(() => [...document.querySelectorAll('.statusbar-item')].some((e) => /Paladin: \w+ · sandbox/.test(e.textContent ?? '')), undefined, { timeout: 90_000 });
    await editor.openFile('README.md');
    const lens = page.locator('.codelens-decoration a', { hasText: 'Run in sandbox' }).first();
    await lens.waitFor({ timeout: 60_000 });
    await lens.click();
    const turn = editor.chat().locator('article.turn').last();
    await turn.locator('.risk').waitFor({ timeout: 60_000 });
    const run = turn.getByRole('button', { name: 'Run this command in the sandbox' });
    assert.equal(await run.isDisabled(), true);
    assert.match((await turn.locator('.why-not').textContent()) ?? '', /not trusted/);
    assert.match((await editor.chat().locator('.banner').textContent()) ?? '', /not trusted/);
    assert.equal(await turn.locator('section.run').count(), 0, 'nothing ran');
    await editor.screenshot('untrusted');
  } catch (err) {
    await editor.screenshot('untrusted-failed').catch(() => undefined);
    throw new Error(`${(err as Error).message}\n${editor.logs().slice(-3000)}`, { cause: err });
  }
});
