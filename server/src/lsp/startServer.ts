// Wires one Paladin language server onto a connection: configuration,
// status, code lenses and the Paladin requests. server.ts gives it the IPC
// connection; the protocol test gives it two in-memory streams.

import { CodeLensRefreshRequest, DidChangeConfigurationNotification, TextDocuments, TextDocumentSyncKind, type Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Paladin } from '../paladin';
import { StatusNotification } from '../protocol/protocol';
import type { Settings } from '../settings/settings';
import { CodeLensProvider } from './codeLenses';
import { SettingsCache } from './configuration';
import { registerHandlers } from './handlers';
import { registerHover } from './hover';
import { PaladinHost } from './host';

const STATUS_REFRESH_MS = 30_000;

export interface ServerOptions {
  /** Builds the Paladin; the default is compose.ts createPaladin. */
  create?: (settings: Settings) => Promise<Paladin>;
  env?: NodeJS.ProcessEnv;
}

export function startServer(connection: Connection, options: ServerOptions = {}): { host: PaladinHost } {
  const documents = new TextDocuments(TextDocument);
  const log = (message: string) => connection.console.error(message);

  let statusTimer: NodeJS.Timeout | undefined;
  let canPullConfiguration = false;
  let canRefreshLenses = false;
  let workspaceUri: string | undefined;

  const settingsCache = new SettingsCache(connection, () => canPullConfiguration, options.env);
  const host = new PaladinHost(
    async () => (await settingsCache.get(workspaceUri)).settings,
    (status) => void connection.sendNotification(StatusNotification.type, status),
    log,
    options.create,
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
        hoverProvider: true,
      },
      serverInfo: { name: 'paladin', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (canPullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'paladin' });
    // Build the Paladin and report planner/sandbox state without holding up the handshake.
    void host.refreshStatus();
    // Docker can stop or come back, an image can appear: look again now and then; notify only on change.
    statusTimer = setInterval(() => void host.refreshStatus(), STATUS_REFRESH_MS);
    statusTimer.unref();
  });

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    void host.refreshStatus();
    // paladin.lenses.perStatement may have changed.
    if (canRefreshLenses) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  });

  connection.onCodeLens(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    try {
      const { settings } = await settingsCache.get(workspaceUri);
      return await lenses.lenses(doc, { perStatement: settings.lenses.perStatement });
    } catch (err) {
      log(`code lenses for ${params.textDocument.uri}: ${(err as Error).message}`);
      return [];
    }
  });

  registerHover(connection, documents, async (command, signal) => {
    // Pointing at a command asks nobody: a team server's explainer has an offline one for hovers.
    const { explainer } = (await host.get()).paladin.stages;
    return (explainer.offline ?? explainer).explain(command, { signal });
  }, log);

  registerHandlers(connection, host, log, (command, decision) => {
    lenses.remember(command, decision);
    if (canRefreshLenses) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  });

  connection.onShutdown(() => {
    if (statusTimer) clearInterval(statusTimer);
    return host.dispose();
  });

  documents.listen(connection);
  connection.listen();
  return { host };
}
