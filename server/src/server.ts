// The Paladin language server: answers the editor's requests by going through
// the same Paladin composition as the CLI. Started by the client over IPC.

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { StatusRequest, StatusNotification, type ServerStatus } from './protocol/protocol';
import { defaultDatabasePath } from './settings/settings';

const connection = createConnection(ProposedFeatures.all);

let status: ServerStatus = {
  state: 'starting',
  planner: { active: 'embedded', detail: 'embedded planner' },
  sandbox: { state: 'unknown', detail: 'not checked yet' },
  dbPath: defaultDatabasePath(),
};

connection.onInitialize(() => ({
  capabilities: {},
  serverInfo: { name: 'paladin', version: '0.1.0' },
}));

connection.onInitialized(() => {
  status = { ...status, state: 'ready' };
  void connection.sendNotification(StatusNotification.type, status);
});

connection.onRequest(StatusRequest.type, () => status);

connection.listen();
