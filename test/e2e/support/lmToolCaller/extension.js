/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS extension, loaded by VS Code as is */
/* global require, exports */
// Test-only extension: reads {id, tool, input} from lm-request.json in the
// workspace, calls vscode.lm.invokeTool as a chat agent would (outside a chat
// session, so VS Code asks for confirmation in a dialog), and writes what came
// back to lm-result-<id>.json.
const vscode = require('vscode');
const fs = require('node:fs');
const path = require('node:path');

exports.activate = (context) => {
  context.subscriptions.push(
    vscode.commands.registerCommand('lmToolCaller.invoke', async () => {
      const folder = vscode.workspace.workspaceFolders[0].uri.fsPath;
      const request = JSON.parse(fs.readFileSync(path.join(folder, 'lm-request.json'), 'utf8'));
      let outcome;
      try {
        const known = vscode.lm.tools.map((t) => t.name);
        const result = await vscode.lm.invokeTool(request.tool, { input: request.input, toolInvocationToken: undefined });
        outcome = { ok: true, known, text: result.content.map((part) => (part && typeof part.value === 'string' ? part.value : '')).join('\n') };
      } catch (err) {
        outcome = { ok: false, error: String((err && err.message) || err) };
      }
      fs.writeFileSync(path.join(folder, `lm-result-${request.id}.json`), JSON.stringify(outcome));
    }),
  );
};
