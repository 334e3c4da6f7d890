// "kindly list the markdown files in docs", "go ahead and copy data.csv to
// backup", "I'd like to move notes.txt into docs": words of courtesy before
// the request say nothing about what is asked. Left in, they were read as
// words of the request and changed its plan ("move" planned as `cp`, a kind
// of file dropped from a search, a plain copy abstained), so the request is
// read without them. "I'd like to know …" is a question, and stays one.
// Words of courtesy after it ("for me", "on my behalf", "if possible",
// "asap", "please.") are left out the same way: read as names they became
// `find docs -name me -delete`. Words that tie a request to one before it
// ("as well", "too", "also") ask nothing more of it: "show the files in
// logs as well" had been planned as `tail -n 10 well`.
// A request written as what the command does ("Removes 'foo' file", "Counts
// lines in notes.txt", "Compresses big.log") asks for that act: its opening
// verb is read as the order it stands for. Left as it was, "Removes" found no
// delete, "Compresses" was read as a look (`gzip -l`) and "Makes run.sh
// executable" as `strings run.sh`. A noun that is spelled like one ("Changes
// in the repo", "Lists of names") stays as it is.

/** Words of courtesy a request may open with, one alternation (intentClauses.ts reads past them too). */
export const courtesyWords = String.raw`please|pls|kindly|just|quickly|now|so|ok(?:ay)?|alright|all right|hey(?: there)?|hi(?: there)?|hello|go ahead and|(?:can|could|would|will) you(?: please| kindly)?|help me|let'?s|i'?d like(?: you)? to|i would like(?: you)? to|i want(?: you)? to|i need(?: you)? to|(?:i am|i'm) asking you to|you should`;
/** What follows each of them. */
export const courtesyGap = String.raw`(?:\s*[,!:]\s*|\s+)`;

const opening = new RegExp(String.raw`^\s*(?:(?:${courtesyWords})${courtesyGap})+(?!(?:know|learn|understand|ask|find out|wonder)\b)`, 'i');

// ... and after it; "now" only where it is no time ("until now", "from last week to now").
const closing = /(?:\s*,\s*|\s+)(?:for (?:me|us)|on (?:my|our) behalf|if (?:possible|you can|you could|you don't mind|you would)|when(?:ever)? you (?:can|get a chance|have (?:a|the) (?:moment|minute|sec(?:ond)?|time))|real quick|quickly|right away|straight away|asap|pronto|(?<!\b(?:to|until|till|from|since|by|of|before|after|than|up to|as of)\s+)(?:right )?now|please|pls|plz|thanks|thank you|thx|ty|cheers|as well|too|also)\s*[.!]*(\?*)\s*$/i;

// "(GNU specific) find the process …", "(Linux only) …": a remark in brackets on where a command works, not a name to look for.
const systemName = String.raw`(?:GNU|Linux|BSD|FreeBSD|macOS|Mac ?OS(?: X)?|OS ?X|Solaris|POSIX|Debian|Ubuntu|Cygwin|bash|zsh)`;
const systemRemark = new RegExp(String.raw`^\s*\(\s*${systemName}(?:[\s/-]+(?:${systemName}|specific|only|version|systems?|variant|syntax|\d[\w.]*))*\s*\)\s*[:,-]?\s*`, 'i');

// The verbs a request is opened with when it describes the command; each is read in the form of an order.
const describingVerbs = ['add', 'append', 'archive', 'calculate', 'change', 'check', 'clean', 'clear', 'compare', 'compress', 'connect', 'convert', 'copy', 'count', 'create', 'decompress', 'delete', 'disable', 'display', 'download', 'empty', 'enable', 'execute', 'extract', 'fetch', 'filter', 'find', 'format', 'generate', 'get', 'give', 'go', 'install', 'kill', 'list', 'load', 'locate', 'make', 'merge', 'monitor', 'mount', 'move', 'open', 'output', 'prepend', 'print', 'process', 'push', 'put', 'read', 'recurse', 'redirect', 'remove', 'rename', 'replace', 'report', 'return', 'run', 'save', 'search', 'send', 'set', 'shift', 'show', 'sort', 'split', 'start', 'stop', 'strip', 'take', 'trim', 'truncate', 'uncompress', 'uninstall', 'unmount', 'unset', 'unzip', 'update', 'write', 'zip'];
const thirdPerson = new Map(describingVerbs.map((v) => [/(?:s|sh|ch|x|z|o)$/.test(v) ? `${v}es` : /[^aeiou]y$/.test(v) ? `${v.slice(0, -1)}ies` : `${v}s`, v]));
// What follows a noun rather than a verb's object: "Changes in the repo", "Lists of names", "Reports are in docs".
const afterNoun = /^(?:in|of|since|from|by|to|for|on|at|made|that|which|are|were|is|was|have|has|and|or)\b|^[?:]/i;

/** "Removes 'foo' file" read as "Remove 'foo' file": a request that opens by describing the act asks for it. */
export function asOrder(request: string): string {
  const m = /^(\s*)([A-Za-z]+)(\s+)(.*)$/s.exec(request);
  const verb = m ? thirdPerson.get(m[2].toLowerCase()) : undefined;
  // ... but "Searches for TODO" searches.
  if (!m || !verb || (afterNoun.test(m[4]) && !(verb === 'search' && /^for\b/i.test(m[4])))) return request;
  const spelledAs = m[2][0] === m[2][0].toUpperCase() ? verb[0].toUpperCase() + verb.slice(1) : verb;
  return m[1] + spelledAs + m[3] + m[4];
}

/** The request without its opening and closing words of courtesy, when anything is left; an opening that describes the act reads as the order. */
export function withoutCourtesy(request: string): string {
  const remark = systemRemark.exec(request);
  const said = remark ? request.slice(remark[0].length) : request;
  const m = opening.exec(said);
  let rest = asOrder(m ? said.slice(m[0].length) : said);
  for (let c = closing.exec(rest); c && c.index > 0; c = closing.exec(rest)) rest = rest.slice(0, c.index) + c[1];
  return /\w/.test(rest) ? rest : request;
}
