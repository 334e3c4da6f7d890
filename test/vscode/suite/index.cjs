/* global require, module, process, setTimeout, clearTimeout */
/* eslint-disable @typescript-eslint/no-require-imports -- the extension host loads tests as CommonJS */
// Extension-host tests (desktop VS Code, Electron). Plain node:assert, no
// framework: each check runs in order and the first failure fails the run.
const assert = require('node:assert/strict');
const path = require('node:path');
const vscode = require('vscode');

async function waitFor(check, what) {
  // Wait on editor events rather than time: re-check whenever lenses or editors change.
  return new Promise((resolve, reject) => {
    const subs = [];
    const done = (fn) => { subs.forEach((s) => s.dispose()); fn(); };
    const test = async () => {
      try {
        const value = await check();
        if (value) done(() => resolve(value));
      } catch (err) {
        done(() => reject(err));
      }
    };
    subs.push(vscode.languages.onDidChangeDiagnostics(test), vscode.window.onDidChangeVisibleTextEditors(test), vscode.workspace.onDidChangeTextDocument(test));
    const guard = setTimeout(() => done(() => reject(new Error(`timed out waiting for ${what}`))), 60_000);
    subs.push({ dispose: () => clearTimeout(guard) });
    void test();
  });
}

async function run() {
  const ext = vscode.extensions.getExtension('paladin.paladin');
  assert.ok(ext, 'the extension is installed');
  const api = await ext.activate();
  assert.ok(api.activationMs < 200, `activation took ${api.activationMs} ms`);

  const state = await api.whenSettled();
  assert.equal(state.kind, 'running', `server state: ${JSON.stringify(state)}`);
  assert.notEqual(process.versions.electron, undefined, 'this host is Electron');

  const readme = vscode.Uri.file(path.join(process.env.PALADIN_TEST_WORKSPACE, 'README.md'));
  const doc = await vscode.workspace.openTextDocument(readme);
  await vscode.window.showTextDocument(doc);
  const lenses = await waitFor(async () => {
    const found = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', readme);
    return found && found.length >= 3 ? found : undefined;
  }, 'code lenses on README.md');
  assert.deepEqual(lenses.slice(0, 3).map((l) => l.command.title), ['▶ Run in sandbox', 'Explain', 'Check']);
  assert.equal(lenses[0].command.arguments[0], 'echo hello from paladin');
}

module.exports = { run };
