// The chat webview view: hosts media/chat.js under a strict CSP, relays typed
// messages (validated both ways, queued until the view says `ready`), and
// turns the person's clicks into server requests. It never plans, checks or
// runs by itself.

import { chatHtml } from './chatHtml';
import { stripEscapes } from '../../server/src/protocol/terminalEscapes';
import { randomBytes } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { ResponseError } from 'vscode-languageclient/node';
import {
  AllowShapeRequest,
  ApplyRequest,
  CheckRequest,
  DiscardRequest,
  UndoRequest,
  ExplainRequest,
  PlanRequest,
  PresentRequest,
  RunRequest,
  type Consequences,
  type FileChange,
  type OutputChunk,
  type WorkspaceMode,
} from '../../server/src/protocol/protocol';
import type { ErrorData } from '../../server/src/protocol/errors';
import { isFromWebview, type FromWebview, type ToWebview, type ViewStatus } from '../../server/src/protocol/webview';
import type { ServerClient } from './serverClient';
import { confirmAllowShape, confirmApply, confirmHostAction, runFailure } from './hostGate';
import type { SnapshotDocuments } from './snapshotDocuments';
import { insertIntoTerminal } from './terminalInsert';
import type { OutputDocuments } from './outputDocuments';
import { outputLanguage } from '../../server/src/protocol/outputLanguage';

export const CHAT_VIEW_ID = 'paladin.chat';
/** Output kept per run for "open full output"; the server caps runs anyway. */
const KEEP_OUTPUT_CHARS = 8 << 20;
const POST_INTERVAL_MS = 50;

export function newId(prefix: string): string {
  return `${prefix}-${randomBytes(6).toString('hex')}`;
}

interface RunRecord {
  command?: string;
  output: string[];
  chars: number;
  changes?: FileChange[];
  consequences?: Consequences;
  workspace?: string;
  /** How the run ended when it did not succeed (e.g. "exited 127"): Apply then asks explicitly. */
  failure?: string;
}

export class ChatViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private ready = false;
  private queue: ToWebview[] = [];
  private readonly runs = new Map<string, RunRecord>();
  private readonly cancels = new Map<string, vscode.CancellationTokenSource>();
  /** The history entry of each planned turn, so a check of its edited command is recorded on it. */
  private readonly historyIds = new Map<string, string>();
  private readonly disposables: vscode.Disposable[] = [];
  private viewStatus: ViewStatus = { running: false, trusted: vscode.workspace.isTrusted };

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly server: ServerClient,
    private readonly snapshots: SnapshotDocuments,
    private readonly log: vscode.LogOutputChannel,
    private readonly outputs: OutputDocuments,
  ) {}

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    this.ready = false;
    const webview = view.webview;
    webview.options = {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media'), vscode.Uri.joinPath(this.extensionUri, 'dist', 'media')],
    };
    webview.html = chatHtml(this.extensionUri, webview);
    this.disposables.push(
      webview.onDidReceiveMessage((msg: unknown) => {
        if (!isFromWebview(msg)) {
          this.log.warn('the chat view sent a message of an unknown shape; ignored');
          return;
        }
        void this.handle(msg).catch((err: Error) => this.log.error(`chat view: ${err.message}`));
      }),
      view.onDidDispose(() => {
        if (this.view === view) {
          this.view = undefined;
          this.ready = false;
        }
      }),
    );
  }

  /** Messages wait until the view has loaded and said `ready`. */
  post(message: ToWebview): void {
    if (this.view && this.ready) void this.view.webview.postMessage(message);
    else this.queue.push(message);
  }

  setStatus(view: Omit<ViewStatus, 'trusted'>): void {
    this.viewStatus = { ...view, trusted: vscode.workspace.isTrusted };
    this.post({ type: 'status', view: this.viewStatus });
  }

  async reveal(): Promise<void> {
    await vscode.commands.executeCommand(`${CHAT_VIEW_ID}.focus`);
  }

  // ------------------------------------------------------------ actions

  async plan(request: string): Promise<void> {
    const turnId = newId('t');
    this.post({ type: 'planStarted', turnId, request });
    const token = new vscode.CancellationTokenSource();
    let listener: vscode.Disposable | undefined;
    try {
      const client = this.server.require();
      listener = this.server.onPlanProgress(turnId, (p) => {
        const { streamId: _s, ...progress } = p;
        this.post({ type: 'planProgress', turnId, progress });
      });
      const plan = await client.sendRequest(PlanRequest.type, { request, workspace: workspaceFolder(), streamId: turnId }, token.token);
      if (plan.historyId) this.historyIds.set(turnId, plan.historyId);
      while (this.historyIds.size > 200) this.historyIds.delete(this.historyIds.keys().next().value as string);
      this.post({ type: 'planResult', turnId, plan });
    } catch (err) {
      this.fail(turnId, undefined, err);
    } finally {
      listener?.dispose();
      token.dispose();
    }
  }

  /** A command from the editor (selection or code lens): check it, show the card, run if asked to and allowed. */
  async offer(command: string, action: 'run' | 'check' | 'explain'): Promise<void> {
    const turnId = newId('t');
    // The view re-uses the card that already shows this command.
    this.post({ type: 'planStarted', turnId, request: '', command });
    try {
      const client = this.server.require();
      if (action === 'explain') {
        const explain = await client.sendRequest(ExplainRequest.type, { command, workspace: workspaceFolder() });
        this.post({ type: 'checked', turnId, command, policy: explain.policy });
        this.post({ type: 'explained', turnId, explain });
        return;
      }
      const policy = await client.sendRequest(CheckRequest.type, { command, workspace: workspaceFolder() });
      this.post({ type: 'checked', turnId, command, policy });
      // Untrusted: the card shows why Run is off instead of a refused run. What needs no person runs at once;
      // what needs approval asks in the card, which the view scrolls to.
      if (action !== 'run' || policy.decision === 'deny' || !vscode.workspace.isTrusted) return;
      if (policy.sandbox?.needsApproval === true) this.post({ type: 'askApproval', turnId });
      else await this.run(turnId, command, false);
    } catch (err) {
      this.fail(turnId, undefined, err);
    }
  }

  private async run(turnId: string, command: string, approved: boolean, historyId?: string, mode?: WorkspaceMode): Promise<void> {
    const runId = newId('r');
    const workspace = workspaceFolder();
    const record: RunRecord = { command, output: [], chars: 0, workspace };
    this.runs.set(runId, record);
    while (this.runs.size > 20) this.runs.delete(this.runs.keys().next().value as string);
    this.post({ type: 'runStarted', turnId, runId, command });
    let pending: Omit<OutputChunk, 'runId'>[] = [];
    let timer: NodeJS.Timeout | undefined;
    const flush = () => {
      timer = undefined;
      if (pending.length === 0) return;
      this.post({ type: 'runOutput', runId, chunks: pending });
      pending = [];
    };
    const token = new vscode.CancellationTokenSource();
    this.cancels.set(runId, token);
    let listener: vscode.Disposable | undefined;
    // How long the extension host could not answer while this run streamed: a figure for the log and the benchmark.
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    let received = 0;
    try {
      const client = this.server.require();
      if (!workspace) throw new Error('Open a folder first: Paladin runs commands against a workspace folder.');
      if (!vscode.workspace.isTrusted) throw Object.assign(new Error('This workspace is not trusted, so Paladin will not run commands in it. Planning, explaining and checking still work; trust the workspace (Manage Workspace Trust) to run.'), { kind: 'untrusted' });
      listener = this.server.onRunOutput(runId, (c) => {
        received += c.text.length;
        if (record.chars < KEEP_OUTPUT_CHARS) {
          record.output.push(c.text);
          record.chars += c.text.length;
        }
        const last = pending[pending.length - 1];
        if (last && last.stream === c.stream) last.text += c.text;
        else pending.push({ stream: c.stream, text: c.text });
        // Batching keeps the extension host and the view responsive under floods of output.
        timer ??= setTimeout(flush, POST_INTERVAL_MS);
      });
      const result = await client.sendRequest(
        RunRequest.type,
        { command, workspace, approved, historyId, mode, streamId: runId, trusted: vscode.workspace.isTrusted },
        token.token,
      );
      if (timer) clearTimeout(timer);
      flush();
      record.changes = result.changes;
      record.consequences = result.consequences;
      record.failure = runFailure(result);
      this.post({ type: 'runFinished', runId, result });
      try {
        const presentation = await client.sendRequest(PresentRequest.type, { runId });
        this.post({ type: 'presented', runId, presentation });
      } catch (err) {
        this.log.warn(`presenting run ${runId}: ${(err as Error).message}`);
      }
    } catch (err) {
      if (timer) clearTimeout(timer);
      flush();
      this.fail(turnId, runId, err);
    } finally {
      lag.disable();
      this.log.info(`run ${runId}: ${received} characters streamed; extension host event-loop delay max ${(lag.max / 1e6).toFixed(1)} ms, p99 ${(lag.percentile(99) / 1e6).toFixed(1)} ms`);
      listener?.dispose();
      this.cancels.delete(runId);
      token.dispose();
    }
  }

  private fail(turnId: string, runId: string | undefined, err: unknown): void {
    const e = err as Error & { kind?: string };
    const kind = err instanceof ResponseError ? ((err.data as Partial<ErrorData> | undefined)?.kind ?? undefined) : e.kind;
    this.post({ type: 'failed', turnId, runId, message: e.message ?? String(err), kind });
  }

  private async handle(msg: FromWebview): Promise<void> {
    switch (msg.type) {
      case 'ready':
        this.ready = true;
        void this.view?.webview.postMessage({ type: 'status', view: { ...this.viewStatus, trusted: vscode.workspace.isTrusted } } satisfies ToWebview);
        for (const queued of this.queue.splice(0)) void this.view?.webview.postMessage(queued);
        return;
      case 'plan':
        if (msg.request.trim() !== '') await this.plan(msg.request.trim());
        return;
      case 'run':
        await this.run(msg.turnId, msg.command, msg.approved, msg.historyId, msg.mode);
        return;
      case 'check':
        try {
          const historyId = this.historyIds.get(msg.turnId);
          const policy = await this.server.require().sendRequest(CheckRequest.type, { command: msg.command, workspace: workspaceFolder(), historyId });
          this.post({ type: 'checked', turnId: msg.turnId, command: msg.command, policy });
        } catch (err) {
          this.fail(msg.turnId, undefined, err);
        }
        return;
      case 'explain':
        try {
          const explain = await this.server.require().sendRequest(ExplainRequest.type, { command: msg.command, workspace: workspaceFolder() });
          this.post({ type: 'explained', turnId: msg.turnId, explain });
        } catch (err) {
          this.fail(msg.turnId, undefined, err);
        }
        return;
      case 'copy':
      case 'insert':
        return this.hostAction(msg.type, msg.command);
      case 'allowShape':
        return this.allowShape(msg.turnId, msg.command);
      case 'cancel':
        this.cancels.get(msg.runId)?.cancel();
        return;
      case 'openOutput': {
        const record = this.runs.get(msg.runId);
        if (!record) {
          void vscode.window.showInformationMessage('Paladin keeps the full output of recent runs of this window only; this one is gone.');
          return;
        }
        const text = stripEscapes(record.output.join(''));
        await this.outputs.open({ id: msg.runId, command: record.command ?? '', text, language: outputLanguage(text) });
        return;
      }
      case 'openDiff': {
        const record = this.runs.get(msg.runId);
        const change = record?.changes?.find((c) => c.path === msg.path);
        if (!record || !change || !record.workspace) {
          void vscode.window.showInformationMessage('Paladin no longer has the changes of that run.');
          return;
        }
        await this.snapshots.openDiff(msg.runId, record.workspace, change);
        return;
      }
      case 'apply':
        return this.apply(msg.runId);
      case 'undo':
        return this.undo(msg.runId);
      case 'discard':
        try {
          await this.server.require().sendRequest(DiscardRequest.type, { runId: msg.runId });
          this.post({ type: 'discarded', runId: msg.runId });
        } catch (err) {
          void vscode.window.showErrorMessage(`Paladin: ${(err as Error).message}`);
        }
        return;
      case 'clear':
        return;
    }
  }

  /** Copy or Insert: the host verdict is asked again here; the webview's buttons are a convenience, not the gate. */
  private async hostAction(action: 'copy' | 'insert', command: string): Promise<void> {
    let policy;
    try {
      policy = await this.server.require().sendRequest(CheckRequest.type, { command, workspace: workspaceFolder() });
    } catch (err) {
      void vscode.window.showErrorMessage(`Paladin could not check the command before ${action === 'copy' ? 'copying' : 'inserting'} it: ${(err as Error).message}`);
      return;
    }
    if (!(await confirmHostAction(policy, action))) return;
    if (action === 'insert') {
      await insertIntoTerminal(stripEscapes(command).trim());
      return;
    }
    await vscode.env.clipboard.writeText(command);
    void vscode.window.setStatusBarMessage('Paladin: command copied', 3_000);
  }

  private async allowShape(turnId: string, command: string): Promise<void> {
    try {
      const policy = await this.server.require().sendRequest(CheckRequest.type, { command, workspace: workspaceFolder() });
      if (!(await confirmAllowShape(command, policy))) {
        this.post({ type: 'checked', turnId, command, policy });
        return;
      }
      const added = await this.server.require().sendRequest(AllowShapeRequest.type, { command, workspace: workspaceFolder() });
      void vscode.window.showInformationMessage(`Paladin: added ${added.name} (v${added.version}); it allows exactly: ${added.shape.join('; ')}.`);
      this.post({ type: 'checked', turnId, command, policy: added.policy });
    } catch (err) {
      this.fail(turnId, undefined, err);
    }
  }

  private async undo(runId: string): Promise<void> {
    const yes = 'Undo the apply';
    const answer = await vscode.window.showWarningMessage('Put back the files this apply replaced? Files changed since the apply are left as they are and listed.', { modal: true }, yes);
    if (answer !== yes) return;
    try {
      const result = await this.server.require().sendRequest(UndoRequest.type, { runId });
      this.post({ type: 'undone', runId, restored: result.restored, skipped: result.skipped });
      if (result.failed?.length) void vscode.window.showErrorMessage(`Paladin could not restore: ${result.failed.map((f) => `${f.path} (${f.reason})`).join(', ')}`);
    } catch (err) {
      void vscode.window.showErrorMessage(`Paladin: ${(err as Error).message}`);
    }
  }

  private async apply(runId: string): Promise<void> {
    try {
      const record = this.runs.get(runId);
      const how = await confirmApply(record?.consequences, record?.changes?.length ?? 0, record?.failure);
      if (!how) return;
      const result = await this.server.require().sendRequest(ApplyRequest.type, { runId, includeSensitive: how.includeSensitive });
      this.post({ type: 'applied', runId, applied: result.applied, skipped: result.skipped });
    } catch (err) {
      void vscode.window.showErrorMessage(`Paladin: ${(err as Error).message}`);
    }
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
    for (const t of this.cancels.values()) t.cancel();
  }
}

export function workspaceFolder(): string | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  return folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined;
}

