// The history as a tree view in Paladin's side bar: one item per entry, with
// where it stands, its exit code, duration and mode. Opening an entry shows
// its stored output in a read-only document; "Run Again" checks the command
// with the policy first, in the chat view.

import * as vscode from 'vscode';
import { HistoryChangedNotification, HistoryOutputRequest, HistoryRequest } from '../../server/src/protocol/protocol';
import { entryDescription, entryTooltip, stageIcons, stageOfEntry } from './historyText';
import type { OutputDocuments } from './outputDocuments';
import type { ServerClient } from './serverClient';

export const HISTORY_VIEW_ID = 'paladin.history';
const LIMIT = 200;

export class HistoryItem extends vscode.TreeItem {
  constructor(readonly entry: HistoryRequest.Entry) {
    super(entry.plannedCommand.replace(/\s+/g, ' ') || '(no command)', vscode.TreeItemCollapsibleState.None);
    const stage = stageOfEntry(entry);
    this.id = entry.id;
    this.description = entryDescription(entry);
    this.tooltip = entryTooltip(entry);
    this.iconPath = new vscode.ThemeIcon(stageIcons[stage]);
    // `hasOutput` decides whether "Open Output" is offered.
    this.contextValue = entry.hasOutput ? 'paladinHistoryEntry.output' : 'paladinHistoryEntry';
    this.command = { command: 'paladin.openHistoryEntry', title: 'Open', arguments: [this] };
    this.accessibilityInformation = { label: `${this.label as string}, ${this.description}` };
  }
}

export class HistoryView implements vscode.TreeDataProvider<HistoryItem>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private listening: vscode.Disposable | undefined;

  constructor(
    private readonly server: ServerClient,
    private readonly outputs: OutputDocuments,
  ) {
    this.disposables.push(
      server.onDidChangeState((state) => {
        if (state.kind !== 'running') return;
        this.listen();
        this.refresh();
      }),
    );
  }

  /** The server says when the history changed; the listener is set up again after a restart. */
  private listen(): void {
    this.listening?.dispose();
    try {
      this.listening = this.server.require().onNotification(HistoryChangedNotification.type, () => this.refresh());
    } catch {
      this.listening = undefined;
    }
  }

  refresh(): void {
    this.changed.fire();
  }

  getTreeItem(item: HistoryItem): vscode.TreeItem {
    return item;
  }

  async getChildren(parent?: HistoryItem): Promise<HistoryItem[]> {
    if (parent) return [];
    let client;
    try {
      client = this.server.require();
    } catch {
      return [];
    }
    try {
      const entries = await client.sendRequest(HistoryRequest.type, { limit: LIMIT });
      return entries.map((e) => new HistoryItem(e));
    } catch (err) {
      void vscode.window.showWarningMessage(`Paladin could not read the history: ${(err as Error).message}`);
      return [];
    }
  }

  /** Opens the entry's stored output, and offers to run it again. */
  async open(item: HistoryItem): Promise<void> {
    const e = item.entry;
    if (e.hasOutput) {
      const out = await this.server.require().sendRequest(HistoryOutputRequest.type, { id: e.id });
      const note = out.truncated ? '(Paladin stored only the first part of this output: paladin.sandbox.historyOutputBytes.)' : undefined;
      await this.outputs.open({ id: e.id, command: out.command, text: out.text, language: out.language, note });
    }
    const what = e.hasOutput ? `Output of "${e.plannedCommand}" (${entryDescription(e)}).` : `"${e.plannedCommand}" has no stored output (${entryDescription(e)}).`;
    const pick = await vscode.window.showInformationMessage(`Paladin: ${what}`, 'Run Again');
    if (pick === 'Run Again') await vscode.commands.executeCommand('paladin.rerunHistoryEntry', item);
  }

  dispose(): void {
    this.listening?.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.changed.dispose();
  }
}
