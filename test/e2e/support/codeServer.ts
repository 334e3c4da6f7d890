// Runs the packaged extension in a real VS Code: code-server on 127.0.0.1
// with a throw-away user-data dir, extensions dir and workspace, driven by
// playwright-core in Debian's chromium. Everything waits for events (a log
// line, a selector), never for time.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';
import { newestFileTime } from '../../support/nodeArgs';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const artifacts = path.join(repoRoot, '.test-artifacts');
export const TEST_IMAGE = process.env.PALADIN_TEST_IMAGE ?? 'paladin-test:busybox';

const codeServerDir = process.env.PALADIN_CODE_SERVER_DIR ?? path.join(os.homedir(), '.cache', 'paladin-e2e', 'code-server');
const codeServerBin = path.join(codeServerDir, 'node_modules', '.bin', 'code-server');
const chromiumPath = process.env.PALADIN_CHROMIUM ?? '/usr/bin/chromium';

/** Installs code-server into the cache dir the first time (about 45 s). */
export function ensureCodeServer(): string {
  if (!existsSync(codeServerBin)) {
    const r = spawnSync('bash', [path.join(repoRoot, 'test', 'support', 'install-code-server.sh'), codeServerDir], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`installing code-server into ${codeServerDir} failed (exit ${r.status})`);
  }
  return codeServerBin;
}

/** Packages paladin.vsix unless it is newer than every source it is built from. */
export function ensureVsix(): string {
  const vsix = path.join(repoRoot, 'paladin.vsix');
  const sources = ['client/src', 'server/src', 'media', 'policies'].map((d) => path.join(repoRoot, d)).filter(existsSync);
  const newestSource = Math.max(statSync(path.join(repoRoot, 'package.json')).mtimeMs, statSync(path.join(repoRoot, '.vscodeignore')).mtimeMs, ...sources.map(newestFileTime));
  if (!existsSync(vsix) || statSync(vsix).mtimeMs < newestSource) {
    const r = spawnSync('npm', ['run', 'package'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error(`npm run package failed (exit ${r.status})`);
  }
  return vsix;
}

export interface EditorOptions {
  /** Files to create in the workspace, path → content. */
  files?: Record<string, string>;
  /** Extra user settings. */
  settings?: Record<string, unknown>;
  /** false: Workspace Trust on, and the folder not trusted. */
  trusted?: boolean;
  /** Further VSIX files to install next to Paladin's (test-only extensions). */
  extraVsix?: string[];
}

export interface Editor {
  page: Page;
  workspace: string;
  userData: string;
  dbPath: string;
  /** The chat view's document (inside the webview's two frames). */
  chat(): FrameLocator;
  runCommand(title: string): Promise<void>;
  /** Opens a workspace file by name through Quick Open. */
  openFile(name: string): Promise<void>;
  screenshot(name: string): Promise<string>;
  /** The extension's log and the extension host's log, for failure messages. */
  logs(): string;
  close(): Promise<void>;
}

function waitForLine(child: ChildProcess, pattern: RegExp, what: string): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (data: Buffer) => {
      seen += data.toString();
      const m = pattern.exec(seen);
      if (m) {
        child.stdout?.off('data', onData);
        child.stderr?.off('data', onData);
        resolve(m);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${what} exited (${code}) before it was ready:\n${seen.slice(-2000)}`)));
  });
}

export async function openEditor(options: EditorOptions = {}): Promise<Editor> {
  const bin = ensureCodeServer();
  const vsix = ensureVsix();
  const root = mkdtempSync(path.join(os.tmpdir(), 'paladin-e2e-'));
  const userData = path.join(root, 'user-data');
  const extensions = path.join(root, 'extensions');
  const workspace = path.join(root, 'workspace');
  // Beside the workspace, not above it: a workspace never lies in Paladin's data folder.
  const dbPath = path.join(root, 'data', 'paladin.db');
  mkdirSync(path.join(userData, 'User'), { recursive: true });
  mkdirSync(workspace, { recursive: true });
  for (const [file, content] of Object.entries(options.files ?? {})) {
    mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
    writeFileSync(path.join(workspace, file), content);
  }
  const trusted = options.trusted !== false;
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'update.mode': 'none',
    'security.workspace.trust.enabled': !trusted,
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.banner': 'never',
    'editor.codeLens': true,
    'paladin.sandbox.image': TEST_IMAGE,
    'paladin.database.path': dbPath,
    ...options.settings,
  };
  writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));

  const env = { ...process.env, PALADIN_DB: dbPath };
  for (const file of [vsix, ...(options.extraVsix ?? [])]) {
    const install = spawnSync(bin, ['--extensions-dir', extensions, '--user-data-dir', userData, '--install-extension', file], { env, encoding: 'utf8' });
    if (install.status !== 0) throw new Error(`installing ${path.basename(file)} failed: ${install.stderr}`);
  }

  const server = spawn(
    bin,
    ['--auth', 'none', '--bind-addr', '127.0.0.1:0', '--disable-telemetry', '--disable-update-check', '--extensions-dir', extensions, '--user-data-dir', userData, workspace],
    { env, stdio: ['ignore', 'pipe', 'pipe'], detached: false },
  );
  const [, url] = await waitForLine(server, /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/, 'code-server');

  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(`${url}/?folder=${encodeURIComponent(workspace)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    const editor: Editor = {
      page,
      workspace,
      userData,
      dbPath,
      chat: () => page.frameLocator('iframe.webview.ready').frameLocator('#active-frame'),
      async runCommand(title: string) {
        await page.keyboard.press('F1');
        const input = page.locator('.quick-input-widget input');
        await input.waitFor({ state: 'visible' });
        await input.fill(`>${title}`);
        await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
        await input.press('Enter');
      },
      async openFile(name: string) {
        await page.keyboard.press('F1');
        const input = page.locator('.quick-input-widget input');
        await input.waitFor({ state: 'visible' });
        await input.fill(name);
        await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
        await input.press('Enter');
        await page.locator('.tab.active', { hasText: name }).waitFor();
      },
      async screenshot(name: string) {
        mkdirSync(artifacts, { recursive: true });
        const file = path.join(artifacts, `${name}.png`);
        await page.screenshot({ path: file });
        return file;
      },
      logs() {
        return collectLogs(path.join(userData, 'logs'));
      },
      async close() {
        await browser?.close().catch(() => undefined);
        await stop(server);
        // The extension's server may still be closing its database as the editor goes: retry, then leave the temp folder.
        try {
          rmSync(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
        } catch (err) {
          console.warn(`could not remove ${root}: ${(err as Error).message}`);
        }
      },
    };
    return editor;
  } catch (err) {
    await browser?.close().catch(() => undefined);
    await stop(server);
    throw err;
  }
}

function collectLogs(dir: string): string {
  if (!existsSync(dir)) return '';
  let out = '';
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const full = path.join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name);
    if (entry.isFile() && /(Paladin|exthost|remoteexthost)\.log$/i.test(entry.name)) out += `--- ${path.relative(dir, full)}\n${readFileSync(full, 'utf8').slice(-4000)}\n`;
  }
  return out;
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** The Paladin status-bar item. */
export function statusItem(page: Page) {
  return page.locator('.statusbar-item', { hasText: 'Paladin' }).first();
}
