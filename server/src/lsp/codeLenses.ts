// `textDocument/codeLens`: "▶ Run in sandbox", "Explain" and "Check" above
// each fenced shell block in Markdown and each statement of a shell script.
// A command that was checked shows its decision in the Check lens.

import type { CodeLens } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PolicyDecision } from '../protocol/types';
import { markdownShellBlocks, shellScriptStatements, type FoundCommand } from './shellBlocks';

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

  async lenses(doc: TextDocument): Promise<CodeLens[]> {
    const found = await commandsIn(doc);
    const lenses: CodeLens[] = [];
    for (const { line, command } of found) {
      const range = { start: { line, character: 0 }, end: { line, character: 0 } };
      const args = [command, doc.uri];
      lenses.push({ range, command: { title: '▶ Run in sandbox', command: LensCommands.run, arguments: args } });
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

export async function commandsIn(doc: TextDocument): Promise<FoundCommand[]> {
  const text = doc.getText();
  if (doc.languageId === 'markdown' || /\.(md|markdown)$/i.test(doc.uri)) return markdownShellBlocks(text);
  if (doc.languageId === 'shellscript' || /\.(sh|bash|zsh)$/i.test(doc.uri)) {
    try {
      return await shellScriptStatements(text);
    } catch {
      // A script that does not parse yet (mid-edit) simply has no lenses.
      return [];
    }
  }
  return [];
}
