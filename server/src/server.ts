// The Paladin language server: answers the editor's requests by going through
// the same Paladin composition as the CLI. Started by the client over IPC on
// a system Node.js (see client/src/runtime.ts); never imports `vscode`.

import { CodeLensRefreshRequest, createConnection, DidChangeConfigurationNotification, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { StatusNotification } from './protocol/protocol';
import { CodeLensProvider } from './lsp/codeLenses';
import { SettingsCache } from './lsp/configuration';
import { registerHandlers } from './lsp/handlers';
import { PaladinHost } from './lsp/host';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const log = (message: string) => connection.console.error(message);

let canPullConfiguration = false;
let canRefreshLenses = false;
let workspaceUri: string | undefined;

const settingsCache = new SettingsCache(connection, () => canPullConfiguration);
const host = new PaladinHost(
  async () => (await settingsCache.get(workspaceUri)).settings,
  (status) => void connection.sendNotification(StatusNotification.type, status),
  log,
);
const lenses = new CodeLensProvider();

connection.onInitialize((params) => {
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  canRefreshLenses = params.capabilities.workspace?.codeLens?.refreshSupport === true;
  workspaceUri = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeLensProvider: { resolveProvider: false },
    },
    serverInfo: { name: 'paladin', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (canPullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'paladin' });
  // Build the Paladin and report planner/sandbox state without holding up the handshake.
  void host.refreshStatus();
});

connection.onDidChangeConfiguration(() => {
  settingsCache.clear();
  void host.refreshStatus();
});

connection.onCodeLens(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  try {
    return await lenses.lenses(doc);
  } catch (err) {
    log(`code lenses for ${params.textDocument.uri}: ${(err as Error).message}`);
    return [];
  }
});

registerHandlers(connection, host, log, (command, decision) => {
  lenses.remember(command, decision);
  if (canRefreshLenses) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
});

connection.onShutdown(() => host.dispose());

documents.listen(connection);
connection.listen();
