// The editor on a team server: a real `paladin serve` on loopback with its
// own store and key; the editor's "Paladin: Set Team Server Key" puts the key
// in SecretStorage, the status bar names the team server, and a plan asked in
// the editor is answered by that server (its history holds it). The key is in
// no settings, database or log file.

import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { after, before, test } from 'node:test';
import { call } from '../support/apiClient';
import { openEditor, repoRoot, TEST_IMAGE, type Editor } from './support/codeServer';
import { paladinArgs } from '../support/nodeArgs';

let dir: string;
let serve: ChildProcess;
let port: number;
let key = '';
let editor: Editor;

function cli(args: string[]): ChildProcess {
  const env = { ...process.env, PALADIN_DB: path.join(dir, 'data', 'p.db'), PALADIN_API_WORKSPACES: path.join(dir, 'ws'), PALADIN_SANDBOX_IMAGE: TEST_IMAGE, PALADIN_SANDBOX_POOL_SIZE: '0' };
  return spawn(process.execPath, paladinArgs(args), { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

before(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'paladin-e2e-team-'));
  mkdirSync(path.join(dir, 'ws'));
  const keys = cli(['keys', 'create', 'editor-e2e']);
  keys.stdout!.on('data', (c: Buffer) => (key += c.toString()));
  await once(keys, 'exit');
  key = key.trim();
  assert.match(key, /^pld_/);
  serve = cli(['serve', '--port', '0', '--json']);
  const first = await readline.createInterface({ input: serve.stdout! })[Symbol.asyncIterator]().next();
  port = Number(new URL((JSON.parse(String(first.value)) as { url: string }).url).port);
  editor = await openEditor({ files: { 'notes.txt': 'hello\n' }, settings: { 'paladin.server.url': `http://127.0.0.1:${port}` } });
});

after(async () => {
  await editor?.close();
  if (serve && serve.exitCode === null) serve.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function filesUnder(d: string): string[] {
  if (!existsSync(d)) return [];
  return readdirSync(d, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

test('with a team server set and its key stored, the status bar names it and a plan is served by it', { timeout: 240_000 }, async () => {
  const { page } = editor;
  const item = (pattern: RegExp) => page.waitForFunction((src) => [...document.querySelectorAll('.statusbar-item')].some((e) => new RegExp(src).test(e.textContent ?? '')), pattern.source, { timeout: 90_000 });
  try {
    // No key yet: the status says so instead of working locally.
    await item(new RegExp(`Paladin: team 127\\.0\\.0\\.1:${port} · no key`));
    await editor.runCommand('Paladin: Set Team Server Key');
    const box = page.locator('.quick-input-widget input');
    await box.waitFor({ state: 'visible' });
    assert.equal(await box.getAttribute('type'), 'password');
    await box.fill(key);
    await box.press('Enter');
    await item(new RegExp(`Paladin: team 127\\.0\\.0\\.1:${port}$`));

    await editor.runCommand('Paladin: Plan Command');
    await box.waitFor({ state: 'visible' });
    await box.fill('show what is in notes.txt');
    await box.press('Enter');
    const turn = editor.chat().locator('article.turn').last();
    await turn.locator('.risk').waitFor({ timeout: 60_000 });
    const history = await call({ port }, 'GET', '/v1/history?limit=5', { key });
    assert.equal(history.status, 200, history.text);
    assert.ok(history.json.entries.some((e: { query: string }) => e.query === 'show what is in notes.txt'), 'the team server\'s history holds the plan');

    // A click on the status item shows the server's health and version.
    await page.locator('.statusbar-item', { hasText: `Paladin: team 127.0.0.1:${port}` }).first().click();
    await page.locator('.notification-toast', { hasText: /version 0\.1\.0/ }).waitFor({ timeout: 30_000 });
    await editor.screenshot('team-server-plan');

    const leaks = [...filesUnder(editor.userData).filter((f) => !f.includes(`${path.sep}globalStorage${path.sep}`) || !f.endsWith('state.vscdb')), editor.dbPath, `${editor.dbPath}-wal`]
      .filter((f) => existsSync(f))
      .filter((f) => readFileSync(f).includes(key));
    assert.deepEqual(leaks, [], 'the key is in no settings, database or log file');
  } catch (err) {
    await editor.screenshot('team-server-failed').catch(() => undefined);
    throw new Error(`${(err as Error).message}\n${editor.logs().slice(-3000)}`, { cause: err });
  }
});
