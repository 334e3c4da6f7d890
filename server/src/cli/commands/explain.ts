// `paladin explain`: a command broken into its parts, each explained from the
// program's manual or --help text, with a summary and the policy's risk card.

import type { ExplainPart, ExplainResult } from '../../protocol/types';
import { describeSandbox } from '../../policy/sandboxVerdict';
import { Exit, printJson, UsageError, type CliContext, type Subcommand } from '../command';
import { formatRules } from '../ruleText';

const help = `Usage: paladin explain "<command>" [--json] [--workspace DIR]

Explains a shell command without running it: every program, option,
argument, redirection, pipe, operator and substitution, each with where the
explanation came from:

  manual     the program's man page (from the sandbox image, else the host)
  help       the program's --help text (from the sandbox image), or bash's help
  knowledge  Paladin's own command knowledge
  syntax     the shell's own rules (pipes, redirections, quoting, builtins)
  unknown    nothing Paladin can read explains it; it is not guessed

Then a one-sentence summary and the policy's decision with its reasons.
Works with no network and no language model. Manuals are cached in the
Paladin database, so a second explanation reads none again.

Options:
  --json            machine-readable output (the full result)
  --workspace DIR   folder the policy judges paths against (default: current)
Exit codes: 0 explained, 2 the command is empty or not valid bash, 1 failure.
`;

export const explainCommand: Subcommand = {
  name: 'explain',
  summary: 'explain each part of a shell command from its manual, with the policy decision',
  help,
  options: { json: { type: 'boolean' }, workspace: { type: 'string' } },
  async run(ctx, args) {
    if (args.positionals.length === 0) throw new UsageError('give the command to explain, quoted, e.g. paladin explain "ls -la | grep src"');
    if (args.positionals.length > 1) throw new UsageError(`give the command as one quoted argument (got ${args.positionals.length} words): paladin explain "${args.positionals.join(' ')}"`);
    const workspace = typeof args.values.workspace === 'string' ? args.values.workspace : undefined;
    const paladin = await ctx.paladin();
    const result = await paladin.explain(ctx.actor, args.positionals[0], { workspace, signal: ctx.signal });
    if (args.values.json) printJson(ctx, result);
    else printExplanation(ctx, result);
    return Exit.ok;
  },
};

/** One line per part, the parts of a program indented under it, then the summary and the decision. */
export function formatExplanation(result: ExplainResult, width = 100): string {
  const lines: string[] = [`Command: ${result.command}`, ''];
  const textWidth = Math.min(28, Math.max(8, ...result.parts.map((p) => display(p).length)));
  lines.push(`  ${'PART'.padEnd(textWidth)}  ${'KIND'.padEnd(12)}  ${'SOURCE'.padEnd(9)}  EXPLANATION`);
  for (const part of result.parts) {
    const text = clip(display(part), textWidth);
    const head = `  ${text.padEnd(textWidth)}  ${part.kind.padEnd(12)}  ${part.source.padEnd(9)}  `;
    lines.push(...wrap(head, part.origin ? `${part.explanation} (${part.origin})` : part.explanation, width));
  }
  lines.push('', `Summary: ${result.summary}`, '');
  const policy = result.policy;
  lines.push(`Policy: ${policy.decision}${policy.policyVersion ? ` (policy ${policy.policyVersion.slice(0, 12)})` : ''}`);
  lines.push(...formatRules(result.command, policy));
  if (policy.sandbox) lines.push(`  ${describeSandbox(policy.sandbox)}`);
  const risk = policy.risk;
  if (risk) {
    const list = (name: string, items: string[]) => (items && items.length > 0 ? [`  ${name}: ${items.join(', ')}`] : []);
    lines.push(...list('reads', risk.reads), ...list('writes', risk.writes), ...list('deletes', risk.deletes));
    if (risk.network) lines.push('  uses the network');
    if (risk.privilege) lines.push('  asks for more privilege');
  }
  return lines.join('\n') + '\n';
}

function display(part: ExplainPart): string {
  return `${part.program !== undefined ? '  ' : ''}${part.text.replace(/\s*\n[\s\S]*/, ' …')}`;
}

function clip(text: string, width: number): string {
  return text.length > width ? text.slice(0, width - 1) + '…' : text;
}

function wrap(head: string, text: string, width: number): string[] {
  const room = Math.max(30, width - head.length);
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > room) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  out.push(line);
  return out.map((l, i) => (i === 0 ? head : ' '.repeat(head.length)) + l);
}

function printExplanation(ctx: CliContext, result: ExplainResult): void {
  const columns = (ctx.out as NodeJS.WriteStream).columns;
  ctx.out.write(formatExplanation(result, columns && columns > 60 ? columns : 100));
}
