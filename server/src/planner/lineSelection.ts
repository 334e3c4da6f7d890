// Which lines, characters or fields of a text a request asks for, read from
// its words with the numbers they give: "from line 11 on" is `tail -n +11`,
// "all but the last 2 lines" is `head -n -2`, "lines 3 to 8" is
// `sed -n '3,8p'`, "characters 5 to 8 of each line" is `cut -c 5-8`, "the
// third colon-separated field" is `cut -d: -f3`. Retrieval finds head, tail
// and sed for all of these alike; what tells them apart is the preposition
// and the number, which retrieval does not weigh.

import type { EmbeddedCandidate } from './embeddedPlanner';
import type { RequestFacts } from './requestFacts';
import { shellQuote } from './templateFill';
import { readingCommand, type TextSource } from './textSource';
import { ordinals, spelledNumbers, wordNumbers } from './requestWords';
import { asksOfHistory } from './gitQuestions';

/** A program that reads the text on its standard input or from the file named after it. */
export interface LineWork {
  /** The command without its input, e.g. `tail -n +11`. */
  reader: string;
  /** What its output then goes through, e.g. ` | paste -sd,`. */
  then?: string;
  /** Reads standard input only: a file is given with `<`. */
  stdinOnly?: boolean;
  explanation: string;
}

const num = String.raw`(\d+|${Object.keys(spelledNumbers).join('|')})`;
const nth = String.raw`(\d+(?:st|nd|rd|th)|${Object.keys(ordinals).filter((w) => w !== 'last').join('|')})`;
const lineWord = String.raw`(?:lines?|rows?)`;

function amount(word: string | undefined): number | undefined {
  if (word === undefined) return undefined;
  const n = /^\d/.test(word) ? parseInt(word, 10) : wordNumbers[word] ?? ordinals[word];
  return n !== undefined && n > 0 ? n : undefined;
}

// Lines picked by what they hold are a search's, not a count's: "the last line containing error", "the line numbers of TODO in notes.txt", "find 'port' in x.conf, with line numbers".
const byContent = /\b(?:contain\w*|match\w*|mention\w*|includ\w*|grep\w*|search\w*|patterns?|occurrences?|(?:that|which) (?:have|has|say)|with the (?:word|string|text))\b|\bline numbers? (?:of|for|where)\s+(?:["'`][^"'`]+["'`]|\S+)\s+(?:in|inside|within|occurs|appears)\b|\b(?:find|look (?:up|for)|locate|spot)\s+(?:["'`][^"'`]+["'`]|(?!(?:the|all|every|each|lines?|rows?)\b)\S+\s+(?:in|inside|within)\b)/;
// A file followed as it grows, many files, lines sorted or counted first, a result kept: not one text's lines as they stand.
const notOneText = /\b(?:follow\w*|watch\w*|live|real ?time|as it grows|keeps? (?:growing|printing)|(?:each|every|all|both)\s+(?:of\s+)?(?:the\s+)?(?:[\w.*-]+\s+)?files?|in[- ]place|overwrit\w*|the file itself|sav\w*|stor\w*|writ\w*|differ\w*|compar\w*|sort\w*|alphabetical\w*|numerically|shuffl\w*|random\w*|unique|distinct|duplicat\w*|how many|count\w*|(?:into|to|in)\s+(?:a\s+|the\s+)?(?:shell\s+)?variables?)\b/;
// A file in words only ("a file", "FILE", "the given file"): the command is right and the name is asked for.
const someFile = /\b(?:a|the|given|some|that|this|input|text|specified)\s+(?:text\s+|input\s+|given\s+|specified\s+)?file\b|\bfile\b/;

const drop = String.raw`(?:all but|all except|everything but|everything except|except(?: for)?|without|skip\w*|ignor\w*|exclud\w*|omit\w*|remov\w*|delet\w*|drop\w*|strip\w*|cut off|chop\w*|leav\w* out|other than|apart from|minus)`;
const dropFirst = new RegExp(String.raw`\b${drop}\s+(?:the\s+|its\s+|their\s+)?(?:very\s+)?first\s+(?:${num}\s+)?${lineWord}\b`);
const dropLast = new RegExp(String.raw`\b${drop}\s+(?:the\s+|its\s+|their\s+)?(?:very\s+)?(?:last|final|bottom)\s+(?:${num}\s+)?${lineWord}\b`);
const fromLine = new RegExp(String.raw`\b(?:start\w*|begin\w*|from|after)\s+(?:at\s+|from\s+|with\s+|on\s+)?(?:the\s+)?(?:line\s+(?:number\s+)?${num}|${nth}\s+line)\b(?!\s*(?:to|through|thru|till|until|and|-)\s*(?:line\s+)?\d)|\b${lineWord}\s+${num}\s+(?:on(?:wards?)?|and (?:on|after|beyond|below|later)|to the end|till the end|until the end|through the end|to eof|and all (?:the )?following)\b`);
const range = new RegExp(String.raw`\b(?:${lineWord}\s+(?:number\s+|numbered\s+)?(?:from\s+)?${num}\s*(?:to|through|thru|till|until|-|and)\s*(?:line\s+)?${num}\b|(?:from|between)\s+(?:the\s+)?(?:line\s+${num}|${nth}\s+line)\s+(?:to|through|thru|till|until|and)\s+(?:the\s+)?(?:line\s+${num}|${nth}(?:\s+line)?))`);
const lineN = new RegExp(String.raw`\b(?:(?:line|row)\s+(?:number\s+|no\.?\s+|#)?${num}\b(?!\s*(?:to|through|thru|-|and)\s*\d)|${nth}\s+(?:line|row)\b)`);
// "the 2nd word of each line": fields split at blanks, as awk splits them.
const plainField = new RegExp(String.raw`\b(?:${nth}\s+(?:field|column|word)|(?:field|column)\s+(?:number\s+)?${num})\b`);
const firstN = new RegExp(String.raw`\b(?:first|top|opening|initial|beginning)\s+(?:${num}\s+)?${lineWord}\b|\b${num}\s+first\s+${lineWord}\b|\bhead of\b`);
const lastN = new RegExp(String.raw`\b(?:last|final|bottom|ending|closing)\s+(?:${num}\s+)?${lineWord}\b|\b${num}\s+last\s+${lineWord}\b|\btail of\b`);
const charRange = new RegExp(String.raw`\b(?:characters?|chars?|columns?|bytes?)\s+(?:from\s+)?${num}\s*(?:to|through|thru|till|until|-)\s*${num}\b|\b${nth}\s+(?:to|through|thru|till|until)\s+(?:the\s+)?${nth}\s+(?:characters?|chars?|bytes?)\b`);
const charN = new RegExp(String.raw`\b${nth}\s+(?:characters?|chars?|letters?)\s+(?:of|in|on|from)\s+(?:each|every|all)\b`);
const delimiters: Record<string, string> = { space: ' ', tab: '\t', comma: ',', colon: ':', semicolon: ';', semi: ';', pipe: '|', slash: '/', dot: '.', period: '.', dash: '-', hyphen: '-', underscore: '_', equals: '=', 'equal sign': '=', hash: '#', at: '@' };
const delimiterWord = String.raw`(space|tab|comma|colon|semi-?colon|pipe|slash|dot|period|dash|hyphen|underscore|equals?(?: sign)?|hash|["'\`]\S["'\`])`;
const fieldBefore = new RegExp(String.raw`\b${nth}\s+${delimiterWord}[- ]?(?:separated|delimited)\s+(?:field|column|value|word|part|item)s?\b`);
const fieldGiven = new RegExp(String.raw`\b(?:${nth}\s+(?:field|column|value|part|item)s?|(?:field|column)\s+(?:number\s+)?${num})\b[^;]{0,60}?\b(?:(?:with|using|by|on)\s+(?:the\s+|a\s+)?(?:delimiter|separator)\s+|(?:delimited|separated|split)\s+(?:by|on|with)\s+(?:an?\s+|the\s+)?|(?:with|using)\s+(?:an?\s+|the\s+)?(?=\S+\s+(?:as\s+(?:the\s+)?)?(?:delimiter|separator)))${delimiterWord}`);
const trailing = /\b(?:trailing|ending)\s+(?:white ?spaces?|spaces?|blanks?|tabs?)\b|\b(?:white ?spaces?|spaces?|blanks?)\s+at the end of (?:each|every|the) line/;
const squeeze = /\b(?:squeez\w*|collaps\w*)\b[^;]{0,30}?\b(?:blank|empty)\s+lines\b|\b(?:compress\w*|merg\w*|reduc\w*|replac\w*|turn\w*)\b[^;]{0,30}?\b(?:multiple|repeated|consecutive|several|adjacent|successive|runs of)\s+(?:blank|empty)\s+lines\b/;
// "join the lines with commas", "merge all lines into one comma-separated line".
const joinLines = /\b(?:join\w*|merg\w*|combin\w*|concatenat\w*|put\w*|collaps\w*|turn\w*|convert\w*)\b[^;]{0,40}?\b(?:all|each|every|the)\s+(?:[\w-]+\s+)?lines?\b[^;]{0,40}?\b(?:with|by|using|into|to|on|as)\s+(?:a\s+|an\s+|one\s+|single\s+)*(?:(comma|semi-?colon|colon|space|tab|pipe)s?(?:[- ](?:separated|delimited))?|(?:single|one)\s+line)\b|\b(?:replac\w*|chang\w*|convert\w*|turn\w*|translat\w*)\s+(?:all\s+|each\s+|every\s+|the\s+)*(?:new ?lines?|line breaks?|\\n)\b[^;]{0,40}?\b(?:with|by|into|to)\s+(?:a\s+|an\s+)?(comma|semi-?colon|colon|space|tab|pipe)s?\b/;
// "combine every two lines": lines put side by side in groups.
const everyLines = new RegExp(String.raw`\b(?:join\w*|merg\w*|combin\w*|pair\w*|put\w*)\b[^;]{0,30}?\b(?:every|each)\s+(?:group of\s+)?${num}\s+(?:consecutive\s+)?lines\b`);
// "every name capitalised", "capitalise the first letter of each word": the first letters, not the whole text.
const capitalWords = /\bcapitali[sz]\w*\b[^;]*\b(?:each|every|all)\s+(?:the\s+)?(?:words?|names?)\b|\b(?:each|every|all)\s+(?:the\s+)?(?:words?|names?)\b[^;]*\bcapitali[sz]\w*|\bfirst (?:letter|character|char)s? of (?:each|every|all) (?:the )?(?:words?|names?)\b|\btitle ?case\b/;
const capitalLines = /\bfirst (?:letter|character|char)s? of (?:each|every|all) (?:the )?lines?\b[^;]*\b(?:upper ?case|capital\w*)|\bcapitali[sz]\w*\b[^;]*\b(?:each|every|all) (?:the )?lines?\b/;
const joiners: Record<string, string> = { comma: ',', semicolon: ';', 'semi-colon': ';', colon: ':', space: "' '", tab: '', pipe: "'|'" };
const tabs = /\blines?\b[^;]{0,40}?\b(?:contain\w*|with|having|have|has|includ\w*)\s+(?:an?\s+|one or more\s+|any\s+)?tab(?:s|ulators?| characters?)?\b/;
const reverse = /\b(?:revers\w*|invert\w*|backwards?|flip\w*)\b[^;]{0,30}?\b(?:lines?|order)\b|\b(?:lines?|order)\b[^;]{0,30}?\b(?:revers\w*|backwards?)\b|\bbottom to top\b|\bfrom the (?:bottom|end) up\b/;
// "the last line first" orders all the lines; it picks none.
const lastFirst = /\b(?:the )?(?:last|final|bottom) line (?:comes? )?first\b/;
const numbered = /\bnumber(?:ing)?\s+(?:the\s+|each\s+|every\s+|all\s+(?:the\s+)?|its\s+)?lines?\b|\b(?:with|add\w*|prefix\w*|prepend\w*|show\w*|print\w*|includ\w*)\s+(?:the\s+)?line numbers?\b|\blines? numbered\b/;

function delimiter(word: string): string {
  const quoted = /^["'`](\S)["'`]$/.exec(word);
  return quoted ? quoted[1] : delimiters[word.replace(/-/g, '')] ?? delimiters[word.replace(/ sign$/, '').replace(/s$/, '')] ?? word;
}

/** `cut -d: -f3`, `cut -f3` for tabs, `cut -d ' ' -f3` for spaces. */
function cutField(d: string, n: number): string {
  if (d === '\t') return `cut -f ${n}`;
  return `cut -d${/^[\w,.:@%+=/-]$/.test(d) ? d : ` ${shellQuote(d)}`} -f ${n}`;
}

/**
 * What is done to a text's lines, characters or fields, or undefined when the
 * words name none of these. A field with no separator named is split at
 * blanks only for `text` on the input: a file's columns are read by its kind.
 */
export function readLineWork(lower: string, text = false): LineWork | undefined {
  if (notOneText.test(lower)) return undefined;
  let m: RegExpExecArray | null;
  if ((m = fieldBefore.exec(lower) ?? fieldGiven.exec(lower))) {
    const n = amount(m[1] ?? m[2]);
    const d = delimiter(m[m.length - 1]);
    const joined = /\bas (?:a |one )?comma[- ]separated (?:list|line)\b|\bon one line\b.*\bcommas?\b/.test(lower) && d !== ',' ? ' | paste -sd,' : '';
    if (n) return { reader: cutField(d, n), then: joined, explanation: `Prints field ${n} of each line, the fields split at ${d === ' ' ? 'spaces' : d === '\t' ? 'tabs' : `'${d}'`}.` };
  }
  if (capitalLines.test(lower)) return { reader: "sed 's/^\\(.\\)/\\u\\1/'", explanation: 'Prints each line with its first letter in upper case.' };
  if (capitalWords.test(lower)) return { reader: "sed 's/\\b\\(.\\)/\\u\\1/g'", explanation: 'Prints the text with the first letter of each word in upper case.' };
  if (text && (m = plainField.exec(lower)) && amount(m[1] ?? m[2]) && !byContent.test(lower)) {
    const n = amount(m[1] ?? m[2]) as number;
    return { reader: `awk '{print $${n}}'`, explanation: `Prints field ${n} of each line, the fields split at blanks.` };
  }
  if ((m = charRange.exec(lower))) {
    const [a, b] = [amount(m[1] ?? m[3]), amount(m[2] ?? m[4])];
    const dropped = new RegExp(String.raw`\b${drop}\b[^;]{0,20}$`).test(lower.slice(0, m.index));
    if (a && b && b >= a && dropped) return { reader: `cut --complement -c ${a}-${b}`, explanation: `Prints each line without characters ${a} to ${b}.` };
    if (a && b && b >= a) return { reader: `cut -c ${a}-${b}`, explanation: `Prints characters ${a} to ${b} of each line.` };
  }
  if ((m = charN.exec(lower)) && amount(m[1])) return { reader: `cut -c ${amount(m[1])}`, explanation: `Prints character ${amount(m[1])} of each line.` };
  if (tabs.test(lower)) return { reader: "grep -P '\\t'", explanation: 'Prints the lines that hold a tab.' };
  if (trailing.test(lower) && /\b(?:remov\w*|delet\w*|strip\w*|trim\w*|drop\w*|without|get rid|clean\w*|chop\w*)\b/.test(lower)) return { reader: "sed 's/[[:space:]]*$//'", explanation: 'Prints each line without the spaces and tabs at its end.' };
  if (squeeze.test(lower)) return { reader: 'cat -s', explanation: 'Prints the text with each run of blank lines made one.' };
  if ((m = everyLines.exec(lower)) && (amount(m[1]) ?? 0) > 1) return { reader: `paste -d ' '${' -'.repeat(amount(m[1]) as number)}`, stdinOnly: true, explanation: `Joins every ${amount(m[1])} lines into one.` };
  if ((m = joinLines.exec(lower))) {
    const d = joiners[m[1] ?? m[2] ?? 'comma'] ?? ',';
    const paste = `paste -sd${d.startsWith("'") ? ` ${d}` : d}`;
    const blanks = /\bnon-?(?:blank|empty)\b|\bnot (?:blank|empty)\b|\bskip\w* (?:the )?(?:blank|empty)|\bwithout (?:the )?(?:blank|empty)/.test(lower);
    return blanks ? { reader: "grep -v '^[[:space:]]*$'", then: ` | ${paste}`, explanation: 'Joins the lines that are not blank into one line.' } : { reader: paste, explanation: 'Joins the lines into one line.' };
  }
  if (byContent.test(lower)) return undefined;
  return lineRange(lower);
}

/** A run of whole lines, the run reversed when the words say so ("the last 5 lines in reverse order"). */
function lineRange(lower: string): LineWork | undefined {
  const reversed = reverse.test(lower) || lastFirst.test(lower);
  const run = linesPicked(lower.replace(lastFirst, ''));
  if (!reversed) return run;
  if (!run) return { reader: 'tac', explanation: 'Prints the lines last first.' };
  return { ...run, then: `${run.then ?? ''} | tac`, explanation: `${run.explanation} Last first.` };
}

/** From a line on, all but the first or last few, a range, one line, the first or last few, or numbered. */
function linesPicked(lower: string): LineWork | undefined {
  let m: RegExpExecArray | null;
  if ((m = dropFirst.exec(lower))) {
    const n = amount(m[1]) ?? 1;
    return { reader: `tail -n +${n + 1}`, explanation: `Prints the text from line ${n + 1} on, without its first ${n === 1 ? 'line' : `${n} lines`}.` };
  }
  if ((m = dropLast.exec(lower))) {
    const n = amount(m[1]) ?? 1;
    return { reader: `head -n -${n}`, explanation: `Prints the text without its last ${n === 1 ? 'line' : `${n} lines`}.` };
  }
  if ((m = range.exec(lower))) {
    const [a, b] = [amount(m[1] ?? m[3] ?? m[4]), amount(m[2] ?? m[5] ?? m[6])];
    if (a && b && b > a) return { reader: `sed -n '${a},${b}p'`, explanation: `Prints lines ${a} to ${b}.` };
  }
  if ((m = fromLine.exec(lower))) {
    const n = amount(m[1] ?? m[2] ?? m[3]);
    const after = /\bafter\s/.test(m[0]);
    if (n) return { reader: `tail -n +${after ? n + 1 : n}`, explanation: `Prints the text from line ${after ? n + 1 : n} to the end.` };
  }
  if ((m = lineN.exec(lower)) && amount(m[1] ?? m[2])) return { reader: `sed -n '${amount(m[1] ?? m[2])}p'`, explanation: `Prints line ${amount(m[1] ?? m[2])}.` };
  if ((m = firstN.exec(lower))) {
    const n = amount(m[1] ?? m[2]) ?? (/\blines\b/.test(m[0]) ? 10 : 1);
    return { reader: `head -n ${n}`, explanation: `Prints the first ${n === 1 ? 'line' : `${n} lines`}.` };
  }
  if ((m = lastN.exec(lower))) {
    const n = amount(m[1] ?? m[2]) ?? (/\blines\b/.test(m[0]) ? 10 : 1);
    return { reader: `tail -n ${n}`, explanation: `Prints the last ${n === 1 ? 'line' : `${n} lines`}.` };
  }
  if (numbered.test(lower)) return { reader: 'nl -ba', explanation: 'Prints each line with its number.' };
  return undefined;
}

/**
 * The command for the lines the words pick, reading the text the request
 * gives (its standard input, a value or a command's output) or the one file
 * it names; a file named only in words is left for the person to name.
 */
export function lineWorkCandidates(facts: RequestFacts, source: TextSource | undefined): EmbeddedCandidate[] {
  // "who last changed line 2 of x": the line's history is asked, not what it says.
  if (asksOfHistory(facts.lower)) return [];
  const work = readLineWork(facts.lower, source !== undefined);
  if (!work) return [];
  const then = work.then ?? '';
  const plan = (command: string, confidence: number, missing: string[], given: string): EmbeddedCandidate => ({ command: `${command}${then}`, confidence, explanation: `${work.explanation} ${given}`, source: 'text.lines', filled: [], missing });
  if (source) return [plan(readingCommand(source, work.reader), 0.96, [], source.kind === 'stdin' ? 'It reads its standard input.' : 'The text is given on its input.')];
  // A file named in quotes by a word that is no name the workspace has: "in 'file'", "of "$f"".
  const quoted = facts.quoted.filter((q) => /[A-Za-z]/.test(q.value) && /^[\w./$~{}-]+$/.test(q.value)).map((q) => q.value);
  const files = [...new Set(facts.files.length > 0 ? facts.files.map((f) => f.value) : quoted)];
  const input = work.stdinOnly ? '< ' : '';
  if (files.length === 1) return [plan(`${work.reader} ${input}${shellQuote(files[0])}`, 0.96, [], `It reads ${files[0]}.`)];
  if (files.length === 0 && facts.dirs.length === 0 && someFile.test(facts.lower)) return [plan(`${work.reader} ${input}'<file>'`, 0.62, ['file'], 'Name the file to read.')];
  return [];
}
