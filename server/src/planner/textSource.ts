// What a request gives a text program to work on: text written in it ("the
// md5 sum of "abc"", "the last 3 characters of 987654321", "the extension of
// file.tar.gz"), a shell variable holding text ("the fields of $row"), or a
// command whose output is the input ("the first line of the output of `seq 1
// 10000`"). It becomes the first step of a pipeline: `echo 'abc' | md5sum`.

import type { WorkspaceNames } from './requestFacts';
import { shellQuote } from './templateFill';
import { numbersWhere } from './requestWords';
import { variableTarget } from './variableTarget';

export type TextSource =
  | { kind: 'text'; text: string; span: string }
  | { kind: 'variable'; name: string; span: string }
  | { kind: 'command'; command: string; span: string }
  | { kind: 'stdin'; span: string };

// What is done to text, not to a file or a folder.
const textWork = /\b(fields?|columns?|characters?|chars?|letters?|upper ?case|lower ?case|uppercase|lowercase|capital\w*|revers\w*|revert\w*|md5\w*|sha\d*\w*|checksum|hash|crc|hex\w*|dump|length|words?|split|replac\w*|substitut\w*|delimit\w*|separat\w*|trim\w*|strip\w*|encod\w*|decod\w*|base64|sort\w*|count\w*|first|last|extension|suffix|new ?lines?|table|tabulate)\b/;
// Work on a name rather than on what a file holds: here a file's name is text.
const nameWork = /\b(extension|suffix)\b/;
// "the extension of $f", "the suffix of the file named in $FILE": a name held in a variable.
const extensionOfVariable = /\b(?:extension|suffix)\s+of\s+(?:the\s+)?(?:(?:file\s*)?name\s+|file\s+)?(?:(?:named|held|stored|given|kept)\s+)?(?:in\s+|by\s+)?(?:the\s+variable\s+)?["']?\$\{?[A-Za-z_]/i;
// A change of case is done to text, whatever the variable holding it is called ("$NAME").
const caseWork = /\b(?:upper|lower) ?case\b|\b(?:uppercase|lowercase|capitali[sz]\w*)\b/;
const fileWords = /(?<![$\w{.])(?:files?|folders?|director(?:y|ies))\b(?!\.\w)/;
// "variable 'row'", "the 'var1' variable": a variable named as such.
const named = /\bvariables?\s+["'`]?\$?([A-Za-z_]\w*)["'`]?|["'`]\$?([A-Za-z_]\w*)["'`]\s+variable\b/g;
// "save it to the variable b", "set variable b to …": where a result goes, not an input.
const targets = /\b(?:to|in|into)\s+(?:the\s+)?(?:shell\s+)?variables?\s+["'`]?\$?(\w+)|\bset\s+(?:the\s+)?variables?\s+["'`]?\$?(\w+)/gi;
const notNames = /^(?:to|and|as|in|into|the|a|an|with|of|on|for|from|is|that|which|named|called)$/i;
const written = /(?<![\w"'])(\$\{?[A-Za-z_]\w*\}?|\$[0-9])(?![\w/])/;
const lead = String.raw`\b(?:string|text|value|word|line|number|of|in|from)\s+`;
const literal = new RegExp(`${lead}"([^"\\n/]{1,200})"|${lead}'([^'\\n/]{1,200})'`);
const anyQuoted = /(?<![\w])"([^"\n]{1,200})"|(?<![\w])'([^'\n]{1,200})'/g;
// A number or a name written bare after what is done to it: "from 987654321", "of file.tar.gz".
const bareNumber = /\b(?:of|in|from)\s+(\d{2,})(?![\w.])/;
const bareName = /\b(?:of|in|from)\s+(?:the\s+(?:file\s*)?name\s+)?([\w-]+(?:\.[A-Za-z]\w{0,7})+)(?![\w.])/;
// What is done only to text: a value quoted with nothing before it is text when one of these is asked.
const textOnlyWork = /\b(upper ?case|lower ?case|uppercase|lowercase|capital\w*|revers\w*|md5\w*|sha\d*\w*|hash|checksum|base ?64|trim\w*|strip\w*|characters?|chars?|letters?|split\w*|new ?lines?|extension|suffix)\b/;
// A quoted word that names a file rather than holding text: a path, a device, "infile", "FILENAME".
const fileish = /\/|file|^(?:in|out)(?:put)?$/i;
// Words that say a quoted value is a pattern or a replacement, not the text worked on.
const argumentWords = /\b(replac\w*|substitut\w*|with|by|delimit\w*|separat\w*|split\w* (?:on|at|by))\b/;
// "the output of `seq 1 10`", "the result of running "date"", "the output of history".
const outputOf = /\b(?:output|result)s?\s+(?:of|from)\s+(?:running\s+|the\s+(?:command\s+)?)?(?:(["'`])([^"'`\n]{1,200})\1|([a-z][\w-]*)\b(?!\s*(?:file|folder|director)))/i;
// Text given in quotes that is itself a command with its arguments: "the first line of "seq 1 10000"".
const quotedCommand = /\b(?:of|from|in)\s+(["'`])([a-z][\w.-]*(?:\s+[^"'`\n]+)+)\1/i;

// "standard input", "stdin", "piped text", "the input": text that arrives on the pipe, named by no file.
const stdinWords = /\b(?:standard input|std ?in|stdin|(?:text|input|data|lines|output) (?:that is |that's |being )?(?:piped|fed|passed|sent) (?:in|into (?:it|the command)|to (?:it|the command))|piped(?: in)? (?:text|input|data|lines|output)|from (?:the |a )?pipe(?:line)?)\b|(?:\b(?:of|in|on|from|to|convert|turn|change|sort|reverse|number|filter|read)\s+)(?:the |its |all )?input\b(?!\s*(?:files?|folders?|director\w*|fields?|boxe?s?|devices?|methods?|sources?|streams? of|from (?:the )?(?:user|keyboard)))/;
// A file read beside it: "standard input and the file x", "from the input file".
const stdinFile = /\bfiles\b|\b(?:of|in|from|on|and|or|with)\s+(?:the\s+|a\s+|an\s+|each\s+|every\s+|all\s+)?(?:input\s+|given\s+|text\s+)?(?:files?|folders?|director(?:y|ies))\b|\binput files?\b|(?<![\w$])[\w-]+\.[a-z]\w{0,5}\b/;
const stdinNot = /\b(?:user|keyboard|prompt\w*|typed|interactive\w*|asks?|enter\w*)\b/;

/** What the request gives as the input of a text program, or undefined when it names none. */
export function readTextSource(request: string, names: WorkspaceNames, isProgram: (name: string) => boolean): TextSource | undefined {
  const command = commandSource(request, isProgram);
  if (command) return command;
  const lower = request.toLowerCase();
  const stdin = stdinWords.exec(lower);
  if (stdin && !stdinNot.test(lower) && !stdinFile.test(lower)) return { kind: 'stdin', span: request.slice(stdin.index, stdin.index + stdin[0].length) };
  // "the extension of the file named in $FILE": a file's name held in a variable is text.
  const nameInVariable = extensionOfVariable.test(request);
  if (!(textWork.test(lower) || repeatCount(lower)) || (fileWords.test(lower) && !nameInVariable)) return undefined;
  // "save … to the variable md5": the variable is where the result goes, not the input.
  const saved = /\b(?:sav|stor|put|keep|kept|assign|captur|plac|hold|read|set|writ)\w*\b/i.test(request);
  const target = new Set(saved ? [...request.matchAll(targets)].map((t) => t[1] ?? t[2]) : []);
  const vt = variableTarget(request)?.name;
  if (vt) target.add(vt);
  const variable = [...request.matchAll(named)].find((v) => !target.has(v[1] ?? v[2]) && !notNames.test(v[1] ?? v[2]));
  if (variable) return { kind: 'variable', name: variable[1] ?? variable[2], span: variable[0] };
  // "print "$word" $n times": $n is how many times, not the text.
  const raw = [...request.matchAll(new RegExp(written, 'g'))].map((w) => w[1]).find((w) => `"${w}"` !== repeatCount(lower));
  // "$file", "$1": most likely a file's name, unless the request says it is a value.
  const fileLike = raw !== undefined && /^\$\{?(?:\w*(?:file|path|dir|folder|name|log|src|dest)\w*|(?:out|in)(?:put)?(?:_?\w*)?|[fpd]|fn|[0-9])\}?$/i.test(raw);
  // "search for $GROUP in /etc/group": beside a path, a variable is what to look for in it.
  if (raw && (target.has(raw.replace(/^\$\{?|\}$/g, '')) || /(?:^|\s)(?:~|\.{0,2})\/[\w.-]/.test(request))) return undefined;
  if (raw && (!fileLike || /\b(variable|value|string|text)\b/.test(lower) || nameInVariable || caseWork.test(lower))) return { kind: 'variable', name: raw.replace(/^\$\{?|\}$/g, ''), span: raw };
  if (raw) return undefined;
  const text = literalText(request, lower);
  if (!text) return undefined;
  // "$a" in quotes is still the variable.
  const quotedVariable = /^\$\{?([A-Za-z_]\w*)\}?$/.exec(text.text);
  if (quotedVariable) return target.has(quotedVariable[1]) ? undefined : { kind: 'variable', name: quotedVariable[1], span: text.span };
  // "the first 3 lines of "notes"", "the 5th field in 'data'": one word has no lines or fields to take; it names a file.
  if (/\b(?:lines?|fields?)\b/.test(lower) && /^[\w-]+$/.test(text.text) && !repeatCount(lower)) return undefined;
  const isName = /\.[A-Za-z]\w{0,7}$/.test(text.text) || names.files.has(text.text) || names.dirs.has(text.text);
  return isName && !nameWork.test(lower) ? undefined : { kind: 'text', ...text };
}

/** Text written in the request: after "of", "in", "the string"; the one quoted value; a bare number or name. */
function literalText(request: string, lower: string): { text: string; span: string } | undefined {
  const m = literal.exec(request);
  const text = m?.[1] ?? m?.[2];
  if (m && text !== undefined && !fileish.test(text)) return { text, span: m[0].slice(m[0].search(/["']/)) };
  const quoted = [...request.matchAll(anyQuoted)].filter((q) => !/\bvariables?\s*$/i.test(request.slice(0, q.index)) && !/^\s*variable\b/i.test(request.slice((q.index ?? 0) + q[0].length)));
  const only = quoted.length === 1 ? quoted[0][1] ?? quoted[0][2] : undefined;
  if (only !== undefined && !fileish.test(only) && (repeatCount(lower) || /^\$\{?[A-Za-z_]\w*\}?$/.test(only) || textOnlyWork.test(lower.replace(quoted[0][0].toLowerCase(), ''))) && !argumentWords.test(lower)) return { text: only, span: quoted[0][0] };
  if (quoted.length > 0) return undefined;
  const bare = bareNumber.exec(request) ?? (nameWork.test(lower) ? bareName.exec(request) : null);
  return bare ? { text: bare[1], span: bare[1] } : undefined;
}

/** A command whose output the request works on. */
function commandSource(request: string, isProgram: (name: string) => boolean): TextSource | undefined {
  const out = outputOf.exec(request);
  if (out) {
    const command = (out[2] ?? out[3]).trim();
    const program = command.split(/\s+/)[0];
    const runnable = out[2] !== undefined ? isProgram(program) || /^\.{0,2}\//.test(program) || /\s/.test(command) : isProgram(program);
    if (runnable && !/[;&|<>`$(){}]/.test(command.replace(/\$\{?\w+\}?/g, ''))) return { kind: 'command', command, span: out[0].replace(/^\w+\s+(?:of|from)\s+/i, '') };
  }
  const q = quotedCommand.exec(request);
  if (q && isProgram(q[2].split(/\s+/)[0]) && !/[;&|<>`(){}]/.test(q[2])) return { kind: 'command', command: q[2].trim(), span: q[0].slice(q[0].indexOf(q[1])) };
  return undefined;
}

const timesCounts = numbersWhere((n) => n <= 10 || n === 20 || n === 100);
const repeated = new RegExp(String.raw`(?<!\b(?:first|last|top|bottom|next|previous)\s+)(?:^|(?<=\s))(\$\{?[A-Za-z_]\w*\}?|\d+|${Object.keys(timesCounts).join('|')})\s+(?:times\b|lines\s+of\s+(?=["'\x60$]))`);

/** "print "x" 5 times", "two lines of "-tcp"", "$word $n times": how many times, as a shell word. */
export function repeatCount(lower: string): string | undefined {
  const m = repeated.exec(lower);
  if (!m) return undefined;
  return m[1].startsWith('$') ? `"${m[1]}"` : String(timesCounts[m[1]] ?? m[1]);
}

/** The text printed a number of times: `yes 'x' | head -n 5` (`yes -- -x` for text that looks like an option). */
export function repeatStep(source: TextSource, count: string): string | undefined {
  if (source.kind === 'command' || source.kind === 'stdin') return undefined;
  const word = source.kind === 'variable' ? `"$${source.name}"` : shellQuote(source.text);
  const dash = source.kind === 'text' && source.text.startsWith('-') ? '-- ' : '';
  return `yes ${dash}${word} | head -n ${count}`;
}

// Programs whose result changes with a trailing newline: the text is given without one.
const exactPrograms = /^(?:md5sum|sha\d+sum|b2sum|cksum|base64|od|xxd|hexdump)\b|^wc\s+-[cm]\b/;

/** The command reading the input: the reader alone on standard input, else after the step that gives the text. */
export function readingCommand(source: TextSource, reader: string): string {
  return source.kind === 'stdin' ? reader : `${sourceStep(source, reader)} | ${reader}`;
}

/** The first step of the pipeline: the text, the variable or the command that gives the input. */
export function sourceStep(source: Exclude<TextSource, { kind: 'stdin' }>, reader: string): string {
  if (source.kind === 'command') return source.command;
  if (source.kind === 'variable') return `echo "$${source.name}"`;
  return textStep(source.text, exactPrograms.test(reader));
}

/** Plain `echo` for text it prints as written (no leading '-', no backslash); printf otherwise. */
export function textStep(text: string, exact: boolean): string {
  const word = shellQuote(text);
  if (/^-/.test(text) || text.includes('\\')) return exact ? `printf '%s' ${word}` : `printf '%s\\n' ${word}`;
  return exact ? `echo -n ${word}` : `echo ${word}`;
}

const printfStep = /(^|\$\()printf '%s(\\n)?' ('[^'\\]*'|[A-Za-z0-9_.,:@%+=^/]+)(?= \|)/;

/** `printf '%s\n' 'abc' | prog` written as `echo 'abc' | prog` when echo prints the text as it is. */
export function preferEcho(command: string): string {
  const m = printfStep.exec(command);
  if (!m) return command;
  const text = m[3].startsWith("'") ? m[3].slice(1, -1) : m[3];
  if (/^-/.test(text)) return command;
  return command.replace(printfStep, `$1echo${m[2] ? '' : ' -n'} ${m[3]}`);
}
