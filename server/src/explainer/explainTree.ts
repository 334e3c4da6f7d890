// Walks a parsed command and explains every part of it: programs and their
// options, arguments, redirections, operators, substitutions, assignments and
// compound commands. Options are explained only from the program's manual or
// --help text; what no source explains is said to be unknown.

import type { ExplainPart } from '../protocol/types';
import type { Knowledge } from './knowledgeMatch';
import type { Manual } from './manualParse';
import { nodeType, ShellLimitError, ShellParseError, type ShNode } from '../shell/parser';
import { literalValue, parseWithSource, walkTree, wordKinds, type ShellTree } from '../shell/source';
import { compoundPhrase } from './explainCompound';
import { explainProgram, type Replacement } from './explainProgram';
import { operatorNotes, redirectNote, substitutionNotes, wordNote } from './syntaxNotes';

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
  readonly functions = new Set<string>();

  constructor(
    readonly tree: ShellTree,
    readonly manuals: ManualProvider,
    readonly signal?: AbortSignal,
    readonly knowledge?: Knowledge,
    readonly depth = 0,
  ) {}

  add(part: ExplainPart): number {
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

  async command(cmd: ShNode): Promise<string> {
    const type = nodeType(cmd);
    if (type === 'CallExpr') return this.call(cmd);
    if (type === 'BinaryCmd') {
      const left = await this.stmt(cmd.X);
      const op = this.opAt(cmd.OpPos, ['&&', '||', '|&', '|']);
      this.add({ kind: op.startsWith('|') && op !== '||' ? 'pipe' : 'operator', text: op, explanation: operatorNotes[op], source: 'syntax' });
      const right = await this.stmt(cmd.Y);
      const joint = op === '&&' ? ', and if that succeeds, ' : op === '||' ? ', or if that fails, ' : ', piped into ';
      return `${left}${joint}${right}`;
    }
    return compoundPhrase(this, cmd, type);
  }

  async assignment(assign: ShNode, context: string): Promise<void> {
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
  async plainWord(word: ShNode, explanation: string, program?: number, source: ExplainPart['source'] = 'syntax'): Promise<void> {
    const note = wordNote(wordKinds(word), this.tree.of(word));
    this.add({ kind: 'argument', text: this.tree.of(word), explanation: note ? `${explanation}; ${note}` : explanation, source, program });
    await this.wordSubstitutions(word);
  }

  /** Arithmetic, command and process substitutions inside a word, explained in place. */
  async wordSubstitutions(word: ShNode): Promise<void> {
    for (const part of word.Parts ?? []) {
      const parts: ShNode[] = nodeType(part) === 'DblQuoted' ? (part.Parts ?? []) : [part];
      for (const p of parts) {
        if (nodeType(p) === 'ArithmExp') this.add({ kind: 'substitution', text: this.tree.of(p), explanation: substitutionNotes.arithmetic, source: 'syntax' });
      }
    }
    await this.substitutions(word);
  }

  /** Command and process substitutions anywhere inside a node (words, expansions, tests, arithmetic), explained in place. */
  async substitutions(node: ShNode): Promise<void> {
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
  program(words: ShNode[], from: number, until = words.length, replaced?: Replacement): Promise<string> {
    return explainProgram(this, words, from, until, replaced);
  }

  async nested(script: string): Promise<string> {
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
}
