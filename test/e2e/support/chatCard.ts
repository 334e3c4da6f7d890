// Helpers for the chat-view tests: the card of a command, the code lens that
// starts it, the terminal's text, and failures that carry a screenshot and
// the logs.

import type { FrameLocator, Locator } from 'playwright-core';
import type { Editor } from './codeServer';

export function exact(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

/** The (one) card in the chat view whose command is exactly `command`. */
export function cardOf(chat: FrameLocator, command: string): Locator {
  return chat.locator('article.turn').filter({ has: chat.locator('pre.command', { hasText: exact(command) }) });
}

export async function failWithContext<T>(editor: Editor, name: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (err) {
    await editor.screenshot(`${name}-failed`).catch(() => undefined);
    throw new Error(`${(err as Error).message}\n${editor.logs().slice(-3000)}`, { cause: err });
  }
}

/**
 * Clicks the code lens `title` above the `index`-th block of `file` (whose
 * command is `command`) and returns the card that shows that command.
 */
export async function clickLens(editor: Editor, file: string, index: number, title: string, command: string): Promise<Locator> {
  // F1 while a palette is still closing would toggle it shut again.
  await editor.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await editor.openFile(file);
  const lenses = editor.page.locator('.codelens-decoration');
  await lenses.locator('a', { hasText: 'Run in sandbox' }).first().waitFor({ timeout: 60_000 });
  await lenses.nth(index).locator('a', { hasText: title }).click();
  const card = cardOf(editor.chat(), command).last();
  await card.waitFor({ timeout: 30_000 });
  // By its turn, not its command: the card stays the same card when its command is edited.
  const turn = await card.getAttribute('data-turn');
  return editor.chat().locator(`article.turn[data-turn="${turn}"]`);
}

/** The text of the integrated terminal (DOM renderer: `terminal.integrated.gpuAcceleration` off). */
export async function terminalText(editor: Editor): Promise<string> {
  return (await editor.page.locator('.terminal-wrapper.active .xterm-rows').first().innerText().catch(() => '')).replace(/\u00a0/g, ' ');
}

/** Picks a colour theme by its label through "Preferences: Color Theme", as a person would. */
export async function pickTheme(editor: Editor, label: string): Promise<void> {
  const { page } = editor;
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.fill('>Preferences: Color Theme');
  // Click the command itself: Enter would take whichever row is first (e.g. "Browse Color Themes in Marketplace").
  await page.locator('.quick-input-list .monaco-list-row[aria-label^="Preferences: Color Theme"]').first().click();
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor();
  await input.fill(label);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().click();
}
