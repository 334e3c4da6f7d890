// Finds the plain words of a command line (no quotes, no expansions) and the
// role each plays: a command name, an argument, a redirection target or an
// assignment. Only plain words are ever rewritten by a transform, so a
// rewrite cannot change what the rest of the line means.

export interface Word {
  start: number;
  end: number;
  text: string;
  role: 'name' | 'arg' | 'redirect' | 'assign' | 'keyword' | 'other';
  /** Index of the simple command the word belongs to. */
  command: number;
}

export interface SimpleCommand {
  index: number;
  name?: Word;
  args: Word[];
  /** Every word of the command is plain, so the whole command can be rewritten. */
  plain: boolean;
  /** Offset where the command starts (its first word or assignment). */
  start: number;
  end: number;
}

const PLAIN = /^[A-Za-z0-9_./~+:@%,=^-]+$/;
const GLOBBY = /^[A-Za-z0-9_./~+:@%,=^*?[\]-]+$/;
const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', 'for', 'in', 'case', 'esac', 'function', '!', '{', '}', 'time', 'select', '[[', ']]']);
const OPENS_COMMAND = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', 'time']);

interface Token {
  start: number;
  end: number;
  text: string;
  op: boolean;
}

/** Split a line into words and operators at the top level; quoted and nested parts stay inside their word. */
function tokens(src: string): Token[] | null {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '#' ) return out;
    if (c === '\n' || c === ';' || c === '&' || c === '|' || c === '(' || c === ')' || c === '<' || c === '>') {
      const m = /^(;;|&&|\|\||\|&|&>>|&>|>>|<<<|<<-?|<>|>&|<&|>\||[\n;&|()<>])/.exec(src.slice(i));
      const op = m ? m[0] : c;
      if (op === '<<' || op === '<<-') return null; // here-documents are left to the line transforms
      out.push({ start: i, end: i + op.length, text: op, op: true });
      i += op.length;
      continue;
    }
    const start = i;
    let depth = 0;
    while (i < src.length) {
      const d = src[i];
      if (depth === 0 && /[ \t\n;&|()<>]/.test(d) && !(d === '(' && src[i - 1] === '=')) break;
      if (d === '\\') i += 2;
      else if (d === "'") {
        const close = src.indexOf("'", i + 1);
        if (close < 0) return null;
        i = close + 1;
      } else if (d === '"') {
        i = skipDouble(src, i + 1);
        if (i < 0) return null;
      } else if (d === '(' && src[i - 1] === '=' && depth === 0) {
        // An array assignment: `a=(x y)` is one word.
        depth++;
        i++;
      } else if (d === '$' && (src[i + 1] === '(' || src[i + 1] === '{')) {
        depth++;
        i += 2;
      } else if (depth > 0 && (d === '(' || d === '{')) {
        depth++;
        i++;
      } else if (depth > 0 && (d === ')' || d === '}')) {
        depth--;
        i++;
      } else if (d === '`') {
        const close = src.indexOf('`', i + 1);
        if (close < 0) return null;
        i = close + 1;
      } else i++;
    }
    if (depth !== 0) return null;
    out.push({ start, end: i, text: src.slice(start, i), op: false });
  }
  return out;
}

function skipDouble(src: string, i: number): number {
  let depth = 0;
  while (i < src.length) {
    const d = src[i];
    if (d === '\\') i += 2;
    else if (d === '"' && depth === 0) return i + 1;
    else if (d === '$' && src[i + 1] === '(') {
      depth++;
      i += 2;
    } else if (depth > 0 && d === ')') {
      depth--;
      i++;
    } else i++;
  }
  return -1;
}

/** The simple commands of a line with their plain words; null when the line is beyond this reader (here-documents, odd quoting). */
export function readLine(src: string): { words: Word[]; commands: SimpleCommand[]; functions: string[] } | null {
  const toks = tokens(src);
  if (toks === null) return null;
  // Arithmetic, tests, case patterns and `function` have their own word rules: leave such lines to the line transforms.
  if (toks.some((t, k) => (!t.op && ['case', 'function', '[[', 'select'].includes(t.text)) || (t.op && t.text === '(' && toks[k + 1]?.text === '(' && toks[k + 1].start === t.end))) return null;
  const words: Word[] = [];
  const commands: SimpleCommand[] = [];
  const functions: string[] = [];
  let current: SimpleCommand | undefined;
  let expectName = true;
  let redirectNext = false;
  let inFor = false;
  let inCase = 0;
  const close = () => {
    if (current) commands.push(current);
    current = undefined;
    expectName = true;
  };
  for (const t of toks) {
    if (t.op) {
      if (['<', '>', '>>', '<<<', '&>', '&>>', '<>', '>&', '<&', '>|'].includes(t.text)) {
        redirectNext = true;
        continue;
      }
      if (t.text === ')' && inCase > 0) continue;
      // `name() { ...; }` defines a function: its name is not a command to rewrite.
      if (t.text === '(' && current?.name && current.args.length === 0) {
        functions.push(current.name.text);
        words.splice(words.indexOf(current.name), 1);
        current = undefined;
      }
      close();
      continue;
    }
    const plain = PLAIN.test(t.text);
    const globby = GLOBBY.test(t.text);
    if (redirectNext) {
      redirectNext = false;
      if (current) current.plain = false;
      if (globby) words.push({ start: t.start, end: t.end, text: t.text, role: 'redirect', command: current?.index ?? commands.length });
      if (current) current.end = t.end;
      continue;
    }
    if (inFor) {
      if (t.text === 'do') inFor = false;
      else continue;
    }
    if (expectName && KEYWORDS.has(t.text)) {
      if (t.text === 'for' || t.text === 'select') inFor = true;
      if (t.text === 'case') inCase++;
      if (t.text === 'esac') inCase--;
      if (!OPENS_COMMAND.has(t.text) && t.text !== 'for') expectName = false;
      continue;
    }
    if (inCase > 0 && !current && /\)$/.test(t.text)) continue;
    if (!current) current = { index: commands.length, args: [], plain: true, start: t.start, end: t.end };
    current.end = t.end;
    if (expectName && /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/.test(t.text)) {
      current.plain = false;
      words.push({ start: t.start, end: t.end, text: t.text, role: 'assign', command: current.index });
      continue;
    }
    if (expectName) {
      expectName = false;
      if (plain && /^[A-Za-z0-9_./:-]+$/.test(t.text) && !t.text.includes('=')) {
        current.name = { start: t.start, end: t.end, text: t.text, role: 'name', command: current.index };
        words.push(current.name);
      } else current.plain = false;
      continue;
    }
    if (globby) {
      const w: Word = { start: t.start, end: t.end, text: t.text, role: 'arg', command: current.index };
      current.args.push(w);
      words.push(w);
    } else current.plain = false;
  }
  close();
  return { words, commands, functions };
}
