// One program and its words, explained: the program itself (from its
// manual, a builtin's note, Paladin's command knowledge, or unknown), what a
// wrapper runs, its subcommand, and each option and argument.

import { SHELLS } from '../shell/programs';
import type { ShNode } from '../shell/parser';
import { isWrapper, programName, wrapperStep, xargsFeed } from '../shell/wrappers';
import { DYNAMIC, wordValue, type WordValue } from '../shell/words';
import { explainItem, replacementFor, type Replacement } from './explainItem';
import type { FoundManual, TreeExplainer } from './explainTree';
import { builtins, isLookupName, shapes } from './programShapes';
import { splitArgs, type ArgWord, type SplitOptions } from './splitArgs';

export type { Replacement } from './explainItem';

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

const XARGS_INPUT: WordValue = { text: DYNAMIC, dynamic: true, glob: false, quoted: false, ansiC: false, nested: [], unknown: [], fromSubstitution: false, procSubst: '' };

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}

/** Explains words[from..until) as one program with its arguments; returns a summary phrase. */
export async function explainProgram(ex: TreeExplainer, words: ShNode[], from: number, until = words.length, replaced?: Replacement): Promise<string> {
  const head = words[from];
  const written = ex.tree.of(head);
  // What xargs feeds the command it runs is part of its words, as the policy reads them.
  const own = words.slice(from, until).map((w) => wordValue(w));
  const values = replaced?.by === 'xargs' ? xargsFeed(own, replaced.token, XARGS_INPUT) : own;
  // find puts each path it finds where `{}` is: a program named so is known only when it runs.
  if (replaced?.by === 'find' && values[0].text.includes('{}')) values[0] = { ...values[0], dynamic: true };
  const name = programName(values[0]);
  if (values[0].dynamic || values[0].glob) {
    ex.ran.push(name);
    const why = values[0].dynamic ? 'the program name comes from an expansion' : 'the program name is a pattern';
    const index = ex.add({ kind: 'program', text: written, explanation: `${why}, so what runs is known only when it runs`, source: 'unknown' });
    await ex.wordSubstitutions(head);
    for (let i = from + 1; i < until; i++) await ex.plainWord(words[i], 'argument to a program known only at run time', index, 'unknown');
    return `a program named by ${written}`;
  }
  if (ex.functions.has(name)) {
    ex.ran.push(name);
    const index = ex.add({ kind: 'program', text: written, explanation: `runs the shell function ${name} defined in this command`, source: 'syntax' });
    for (let i = from + 1; i < until; i++) await ex.plainWord(words[i], `argument to the function ${name}`, index);
    return `function ${name}`;
  }
  const found = isLookupName(name) ? await ex.manuals.get(name, ex.signal) : null;
  const { index, phrase } = programPart(ex, name, written, found);
  const argWords: ArgWord[] = words.slice(from + 1, until).map((w, k) => ({ text: ex.tree.of(w), value: own[k + 1].dynamic || own[k + 1].glob ? null : own[k + 1].text }));
  const wrapped = wrappedAt(ex, name, values.slice(1), own.length - 1);
  return programArgs(ex, { name, index, phrase, found, argWords, nodes: words.slice(from + 1, until), wrapped, replaced });
}

/** The program's own part: from its manual, a builtin's note, Paladin's knowledge, or unknown. */
function programPart(ex: TreeExplainer, name: string, written: string, found: FoundManual | null): { index: number; phrase: string } {
  if (found) {
    const what = found.manual.summary || `${name}`;
    const index = ex.add({ kind: 'program', text: written, explanation: what, source: found.manual.kind, origin: found.origin });
    return { index, phrase: found.manual.summary ? `${name} (${lowerFirst(found.manual.summary)})` : name };
  }
  if (builtins[name]) {
    const index = ex.add({ kind: 'program', text: written, explanation: builtins[name], source: 'syntax' });
    return { index, phrase: `${name} (${builtins[name].replace(/^shell (builtin|keyword): /, '')})` };
  }
  const known = ex.knowledge?.forProgram(name);
  if (known) {
    const index = ex.add({ kind: 'program', text: written, explanation: `no man page or --help text for ${name} was found; Paladin's command knowledge uses it in \`${known.template}\`: ${known.explanation}`, source: 'knowledge' });
    return { index, phrase: name };
  }
  const index = ex.add({ kind: 'program', text: written, explanation: `unknown program: no man page or --help text for ${name} was found in the sandbox image or on the host`, source: 'unknown' });
  return { index, phrase: `${name} (unknown program)` };
}

/**
 * Where a wrapper's command begins, by the same rules the policy unwraps
 * with; records what finally runs when it is not a command of its own.
 */
function wrappedAt(ex: TreeExplainer, name: string, args: WordValue[], written: number): SplitOptions['wrapped'] {
  if (!isWrapper(name)) {
    ex.ran.push(name);
    return undefined;
  }
  const step = wrapperStep(name, args);
  if (step.kind === 'self' || step.kind === 'code') ex.ran.push(name);
  else if (step.kind === 'replaced') ex.ran.push(step.program);
  else if (step.at >= args.length) ex.ran.push('echo');
  // The command is xargs' input itself: known only when it runs.
  else if (step.at >= written) ex.ran.push('');
  else if (step.kind === 'runs') return { at: step.at, assignments: [step.options, step.options + step.assignments] };
  else return { at: step.at };
  return undefined;
}

async function programArgs(ex: TreeExplainer, p: ProgramArgs): Promise<string> {
  const { name, index, found, argWords, nodes, wrapped, replaced } = p;
  let { phrase } = p;
  const shape = shapes[name];
  let split = splitArgs(argWords, { manual: found?.manual, shape, program: name, wrapped });
  let manual = found;
  const flags: string[] = [];
  const inner: string[] = [];
  for (;;) {
    const context = { argWords, nodes, name, found: manual, index, replaced, replaceFor: replacementFor(name, argWords) };
    for (let k = 0; k < split.items.length; k++) {
      const r = await explainItem(ex, split.items[k], split.items[k + 1], context);
      if (r.flag) flags.push(r.flag);
      if (r.inner) inner.push(r.inner);
    }
    if (split.subcommandAt === undefined) break;
    const sub = argWords[split.subcommandAt].value ?? '';
    const subManual = isLookupName(`${name}-${sub}`) ? await ex.manuals.get(`${name}-${sub}`, ex.signal) : null;
    phrase += subcommandPart(ex, name, sub, argWords[split.subcommandAt].text, index, found, subManual);
    if (subManual) manual = subManual;
    split = splitArgs(argWords, { manual: manual?.manual, shape: { valued: shape?.valued }, from: split.subcommandAt + 1, afterSubcommand: true, program: name });
  }
  if (flags.length > 0) phrase += ` with ${flags.join(', ')}`;
  if (inner.length > 0) phrase += `, running ${inner.join(' and ')}`;
  // `sh -c 'script'`: the script is a command in its own right.
  if (SHELLS.has(name) && ex.depth < 3) {
    const c = split.items.findIndex((it) => it.kind === 'flag' && it.name === '-c');
    const script = split.items.slice(c + 1).find((it) => it.kind === 'argument');
    if (c >= 0 && script && script.kind === 'argument' && argWords[script.word].value) {
      phrase += `, running the script: ${await ex.nested(argWords[script.word].value ?? '')}`;
    }
  }
  return phrase;
}

/** The subcommand's part (`git log`); returns what it adds to the phrase. */
function subcommandPart(ex: TreeExplainer, name: string, sub: string, text: string, index: number, found: FoundManual | null, subManual: FoundManual | null): string {
  const described = subManual?.manual.summary || found?.manual.terms[sub] || found?.manual.terms[`${name}-${sub}`];
  const known = described ? null : ex.knowledge?.forProgram(name, sub);
  if (known) {
    ex.add({ kind: 'subcommand', text, explanation: `Paladin's command knowledge uses it in \`${known.template}\`: ${known.explanation}`, source: 'knowledge', program: index });
    return ` ${sub}`;
  }
  ex.add({
    kind: 'subcommand',
    text,
    explanation: described ?? `subcommand of ${name}; ${found ? `its manual does not describe "${sub}"` : 'no manual for it was found'}`,
    ...(described && subManual ? { origin: `${name}-${sub}: ${subManual.origin}` } : described && found ? { origin: found.origin } : {}),
    source: described ? (subManual?.manual.kind ?? found?.manual.kind ?? 'manual') : 'unknown',
    program: index,
  });
  return ` ${sub}${described ? ` (${lowerFirst(described)})` : ''}`;
}
