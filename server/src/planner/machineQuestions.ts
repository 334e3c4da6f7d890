// Which program answers a question about the machine, its disks, its
// processes and its clock: what `wc` counts is what the request counts, a
// named process is asked about by its id, free space is `df`'s and not a
// list of the mounts, a date in the future is asked for in words.

import type { KnowledgeEntry } from './corpus';
import type { RequestFacts } from './requestFacts';
import { numberWords } from './requestWords';

// A template's program, and the words a request uses when that program is its answer.
const answers: [RegExp, RegExp][] = [
  // du measures: it answers a question about size or space.
  [/^du\b/, /\b(sizes?|big\w*|large\w*|small\w*|space|usage|disk|bytes|[kmg]b|kilobytes|megabytes|gigabytes|takes?(?: up)?|heav\w*|weigh\w*|room|du)\b/],
  // What wc counts, of a file or of each file found.
  [/(?:^|-exec\s+)wc -w\b/, /\bwords?\b/],
  [/(?:^|-exec\s+)wc -l\b/, /\b(lines?|rows?|records|entries|long)\b/],
  [/(?:^|-exec\s+)wc -m\b/, /\b(characters?|chars?|letters?|length)\b/],
  [/(?:^|-exec\s+)wc -c\b/, /\b(bytes?|size|characters?|chars?)\b/],
  // A date moved forward or back: the request says which way.
  [/date -d '\+/, /\b(from now|from today|tomorrow|later|ahead|next|in (?:\d+|an?|one|two|three|four|five|six|seven|ten) (?:days?|weeks?|months?|years?)|future|after)\b/],
  [/date -d '[^']*\bago'/, /\b(ago|yesterday|before|last|past|earlier|previous)\b/],
  // The mounts are listed, not measured: free space is df's.
  [/^(findmnt|mount|lsblk|blkid)(\s+-\w+)*$/, /^(?!.*\b(free|space|full|available|usage|room|capacity|storage|left)\b)/],
  // The processor and the memory are different questions.
  [/^lscpu\b/, /\b(cpus?|processors?|cores?|architecture|sockets?|threads?|model|mhz|cache|lscpu|vendor)\b/],
  [/^free\b/, /\b(memory|ram|swap|free|mem)\b/],
  // "processes by memory usage" asks about the processes, not the machine's memory or processors
  // (free twice over: it shares the request's word "memory", which the processes' own answer needs too).
  [/^(?:free|lscpu|nproc)\b/, /^(?!.*\bprocess(?:es)?\b)/],
  [/^free\b/, /^(?!.*\bprocess(?:es)?\b)/],
  // nproc counts processors: "how many users live in Paris" is no question about them.
  [/^nproc\b/, /\b(cpus?|processors?|cores?|threads?|parallel\w*|nproc|processing units?|jobs)\b/],
  [/^git branch -r\b/, /\bbranch/],
  // A date written day first is asked for so.
  [/%d\/%m\/%Y/, /\bdd[ ./-]mm\b|day[ ,/-]+month|\d{2}\/\d{2}\/\d{4}|slash/],
  [/^date\b(?!.*(?:%F|%Y-%m-%d))/, /^(?!.*\b(?:yyyy-mm-dd|iso(?: ?8601)?)\b)/],
  // Plain id prints the groups too: asked for by them.
  [/^id$/, /\b(groups?|gids?|all|everything|details|identity)\b/],
  // "the id of HEAD" is no user's id.
  [/^id -un?\b/, /\b(users?|uid|account|logged|me|my|i)\b/],
  // The login shell is asked for as a shell; shopt's options by their name.
  [/\$SHELL\b/, /\bshells?\b/],
  [/^shopt\b/, /\b(shopt|options?|extglob|globstar|nullglob|dotglob|nocaseglob|settings?|enabled|disabled)\b/],
  // The host name is printed only when asked for.
  [/\$\(hostname\)/, /\b(host\w*|machine|computer|server|where|prompt)\b/],
  // "which commit last touched package.json" names a commit; "what changed in notes.txt" asks for the change.
  [/^git log -1 --oneline -- /, /\b(?:which|what) commit\b|\bcommit (?:that|which)\b|\bwhen was\b|\blast (?:touched|changed|modified|edited)\b/],
  // "since the last commit": what is not committed yet, not the last commit's own change.
  [/\bHEAD~1 HEAD\b|^git (?:show|log)\b/, /^(?!.*\bsince (?:the |my )?(?:last|latest|previous|most recent) commit\b)/],
  [/^uname -sr\b/, /\b(release|version)\b/],
  // The shell's own command history is no file's history.
  [/^history\b/, /^(?!.*\b(?:of|for)\s+\S+\.\w{1,8}\b)/],
];

// Units a request asks a measure in, and the options that give them.
const units: [RegExp, RegExp][] = [
  [/\b(?:in|as) (?:megabytes|mb|mib|mebibytes)\b/, /\s-\w*m\b|-BM\b|--block-size=1?M\b/],
  [/\b(?:in|as) (?:bytes)\b/, /\s-\w*b\b|--bytes\b|--block-size=1\b/],
  [/\b(?:in|as) (?:kilobytes|kb|kib)\b/, /\s-\w*k\b|-BK\b|--block-size=1?K\b/],
  [/\b(?:in|as) (?:gigabytes|gb|gib)\b/, /\s-\w*g\b|-BG\b|--block-size=1?G\b/],
];

// Things a shell counts that are no entries of a folder.
const notEntries = /\bhow many\s+(?:\w+\s+)?(processors?|cpus?|cores?|users?|process(?:es)?|commits?|branches|tags|containers?|images?|threads?|groups?|sessions?|bytes|megabytes|kilobytes|gigabytes)\b/;
const sizeQuestion = /\b(how big|how large|sizes? of|size|how much (?:disk |storage )?space|disk usage|space (?:used|taken)|bytes|megabytes|kilobytes|gigabytes)\b/;
const showsSize = /\s-\w*[lsS]\w*\b|%s|\bdu\b|\bstat\b|-size\b|\bwc -c\b/;
const wcUnits: [RegExp, RegExp][] = [[/\bwc -l\b/, /\blines?\b/], [/\bwc -w\b/, /\bwords?\b/], [/\bwc -m\b/, /\b(?:characters?|chars?|letters?)\b/], [/\bwc -c\b/, /\bbytes?\b/]];
const filesCounted = /\b(?:how many|number of|count(?:ing)?(?: up)?(?: the| all| how many)?)\s+(?:[\w.*-]+\s+){0,3}?files?\b/;
const ranking = /\b(biggest|largest|smallest|heaviest|lightest|most space|least space)\b/;
// Two to ten spelled out: a count of commits back for HEAD~ ("a commit", "one" and "an" are none), or of the largest files.
const many = numberWords((n) => n >= 2 && n <= 10);
const someCount = new RegExp(String.raw`\b(\d+|${many}|dozen|few|several|couple)\b`);
const topCount = new RegExp(String.raw`\b(?:top\s+)?(?:\d+|${many})\s+(?:\w+\s+)?(?:biggest|largest|smallest|heaviest|most|least|newest|oldest)\b`);

/** Added to a candidate's score: negative when the template cannot be the answer to this kind of question. */
export function machineQuestionFit(entry: KnowledgeEntry, facts: RequestFacts): number {
  const template = entry.template;
  const lower = facts.lower;
  let score = 0;
  for (const [program, words] of answers) if (program.test(template) && !words.test(lower)) score -= 0.15;
  // "the number of bytes" counted as lines: wc counts another unit than the one the request names.
  const counts = wcUnits.find(([flag]) => flag.test(template));
  if (counts && !counts[1].test(lower) && wcUnits.some(([, words]) => words.test(lower))) score -= 0.15;
  // A span back from HEAD is for a number of commits; "the last commit" alone is git show's.
  if (/HEAD~\{count\}/.test(template) && !someCount.test(lower)) score -= 0.6;
  // "how many ts files are in src" counts files: the lines in them are another question.
  if (/\bcat\b[^|]*\|\s*wc\b|(?:-exec|xargs(?: -0)?(?: -r)?)\s+wc\b/.test(template) && filesCounted.test(lower) && !wcUnits.some(([, words]) => words.test(lower))) score -= 0.3;
  // "what is process 1": a question about one process, not a list of them all nor the whole machine.
  if (facts.pids.length > 0 && (entry.category === 'processes' || entry.category === 'system') && !Object.values(entry.slots).some((s) => s.type === 'pid')) score -= 0.15;
  // "in megabytes", "in bytes": a measure in the unit asked for, not in units of its own choosing.
  for (const [unit, option] of units) if (unit.test(lower) && /^(du|df|free)\b/.test(template) && !option.test(template)) score -= 0.15;
  // "free space on the disk that holds /tmp": the place named is the one measured.
  if (/^(du|df)\b/.test(template) && facts.paths.length > 0 && !/\{(?:path|file|dir|glob)\}/.test(template)) score -= 0.1;
  // "which subfolder of src is the largest": folders are measured by du.
  if (/\bsub-?(?:folders?|director(?:y|ies)|dirs?)\b/.test(lower) && ranking.test(lower) && !/\bdu\b/.test(template)) score -= 0.15;
  // "which files did I change": the names, not the whole diff.
  if (/\b(files?|filenames?)\b/.test(lower) && /^git diff\b/.test(template) && !/--name-only|--name-status|--stat\b|--numstat|\{(?:file|path)\}/.test(template)) score -= 0.1;
  // "how many processors": a count of the folder's entries is no answer.
  if (/^(ls|find)\b/.test(template) && notEntries.test(lower)) score -= 0.2;
  // "how big is src": a listing that prints no size is no answer.
  if (/^(ls|find)\b/.test(template) && sizeQuestion.test(lower) && !showsSize.test(template)) score -= 0.15;
  // "the size of each folder in src": one size per folder, not one for src.
  if (/\b(each|every|per)\s+(?:sub-?)?(folders?|director\w*|dirs?)\b/.test(lower) && /^du -s\w* \{\w+\}$/.test(template)) score -= 0.2;
  // "the two biggest folders": as many as asked, not the whole ranking.
  if (topCount.test(lower) && /\bsort\b/.test(template) && !/\b(head|tail)\b|\s-n \{/.test(template)) score -= 0.1;
  // Sizes put in order only when an order is asked for.
  if (/^du\b.*\|\s*sort\b/.test(template) && !/\b(sort\w*|order\w*|rank\w*|biggest|largest|smallest|heaviest|most|least|top)\b/.test(lower)) score -= 0.08;
  // "the biggest files": ranked, so sorted.
  if (ranking.test(lower) && !/\bsort\b|\bls -\w*S|--sort\b/.test(template)) score -= 0.1;
  // "the diff of notes.txt": a diff, not the file's words or lines.
  if (/\bdiffs?\b/.test(lower) && !/\b(diff|cmp|comm|show)\b|\s-p\b|--patch\b/.test(template)) score -= 0.25;
  // "what changed in notes.txt": the change itself, not the commits that made it.
  if (/\bwhat(?:'s| has| have)? changed\b/.test(lower) && facts.files.some((f) => facts.ws.files.has(f.value)) && !/\bdiff\b|\s-p\b/.test(template)) score -= 0.15;
  // "the files in the last commit": a log that names no file does not list them.
  if (/\b(files?|paths?|filenames?)\b/.test(lower) && /\bcommits?\b/.test(lower) && /^git (log|show)\b/.test(template) && !/--name-only|--name-status|--stat\b|--numstat|\s-p\b|\{file\}|\{path\}/.test(template)) score -= 0.1;
  // "the diff of notes.txt": a diff of that file, not of the whole tree.
  if (/^git diff\b/.test(template) && facts.files.some((f) => facts.ws.files.has(f.value)) && !Object.values(entry.slots).some((x) => x.type === 'file' || x.type === 'path')) score -= 0.1;
  return score;
}

// "How many ..." wants a number: a template that cannot count is less likely.
export function countingMismatch(entry: KnowledgeEntry, lower: string): number {
  // ... and a request that does not ask for a number wants the lines, not their count.
  // "the amount column" names a column; "the amount of space" asks for a number.
  if (!/\b(how many|count\w*|number of|total|tally|sum|amount of|much)\b/.test(lower)) return /\bgrep -c\b|\bgrep -\w*c\w* |\|\s*wc -l\s*$|'length'/.test(entry.template) ? 0.15 : 0;
  // Slot names ({count}) are not what the command does.
  const program = entry.template.replace(/\{\w+\}/g, '');
  // "how many bytes is big.bin", "how much space": a measure answers them.
  if (/\b(how much|how many (?:bytes|[kmgt]b|kilobytes|megabytes|gigabytes))\b/.test(lower) && /\b(du|df|free|stat)\b|%s|wc -c/.test(program)) return 0;
  return /\bwc\b|\b(?:grep|zgrep|egrep|uniq|git \w+)\b[^|]*\s-c\b|--count|uniq -c|\bcount\b|length|\bnproc\b|shortlog -\w*s/.test(program) ? -0.04 : 0.25;
}
