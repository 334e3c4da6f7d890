// How an option's manual text reads once it is about one command: the
// manual's boilerplate taken off ("True; print …" is find's way of saying the
// action always succeeds), and the manual's placeholder for the value
// (`-type c`, `-name pattern`, `--lines=NUM`) replaced by the value given.

import type { OptionDoc } from './manualParse';

/** Leading words that say how an expression evaluates, not what it does (find's actions: "True; …", "Always true; …"). */
const LEADING_TRUTH = /^(?:(?:always|returns?)\s+)?(?:true|false)\s*[;,:]\s*(?=\S)/i;

/** A trailing clause on how the expression evaluates ("Delete files; true if removal succeeded"). */
const TRAILING_TRUTH = /;\s*(?:returns\s+)?(?:true|false)\s+(?:if|unless|when)\b[^;]*$/i;

/** Manual text without its evaluation boilerplate, first letter kept as a sentence start. */
export function stripBoilerplate(description: string): string {
  const stripped = description.replace(LEADING_TRUTH, '').replace(TRAILING_TRUTH, '');
  if (stripped === description || stripped === '') return description;
  return /^[a-z]/.test(stripped) && !/^[a-z]+[A-Z-]/.test(stripped) ? stripped[0].toUpperCase() + stripped.slice(1) : stripped;
}

/** A value as it reads in a sentence: quoted when it holds spaces or nothing. */
function shown(value: string): string {
  return value === '' || /\s/.test(value) ? JSON.stringify(value) : value;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Where in the description the placeholder stands. An upper-case name
 * (`NUM`, `FILE`) or a single letter (`c`, `n`) is a placeholder wherever it
 * stands as a word; a lower-case word (`pattern`, `file`) is also plain
 * English, so only where the manual doubles it ("shell pattern pattern",
 * "into file file") or where it is the last word.
 */
function placeholderPattern(name: string, description: string): { re: RegExp; all: boolean } | undefined {
  const bare = name.replace(/^\[[-+]+\]/, '').replace(/(?<=\w)\[[^\]]*\]$/, '').replace(/^[<[]|[>\]]$/g, '').replace(/\.\.\.$/, '');
  if (!/^[A-Za-z][\w-]*$/.test(bare)) return undefined;
  const word = escapeRegExp(bare);
  if (/^[A-Z][A-Z0-9_-]*$/.test(bare) || bare.length === 1) return { re: new RegExp(`(?<![\\w-])${word}(?![\\w-])`, 'g'), all: true };
  const count = description.match(new RegExp(`\\b${word}\\b`, 'g'))?.length ?? 0;
  // "Descend at most levels (a non-negative integer) levels": the first is the placeholder.
  if (count === 2 && !new RegExp(`\\b${word} ${word}\\b`).test(description)) return { re: new RegExp(`\\b${word}\\b`), all: false };
  return { re: new RegExp(`(?<=\\b${word} )${word}\\b|(?<= )${word}$`), all: false };
}

/** find's numeric arguments: `+n` more than n, `-n` less than n. */
function findNumber(value: string): { digits: string; note: string } | undefined {
  const m = /^([+-])(\d+)$/.exec(value);
  if (!m) return undefined;
  return { digits: m[2], note: `${value}: ${m[1] === '+' ? 'more' : 'less'} than ${m[2]}` };
}

/**
 * The option's description for the value it was given: its placeholder
 * replaced by the value, and the meaning of that value when the manual
 * tabulates them (`-type f` → "File is of type f: regular file").
 */
export function describeWithValue(option: OptionDoc, value: string | null, program: string): string {
  const description = stripBoilerplate(option.description);
  if (value === null) return description;
  const meaning = option.values?.[value];
  const numeric = program === 'find' ? findNumber(value) : undefined;
  const placeholder = option.valueName ? placeholderPattern(option.valueName, description) : undefined;
  let text = description;
  let used = false;
  if (placeholder) {
    const replacement = shown(numeric ? numeric.digits : value);
    const next = text.replace(placeholder.re, () => replacement);
    used = next !== text;
    text = next;
  }
  const notes: string[] = [];
  if (meaning) notes.push(meaning);
  if (numeric && used) notes.push(numeric.note);
  if (!used && !meaning) notes.push(`value: ${shown(value)}`);
  if (notes.length === 0) return text;
  return meaning && notes.length === 1 ? `${text}: ${meaning}` : `${text} (${notes.join('; ')})`;
}

/** The value's own part: what it is for, and what it means when the manual says. */
export function describeValue(option: OptionDoc, value: string | null, of: string): string {
  const meaning = value !== null ? option.values?.[value] : undefined;
  const name = option.valueName?.replace(/^<(.*)>$/, '$1');
  // A one-letter placeholder ("c for -type") says nothing to a reader.
  const what = name && name.length > 1 ? `${name} for ${of}` : `the value of ${of}`;
  return meaning ? `${what}: ${meaning}` : what;
}
