// "Allow exactly this shape": a narrow user rule generated from the parsed
// command, not from its text. The rule projects the facts of a command line
// onto what makes its shape (each command's program and name as written, its
// exact arguments, wrappers, environment, redirections, where it sits in the
// line, and the line's assignments, functions, aliases and loops) and waives
// the built-in `ask` hits it was made for only when the projection of a new
// line is equal, argument for argument. Free text (an argument with spaces,
// such as a commit message) may vary; nothing else may. Whatever the rule
// says, the engine never lets it touch a deny (see waivers.ts).

import { createHash } from 'node:crypto';
import type { PolicyDecision } from '../protocol/types';
import type { CommandFact, Facts } from './factsTypes';
import { waivable } from './waivers';

export class ShapeRuleError extends Error {
  override name = 'ShapeRuleError';
}

export const MAX_SHAPE_COMMANDS = 8;

/** The part of a command's facts that makes its shape. Rego computes the same object from `input`. */
export function projectCommand(c: CommandFact): Record<string, unknown> {
  return {
    program: c.program,
    name: c.name,
    path_given: c.path_given,
    name_obfuscated: c.name_obfuscated,
    name_dynamic: c.name_dynamic,
    wrappers: c.wrappers,
    privileged: c.privileged,
    env: c.env,
    redirects: c.redirects.map((r) => ({ op: r.op, fd: r.fd, target: r.target, dynamic: r.dynamic })),
    dynamic_args: c.dynamic_args,
    subcommand: c.subcommand,
    pipeline: c.pipeline,
    stage: c.stage,
    parent: c.parent,
    via: c.via,
    background: c.background,
    stdin: c.stdin,
    runs_code: c.runs_code,
    // Here-documents and here-strings are code or data the arguments do not show.
    inline_code: c.inline_code,
    nargs: c.args.length,
  };
}

const PROJECT_REGO = `project(c) := {
	"program": c.program,
	"name": c.name,
	"path_given": c.path_given,
	"name_obfuscated": c.name_obfuscated,
	"name_dynamic": c.name_dynamic,
	"wrappers": c.wrappers,
	"privileged": c.privileged,
	"env": c.env,
	"redirects": [{"op": r.op, "fd": r.fd, "target": r.target, "dynamic": r.dynamic} | some r in c.redirects],
	"dynamic_args": c.dynamic_args,
	"subcommand": c.subcommand,
	"pipeline": c.pipeline,
	"stage": c.stage,
	"parent": c.parent,
	"via": c.via,
	"background": c.background,
	"stdin": c.stdin,
	"runs_code": c.runs_code,
	"inline_code": c.inline_code,
	"nargs": count(c.args),
}`;

/**
 * An argument that is free text (a message, a title): words with spaces.
 * Another such text fits in its place; it may not start with a dash (an
 * option), hold control characters or a newline, or hold glob characters
 * (the facts do not say whether a word was quoted, and an unquoted glob
 * becomes file names, which may look like options).
 */
export function isFreeText(arg: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /\S\s+\S/.test(arg) && !arg.startsWith('-') && !/[\x00-\x08\x0a-\x1f\x7f*?[]/.test(arg);
}

export interface ShapeRule {
  name: string;
  rego: string;
  /** The built-in ask hits the rule turns into allow for this shape. */
  waives: { id: string; command_index: number }[];
  /** What the shape allows, one line per command, for a person. */
  summary: string[];
}

/** Refuse what no shape can make safe, in words that say why. */
function refuse(decision: PolicyDecision, facts: Facts): void {
  if (decision.decision === 'deny') throw new ShapeRuleError('The policy denies this command; a shape rule can never allow what is denied.');
  if (decision.decision === 'allow') throw new ShapeRuleError('The policy already allows this command; there is nothing to allow.');
  if (!facts.parse.ok || facts.limits.exceeded) throw new ShapeRuleError('The command does not parse or is over the limits; no shape can be taken from it.');
  if (facts.unknown.length > 0) throw new ShapeRuleError(`The command uses constructs the policy cannot judge (${facts.unknown.map((u) => u.construct).join(', ')}); its effect cannot be known, so it cannot be allowed.`);
  if (facts.commands.length === 0 || facts.commands.length > MAX_SHAPE_COMMANDS) throw new ShapeRuleError(`A shape rule covers 1 to ${MAX_SHAPE_COMMANDS} commands; this line has ${facts.commands.length}.`);
  for (const c of facts.commands) {
    if (c.name_dynamic || c.name_from_substitution || c.dynamic_args.length > 0 || c.code_dynamic) {
      throw new ShapeRuleError(`"${c.name || c.program}" takes words only known when it runs ($VAR, $(...)); a shape must be fixed to be allowed.`);
    }
  }
  const user = decision.rules.filter((r) => r.id.startsWith('user.'));
  if (user.length > 0) throw new ShapeRuleError(`Your own policies ask about this command (${user.map((r) => r.id).join(', ')}); change those policies instead.`);
  const fixed = decision.rules.filter((r) => !waivable(r.id));
  if (fixed.length > 0) throw new ShapeRuleError(`${fixed.map((r) => r.id).join(', ')}: the command's effect cannot be known before it runs, so no shape rule can allow it.`);
}

function argTest(arg: string, i: number): string {
  return isFreeText(arg) ? `free_text(c.args[${i}])` : `c.args[${i}] == ${JSON.stringify(arg)}`;
}

function ruleName(facts: Facts, command: string): string {
  const first = facts.commands[0];
  const words = [first.program, first.subcommand].filter(Boolean).join('_').replace(/[^A-Za-z0-9_]/g, '_').slice(0, 40);
  const hash = createHash('sha256').update(command).digest('hex').slice(0, 8);
  return `shape_${words || 'command'}_${hash}`;
}

export function generateShapeRule(command: string, decision: PolicyDecision): ShapeRule {
  const facts = decision.facts as Facts | undefined;
  if (!facts || !Array.isArray(facts.commands)) throw new ShapeRuleError('The decision carries no facts; judge the command with facts first.');
  refuse(decision, facts);
  const name = ruleName(facts, command);
  const waives = decision.rules.filter((r) => r.severity === 'ask').map((r) => ({ id: r.id, command_index: r.command_index }));
  const lineShape = {
    commands: facts.commands.map(projectCommand),
    assignments: facts.assignments.map((a) => ({ name: a.name, value: a.value, dynamic: a.dynamic, scope: a.scope, command_index: a.command_index })),
    functions: facts.functions.length,
    aliases: facts.aliases.length,
    loops: facts.loops.length,
  };
  const perCommand = facts.commands.map((c, i) => [`args_fit(${i}) if {`, `\tc := input.commands[${i}]`, ...c.args.map((a, j) => `\t${argTest(a, j)}`), '}'].join('\n'));
  const fits = facts.commands.map((_, i) => `\targs_fit(${i})`);
  const summary = facts.commands.map((c) => [c.wrappers.length ? `${c.wrappers.join(' ')} ` : '', c.name, ...c.args.map((a) => (isFreeText(a) ? '<any text>' : a))].join(' ').trim());
  const rego = [
    `package paladin.user.${name}`,
    '',
    'import rego.v1',
    '',
    '# Generated by `paladin policy allow-shape` from:',
    ...command.split('\n').map((l) => `#   ${l}`),
    '# For exactly this shape it waives these built-in ask rules:',
    ...waives.map((w) => `#   ${w.id} (command ${w.command_index})`),
    '# The engine applies a waiver only to a built-in ask at the same command',
    '# index, never to a deny, so this rule cannot weaken a deny.',
    '',
    `shape := ${JSON.stringify(lineShape)}`,
    '',
    PROJECT_REGO,
    '',
    'line_shape := {',
    '\t"commands": [project(c) | some c in input.commands],',
    '\t"assignments": [{"name": a.name, "value": a.value, "dynamic": a.dynamic, "scope": a.scope, "command_index": a.command_index} | some a in input.assignments],',
    '\t"functions": count(input.functions),',
    '\t"aliases": count(input.aliases),',
    '\t"loops": count(input.loops),',
    '}',
    '',
    'free_text(a) if {',
    '\tregex.match(`\\S\\s+\\S`, a)',
    '\tnot startswith(a, "-")',
    '\tnot regex.match(`[\\x00-\\x08\\x0a-\\x1f\\x7f*?[]`, a)',
    '}',
    '',
    ...perCommand.flatMap((p) => [p, '']),
    'line_matches if {',
    '\tinput.parse.ok',
    '\tnot input.limits.exceeded',
    '\tcount(input.unknown) == 0',
    '\tline_shape == shape',
    ...fits,
    '}',
    '',
    ...waives.map((w) => `waive_ask contains {"id": ${JSON.stringify(w.id)}, "command_index": ${w.command_index}} if line_matches`),
    '',
  ].join('\n');
  return { name, rego, waives, summary };
}
