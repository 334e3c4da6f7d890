// Questions about a repository's history, with or without the word git: in
// a workspace that is a repository, "who last changed line 3 of x", "when
// was notes.txt added", "the history of docs/guide.md" or "what changed
// since yesterday" are asked of git, and a git answer must be filtered by
// the author, date and file the request names.

import type { KnowledgeEntry } from './corpus';
import type { Fact, RequestFacts, WorkspaceNames } from './requestFacts';

/** The workspace is a repository (a `.git` folder, or a worktree's `.git` file whose refs were read). */
export function inRepository(ws: WorkspaceNames): boolean {
  return ws.refs !== undefined || ws.dirs.has('.git');
}

// Tool-specific entries (git, containers, packages) need the request to be about that tool.
export const domains: Record<string, RegExp> = {
  git: /\b(git|commits?|branch\w*|merge\w*|stash\w*|rebase\w*|repo\w*|tags?|blame|checkout|push\w*|pull\w*|staged?|remotes?|head|clone|cherry|upstream|diff|untracked|tracked|uncommitted|unstaged|history|authors?|authored|committed|blame|checked out|who (?:last )?(?:changed|edited|wrote|touched|modified))\b/,
  containers: /\b(docker|containers?|images?|compose|kubectl|pods?|k8s|podman|kubernetes|volumes?|registry)\b/,
  packages: /\b(install\w*|packages?|npm|pip\w*|apt|apt-get|dependenc\w*|yarn|pnpm|cargo|gem|brew|dpkg|upgrad\w*|modules?|librar\w*|venv|virtualenv|requirements)\b/,
};

// History words that need no git word once the workspace is a repository: who changed or wrote
// something, when a file came in, what changed since a date, what was tagged or released.
const historyWords = /\bwho (?:last |first |originally |most recently )?(?:changed|edited|wrote|touched|modified|added|introduced|created|removed|deleted)\b|\bwhen (?:was|were|did) .{1,60}?\b(?:added|introduced|committed|first (?:added|created|written|appear\w*)|removed|deleted)\b|\b(?:which|what) (?:change|version|release) (?:added|introduced|removed)\b|\bwhat(?:'s| has| have)? (?:been )?changed (?:since|in the last|this|today|yesterday|over)\b|\b(?:tagged|releases?|versions? (?:tagged|released))\b|\b(?:the )?other branch\b/;
// Of those, the ones a command of another kind cannot answer: a person, or when a file came in.
const askedOfHistory = /\bwho (?:last |first |originally |most recently )?(?:changed|edited|wrote|touched|modified|added|introduced|removed|deleted)\b|\bwhen (?:was|were|did) .{1,60}?\b(?:added|introduced|committed|first (?:added|written|appear\w*))\b|\b(?:which|what) (?:change|version|release) (?:added|introduced|removed)\b/;

/** "who last changed line 2", "when was this line added": a person or a time, which only the history holds. */
export function asksOfHistory(lower: string): boolean {
  return askedOfHistory.test(lower);
}

/** A question about the repository's history: git words, or history words in a repository. */
export function historyQuestion(facts: Pick<RequestFacts, 'lower' | 'ws'> & Partial<Pick<RequestFacts, 'branches'>>): boolean {
  return domains.git.test(facts.lower) || (inRepository(facts.ws) && (historyWords.test(facts.lower) || namesRef(facts)));
}

/** "files that differ from feature/login": a branch or tag the repository has, named in the request. */
function namesRef(facts: Partial<Pick<RequestFacts, 'branches' | 'ws'>>): boolean {
  const refs = facts.ws?.refs;
  return refs !== undefined && (facts.branches ?? []).some((b) => refs.tags.includes(b.value) || (refs.branches.includes(b.value) && /[/\d-]/.test(b.value)));
}

/** History words in a repository that name no git word ("what changed since yesterday"): a task, asked of git. */
export function historyTask(facts: Pick<RequestFacts, 'lower' | 'ws'>): boolean {
  return inRepository(facts.ws) && historyWords.test(facts.lower);
}

// Words that only a question about a git repository uses: a template of another domain is an unlikely answer to it.
const gitOnly = /\b(git|commits?|committed|uncommitted|branch(?:es)?|staged|unstaged|untracked|stash(?:ed)?|rebase)\b/;

export function domainPenalty(entry: KnowledgeEntry, facts: RequestFacts): number {
  if (entry.category === 'git') return historyQuestion(facts) ? 0 : 0.15;
  const re = domains[entry.category];
  if (re && !re.test(facts.lower)) return 0.15;
  if (gitOnly.test(facts.lower)) return 0.1;
  if (!inRepository(facts.ws)) return 0;
  // "the history of docs/guide.md", "log of the src folder": a path of the repository's history.
  const pathHistory = /\b(?:history|log|changelog)\s+(?:of|for)\b/.test(facts.lower) && facts.paths.some((p) => facts.ws.files.has(p.value) || facts.ws.dirs.has(p.value));
  return pathHistory ? 0.2 : askedOfHistory.test(facts.lower) ? 0.15 : 0;
}

const filesOnly = /\b(?:which|what)\s+(?:\w+\s+)?files\b|\blist (?:the |all (?:the )?)?files\b|\bfile ?names\b/;

/** A git history request that names an author, a date or a file wants a log filtered by them. */
export function historyMismatch(entry: KnowledgeEntry, facts: RequestFacts): number {
  if (entry.category !== 'git') return 0;
  let penalty = 0;
  if (facts.authors.length > 0 && !/--author\b/.test(entry.template)) penalty += 0.2;
  if (facts.dates.length > 0 && /^git (log|shortlog|rev-list)\b/.test(entry.template) && !/--(since|until|after|before)\b/.test(entry.template)) penalty += 0.1;
  // A file of the workspace named in a history question: the log, diff or blame of that file.
  const named = facts.files.some((f) => facts.ws.files.has(f.value));
  if (named && /^git (log|diff|blame|show)\b/.test(entry.template) && !Object.values(entry.slots).some((x) => x.type === 'file' || x.type === 'path')) penalty += 0.1;
  // "who made the first commit", "the author of the tagged commit": a person, printed by an author format.
  if (/\b(?:who|whom|author|authors|authored)\b/.test(facts.lower) && facts.authors.length === 0 && /^git (?:log|show)\b/.test(entry.template) && !/%a[neNE]|%c[neNE]|shortlog|blame|--author/.test(entry.template)) penalty += 0.15;
  // "which files did the last commit touch": the names, not the commit's header, statistics or status letters.
  if (filesOnly.test(facts.lower) && /\bcommits?\b|\bHEAD\b/.test(facts.text) && /^git (?:log|show)\b/.test(entry.template) && !/--name-only\b.*--(?:pretty|format)=(?:format:)?(?:\s|$)|--(?:pretty|format)=(?:format:)?\s.*--name-only\b/.test(entry.template)) penalty += 0.06;
  // "the tracked files with changes": untracked ones are no answer (git status lists them too).
  if (/(?<!un)\btracked\b/.test(facts.lower) && (/^git status(?![^|]*(?:-uno|--untracked-files=no))/.test(entry.template) || /--others\b/.test(entry.template))) penalty += 0.12;
  // git log starts from the newest: the other end is asked for in words.
  if (/--reverse\b/.test(entry.template) && !/\b(?:first|oldest|earliest|initial|original|very beginning|start\w*|began|begin\w*|root)\b/.test(facts.lower)) penalty += 0.3;
  return penalty;
}

/**
 * "the commit tagged v1.0", "show release-2": a tag or branch the repository
 * has, named where a commit is asked for. A ref after "since", "from" or
 * "until" bounds a range instead ("committed since v1.0").
 */
export function refsAsCommits(facts: RequestFacts): Fact[] {
  const refs = facts.ws.refs;
  if (!refs) return [];
  return facts.branches.filter((b) => [...refs.tags, ...refs.branches].includes(b.value) && !/\b(?:since|after|from|until|before|between|and|than|not (?:on|in)|isn'?t (?:on|in)|into|onto|to)\s+(?:the\s+)?(?:tag\s+|branch\s+)?$/i.test(facts.text.slice(Math.max(0, b.at - 30), b.at)));
}

const pathHistoryWords = /\b(?:(?:change\s+)?history|log|changelog|commits?|revisions?)\s+(?:of|for|on|to|touching|affecting)\b/;
const cameIn = /\bwhen (?:was|were|did) .{1,60}?\b(?:added|introduced|first (?:added|committed|created|written|appear\w*))\b|\b(?:which|what) (?:commit|change) (?:added|introduced|created)\b/;
const whoLine = /\bwho\b.{0,30}\bline\s+\d+\b/;
// "which tracked files have edits not yet committed": the names of the files changed in the working tree.
const uncommittedFiles = /\b(?:which|what|list|name)\b.{0,30}\bfiles\b.{0,40}\b(?:uncommitted|not (?:yet )?(?:been )?committed|unstaged|local (?:changes|modifications|edits))\b/;

/** The git entries a history question's shape calls for in a repository, whatever retrieval ranked first. */
export function historyShapes(f: RequestFacts): { id: string; similarity: number }[] {
  if (!inRepository(f.ws)) return [];
  const named = f.paths.some((p) => f.ws.files.has(p.value) || f.ws.dirs.has(p.value));
  const file = f.files.some((x) => f.ws.files.has(x.value));
  const out: { id: string; similarity: number }[] = [];
  if (named && pathHistoryWords.test(f.lower)) out.push({ id: 'git.log_file_subjects', similarity: 0.7 });
  if (named && cameIn.test(f.lower)) out.push({ id: 'git.file_added', similarity: 0.7 });
  if (file && whoLine.test(f.lower)) out.push({ id: 'git.blame_line', similarity: 0.7 });
  if (!named && uncommittedFiles.test(f.lower) && !/\bstaged\b/.test(f.lower)) out.push({ id: 'git.diff_names_worktree', similarity: 0.7 });
  return out;
}
