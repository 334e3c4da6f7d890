// The explainer stage: parse, read the manuals of every program in one go,
// walk the tree into parts, and sum the parts up in a sentence (or take the
// sentence from Paladin's command knowledge when the command is one of its
// templates).

import type { ExplainPart, ExplainResult } from '../protocol/types';
import type { ExplainerStage } from '../stages';
import { TreeExplainer, type ManualProvider } from './explainTree';
import type { Knowledge } from './knowledgeMatch';
import { isLookupName, programName, shapes } from './programShapes';
import { literalValue, nodeType, parseCommand, syntax, type ShNode } from './shellTree';

const walk = (node: ShNode, visit: (node: ShNode) => boolean) => syntax().Walk(node, visit);

/** Programs a command will need manuals for, so the image is asked once for all of them. */
export function programsIn(file: ShNode): string[] {
  const names = new Set<string>();
  walk(file, (node) => {
    if (!node || nodeType(node) !== 'CallExpr') return true;
    const words: (string | null)[] = node.Args.map((w: ShNode) => literalValue(w));
    let i = 0;
    while (i < words.length) {
      const word = words[i];
      if (word === null) break;
      const name = programName(word);
      names.add(name);
      const shape = shapes[name];
      if (shape?.subcommands) {
        const sub = words.slice(i + 1).find((w) => w !== null && !w.startsWith('-'));
        if (sub) names.add(`${name}-${sub}`);
        break;
      }
      if (name === 'find') {
        const exec = words.findIndex((w, k) => k > i && (w === '-exec' || w === '-execdir' || w === '-ok'));
        if (exec >= 0 && words[exec + 1]) names.add(programName(words[exec + 1] as string));
        break;
      }
      if (!shape?.wrapper) break;
      // Skip the wrapper's options (and what they take) to its command.
      i++;
      while (i < words.length && words[i] !== null && ((words[i] as string).startsWith('-') || /^[A-Za-z_]\w*=/.test(words[i] as string))) {
        if (shape.valued?.includes(words[i] as string)) i++;
        i++;
      }
      i += shape.wrapper.positionals;
    }
    return true;
  });
  return [...names].filter(isLookupName);
}

export function summarise(phrase: string, parts: ExplainPart[]): string {
  const text = phrase.trim();
  let summary = parts.find((p) => p.kind !== 'assignment')?.kind === 'program' ? `Runs ${text}` : text.charAt(0).toUpperCase() + text.slice(1);
  if (!/[.!?]$/.test(summary)) summary += '.';
  const unknown = parts.filter((p) => p.source === 'unknown').map((p) => p.text);
  if (unknown.length > 0) summary += ` Not explained: ${[...new Set(unknown)].slice(0, 8).join(', ')}${unknown.length > 8 ? ', …' : ''}.`;
  return summary;
}

export class Explainer implements ExplainerStage {
  constructor(
    private readonly manuals: ManualProvider,
    private readonly knowledge?: Knowledge,
  ) {}

  async explain(command: string, options: { signal?: AbortSignal } = {}): Promise<Omit<ExplainResult, 'policy'>> {
    const tree = parseCommand(command);
    await this.manuals.prefetch(programsIn(tree.file), options.signal);
    const walker = new TreeExplainer(tree, this.manuals, options.signal, this.knowledge);
    const phrase = await walker.stmts(tree.file.Stmts);
    const known = this.knowledge?.match(command);
    const summary = known ? `${known.explanation}${/[.!?]$/.test(known.explanation) ? '' : '.'}` : summarise(phrase, walker.parts);
    return { command, summary, parts: walker.parts };
  }
}
