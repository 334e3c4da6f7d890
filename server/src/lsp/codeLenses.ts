// `textDocument/codeLens`: "▶ Run in sandbox", "Explain" and "Check" above
// each fenced shell block in Markdown; in a shell script one "▶ Run script in
// sandbox" line at the top for the whole script, then one above each logical
// block (or each statement, with paladin.lenses.perStatement). A command that
// was checked shows its decision in the Check lens.

import type { CodeLens } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PolicyDecision } from '../protocol/types';
import { markdownShellBlocks, shellScriptBlocks, wholeScript, type FoundCommand } from './shellBlocks';

/** Client command ids the lenses invoke; arguments are `[command, documentUri]`. */
export const LensCommands = {
  run: 'paladin.runCommand',
  explain: 'paladin.explainCommand',
  check: 'paladin.checkCommand',
} as const;

const MAX_REMEMBERED = 500;

export class CodeLensProvider {
  private readonly decisions = new Map<string, PolicyDecision>();

  remember(command: string, decision: PolicyDecision): void {
    this.decisions.delete(command);
    this.decisions.set(command, decision);
    if (this.decisions.size > MAX_REMEMBERED) this.decisions.delete(this.decisions.keys().next().value as string);
  }

  forget(): void {
    this.decisions.clear();
  }

  async lenses(doc: TextDocument, options: LensOptions = {}): Promise<CodeLens[]> {
    const found = await commandsIn(doc, options);
    const lenses: CodeLens[] = [];
    for (const { line, command, whole } of found) {
      const range = { start: { line, character: 0 }, end: { line, character: 0 } };
      const args = [command, doc.uri];
      lenses.push({ range, command: { title: whole ? '▶ Run script in sandbox' : '▶ Run in sandbox', command: LensCommands.run, arguments: args } });
      lenses.push({ range, command: { title: 'Explain', command: LensCommands.explain, arguments: args } });
      lenses.push({ range, command: { title: checkTitle(this.decisions.get(command)), command: LensCommands.check, arguments: args } });
    }
    return lenses;
  }
}

function checkTitle(decision: PolicyDecision | undefined): string {
  if (!decision) return 'Check';
  const first = decision.rules.find((r) => r.severity === decision.decision) ?? decision.rules[0];
  const why = first ? ` (${first.id})` : '';
  if (decision.decision === 'allow') return 'Check: allowed';
  if (decision.decision === 'deny') return `Check: denied${why}`;
  // Two verdicts: the host asks; the sandbox usually does not.
  const sandbox = decision.sandbox?.needsApproval === false ? '; sandbox runs it offline' : '';
  return `Check: approval on your machine${why}${sandbox}`;
}

export interface LensOptions {
  /** A lens above every statement of a script instead of every block (paladin.lenses.perStatement). */
  perStatement?: boolean;
}

export function isShellScript(doc: TextDocument): boolean {
  return doc.languageId === 'shellscript' || /\.(sh|bash|zsh)$/i.test(doc.uri);
}

export function isMarkdown(doc: TextDocument): boolean {
  return doc.languageId === 'markdown' || /\.(md|markdown)$/i.test(doc.uri);
}

export async function commandsIn(doc: TextDocument, options: LensOptions = {}): Promise<(FoundCommand & { whole?: boolean })[]> {
  const text = doc.getText();
  if (isMarkdown(doc)) return markdownShellBlocks(text);
  if (isShellScript(doc)) {
    try {
      const blocks = shellScriptBlocks(text, options);
      const script = wholeScript(text);
      // The whole script first, on the first line, however many blocks it has.
      if (blocks.length === 0 || script === '') return blocks;
      return [{ line: 0, command: script, whole: true }, ...blocks.filter((b) => b.command !== script)];
    } catch {
      // A script that does not parse yet (mid-edit) simply has no lenses.
      return [];
    }
  }
  return [];
}
