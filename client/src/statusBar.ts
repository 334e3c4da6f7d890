// Planner and sandbox state at a glance; a click shows the cause in words.

import * as vscode from 'vscode';
import type { ServerStatus, TeamServerStatus } from '../../server/src/protocol/types';
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
      if (s.team) return teamStatusText(s.team, s.sandbox);
      const sandboxOk = s.sandbox.state === 'ready';
      return {
        text: `$(shield) Paladin: ${s.planner.active} · sandbox ${s.sandbox.state}`,
        tooltip: `Local: this machine's policies and records answer.\nPlanner: ${s.planner.detail}\nSandbox: ${s.sandbox.detail}\nDatabase: ${s.dbPath}\nClick for details.`,
        warn: !sandboxOk,
      };
    }
  }
}

const TEAM_TROUBLE: Record<TeamServerStatus['state'], string> = {
  connected: '',
  'no key': 'no key',
  unauthorized: 'key refused',
  unreachable: 'unreachable',
  tls: 'TLS error',
  refused: 'refused',
  error: 'error',
};

/** On a team server: which server answers, or what is wrong with it; runs stay in this machine's sandbox. */
function teamStatusText(team: TeamServerStatus, sandbox: ServerStatus['sandbox']): { text: string; tooltip: string; warn: boolean } {
  const ok = team.state === 'connected';
  const sandboxLine = `Runs: this machine's sandbox (${sandbox.state}), each checked with the team server first.`;
  return {
    text: `${ok ? '$(organization)' : '$(warning)'} Paladin: team ${team.host}${ok ? '' : ` · ${TEAM_TROUBLE[team.state] || team.state}`}`,
    tooltip: `Team server: ${team.url}${team.version ? ` (version ${team.version})` : ''}\n${team.detail}\n${sandboxLine}\nClick for details.`,
    warn: !ok || sandbox.state !== 'ready',
  };
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
