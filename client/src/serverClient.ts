// Starts, watches and restarts the language server. Commands that need the
// server ask `require()`, which answers "the Paladin server is not running:
// <why>" until the server is up.

import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { PlanProgressNotification, RunOutputNotification, SetSecretNotification, StatusNotification, StatusRequest, type OutputChunk, type ServerStatus } from '../../server/src/protocol/protocol';
import { chooseRuntime } from './runtime';
import { getOpenAiKey } from './secrets';
import { getTeamKey } from './teamKey';
import { SERVER_V8_FLAGS } from '../../server/src/protocol/runtime';

export type ServerState =
  | { kind: 'stopped'; why: string }
  | { kind: 'starting' }
  | { kind: 'running'; status?: ServerStatus }
  | { kind: 'failed'; why: string };

export class NotRunningError extends Error {}

export class ServerClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private state: ServerState = { kind: 'stopped', why: 'it has not been started yet' };
  private starting: Promise<void> | undefined;
  private readonly changed = new vscode.EventEmitter<ServerState>();
  readonly onDidChangeState = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];

  private readonly planListeners = new Map<string, (p: PlanProgressNotification.Params) => void>();
  private readonly runListeners = new Map<string, (c: OutputChunk) => void>();

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  get current(): ServerState {
    return this.state;
  }

  /** The running client, or an error whose message says why there is none. */
  require(): LanguageClient {
    if (this.client && this.state.kind === 'running') return this.client;
    const why =
      this.state.kind === 'starting' ? 'it is still starting; try again in a moment' : this.state.kind === 'running' ? 'it is restarting' : this.state.why;
    throw new NotRunningError(`The Paladin server is not running: ${why}`);
  }

  /** Routes `paladin/planProgress` of one stream to `listener` until disposed. */
  onPlanProgress(streamId: string, listener: (p: PlanProgressNotification.Params) => void): vscode.Disposable {
    this.planListeners.set(streamId, listener);
    return new vscode.Disposable(() => this.planListeners.delete(streamId));
  }

  /** Routes `paladin/runOutput` of one run to `listener` until disposed. */
  onRunOutput(runId: string, listener: (c: OutputChunk) => void): vscode.Disposable {
    this.runListeners.set(runId, listener);
    return new vscode.Disposable(() => this.runListeners.delete(runId));
  }

  /** Resolves once the server is running (or has failed to start). */
  whenStarted(): Promise<void> {
    return this.starting ?? Promise.resolve();
  }

  start(): Promise<void> {
    this.starting ??= this.doStart().finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
    if (client) {
      try {
        await client.stop(5_000);
      } catch (err) {
        this.log.warn(`stopping the server: ${(err as Error).message}`);
      }
    }
    this.set({ kind: 'stopped', why: 'it was stopped' });
  }

  private set(state: ServerState): void {
    this.state = state;
    this.changed.fire(state);
  }

  private async doStart(): Promise<void> {
    this.set({ kind: 'starting' });
    const setting = vscode.workspace.getConfiguration('paladin').get<string>('server.runtime');
    const runtime = await chooseRuntime(setting);
    if (!runtime.ok) {
      this.log.error(runtime.why);
      this.set({ kind: 'failed', why: runtime.why });
      void vscode.window.showErrorMessage(`Paladin: ${runtime.why}`, 'Open Settings').then((pick) => {
        if (pick) void vscode.commands.executeCommand('workbench.action.openSettings', 'paladin.server.runtime');
      });
      return;
    }
    this.log.info(`starting the server on Node.js ${runtime.version} (${runtime.path})`);
    const module = this.context.asAbsolutePath('dist/server.js');
    const run = { module, transport: TransportKind.ipc, runtime: runtime.path, options: { env: serverEnv(), execArgv: [...SERVER_V8_FLAGS] } };
    const serverOptions: ServerOptions = { run, debug: run };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: 'markdown' },
        { scheme: 'file', language: 'shellscript' },
        { scheme: 'untitled', language: 'markdown' },
        { scheme: 'untitled', language: 'shellscript' },
      ],
      synchronize: { configurationSection: 'paladin' },
      outputChannel: this.log,
      // A crashed server is restarted a few times by the library; after that the status says why.
      initializationFailedHandler: (err) => {
        this.set({ kind: 'failed', why: `it failed to initialise: ${(err as Error).message ?? err}` });
        return false;
      },
    };
    const client = new LanguageClient('paladin', 'Paladin', serverOptions, clientOptions);
    this.disposables.push(
      client.onNotification(StatusNotification.type, (status) => {
        if (this.client === client) this.set({ kind: 'running', status });
      }),
      client.onNotification(PlanProgressNotification.type, (p) => this.planListeners.get(p.streamId)?.(p)),
      client.onNotification(RunOutputNotification.type, (c) => this.runListeners.get(c.runId)?.(c)),
      client.onDidChangeState((e) => {
        if (this.client !== client) return;
        if (e.newState === State.Stopped) this.set({ kind: 'failed', why: 'the server process stopped; see the "Paladin" output, then run "Paladin: Restart Server"' });
      }),
    );
    this.client = client;
    try {
      await client.start();
    } catch (err) {
      this.client = undefined;
      const why = `it could not start: ${(err as Error).message}`;
      this.log.error(why);
      this.set({ kind: 'failed', why });
      return;
    }
    const key = await getOpenAiKey(this.context);
    if (key) await client.sendNotification(SetSecretNotification.type, { name: 'openai.apiKey', value: key });
    const teamKey = await getTeamKey(this.context);
    if (teamKey) await client.sendNotification(SetSecretNotification.type, { name: 'team.apiKey', value: teamKey });
    if (this.state.kind !== 'running') this.set({ kind: 'running' });
    // Ask once as well: a status notification sent during the handshake may have come before anyone listened.
    try {
      const status = await client.sendRequest(StatusRequest.type, undefined);
      if (this.client === client) this.set({ kind: 'running', status });
    } catch (err) {
      this.log.warn(`reading the server status: ${(err as Error).message}`);
    }
  }

  /** Asks the server for its status now (planner, sandbox, team server health), not at the next periodic look. */
  async refreshStatus(): Promise<void> {
    const client = this.client;
    if (!client || this.state.kind !== 'running') return;
    try {
      const status = await client.sendRequest(StatusRequest.type, undefined);
      if (this.client === client) this.set({ kind: 'running', status });
    } catch (err) {
      this.log.warn(`reading the server status: ${(err as Error).message}`);
    }
  }

  dispose(): void {
    void this.stop();
    this.changed.dispose();
  }
}

/** The server gets the editor's environment minus Electron's switches that would change how Node behaves. */
function serverEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  delete env.NODE_OPTIONS;
  return env;
}
