// The history view's commands: open an entry (its stored output), run it
// again (checked by the policy first, in the chat view), refresh.

import * as vscode from 'vscode';
import type { ChatViewProvider } from './chatView';
import { HistoryItem, type HistoryView } from './historyView';
import { NotRunningError, type ServerClient } from './serverClient';

export function registerHistoryCommands(context: vscode.ExtensionContext, server: ServerClient, chat: ChatViewProvider, history: HistoryView): void {
  const register = (id: string, run: (item?: unknown) => Promise<void>) =>
    context.subscriptions.push(
      vscode.commands.registerCommand(id, async (item?: unknown) => {
        try {
          await run(item);
        } catch (err) {
          const message = (err as Error).message ?? String(err);
          void vscode.window.showErrorMessage(err instanceof NotRunningError ? message : `Paladin: ${message}`);
        }
      }),
    );
  const entryOf = (item: unknown): HistoryItem => {
    if (!(item instanceof HistoryItem)) throw new Error('Pick an entry in the Paladin history view first.');
    return item;
  };

  register('paladin.refreshHistory', async () => history.refresh());
  register('paladin.openHistoryEntry', async (item) => {
    server.require();
    await history.open(entryOf(item));
  });
  register('paladin.rerunHistoryEntry', async (item) => {
    server.require();
    const { entry } = entryOf(item);
    if (!entry.plannedCommand) throw new Error('This entry has no command to run.');
    // The policy judges the command again now; what needs approval waits for it in the card.
    await chat.reveal();
    await chat.offer(entry.plannedCommand, 'run');
  });
}
