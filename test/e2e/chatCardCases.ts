// The chat card's own cases, run in chat.test.ts's code-server session (one
// editor start for the whole chat suite): host actions that follow the host
// verdict, approval inline, one card per command, Apply after a failure, the
// risk card's wording, the mode chooser, the planner's answer, keyboard use
// and the three theme kinds.

import assert from 'node:assert/strict';
import { chownSync, existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { Locator } from 'playwright-core';
import { cardCommands } from './chatCardFiles';
import type { Editor } from './support/codeServer';
import { cardOf, clickLens, failWithContext, pickTheme, terminalText } from './support/chatCard';

const RUN = 'Run this command in the sandbox';

export function registerCardTests(get: () => Editor): void {
  const lens = (index: number, title: string) => clickLens(get(), 'card.md', index, title, cardCommands[index]);
  const named = (card: Locator, name: string | RegExp) => card.getByRole('button', { name });

  test('Copy and Insert follow the host verdict; Insert types the command once and never presses Enter', { timeout: 150_000 }, () =>
    failWithContext(get(), 'host-actions', async () => {
      const editor = get();
      const denied = await lens(0, 'Check');
      await denied.locator('.risk-deny').waitFor({ timeout: 60_000 });
      assert.equal(await named(denied, /^Copy the command/).isDisabled(), true, 'Copy is off for a deny');
      assert.equal(await named(denied, /^Type the command into the terminal/).isDisabled(), true, 'Insert is off for a deny');
      const why = (await denied.locator('.why-not').textContent()) ?? '';
      assert.match(why, /fs\.delete-home/);
      assert.doesNotMatch(why, /\.\)\.|\.\.|\.;|;\./, `no doubled punctuation: ${why}`);

      const asks = await lens(1, 'Check');
      await asks.locator('.risk-ask').waitFor({ timeout: 60_000 });
      await named(asks, /^Copy the command/).click();
      const dialog = editor.page.locator('.monaco-dialog-box');
      await dialog.waitFor({ timeout: 30_000 });
      assert.match(await dialog.innerText(), /needs your approval/);
      await dialog.locator('.monaco-button', { hasText: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });

      const allowed = await lens(2, 'Check');
      await allowed.locator('.risk-allow').waitFor({ timeout: 60_000 });
      try {
        await insertOnce(editor, allowed);
      } finally {
        // The panel would cover the lower lenses of card.md.
        await editor.runCommand('View: Hide Panel');
        await editor.runCommand('Paladin: Focus on Chat View');
      }
    }),
  );

  /** Inserts an allowed command into a fresh terminal and watches it: one copy, and nothing ran. */
  async function insertOnce(editor: Editor, allowed: Locator): Promise<void> {
    await named(allowed, /^Type the command into the terminal/).click();
    await editor.page.locator('.terminal-wrapper.active .xterm-rows', { hasText: 'wc -c notes.txt' }).waitFor({ timeout: 30_000 });
    // Watch for a while: a second copy (echoed before the prompt) or output (an Enter) would show up.
    let text = '';
    for (let i = 0; i < 8; i++) {
      await editor.page.waitForTimeout(400);
      text = await terminalText(editor);
    }
    assert.equal(text.split('wc -c notes.txt').length - 1, 1, `typed exactly once:\n${text}`);
    assert.doesNotMatch(text, /^\s*6 notes\.txt/m, 'not run: no Enter was pressed');
    await editor.screenshot('insert-once');
  }

  test('a lens Run that needs approval asks inline in its card, in view; Check re-uses the card', { timeout: 150_000 }, () =>
    failWithContext(get(), 'approve-inline', async () => {
      const editor = get();
      const turns = editor.chat().locator('article.turn');
      const card = await lens(3, 'Run in sandbox');
      const confirm = card.locator('.confirm');
      await confirm.waitFor({ timeout: 60_000 });
      assert.match((await confirm.textContent()) ?? '', /secrets\.read-workspace/);
      const inView = await confirm.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      });
      assert.equal(inView, true, 'the approval is scrolled into view');
      assert.equal(await card.locator('section.run').count(), 0, 'nothing ran before the approval');
      const count = await turns.count();
      await lens(3, 'Check');
      await lens(3, 'Explain');
      await card.locator('.explain').waitFor({ timeout: 30_000 });
      assert.equal(await turns.count(), count, 'Check and Explain re-use the card');
      assert.equal(await cardOf(editor.chat(), cardCommands[3]).count(), 1, 'one card for the command');
      await named(card, RUN).click();
      await card.locator('.confirm').getByRole('button', { name: /^Run despite/ }).click();
      await card.locator('.run-state', { hasText: /exited 0/ }).waitFor({ timeout: 60_000 });
      assert.match((await card.locator('pre.output').textContent()) ?? '', /TOKEN=abc123/);
      await editor.screenshot('approve-inline');
    }),
  );

  test('the risk card: find -exec rm reads as files found, Reads are listed, the command has one background', { timeout: 120_000 }, () =>
    failWithContext(get(), 'risk-wording', async () => {
      const card = await lens(4, 'Check');
      await card.locator('.risk').waitFor({ timeout: 60_000 });
      const risk = (await card.locator('.risk').textContent()) ?? '';
      assert.doesNotMatch(risk, /\$\?/, `no shell exit status in the description: ${risk}`);
      assert.match(await card.locator('.touches').innerText(), /Deletes\s+logs\/…/);
      const allowed = cardOf(get().chat(), cardCommands[2]);
      assert.match(await allowed.locator('.touches').innerText(), /Reads\s+notes\.txt/);
      const backgrounds = await allowed.locator('pre.command').evaluate((pre) => [...pre.querySelectorAll('code, span')].map((e) => getComputedStyle(e).backgroundColor));
      assert.deepEqual([...new Set(backgrounds)], ['rgba(0, 0, 0, 0)'], 'only the block itself has a background');
    }),
  );

  test('Apply after a failed run shows the exit status and needs an explicit yes; then the heading says applied', { timeout: 150_000 }, () =>
    failWithContext(get(), 'apply-failed', async () => {
      const editor = get();
      const card = await lens(5, 'Run in sandbox');
      await card.locator('.run-state', { hasText: /exited 1/ }).waitFor({ timeout: 60_000 });
      assert.match((await card.locator('.apply-warning').textContent()) ?? '', /exited with status 1/);
      await named(card, /write its changes to the workspace anyway/).click();
      const dialog = editor.page.locator('.monaco-dialog-box');
      await dialog.waitFor({ timeout: 30_000 });
      const text = (await dialog.innerText()).replace(/\s+/g, ' ');
      assert.match(text, /The run failed: it exited with status 1/);
      assert.match(text, /1 file created; 8 bytes written/);
      assert.equal(await dialog.locator('.monaco-button', { hasText: /^Apply$/ }).count(), 0, 'no plain Apply after a failure');
      assert.equal(existsSync(path.join(editor.workspace, 'partial.txt')), false, 'nothing written before the yes');
      await dialog.locator('.monaco-button', { hasText: 'Apply despite the failure' }).click();
      await card.locator('.applied').waitFor({ timeout: 30_000 });
      assert.equal(readFileSync(path.join(editor.workspace, 'partial.txt'), 'utf8'), 'partial\n');
      const heading = (await card.locator('.changes h4').first().textContent()) ?? '';
      assert.match(heading, /applied to the workspace/);
      assert.doesNotMatch(heading, /untouched until you apply/);
      await editor.screenshot('apply-after-failure');
    }),
  );

  test('the mode chooser shows the default; live mode asks first and writes the workspace as it runs', { timeout: 150_000 }, () =>
    failWithContext(get(), 'mode', async () => {
      const editor = get();
      const card = await lens(6, 'Check');
      await card.locator('.risk').waitFor({ timeout: 60_000 });
      const select = card.getByRole('combobox', { name: 'Sandbox mode' });
      assert.equal(await select.inputValue(), 'snapshot');
      assert.match((await select.locator('option:checked').textContent()) ?? '', /\(default\)/);
      await select.selectOption('live');
      // Sandboxes never run as root: the live mount must be writable by the sandbox's user.
      if (process.getuid?.() === 0) chownSync(editor.workspace, 1000, 1000);
      await named(card, RUN).click();
      const confirm = card.locator('.confirm');
      await confirm.waitFor({ timeout: 30_000 });
      assert.match((await confirm.textContent()) ?? '', /live mode/);
      await confirm.getByRole('button', { name: /^Run despite/ }).click();
      await card.locator('.run-state', { hasText: /exited 0/ }).waitFor({ timeout: 60_000 });
      assert.equal(readFileSync(path.join(editor.workspace, 'live.txt'), 'utf8'), 'live\n', 'live mode wrote the workspace');
      assert.equal(await named(card, 'Write these changes to the workspace').count(), 0, 'no Apply step in live mode');
    }),
  );

  test('the planner: a form for missing values (filled, then checked again) and an abstention without a command', { timeout: 150_000 }, () =>
    failWithContext(get(), 'planner-card', async () => {
      const editor = get();
      const chat = editor.chat();
      const turns = chat.locator('article.turn');
      const request = chat.getByRole('textbox', { name: 'Say what you want done' });
      let count = await turns.count();
      await request.fill('search for text in all files');
      await request.press('Enter');
      const card = turns.nth(count);
      const form = card.locator('form.slot-form');
      await form.waitFor({ timeout: 60_000 });
      assert.match((await card.locator('pre.command').textContent()) ?? '', /<pattern>/);
      assert.equal(await named(card, RUN).isDisabled(), true, 'a placeholder is not runnable');
      assert.equal(await named(card, /^Copy the command/).isDisabled(), true);
      await form.getByRole('textbox', { name: 'Value for pattern' }).fill('TODO');
      await named(form, 'Put these values into the command and check it again').click();
      await card.locator('.risk-allow').waitFor({ timeout: 30_000 });
      assert.doesNotMatch((await card.locator('pre.command').textContent()) ?? '', /<pattern>/);
      assert.match((await card.locator('pre.command').textContent()) ?? '', /TODO/);
      assert.equal(await card.locator('form.slot-form').count(), 0);
      assert.match((await card.locator('.edited').textContent()) ?? '', /risk card below is for the command as it is now/);
      assert.equal(await named(card, RUN).isEnabled(), true);
      await editor.screenshot('slot-filled');

      count = await turns.count();
      await request.fill('bake me a cake');
      await request.press('Enter');
      const cake = turns.nth(count);
      await cake.locator('.abstained').waitFor({ timeout: 60_000 });
      assert.equal(await cake.locator('pre.command').count(), 0, 'no command');
      assert.equal(await named(cake, RUN).count(), 0, 'nothing to run');
      assert.ok((await cake.locator('ul.help li').count()) > 0, 'says what would help');
      await editor.screenshot('abstained');
    }),
  );

  test('keyboard only: Tab reaches Run, every control has a name, and the live region reads the run out', { timeout: 120_000 }, () =>
    failWithContext(get(), 'keyboard', async () => {
      const editor = get();
      const chat = editor.chat();
      const unnamed = await chat.locator('body').evaluate(() =>
        [...document.querySelectorAll('button, select, input, textarea, summary, [tabindex]')]
          .filter((e) => (e as HTMLElement).tabIndex < 0 || !(e.getAttribute('aria-label') || e.textContent?.trim()))
          .map((e) => e.outerHTML.slice(0, 120)),
      );
      assert.deepEqual(unnamed, [], 'every control can be reached and has a name');
      const card = cardOf(chat, cardCommands[2]);
      const run = named(card, RUN);
      await run.focus();
      await editor.page.keyboard.press('Shift+Tab');
      await editor.page.keyboard.press('Tab');
      assert.equal(await run.evaluate((e) => e === document.activeElement), true, 'Tab lands on Run');
      await editor.page.keyboard.press('Enter');
      await card.locator('.run-state', { hasText: /exited 0/ }).waitFor({ timeout: 60_000 });
      await chat.locator('.live-region', { hasText: /Run exited 0/ }).waitFor({ timeout: 10_000 });
    }),
  );

  test('the chat in light, dark and high-contrast themes (screenshots)', { timeout: 120_000 }, () =>
    failWithContext(get(), 'themes', async () => {
      const editor = get();
      // Through the palette, as a person would: light (the test editor's default), dark, then high contrast.
      // A card with a rule, a highlighted span and a changed-files list in sight.
      // The run of the test before may still re-render the cards: a card replaced mid-scroll is found again.
      for (let tries = 1; ; tries++) {
        try {
          await cardOf(editor.chat(), cardCommands[4]).locator('.risk').scrollIntoViewIfNeeded({ timeout: 10_000 });
          break;
        } catch (err) {
          if (tries >= 5 || !/not attached/i.test(String(err))) throw err;
          await editor.page.waitForTimeout(250);
        }
      }
      await editor.chat().locator('body.vscode-light').waitFor({ timeout: 30_000 });
      await editor.screenshot('chat-light');
      await editor.runCommand('Preferences: Toggle between Light/Dark Themes');
      await editor.chat().locator('body.vscode-dark').waitFor({ timeout: 30_000 });
      await editor.screenshot('chat-dark');
      await pickTheme(editor, 'Dark High Contrast');
      await editor.chat().locator('body.vscode-high-contrast').waitFor({ timeout: 30_000 });
      await editor.screenshot('chat-high-contrast');
    }),
  );
}
