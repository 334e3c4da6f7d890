// Turns a knowledge template and slot values into one command line. Values
// are quoted here, never by the template, so a value can never end a quote
// or start a new command.

import { parseTemplate, type KnowledgeEntry } from './corpus';
import { WORD_SEPARATOR, wordsOf } from './namedList';

// Options whose argument is a pattern the program matches itself: the glob must reach it unexpanded.
const globOption = /(^|\s)(-i?name|-i?path|-i?wholename|-i?regex|-i?lname|--include|--exclude|--exclude-dir|--glob|-g|--ignore|--wildcards)[ =]$/;
const bareSafe = /^[A-Za-z0-9_./+\-=:,@%^]+$/;
// A value written as shell variables ("$USER", "$dir/logs", "${1}"): double quotes keep it a variable and one word.
const variableValue = /^(?=[^$]*\$)(?:\$(?:\{[A-Za-z_]\w*\}|[A-Za-z_]\w*|[0-9@#?])|[\w./+:,@%^-])+$/;

/** Quote a word for bash: bare when harmless, else single quotes. */
export function shellQuote(value: string): string {
  if (value !== '' && bareSafe.test(value)) return value;
  if (variableValue.test(value)) return `"${value}"`;
  // A home-relative path keeps its tilde outside the quotes so bash still expands it.
  const home = /^~(\/.*)?$/.exec(value);
  if (home) return home[1] ? '~/' + shellQuote(home[1].slice(1) || '.') : '~';
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export interface FillResult {
  command: string;
  /** Required slots the request did not supply (shown as '<name>'). */
  missing: string[];
}

/**
 * Fill `entry.template` with `values`; slots without a value take their
 * default (unless listed in `withoutDefault`), required ones without either
 * become a visible '<name>'.
 */
export function fillTemplate(entry: Pick<KnowledgeEntry, 'template' | 'slots'>, values: Record<string, string | undefined>, withoutDefault: readonly string[] = []): FillResult {
  const { parts } = parseTemplate(entry.template, new Set(Object.keys(entry.slots)));
  const missing: string[] = [];
  let command = '';
  for (const [i, part] of parts.entries()) {
    if (part.literal !== undefined) {
      command += part.literal;
      continue;
    }
    const name = part.slot as string;
    const spec = entry.slots[name];
    let value = values[name];
    if (value === undefined && spec.default !== undefined && !withoutDefault.includes(name)) value = String(spec.default);
    if (value === undefined) {
      if (!missing.includes(name)) missing.push(name);
      value = `<${name}>`;
    }
    // A folder glued to a glob (`{path}*/`): "." is the folder the glob already means, any other ends in a slash.
    if ((spec.type === 'path' || spec.type === 'dir') && /^[*?]/.test(parts[i + 1]?.literal ?? '')) value = value === '' || /^\.\/?$/.test(value) ? '' : value.replace(/\/?$/, '/');
    // find's -name matches the last part of a path only: a name the workspace has at src/lib/helpers.js is helpers.js there.
    if (/(?:^|\s)-i?name $/.test(command) && /^[\w.@+-]+(?:\/[\w.@+-]+)+$/.test(value)) value = value.slice(value.lastIndexOf('/') + 1);
    if (part.quote === 'single') command += value.split(WORD_SEPARATOR).join(' ').replace(/'/g, `'\\''`);
    else if (value.includes(WORD_SEPARATOR)) command += wordsOf(value).map(shellQuote).join(' ');
    else if (value === '') command += '';
    else if (spec.type === 'glob' && !globOption.test(command) && /^[A-Za-z0-9_./*?[\]!+-]+$/.test(value) && !value.startsWith('-')) command += value;
    else command += shellQuote(value);
  }
  return { command: command.replace(/ {2,}/g, (m, offset: number) => (insideQuotes(command, offset) ? m : ' ')).trim(), missing };
}

// An optional slot filled with nothing leaves a double space; collapse those
// outside quotes only, so literal spacing inside an awk program survives.
function insideQuotes(text: string, offset: number): boolean {
  let quote: string | null = null;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (quote === null) {
      if (c === '\\') i++;
      else if (c === "'" || c === '"') quote = c;
    } else if (c === quote) quote = null;
    else if (quote === '"' && c === '\\') i++;
  }
  return quote !== null;
}
