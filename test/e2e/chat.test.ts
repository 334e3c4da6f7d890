// The chat view, the palette and the code lenses in a real VS Code with the
// packaged extension, a real Docker engine and the test sandbox image.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { registerCardTests } from './chatCardCases';
import { cardFiles } from './chatCardFiles';
import { openEditor, type Editor } from './support/codeServer';
import { clickLens as clickLensIn, failWithContext as withContext } from './support/chatCard';

const files = {
  'notes.txt': 'hello\n',
  'data.json': '{"name": "paladin", "ok": true, "items": [1, 2, 3]}\n',
  'README.md': [
    '# Demo', // 0
    '', // 1
    '```sh', // 2
    'cat data.json', // 3
    '```', // 4
    '', // 5
    '```bash', // 6
    'rm -rf /', // 7
    '```', // 8
    '', // 9
    '```sh', // 10
    "printf '%s\\n' '<script>document.title=\"pwned\"</script>' '<img src=x onerror=\"document.title=1\">' && printf '\\033]8;;command:workbench.action.quit\\033\\\\click me\\033]8;;\\033\\\\\\n\\033]0;evil\\007\\033[31mred\\033[0m done\\n'", // 11
    '```', // 12
    '', // 13
    '```sh', // 14
    'echo changed > notes.txt', // 15
    '```', // 16
    '', // 17
    '```sh', // 18
    'seq 1 5000', // 19
    '```', // 20
    '',
  ].join('\n'),
  ...cardFiles,
};

let editor: Editor;

before(async () => {
  // The DOM terminal renderer lets a test read what was typed into the terminal.
  editor = await openEditor({ files, settings: { 'terminal.integrated.gpuAcceleration': 'off' } });
  await editor.page.waitForFunction(() => [...document.querySelectorAll('.statusbar-item')].some((e) => /Paladin: \w+ · sandbox ready/.test(e.textContent ?? '')), undefined, { timeout: 90_000 }).catch(async (err: Error) => {
    await editor.screenshot('chat-not-ready');
    throw new Error(`${err.message}\n${editor.logs()}`);
  });
});

after(async () => {
  await editor?.close();
});

const failWithContext = <T>(name: string, body: () => Promise<T>) => withContext(editor, name, body);

/** The commands of README.md's blocks, by lens row. */
const readme = ['cat data.json', 'rm -rf /', files['README.md'].split('\n')[11], 'echo changed > notes.txt', 'seq 1 5000'];

/** Clicks the code lens `title` above README.md's block `index`; returns the card of its command. */
function clickLens(index: number, title: string) {
  return clickLensIn(editor, 'README.md', index, title, readme[index]);
}

test('Plan command from the palette: answer with risk card, Run, output streams, history shows it', { timeout: 180_000 }, () =>
  failWithContext('plan', async () => {
    const { page } = editor;
    await editor.runCommand('Paladin: Plan Command');
    const box = page.locator('.quick-input-widget input');
    await box.waitFor({ state: 'visible' });
    await box.fill('show the contents of notes.txt');
    const turns = editor.chat().locator('article.turn');
    const count = await turns.count().catch(() => 0);
    await box.press('Enter');
    const turn = turns.nth(count);
    await turn.locator('.risk').waitFor({ timeout: 60_000 });
    const command = (await turn.locator('pre.command').textContent())?.trim() ?? '';
    assert.ok(command.length > 0, 'a command was planned');
    // How sure the planner is, and what else it considered, are in the card (not only in the CLI).
    assert.match((await turn.locator('.confidence').textContent()) ?? '', /^Confidence 0\.\d\d$/);
    assert.match((await turn.locator('details.alternatives summary').textContent()) ?? '', /\d+ alternatives?/);
    assert.match((await turn.locator('.risk .decision').textContent()) ?? '', /Allowed|Needs your approval/);
    await editor.screenshot('plan-answer');
    await turn.getByRole('button', { name: 'Run this command in the sandbox' }).click();
    if ((await turn.locator('.confirm').count()) > 0) await turn.locator('.confirm').getByRole('button', { name: /^Run despite/ }).click();
    await turn.locator('.run-state', { hasText: /exited/ }).waitFor({ timeout: 60_000 });
    const output = (await turn.locator('pre.output').textContent()) ?? '';
    assert.match(output, /hello|notes\.txt/, `output of ${command}`);
    await editor.screenshot('plan-ran');

    await editor.runCommand('Paladin: Show History');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: command }).first().waitFor({ timeout: 30_000 });
    await editor.screenshot('history');
    await page.keyboard.press('Escape');

    await editor.runCommand('Paladin: Verify Audit Log');
    await page.locator('.notification-toast', { hasText: /The audit log is intact: \d+ records/ }).waitFor({ timeout: 30_000 });
  }),
);

test('a code lens above a Markdown shell block runs it; JSON output is highlighted', { timeout: 120_000 }, () =>
  failWithContext('lens', async () => {
    const turn = await clickLens(0, 'Run in sandbox');
    await turn.locator('.run-state', { hasText: /exited 0/ }).waitFor({ timeout: 60_000 });
    assert.equal((await turn.locator('pre.command').textContent())?.trim(), 'cat data.json');
    const output = turn.locator('pre.output');
    await output.locator('.tok').first().waitFor({ timeout: 30_000 });
    assert.match((await output.textContent()) ?? '', /"name": "paladin"/);
    const colour = await output.locator('.tok', { hasText: '"name"' }).first().evaluate((e) => getComputedStyle(e).color);
    assert.notEqual(colour, await output.evaluate((e) => getComputedStyle(e).color), 'JSON keys are coloured');
    await editor.screenshot('lens-json');
  }),
);

test('a denied command cannot be run, and the view says why', { timeout: 120_000 }, () =>
  failWithContext('deny', async () => {
    const turn = await clickLens(1, 'Run in sandbox');
    await turn.locator('.risk-deny').waitFor({ timeout: 60_000 });
    assert.equal((await turn.locator('pre.command').textContent())?.trim(), 'rm -rf /');
    const run = turn.getByRole('button', { name: 'Run this command in the sandbox' });
    assert.equal(await run.isDisabled(), true);
    assert.match((await turn.locator('.why-not').textContent()) ?? '', /policy denies/);
    assert.equal(await turn.locator('section.run').count(), 0, 'nothing ran');
    await editor.screenshot('deny');
  }),
);

test('Edit re-checks the command before it can run; Explain explains it', { timeout: 120_000 }, () =>
  failWithContext('edit', async () => {
    const turn = await clickLens(1, 'Check');
    await turn.locator('.risk-deny').waitFor({ timeout: 60_000 });
    await turn.getByRole('button', { name: 'Edit the command; it is checked again before it can run' }).click();
    const area = turn.getByRole('textbox', { name: 'Edit the command' });
    await area.fill('ls /');
    assert.equal(await turn.getByRole('button', { name: 'Run this command in the sandbox' }).isDisabled(), true, 'no Run while editing');
    await turn.getByRole('button', { name: 'Check the edited command against the policy' }).click();
    await turn.locator('.risk-allow').waitFor({ timeout: 30_000 });
    assert.equal((await turn.locator('pre.command').textContent())?.trim(), 'ls /');
    assert.equal(await turn.getByRole('button', { name: 'Run this command in the sandbox' }).isEnabled(), true);
    await turn.getByRole('button', { name: 'Explain the command part by part' }).click();
    await turn.locator('.explain').waitFor({ timeout: 30_000 });
    assert.match((await turn.locator('.explain').textContent()) ?? '', /ls/);
    await editor.screenshot('edit-explain');
  }),
);

test('output with <script>, <img onerror>, OSC escapes and command: links renders as text', { timeout: 120_000 }, () =>
  failWithContext('inert', async () => {
    const titleBefore = await editor.page.title();
    const turn = await clickLens(2, 'Run in sandbox');
    await turn.locator('.risk').waitFor({ timeout: 60_000 });
    if ((await turn.locator('section.run').count()) === 0) {
      await turn.getByRole('button', { name: 'Run this command in the sandbox' }).click();
      if ((await turn.locator('.confirm').count()) > 0) await turn.locator('.confirm').getByRole('button', { name: /^Run despite/ }).click();
    }
    await turn.locator('.run-state', { hasText: /exited 0/ }).waitFor({ timeout: 60_000 });
    const output = turn.locator('pre.output');
    const text = (await output.textContent()) ?? '';
    assert.match(text, /<script>document\.title="pwned"<\/script>/);
    assert.match(text, /<img src=x onerror="document\.title=1">/);
    assert.match(text, /click me/);
    assert.doesNotMatch(text, /command:|\]8;;|\]0;|evil/);
    assert.equal(await output.locator('script, img, a, iframe').count(), 0);
    assert.ok((await output.locator('.ansi-fg-1', { hasText: 'red' }).count()) === 1, 'ANSI red is rendered as a colour');
    assert.equal(await editor.page.title(), titleBefore);
    await editor.screenshot('inert-output');
  }),
);

test('a snapshot run shows a diff, Apply writes the file, and Undo puts it back', { timeout: 180_000 }, () =>
  failWithContext('snapshot', async () => {
    const turn = await clickLens(3, 'Run in sandbox');
    await turn.locator('.risk').waitFor({ timeout: 60_000 });
    if ((await turn.locator('section.run').count()) === 0) {
      await turn.getByRole('button', { name: 'Run this command in the sandbox' }).click();
      if ((await turn.locator('.confirm').count()) > 0) await turn.locator('.confirm').getByRole('button', { name: /^Run despite/ }).click();
    }
    await turn.locator('.changes').waitFor({ timeout: 60_000 });
    assert.equal(readFileSync(path.join(editor.workspace, 'notes.txt'), 'utf8'), 'hello\n', 'nothing is written before Apply');
    await turn.getByRole('button', { name: /Show the diff of notes\.txt/ }).click();
    await editor.page.locator('.monaco-diff-editor').first().waitFor({ timeout: 30_000 });
    await editor.page.locator('.tab', { hasText: 'notes.txt (before ↔ after' }).first().waitFor();
    await editor.screenshot('snapshot-diff');
    await turn.getByRole('button', { name: 'Write these changes to the workspace' }).click();
    // Apply asks first, with the consequences in front of the person.
    const dialog = editor.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 30_000 });
    assert.match((await dialog.innerText()).replace(/\s+/g, ' '), /1 file changed; 8 bytes written/);
    assert.equal(readFileSync(path.join(editor.workspace, 'notes.txt'), 'utf8'), 'hello\n', 'nothing is written before the confirmation');
    await dialog.locator('.monaco-button', { hasText: /^Apply$/ }).click();
    await turn.locator('.applied').waitFor({ timeout: 30_000 });
    assert.equal(readFileSync(path.join(editor.workspace, 'notes.txt'), 'utf8'), 'changed\n');
    await editor.screenshot('snapshot-applied');
    // Undo on the applied card puts back what the apply replaced, after asking.
    await turn.getByRole('button', { name: /^Put back what this apply replaced/ }).click();
    const undoDialog = editor.page.locator('.monaco-dialog-box');
    await undoDialog.waitFor({ timeout: 30_000 });
    await undoDialog.locator('.monaco-button', { hasText: /^Undo the apply$/ }).click();
    await turn.locator('.undone').waitFor({ timeout: 30_000 });
    assert.match((await turn.locator('.changes h4').textContent()) ?? '', /applied, then undone/);
    assert.equal(readFileSync(path.join(editor.workspace, 'notes.txt'), 'utf8'), 'hello\n', 'the file is back as it was');
    await editor.screenshot('snapshot-undone');
  }),
);

test('long output collapses behind a summary and opens in full in an editor tab', { timeout: 120_000 }, () =>
  failWithContext('summary', async () => {
    const turn = await clickLens(4, 'Run in sandbox');
    await turn.locator('.run-state', { hasText: /exited 0/ }).waitFor({ timeout: 60_000 });
    const summary = turn.locator('section.summary');
    await summary.waitFor({ timeout: 30_000 });
    assert.match((await summary.textContent()) ?? '', /5000 lines, 23893 bytes/);
    assert.equal(await turn.locator('details.full-output').getAttribute('open'), null, 'the output itself is collapsed');
    await editor.screenshot('summary');
    await turn.getByRole('button', { name: 'Open the full output in an editor tab' }).click();
    // A read-only document titled by the run, never an Untitled buffer (test/e2e/editorViews.test.ts checks the rest).
    await editor.page.locator('.tab.active', { hasText: /seq 1 5000 \(r-/ }).waitFor({ timeout: 30_000 });
    await editor.page.keyboard.press('Control+End');
    await editor.page.locator('.monaco-editor .view-line', { hasText: /^5000$/ }).first().waitFor({ timeout: 30_000 });
    await editor.screenshot('full-output-tab');
  }),
);

registerCardTests(() => editor);

test('the conversation survives hiding the view and reloading the window', { timeout: 150_000 }, () =>
  failWithContext('reload', async () => {
    const { page } = editor;
    const turns = editor.chat().locator('article.turn');
    const before = await turns.count();
    assert.ok(before >= 1, "earlier tests left answers in the view");
    const firstCommand = await turns.first().locator('pre.command').textContent();
    // Hide: switch the side bar to the explorer and back.
    await editor.runCommand('View: Show Explorer');
    await editor.runCommand('Paladin: Focus on Chat View');
    await turns.nth(before - 1).waitFor();
    assert.equal(await turns.count(), before);
    // Wait for the new page, not the old workbench that is still there while the reload begins.
    const reloaded = page.waitForEvent('load', { timeout: 60_000 });
    await editor.runCommand('Developer: Reload Window');
    await reloaded;
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await page.locator('.statusbar-item', { hasText: 'Paladin' }).first().waitFor({ timeout: 60_000 });
    await editor.runCommand('Paladin: Focus on Chat View');
    await turns.nth(before - 1).waitFor({ timeout: 60_000 });
    assert.equal(await turns.count(), before);
    assert.equal(await turns.first().locator('pre.command').textContent(), firstCommand);
    await editor.screenshot('after-reload');
  }),
);
