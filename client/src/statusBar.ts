// Planner and sandbox state at a glance; a click shows the cause in words.

import * as vscode from 'vscode';
import type { ServerState } from './serverClient';

export function statusText(state: ServerState): { text: string; tooltip: string; warn: boolean } {
  switch (state.kind) {
    case 'stopped':
      return { text: '$(shield) Paladin: stopped', tooltip: `The Paladin server is not running: ${state.why}`, warn: true };
    case 'starting':
      return { text: '$(loading~spin) Paladin: starting', tooltip: 'The Paladin server is starting.', warn: false };
    case 'failed':
      return { text: '$(error) Paladin: not running', tooltip: `The Paladin server is not running: ${state.why}`, warn: true };
    case 'running': {
      const s = state.status;
      if (!s || s.state === 'starting') return { text: '$(shield) Paladin: running', tooltip: 'The Paladin server is running; planner and sandbox are being checked.', warn: false };
      if (s.state === 'error') return { text: '$(warning) Paladin: running, error', tooltip: s.message ?? 'Paladin reported an error.', warn: true };
      const sandboxOk = s.sandbox.state === 'ready';
      return {
        text: `$(shield) Paladin: ${s.planner.active} · sandbox ${s.sandbox.state}`,
        tooltip: `Planner: ${s.planner.detail}\nSandbox: ${s.sandbox.detail}\nDatabase: ${s.dbPath}\nClick for details.`,
        warn: !sandboxOk,
      };
    }
  }
}

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('paladin.status', vscode.StatusBarAlignment.Left, 10);

  constructor() {
    this.item.name = 'Paladin';
    this.item.command = 'paladin.showStatus';
    this.update({ kind: 'starting' });
    this.item.show();
  }

  update(state: ServerState): void {
    const { text, tooltip, warn } = statusText(state);
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: text.replace(/\$\([^)]*\)\s*/g, ''), role: 'button' };
    this.item.backgroundColor = warn ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}
