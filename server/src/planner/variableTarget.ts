// "save the name of the current folder in the variable dir": the value is
// planned as a request of its own (what prints it), and the command that
// prints it is captured in the shell variable the request names.

import type { Corpus } from './corpus';
import { embeddedCandidates, type EmbeddedCandidate } from './embeddedPlanner';
import { readRequest, type WorkspaceNames } from './requestFacts';
import type { Hit } from './retrievalStore';

type Search = (text: string, k: number) => Promise<Hit[]>;

export interface VariableTarget {
  /** The variable to assign, as the shell writes its name. */
  name: string;
  /** The request for the value alone, worded as a request to print it. */
  value: string;
  /** The variable is to be seen by the programs the shell starts ("export it", "visible to subprocesses"). */
  exported?: true;
}

const quote = `["'\`$]?`;
const unquote = `["'\`]?`;
const varName = `${quote}([A-Za-z_][A-Za-z0-9_]*)${unquote}`;
// "(in|to|into) (the) variable NAME" and "(in|to) the NAME variable".
const target = `(?:in|to|into|as)\\s+(?:a\\s+|the\\s+)?(?:shell\\s+|bash\\s+)?(?:variable\\s+${varName}|${varName}\\s+variable)`;
// "Set variable 'file' to the base name of $1".
const setLead = new RegExp(`^\\s*(?:set|assign|initiali[sz]e|export)s?\\s+(?:the\\s+)?(?:shell\\s+|bash\\s+)?variable\\s+${varName}\\s+(?:to|with|as)\\s+(.+)$`, 'i');
// "Save the first two letters of the host name to variable DC (, then ...)".
const saveLead = new RegExp(`^\\s*(?:save|store|put|keep|capture|assign|record|get|read)s?\\s+(.+?)\\s+${target}\\b(.*)$`, 'i');
// "Get the domain name of $ip and save it to the variable 'reverse'", "create a temporary folder and save the path to it in 'td' variable".
const saveTail = new RegExp(`^(.+?)\\s*,?\\s+(?:and|then)\\s+(?:save|store|put|keep|capture|assign)s?\\s+(?:it|them|that|this|the (?:result|output|value|answer)|(?:the\\s+|its\\s+)?(?:full\\s+)?(?:path|name)(?:\\s+(?:to|of)\\s+(?:it|them))?)\\s+${target}\\s*[.!]?\\s*$`, 'i');

// "..., making this variable visible by subprocesses", "and export it": a clause about the variable, not its value.
const exportClause = /\s*,?\s*(?:and\s+)?(?:(?:making|make|makes|so that|so)\s+(?:it|this|the|that)?\s*(?:variable\s+)?(?:is\s+)?(?:visible|available|seen|inherited)\s+(?:by|to|in|for)\s+(?:the\s+|all\s+|any\s+)?(?:sub-?process\w*|child\w*(?:\s+process\w*)?|programs?|commands?)\b.*|export(?:s|ed)?\s+(?:it|them|that|the variable)\b.*)$/i;

/** The variable a request asks to fill and the request for its value, or undefined. */
export function variableTarget(request: string): VariableTarget | undefined {
  const whole = request.trim().replace(/\s*[.!]\s*$/, '');
  const text = whole.replace(exportClause, '');
  const exported = text !== whole || /^\s*exports?\b/i.test(text);
  let m = setLead.exec(text);
  if (m) return made(m[1], m[2], exported);
  m = saveLead.exec(text);
  if (m) return made(m[2] ?? m[3], `${m[1]}${m[4] ?? ''}`, exported);
  m = saveTail.exec(text);
  if (m) return made(m[2] ?? m[3], m[1], exported, false);
  return undefined;
}

function made(name: string | undefined, value: string, exported: boolean, asPrint = true): VariableTarget | undefined {
  const rest = value.trim().replace(/^(?:only|just)\s+/i, '');
  if (!name || rest.length < 3) return undefined;
  return { name, value: asPrint ? `print ${rest}` : rest, ...(exported ? { exported: true as const } : {}) };
}

/** `NAME=$(command)` (`export NAME=$(command)`): the output of one command, kept in a variable. */
export function assigned(name: string, command: string, exported = false): string | undefined {
  if (command === '' || /\n/.test(command) || /^\s*[A-Za-z_]\w*=/.test(command)) return undefined;
  return `${exported ? 'export ' : ''}${name}=$(${command})`;
}

/** The best commands for the value, each captured in the variable the request names. */
export async function variableCandidates(request: string, names: WorkspaceNames, search: Search, corpus: Corpus): Promise<EmbeddedCandidate[]> {
  const v = variableTarget(request);
  if (!v) return [];
  const out: EmbeddedCandidate[] = [];
  // The request read without its variable clause is the better reading of what to print; the whole request is read too.
  const readings: [string, number][] = [[v.value, 0.03], [request.replace(exportClause, ''), 0]];
  for (const [text, bonus] of readings) {
    for (const c of embeddedCandidates(text, await search(text, 20), corpus, names, readRequest(text, names)).slice(0, 3)) {
      const command = assigned(v.name, c.command, v.exported === true);
      if (!command || out.some((o) => o.command === command)) continue;
      const confidence = Math.round(Math.min(0.9, c.confidence + bonus) * 100) / 100;
      out.push({ ...c, command, confidence, explanation: `${c.explanation} The output is kept in the variable ${v.name}.`, source: `${c.source}+variable` });
    }
  }
  return out;
}
