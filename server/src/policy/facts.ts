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
import { parseShell, nodeType, shellOps, ShellLimitError, ShellParseError, type ShNode } from '../shell/parser';
import { arithm, scopedWordValue, showDynamic, type Nested, type WordScope, type WordValue } from '../shell/words';
import { arithAssigned, arithRefs, testWords } from './arithFacts';
import { ShellState } from './shellState';
import { staticOutput, staticPipeline } from './staticOutput';
import { expandWords, linkedPath, recordState } from './stateFacts';
import { recordWrittenFiles } from './codeFeeds';
import { byteToCharOffset } from '../shell/offsets';

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
    switch (type) {
      case 'nil':
        return;
      case 'BinaryCmd': {
        const op = shellOps().binary.get(cmd.Op as number) ?? '?';
        if (op === '|' || op === '|&') {
          const stages: ShNode[] = [];
          const flatten = (n: ShNode) => {
            const c = n.Cmd;
            if (nodeType(c) === 'BinaryCmd' && ['|', '|&'].includes(shellOps().binary.get(c.Op as number) ?? '') && (n.Redirs ?? []).length === 0 && !n.Background) {
              flatten(c.X);
              flatten(c.Y);
            } else stages.push(n);
          };
          flatten(cmd.X);
          flatten(cmd.Y);
          const id = this.pipelineCount++;
          this.facts.pipelines.push({ id, stages: stages.length });
          stages.forEach((s, i) => {
            const restore = this.state.snapshot();
            const stdinText = i > 0 ? staticPipeline(stages.slice(0, i), this.scope) : inner.stdinText;
            this.stmt(s, { ...inner, pipeline: id, stage: i, stdinPiped: i > 0 || inner.stdinPiped, stdinText });
            restore();
          });
        } else {
          this.stmt(cmd.X, inner);
          this.branch(() => this.stmt(cmd.Y, inner));
        }
        return;
      }
      case 'Subshell': {
        const saved = this.cwd;
        const restore = this.state.snapshot();
        this.stmts(cmd.Stmts, inner);
        restore();
        this.cwd = saved;
        return;
      }
      case 'Block':
        this.stmts(cmd.Stmts, inner);
        return;
      case 'IfClause': {
        let clause = cmd;
        this.stmts(clause.Cond, inner);
        this.branch(() => {
          while (clause) {
            if (clause !== cmd) this.stmts(clause.Cond, inner);
            this.branch(() => this.stmts(clause.Then, inner));
            clause = clause.Else;
          }
        });
        return;
      }
      case 'WhileClause': {
        const cond: ShNode[] = cmd.Cond ?? [];
        const always = cond.every((s) => {
          const c = s.Cmd;
          if (nodeType(c) !== 'CallExpr' || (c.Args ?? []).length !== 1) return false;
          const w = this.word(c.Args[0]).text;
          return cmd.Until ? w === 'false' : w === 'true' || w === ':';
        });
        this.facts.loops.push({ endless: always });
        const loop = { ...inner, inLoop: true };
        this.stmts(cond, loop);
        this.branch(() => this.stmts(cmd.Do, loop));
        return;
      }
      case 'ForClause': {
        const loopNode = cmd.Loop;
        const v = this.scratchWord();
        if (nodeType(loopNode) === 'WordIter') {
          const items = expandWords((loopNode.Items ?? []).map((w: ShNode) => this.word(w)), this.state);
          for (const w of items) this.walkNested(w, -1, inner);
          // `for d in a b` assigns d, as `d=a` would.
          if (loopNode.Name?.Value) this.facts.assignments.push({ name: loopNode.Name.Value, value: showDynamic(items.map((w: WordValue) => w.text).join(' ')), dynamic: items.length === 0 || items.some((w: WordValue) => w.dynamic || w.glob), scope: 'shell', command_index: -1 });
          this.facts.loops.push({ endless: false });
          const name: string = loopNode.Name?.Value ?? '';
          // Known items: the body is read once for each (up to four), with the loop variable set to it.
          const known = items.length > 0 && items.length <= 4 && items.every((w) => !w.dynamic && !w.glob);
          for (const item of known ? items : [undefined]) {
            this.branch(() => {
              if (name) this.state.set(name, item ? item.text : null);
              this.stmts(cmd.Do, { ...inner, inLoop: true });
            });
          }
          return;
        }
        for (const n of [loopNode.Init, loopNode.Cond, loopNode.Post]) for (const a of arithAssigned(n)) this.state.markNumeric(a);
        arithm(v, loopNode.Init);
        arithm(v, loopNode.Cond);
        arithm(v, loopNode.Post);
        this.walkNested(v, -1, inner);
        this.facts.loops.push({ endless: !loopNode.Cond });
        this.branch(() => this.stmts(cmd.Do, { ...inner, inLoop: true }));
        return;
      }
      case 'CaseClause': {
        this.walkNested(this.word(cmd.Word), -1, inner);
        for (const item of cmd.Items ?? []) {
          for (const p of item.Patterns ?? []) this.walkNested(this.word(p), -1, inner);
          this.branch(() => this.stmts(item.Stmts, inner));
        }
        return;
      }
      case 'FuncDecl':
        this.funcDecl(cmd, inner);
        return;
      case 'ArithmCmd': {
        const v = this.scratchWord();
        arithm(v, cmd.X);
        this.walkNested(v, -1, inner);
        for (const a of arithAssigned(cmd.X)) this.state.markNumeric(a);
        return;
      }
      case 'TestClause': {
        const v = this.scratchWord();
        testWords(cmd.X, v, () => this.scratchWord());
        this.walkNested(v, -1, inner);
        return;
      }
      case 'LetClause': {
        const v = this.scratchWord();
        for (const e of cmd.Exprs ?? []) arithm(v, e);
        this.walkNested(v, -1, inner);
        for (const e of cmd.Exprs ?? []) for (const a of arithAssigned(e)) this.state.markNumeric(a);
        return;
      }
      case 'DeclClause':
        this.declClause(cmd, redirs, inner);
        return;
      case 'TimeClause':
        this.stmt(cmd.Stmt, inner);
        return;
      case 'CoprocClause':
        this.stmt(cmd.Stmt, { ...inner, background: true });
        return;
      default:
        this.unknown('unsupported-syntax', `the ${type} construct is not understood by the policy`, -1);
    }
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
    const fact: CommandFact = {
      index: this.facts.commands.length,
      span: ctx.span,
      program: '',
      name: '',
      name_dynamic: false,
      name_from_substitution: false,
      name_obfuscated: false,
      path_given: false,
      args: [],
      dynamic_args: [],
      flags: [],
      positionals: [],
      subcommand: '',
      wrappers: [],
      privileged: ctx.privileged,
      env: [],
      redirects: [],
      reads: [],
      writes: [],
      deletes: [],
      network: false,
      targets: [],
      uploads: false,
      listens: false,
      shell: false,
      interpreter: false,
      runs_code: 'none',
      inline_code: '',
      code_dynamic: false,
      runs_command: [],
      decodes: false,
      stdin: ctx.stdinPiped ? 'pipe' : 'inherit',
      pipeline: ctx.pipeline,
      stage: ctx.stage,
      parent: ctx.parent,
      via: ctx.via,
      in_function: ctx.inFunction,
      in_loop: ctx.inLoop,
      background: ctx.background,
      markers: [],
    };
    this.facts.commands.push(fact);
    return fact;
  }

  assignment(a: ShNode, scope: AssignmentFact['scope'], index: number, ctx: Context): AssignmentFact | undefined {
    const name: string = a.Name?.Value ?? '';
    let value = '';
    let dynamic = false;
    let known: string | null = '';
    if (a.Value) {
      const v = this.word(a.Value);
      value = showDynamic(v.text);
      dynamic = v.dynamic;
      known = v.dynamic ? null : v.text;
      this.walkNested(v, index, ctx);
    }
    const elems: (string | null)[] = [];
    if (a.Array) {
      for (const e of a.Array.Elems ?? []) {
        const ev = e.Value ? this.word(e.Value) : undefined;
        if (ev) this.walkNested(ev, index, ctx);
        elems.push(e.Index || !ev || ev.dynamic || ev.glob ? null : ev.text);
        if (e.Index) {
          const v = this.scratchWord();
          arithm(v, e.Index);
          this.walkNested(v, index, ctx);
        }
      }
      dynamic = true;
    }
    if (a.Index) {
      const v = this.scratchWord();
      arithm(v, a.Index);
      this.walkNested(v, index, ctx);
    }
    if (!name) return undefined;
    if (scope !== 'command') {
      const i = a.Index ? this.word(a.Index) : undefined;
      if (a.Array) this.state.setArray(name, elems);
      else if (i) this.state.set(name, i.dynamic ? null : known, i.dynamic ? undefined : i.text);
      else if (a.Append) {
        const before = this.state.lookup(name);
        this.state.set(name, before === undefined || known === null ? null : before + known);
      } else this.state.set(name, known);
    }
    const fact: AssignmentFact = { name: this.state.resolveName(name), value, dynamic, scope, command_index: index };
    this.facts.assignments.push(fact);
    return fact;
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
    recordState(this, fact, words, ctx);
    recordWrittenFiles(this, fact, call, ctx);
  }

  /** Fill in a command from its words: unwrap wrappers, then describe the program. */
  command(fact: CommandFact, words: WordValue[], ctx: Context): void {
    const rest = unwrap(this, fact, words, ctx);
    if (rest === null) return;
    this.lastRest = rest;
    const override = this.commandCwd;
    this.commandCwd = undefined;
    if (!override) {
      describeProgram(this, fact, rest, ctx);
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
    for (const r of redirs) {
      const op = shellOps().redirect.get(r.Op as number) ?? '?';
      const v = this.word(r.Word);
      this.walkNested(v, fact.index, ctx);
      const fd: string | null = r.N ? (r.N.Value as string) : null;
      let kind: (typeof fact.redirects)[number]['kind'];
      if (op === '<<' || op === '<<-') {
        kind = 'heredoc';
        if (r.Hdoc) {
          // A quoted delimiter keeps the body as written; otherwise it reads as if in double quotes.
          const body = v.quoted ? { ...this.scratchWord(), text: (r.Hdoc.Parts ?? []).map((x: ShNode) => (x.Value as string) ?? '').join('') } : this.word({ type: 'Word', Parts: [{ type: 'DblQuoted', Parts: r.Hdoc.Parts ?? [] }] });
          this.walkNested(body, fact.index, ctx);
          fact.inline_code = showDynamic(body.text);
          fact.code_dynamic = fact.code_dynamic || body.dynamic;
        }
        fact.stdin = 'heredoc';
      } else if (op === '<<<') {
        kind = 'herestring';
        fact.stdin = 'herestring';
        fact.inline_code = showDynamic(v.text);
        fact.code_dynamic = v.dynamic;
      } else if (op === '>&' || op === '<&') {
        kind = /^([0-9]+-?|-)$/.test(v.text) ? 'dup' : 'write';
      } else if (op === '<') {
        kind = 'read';
        if (fd === null || fd === '0') fact.stdin = 'file';
      } else if (op === '<>') kind = 'read-write';
      else if (op === '>>' || op === '&>>') kind = 'append';
      else kind = 'write';
      let classes: string[] = [];
      if (kind !== 'dup' && kind !== 'heredoc' && kind !== 'herestring') {
        const p = this.path(v);
        classes = p.classes;
        if (kind === 'read' || kind === 'read-write') fact.reads.push(p);
        if (kind === 'write' || kind === 'append' || kind === 'read-write') {
          if (!p.classes.includes('pseudo-device')) fact.writes.push(p);
        }
        if (p.classes.includes('network-socket')) {
          fact.network = true;
          fact.targets.push(v.text);
          if (kind !== 'read') fact.uploads = true;
        }
      }
      fact.redirects.push({ op, fd, target: showDynamic(v.text), kind, dynamic: v.dynamic, classes });
    }
  }

  path(v: WordValue) {
    return linkedPath(this, classifyWord(v, this.cwd, this.workspace), v);
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
    const fact = this.newCommand(ctx);
    const variant: string = cmd.Variant?.Value ?? 'declare';
    fact.program = variant;
    fact.name = variant;
    const args: ShNode[] = cmd.Args ?? [];
    const nakedWords = expandWords(args.filter((a) => a.Naked).map((a) => (a.Value ? this.word(a.Value) : { ...this.scratchWord(), text: a.Name?.Value ?? '' })), this.state);
    for (const v of nakedWords) this.walkNested(v, fact.index, ctx);
    const naked = nakedWords.map((w) => w.text);
    fact.args = naked.map(showDynamic);
    fact.flags = naked.filter((a) => a.startsWith('-')).flatMap((a) => a.slice(1).split(''));
    const exported = variant === 'export' || fact.flags.includes('x');
    const scope = exported ? 'export' : 'shell';
    for (const a of args) {
      if (a.Naked) continue;
      const f = this.assignment(a, scope, fact.index, ctx);
      if (f) fact.env.push({ name: f.name, value: f.value, dynamic: f.dynamic });
      if (f && fact.flags.includes('n') && !f.dynamic) this.state.nameref(f.name, f.value);
      if (f && fact.flags.includes('i')) arithRefs(this, f.value.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [], fact.index, ctx);
    }
    // `export "X=1"` and `declare "X=1"`: a quoted word that still assigns.
    nakedWords.forEach((w) => {
      const m = w && /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/.exec(w.text);
      if (!w || !m) return;
      if (fact.flags.includes('n') && !w.dynamic) this.state.nameref(m[1], m[2]);
      else this.state.set(m[1], w.dynamic ? null : m[2]);
      this.facts.assignments.push({ name: m[1], value: showDynamic(m[2]), dynamic: w.dynamic, scope, command_index: fact.index });
      fact.env.push({ name: m[1], value: showDynamic(m[2]), dynamic: w.dynamic });
    });
    this.redirects(fact, redirs, ctx);
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

