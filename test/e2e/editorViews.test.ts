// The editor's own views in a real VS Code: code lenses that fit a shell
// script, explanations on hover, full output in a read-only document of its
// own, and the history view with where each entry stands.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type { Locator } from 'playwright-core';
import { openEditor, repoRoot, type Editor } from './support/codeServer';

const files = {
  'notes.txt': 'hello\n',
  'data.json': '{"name": "paladin", "ok": true, "items": [1, 2, 3]}\n',
  'build.sh': [
    '#!/bin/sh', // 0
    'set -euo pipefail', // 1
    '', // 2
    'echo start', // 3
    'ls -la', // 4
    '', // 5
    'cat data.json', // 6
    '',
  ].join('\n'),
  'README.md': ['# Demo', '', '```sh', 'cat data.json', '```', '', '```sh', 'echo changed > notes.txt', '```', ''].join('\n'),
  'find.md': ['# Find', '', '```sh', "find . -type f -name '*.log' -printf '%s\\n'", '```', ''].join('\n'),
};

let editor: Editor;

before(async () => {
  editor = await openEditor({ files });
  await editor.page.waitForFunction(() => [...document.querySelectorAll('.statusbar-item')].some((e) => /Paladin: \w+ · sandbox ready/.test(e.textContent ?? '')), undefined, { timeout: 90_000 }).catch(async (err: Error) => {
    await editor.screenshot('views-not-ready');
    throw new Error(`${err.message}\n${editor.logs()}`);
  });
});

after(async () => {
  await editor?.close();
});

/**
 * Hovers `line` until `hover` shows. A code lens that arrives after the
 * mouse settled moves the line from under it, and VS Code shows no hover
 * for a mouse that does not move again: so the mouse leaves and comes back.
 */
async function hoverUntilShown(line: Locator, x: number, hover: Locator): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    await line.hover({ position: { x, y: 5 } });
    try {
      await hover.waitFor({ timeout: 10_000 });
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      // A hover still loading is left to finish; only a missing one is retried.
      if (await editor.page.locator('.monaco-hover:visible').count()) continue;
      await editor.page.mouse.move(0, 0);
    }
  }
}

async function failWithContext<T>(name: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (err) {
    await editor.screenshot(`${name}-failed`).catch(() => undefined);
    throw new Error(`${(err as Error).message}\n${editor.logs().slice(-3000)}`, { cause: err });
  }
}

const lensRows = () => editor.page.locator('.codelens-decoration');

/** Clicks a lens and returns the chat turn it starts. */
async function clickLens(row: number, title: string) {
  const turns = editor.chat().locator('article.turn');
  const before = await turns.count();
  await lensRows().nth(row).locator('a', { hasText: title }).click();
  const turn = turns.nth(before);
  await turn.waitFor({ timeout: 30_000 });
  return turn;
}

/** Runs the turn's command if the lens did not, confirming what asks. */
async function runIfWaiting(turn: ReturnType<ReturnType<Editor['chat']>['locator']>) {
  await turn.locator('.risk').waitFor({ timeout: 60_000 });
  if ((await turn.locator('section.run').count()) === 0) {
    await turn.getByRole('button', { name: 'Run this command in the sandbox' }).click();
    if ((await turn.locator('.confirm').count()) > 0) await turn.locator('.confirm').getByRole('button', { name: /^Run despite/ }).click();
  }
}

test('a shell script has one lens for the whole script and one per block, none on set -euo pipefail', { timeout: 150_000 }, () =>
  failWithContext('script-lenses', async () => {
    await editor.openFile('build.sh');
    await editor.page.locator('.codelens-decoration a', { hasText: 'Run script in sandbox' }).first().waitFor({ timeout: 60_000 });
    // Whole script, the block "echo start / ls -la", the block "cat data.json": three lens lines for eight lines.
    await editor.page.waitForFunction(() => document.querySelectorAll('.codelens-decoration').length === 3, undefined, { timeout: 30_000 }).catch(async () => {
      throw new Error(`lens lines: ${JSON.stringify(await lensRows().allTextContents())}`);
    });
    const rows = await lensRows().allTextContents();
    assert.match(rows[0], /Run script in sandbox\s*\|\s*Explain\s*\|\s*Check/);
    assert.equal(rows.filter((r) => /Run in sandbox/.test(r)).length, 2);
    await editor.screenshot('script-lenses');

    const turn = await clickLens(0, 'Run script in sandbox');
    await runIfWaiting(turn);
    assert.equal((await turn.locator('pre.command').textContent())?.trim(), 'set -euo pipefail\n\necho start\nls -la\n\ncat data.json');
    await turn.locator('.run-state', { hasText: /exited 0/ }).waitFor({ timeout: 60_000 });
    assert.match((await turn.locator('pre.output').textContent()) ?? '', /start[\s\S]*"name": "paladin"/);
    await editor.screenshot('script-run');
    // The editor section of the README shows this window: refreshed on request, so a test run leaves the tree clean.
    if (process.env.PALADIN_UPDATE_SCREENSHOT === '1') {
      const docsImage = path.join(repoRoot, 'docs', 'images', 'editor.jpg');
      mkdirSync(path.dirname(docsImage), { recursive: true });
      await editor.page.screenshot({ path: docsImage, type: 'jpeg', quality: 55 });
    }
  }),
);

test('hovering a command in a script and in a Markdown shell block explains it part by part, with sources', { timeout: 120_000 }, () =>
  failWithContext('hover', async () => {
    const { page } = editor;
    await editor.openFile('build.sh');
    const line = page.locator('.monaco-editor .view-line', { hasText: /^ls\s-la$/ }).first();
    await line.waitFor();
    const hover = page.locator('.monaco-hover-content', { hasText: 'Paladin:' }).first();
    await hoverUntilShown(line, 4, hover);
    const text = (await hover.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /ls — list directory contents/i);
    assert.match(text, /-l[a ]/);
    assert.match(text, /\((--help, image paladin-test:busybox|man page, host)\)/, 'each part says where its text was read');
    assert.doesNotMatch(text, /\) \((manual|help)\)/, 'never two source tags');
    await editor.screenshot('hover-script');
    await page.keyboard.press('Escape');

    await editor.openFile('README.md');
    const md = page.locator('.monaco-editor .view-line', { hasText: /^cat\sdata\.json$/ }).first();
    await md.waitFor();
    const mdHover = page.locator('.monaco-hover-content', { hasText: 'cat' }).first();
    await hoverUntilShown(md, 6, mdHover);
    assert.match((await mdHover.innerText()).replace(/\s+/g, ' '), /data\.json/);
    await editor.screenshot('hover-markdown');
    await page.keyboard.press('Escape');
  }),
);

test('an explanation reads the value given, without manual boilerplate, each source said once', { timeout: 120_000 }, () =>
  failWithContext('hover-find', async () => {
    const { page } = editor;
    await editor.openFile('find.md');
    const line = page.locator('.monaco-editor .view-line', { hasText: /^find\s\./ }).first();
    await line.waitFor();
    const hover = page.locator('.monaco-hover-content', { hasText: 'Paladin:' }).first();
    await hoverUntilShown(line, 6, hover);
    const text = (await hover.innerText()).replace(/\s+/g, ' ');
    // -type's text is about the value given (f), never the manual's placeholder.
    assert.match(text, /-type[^-]*\bf\b/, text);
    assert.doesNotMatch(text, /of type c\b|File type is X\b/, text);
    assert.doesNotMatch(text, /True; /, 'no manual boilerplate');
    assert.doesNotMatch(text, /\) \((manual|help|man page)/, 'never two source tags');
    await editor.screenshot('hover-find');
    await page.keyboard.press('Escape');
  }),
);

test('full output opens in a read-only document titled by the run, highlighted, and closes without asking to save', { timeout: 120_000 }, () =>
  failWithContext('output-document', async () => {
    const { page } = editor;
    await editor.openFile('README.md');
    await page.locator('.codelens-decoration a', { hasText: 'Run in sandbox' }).first().waitFor({ timeout: 60_000 });
    const turn = await clickLens(0, 'Run in sandbox');
    await turn.locator('.run-state', { hasText: /exited 0/ }).waitFor({ timeout: 60_000 });
    await turn.getByRole('button', { name: 'Open the full output in an editor tab' }).click();
    const tab = page.locator('.tab.active', { hasText: /cat data\.json \(r-/ });
    await tab.waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('.tab', { hasText: 'Untitled' }).count(), 0, 'never an Untitled buffer');
    await page.locator('.statusbar-item', { hasText: /^JSON$/ }).first().waitFor({ timeout: 30_000 });
    await page.locator('.monaco-editor .view-line', { hasText: '"name": "paladin"' }).first().waitFor();
    await editor.screenshot('output-document');
    await editor.runCommand('View: Close Editor');
    await tab.waitFor({ state: 'detached', timeout: 30_000 });
    assert.equal(await page.locator('.monaco-dialog-box').count(), 0, 'closing asks nothing');
  }),
);

test('the history view shows denied, ran and discarded entries with exit code, duration and mode; an entry opens its output and runs again', { timeout: 240_000 }, () =>
  failWithContext('history-view', async () => {
    const { page } = editor;
    // A plan whose command is edited into one the policy denies.
    await editor.runCommand('Paladin: Plan Command');
    const box = page.locator('.quick-input-widget input');
    await box.waitFor({ state: 'visible' });
    await box.fill('show the contents of notes.txt');
    const turns = editor.chat().locator('article.turn');
    const count = await turns.count();
    await box.press('Enter');
    const planned = turns.nth(count);
    await planned.locator('.risk').waitFor({ timeout: 60_000 });
    await planned.getByRole('button', { name: 'Edit the command; it is checked again before it can run' }).click();
    await planned.getByRole('textbox', { name: 'Edit the command' }).fill('rm -rf /');
    await planned.getByRole('button', { name: 'Check the edited command against the policy' }).click();
    await planned.locator('.risk-deny').waitFor({ timeout: 30_000 });

    // A snapshot run whose changes are discarded.
    await editor.openFile('README.md');
    await page.locator('.codelens-decoration a', { hasText: 'Run in sandbox' }).first().waitFor({ timeout: 60_000 });
    const snap = await clickLens(1, 'Run in sandbox');
    await runIfWaiting(snap);
    await snap.locator('.changes').waitFor({ timeout: 60_000 });
    await snap.getByRole('button', { name: 'Drop these changes' }).click();

    await editor.runCommand('Paladin: Focus on History View');
    const row = (text: string) => page.locator(`.monaco-list-row[aria-label*="${text}"]`).first();
    await row('rm -rf /').waitFor({ timeout: 30_000 });
    assert.match((await row('rm -rf /').getAttribute('aria-label')) ?? '', /^rm -rf \/, denied$/, 'a denied edit says denied, not planned');
    await page.waitForFunction(() => [...document.querySelectorAll('.monaco-list-row')].some((e) => /^echo changed > notes\.txt, discarded · exit 0 · [\d.]+ (ms|s) · snapshot · 1 file changed$/.test(e.getAttribute('aria-label') ?? '')), undefined, { timeout: 30_000 });
    const ran = row('cat data.json, ran');
    assert.match((await ran.getAttribute('aria-label')) ?? '', /^cat data\.json, ran · exit 0 · [\d.]+ (ms|s) · read-only$/);
    await editor.screenshot('history-view');

    // Opening an entry shows its stored output; Run Again checks it first and runs it.
    await ran.click();
    await page.locator('.tab.active', { hasText: /cat data\.json \(/ }).waitFor({ timeout: 30_000 });
    await page.locator('.monaco-editor .view-line', { hasText: '"name": "paladin"' }).first().waitFor();
    // One card per command: the run lands in the card that already shows cat data.json, as a new run.
    const again = turns.filter({ has: editor.chat().locator('pre.command', { hasText: /^\s*cat data\.json\s*$/ }) });
    const runs = await again.locator('section.run').count();
    await page.locator('.notification-toast', { hasText: 'Output of "cat data.json"' }).getByRole('button', { name: 'Run Again' }).click();
    await again.locator('section.run').nth(runs).locator('.run-state', { hasText: /exited 0/ }).waitFor({ timeout: 60_000 });
    assert.equal(await again.count(), 1, 'one card for the command');
    assert.equal(await again.locator('.risk-allow').count(), 1);
    await editor.screenshot('history-rerun');
  }),
);
