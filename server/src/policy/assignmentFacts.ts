// Assignments and declaration clauses in the facts walk: what a line sets,
// exports, makes an integer or a name reference, so later words read it.

import type { AssignmentFact } from './factsTypes';
import type { Context, Walker } from './facts';
import type { ShNode } from '../shell/parser';
import { arithm, showDynamic } from '../shell/words';
import { arithRefs, integerAssignment } from './arithFacts';
import { checkName } from './nameSubscripts';
import { expandWords } from './stateFacts';
import { environmentPrints } from './envDumpFacts';

/** An assignment (`X=1`, `a=(…)`, `a[i]=…`): its value is walked and remembered when known. */
export function walkAssignment(w: Walker, a: ShNode, scope: AssignmentFact['scope'], index: number, ctx: Context): AssignmentFact | undefined {
  const name: string = a.Name?.Value ?? '';
  let value = '';
  let dynamic = false;
  let known: string | null = '';
  if (a.Value) {
    const v = w.word(a.Value);
    value = showDynamic(v.text);
    dynamic = v.dynamic;
    known = v.dynamic ? null : v.text;
    w.walkNested(v, index, ctx);
    if (w.integers.has(name)) integerAssignment(w, name, a.Value, v, index, ctx);
  }
  const elems: (string | null)[] = [];
  if (a.Array) {
    for (const e of a.Array.Elems ?? []) {
      const ev = e.Value ? w.word(e.Value) : undefined;
      if (ev) w.walkNested(ev, index, ctx);
      elems.push(e.Index || !ev || ev.dynamic || ev.glob ? null : ev.text);
      if (e.Index) {
        const v = w.scratchWord();
        arithm(v, e.Index);
        w.walkNested(v, index, ctx);
      }
    }
    dynamic = true;
  }
  if (a.Index) {
    const v = w.scratchWord();
    arithm(v, a.Index);
    w.walkNested(v, index, ctx);
  }
  if (!name) return undefined;
  if (scope !== 'command') {
    const i = a.Index ? w.word(a.Index) : undefined;
    if (a.Array) w.state.setArray(name, elems);
    else if (i) w.state.set(name, i.dynamic ? null : known, i.dynamic ? undefined : i.text);
    else if (a.Append) {
      const before = w.state.lookup(name);
      w.state.set(name, before === undefined || known === null ? null : before + known);
    } else w.state.set(name, known);
  }
  const fact: AssignmentFact = { name: w.state.resolveName(name), value, dynamic, scope, command_index: index };
  w.facts.assignments.push(fact);
  return fact;
}

/** `declare`, `export`, `local`, `readonly`, `typeset`: assignments with attributes. */
export function walkDeclClause(w: Walker, cmd: ShNode, redirs: ShNode[], ctx: Context): void {
  const fact = w.newCommand(ctx);
  const variant: string = cmd.Variant?.Value ?? 'declare';
  fact.program = variant;
  fact.name = variant;
  const args: ShNode[] = cmd.Args ?? [];
  const nakedWords = expandWords(args.filter((a) => a.Naked).map((a) => (a.Value ? w.word(a.Value) : { ...w.scratchWord(), text: a.Name?.Value ?? '' })), w.state);
  for (const v of nakedWords) w.walkNested(v, fact.index, ctx);
  const naked = nakedWords.map((w) => w.text);
  fact.args = naked.map(showDynamic);
  fact.flags = naked.filter((a) => a.startsWith('-')).flatMap((a) => a.slice(1).split(''));
  const exported = variant === 'export' || fact.flags.includes('x');
  if (fact.flags.includes('i')) for (const a of args) if (a.Name?.Value) w.integers.add(a.Name.Value as string);
  if (fact.flags.includes('i')) for (const n of naked) if (/^[A-Za-z_]\w*$/.test(n)) w.integers.add(n);
  const scope = exported ? 'export' : 'shell';
  for (const a of args) {
    if (a.Naked) continue;
    const f = w.assignment(a, scope, fact.index, ctx);
    if (f) fact.env.push({ name: f.name, value: f.value, dynamic: f.dynamic });
    if (f && fact.flags.includes('n') && !f.dynamic) w.state.nameref(f.name, f.value);
    // A reference's target is a name: its subscript is evaluated wherever the reference is used.
    if (f && fact.flags.includes('n')) checkName(w, { ...w.scratchWord(), text: f.value, dynamic: f.dynamic }, variant, fact.index, ctx);
    if (f && fact.flags.includes('i')) arithRefs(w, f.value.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [], fact.index, ctx);
  }
  for (const v of nakedWords) if (v.dynamic || !v.text.startsWith('-')) checkName(w, { ...v, text: v.text.replace(/\+?=[\s\S]*$/, '') }, variant, fact.index, ctx);
  // `export "X=1"` and `declare "X=1"`: a quoted word that still assigns.
  nakedWords.forEach((word) => {
    const m = word && /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/.exec(word.text);
    if (!word || !m) return;
    if (fact.flags.includes('n') && !word.dynamic) w.state.nameref(m[1], m[2]);
    else w.state.set(m[1], word.dynamic ? null : m[2]);
    if (fact.flags.includes('i')) {
      w.integers.add(m[1]);
      integerAssignment(w, m[1], { Parts: [] }, { ...word, text: m[2] }, fact.index, ctx);
    }
    w.facts.assignments.push({ name: m[1], value: showDynamic(m[2]), dynamic: word.dynamic, scope, command_index: fact.index });
    fact.env.push({ name: m[1], value: showDynamic(m[2]), dynamic: word.dynamic });
  });
  // Assignments are not printing: `export X=1` is not `export`.
  fact.markers.push(...environmentPrints(variant, args.some((a) => !a.Naked) ? [...naked, 'X='] : naked));
  w.redirects(fact, redirs, ctx);
}
