// "Insert into terminal": the command goes onto the terminal's prompt, typed
// once, never followed by Enter. A terminal that was just created has no
// prompt yet: text sent before the shell reads its input is echoed by the
// terminal itself and then again by the shell's line editor, so it showed up
// twice. A fresh terminal therefore waits until its shell is at its first
// prompt (up to 20 s for a shell VS Code integrates with), or 4 s when the
// shell can report no prompt. Shell
// integration activates as its script loads, well before the prompt; the
// working folder is first reported just before the first prompt is drawn, so
// that is the sign to wait for. The shell may still do some work between
// that report and reading its input, so in a terminal Paladin has just opened
// for this, Ctrl+L follows the text: every shell with integration (bash, zsh,
// fish, PowerShell) reads it as "clear the screen and redraw the prompt and
// the line", which leaves exactly one copy on screen even when the terminal
// echoed the text early. Ctrl+L is not a newline: nothing runs.

import * as vscode from 'vscode';

/** The shell-integration event of VS Code 1.93+ (the project's @types/vscode is older). */
type ShellIntegrationWindow = {
  onDidChangeTerminalShellIntegration?: vscode.Event<{ terminal: vscode.Terminal }>;
};
type WithShellIntegration = vscode.Terminal & { shellIntegration?: { cwd?: unknown } };

const atPrompt = (terminal: vscode.Terminal) => (terminal as WithShellIntegration).shellIntegration?.cwd !== undefined;

/**
 * How long a fresh terminal's shell may take to show its first prompt before
 * the text is typed anyway: long when the default shell is one VS Code
 * integrates with (its prompt will be reported, however loaded the machine
 * is), short when no report can come.
 */
function promptWaitMs(): number {
  const enabled = vscode.workspace.getConfiguration('terminal.integrated').get<boolean>('shellIntegration.enabled', true);
  return enabled && /(?:^|[/\\])(?:bash|zsh|fish|pwsh|powershell)(?:\.exe)?$/i.test(vscode.env.shell) ? 20_000 : 4_000;
}

function promptReady(terminal: vscode.Terminal): Promise<void> {
  if (atPrompt(terminal)) return Promise.resolve();
  const event = (vscode.window as unknown as ShellIntegrationWindow).onDidChangeTerminalShellIntegration;
  return new Promise((resolve) => {
    // `done` runs only from the timer or the events below, after both are set.
    const done = (): void => {
      clearTimeout(timer);
      sub?.dispose();
      closed?.dispose();
      resolve();
    };
    const timer = setTimeout(done, promptWaitMs());
    const sub = event?.((e) => {
      if (e.terminal === terminal && atPrompt(terminal)) done();
    });
    const closed = vscode.window.onDidCloseTerminal((t) => {
      if (t === terminal) done();
    });
  });
}

/** Types `command` (one line, escapes already removed) onto a terminal's prompt, once, without Enter. */
async function typeIntoTerminal(command: string): Promise<void> {
  const active = vscode.window.activeTerminal;
  if (active) {
    active.show();
    active.sendText(command, false);
    return;
  }
  const terminal = vscode.window.createTerminal('Paladin');
  terminal.show();
  await promptReady(terminal);
  const lineEditor = (terminal as WithShellIntegration).shellIntegration !== undefined;
  terminal.sendText(lineEditor ? `${command}\x0c` : command, false);
}

/** Puts the command (escapes already removed) on the terminal's prompt without running it. */
export async function insertIntoTerminal(clean: string): Promise<void> {
  if (/[\r\n]/.test(clean)) {
    // A newline would make the shell run the first line; hand over by clipboard instead.
    await vscode.env.clipboard.writeText(clean);
    void vscode.window.showInformationMessage('Paladin: this command spans several lines, so it was copied to the clipboard instead of typed into the terminal (a newline would run it). Paste it when you are ready.');
    return;
  }
  await typeIntoTerminal(clean);
}
