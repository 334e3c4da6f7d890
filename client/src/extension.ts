// Paladin's VS Code client: sets the editor up and talks to the person. It
// never plans, checks or runs; the language server does. Activation only
// registers things and starts the server in the background, so it stays fast.

import * as vscode from 'vscode';
import { CHAT_VIEW_ID, ChatViewProvider } from './chatView';
import { registerCommands } from './commands';
import { registerLmTools } from './lmTools';
import { ServerClient, type ServerState } from './serverClient';
import { SNAPSHOT_SCHEME, SnapshotDocuments } from './snapshotDocuments';
import { HISTORY_VIEW_ID, HistoryView } from './historyView';
import { registerHistoryCommands } from './historyCommands';
import { OUTPUT_SCHEME, OutputDocuments } from './outputDocuments';
import { StatusBar } from './statusBar';
import { registerTeamKeyCommands } from './teamKey';

let server: ServerClient | undefined;

/** What the extension offers other extensions and its own extension-host tests. */
export interface PaladinApi {
  activationMs: number;
  /** Resolves with the server state once it is running or has failed to start. */
  whenSettled(): Promise<ServerState>;
}

export function activate(context: vscode.ExtensionContext): PaladinApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Paladin', { log: true });
  const status = new StatusBar();
  server = new ServerClient(context, log);
  const snapshots = new SnapshotDocuments();
  const outputs = new OutputDocuments();
  const chat = new ChatViewProvider(context.extensionUri, server, snapshots, log, outputs);
  const history = new HistoryView(server, outputs);
  context.subscriptions.push(
    log,
    status,
    server,
    chat,
    vscode.window.registerWebviewViewProvider(CHAT_VIEW_ID, chat, { webviewOptions: { retainContextWhenHidden: true } }),
    vscode.workspace.registerTextDocumentContentProvider(SNAPSHOT_SCHEME, snapshots),
    outputs,
    vscode.workspace.registerTextDocumentContentProvider(OUTPUT_SCHEME, outputs),
    history,
    vscode.window.createTreeView(HISTORY_VIEW_ID, { treeDataProvider: history, showCollapseAll: false }),
    server.onDidChangeState((state) => {
      status.update(state);
      chat.setStatus(
        state.kind === 'running'
          ? { running: true, status: state.status, why: state.status?.state === 'error' ? state.status.message : undefined }
          : state.kind === 'starting'
            ? { running: false, starting: true, why: 'it is still starting' }
            : { running: false, why: state.why },
      );
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => chat.setStatus({ running: server?.current.kind === 'running' })),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('paladin.server.runtime')) {
        void vscode.window.showInformationMessage('Paladin: the server runtime changed; restart the server to use it.', 'Restart Server').then((pick) => {
          if (pick) void server?.restart();
        });
      }
    }),
    vscode.commands.registerCommand('paladin.showOutput', () => log.show()),
  );
  registerCommands(context, server, chat);
  registerTeamKeyCommands(context, server, (err) => void vscode.window.showErrorMessage(`Paladin: ${(err as Error).message ?? String(err)}`));
  registerHistoryCommands(context, server, chat, history);
  context.subscriptions.push(...registerLmTools(server));
  // Finding the runtime spawns `node --version`, and starting spawns the server: both after activation returns.
  const starting = setImmediate(() => void server?.start());
  context.subscriptions.push({ dispose: () => clearImmediate(starting) });
  const activationMs = performance.now() - started;
  log.info(`activated in ${activationMs.toFixed(1)} ms`);
  const current = server;
  return {
    activationMs,
    whenSettled: () =>
      new Promise((resolve) => {
        const settled = (s: ServerState) => s.kind === 'failed' || (s.kind === 'running' && s.status !== undefined && s.status.state !== 'starting');
        if (settled(current.current)) return resolve(current.current);
        const sub = current.onDidChangeState((s) => {
          if (settled(s)) {
            sub.dispose();
            resolve(s);
          }
        });
      }),
  };
}

export async function deactivate(): Promise<void> {
  await server?.stop();
}
