// "answer y to every prompt of ./install.sh", "gunzip file*.gz and answer "n"
// to any prompts", "send "Y" to the input of ./configure": the answer is given
// by `yes` on the input of the command the rest of the request asks for:
// `yes n | gunzip file*.gz`. The whole command is then held to the request's
// intent like any other: `yes | rm -ir dir` deletes.

import type { Corpus } from './corpus';
import { embeddedCandidates, type EmbeddedCandidate } from './embeddedPlanner';
import { selectionCandidates } from './findSelection';
import { readRequest, type WorkspaceNames } from './requestFacts';
import type { Hit } from './retrievalStore';
import { shellQuote } from './templateFill';
import { COMPRESSORS, COPIERS, DELETERS } from '../shell/programs';

type Search = (text: string, k: number) => Promise<Hit[]>;

const answerVerb = String.raw`(?:automatically\s+|always\s+)?(?:answer(?:ing)?|pass(?:ing)?|send(?:ing)?|say(?:ing)?|feed(?:ing)?|reply(?:ing)?|respond(?:ing)?|confirm(?:ing)?)\s+(?:with\s+)?`;
const answered = new RegExp(String.raw`(?:,?\s*(?:and|while|then)\s+)?\b${answerVerb}(["']?)([A-Za-z]{1,8})\1\s+(?:to|for|on)\s+(?:all|any|every|each)?\s*(?:of\s+)?(?:the\s+)?(?:prompts?|questions?|confirmations?|queries)\b(?:\s+(?:of|from|in|by|asked by)\s+(.+))?`, 'i');
const sentTo = /\b(?:continuously\s+|repeatedly\s+)?send\s+(["'])([A-Za-z]{1,8})\1\s+(?:continuously\s+|repeatedly\s+)?(?:as input\s+)?to\s+(?:the\s+)?(?:standard\s+)?input\s+of\s+(.+)/i;

// Options by which a program answers its own prompts.
const answersItself = /\s(?:-y|--yes|--assume-yes|-f|--force|--no-confirm|--noconfirm|--non-interactive|-q{1,2}y)\b/;

// Programs that may stop to ask: those that delete, copy over, unpack or install, and scripts.
const asking = new Set([...DELETERS, ...COPIERS, ...COMPRESSORS, 'unzip', 'tar', 'apt', 'apt-get', 'dnf', 'yum', 'zypper', 'pacman', 'pip', 'pip3', 'npm', 'ssh-keygen', 'fsck', 'mkfs', 'passwd', 'git', 'make', 'sh', 'bash']);
/** A command that may ask a question on its way: `yes` on its input answers it. */
function mayPrompt(command: string): boolean {
  const program = command.split(/\s+/)[0];
  if (program === 'find') return /\s-(?:ok|okdir|exec|execdir|delete)\b/.test(command);
  if (program === 'xargs') return true;
  return asking.has(program) || /^\.{0,2}\//.test(program);
}

export interface PromptAnswer {
  /** The answer given to every prompt: "y", "n", "yes". */
  answer: string;
  /** What the rest of the request asks to run. */
  rest: string;
}

/** The answer the request gives to a command's prompts, and what it asks to run; undefined when it gives none. */
export function promptAnswer(request: string): PromptAnswer | undefined {
  const sent = sentTo.exec(request);
  if (sent) return { answer: sent[2], rest: sent[3].trim() };
  const m = answered.exec(request);
  if (!m || !/^(?:y|yes|n|no)$/i.test(m[2])) return undefined;
  const rest = (m[3] ?? request.slice(0, m.index) + request.slice(m.index + m[0].length)).trim().replace(/[.,;]+$/, '');
  return rest ? { answer: m[2], rest } : undefined;
}

/** `yes` with the answer, as the first step: `yes` alone answers "y". */
export function yesStep(answer: string): string {
  return /^(?:y|yes)$/.test(answer) ? 'yes' : `yes ${shellQuote(answer)}`;
}

/** The rest of the request planned, each candidate given the answers on its input. */
export async function promptAnswerCandidates(request: string, names: WorkspaceNames, search: Search, corpus: Corpus, isProgram: (name: string) => boolean): Promise<EmbeddedCandidate[]> {
  const asked = promptAnswer(request);
  if (!asked) return [];
  const step = yesStep(asked.answer);
  const named = /^(["'`]?)((?:\.{0,2}\/)?[\w.-]+(?:\s+[^"'`;&|<>]*)?)\1$/.exec(asked.rest);
  const program = named?.[2].split(/\s+/)[0] ?? '';
  // A command named as such ("./install.sh", `apt-get upgrade` in quotes, a program's name alone): it runs as written.
  // "unzip every zip file in dl" is a request in words that starts with a program's name: it is planned.
  if (named && (named[1] !== '' || /^\.{0,2}\//.test(program) || (isProgram(program) && program === named[2].trim()))) {
    return [{ command: `${step} | ${named[2].trim()}`, confidence: 0.8, explanation: `Runs ${named[2].trim()}, answering "${asked.answer}" to every prompt.`, source: 'answers', filled: [], missing: [] }];
  }
  const out: EmbeddedCandidate[] = [];
  const facts = readRequest(asked.rest, names);
  const planned = [...embeddedCandidates(asked.rest, await search(asked.rest, 12), corpus, names, facts), ...selectionCandidates(facts)].sort((a, b) => b.confidence - a.confidence);
  for (const [i, c] of planned.slice(0, 5).entries()) {
    if (c.missing.length > 0 || !mayPrompt(c.command)) continue;
    // The rest's own best reading leads; a command that answers for itself (`apt-get install -y`) needs no `yes`.
    const confidence = Math.round(Math.min(0.9, c.confidence + (i === 0 ? 0.15 : 0.05)) * 100) / 100;
    if (answersItself.test(c.command)) out.push({ ...c, confidence });
    else out.push({ ...c, command: `${step} | ${c.command}`, confidence, explanation: `${c.explanation} Every prompt is answered "${asked.answer}".`, source: `${c.source}+answers` });
  }
  return out;
}
