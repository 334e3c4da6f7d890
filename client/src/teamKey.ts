// The team server's API key lives in VS Code's SecretStorage only. It reaches
// the language server in memory (`paladin/setSecret`, name `team.apiKey`),
// never through settings, the database or a log.

import * as vscode from 'vscode';
import { SetSecretNotification } from '../../server/src/protocol/protocol';
import type { ServerClient } from './serverClient';

const KEY = 'paladin.team.apiKey';
const KEY_SHAPE = /^pld_[A-Za-z0-9_-]{16,200}$/;

export function getTeamKey(context: vscode.ExtensionContext): Thenable<string | undefined> {
  return context.secrets.get(KEY);
}

/** Hands the key (or its removal) to a running server; a server started later gets it at start. */
async function sendKey(server: ServerClient, value: string | null): Promise<void> {
  if (server.current.kind === 'running') await server.require().sendNotification(SetSecretNotification.type, { name: 'team.apiKey', value });
  await server.refreshStatus();
}

export function registerTeamKeyCommands(context: vscode.ExtensionContext, server: ServerClient, report: (err: unknown) => void): void {
  const register = (id: string, run: () => Promise<void>) => context.subscriptions.push(vscode.commands.registerCommand(id, () => run().catch(report)));

  register('paladin.setTeamServerKey', async () => {
    const url = vscode.workspace.getConfiguration('paladin').get<string>('server.url') ?? '';
    const value = await vscode.window.showInputBox({
      title: 'Paladin: Team server key',
      prompt: `The API key for ${url || 'the team server (set "paladin.server.url" too)'}, from its admin (paladin keys create NAME --user EMAIL). Stored in VS Code's secret storage, never in settings.`,
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => (KEY_SHAPE.test(v.trim()) ? undefined : 'A Paladin API key starts with pld_ followed by letters, digits, _ or -.'),
    });
    if (value === undefined) return;
    await context.secrets.store(KEY, value.trim());
    await sendKey(server, value.trim());
    const where = url ? '' : ' Set "paladin.server.url" to the team server\'s address to use it.';
    void vscode.window.showInformationMessage(`Paladin: the team server key is stored in VS Code's secret storage.${where}`);
  });

  register('paladin.forgetTeamServerKey', async () => {
    await context.secrets.delete(KEY);
    await sendKey(server, null);
    void vscode.window.showInformationMessage('Paladin: the team server key was removed from secret storage. Clear "paladin.server.url" to work locally.');
  });
}
