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

/** The request without its opening and closing words of courtesy, when anything is left. */
export function withoutCourtesy(request: string): string {
  const remark = systemRemark.exec(request);
  const said = remark ? request.slice(remark[0].length) : request;
  const m = opening.exec(said);
  let rest = m ? said.slice(m[0].length) : said;
  for (let c = closing.exec(rest); c && c.index > 0; c = closing.exec(rest)) rest = rest.slice(0, c.index) + c[1];
  return /\w/.test(rest) ? rest : request;
}
