// A run's full output as a read-only virtual document (`paladin-output:`),
// titled by the run, in the language its content is (JSON, diff, log), so it
// is highlighted. Never an Untitled buffer: nothing to save, nothing asked on
// close.

import * as vscode from 'vscode';

export const OUTPUT_SCHEME = 'paladin-output';
/** Documents kept for reopening; older ones say they are gone. */
const KEEP = 30;

export interface OutputDocument {
  /** What the output belongs to: a run id (`r-…`) or a history entry id. */
  id: string;
  command: string;
  text: string;
  /** VS Code language id (json, diff, log, plaintext). */
  language: string;
  /** A note put above the output, e.g. that it was cut at the stored cap. */
  note?: string;
}

/** The tab's title: the command (shortened), then the run it came from. */
export function outputTitle(id: string, command: string): string {
  const flat = command.replace(/\s+/g, ' ').trim();
  const short = flat.length > 48 ? `${flat.slice(0, 47)}…` : flat;
  // A path segment cannot hold a slash; the division slash reads the same.
  return `${short || 'output'} (${id.slice(0, 14)})`.replace(/\//g, '∕').replace(/\\/g, '∖');
}

export class OutputDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? 'Paladin no longer has this output in memory; open it again from the Paladin history.';
  }

  uriFor(id: string, command: string): vscode.Uri {
    return vscode.Uri.from({ scheme: OUTPUT_SCHEME, path: `/${encodeURIComponent(id)}/${outputTitle(id, command)}` });
  }

  async open(output: OutputDocument): Promise<vscode.TextEditor> {
    const uri = this.uriFor(output.id, output.command);
    const key = uri.toString();
    const text = output.note ? `${output.note}\n\n${output.text}` : output.text;
    const known = this.contents.has(key);
    this.contents.delete(key);
    this.contents.set(key, text);
    while (this.contents.size > KEEP) this.contents.delete(this.contents.keys().next().value as string);
    if (known) this.changed.fire(uri);
    let doc = await vscode.workspace.openTextDocument(uri);
    if (output.language !== doc.languageId && output.language !== 'plaintext') doc = await vscode.languages.setTextDocumentLanguage(doc, output.language);
    return vscode.window.showTextDocument(doc, { preview: true });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
