// How a request wants its answer laid out: on one line, one to a line, separated by commas,
// numbered, newest first, without the trailing slash. A plan that prints the
// right names in another layout answers a question nobody asked, so a plan
// must carry out every layout the request states.

interface Shape {
  /** The layout, for a person. */
  what: string;
  /** How a plain list of names is given this layout: a pipe after it, or a flag of ls. */
  pipe?: string;
  lsFlag?: string;
  /** The request states it. */
  said: RegExp;
  /** The command carries it out (any of the usual ways). */
  kept: RegExp | ((command: string) => boolean);
}

// A join of lines into one: paste -s, xargs, tr of the newline, echo of a glob, ls -m or -x, a printf format with no newline.
const joined = /\bpaste\b[^|]*\s-\w*s|\|\s*xargs\b|\btr\b[^|]*\\n|\becho\b|(?<![-\w])printf\b|\bls\s+-\w*[mxC]|-printf\s+'[^'\\]*'|\bcolumn\b|\bseq\s+-s\b|\bjoin\b/;

const shapes: Shape[] = [
  {
    what: 'separated by commas',
    pipe: 'paste -sd ,',
    said: /\b(?:separat|delimit|join)(?:ed|ing)\s+(?:(?:the\s+)?(?:names?|them|entries|each|one|items?)\s+)?(?:by|with) (?:a )?commas?\b|\bcomma[- ]?(?:separated|delimited)(?=\s*(?:$|[,.;:)\]]|(?:list|line|string)\b))|\bas (?:a )?comma[- ]?(?:separated|delimited)\b|\bcsv list\b/,
    kept: /\bls\s+-\w*m|,/,
  },
  {
    what: 'on one line',
    pipe: "paste -sd ' '",
    said: /\b(?:separat|delimit|join)(?:ed|ing)\s+(?:(?:the\s+)?(?:names?|them|entries|each|one|items?)\s+)?(?:by|with) (?:a )?(?:single )?(?:spaces?|blanks?)\b|\bspace[- ]?(?:separated|delimited)(?=\s*(?:$|[,.;:)\]]|(?:list|line|string)\b))|\bas (?:a )?space[- ]?(?:separated|delimited)\b|\bon (?:a |one )(?:single )?line\b|\bin a single line\b|\ball on one line\b/,
    kept: joined,
  },
  {
    // "one per line", "newline separated": the layout a plain list already has, so only a join breaks it.
    what: 'one to a line',
    said: /\bone (?:per|to a|on each|on a) line\b|\b(?:each|every one) on (?:its|their|a) own line\b|\bnew ?line[- ]?(?:separated|delimited)\b|\b(?:separated|delimited) by (?:a )?new ?lines?\b|\bone (?:item|entry|name|number|word|value) (?:per|to a) line\b/,
    kept: (c) => !/\bseq\s+(?:-\w+\s+)*-s\s*(?!'?\\n)|\bpaste\b[^|]*\s-\w*s|\bls\s+-\w*[mxC]|\|\s*xargs(?:\s+echo)?\s*$|\bcolumn\b/.test(c),
  },
  {
    what: 'numbered',
    pipe: 'nl',
    said: /,\s*numbered\b|\bas a numbered list\b|\bnumber(?:ed)? (?:the|each|every) (?:line|entry|entries|name|result|item)s?\b|\bwith (?:line )?numbers\b|\b(?:prefixed|preceded) (?:by|with) (?:its |their )?(?:line )?numbers?\b(?! of\b)/,
    kept: /\bnl\b|\bcat\s+-\w*[nb]|\bgrep\b[^|]*\s-\w*n|\bNR\b|\bsed\s+=|\bless\s+-\w*N|\bawk\b[^|]*\+\+/,
  },
  {
    what: 'sorted by modification time',
    lsFlag: 't',
    said: /\b(?:sort(?:ed)?|order(?:ed)?|rank(?:ed)?)\s+(?:them\s+|it\s+)?by\s+(?:their\s+|the\s+)?(?:last\s+)?(?:modification|modified|mtime|change|changed|edit)\s*(?:time|date)?\b|\b(?:most recently|recently) (?:modified|changed|edited) first\b|\b(?:newest|latest) (?:ones? )?first\b/,
    kept: /\bls\s+-\w*t|%[TC][@+]|%[TCt]\w?|\bstat\b|--sort[= ]time|\bsort\b[^|]*-\w*t\b|-newer|\bfd\b[^|]*--changed/,
  },
  {
    what: 'without the trailing slash',
    pipe: "sed 's:/$::'",
    said: /\b(?:without|with no|minus|removing|remove|strip(?:ping)?|drop(?:ping)?|trim(?:ming)?)\s+(?:the\s+|any\s+|a\s+)?trailing (?:slash(?:es)?|\/)/,
    // Only a folder glob (`*/`) or ls -F / -p print the slash; then something must take it off.
    kept: (c) => !/\*\/|\bls\s+-\w*[Fp]/.test(c) || /\btr\s+-d\s+['"]?\/|\bsed\b[^|]*\/\$|%\/|\bbasename\b|\bcut\b/.test(c),
  },
];

const keeps = (s: Shape, command: string) => (typeof s.kept === 'function' ? s.kept(command) : s.kept.test(command));

/** The layouts `words` states, by name. */
export function statedShapes(words: string): string[] {
  return shapes.filter((s) => s.said.test(words)).map((s) => s.what);
}

/**
 * "list the files here separated by commas" planned as `ls`, "the folders
 * here, numbered" as `find . -type d`: the names come out, but not the way the
 * request asked for them.
 */
export function shapeDropped(words: string, command: string): string[] {
  if (command === '') return [];
  return shapes.filter((s) => s.said.test(words) && !keeps(s, command)).map((s) => `it does not print the answer ${s.what}, as the request asks`);
}

// A plain list of names, one to a line: ls without a long listing, find that only prints, git ls-files; and seq's numbers.
const plainLs = /^ls(?:\s+-[1aAdrRStUX]+)*(?:\s+(?!-)\S+)*$/;
const plainFind = /^(?:find|fd|fdfind)\s(?!.*\s-(?:exec|execdir|ok|okdir|delete|ls|fls|printf|fprintf|fprint|print0)\b)[^|;&<>`$]*$/;
const plainSeq = /^seq(?:\s+-w)?(?:\s+-?\d+){1,3}$/;
const plainList = (c: string) => plainLs.test(c) || plainFind.test(c) || plainSeq.test(c) || /^git ls-files(?:\s+[^|;&<>`$]*)?$/.test(c);

/**
 * The layouts the request states and a plain list of names lacks, given to
 * it: "the files here, numbered" from `ls` is `ls | nl`, "newest first" is
 * `ls -t`. Anything but a plain list is left as it is, for the check above
 * to judge.
 */
export function withShapes(words: string, command: string): string {
  if (!plainList(command)) return command;
  let out = command;
  for (const s of shapes) {
    if (!s.said.test(words) || keeps(s, out)) continue;
    if (s.lsFlag && /^ls\b/.test(out) && !/\|/.test(out)) out = out.replace(/^ls\b/, `ls -${s.lsFlag}`);
    else if (s.pipe) out = `${out} | ${s.pipe}`;
  }
  return out;
}
