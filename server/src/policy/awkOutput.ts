// awk's output redirections (`print > FILE`, `printf … >> FILE`): FILE is an
// expression. A string is that file; `ENVIRON["HOME"] "/.bashrc"` is a file of
// the home folder; anything computed from the data (`> $1`) is only known at run time.

import { literal } from '../shell/argWords';
import { DYNAMIC, type WordValue } from '../shell/words';

export function awkOutputFiles(code: string): WordValue[] {
  const out: WordValue[] = [];
  for (const m of code.matchAll(/\bprintf?\b[^;}\n]*?>>?\s*([^;}\n|]+)/g)) {
    const target = awkString(m[1].trim());
    out.push(target.includes(DYNAMIC) ? { ...literal(target), dynamic: true, glob: false } : literal(target));
  }
  return out;
}

/** Concatenated strings and ENVIRON lookups as a path; other parts are run-time ones. */
function awkString(expr: string): string {
  let text = '';
  let rest = expr.replace(/^\(\s*|\s*\)$/g, '');
  while (rest.length > 0) {
    const str = /^"((?:[^"\\]|\\.)*)"\s*/.exec(rest);
    const env = /^ENVIRON\s*\[\s*"([A-Za-z_]\w*)"\s*\]\s*/.exec(rest);
    if (str) {
      text += str[1].replace(/\\(.)/g, '$1');
      rest = rest.slice(str[0].length);
    } else if (env) {
      text += env[1] === 'HOME' && text === '' ? '~' : DYNAMIC;
      rest = rest.slice(env[0].length);
    } else {
      // A field, variable or call: the rest of the name is known only when awk runs.
      return text + DYNAMIC;
    }
  }
  return text;
}
