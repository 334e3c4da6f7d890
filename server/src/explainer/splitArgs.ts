// Splits the words after a program name into options, option values,
// positional arguments, a subcommand, and the command a wrapper runs, using the
// program's manual to know which options take a value (`-n5`, `tar -xzf a`,
// `--color auto`) and which letters of a bundle (`-rf`) are options at all.

import type { Manual, OptionDoc, Positional } from './manualParse';
import type { Shape } from './programShapes';

export interface ArgWord {
  /** The word as written in the command. */
  text: string;
  /** Its value after quote removal, or null when it depends on an expansion. */
  value: string | null;
}

export type ArgItem =
  | { kind: 'flag'; word: number; text: string; name: string; option?: OptionDoc; attached?: string; numeric?: boolean }
  | { kind: 'value'; word: number; text: string; of: string; option?: OptionDoc }
  | { kind: 'argument'; word: number; text: string; placeholder?: Positional }
  | { kind: 'subcommand'; word: number; text: string }
  | { kind: 'end'; word: number; text: string }
  | { kind: 'assignment'; word: number; text: string }
  /** Words [word, until) form a command run by the program (wrapper, `find -exec`). */
  | { kind: 'command'; word: number; until: number; terminator?: number };

export interface SplitResult {
  items: ArgItem[];
  /** Set when splitting stopped at a subcommand; resume after it with the subcommand's manual. */
  subcommandAt?: number;
}

export interface SplitOptions {
  manual?: Manual;
  shape?: Shape;
  /** Index of the first word to look at. */
  from?: number;
  /** Positionals seen before `from` (after a subcommand this restarts at 0). */
  positionalsSeen?: number;
  /** Whether a subcommand has already been taken. */
  afterSubcommand?: boolean;
  /** How to look options up when the program has none of its own, e.g. `find`'s `-exec` actions. */
  program?: string;
  /**
   * The program is a wrapper: the command it runs starts at word `at`, and
   * words in [assignments[0], assignments[1]) set its environment (`env A=1`).
   * Found by shell/wrappers.ts, the rules the policy unwraps with.
   */
  wrapped?: { at: number; assignments?: [number, number] };
}

const EXEC_ACTIONS = new Set(['-exec', '-execdir', '-ok', '-okdir']);

function lookup(manual: Manual | undefined, name: string): OptionDoc | undefined {
  if (!manual) return undefined;
  if (Object.prototype.hasOwnProperty.call(manual.options, name)) return manual.options[name];
  // find's `-newerXY`: a family of options spelled with letters in place of X and Y.
  if (/^-[a-z]{3,}$/.test(name)) {
    for (const key of Object.keys(manual.options)) {
      const family = /^(-[a-z]+)([A-Z]{1,3})$/.exec(key);
      if (family && name.startsWith(family[1]) && name.length === family[1].length + family[2].length) return manual.options[key];
    }
  }
  // GNU getopt_long accepts any unambiguous prefix of a long option.
  if (name.startsWith('--') && name.length > 3) {
    const matches = Object.keys(manual.options).filter((k) => k.startsWith(name));
    const unique = new Set(matches.map((k) => manual.options[k]));
    if (unique.size === 1) return manual.options[matches[0]];
  }
  return undefined;
}

function takesValue(option: OptionDoc | undefined, name: string, shape: Shape | undefined): boolean {
  if (option) return option.value === 'required';
  return shape?.valued?.includes(name) ?? false;
}

/** `--name=value`, or `--name` and, when the manual says it takes one, the next word as its value; returns the last word used. */
function longOption(v: string, i: number, args: ArgWord[], end: number, manual: Manual | undefined, shape: Shape | undefined, items: ArgItem[]): number {
  const eq = v.indexOf('=');
  const name = eq >= 0 ? v.slice(0, eq) : v;
  const option = lookup(manual, name);
  if (eq >= 0) {
    items.push({ kind: 'flag', word: i, text: args[i].text, name, option, attached: v.slice(eq + 1) });
    return i;
  }
  items.push({ kind: 'flag', word: i, text: args[i].text, name, option });
  if (!takesValue(option, name, shape) || i + 1 >= end) return i;
  items.push({ kind: 'value', word: i + 1, text: args[i + 1].text, of: name, option });
  return i + 1;
}

export function splitArgs(args: ArgWord[], options: SplitOptions = {}): SplitResult {
  const { manual, shape } = options;
  const items: ArgItem[] = [];
  let positionals = options.positionalsSeen ?? 0;
  let optionsEnded = false;
  const placeholders = manual?.positionals ?? [];
  const placeholder = (n: number): Positional | undefined =>
    placeholders.length === 0 ? undefined : n < placeholders.length ? placeholders[n] : placeholders[placeholders.length - 1].repeats ? placeholders[placeholders.length - 1] : undefined;

  const wrapped = options.wrapped;
  const end = wrapped ? Math.min(wrapped.at, args.length) : args.length;
  for (let i = options.from ?? 0; i < end; i++) {
    const word = args[i];
    const v = word.value;
    if (wrapped?.assignments && i >= wrapped.assignments[0] && i < wrapped.assignments[1]) {
      items.push({ kind: 'assignment', word: i, text: word.text });
      continue;
    }
    const dashed = v !== null && v.length > 1 && v.startsWith('-');

    if (!optionsEnded && v === '--') {
      items.push({ kind: 'end', word: i, text: word.text });
      optionsEnded = true;
      continue;
    }

    if (!optionsEnded && dashed) {
      // `find -exec cmd {} ;` and friends: the words up to `;` or `+` are a command.
      if (options.program === 'find' && EXEC_ACTIONS.has(v)) {
        items.push({ kind: 'flag', word: i, text: word.text, name: v, option: lookup(manual, v) });
        let end = i + 1;
        while (end < args.length && args[end].value !== ';' && args[end].value !== '+') end++;
        items.push({ kind: 'command', word: i + 1, until: end, terminator: end < args.length ? end : undefined });
        i = end;
        continue;
      }
      if (v.startsWith('--')) {
        i = longOption(v, i, args, end, manual, shape, items);
        continue;
      }
      // A single-dash word the manual knows whole: `-name`, `-maxdepth`, `-print0`.
      const whole = v.length > 2 ? lookup(manual, v) : undefined;
      // In a manual with words like `-name`, an unknown `-depth` is one option, not -d -e -p -t -h,
      // unless every letter is an option of its own.
      const wordy = manual !== undefined && Object.keys(manual.options).some((k) => /^-[a-z]{2,}/.test(k));
      if (whole || (v.length > 2 && wordy && ![...v.slice(1)].every((c) => lookup(manual, '-' + c)))) {
        items.push({ kind: 'flag', word: i, text: word.text, name: v, option: whole });
        if (takesValue(whole, v, shape) && i + 1 < end) {
          i++;
          items.push({ kind: 'value', word: i, text: args[i].text, of: v, option: whole });
        }
        continue;
      }
      if (/^-\d+$/.test(v) && !lookup(manual, v.slice(0, 2))) {
        items.push({ kind: 'flag', word: i, text: word.text, name: v, option: manual?.numeric, numeric: true });
        continue;
      }
      i = splitBundle(v.slice(1), '-', word, i, args.slice(0, end), manual, shape, items);
      continue;
    }

    // A positional.
    if (shape?.subcommands && !options.afterSubcommand && v !== null && /^[a-z][a-z0-9-]*$/.test(v)) {
      items.push({ kind: 'subcommand', word: i, text: word.text });
      return { items, subcommandAt: i };
    }
    if (shape?.dashlessBundle && i === (options.from ?? 0) && positionals === 0 && v !== null && /^[a-zA-Z]+$/.test(v) && manual && [...v].every((c) => lookup(manual, '-' + c) || manual.terms[c])) {
      i = splitBundle(v, '', word, i, args.slice(0, end), manual, shape, items);
      continue;
    }
    items.push({ kind: 'argument', word: i, text: word.text, placeholder: placeholder(positionals) });
    positionals++;
  }
  if (wrapped && wrapped.at < args.length) items.push({ kind: 'command', word: wrapped.at, until: args.length });
  return { items };
}

/** `-rf` → -r, -f; `-n5` → -n with value 5; `-xzf a.tgz` → -x, -z, -f with value a.tgz. */
function splitBundle(letters: string, dash: string, word: ArgWord, i: number, args: ArgWord[], manual: Manual | undefined, shape: Shape | undefined, items: ArgItem[]): number {
  for (let k = 0; k < letters.length; k++) {
    // `grep -n5`: the digits after the options are `-NUM`.
    if (k > 0 && /^\d+$/.test(letters.slice(k)) && !lookup(manual, '-' + letters[k])) {
      items.push({ kind: 'flag', word: i, text: `${dash}${letters.slice(k)}`, name: `-${letters.slice(k)}`, option: manual?.numeric, numeric: true });
      return i;
    }
    const name = '-' + letters[k];
    // BSD-style letters without a dash (`ps aux`) are documented as bare words.
    const bare = (dash === '' || (shape?.dashlessBundle && !lookup(manual, name))) && manual?.terms[letters[k]] ? { names: [letters[k]], value: 'none' as const, description: manual.terms[letters[k]] } : undefined;
    const option = bare ?? lookup(manual, name);
    const text = letters.length === 1 ? word.text : `${dash}${letters[k]}`;
    if (takesValue(option, name, shape)) {
      const rest = letters.slice(k + 1);
      if (rest !== '') {
        items.push({ kind: 'flag', word: i, text: `${dash}${letters[k]}`, name, option, attached: rest.replace(/^=/, '') });
        return i;
      }
      items.push({ kind: 'flag', word: i, text, name, option });
      if (i + 1 < args.length) {
        items.push({ kind: 'value', word: i + 1, text: args[i + 1].text, of: name, option });
        return i + 1;
      }
      return i;
    }
    // `sed -i.bak`: an optional value can only be attached.
    if (option?.value === 'optional' && k + 1 < letters.length) {
      items.push({ kind: 'flag', word: i, text: `${dash}${letters[k]}`, name, option, attached: letters.slice(k + 1) });
      return i;
    }
    items.push({ kind: 'flag', word: i, text, name, option });
  }
  return i;
}
