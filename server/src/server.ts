// The Paladin language server: answers the editor's requests by going through
// the same Paladin composition as the CLI. Started by the client over IPC on
// a system Node.js (see client/src/runtime.ts); never imports `vscode`.

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/startServer';

startServer(createConnection(ProposedFeatures.all));
