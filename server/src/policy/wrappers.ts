// Takes wrappers off a command (sudo, env, timeout, nice, nohup, xargs, ...)
// so that the program that finally runs is the one described and judged.
// Where each wrapper's command begins is shell/wrappers.ts's rule, shared
// with the explainer; this file writes down what each wrapper does to the facts.

import type { Context, Walker } from './facts';
import type { CommandFact } from './factsTypes';
import { literal, show } from '../shell/argWords';
import { PRIVILEGE_WRAPPERS } from '../shell/programs';
import { ASSIGNMENT, isWrapper, programName, wrapperStep, xargsFeed, xargsToken, type WrapperStep } from '../shell/wrappers';
import { DYNAMIC, showDynamic, type WordValue } from '../shell/words';

export function setName(fact: CommandFact, word: WordValue): void {
  fact.name = show(word);
  fact.name_dynamic = fact.name_dynamic || word.dynamic;
  fact.name_from_substitution = fact.name_from_substitution || word.fromSubstitution;
  fact.name_obfuscated = fact.name_obfuscated || word.quoted || word.ansiC;
  fact.program = programName(word);
  if (!word.dynamic) fact.path_given = word.text.includes('/');
}

/** Take wrappers off; returns the words from the real program on, or null when nothing is left to describe. */
export function unwrap(w: Walker, fact: CommandFact, words: WordValue[], ctx: Context): WordValue[] | null {
  let rest = words;
  for (let guard = 0; guard < 24; guard++) {
    setName(fact, rest[0]);
    const prog = fact.program;
    if (!isWrapper(prog)) return rest;
    const args = rest.slice(1);
    const step = wrapperStep(prog, args);
    if (PRIVILEGE_WRAPPERS.has(prog)) fact.privileged = true;
    if (prog === 'env') envWords(w, fact, args, step, ctx);
    if (prog === 'su') suCommand(w, fact, args, ctx);
    switch (step.kind) {
      case 'self':
        return rest;
      case 'code':
        watchCode(w, fact, args.slice(step.at), ctx);
        return null;
      case 'replaced': {
        fact.wrappers.push(prog);
        const replaced = step.program === 'sudoedit' ? [literal('sudoedit'), ...args.slice(step.at)] : [literal('sh')];
        setName(fact, replaced[0]);
        return replaced;
      }
      case 'xargs':
        fact.markers.push('xargs');
        fact.wrappers.push('xargs');
        rest = xargsCommand(args, step.options, step.at);
        continue;
      case 'runs':
        fact.wrappers.push(prog);
        rest = args.slice(step.at);
    }
  }
  return rest;
}

/** env's own words: `-S 'cmd'` is a command line, NAME=value words set the environment. */
function envWords(w: Walker, fact: CommandFact, args: WordValue[], step: WrapperStep, ctx: Context): void {
  for (let k = 0; k < step.options; k++) {
    if (args[k].text === '-S' || args[k].text === '--split-string') w.reparse(args[k + 1]?.text ?? '', fact.index, ctx, 'shell-string');
  }
  if (step.kind !== 'runs' && step.kind !== 'self') return;
  for (let i = step.options; i < args.length && ASSIGNMENT.test(args[i].text); i++) {
    const [name, ...value] = args[i].text.split('=');
    fact.env.push({ name, value: showDynamic(value.join('=')), dynamic: args[i].dynamic });
    w.facts.assignments.push({ name, value: value.join('='), dynamic: args[i].dynamic, scope: 'command', command_index: fact.index });
  }
}

/** su runs a command string (-c), never a program from its argv. */
function suCommand(w: Walker, fact: CommandFact, args: WordValue[], ctx: Context): void {
  const ci = args.findIndex((a) => a.text === '-c' || a.text === '--command');
  if (ci < 0 || !args[ci + 1]) return;
  fact.runs_code = 'inline';
  fact.inline_code = show(args[ci + 1]);
  fact.code_dynamic = args[ci + 1].dynamic;
  if (!args[ci + 1].dynamic) w.reparse(args[ci + 1].text, fact.index, { ...ctx, privileged: true }, 'shell-string');
}

function watchCode(w: Walker, fact: CommandFact, words: WordValue[], ctx: Context): void {
  const code = words.map((a) => a.text).join(' ');
  fact.runs_code = 'inline';
  fact.inline_code = showDynamic(code);
  fact.code_dynamic = words.some((a) => a.dynamic);
  if (!fact.code_dynamic && code.trim()) w.reparse(code, fact.index, ctx, 'shell-string');
}

/** The command xargs runs (echo when none), with the words it reads from its input. */
function xargsCommand(args: WordValue[], options: number, at: number): WordValue[] {
  const cmd = args.slice(at);
  return xargsFeed(cmd.length === 0 ? [literal('echo')] : cmd, xargsToken(args, options), { ...literal(DYNAMIC), dynamic: true, glob: false });
}
