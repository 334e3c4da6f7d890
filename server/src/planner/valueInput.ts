// "the last colon-separated field of $var", "the md5 sum of "exampleString"",
// "the first line of the output of `seq 1 10000`": text held in a shell
// variable, written in the request or printed by a command is the input, not
// a file. A command that reads one file is given it on its standard input
// instead: `echo "$var" | cut -d: -f1`, `echo -n exampleString | md5sum`.

import type { Corpus, KnowledgeEntry } from './corpus';
import { candidateFor, embeddedCandidates, type EmbeddedCandidate } from './embeddedPlanner';
import { readRequest, type WorkspaceNames } from './requestFacts';
import type { Hit } from './retrievalStore';
import { fillSlots } from './slotFill';
import { fillTemplate, shellQuote } from './templateFill';
import { readingCommand, readTextSource, repeatCount, repeatStep, type TextSource } from './textSource';
import { lineWorkCandidates } from './lineSelection';
import { operationEntry, textOperations } from './textOperations';
import { promptAnswerCandidates } from './promptAnswers';
import { isWellKnownProgram } from '../shell/programs';
import { environmentCandidates } from './environmentActs';
import { stringActCandidates } from './stringActs';
import { periodicRunCandidates } from './periodicRuns';

type Search = (text: string, k: number) => Promise<Hit[]>;

const programsOf = new WeakMap<Corpus, Set<string>>();
/** The programs the command knowledge runs, or any well-known one: a word that names a command. */
export function programNames(corpus: Corpus): (name: string) => boolean {
  let known = programsOf.get(corpus);
  if (!known) programsOf.set(corpus, (known = new Set(corpus.entries.flatMap((e) => e.utilities))));
  const set = known;
  return (name) => set.has(name) || isWellKnownProgram(name);
}

/** The value a request works on as text, as a shell word, or undefined (also for a command's output). */
export function textValue(request: string, names: WorkspaceNames, isProgram: (name: string) => boolean = isWellKnownProgram): string | undefined {
  const source = readTextSource(request, names, isProgram);
  if (source?.kind === 'variable') return `"$${source.name}"`;
  return source?.kind === 'text' ? shellQuote(source.text) : undefined;
}

/** Commands that read one file or a text slot, given the request's value on their standard input instead. */
export async function valueInputCandidates(request: string, names: WorkspaceNames, search: Search, corpus: Corpus): Promise<EmbeddedCandidate[]> {
  const answers = await promptAnswerCandidates(request, names, search, corpus, programNames(corpus));
  const source = readTextSource(request, names, programNames(corpus));
  // Lines, characters or fields picked by number, of the text given or of the one file named.
  const lines = lineWorkCandidates(readRequest(source ? request.replace(source.span, 'the text') : request, names), source);
  const environment = [...environmentCandidates(request), ...stringActCandidates(request, names, programNames(corpus)), ...periodicRunCandidates(request, programNames(corpus))];
  if (!source) return [...lines, ...environment, ...answers];
  // The request with its value said as "the text": what is done to it, for retrieval and slots.
  const neutral = request.replace(source.span, source.kind === 'command' ? 'the input' : 'the text');
  const asked = [
    ...embeddedCandidates(request, await search(request, 20), corpus, names, readRequest(request, names)).slice(0, 8),
    ...embeddedCandidates(neutral, await search(neutral, 20), corpus, names, readRequest(neutral, names)).slice(0, 8),
  ];
  const facts = readRequest(neutral, names);
  // The operation the request names, whatever retrieval ranked first.
  for (const [i, id] of textOperations(facts.lower).entries()) {
    const entry = operationEntry(id, corpus);
    if (!entry) continue;
    // An operation named in words, with the text to do it to, is a strong match whatever its slots say.
    const c = candidateFor(entry, facts, 0.8 - 0.05 * i, 1);
    asked.push({ ...c, confidence: Math.max(c.confidence, 0.85 - 0.05 * i) });
  }
  const out: EmbeddedCandidate[] = [];
  for (const c of asked) {
    const reader = c.entry && readerOf(c.entry, fillSlots(c.entry, facts).values);
    if (!reader) continue;
    const command = readingCommand(source, reader);
    const same = out.findIndex((o) => o.command === command);
    // A command named as written is run as written: that beats a plan that drops its options.
    const confidence = Math.round((source.kind === 'command' ? Math.min(0.95, c.confidence + 0.1) : Math.min(0.92, c.confidence + 0.06)) * 100) / 100;
    if (same >= 0 && out[same].confidence >= confidence) continue;
    const candidate = { ...c, command, confidence, explanation: `${c.explanation} ${given(source)}`, source: `${c.source}+value`, missing: [] };
    if (same >= 0) out[same] = candidate;
    else out.push(candidate);
  }
  // "write the output of "date" to the screen and to stamp.txt": both, by tee.
  const copy = facts.files[0]?.value ?? facts.paths[0]?.value;
  if (source.kind === 'command' && copy && /\b(?:screen|terminal|console|standard output|stdout)\b/.test(facts.lower)) {
    out.push({ command: `${source.command} | tee ${shellQuote(copy)}`, confidence: 0.9, explanation: `Runs ${source.command} and writes its output to the screen and to ${copy}.`, source: 'shell.tee_output+value', filled: [], missing: [] });
  }
  const count = repeatCount(request.toLowerCase());
  const repeat = count && repeatStep(source, count);
  if (repeat) out.push({ command: repeat, confidence: 0.88, explanation: `Prints the text ${count} times.`, source: 'text.repeat+value', filled: [], missing: [] });
  return [...lines, ...environment, ...out, ...answers];
}

function given(source: TextSource): string {
  return source.kind === 'command' ? `It reads the output of ${source.command}.` : source.kind === 'stdin' ? 'It reads its standard input.' : 'The text is given on its input.';
}

/** The entry's command reading standard input, with its other slots filled; undefined when it cannot read it. */
function readerOf(entry: KnowledgeEntry, values: Record<string, string>): string | undefined {
  // A program that changes files has nothing to change in text on its input.
  if (/[;&]|\|\||\bsed -i|^(?:rm|mv|cp|ln|touch|chmod|chown|truncate|shred|tee|dd|mkdir|rmdir)\b/.test(entry.template)) return undefined;
  const fileSlots = Object.keys(entry.slots).filter((n) => entry.slots[n].type === 'file');
  // `printf '%s\n' {text} | tr a-z A-Z`: the text step is replaced by the request's own.
  const textPipe = /^(?:printf '%s(?:\\n)?'|echo(?: -n)?) \{(\w+)\} \| /.exec(entry.template);
  if (textPipe && fileSlots.length === 0) return filled(entry, entry.template.slice(textPipe[0].length), values, textPipe[1]);
  // Only the file a command reads, as its last word or its input (`cut -f1 {file}`, `tr a b < {file}`), never one written to.
  const read = fileSlots.length === 1 ? new RegExp(`(?<![<>])\\s(?:<\\s*)?\\{${fileSlots[0]}\\}(?=\\s*(?:\\|[^|]|$))`) : undefined;
  if (!read || !read.test(entry.template)) return undefined;
  return filled(entry, entry.template.replace(read, ` {${fileSlots[0]}}`), values, fileSlots[0]);
}

function filled(entry: KnowledgeEntry, template: string, values: Record<string, string>, input: string): string | undefined {
  const result = fillTemplate({ template, slots: entry.slots }, { ...values, [input]: '' });
  return result.missing.some((n) => n !== input) ? undefined : result.command.trim();
}

