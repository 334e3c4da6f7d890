// What a request asks of the environment a program runs in: "run make in an
// environment without FOO" is `env -u FOO make`, "start bash in an empty
// environment" `env -i bash`, "set the environment variable EDITOR to vim"
// `export EDITOR=vim` (the name set first, the value after "to"), "show the
// name and value of HOME if it exists" `env | grep '^HOME='`. None of these
// is a question about a variable's value, which printenv answers.

import type { EmbeddedCandidate } from './embeddedPlanner';
import { shellQuote } from './templateFill';

const name = String.raw`["'\`]?\$?([A-Za-z_]\w*)["'\`]?`;
const variableWord = String.raw`(?:the\s+)?(?:(?:shell|environment|env)\s+)?(?:(?:variable|var)\s+)?`;
// A program to run: quoted with its arguments, or one bare word.
const program = String.raw`(?:(["'\`])([^"'\`\n]+)\1|([A-Za-z_./][\w./+-]*))`;

// "run 'somecommand' in an environment without the FOO variable", "run make with FOO unset".
const withoutVariable = new RegExp(String.raw`\b(?:run|execute|start|launch|call|invoke)\s+(?:the\s+(?:command|program)\s+)?${program}\s+(?:(?:in|with)\s+(?:an?\s+|the\s+)?(?:environment|env)\s+(?:without|lacking|that lacks|with no|minus)\s+${variableWord}${name}|with\s+${variableWord}${name}\s+(?:unset|removed|taken out)\b)`, 'i');
// "start bash in a completely empty environment", "run env-check with a clean environment".
const emptyEnvironment = new RegExp(String.raw`\b(?:run|execute|start|launch|call|invoke)\s+${program}\s+(?:in|with)\s+(?:an?\s+)?(?:completely\s+|totally\s+|entirely\s+)?(?:empty|clean|blank|bare)\s+(?:environment|env)\b`, 'i');
// "set the environment variable EDITOR to vim", "export PAGER as less", "set EDITOR to "nano" in the environment".
const setVariable = new RegExp(String.raw`\b(?:set|define|assign|export)\s+${variableWord}${name}\s+(?:to|=|as|equal to|with (?:the )?value)\s+(.+?)\s*(?:\s+in (?:the|this|my) (?:environment|shell|session))?[.!]?$`, 'i');
// "name and value of 'variable' if it exists", "whether the environment variable X is set".
const existsVariable = new RegExp(String.raw`\b(?:name and value|value and name)\s+of\s+${variableWord}${name}|\b(?:if|whether)\s+(?:an?\s+|the\s+)?(?:(?:shell|environment|env)\s+)?(?:variable|var)\s+(?:like\s+|named\s+|called\s+)?${name}\s+(?:exists|is set|is defined)\b|\bis\s+(?:the\s+|an?\s+)?(?:(?:shell|environment|env)\s+)?(?:variable|var)\s+${name}\s+(?:set|defined|exported)\b`, 'i');

/** The name and value a request sets in the environment: the value unquoted, or undefined when it is no plain value. */
export function readAssignment(request: string): { name: string; value: string | undefined } | undefined {
  const m = setVariable.exec(request.trim());
  if (!m) return undefined;
  // "set the variable in the environment": a word of the sentence, not a name, or a name said in lower case without saying it is a variable.
  if (/^(?:the|a|an|it|this|that|to|variable)$/i.test(m[1]) || (!/\b(?:variable|var|environment)\b/i.test(request) && !/^[A-Z][A-Z0-9_]+$/.test(m[1]))) return undefined;
  const said = m[2].trim();
  const quoted = /^(["'`])(.*)\1$/.exec(said);
  if (quoted) return { name: m[1], value: quoted[2] };
  const valueOf = /^the value of (?:the )?(?:variable )?\$?([A-Za-z_]\w*)$/i.exec(said);
  if (valueOf) return { name: m[1], value: `$${valueOf[1]}` };
  // One word, a path or a variable's value is the value; a description ("the host name followed by …") is not.
  return { name: m[1], value: /^(?:\$\{?[A-Za-z_]\w*\}?[\w./:-]*|[\w./:@%+,~-]+)$/.test(said) ? said : undefined };
}

/** A shell word for a value set in the environment: a variable's value stays in double quotes. */
function valueWord(value: string): string {
  return /^\$\{?[A-Za-z_]\w*\}?/.test(value) ? `"${value.replace(/["\\`]/g, '\\$&')}"` : shellQuote(value);
}

/** A program written in the request as shell words, or undefined when it holds what the shell would read otherwise. */
function programWords(quoted: string | undefined, bare: string | undefined): string | undefined {
  const words = (quoted ?? bare ?? '').trim();
  return words && !/[;&|<>`$(){}\\"']/.test(words) ? words : undefined;
}

const candidate = (command: string, confidence: number, explanation: string, source: string, missing: string[] = []): EmbeddedCandidate => ({ command, confidence, explanation, source, filled: [], missing });

/** Commands that run a program in a changed environment, set a variable in it or look a variable up in it. */
export function environmentCandidates(request: string): EmbeddedCandidate[] {
  const out: EmbeddedCandidate[] = [];
  const without = withoutVariable.exec(request);
  const run = without && programWords(without[2], without[3]);
  const unset = without?.[4] ?? without?.[5];
  if (run && unset) out.push(candidate(`env -u ${unset} ${run}`, 0.95, `Runs ${run} in the environment without ${unset}.`, 'shell.env_unset'));
  const empty = emptyEnvironment.exec(request);
  const bare = empty && programWords(empty[2], empty[3]);
  if (bare) out.push(candidate(`env -i ${bare}`, 0.93, `Runs ${bare} with an empty environment.`, 'shell.env_empty'));
  const set = readAssignment(request);
  // A value described in words ("the host name followed by …") is left to other plans, unless an exported one would be lost.
  if (set && (set.value !== undefined || /\b(?:environment|env)\s+variable\b/i.test(request))) {
    const value = set.value === undefined ? "'<value>'" : valueWord(set.value);
    // A shell variable said to be one stays in this shell; a variable of the environment is exported.
    const exported = /\b(?:environment|env|export\w*)\b/i.test(request) || (!/\bshell variable\b/i.test(request) && /^[A-Z][A-Z0-9_]*$/.test(set.name));
    out.push(candidate(`${exported ? 'export ' : ''}${set.name}=${value}`, set.value === undefined ? 0.45 : 0.97, exported ? `Sets the environment variable ${set.name} for this shell and the programs it starts.` : `Sets the shell variable ${set.name}.`, 'shell.export_named', set.value === undefined ? ['value'] : []));
  }
  const exists = existsVariable.exec(request);
  const looked = exists?.[1] ?? exists?.[2] ?? exists?.[3];
  if (looked) out.push(candidate(`env | grep '^${looked}='`, 0.93, `Prints ${looked}=value when ${looked} is in the environment, and nothing when it is not.`, 'shell.env_lookup'));
  return out;
}

/** Added to the score of the knowledge's `export {name}={value}`: the name set is the one the request names before "to". */
export function assignmentFit(template: string, values: Record<string, string>, request: string): number {
  if (!/^export \{\w+\}=\{\w+\}$/.test(template)) return 0;
  const set = readAssignment(request);
  return set && (values.name ?? '').replace(/^'|'$/g, '') !== set.name ? -0.5 : 0;
}

// The commands that take NAME=value words, and where an assignment of their own starts.
const assigners = /(?:^|[;&|(]\s*|\bthen\s+|\bdo\s+)(?:export|readonly|local|declare|typeset)((?:\s+-[a-zA-Z]+)*)\s+([^\s;&|)]+)/g;

/**
 * Why a command assigns to something that is no shell name (`export ':0 skype'=DISPLAY`), or undefined.
 * The shell rejects such a word at run time; it is never a plan.
 */
export function malformedAssignment(command: string): string | undefined {
  // `env '%s '=X cmd`: a quoted word before "=" is no name, whatever the command after it.
  const quotedName = /(?:^|[;&|(]\s*)(?:export|readonly|local|declare|typeset|env)(?:\s+-[a-zA-Z]+)*\s+(["'])([^"'\n]*)\1=/.exec(command);
  if (quotedName && !/^[A-Za-z_]\w*$/.test(quotedName[2])) return `it assigns to ${quotedName[1]}${quotedName[2]}${quotedName[1]}, which is not a variable name`;
  for (const m of command.matchAll(assigners)) {
    const word = m[2];
    if (word.startsWith('-')) continue;
    const target = word.includes('=') ? word.slice(0, word.indexOf('=')) : word;
    if (!/^[A-Za-z_]\w*(?:\[[^\]]*\])?$/.test(target)) return `it assigns to ${target}, which is not a variable name`;
  }
  return undefined;
}
