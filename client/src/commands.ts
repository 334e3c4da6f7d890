// The palette commands (category "Paladin") and the code-lens commands. All
// are registered at activation; those that need the server answer "the
// Paladin server is not running: <why>" until it is.

import * as path from 'node:path';
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { HistoryRequest, SetSecretNotification, VerifyAuditRequest } from '../../server/src/protocol/protocol';
import { MAX_REQUEST_CHARS } from '../../server/src/protocol/limits';
import type { ChatViewProvider } from './chatView';
import { promptOpenAiKey } from './secrets';
import { NotRunningError, type ServerClient } from './serverClient';
import { entryDescription } from './historyText';
import { statusText } from './statusBar';

export function registerCommands(context: vscode.ExtensionContext, server: ServerClient, chat: ChatViewProvider): void {
  const register = (id: string, run: (...args: unknown[]) => unknown) =>
    context.subscriptions.push(
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
          await run(...args);
        } catch (err) {
          const message = (err as Error).message ?? String(err);
          if (err instanceof NotRunningError) {
            void vscode.window.showErrorMessage(message, 'Show Status').then((pick) => pick && vscode.commands.executeCommand('paladin.showStatus'));
          } else void vscode.window.showErrorMessage(`Paladin: ${message}`);
        }
      }),
    );

  register('paladin.planCommand', async (request?: unknown) => {
    // Say at once when the server is not there, before asking for anything.
    server.require();
    const text =
      typeof request === 'string'
        ? request
        : await vscode.window.showInputBox({
            title: 'Paladin: Plan Command',
            prompt: 'Say what you want done; Paladin plans a shell command, checks it against the policy, and shows it before anything runs.',
            placeHolder: 'e.g. list the 10 biggest files under src',
            ignoreFocusOut: true,
            validateInput: (v) => (v.length > MAX_REQUEST_CHARS ? `At most ${MAX_REQUEST_CHARS.toLocaleString('en-US')} characters.` : undefined),
          });
    if (!text || text.trim() === '') return;
    await chat.reveal();
    await chat.plan(text.trim());
  });

  register('paladin.explainSelection', async () => {
    server.require();
    const command = selectedCommand();
    await chat.reveal();
    await chat.offer(command, 'explain');
  });

  register('paladin.runSelection', async () => {
    server.require();
    const command = selectedCommand();
    await chat.reveal();
    await chat.offer(command, 'run');
  });

  const lensCommand = (action: 'run' | 'check' | 'explain') => async (command: unknown) => {
    if (typeof command !== 'string' || command.trim() === '') throw new Error('This code lens carries no command.');
    server.require();
    await chat.reveal();
    await chat.offer(command, action);
  };
  register('paladin.runCommand', lensCommand('run'));
  register('paladin.explainCommand', lensCommand('explain'));
  register('paladin.checkCommand', lensCommand('check'));

  register('paladin.showHistory', async () => {
    const entries = await server.require().sendRequest(HistoryRequest.type, { limit: 100 });
    if (entries.length === 0) {
      void vscode.window.showInformationMessage('Paladin: no history yet.');
      return;
    }
    const pick = await vscode.window.showQuickPick(
      entries.map((e) => ({
        label: e.plannedCommand || '(no command)',
        description: entryDescription(e),
        detail: `${e.query ? `“${e.query}” · ` : ''}${new Date(e.createdAt).toLocaleString()}`,
        command: e.plannedCommand,
      })),
      { title: 'Paladin: History', placeHolder: 'Pick a command to check it again in the chat view', matchOnDetail: true },
    );
    if (pick?.command) {
      await chat.reveal();
      await chat.offer(pick.command, 'check');
    }
  });

  register('paladin.verifyAudit', async () => {
    const result = await server.require().sendRequest(VerifyAuditRequest.type, undefined);
    if (result.intact) void vscode.window.showInformationMessage(`Paladin: ${result.message}`);
    else void vscode.window.showErrorMessage(`Paladin: ${result.message}`, { modal: true });
  });

  register('paladin.openPolicies', async () => {
    const dir = context.asAbsolutePath(path.join('policies', 'paladin'));
    const files = (await fs.readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.rego') && !f.endsWith('_test.rego'));
    if (files.length === 0) throw new Error(`no policy files were found in ${dir}.`);
    const pick = files.length === 1 ? files[0] : await vscode.window.showQuickPick(files, { title: 'Paladin: built-in policies (read-only; add your own with `paladin policy add`)' });
    if (!pick) return;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(dir, pick)));
    await vscode.window.showTextDocument(doc, { preview: true });
  });

  register('paladin.setOpenAiKey', async () => {
    const result = await promptOpenAiKey(context);
    if (!result) return;
    if (server.current.kind === 'running') await server.require().sendNotification(SetSecretNotification.type, { name: 'openai.apiKey', value: result.value });
    void vscode.window.showInformationMessage(result.value ? 'Paladin: the OpenAI API key is stored in VS Code\'s secret storage.' : 'Paladin: the stored OpenAI API key was removed.');
  });

  register('paladin.restartServer', async () => {
    await server.restart();
  });

  register('paladin.showStatus', async () => {
    // Fresh: a click asks the team server for its health and version now.
    await server.refreshStatus();
    const { tooltip } = statusText(server.current);
    const team = server.current.kind === 'running' ? server.current.status?.team : undefined;
    const keyAction = team && team.state !== 'connected' && team.state !== 'unreachable' ? ['Set Team Server Key'] : [];
    const actions = server.current.kind === 'running' ? [...keyAction, 'Show Output'] : ['Restart Server', 'Show Output', 'Open Settings'];
    const pick = await vscode.window.showInformationMessage(tooltip.replace('\nClick for details.', ''), { modal: false }, ...actions);
    if (pick === 'Set Team Server Key') void vscode.commands.executeCommand('paladin.setTeamServerKey');
    else if (pick === 'Restart Server') await server.restart();
    else if (pick === 'Show Output') void vscode.commands.executeCommand('paladin.showOutput');
    else if (pick === 'Open Settings') void vscode.commands.executeCommand('workbench.action.openSettings', 'paladin');
  });
}

function selectedCommand(): string {
  const editor = vscode.window.activeTextEditor;
  if (!editor) throw new Error('Select a command in an editor first.');
  const selection = editor.selection;
  const text = selection.isEmpty ? editor.document.lineAt(selection.active.line).text : editor.document.getText(selection);
  const command = text.replace(/^\s*\$ /, '').trim();
  if (command === '') throw new Error('Select a command (or put the cursor on its line) first.');
  return command;
}
