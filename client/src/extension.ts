// Paladin's VS Code client: sets the editor up and talks to the person. It
// never plans, checks or runs; the language server does.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { StatusNotification } from '../../server/src/protocol/protocol';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const item = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 10);
  item.name = 'Paladin';
  item.text = '$(shield) Paladin: starting';
  item.show();
  context.subscriptions.push(item);

  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, runtime: 'node' },
    debug: { module: serverModule, transport: TransportKind.ipc, runtime: 'node' },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'markdown' }, { language: 'shellscript' }],
  };
  client = new LanguageClient('paladin', 'Paladin', serverOptions, clientOptions);
  context.subscriptions.push(client.onNotification(StatusNotification.type, (s) => {
    item.text = s.state === 'ready' ? '$(shield) Paladin: ready' : `$(shield) Paladin: ${s.state}`;
  }));
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
