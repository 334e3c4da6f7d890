// Walks a parsed command and explains every part of it: programs and their
// options, arguments, redirections, operators, substitutions, assignments and
// compound commands. Options are explained only from the program's manual or
// --help text; what no source explains is said to be unknown.

import type { ExplainPart } from '../protocol/types';
import type { Knowledge } from './knowledgeMatch';
import type { Manual, OptionDoc } from './manualParse';
import { builtins, isLookupName, shapes } from './programShapes';
import { nodeType, ShellLimitError, ShellParseError, type ShNode } from '../shell/parser';
import { literalValue, parseWithSource, walkTree, wordKinds, type ShellTree } from '../shell/source';
import { splitArgs, type ArgItem, type ArgWord, type SplitOptions } from './splitArgs';
import { SHELLS } from '../shell/programs';
import { isWrapper, programName, wrapperOptionsEnd, wrapperStep, xargsFeed, xargsToken } from '../shell/wrappers';
import { DYNAMIC, wordValue, type WordValue } from '../shell/words';
import { compoundNotes, operatorNotes, redirectNote, substitutionNotes, wordNote } from './syntaxNotes';

export interface FoundManual {
  manual: Manual;
  /** Where it was read, for a person: `host`, `image paladin-test:busybox`. */
  origin: string;
}

export interface ManualProvider {
  /** Looks several programs up at once (one sandbox run for all of them). */
  prefetch(names: string[], signal?: AbortSignal): Promise<void>;
  get(name: string, signal?: AbortSignal): Promise<FoundManual | null>;
}

export class TreeExplainer {
  readonly parts: ExplainPart[] = [];
  /** The program each simple command finally runs, wrappers taken off ('' when known only at run time), in the order explained. */
  readonly ran: string[] = [];
  private readonly functions = new Set<string>();

  constructor(
    private readonly tree: ShellTree,
    private readonly manuals: ManualProvider,
    private readonly signal?: AbortSignal,
    private readonly knowledge?: Knowledge,
    private readonly depth = 0,
  ) {}

  private add(part: ExplainPart): number {
    this.parts.push(part);
    return this.parts.length - 1;
  }

  private opAt(offset: number, candidates: string[]): string {
    const text = this.tree.text(offset, offset + 3);
    return candidates.find((c) => text.startsWith(c)) ?? candidates[candidates.length - 1];
  }

  /** Explains a list of statements; returns a phrase for the summary. */
  async stmts(list: ShNode[]): Promise<string> {
    const phrases: string[] = [];
    for (let i = 0; i < list.length; i++) {
      phrases.push(await this.stmt(list[i]));
      const stmt = list[i];
      if (stmt.Background) this.add({ kind: 'operator', text: '&', explanation: operatorNotes['&'], source: 'syntax' });
      else if (i < list.length - 1 && stmt.Semicolon >= 0) this.add({ kind: 'operator', text: ';', explanation: operatorNotes[';'], source: 'syntax' });
    }
    return phrases.filter(Boolean).join('; then ');
  }

  async stmt(stmt: ShNode): Promise<string> {
    this.signal?.throwIfAborted();
    if (stmt.Negated) this.add({ kind: 'operator', text: '!', explanation: operatorNotes['!'], source: 'syntax' });
    let phrase = stmt.Cmd ? await this.command(stmt.Cmd) : '';
    const notes: string[] = [];
    for (const redir of stmt.Redirs) notes.push(await this.redirect(redir));
    if (notes.length > 0) phrase += ` (${notes.join(', ')})`;
    if (stmt.Background) phrase += ' in the background';
    return phrase;
  }

  private async redirect(redir: ShNode): Promise<string> {
    const start = redir.N ? redir.N.Pos : redir.OpPos;
    const op = this.opAt(redir.OpPos, ['&>>', '<<<', '<<-', '>>', '<<', '&>', '>&', '<&', '>|', '<>', '>', '<']);
    const target = this.tree.of(redir.Word);
    const quoted = wordKinds(redir.Word).has('SglQuoted') || wordKinds(redir.Word).has('DblQuoted') || target.includes('\\');
    let explanation = redirectNote(op, redir.N ? redir.N.Value : null, op.startsWith('<<') && op !== '<<<' ? (literalValue(redir.Word) ?? target) : target, quoted);
    if (redir.Hdoc) {
      // The node's text runs through the closing delimiter line.
      const body = this.tree.of(redir.Hdoc).split('\n');
      if (body.length > 0 && body[body.length - 1].replace(/^\t+/, '') === (literalValue(redir.Word) ?? target)) body.pop();
      if (body.length > 0 && body[body.length - 1] === '') body.pop();
      const lines = body.length;
      explanation += ` (${lines} line${lines === 1 ? '' : 's'})`;
    }
    this.add({ kind: 'redirect', text: this.tree.text(start, redir.Word.End), explanation, source: 'syntax' });
    await this.wordSubstitutions(redir.Word);
    if (redir.Hdoc && !quoted) await this.wordSubstitutions(redir.Hdoc);
    if (op === '<<' || op === '<<-') return 'with a here-document as input';
    if (op === '<<<') return 'with a here-string as input';
    if (target === '/dev/null') return `${op.startsWith('2') || redir.N?.Value === '2' ? 'errors' : 'output'} discarded`;
    if (op.includes('>') && !/^\d+$/.test(target)) return `${redir.N?.Value === '2' ? 'errors' : 'output'} ${op.includes('>>') ? 'appended' : 'written'} to ${target}`;
    if (op === '<') return `reading ${target}`;
    return '';
  }

  private async command(cmd: ShNode): Promise<string> {
    const type = nodeType(cmd);
    switch (type) {
      case 'CallExpr':
        return this.call(cmd);
      case 'BinaryCmd': {
        const left = await this.stmt(cmd.X);
        const op = this.opAt(cmd.OpPos, ['&&', '||', '|&', '|']);
        this.add({ kind: op.startsWith('|') && op !== '||' ? 'pipe' : 'operator', text: op, explanation: operatorNotes[op], source: 'syntax' });
        const right = await this.stmt(cmd.Y);
        const joint = op === '&&' ? ', and if that succeeds, ' : op === '||' ? ', or if that fails, ' : ', piped into ';
        return `${left}${joint}${right}`;
      }
      case 'Subshell':
        this.add({ kind: 'operator', text: '( … )', explanation: compoundNotes.subshell, source: 'syntax' });
        return `in a subshell: ${await this.stmts(cmd.Stmts)}`;
      case 'Block':
        this.add({ kind: 'operator', text: '{ … }', explanation: compoundNotes.block, source: 'syntax' });
        return this.stmts(cmd.Stmts);
      case 'IfClause': {
        this.add({ kind: 'operator', text: 'if', explanation: compoundNotes.if, source: 'syntax' });
        const cond = await this.stmts(cmd.Cond);
        const then = await this.stmts(cmd.Then);
        const other = cmd.Else ? await this.command(cmd.Else) : '';
        return `if ${cond} succeeds: ${then}${other ? `; otherwise ${other}` : ''}`;
      }
      case 'WhileClause': {
        const word = cmd.Until ? 'until' : 'while';
        this.add({ kind: 'operator', text: word, explanation: compoundNotes[word], source: 'syntax' });
        const cond = await this.stmts(cmd.Cond);
        return `${word} ${cond} succeeds: ${await this.stmts(cmd.Do)}`;
      }
      case 'ForClause': {
        this.add({ kind: 'operator', text: 'for', explanation: compoundNotes.for, source: 'syntax' });
        const loop = cmd.Loop;
        if (nodeType(loop) === 'WordIter') {
          this.add({ kind: 'assignment', text: loop.Name.Value, explanation: `loop variable, set to each word in turn`, source: 'syntax' });
          for (const w of loop.Items) await this.plainWord(w, `a word ${loop.Name.Value} takes in turn`);
        } else await this.substitutions(loop);
        return `for each item: ${await this.stmts(cmd.Do)}`;
      }
      case 'CaseClause': {
        this.add({ kind: 'operator', text: 'case', explanation: compoundNotes.case, source: 'syntax' });
        await this.substitutions(cmd.Word);
        const branches: string[] = [];
        for (const item of cmd.Items) {
          for (const pattern of item.Patterns ?? []) await this.substitutions(pattern);
          branches.push(await this.stmts(item.Stmts));
        }
        return `depending on ${this.tree.of(cmd.Word)}: ${branches.join(' or ')}`;
      }
      case 'FuncDecl': {
        const name = cmd.Name.Value as string;
        this.functions.add(name);
        this.add({ kind: 'operator', text: `${name}()`, explanation: compoundNotes.function, source: 'syntax' });
        return `defines function ${name} (${await this.stmt(cmd.Body)})`;
      }
      case 'DeclClause': {
        const variant = this.tree.of(cmd.Variant);
        this.ran.push(variant);
        this.add({ kind: 'program', text: variant, explanation: builtins[variant] ?? 'shell builtin', source: 'syntax' });
        for (const assign of cmd.Args) await this.assignment(assign, variant);
        return `${variant} ${cmd.Args.map((a: ShNode) => this.tree.of(a)).join(' ')}`;
      }
      case 'TestClause':
        this.add({ kind: 'operator', text: this.tree.of(cmd), explanation: compoundNotes.test, source: 'syntax' });
        await this.substitutions(cmd);
        return `tests ${this.tree.of(cmd)}`;
      case 'ArithmCmd':
        this.add({ kind: 'operator', text: this.tree.of(cmd), explanation: compoundNotes.arithmetic, source: 'syntax' });
        await this.substitutions(cmd);
        return `evaluates ${this.tree.of(cmd)}`;
      case 'TimeClause':
        this.add({ kind: 'program', text: 'time', explanation: builtins.time, source: 'syntax' });
        return cmd.Stmt ? `times ${await this.stmt(cmd.Stmt)}` : 'time';
      case 'CoprocClause':
        this.add({ kind: 'operator', text: 'coproc', explanation: compoundNotes.coproc, source: 'syntax' });
        return `as a coprocess: ${await this.stmt(cmd.Stmt)}`;
      case 'LetClause':
        this.add({ kind: 'program', text: 'let', explanation: builtins.let, source: 'syntax' });
        await this.substitutions(cmd);
        return `evaluates ${this.tree.of(cmd)}`;
      default:
        this.add({ kind: 'operator', text: this.tree.of(cmd), explanation: `a ${type} construct Paladin does not explain`, source: 'unknown' });
        return this.tree.of(cmd);
    }
  }

  private async assignment(assign: ShNode, context: string): Promise<void> {
    const name = assign.Name ? assign.Name.Value : '';
    const value = assign.Value ? this.tree.of(assign.Value) : '';
    const what =
      context === 'prefix'
        ? `sets ${name} to ${value || 'an empty value'} in the environment of this command only`
        : context === 'export'
          ? `sets ${name}${assign.Naked ? '' : ` to ${value || 'an empty value'}`} and passes it to the commands this shell runs`
          : `sets the ${context === 'shell' ? 'shell ' : ''}variable ${name}${assign.Naked ? '' : ` to ${value || 'an empty value'}`}${context === 'local' ? ' inside the function' : ''}`;
    this.add({ kind: 'assignment', text: this.tree.of(assign), explanation: assign.Append ? what.replace('sets', 'appends to') : what, source: 'syntax' });
    if (assign.Value) await this.wordSubstitutions(assign.Value);
    if (assign.Array) await this.substitutions(assign.Array);
    if (assign.Index) await this.substitutions(assign.Index);
  }

  /** An argument with no program-specific meaning (loop items, a dynamic program's words). */
  private async plainWord(word: ShNode, explanation: string, program?: number, source: ExplainPart['source'] = 'syntax'): Promise<void> {
    const note = wordNote(wordKinds(word), this.tree.of(word));
    this.add({ kind: 'argument', text: this.tree.of(word), explanation: note ? `${explanation}; ${note}` : explanation, source, program });
    await this.wordSubstitutions(word);
  }

  /** Arithmetic, command and process substitutions inside a word, explained in place. */
  private async wordSubstitutions(word: ShNode): Promise<void> {
    for (const part of word.Parts ?? []) {
      const parts: ShNode[] = nodeType(part) === 'DblQuoted' ? (part.Parts ?? []) : [part];
      for (const p of parts) {
        if (nodeType(p) === 'ArithmExp') this.add({ kind: 'substitution', text: this.tree.of(p), explanation: substitutionNotes.arithmetic, source: 'syntax' });
      }
    }
    await this.substitutions(word);
  }

  /** Command and process substitutions anywhere inside a node (words, expansions, tests, arithmetic), explained in place. */
  private async substitutions(node: ShNode): Promise<void> {
    const found: ShNode[] = [];
    walkTree(node, (n) => {
      if (n.type !== 'CmdSubst' && n.type !== 'ProcSubst') return true;
      found.push(n);
      return false;
    });
    for (const sub of found) {
      const text = this.tree.of(sub);
      const note = sub.type === 'CmdSubst' ? substitutionNotes.command : text.startsWith('>') ? substitutionNotes.processOut : substitutionNotes.processIn;
      this.add({ kind: 'substitution', text, explanation: note, source: 'syntax' });
      await this.stmts(sub.Stmts ?? []);
    }
  }

  private async call(cmd: ShNode): Promise<string> {
    for (const assign of cmd.Assigns) await this.assignment(assign, cmd.Args.length > 0 ? 'prefix' : 'shell');
    if (cmd.Args.length === 0) return `sets ${cmd.Assigns.map((a: ShNode) => a.Name.Value).join(', ')}`;
    return this.program(cmd.Args, 0);
  }

  /** Explains words[from..until) as one program with its arguments; returns a summary phrase. */
  private async program(words: ShNode[], from: number, until = words.length, replaced?: Replacement): Promise<string> {
    const head = words[from];
    const written = this.tree.of(head);
    // What xargs feeds the command it runs is part of its words, as the policy reads them.
    const own = words.slice(from, until).map((w) => wordValue(w));
    const values = replaced?.by === 'xargs' ? xargsFeed(own, replaced.token, XARGS_INPUT) : own;
    // find puts each path it finds where `{}` is: a program named so is known only when it runs.
    if (replaced?.by === 'find' && values[0].text.includes('{}')) values[0] = { ...values[0], dynamic: true };
    const name = programName(values[0]);
    if (values[0].dynamic || values[0].glob) {
      this.ran.push(name);
      const why = values[0].dynamic ? 'the program name comes from an expansion' : 'the program name is a pattern';
      const index = this.add({ kind: 'program', text: written, explanation: `${why}, so what runs is known only when it runs`, source: 'unknown' });
      await this.wordSubstitutions(head);
      for (let i = from + 1; i < until; i++) await this.plainWord(words[i], 'argument to a program known only at run time', index, 'unknown');
      return `a program named by ${written}`;
    }
    if (this.functions.has(name)) {
      this.ran.push(name);
      const index = this.add({ kind: 'program', text: written, explanation: `runs the shell function ${name} defined in this command`, source: 'syntax' });
      for (let i = from + 1; i < until; i++) await this.plainWord(words[i], `argument to the function ${name}`, index);
      return `function ${name}`;
    }
    const found = isLookupName(name) ? await this.manuals.get(name, this.signal) : null;
    const { index, phrase } = this.programPart(name, written, found);
    const argWords: ArgWord[] = words.slice(from + 1, until).map((w, k) => ({ text: this.tree.of(w), value: own[k + 1].dynamic || own[k + 1].glob ? null : own[k + 1].text }));
    const wrapped = this.wrapped(name, values.slice(1), own.length - 1);
    return this.programArgs({ name, index, phrase, found, argWords, nodes: words.slice(from + 1, until), wrapped, replaced });
  }

  /** The program's own part: from its manual, a builtin's note, Paladin's knowledge, or unknown. */
  private programPart(name: string, written: string, found: FoundManual | null): { index: number; phrase: string } {
    if (found) {
      const what = found.manual.summary || `${name}`;
      const index = this.add({ kind: 'program', text: written, explanation: `${what} (${found.origin})`, source: found.manual.kind });
      return { index, phrase: found.manual.summary ? `${name} (${lowerFirst(found.manual.summary)})` : name };
    }
    if (builtins[name]) {
      const index = this.add({ kind: 'program', text: written, explanation: builtins[name], source: 'syntax' });
      return { index, phrase: `${name} (${builtins[name].replace(/^shell (builtin|keyword): /, '')})` };
    }
    const known = this.knowledge?.forProgram(name);
    if (known) {
      const index = this.add({ kind: 'program', text: written, explanation: `no man page or --help text for ${name} was found; Paladin's command knowledge uses it in \`${known.template}\`: ${known.explanation}`, source: 'knowledge' });
      return { index, phrase: name };
    }
    const index = this.add({ kind: 'program', text: written, explanation: `unknown program: no man page or --help text for ${name} was found in the sandbox image or on the host`, source: 'unknown' });
    return { index, phrase: `${name} (unknown program)` };
  }

  /**
   * Where a wrapper's command begins, by the same rules the policy unwraps
   * with; records what finally runs when it is not a command of its own.
   */
  private wrapped(name: string, args: WordValue[], written: number): SplitOptions['wrapped'] {
    if (!isWrapper(name)) {
      this.ran.push(name);
      return undefined;
    }
    const step = wrapperStep(name, args);
    if (step.kind === 'self' || step.kind === 'code') this.ran.push(name);
    else if (step.kind === 'replaced') this.ran.push(step.program);
    else if (step.at >= args.length) this.ran.push('echo');
    // The command is xargs' input itself: known only when it runs.
    else if (step.at >= written) this.ran.push('');
    else if (step.kind === 'runs') return { at: step.at, assignments: [step.options, step.options + step.assignments] };
    else return { at: step.at };
    return undefined;
  }

  private async programArgs(p: ProgramArgs): Promise<string> {
    const { name, index, found, argWords, nodes, wrapped, replaced } = p;
    let { phrase } = p;
    const shape = shapes[name];
    let split = splitArgs(argWords, { manual: found?.manual, shape, program: name, wrapped });
    let manual = found;
    const flags: string[] = [];
    const inner: string[] = [];
    for (;;) {
      for (const item of split.items) {
        const r = await this.item(item, argWords, nodes, name, manual, index, { replaced, replaceFor: replacementFor(name, argWords) });
        if (r.flag) flags.push(r.flag);
        if (r.inner) inner.push(r.inner);
      }
      if (split.subcommandAt === undefined) break;
      const sub = argWords[split.subcommandAt].value ?? '';
      const subManual = isLookupName(`${name}-${sub}`) ? await this.manuals.get(`${name}-${sub}`, this.signal) : null;
      phrase += this.subcommandPart(name, sub, argWords[split.subcommandAt].text, index, found, subManual);
      if (subManual) manual = subManual;
      split = splitArgs(argWords, { manual: manual?.manual, shape: { valued: shape?.valued }, from: split.subcommandAt + 1, afterSubcommand: true, program: name });
    }
    if (flags.length > 0) phrase += ` with ${flags.join(', ')}`;
    if (inner.length > 0) phrase += `, running ${inner.join(' and ')}`;
    // `sh -c 'script'`: the script is a command in its own right.
    if (SHELLS.has(name) && this.depth < 3) {
      const c = split.items.findIndex((it) => it.kind === 'flag' && it.name === '-c');
      const script = split.items.slice(c + 1).find((it) => it.kind === 'argument');
      if (c >= 0 && script && script.kind === 'argument' && argWords[script.word].value) {
        phrase += `, running the script: ${await this.nested(argWords[script.word].value ?? '')}`;
      }
    }
    return phrase;
  }

  /** The subcommand's part (`git log`); returns what it adds to the phrase. */
  private subcommandPart(name: string, sub: string, text: string, index: number, found: FoundManual | null, subManual: FoundManual | null): string {
    const described = subManual?.manual.summary || found?.manual.terms[sub] || found?.manual.terms[`${name}-${sub}`];
    const known = described ? null : this.knowledge?.forProgram(name, sub);
    if (known) {
      this.add({ kind: 'subcommand', text, explanation: `Paladin's command knowledge uses it in \`${known.template}\`: ${known.explanation}`, source: 'knowledge', program: index });
      return ` ${sub}`;
    }
    this.add({
      kind: 'subcommand',
      text,
      explanation: described ? `${described}${subManual ? ` (${name}-${sub}: ${subManual.origin})` : ''}` : `subcommand of ${name}; ${found ? `its manual does not describe "${sub}"` : 'no manual for it was found'}`,
      source: described ? (subManual?.manual.kind ?? found?.manual.kind ?? 'manual') : 'unknown',
      program: index,
    });
    return ` ${sub}${described ? ` (${lowerFirst(described)})` : ''}`;
  }

  private async nested(script: string): Promise<string> {
    let tree: ShellTree;
    try {
      tree = parseWithSource(script);
    } catch (err) {
      if (!(err instanceof ShellParseError || err instanceof ShellLimitError)) throw err;
      this.add({ kind: 'argument', text: script, explanation: 'a script that does not parse as bash', source: 'unknown' });
      return 'a script that does not parse';
    }
    const child = new TreeExplainer(tree, this.manuals, this.signal, this.knowledge, this.depth + 1);
    const phrase = await child.stmts(tree.file.Stmts);
    const offset = this.parts.length;
    for (const part of child.parts) this.parts.push(part.program === undefined ? part : { ...part, program: part.program + offset });
    return phrase;
  }

  private async item(
    item: ArgItem,
    argWords: ArgWord[],
    nodes: ShNode[],
    name: string,
    found: FoundManual | null,
    index: number,
    context: { replaced?: Replacement; replaceFor?: Replacement },
  ): Promise<{ flag?: string; inner?: string }> {
    const source: ExplainPart['source'] = found ? found.manual.kind : 'unknown';
    const fromManual = (option: OptionDoc | undefined, shown: string): { explanation: string; source: ExplainPart['source'] } =>
      option
        ? { explanation: option.description, source }
        : found
          ? { explanation: `unknown option: ${found.manual.kind === 'manual' ? 'the man page' : 'the --help text'} of ${name} does not list ${shown}`, source: 'unknown' }
          : { explanation: `not explained: no man page or --help text for ${name} was found`, source: 'unknown' };
    switch (item.kind) {
      case 'flag': {
        const base = fromManual(item.option, item.numeric ? '-NUM' : item.name);
        const explanation = item.attached !== undefined ? `${base.explanation} (value: ${item.attached})` : base.explanation;
        this.add({ kind: 'flag', text: item.text, explanation, source: base.source, program: index });
        return { flag: item.attached !== undefined ? `${item.name}=${item.attached}` : item.text.startsWith('-') || item.text.startsWith('+') ? item.text : item.name };
      }
      case 'value': {
        const base = fromManual(item.option, item.of);
        const meaning = item.option?.values && argWords[item.word].value !== null ? item.option.values[argWords[item.word].value as string] : undefined;
        const what = (item.option?.valueName ? `${item.option.valueName} for ${item.of}` : `value for ${item.of}`) + (meaning ? `: ${meaning}` : '');
        this.add({ kind: 'argument', text: item.text, explanation: item.option ? what : `${what}; ${base.explanation}`, source: base.source, program: index });
        await this.wordSubstitutions(nodes[item.word]);
        return {};
      }
      case 'argument': {
        const kinds = wordKinds(nodes[item.word]);
        const note = wordNote(kinds, item.text);
        const token = context.replaced?.token;
        const replaced = token && argWords[item.word].value?.includes(token) ? context.replaced : undefined;
        const explanation = replaced ? replaced.note : item.placeholder ? `${item.placeholder.name} in the synopsis of ${name}` : `argument to ${name}`;
        this.add({ kind: 'argument', text: item.text, explanation: note ? `${explanation}; ${note}` : explanation, source: replaced ? replaced.source : item.placeholder ? source : 'syntax', program: index });
        await this.wordSubstitutions(nodes[item.word]);
        return {};
      }
      case 'subcommand':
        return {};
      case 'end':
        this.add({ kind: 'flag', text: item.text, explanation: 'ends the options: the words after it are arguments even if they start with -', source: 'syntax', program: index });
        return {};
      case 'assignment': {
        const variable = item.text.slice(0, item.text.indexOf('='));
        this.add({ kind: 'assignment', text: item.text, explanation: `sets ${variable} in the environment of the command ${name} runs`, source: 'syntax', program: index });
        await this.wordSubstitutions(nodes[item.word]);
        return {};
      }
      case 'command': {
        if (item.word >= item.until) return {};
        // A wrapper passes on what an outer xargs feeds it; find and xargs feed their own.
        const phrase = await this.program(nodes, item.word, item.until, context.replaceFor ?? context.replaced);
        if (item.terminator !== undefined) {
          const t = argWords[item.terminator].value;
          this.add({
            kind: 'argument',
            text: argWords[item.terminator].text,
            explanation: t === '+' ? 'ends the command; {} is replaced by as many file names as fit, and the command runs once per batch' : 'ends the command; it runs once for each file found',
            source: found?.manual.options['-exec'] ? source : 'syntax',
            program: index,
          });
        }
        return { inner: phrase };
      }
    }
  }
}

interface ProgramArgs {
  name: string;
  index: number;
  phrase: string;
  found: FoundManual | null;
  argWords: ArgWord[];
  nodes: ShNode[];
  wrapped: SplitOptions['wrapped'];
  replaced?: Replacement;
}

/** What the outer program feeds the command it runs: find's `{}`, xargs -I's string, or xargs' input words appended (token null). */
interface Replacement {
  by: 'find' | 'xargs';
  token: string | null;
  note: string;
  source: ExplainPart['source'];
}

const XARGS_INPUT: WordValue = { text: DYNAMIC, dynamic: true, glob: false, quoted: false, ansiC: false, nested: [], unknown: [], fromSubstitution: false, procSubst: '' };

function replacementFor(name: string, words: ArgWord[]): Replacement | undefined {
  if (name === 'find') return { by: 'find', token: '{}', note: 'replaced by find with the path of each file found', source: 'syntax' };
  if (name !== 'xargs') return undefined;
  const texts = words.map((w) => ({ text: w.value ?? DYNAMIC, dynamic: w.value === null }));
  const token = xargsToken(texts, wrapperOptionsEnd('xargs', texts));
  return { by: 'xargs', token, note: 'replaced by xargs with each item read from standard input', source: 'syntax' };
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}
