// From the bash syntax tree to the facts document: every simple command the
// line can reach, however it is nested, with wrappers taken off and its
// effects described. Anything this walker does not understand is written
// down as an unknown construct, so the policy can refuse to allow it.

import type { AssignmentFact, CommandFact, Facts } from './factsTypes';
import { changeDirectory, classifyPath, type Cwd } from './paths';
import { isWellKnownProgram } from '../shell/programs';
import { describeProgram } from './programFacts';
import { SequenceWatch } from './tools';
import { unwrap } from './wrappers';
import { parseShell, nodeType, ShellLimitError, ShellParseError, type ShNode } from '../shell/parser';
import { scopedWordValue, type Nested, type WordScope, type WordValue } from '../shell/words';
import { arithRefs, integerAttributes } from './arithFacts';
import { nameSubscripts } from './nameSubscripts';
import { withOptionVariables } from './optionVariables';
import { ShellState } from './shellState';
import { staticOutput } from './staticOutput';
import { expandWords, linkedPath, recordState } from './stateFacts';
import { onDisk } from './diskLinks';
import { recordWrittenFiles } from './codeFeeds';
import { byteToCharOffset } from '../shell/offsets';
import { walkCompound } from './compoundFacts';
import { emptyCommandFact } from './commandFact';
import { walkAssignment, walkDeclClause } from './assignmentFacts';
import { describeRedirects } from './redirectFacts';
import { substitutedReads } from './substitutionReads';
import { certificateReads } from './certificateFacts';

export interface FactsLimits {
  maxChars: number;
  maxCommands: number;
  maxDepth: number;
  /** Command strings parsed again (sh -c '...', eval, su -c). */
  maxReparse: number;
}

export const DEFAULT_LIMITS: FactsLimits = { maxChars: 16_384, maxCommands: 256, maxDepth: 48, maxReparse: 4 };

export interface Context {
  stdinPiped: boolean;
  pipeline: number;
  stage: number;
  parent: number;
  via: CommandFact['via'];
  inFunction: string;
  inLoop: boolean;
  background: boolean;
  privileged: boolean;
  depth: number;
  reparse: number;
  /** What the command's stdin will read, when the line makes it known (`echo 'x' | sh`). */
  stdinText?: string;
  /** Character offsets of the statement being walked in the command line (the outer one for re-parsed strings). */
  span: [number, number];
}

const TOP: Context = { stdinPiped: false, pipeline: -1, stage: -1, parent: -1, via: 'top', inFunction: '', inLoop: false, background: false, privileged: false, depth: 0, reparse: 0, span: [0, 0] };

class LimitExceeded extends Error {}

export class Walker {
  readonly facts: Facts;
  cwd: Cwd = { kind: 'workspace', rel: '' };
  /** The words of the last command described, wrappers taken off. */
  lastRest: WordValue[] = [];
  /** A working folder for the next command only (`env -C DIR`). */
  commandCwd: Cwd | undefined;
  private pipelineCount = 0;
  nextPipeline(): number {
    return this.pipelineCount++;
  }
  /** Names given the integer attribute (`declare -i`): a plain assignment to one is arithmetic. */
  readonly integers = new Set<string>();
  readonly state = new ShellState();
  readonly scope: WordScope = {
    lookup: (name, index) => this.state.lookup(name, index),
    substitute: (stmts) => staticOutput(stmts, this.scope),
  };
  private readonly charAt: (byte: number) => number;

  constructor(
    readonly workspace: string | undefined,
    readonly limits: FactsLimits,
    private readonly source: string,
  ) {
    this.charAt = byteToCharOffset(source);
    this.facts = {
      version: 1,
      source_length: source.length,
      parse: { ok: true, error: '' },
      limits: { exceeded: false, reasons: [] },
      commands: [],
      unknown: [],
      assignments: [],
      functions: [],
      aliases: [],
      loops: [],
      pipelines: [],
      workspace: workspace ?? '',
    };
  }

  exceed(reason: string): never {
    this.facts.limits.exceeded = true;
    this.facts.limits.reasons.push(reason);
    throw new LimitExceeded(reason);
  }

  unknown(construct: string, detail: string, commandIndex: number): void {
    this.facts.unknown.push({ construct, detail, command_index: commandIndex });
  }

  stmts(list: ShNode[] | null | undefined, ctx: Context): void {
    const watch = new SequenceWatch();
    for (const s of list ?? []) {
      const before = this.facts.commands.length;
      this.stmt(s, ctx);
      watch.after(this, s, before);
    }
  }

  stmt(stmt: ShNode, ctx: Context): void {
    if (!stmt) return;
    if (ctx.depth > this.limits.maxDepth) this.exceed(`nesting deeper than ${this.limits.maxDepth} levels`);
    const inner: Context = { ...ctx, depth: ctx.depth + 1, background: ctx.background || stmt.Background === true || stmt.Coprocess === true, span: this.spanOf(stmt, ctx) };
    const redirs: ShNode[] = stmt.Redirs ?? [];
    const cmd = stmt.Cmd;
    const type = nodeType(cmd);
    if (type === 'CallExpr') {
      this.call(cmd, redirs, inner);
      return;
    }
    if (redirs.length > 0 || cmd === null || cmd === undefined) this.redirectOnly(redirs, inner, type === 'nil' ? ':redirect' : ':compound');
    walkCompound(this, type, cmd, redirs, inner);
  }

  /** Read a word with what the line has made known so far. */
  word(node: ShNode): WordValue {
    return scopedWordValue(node, this.scope);
  }

  /** Walk code that may not run: what it assigns is unknown after it. */
  branch(walk: () => void): void {
    this.state.enterBranch();
    try {
      walk();
    } finally {
      this.state.leaveBranch();
    }
  }

  /** Where a statement is in the line; a string parsed again (sh -c '…') points at the command that holds it. */
  spanOf(stmt: ShNode, ctx: Context): [number, number] {
    const raw = stmt.Span as [number, number] | undefined;
    if (ctx.reparse > 0 || !Array.isArray(raw)) return ctx.span;
    const start = this.charAt(raw[0]);
    let end = this.charAt(raw[1]);
    while (end > start && /\s/.test(this.source[end - 1])) end--;
    return [start, end];
  }

  scratchWord(): WordValue {
    return { text: '', dynamic: false, glob: false, quoted: false, ansiC: false, nested: [], unknown: [], fromSubstitution: false, procSubst: '' };
  }

  /** Walk the substitutions found in a word as commands of their own. */
  walkNested(v: WordValue, parent: number, ctx: Context): void {
    for (const u of v.unknown) this.unknown(u.construct, u.detail, parent);
    for (const n of v.nested) this.nested(n, parent, ctx);
    if (v.arith?.length) arithRefs(this, v.arith, parent, ctx);
  }

  nested(n: Nested, parent: number, ctx: Context): void {
    const saved = this.cwd;
    const restore = this.state.snapshot();
    this.stmts(n.stmts, { ...ctx, parent, via: n.kind, stdinPiped: n.kind === 'process-substitution-out', stdinText: undefined, pipeline: -1, stage: -1, depth: ctx.depth + 1 });
    restore();
    this.cwd = saved;
  }

  /** Parse a command string found inside a command (sh -c '...', eval, su -c, trap) and walk it too. */
  reparse(code: string, parent: number, ctx: Context, via: CommandFact['via']): void {
    if (ctx.reparse >= this.limits.maxReparse) this.exceed(`command strings nested more than ${this.limits.maxReparse} deep`);
    let file: ShNode;
    try {
      file = parseShell(code);
    } catch (err) {
      if (err instanceof ShellLimitError) this.exceed(err.message);
      this.unknown('unparseable-command-string', `a command string inside the line does not parse: ${(err as Error).message}`, parent);
      return;
    }
    const saved = this.cwd;
    this.stmts(file.Stmts, { ...ctx, parent, via, reparse: ctx.reparse + 1, depth: ctx.depth + 1, pipeline: -1, stage: -1, stdinPiped: false, stdinText: undefined });
    this.cwd = saved;
  }

  newCommand(ctx: Context): CommandFact {
    if (this.facts.commands.length >= this.limits.maxCommands) this.exceed(`more than ${this.limits.maxCommands} commands`);
    const fact = emptyCommandFact(this.facts.commands.length, ctx);
    this.facts.commands.push(fact);
    return fact;
  }

  assignment(a: ShNode, scope: AssignmentFact['scope'], index: number, ctx: Context): AssignmentFact | undefined {
    return walkAssignment(this, a, scope, index, ctx);
  }

  redirectOnly(redirs: ShNode[], ctx: Context, program: string): void {
    if (redirs.length === 0) return;
    const fact = this.newCommand(ctx);
    fact.program = program;
    fact.name = program;
    this.redirects(fact, redirs, ctx);
  }

  call(call: ShNode, redirs: ShNode[], ctx: Context): void {
    const args: ShNode[] = call.Args ?? [];
    const assigns: ShNode[] = call.Assigns ?? [];
    if (args.length === 0) {
      for (const a of assigns) this.assignment(a, 'shell', -1, ctx);
      this.redirectOnly(redirs, ctx, ':redirect');
      return;
    }
    const fact = this.newCommand(ctx);
    for (const a of assigns) {
      const f = this.assignment(a, 'command', fact.index, ctx);
      if (f) fact.env.push({ name: f.name, value: f.value, dynamic: f.dynamic });
    }
    const raw = args.map((w) => this.word(w));
    for (const w of raw) this.walkNested(w, fact.index, ctx);
    const words = expandWords(raw, this.state);
    this.redirects(fact, redirs, ctx);
    if (words.length === 0) return;
    this.command(fact, words, ctx);
    substitutedReads(this, fact, raw);
    integerAttributes(this, fact, this.lastRest, ctx);
    nameSubscripts(this, fact, this.lastRest, ctx);
    recordState(this, fact, words, ctx);
    recordWrittenFiles(this, fact, call, ctx);
  }

  /** Fill in a command from its words: unwrap wrappers, then describe the program. */
  command(fact: CommandFact, words: WordValue[], ctx: Context): void {
    const unwrapped = unwrap(this, fact, words, ctx);
    if (unwrapped === null) return;
    const rest = withOptionVariables(this, fact, unwrapped);
    this.lastRest = rest;
    const override = this.commandCwd;
    this.commandCwd = undefined;
    if (!override) {
      describeProgram(this, fact, rest, ctx);
      certificateReads(fact);
      // A shell reading its script from a file redirect runs that file.
      if (fact.runs_code === 'stdin' && fact.stdin === 'file') fact.runs_code = 'script';
      return;
    }
    const saved = this.cwd;
    this.cwd = override;
    try {
      describeProgram(this, fact, rest, ctx);
    } finally {
      this.cwd = saved;
    }
  }

  redirects(fact: CommandFact, redirs: ShNode[], ctx: Context): void {
    describeRedirects(this, fact, redirs, ctx);
  }

  path(v: WordValue) {
    return onDisk(linkedPath(this, classifyWord(v, this.cwd, this.workspace), v), v.text, this.cwd, this.workspace);
  }

  changeDir(target: WordValue | undefined, cdpathHere?: string): void {
    if (!target) {
      this.cwd = { kind: 'abs', path: '/~' };
      return;
    }
    // With CDPATH set, a plain relative name is looked up in its folders first.
    const cdpath = cdpathHere ?? this.state.lookup('CDPATH');
    let text = target.dynamic ? null : target.text;
    if (text !== null && cdpath && !/^(\/|~|\.\.?(\/|$))/.test(text)) text = `${cdpath.split(':')[0] || '.'}/${text}`;
    this.cwd = changeDirectory(this.cwd, text, this.workspace);
  }

  funcDecl(cmd: ShNode, ctx: Context): void {
    const name: string = cmd.Name?.Value ?? '';
    const before = this.facts.commands.length;
    this.branch(() => this.stmt(cmd.Body, { ...ctx, inFunction: name, via: ctx.via }));
    const body = this.facts.commands.slice(before);
    const selfCalls = body.filter((c) => c.program === name);
    this.facts.functions.push({
      name,
      calls_self: selfCalls.length > 0,
      self_call_spawns: selfCalls.some((c) => c.background || c.pipeline >= 0),
      shadows_program: isShadowing(name),
    });
  }

  declClause(cmd: ShNode, redirs: ShNode[], ctx: Context): void {
    walkDeclClause(this, cmd, redirs, ctx);
  }
}

function isShadowing(name: string): boolean {
  return isWellKnownProgram(name);
}

export function classifyWord(v: WordValue, cwd: Cwd, workspace: string | undefined) {
  return classifyPath(v.text, cwd, workspace, { dynamic: v.dynamic, glob: v.glob, pick: v.pick, nameGlob: v.nameGlob });
}

/** Parse a command line and describe it. Never throws: parse errors and limits are facts too. */
export function describeCommand(source: string, options: { workspace?: string; limits?: Partial<FactsLimits> } = {}): Facts {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const walker = new Walker(options.workspace, limits, source);
  if (source.length > limits.maxChars) {
    walker.facts.limits.exceeded = true;
    walker.facts.limits.reasons.push(`longer than ${limits.maxChars} characters`);
    return walker.facts;
  }
  let file: ShNode;
  try {
    file = parseShell(source);
  } catch (err) {
    if (err instanceof ShellLimitError) {
      walker.facts.limits.exceeded = true;
      walker.facts.limits.reasons.push(err.message);
      return walker.facts;
    }
    walker.facts.parse = { ok: false, error: err instanceof ShellParseError ? err.message : `parser failure: ${(err as Error).message}` };
    return walker.facts;
  }
  try {
    walker.stmts(file.Stmts, { ...TOP, span: [0, source.length] });
  } catch (err) {
    if (!(err instanceof LimitExceeded)) throw err;
  }
  return walker.facts;
}

