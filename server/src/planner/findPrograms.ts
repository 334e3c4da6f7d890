// "run ./fixmbox with them as arguments", "pass each one to /opt/convert.sh":
// a program the request names, run on the files a selection finds. The
// program is taken only as written (a path, a script's name, a quoted
// command, or a word the request calls a program); a request that orders a
// program run but names none Paladin can read gets no plan that only lists.

import { readRequest, type RequestFacts } from './requestFacts';
import type { Act } from './perFileActs';
import type { CommandFact } from '../policy/factsTypes';
import { programOf } from './selectionChecks';
import { shellQuote } from './templateFill';

const programNoun = String.raw`(?:(?:shell\s+|python\s+|perl\s+|bash\s+)?(?:script|program|command|tool|utility|executable|binary))`;
// A program as written: a path, a script by its name, or a quoted command line.
// (\x60echo' : an old way of quoting, opened with a backtick and closed with an apostrophe.)
const written = String.raw`'[^']+'|"[^"]+"|\x60[^\x60']+['\x60]|(?:\.{1,2}/|/|~/)[\w./+-]*\w|[\w.-]+\.(?:sh|bash|py|pl|rb|js)\b`;
const runWords = 'run|runs|running|invoke[sd]?|invoking|execute[sd]?|executing|call|calls|calling|apply|applying';
const runVerb = String.raw`\b(?:${runWords})`;
// "run ./fixmbox with all of them", "invoke the script tidy on each", "run somecommand for files in /path".
// Only an order runs a program: the verb begins the request or a clause ("… and run", ", invoke"), not "execute permissions".
const running = new RegExp(String.raw`(?:^|\band\s+|\bthen\s+|[,;:]\s*|\bto\s+|\bplease\s+)${runVerb}\s+(the\s+)?(${programNoun}\s+)?(${written}|[a-z][\w-]*)(?:\s+${programNoun})?(?=\s+(?:on|with|against|over|for|to|passing|giving|feeding)\b|\s*[,.;]|\s*$)`, 'i');
const handed = String.raw`(?:them|those|these|it|each(?:\s+one|\s+of\s+them|\s+file|\s+path)?|every\s+(?:one|file|path)|the\s+(?:files|paths|results|names|file\s+names)|their\s+(?:paths|names|file\s+names))`;
// "pass them as arguments to /opt/convert.sh", "feed each file to the program tidy".
const passing = new RegExp(String.raw`\b(?:pass|feed|hand|give|send|pipe)\w*\s+${handed}\s+(?:(?:as\s+)?(?:an?\s+)?(?:input|arguments?|parameters?|operands?)\s+)?(?:to|into|through)\s+(the\s+)?(${programNoun}\s+)?(${written}|[a-z][\w-]*)(?=\s|[,.;]|$)`, 'i');
// Words that follow a verb of running without naming a program.
const notAProgram = /^(?:permissions?|perms?|access|rights?|bits?|privileges?|the|a|an|it|them|those|these|this|that|find|each|every|all|any|some|on|in|with|for|through|over|against|command|script|program|tool|utility|executable|binary|time|away|out|down|into|and|or|then|once|twice|again|recursively|it's)$/i;
// Programs whose work needs operands the request must give; a run of them alone is read by the acts that know them.
const needsOperands = /^(?:chmod|chown|chgrp|mv|cp|ln|tar|zip|grep|egrep|fgrep|sed|awk|find|xargs|sudo|su|doas|kill|mkdir|touch|rm|rmdir|dd|sh|bash|eval|exec)$/;
// Programs a quoted command line may give every operand of but the files it runs on.
const withOwnOperands = /^(?:chmod|chown|chgrp|grep|egrep|fgrep)$/;
const oneAtATime = /\b(?:one at a time|one by one|individually|separately|for each|for every|each one|each file|each of them|each path|every one|per file|on each)\b/;
const allAtOnce = /\b(?:all (?:of )?(?:them|the \w+)|at once|as many (?:arguments|files|paths|as)|together|in one go|in a single)\b/;

/** The words of a quoted command line as shell words, or undefined when one of them is more than a plain word or option. */
function commandWords(raw: string): string | undefined {
  const bare = raw.replace(/^['"\x60](.*)['"\x60]$/s, '$1').trim();
  const words = bare.split(/\s+/);
  if (words.length === 0 || !words.every((w) => /^[\w./:=+,%^@-]+$/.test(w))) return undefined;
  // ... unless the command line gives them itself: 'chmod 0755', 'chown www-data', 'grep -l TODO' need only the files.
  const program = words[0].replace(/^.*\//, '');
  if (needsOperands.test(program) && !(withOwnOperands.test(program) && words.slice(1).some((w) => !w.startsWith('-')))) return undefined;
  return words.map((w) => (/^[\w./:=+,%@-]+$/.test(w) ? w : shellQuote(w))).join(' ');
}

/** The program the request names to run on what it finds, as shell words, and where its mention ends; undefined when it names none. */
function programMention(text: string): { program: string; end: number; said: string } | undefined {
  for (const pattern of [running, passing]) {
    const m = pattern.exec(text);
    if (!m) continue;
    const [, the, noun, raw] = m;
    const end = m.index + m[0].length;
    // A bare word is a program only when the request calls it one, or runs it by its name alone on something ("run somecommand on …", not "pass them to the validator").
    const bare = !/^['"\x60./~]/.test(raw) && !/\.\w+$/.test(raw);
    if (bare && (notAProgram.test(raw) || needsOperands.test(raw) || (!noun && (the || pattern === passing || !/^\s+(?:on|with|against|over|for)\b/.test(text.slice(end)))))) continue;
    const program = commandWords(raw);
    return program ? { program, end, said: `${noun ?? ''}${raw}` } : undefined;
  }
  return undefined;
}

/** The program the request names to run on what it finds, as shell words; undefined when it names none. */
export function namedProgram(text: string): string | undefined {
  return programMention(text)?.program;
}

/** "run somecommand on every file under /path": the verb of running, when it runs a named program, selects the files it runs on. */
export function programVerb(f: RequestFacts, words: string): RegExpExecArray | null {
  const mention = programMention(f.text);
  // ... and only when what it runs on is files: "run X on all the .dat files", not "run test.py with LD_PRELOAD set".
  if (!mention || !/^\s+(?:on|for|against|over|with|passing|giving|feeding)\b(?:[^.;]|\.(?=\w)){0,40}?\b(?:files?|director(?:y|ies)|folders?|dirs|paths?|them|each|every)\b/i.test(f.text.slice(mention.end))) return null;
  return new RegExp(String.raw`\b(${runWords})\b`).exec(words);
}

/** The request read again without the script it runs: "execute the python script hello.py on the text files" selects no .py files. */
export function withoutScriptName(f: RequestFacts): RequestFacts {
  const mention = programMention(f.text);
  if (!mention || !/(?:^|\s)[\w.-]+\.\w+$|^(?:python|perl|shell|bash)\b/i.test(mention.said.replace(/['"\x60]/g, ''))) return f;
  const at = f.text.lastIndexOf(mention.said, mention.end);
  return readRequest(`${f.text.slice(0, at)}it${f.text.slice(at + mention.said.length)}`, f.ws);
}

/** A request that orders a program run on its files, whether or not its name could be read. */
export function programOrdered(text: string): boolean {
  // "the executing script", "the currently running script" say which script, and order nothing run.
  return namedProgram(text) !== undefined || new RegExp(String.raw`(?<!\b(?:the|this|a|an|currently)\s+)${runVerb}\s+(?:the\s+)?(?:${programNoun}\b(?!\s+['"\x60]?find\b)|${written})`, 'i').test(text) || new RegExp(String.raw`\b(?:pass|feed|hand|pipe)\w*\s+${handed}\s+(?:\w+\s+){0,3}?(?:to|into|through)\b`, 'i').test(text);
}

const onlyShows = /^(?:ls|tree|stat|du|wc|cat|head|tail|file|realpath|readlink|pwd|dirname|basename)$/;

/** "find the logs and pass them to ./rotate.sh" planned as a find that only lists them: the program the request runs on the files is left out. */
export function programNotRun(words: string, commands: CommandFact[], command: string): string[] {
  if (commands.length === 0 || !programOrdered(words)) return [];
  const program = namedProgram(words)?.split(' ')[0];
  // The program is run by a step of the plan, not only written in it (`find . -name 'chmod 0755'` runs no chmod).
  const base = program?.replace(/^['"]|['"]$/g, '').replace(/^.*\//, '').toLowerCase();
  if (base && commands.some((c) => programOf(c).toLowerCase() === base)) return [];
  // "run 'chmod 0755' on all directories" planned as `tree .`: a plan that only shows files runs nothing.
  if (!commands.some((c) => programOf(c) === 'find')) return commands.every((c) => onlyShows.test(programOf(c))) ? [`it only shows files and runs ${program ?? 'no program'} on them, as the request asks`] : [];
  // With no name read, only a find that does nothing but list (or show details of) what it finds is surely short of the request.
  if (!program && (command.includes("'<program>'") || /(?:\s-(?:exec\w*|ok\w*)|[|;&]\s*(?:xargs\s+(?:-\S+\s+)*)?)\s*(?!(?:ls|stat|realpath|readlink|file|du|wc|printf|echo|sort|uniq|head|tail|cat)\b)[\w./-]/.test(command))) return [];
  return [`it does not run ${program ?? 'the program'} on the files it finds, as the request asks`];
}

const unnamedProgram = new RegExp(String.raw`\b(?:pass|feed|hand|give)\w*\s+${handed}\s+(?:(?:as\s+)?(?:an?\s+)?(?:input|arguments?|parameters?|operands?)\s+)?(?:to|into)\s+(?:a|an|some)\s+(?:\w+\s+)?${programNoun}\b`, 'i');

/** "run ./fixmbox on them": the named program run with the found paths as its arguments, each alone when the request says so. */
export function programAct(f: RequestFacts, into: string): Act | undefined {
  const program = namedProgram(f.text);
  // "pass them as arguments to a program": which program is asked for, never made up.
  if (!program && unnamedProgram.test(f.text)) {
    return { command: (find) => `${find} -exec '<program>' {} +${into}`, label: 'Runs a program on the files it finds, once you say which', missing: ['program'] };
  }
  if (!program) return undefined;
  const single = oneAtATime.test(f.lower) && !allAtOnce.test(f.lower);
  return {
    command: (find) => `${find} -exec ${program} {} ${single ? '\\;' : '+'}${into}`,
    label: `Runs ${program} on ${single ? 'each file' : 'the files'} it finds`,
  };
}
