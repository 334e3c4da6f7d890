// One word (or run of words) after a program name, explained: an option from
// the program's manual, read for the value it was given; the option's value;
// a positional argument; `--`; an environment assignment; or the command a
// wrapper, `find -exec` or xargs runs.

import type { ExplainPart } from '../protocol/types';
import type { ShNode } from '../shell/parser';
import { wordKinds } from '../shell/source';
import { DYNAMIC } from '../shell/words';
import { wrapperOptionsEnd, xargsToken } from '../shell/wrappers';
import type { FoundManual, TreeExplainer } from './explainTree';
import type { OptionDoc } from './manualParse';
import { describeValue, describeWithValue } from './optionText';
import type { ArgItem, ArgWord } from './splitArgs';
import { wordNote } from './syntaxNotes';

/** What the outer program feeds the command it runs: find's `{}`, xargs -I's string, or xargs' input words appended (token null). */
export interface Replacement {
  by: 'find' | 'xargs';
  token: string | null;
  note: string;
  source: ExplainPart['source'];
}

export interface ItemContext {
  argWords: ArgWord[];
  nodes: ShNode[];
  name: string;
  found: FoundManual | null;
  /** Index of the program's part. */
  index: number;
  replaced?: Replacement;
  replaceFor?: Replacement;
}

export function replacementFor(name: string, words: ArgWord[]): Replacement | undefined {
  if (name === 'find') return { by: 'find', token: '{}', note: 'replaced by find with the path of each file found', source: 'syntax' };
  if (name !== 'xargs') return undefined;
  const texts = words.map((w) => ({ text: w.value ?? DYNAMIC, dynamic: w.value === null }));
  const token = xargsToken(texts, wrapperOptionsEnd('xargs', texts));
  return { by: 'xargs', token, note: 'replaced by xargs with each item read from standard input', source: 'syntax' };
}

/** What the manual says of an option, or why nothing is said. */
function fromManual(c: ItemContext, option: OptionDoc | undefined, shown: string): { explanation: string; source: ExplainPart['source'] } {
  if (option) return { explanation: option.description, source: c.found ? c.found.manual.kind : 'unknown' };
  if (c.found) return { explanation: `unknown option: ${c.found.manual.kind === 'manual' ? 'the man page' : 'the --help text'} of ${c.name} does not list ${shown}`, source: 'unknown' };
  return { explanation: `not explained: no man page or --help text for ${c.name} was found`, source: 'unknown' };
}

/** The value an option was given: attached (`--lines=5`) or the next word (`-type f`); null when it is known only at run time. */
function givenValue(item: Extract<ArgItem, { kind: 'flag' }>, next: ArgItem | undefined, c: ItemContext): string | null | undefined {
  if (item.attached !== undefined) return item.attached;
  if (next?.kind === 'value' && next.word === item.word + 1) return c.argWords[next.word].value;
  return undefined;
}

function flagPart(ex: TreeExplainer, item: Extract<ArgItem, { kind: 'flag' }>, next: ArgItem | undefined, c: ItemContext): string {
  const base = fromManual(c, item.option, item.numeric ? '-NUM' : item.name);
  const value = givenValue(item, next, c);
  let explanation = base.explanation;
  if (item.option && value !== undefined) explanation = describeWithValue(item.option, value, c.name);
  else if (item.option) explanation = describeWithValue(item.option, null, c.name);
  else if (item.attached !== undefined) explanation = `${explanation} (value: ${item.attached})`;
  ex.add({ kind: 'flag', text: item.text, explanation, source: base.source, program: c.index });
  if (item.attached !== undefined) return `${item.name}=${item.attached}`;
  return item.text.startsWith('-') || item.text.startsWith('+') ? item.text : item.name;
}

async function valuePart(ex: TreeExplainer, item: Extract<ArgItem, { kind: 'value' }>, c: ItemContext): Promise<void> {
  const base = fromManual(c, item.option, item.of);
  const value = c.argWords[item.word].value;
  const explanation = item.option ? describeValue(item.option, value, item.of) : `the value of ${item.of}; ${base.explanation}`;
  ex.add({ kind: 'argument', text: item.text, explanation, source: base.source, program: c.index });
  await ex.wordSubstitutions(c.nodes[item.word]);
}

async function argumentPart(ex: TreeExplainer, item: Extract<ArgItem, { kind: 'argument' }>, c: ItemContext): Promise<void> {
  const note = wordNote(wordKinds(c.nodes[item.word]), item.text);
  const token = c.replaced?.token;
  const replaced = token && c.argWords[item.word].value?.includes(token) ? c.replaced : undefined;
  const explanation = replaced ? replaced.note : item.placeholder ? `${item.placeholder.name} in the synopsis of ${c.name}` : `argument to ${c.name}`;
  const source = replaced ? replaced.source : item.placeholder ? (c.found ? c.found.manual.kind : 'unknown') : 'syntax';
  ex.add({ kind: 'argument', text: item.text, explanation: note ? `${explanation}; ${note}` : explanation, source, program: c.index });
  await ex.wordSubstitutions(c.nodes[item.word]);
}

async function commandPart(ex: TreeExplainer, item: Extract<ArgItem, { kind: 'command' }>, c: ItemContext): Promise<string | undefined> {
  if (item.word >= item.until) return undefined;
  // A wrapper passes on what an outer xargs feeds it; find and xargs feed their own.
  const phrase = await ex.program(c.nodes, item.word, item.until, c.replaceFor ?? c.replaced);
  if (item.terminator !== undefined) {
    const t = c.argWords[item.terminator].value;
    ex.add({
      kind: 'argument',
      text: c.argWords[item.terminator].text,
      explanation: t === '+' ? 'ends the command; {} is replaced by as many file names as fit, and the command runs once per batch' : 'ends the command; it runs once for each file found',
      source: c.found?.manual.options['-exec'] ? c.found.manual.kind : 'syntax',
      program: c.index,
    });
  }
  return phrase;
}

/** Explains one item; returns what it adds to the program's phrase (a flag, or the command it runs). */
export async function explainItem(ex: TreeExplainer, item: ArgItem, next: ArgItem | undefined, c: ItemContext): Promise<{ flag?: string; inner?: string }> {
  switch (item.kind) {
    case 'flag':
      return { flag: flagPart(ex, item, next, c) };
    case 'value':
      await valuePart(ex, item, c);
      return {};
    case 'argument':
      await argumentPart(ex, item, c);
      return {};
    case 'subcommand':
      return {};
    case 'end':
      ex.add({ kind: 'flag', text: item.text, explanation: 'ends the options: the words after it are arguments even if they start with -', source: 'syntax', program: c.index });
      return {};
    case 'assignment': {
      const variable = item.text.slice(0, item.text.indexOf('='));
      ex.add({ kind: 'assignment', text: item.text, explanation: `sets ${variable} in the environment of the command ${c.name} runs`, source: 'syntax', program: c.index });
      await ex.wordSubstitutions(c.nodes[item.word]);
      return {};
    }
    case 'command':
      return { inner: await commandPart(ex, item, c) };
  }
}
