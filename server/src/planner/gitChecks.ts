// Checks of a git plan against the history a request asks about: the paths
// of the repository it names ("how many commits touched src"), the tags and
// branches it names ("the commit tagged v1.0"), the end of the history it
// asks for ("the very first commit") and how many commits ("the 2 newest").
// A log of the whole history, of the newest commit or of another number of
// commits answers another question, however well its words match.

import type { CommandFact } from '../policy/factsTypes';
import { escapeRegExp } from './corpus';
import type { Intent } from './intent';
import { historyQuestion } from './gitQuestions';
import type { RequestFacts } from './requestFacts';
import { numbersWhere } from './requestWords';
import { programOf } from './selectionChecks';

/** What a history question bounds a git plan to. */
export interface HistoryAsk {
  /** Files and folders of the workspace the request names. */
  paths: string[];
  /** Tags, branches and commit ids the request names that the repository has (or that look like one). */
  refs: string[];
  /** The oldest end of the history ("the first commit", "the initial commit"). */
  first: boolean;
  /** How many commits, when stated ("the last 5 commits", "the 2 newest commits"). */
  count?: number;
  /** A person is asked for ("who made the first commit", "the author of the commit tagged v1.0"), none named. */
  person: boolean;
}

// Subcommands that read the history; listings of branches, tags and the working tree are judged elsewhere.
const readsHistory = /^(?:log|show|rev-list|shortlog|blame|diff|whatchanged|annotate)$/;
const firstCommit = /(?<!\b(?:since|after|from|before)\s+(?:the\s+)?(?:very\s+)?)\b(?:first|initial|oldest|earliest|root)\s+(?:\w+\s+)?commits?\b|\bvery first\b/;
// One to ten, and twenty: the counts of commits a request spells out.
const wordNumbers = numbersWhere((n) => n <= 10 || n === 20);
const ends = '(?:last|latest|newest|most recent|recent|previous|first|oldest|earliest)';
const counted = new RegExp(`\\b${ends}\\s+(\\d+|${Object.keys(wordNumbers).join('|')})\\s+(?:\\w+\\s+)?commits\\b|\\b(\\d+|${Object.keys(wordNumbers).join('|')})\\s+${ends}\\s+(?:\\w+\\s+)?commits\\b`);

/** What `facts` bound a git plan to, for a question about the history; undefined for any other request. */
export function readHistoryAsk(facts: RequestFacts): HistoryAsk | undefined {
  if (!historyQuestion(facts)) return undefined;
  // "save the log to x.txt" names where the output goes; "changes to notes.txt", "the current branch" name no path of the history.
  const destination = (f: { at: number }) => /\b(?:save|write|export|dump|put|redirect|send|output|append|copy|store)\w*\b[^.;]{0,60}\b(?:to|into|in to)\s+(?:the\s+)?(?:file\s+)?$|>\s*$/.test(facts.lower.slice(Math.max(0, f.at - 80), f.at));
  const refWord = (f: { at: number; raw: string }) => /^\s+(?:branch|tag|commit|version|release)\b/.test(facts.lower.slice(f.at + f.raw.length));
  const named = [...facts.files.filter((f) => facts.ws.files.has(f.value)), ...facts.dirs.filter((d) => facts.ws.dirs.has(d.value))];
  const paths = named.filter((f) => !destination(f) && !refWord(f)).map((f) => f.value.replace(/^\.\//, '').replace(/\/+$/, '')).filter((p) => p !== '' && p !== '.' && !/^\.git(?:\/|$)/.test(p));
  const known = facts.ws.refs ? [...facts.ws.refs.branches, ...facts.ws.refs.tags] : [];
  const refs = [...facts.branches.filter((b) => known.includes(b.value)).map((b) => b.value), ...facts.commits.filter((c) => /^[0-9a-f]{7,40}$/.test(c.value)).map((c) => c.value)];
  const m = counted.exec(facts.lower);
  const n = m ? m[1] ?? m[2] : undefined;
  const person = facts.authors.length === 0 && /\bwho(?:'s)?\b|\bauthor(?:s|ed)?\s+(?:of|for)\b|\bby whom\b/.test(facts.lower);
  return { paths: [...new Set(paths)], refs: [...new Set(refs)], first: firstCommit.test(facts.lower), person, ...(n ? { count: wordNumbers[n] ?? Number(n) } : {}) };
}

/** The words of each git command that reads the history, quotes taken off. */
function historyReaders(commands: CommandFact[]): string[][] {
  return commands.filter((c) => programOf(c) === 'git' && readsHistory.test(c.subcommand ?? '')).map((c) => c.args.map((a) => a.replace(/^['"]|['"]$/g, '')));
}

/** `git rev-list --count HEAD` for "how many commits touched src", `git show HEAD` for "the commit tagged v1.0", `git log -1` for "the first commit". */
export function historyDropped(intent: Intent, commands: CommandFact[], command: string): string[] {
  const ask = intent.history;
  const readers = historyReaders(commands);
  if (readers.length === 0) return [];
  const words = readers.flat();
  // `git diff main...main`: a range from a ref to itself compares nothing.
  const out = words.flatMap((w) => /^([^.\s]\S*?)\.{2,3}\1$/.exec(w)?.[1] ?? []).map((ref) => `it compares ${ref} with itself`);
  if (!ask) return out;
  const mentions = (p: string) => words.some((w) => {
    const path = w.replace(/^[^:]*:(?!\/)/, '').replace(/^\.\//, '').replace(/\/+$/, '');
    return path === p || p.startsWith(`${path}/`) && path !== '' && path !== '.';
  });
  const dropped = ask.paths.filter((p) => !mentions(p));
  if (ask.paths.length > 0 && dropped.length === ask.paths.length) out.push(`it reads the whole repository, but the request names ${dropped.join(', ')}`);
  // A ref stands alone or in a range or revision (`main..feature/login`, `v1.0^{}`, `v1.0:README.md`).
  const revisions = (command || words.join(' ')).replace(/\.{2,3}|[:^~@{}]/g, ' ');
  const refDropped = ask.refs.filter((r) => !new RegExp(`(?<![\\w./-])${escapeRegExp(r)}(?![\\w/-]|\\.\\w)`).test(revisions));
  if (refDropped.length > 0) out.push(`it leaves out ${refDropped.join(', ')}, which the request names`);
  const oldestEnd = /--reverse|--max-parents=0|--root\b|\btail\b/.test(command || words.join(' '));
  if (ask.first && !oldestEnd) out.push('it reads the newest commits, but the request asks for the first');
  if (ask.person && !printsPerson(commands)) out.push('it prints no author, but the request asks who');
  const limit = limitOf(readers, command);
  if (ask.count !== undefined && limit !== undefined && limit !== ask.count) out.push(`it shows ${limit} commit${limit === 1 ? '' : 's'}, but the request asks for ${ask.count}`);
  return out;
}

/** How many commits a log shows: `-3`, `-n 3`, `--max-count=3`, or a `head -n 3` after it. */
function limitOf(readers: string[][], command: string): number | undefined {
  for (const args of readers) {
    for (let i = 0; i < args.length; i++) {
      const m = /^-(\d+)$|^--max-count=(\d+)$|^-n(\d+)$/.exec(args[i]);
      if (m) return Number(m[1] ?? m[2] ?? m[3]);
      if ((args[i] === '-n' || args[i] === '--max-count') && /^\d+$/.test(args[i + 1] ?? '')) return Number(args[i + 1]);
      // `git diff HEAD~3 HEAD`, `git diff HEAD~1..HEAD`, `git diff HEAD^`: the changes of that many commits.
      const back = /^HEAD(?:~(\d*)|(\^+))(?:\.\.(?:HEAD)?)?$/.exec(args[i]);
      if (back) return back[2] ? back[2].length : Number(back[1] || 1);
    }
  }
  const head = /\bgit (?:log|rev-list)\b[^|]*\|\s*head\s+(?:-n\s*)?-?(\d+)\b/.exec(command);
  // `git show HEAD` shows one commit; a range shows what it spans.
  const one = readers.some((args) => args[0] === 'show' && !args.some((a) => a.includes('..')));
  // A `git diff` with no commit compares the working tree: no commit at all.
  const none = readers.some((args) => args[0] === 'diff' && !args.slice(1).some((a) => /^(?:HEAD|[0-9a-f]{7,40}\b)|[~^]|\.\./.test(a)));
  return head ? Number(head[1]) : one ? 1 : none ? 0 : undefined;
}

/** A log or show in its default format prints the author; `--oneline`, a count or a format without `%an` does not. */
function printsPerson(commands: CommandFact[]): boolean {
  return commands.some((c) => {
    if (programOf(c) !== 'git') return false;
    if (/^(?:shortlog|blame|annotate)$/.test(c.subcommand ?? '')) return true;
    if (!/^(?:log|show|whatchanged)$/.test(c.subcommand ?? '')) return false;
    const format = c.args.filter((a) => /^--(?:oneline|format|pretty)\b/.test(a)).join(' ') + c.args.filter((_a, i) => /^--(?:format|pretty)$/.test(c.args[i - 1] ?? '')).join(' ');
    return format === '' || /%[ac][neNEl]|\b(?:full|fuller|medium|raw|email)\b/.test(format);
  });
}
