// The explainer stage: parse, read the manuals of every program in one go,
// walk the tree into parts, and sum the parts up in a sentence (or take the
// sentence from Paladin's command knowledge when the command is one of its
// templates).

import type { ExplainPart, ExplainResult } from '../protocol/types';
import type { ExplainerStage } from '../stages';
import { TreeExplainer, type ManualProvider } from './explainTree';
import type { Knowledge } from './knowledgeMatch';
import { RequestError } from '../kernel';
import { ShellLimitError, ShellParseError, type ShNode } from '../shell/parser';
import { parseWithSource, walkTree, type ShellTree } from '../shell/source';
import { resolveCommand } from '../shell/wrappers';
import { wordValue, type WordValue } from '../shell/words';
import { isLookupName, programName, shapes } from './programShapes';

/** Programs a command will need manuals for (wrappers, what they run, subcommands, find -exec), so the image is asked once for all of them. */
export function programsIn(file: ShNode): string[] {
  const names = new Set<string>();
  walkTree(file, (node) => {
    if (node.type !== 'CallExpr') return true;
    const values = (node.Args ?? []).map((w: ShNode) => wordValue(w));
    const words: (string | null)[] = values.map((v: WordValue) => (v.dynamic || v.glob ? null : v.text));
    const resolved = resolveCommand(values);
    for (const wrapper of resolved.wrappers) names.add(wrapper);
    if (resolved.at < 0 || words[resolved.at] === null) return true;
    const name = resolved.program;
    names.add(name);
    if (shapes[name]?.subcommands) {
      const sub = words.slice(resolved.at + 1).find((w) => w !== null && !w.startsWith('-'));
      if (sub) names.add(`${name}-${sub}`);
    }
    if (name === 'find') {
      const exec = words.findIndex((w, k) => k > resolved.at && (w === '-exec' || w === '-execdir' || w === '-ok' || w === '-okdir'));
      if (exec >= 0 && words[exec + 1]) names.add(programName(words[exec + 1] as string));
    }
    return true;
  });
  return [...names].filter(isLookupName);
}

/** Parses for explaining: a command that is not bash is the request's error, in words a person can act on. */
export function parseCommand(command: string): ShellTree {
  try {
    return parseWithSource(command);
  } catch (err) {
    if (!(err instanceof ShellParseError || err instanceof ShellLimitError)) throw err;
    const text = err.message.replace(/^:?/, '');
    throw new CommandParseError(`The command is not valid bash: ${text}. Fix the quoting or syntax and try again.`, 'invalid');
  }
}

export class CommandParseError extends RequestError {
  override name = 'CommandParseError';
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
