// "the last colon-separated field of $var", "the md5 sum of "exampleString"":
// text held in a shell variable or written in the request is the input, not a
// file. A command that reads one file is given the value on its standard
// input instead: `echo "$var" | cut -d: -f1`.

import type { Corpus } from './corpus';
import { embeddedCandidates, type EmbeddedCandidate } from './embeddedPlanner';
import { readRequest, type WorkspaceNames } from './requestFacts';
import type { Hit } from './retrievalStore';
import { fillSlots } from './slotFill';
import { fillTemplate, shellQuote } from './templateFill';

type Search = (text: string, k: number) => Promise<Hit[]>;

const named = /\bvariables?\s+["'`]?\$?([A-Za-z_]\w*)["'`]?/;
const written = /(?<![\w"'])(\$\{?[A-Za-z_]\w*\}?|\$[0-9])(?![\w/])/;
const literal = /\b(?:string|text|value|word|line|of|in|from)\s+"([^"\n/]{1,200})"|\b(?:string|text|value|word|line|of|in|from)\s+'([^'\n/]{1,200})'/;
// What is done to text, not to a file or a folder.
const textWork = /\b(fields?|columns?|characters?|chars?|letters?|upper ?case|lower ?case|capital\w*|revers\w*|revert\w*|md5|sha\d*|checksum|hash|hex\w*|dump|length|words?|split|replac\w*|substitut\w*|delimit\w*|separat\w*|trim\w*|strip\w*|encod\w*|decod\w*|base64|sort\w*|count\w*|first|last)\b/;

/** The value a request works on as text, as a shell word, or undefined. */
export function textValue(request: string, names: WorkspaceNames): string | undefined {
  const lower = request.toLowerCase();
  if (!textWork.test(lower) || /(?<![$\w{])(?:files?|folders?|director(?:y|ies))\b/.test(lower)) return undefined;
  const variable = named.exec(request)?.[1];
  if (variable) return `"$${variable}"`;
  const raw = written.exec(request)?.[1];
  // "$file", "$1": most likely a file's name, unless the request says it is a value.
  const fileLike = raw !== undefined && /^\$\{?(?:\w*(?:file|path|dir|folder|name|log|src|dest|out|in)\w*|[fpd]|fn|[0-9])\}?$/i.test(raw);
  if (raw && (!fileLike || /\b(variable|value|string|text)\b/.test(lower))) return `"${raw}"`;
  if (raw) return undefined;
  const m = literal.exec(request);
  const text = m?.[1] ?? m?.[2];
  if (text === undefined || /\.[A-Za-z]\w{0,7}$/.test(text) || names.files.has(text) || names.dirs.has(text)) return undefined;
  return shellQuote(text);
}

/** Commands that read one file, given the value on their standard input instead. */
export async function valueInputCandidates(request: string, names: WorkspaceNames, search: Search, corpus: Corpus): Promise<EmbeddedCandidate[]> {
  const value = textValue(request, names);
  if (!value) return [];
  const facts = readRequest(request, names);
  const out: EmbeddedCandidate[] = [];
  for (const c of embeddedCandidates(request, await search(request, 20), corpus, names, facts).slice(0, 8)) {
    const entry = c.entry;
    const fileSlots = entry ? Object.keys(entry.slots).filter((n) => entry.slots[n].type === 'file') : [];
    // Only the file a command reads, as its last word or its input (`cut -f1 {file}`, `tr a b < {file}`), never one written to.
    const read = entry && fileSlots.length === 1 ? new RegExp(`(?<![<>])\\s(?:<\\s*)?\\{${fileSlots[0]}\\}(?=\\s*(?:\\|[^|]|$))`) : undefined;
    if (!entry || !read || !read.test(entry.template) || /[;&]|\|\|/.test(entry.template)) continue;
    const template = entry.template.replace(read, ` {${fileSlots[0]}}`);
    const filled = fillTemplate({ template, slots: entry.slots }, { ...fillSlots(entry, facts).values, [fileSlots[0]]: '' });
    if (filled.missing.some((n) => n !== fileSlots[0])) continue;
    const command = `echo ${value} | ${filled.command}`;
    if (out.some((o) => o.command === command)) continue;
    out.push({ ...c, command, confidence: Math.round(Math.min(0.92, c.confidence + 0.06) * 100) / 100, explanation: `${c.explanation} The text is given on its input.`, source: `${c.source}+value`, missing: [] });
  }
  return out;
}
