// Compound commands in the facts walk: pipelines and lists, conditionals,
// loops, case, and the arithmetic and test clauses. Each walks its parts as
// statements of their own; code that may not run is walked as a branch.

import type { Context, Walker } from './facts';
import { nodeType, shellOps, type ShNode } from '../shell/parser';
import { arithm, showDynamic, type WordValue } from '../shell/words';
import { arithAssigned, testWords } from './arithFacts';
import { testClauseNames } from './nameSubscripts';
import { staticPipeline } from './staticOutput';
import { expandWords } from './stateFacts';

/** Walk a statement's compound command (anything but a simple command). */
export function walkCompound(w: Walker, type: string, cmd: ShNode, redirs: ShNode[], inner: Context): void {
  switch (type) {
    case 'nil':
      return;
    case 'BinaryCmd':
      return binary(w, cmd, inner);
    case 'Subshell': {
      const saved = w.cwd;
      const restore = w.state.snapshot();
      w.stmts(cmd.Stmts, inner);
      restore();
      w.cwd = saved;
      return;
    }
    case 'Block':
      return w.stmts(cmd.Stmts, inner);
    case 'IfClause':
      return ifClause(w, cmd, inner);
    case 'WhileClause':
      return whileClause(w, cmd, inner);
    case 'ForClause':
      return forClause(w, cmd, inner);
    case 'CaseClause':
      return caseClause(w, cmd, inner);
    case 'FuncDecl':
      return w.funcDecl(cmd, inner);
    case 'ArithmCmd':
    case 'LetClause':
      return arithClause(w, type === 'ArithmCmd' ? [cmd.X] : (cmd.Exprs ?? []), inner);
    case 'TestClause': {
      const v = w.scratchWord();
      testWords(cmd.X, v, () => w.scratchWord());
      testClauseNames(w, cmd.X, inner);
      return w.walkNested(v, -1, inner);
    }
    case 'DeclClause':
      return w.declClause(cmd, redirs, inner);
    case 'TimeClause':
      return w.stmt(cmd.Stmt, inner);
    case 'CoprocClause':
      return w.stmt(cmd.Stmt, { ...inner, background: true });
    default:
      w.unknown('unsupported-syntax', `the ${type} construct is not understood by the policy`, -1);
  }
}

function isPipe(op: string | undefined): boolean {
  return op === '|' || op === '|&';
}

/** `a | b` walks each stage with what earlier stages print; `a && b`, `a || b` walk b as a branch. */
function binary(w: Walker, cmd: ShNode, inner: Context): void {
  if (!isPipe(shellOps().binary.get(cmd.Op as number))) {
    w.stmt(cmd.X, inner);
    w.branch(() => w.stmt(cmd.Y, inner));
    return;
  }
  const stages: ShNode[] = [];
  const flatten = (n: ShNode) => {
    const c = n.Cmd;
    if (nodeType(c) === 'BinaryCmd' && isPipe(shellOps().binary.get(c.Op as number)) && (n.Redirs ?? []).length === 0 && !n.Background) {
      flatten(c.X);
      flatten(c.Y);
    } else stages.push(n);
  };
  flatten(cmd.X);
  flatten(cmd.Y);
  const id = w.nextPipeline();
  w.facts.pipelines.push({ id, stages: stages.length });
  stages.forEach((s, i) => {
    const restore = w.state.snapshot();
    const stdinText = i > 0 ? staticPipeline(stages.slice(0, i), w.scope) : inner.stdinText;
    w.stmt(s, { ...inner, pipeline: id, stage: i, stdinPiped: i > 0 || inner.stdinPiped, stdinText });
    restore();
  });
}

function ifClause(w: Walker, cmd: ShNode, inner: Context): void {
  let clause = cmd;
  w.stmts(clause.Cond, inner);
  w.branch(() => {
    while (clause) {
      if (clause !== cmd) w.stmts(clause.Cond, inner);
      w.branch(() => w.stmts(clause.Then, inner));
      clause = clause.Else;
    }
  });
}

function whileClause(w: Walker, cmd: ShNode, inner: Context): void {
  const cond: ShNode[] = cmd.Cond ?? [];
  const always = cond.every((s) => {
    const c = s.Cmd;
    if (nodeType(c) !== 'CallExpr' || (c.Args ?? []).length !== 1) return false;
    const word = w.word(c.Args[0]).text;
    return cmd.Until ? word === 'false' : word === 'true' || word === ':';
  });
  w.facts.loops.push({ endless: always });
  const loop = { ...inner, inLoop: true };
  w.stmts(cond, loop);
  w.branch(() => w.stmts(cmd.Do, loop));
}

function forClause(w: Walker, cmd: ShNode, inner: Context): void {
  const loopNode = cmd.Loop;
  if (nodeType(loopNode) === 'WordIter') return forEachWord(w, cmd, loopNode, inner);
  const v = w.scratchWord();
  for (const n of [loopNode.Init, loopNode.Cond, loopNode.Post]) for (const a of arithAssigned(n)) w.state.markNumeric(a);
  arithm(v, loopNode.Init);
  arithm(v, loopNode.Cond);
  arithm(v, loopNode.Post);
  w.walkNested(v, -1, inner);
  w.facts.loops.push({ endless: !loopNode.Cond });
  w.branch(() => w.stmts(cmd.Do, { ...inner, inLoop: true }));
}

function forEachWord(w: Walker, cmd: ShNode, loopNode: ShNode, inner: Context): void {
  const items = expandWords((loopNode.Items ?? []).map((x: ShNode) => w.word(x)), w.state);
  for (const item of items) w.walkNested(item, -1, inner);
  // `for d in a b` assigns d, as `d=a` would.
  if (loopNode.Name?.Value) w.facts.assignments.push({ name: loopNode.Name.Value, value: showDynamic(items.map((x: WordValue) => x.text).join(' ')), dynamic: items.length === 0 || items.some((x: WordValue) => x.dynamic || x.glob), scope: 'shell', command_index: -1 });
  w.facts.loops.push({ endless: false });
  const name: string = loopNode.Name?.Value ?? '';
  // Known items: the body is read once for each (up to four), with the loop variable set to it.
  const known = items.length > 0 && items.length <= 4 && items.every((x) => !x.dynamic && !x.glob);
  for (const item of known ? items : [undefined]) {
    w.branch(() => {
      if (name) w.state.set(name, item ? item.text : null);
      w.stmts(cmd.Do, { ...inner, inLoop: true });
    });
  }
}

function caseClause(w: Walker, cmd: ShNode, inner: Context): void {
  w.walkNested(w.word(cmd.Word), -1, inner);
  for (const item of cmd.Items ?? []) {
    for (const p of item.Patterns ?? []) w.walkNested(w.word(p), -1, inner);
    w.branch(() => w.stmts(item.Stmts, inner));
  }
}

/** `(( … ))` and `let …`: substitutions inside are walked, assigned names become numbers. */
function arithClause(w: Walker, exprs: ShNode[], inner: Context): void {
  const v = w.scratchWord();
  for (const e of exprs) arithm(v, e);
  w.walkNested(v, -1, inner);
  for (const e of exprs) for (const a of arithAssigned(e)) w.state.markNumeric(a);
}
