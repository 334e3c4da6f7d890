// What a request says about a git history: who wrote the commits ("by Bob",
// "authored by Bob Durand", "what did alice change", "how many commits has
// Bob made") and which branches it names ("feature/login", "main").
// Only git templates take these.

import type { Fact, Reading } from './requestFacts';
import { stopWords } from './requestWords';
import { escapeRegExp } from './corpus';
import type { GitRefs } from './gitRefs';

// Words that can follow "by" or "did" without naming a person.
const notAName = /^(date|dates|time|name|size|author|authors|file|files|commit|commits|message|day|week|month|year|line|lines|hash|branch|count|number|default|hand|mistake|accident|chance|me|you|we|they|he|she|it|who|whom|someone|anyone|everyone|somebody|anybody|git|i|what|when|which|how|much|many|not|now|the|a|an|has|have|had|did|does|do|was|were|is|are|will|would|can|could|should|last|first|recent|latest)$/i;

const name = String.raw`([A-Za-z][\w.-]*(?:\s+[A-Z][\w-]*)?)`;
const patterns: RegExp[] = [
  new RegExp(String.raw`\b(?:authored|written|committed|made|pushed|changed|done)\s+by\s+${name}`, 'g'),
  new RegExp(String.raw`\b(?:commits?|changes?|work|history|log)\s+(?:by|from|of)\s+${name}`, 'g'),
  new RegExp(String.raw`\bauthor\s+(?:is\s+|named\s+)?${name}`, 'g'),
  new RegExp(String.raw`\b(?:did|has|have)\s+${name}\s+(?:make|made|author\w*|write|wrote|written|commit\w*|push\w*|change\w*|do|done|contribut\w*)\b`, 'g'),
  new RegExp(String.raw`\b${name}'s\s+(?:commits?|changes?|work)\b`, 'g'),
  new RegExp(String.raw`\b${name}\s+(?:made|authored|committed|wrote|pushed)\b`, 'g'),
];

/** The people named as authors, in order of appearance. */
export function readAuthors(text: string): Fact[] {
  const out: Fact[] = [];
  for (const re of patterns) {
    for (const m of text.matchAll(re)) {
      const words = m[1].split(/\s+/).filter((w) => !notAName.test(w) && !stopWords.has(w.toLowerCase()));
      // A second capitalised word is a surname only when the first is a name too ("Bob Durand").
      const value = words.length === 2 && /^[A-Z]/.test(words[0]) ? words.join(' ') : words[0];
      // "the history of README.md": a file is no author.
      if (!value || /^\d/.test(value) || /\.[A-Za-z]\w{0,7}$|\//.test(value) || /^(?:\/|\.[A-Za-z]\w{0,7}\b)/.test(text.slice(m.index + m[0].length))) continue;
      const at = m.index + m[0].indexOf(words[0]);
      if (!out.some((f) => f.at === at)) out.push({ value, at, raw: value });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

// Branch and version tag names people use as such, wherever they stand in a git request.
const refWord = /(?<![\w./-])((?:feature|features|feat|fix|bugfix|hotfix|release|topic|dev|user)\/[\w./-]*\w|main|master|develop|trunk|v\d+(?:\.\d+)+)(?![\w/-]|\.\w)/g;

/**
 * Branch and tag names the request mentions, in order: by their shape, as
 * the workspace's repository spells them ("release-2", "v1.0-rc1"), and "the
 * other branch" when the repository has one branch besides the current one
 * (with "here", "this branch" then being the current one).
 */
export function readRefs(text: string, refs?: GitRefs): Fact[] {
  const out = [...text.matchAll(refWord)].map((m) => ({ value: m[1], at: m.index, raw: m[1] }));
  const add = (f: Fact) => {
    if (!out.some((o) => o.at < f.at + f.raw.length && f.at < o.at + o.raw.length)) out.push(f);
  };
  for (const name of refs ? [...refs.branches, ...refs.tags] : []) {
    if (name.length < 2 || stopWords.has(name.toLowerCase())) continue;
    for (const m of text.matchAll(new RegExp(`(?<![\\w./-])${escapeRegExp(name)}(?![\\w/-]|\\.\\w)`, 'g'))) add({ value: name, at: m.index, raw: name });
  }
  const others = refs?.current ? refs.branches.filter((b) => b !== refs.current) : [];
  const other = /\b(?:the\s+)?other\s+branch\b/i.exec(text);
  if (other && others.length === 1 && refs?.current) {
    add({ value: others[0], at: other.index, raw: other[0] });
    const here = /\b(?:here|this branch|this one|the current (?:branch|one)|my branch|mine)\b/i.exec(text);
    if (here) add({ value: refs.current, at: here.index, raw: here[0] });
  }
  return out.sort((a, b) => a.at - b.at);
}

// A request about commits: only then is a hex word a commit id rather than text to look for.
const aboutCommits = /\b(commits?|committed|revisions?|sha|hash|git|HEAD)\b/i;
const commitWords: [RegExp, (m: RegExpExecArray) => string][] = [
  [/\bHEAD(?:~\d*|\^+)?(?![\w-])/g, (m) => m[0]],
  [/(?<![\w./-])(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}(?![\w./-])/g, (m) => m[0]],
  [/\bthe (?:commit before (?:the )?(?:last|latest|newest)(?: one)?|(?:second[- ](?:to[- ])?last|previous|penultimate) commit)\b/gi, () => 'HEAD~1'],
  [/\b(\d+) commits? (?:ago|back|before (?:the )?(?:last|HEAD))\b/gi, (m) => `HEAD~${m[1]}`],
  [/\bthe (?:last|latest|newest|most recent|current) commit\b/gi, () => 'HEAD'],
];

/** Commits the request names, as git names them or in words; the spans are taken so no other reader sees a hash as text. */
export function readCommits(r: Reading): void {
  if (!aboutCommits.test(r.text)) return;
  for (const [re, value] of commitWords) {
    for (const m of r.text.matchAll(re)) {
      if (r.isUsed(m.index)) continue;
      r.facts.commits.push({ value: value(m as RegExpExecArray), at: m.index, raw: m[0] });
      r.take(m.index, m[0].length);
    }
  }
  r.facts.commits.sort((a, b) => a.at - b.at);
}

/** "commits affecting conf", "how often was scripts touched": a folder or file of the workspace named bare after a history verb, in a request about commits. */
export function readHistoryPlaces(r: Reading): void {
  if (!aboutCommits.test(r.text) && !/\b(?:history|touch\w*|affect\w*)\b/i.test(r.text)) return;
  const f = r.facts;
  for (const m of r.text.matchAll(/\b(?:touch\w*|affect\w*|chang\w*|modif\w*|edit\w*|of|to|for|on)\s+(?:the\s+)?([\w.-][\w./-]*\w)(?=\s+(?:folder|directory|dir|file)\b|[\s?!,.;]*$|\s+(?:since|before|after|by|in|during)\b)/gi)) {
    const value = m[1].replace(/\/+$/, '');
    const at = m.index + m[0].lastIndexOf(m[1]);
    const isDir = r.ws.dirs.has(value) && value !== '.git';
    if ((!isDir && !r.ws.files.has(value)) || [...f.paths, ...f.files, ...f.dirs].some((p) => p.at <= at && at < p.at + p.raw.length)) continue;
    const fact = { value, at, raw: m[1] };
    f.paths.push(fact);
    (isDir ? f.dirs : f.files).push(fact);
  }
}
