// The compound commands of a parsed command (subshells, blocks, if, loops,
// case, functions, declarations, tests, arithmetic), each explained as
// syntax with its inner statements walked by the tree explainer.

import { builtins } from './programShapes';
import { nodeType, type ShNode } from '../shell/parser';
import { compoundNotes } from './syntaxNotes';
import type { TreeExplainer } from './explainTree';

/** Explains one compound command; returns a phrase for the summary. */
export async function compoundPhrase(ex: TreeExplainer, cmd: ShNode, type: string): Promise<string> {
  switch (type) {
    case 'Subshell':
      ex.add({ kind: 'operator', text: '( … )', explanation: compoundNotes.subshell, source: 'syntax' });
      return `in a subshell: ${await ex.stmts(cmd.Stmts)}`;
    case 'Block':
      ex.add({ kind: 'operator', text: '{ … }', explanation: compoundNotes.block, source: 'syntax' });
      return ex.stmts(cmd.Stmts);
    case 'IfClause': {
      ex.add({ kind: 'operator', text: 'if', explanation: compoundNotes.if, source: 'syntax' });
      const cond = await ex.stmts(cmd.Cond);
      const then = await ex.stmts(cmd.Then);
      const other = cmd.Else ? await ex.command(cmd.Else) : '';
      return `if ${cond} succeeds: ${then}${other ? `; otherwise ${other}` : ''}`;
    }
    case 'WhileClause': {
      const word = cmd.Until ? 'until' : 'while';
      ex.add({ kind: 'operator', text: word, explanation: compoundNotes[word], source: 'syntax' });
      const cond = await ex.stmts(cmd.Cond);
      return `${word} ${cond} succeeds: ${await ex.stmts(cmd.Do)}`;
    }
    case 'ForClause': {
      ex.add({ kind: 'operator', text: 'for', explanation: compoundNotes.for, source: 'syntax' });
      const loop = cmd.Loop;
      if (nodeType(loop) === 'WordIter') {
        ex.add({ kind: 'assignment', text: loop.Name.Value, explanation: `loop variable, set to each word in turn`, source: 'syntax' });
        for (const w of loop.Items) await ex.plainWord(w, `a word ${loop.Name.Value} takes in turn`);
      } else await ex.substitutions(loop);
      return `for each item: ${await ex.stmts(cmd.Do)}`;
    }
    case 'CaseClause': {
      ex.add({ kind: 'operator', text: 'case', explanation: compoundNotes.case, source: 'syntax' });
      await ex.substitutions(cmd.Word);
      const branches: string[] = [];
      for (const item of cmd.Items) {
        for (const pattern of item.Patterns ?? []) await ex.substitutions(pattern);
        branches.push(await ex.stmts(item.Stmts));
      }
      return `depending on ${ex.tree.of(cmd.Word)}: ${branches.join(' or ')}`;
    }
    case 'FuncDecl': {
      const name = cmd.Name.Value as string;
      ex.functions.add(name);
      ex.add({ kind: 'operator', text: `${name}()`, explanation: compoundNotes.function, source: 'syntax' });
      return `defines function ${name} (${await ex.stmt(cmd.Body)})`;
    }
    case 'DeclClause': {
      const variant = ex.tree.of(cmd.Variant);
      ex.ran.push(variant);
      ex.add({ kind: 'program', text: variant, explanation: builtins[variant] ?? 'shell builtin', source: 'syntax' });
      for (const assign of cmd.Args) await ex.assignment(assign, variant);
      return `${variant} ${cmd.Args.map((a: ShNode) => ex.tree.of(a)).join(' ')}`;
    }
    case 'TestClause':
      ex.add({ kind: 'operator', text: ex.tree.of(cmd), explanation: compoundNotes.test, source: 'syntax' });
      await ex.substitutions(cmd);
      return `tests ${ex.tree.of(cmd)}`;
    case 'ArithmCmd':
      ex.add({ kind: 'operator', text: ex.tree.of(cmd), explanation: compoundNotes.arithmetic, source: 'syntax' });
      await ex.substitutions(cmd);
      return `evaluates ${ex.tree.of(cmd)}`;
    case 'TimeClause':
      ex.add({ kind: 'program', text: 'time', explanation: builtins.time, source: 'syntax' });
      return cmd.Stmt ? `times ${await ex.stmt(cmd.Stmt)}` : 'time';
    case 'CoprocClause':
      ex.add({ kind: 'operator', text: 'coproc', explanation: compoundNotes.coproc, source: 'syntax' });
      return `as a coprocess: ${await ex.stmt(cmd.Stmt)}`;
    case 'LetClause':
      ex.add({ kind: 'program', text: 'let', explanation: builtins.let, source: 'syntax' });
      await ex.substitutions(cmd);
      return `evaluates ${ex.tree.of(cmd)}`;
    default:
      ex.add({ kind: 'operator', text: ex.tree.of(cmd), explanation: `a ${type} construct Paladin does not explain`, source: 'unknown' });
      return ex.tree.of(cmd);
  }
}
