// Edits of the lines inside each file a selection finds: "delete the lines
// containing 'DEBUG' from the logs", "comment out the lines matching 'set -x'",
// "remove the blank lines in them", "prepend '#' to the lines that contain
// 'abc'". Each is one `sed -i` script run on every file found. The text to look
// for is the request's own: taken literally when the lines contain it, as a
// pattern when they match it. Without that text no line edit is read, so a
// request about lines is never planned as a delete of whole files.

import type { RequestFacts } from './requestFacts';
import { valueWord } from './findTests';
import { shellQuote } from './templateFill';

export interface LineEdit {
  /** The sed script, quoted for the shell. */
  script: string;
  label: string;
  /** The words that order the edit: what they say of the lines is no test of the files. */
  phrase: string;
}

const removing = String.raw`\b(?:delet|remov|strip|drop|eras|get rid of|filter(?:ing)? out)\w*`;
const lines = String.raw`(?:(?:all|every|each|any|the|of|those|these)\s+){0,3}lines?`;
// "containing 'x'", "that match the regex 'x'", "starting with '#'": which lines, and how the text is read.
const which = String.raw`\s+(?:(?:that|which)\s+)?(contain\w*|with|having|mention\w*|match\w*|start\w*\s+with|begin\w*\s+with|end\w*\s+with)\s+(?:the\s+)?(?:(regex\w*|regular expression|pattern|string|text|word)\s+)?(${valueWord}|\S+)`;
const removeLines = new RegExp(String.raw`${removing}\s+${lines}${which}`, 'i');
const removeBlank = new RegExp(String.raw`${removing}\s+(?:(?:all|every|each|any|the|those|these)\s+){0,3}(empty|blank)\s+lines?\b(?:[^.;]{0,40}?\b(?:from|at)\s+the\s+(beginning|start|top)\b)?`, 'i');
const commentOut = new RegExp(String.raw`\bcomment\w*\s+out\s+${lines}${which}`, 'i');
const prepend = new RegExp(String.raw`\b(?:prepend\w*|add\w*|insert\w*|put\w*)\s+(${valueWord})\s+(?:to\s+|at\s+)?(?:the\s+)?(?:(?:beginning|start|front)\s+of\s+)?${lines}(?:${which})?`, 'i');

/** The edit of the lines of each file the request orders, or undefined when it orders none with its text given. */
export function lineEdit(f: RequestFacts): LineEdit | undefined {
  const text = f.text;
  const blank = removeBlank.exec(text);
  if (blank) {
    // "delete the empty lines from the beginning": only those before the first line with text.
    if (blank[2]) return { script: shellQuote('/./,$!d'), label: 'Deletes the empty lines at the start of each file it finds', phrase: blank[0] };
    return { script: shellQuote(/^empty$/i.test(blank[1]) ? '/^$/d' : '/^[[:space:]]*$/d'), label: `Deletes the ${blank[1].toLowerCase()} lines of each file it finds`, phrase: blank[0] };
  }
  const removed = removeLines.exec(text);
  if (removed) {
    const address = lineAddress(removed[1], removed[2], removed[3]);
    return address ? { script: shellQuote(`${address}d`), label: `Deletes the lines ${describe(removed)} from each file it finds`, phrase: removed[0] } : undefined;
  }
  const commented = commentOut.exec(text);
  if (commented) {
    const address = lineAddress(commented[1], commented[2], commented[3]);
    return address ? { script: shellQuote(`${address}s/^/#/`), label: `Comments out the lines ${describe(commented)} in each file it finds`, phrase: commented[0] } : undefined;
  }
  const put = prepend.exec(text);
  if (put && /\b(?:prepend\w*|(?:beginning|start|front)\s+of)\b/i.test(put[0])) {
    const added = literalText(put[1]);
    const address = put[2] ? lineAddress(put[2], put[3], put[4]) : '';
    if (added === undefined || address === undefined) return undefined;
    return { script: shellQuote(`${address}s/^/${added.replace(/[\\&/]/g, '\\$&')}/`), label: `Puts ${added} at the start of the lines${put[2] ? ` ${describe(put.slice(1))}` : ''} of each file it finds`, phrase: put[0] };
  }
  return undefined;
}

/** A value as written, without its quotes, when it is text (not a variable, not empty). */
function literalText(raw: string): string | undefined {
  const v = raw.replace(/^['"\x60](.*)['"\x60]$/s, '$1').replace(/[’‘]/g, "'");
  if (v === '' || /^\$/.test(raw) || /\n/.test(v)) return undefined;
  // A bare word that only links the sentence is no text to look for.
  if (!/^['"\x60]/.test(raw) && /^(?:the|a|an|it|them|those|these|in|of|from|text|string|words?|lines?)$/i.test(v)) return undefined;
  return v;
}

/** The sed address of the lines the words pick: a pattern for "match", the text itself otherwise. */
function lineAddress(how: string, called: string | undefined, raw: string): string | undefined {
  const v = literalText(raw);
  if (v === undefined) return undefined;
  const pattern = /^match/i.test(how) || /^(?:regex|regular|pattern)/i.test(called ?? '');
  const literal = v.replace(/[\\.*[\]^$]/g, '\\$&');
  const body = pattern ? v : /^(?:start|begin)/i.test(how) ? `^${literal}` : /^end/i.test(how) ? `${literal}$` : literal;
  // A delimiter the text does not hold: `\|x|` when it holds a slash.
  const sep = ['/', '|', '#', '@', ','].find((c) => !body.includes(c));
  if (!sep) return undefined;
  return sep === '/' ? `/${body}/` : `\\${sep}${body}${sep}`;
}

function describe(m: ArrayLike<string | undefined>): string {
  return `${(m[1] ?? '').toLowerCase()} ${m[3] ?? ''}`.trim();
}
