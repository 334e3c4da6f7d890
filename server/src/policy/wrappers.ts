// Takes wrappers off a command (sudo, env, timeout, nice, nohup, xargs, ...)
// so that the program that finally runs is the one described and judged.

import type { Context, Walker } from './facts';
import type { CommandFact } from './factsTypes';
import { literal, show } from '../shell/argWords';
import { PRIVILEGE_WRAPPERS, WRAPPER_LEADING_POSITIONALS, WRAPPER_VALUE_OPTIONS, WRAPPERS } from '../shell/programs';
import { DYNAMIC, showDynamic, type WordValue } from '../shell/words';

export function setName(fact: CommandFact, word: WordValue): void {
  fact.name = show(word);
  fact.name_dynamic = fact.name_dynamic || word.dynamic;
  fact.name_from_substitution = fact.name_from_substitution || word.fromSubstitution;
  fact.name_obfuscated = fact.name_obfuscated || word.quoted || word.ansiC;
  if (word.dynamic) {
    fact.program = '';
    return;
  }
  fact.path_given = word.text.includes('/');
  const base = word.text.replace(/\/+$/, '').split('/').pop() ?? '';
  fact.program = base;
}

/** Index of the first word after a wrapper's own options. */
function skipOptions(wrapper: string, args: WordValue[]): number {
  const valueOptions = WRAPPER_VALUE_OPTIONS[wrapper] ?? new Set<string>();
  let i = 0;
  while (i < args.length) {
    const a = args[i].text;
    if (a === '--') return i + 1;
    if (!a.startsWith('-') || a === '-') break;
    if (valueOptions.has(a)) i += 2;
    else i += 1;
  }
  return i;
}

/** Take wrappers off; returns the words from the real program on, or null when nothing is left to describe. */
export function unwrap(w: Walker, fact: CommandFact, words: WordValue[], ctx: Context): WordValue[] | null {
  let rest = words;
  for (let guard = 0; guard < 24; guard++) {
    setName(fact, rest[0]);
    const prog = fact.program;
    if (!WRAPPERS.has(prog)) return rest;
    const args = rest.slice(1);
    let i = skipOptions(prog, args);
    const opts = args.slice(0, i).map((a) => a.text);
    if (PRIVILEGE_WRAPPERS.has(prog)) fact.privileged = true;
    switch (prog) {
      case 'env': {
        for (let k = 0; k < opts.length; k++) {
          if (opts[k] === '-S' || opts[k] === '--split-string') w.reparse(args[k + 1]?.text ?? '', fact.index, ctx, 'shell-string');
        }
        while (i < args.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(args[i].text)) {
          const [name, ...value] = args[i].text.split('=');
          fact.env.push({ name, value: showDynamic(value.join('=')), dynamic: args[i].dynamic });
          w.facts.assignments.push({ name, value: value.join('='), dynamic: args[i].dynamic, scope: 'command', command_index: fact.index });
          i++;
        }
        break;
      }
      case 'command':
        if (opts.some((o) => o === '-v' || o === '-V')) return rest;
        break;
      case 'sudo':
        if (opts.some((o) => ['-e', '--edit'].includes(o))) {
          fact.wrappers.push('sudo');
          return [literal('sudoedit'), ...args.slice(i)];
        }
        if (i >= args.length && opts.some((o) => ['-i', '-s', '--login', '--shell'].includes(o))) {
          fact.wrappers.push('sudo');
          return [literal('sh')];
        }
        if (i >= args.length) return rest;
        break;
      case 'su': {
        // su runs a command string (-c), never a program from its argv.
        const ci = args.findIndex((a) => a.text === '-c' || a.text === '--command');
        if (ci >= 0 && args[ci + 1]) {
          fact.runs_code = 'inline';
          fact.inline_code = show(args[ci + 1]);
          fact.code_dynamic = args[ci + 1].dynamic;
          if (!args[ci + 1].dynamic) w.reparse(args[ci + 1].text, fact.index, { ...ctx, privileged: true }, 'shell-string');
        }
        return rest;
      }
      case 'busybox':
        if (i >= args.length || args[i].text.startsWith('-')) return rest;
        break;
      case 'xargs': {
        fact.markers.push('xargs');
        const replace = args.slice(0, i).findIndex((a) => a.text === '-I' || a.text === '-i' || a.text.startsWith('-I'));
        fact.wrappers.push('xargs');
        let cmd = args.slice(i);
        if (cmd.length === 0) cmd = [literal('echo')];
        const input: WordValue = { ...literal(DYNAMIC), dynamic: true, glob: false };
        if (replace >= 0) {
          const token = args[replace].text.length > 2 ? args[replace].text.slice(2) : (args[replace + 1]?.text ?? '{}');
          cmd = cmd.map((a) => (a.text.includes(token) ? { ...a, text: a.text.split(token).join(DYNAMIC), dynamic: true } : a));
        } else cmd = [...cmd, input];
        rest = cmd;
        continue;
      }
      case 'watch': {
        const code = args.slice(i).map((a) => a.text).join(' ');
        fact.runs_code = 'inline';
        fact.inline_code = showDynamic(code);
        fact.code_dynamic = args.slice(i).some((a) => a.dynamic);
        if (!fact.code_dynamic && code.trim()) w.reparse(code, fact.index, ctx, 'shell-string');
        return null;
      }
      case 'exec':
        if (i >= args.length) return rest;
        break;
      default:
        break;
    }
    i += WRAPPER_LEADING_POSITIONALS[prog] ?? 0;
    if (i >= args.length) return rest;
    fact.wrappers.push(prog);
    rest = args.slice(i);
  }
  return rest;
}
