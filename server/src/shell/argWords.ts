// Reading a program's arguments: flags and positionals, option values, and
// words that look like network addresses.

import { showDynamic, type WordValue } from './words';

export const show = (v: WordValue): string => showDynamic(v.text);

export function literal(text: string): WordValue {
  return { text, dynamic: false, glob: /[*?[]/.test(text), quoted: false, ansiC: false, nested: [], unknown: [], fromSubstitution: false, procSubst: '' };
}

export function splitArgs(args: WordValue[]): { flags: string[]; positionals: WordValue[] } {
  const flags: string[] = [];
  const positionals: WordValue[] = [];
  let ended = false;
  for (const a of args) {
    const t = a.text;
    if (!ended && t === '--') {
      ended = true;
      continue;
    }
    if (!ended && !a.dynamic && t.startsWith('--') && t.length > 2) flags.push(t.slice(2).split('=')[0]);
    else if (!ended && !a.dynamic && t.startsWith('-') && t.length > 1) {
      if (/^-[0-9]+$/.test(t)) flags.push(t.slice(1));
      else flags.push(...t.slice(1).split(''));
    } else positionals.push(a);
  }
  return { flags, positionals };
}

export const URLISH = /^[a-z][a-z0-9+.-]*:\/\/|^[^\s/@]+@[^\s/:]+:|^(\d{1,3}\.){3}\d{1,3}(:\d+)?(\/|$)|^\[?[0-9a-f:]+:[0-9a-f:]*\]?$/i;
export const HOSTPATH = /^([^\s/@]+@)?[a-zA-Z0-9.-]+:([^/]|\/|$)/;

/** The words before `--`: after it every word is a file, whatever it looks like (`truncate -s 0 -- -r f` writes `-r` and f, `cp -- -t x /etc/` copies `-t` and x into /etc). */
export function beforeEnd(args: WordValue[]): WordValue[] {
  const end = args.findIndex((a) => a.text === '--' && !a.dynamic);
  return end < 0 ? args : args.slice(0, end);
}

/** Whether a word is written as it stands: no variable, substitution or unknown text went into it (`${X:--d}` is `-d` only while X is unset). */
export function literalWord(w: WordValue): boolean {
  return !w.dynamic && !w.glob && !w.fromSubstitution && (w.params ?? []).length === 0;
}

/** Option value following `name` (`-o FILE`, `-oFILE`, `--output=FILE`, `--output FILE`). */
export function optionValue(args: WordValue[], short: string[], long: string[]): WordValue[] {
  const found: WordValue[] = [];
  for (let i = 0; i < args.length; i++) {
    const t = args[i].text;
    for (const l of long) {
      if (t === l && args[i + 1]) found.push(args[i + 1]);
      else if (t.startsWith(l + '=')) found.push({ ...args[i], text: t.slice(l.length + 1) });
    }
    for (const s of short) {
      if (t === s && args[i + 1]) found.push(args[i + 1]);
      else if (t.startsWith(s) && t.length > s.length && !t.startsWith('--') && s.length === 2) found.push({ ...args[i], text: t.slice(2) });
      // Letters clustered before it (`curl -so FILE`, `wget -qO FILE`): the option still takes the next word,
      // unless one of those letters takes a value itself, which is then the rest of the cluster (`touch -rd F`: -r takes "d").
      else if (s.length === 2 && /^-[a-zA-Z]+$/.test(t) && t.length > 2 && t.endsWith(s[1]) && args[i + 1] && !short.some((o) => o.length === 2 && t.slice(1, -1).includes(o[1]))) found.push(args[i + 1]);
    }
  }
  return found;
}
