// Which program answers a request about a text, a value or the system when
// two programs print something alike: the words of the request say which
// one. "Free space" is what df reports, not what du measures; "the current
// branch" is git's, whatever folder it is asked in; "numbers with a leading
// zero" are padded; "non-blank lines" are not the blank ones; the group of a
// file is changed without giving it to a new owner.

import type { Corpus, KnowledgeEntry } from './corpus';
import { isWellKnownProgram } from '../shell/programs';
import type { Fact, RequestFacts } from './requestFacts';
import { assignmentFit } from './environmentActs';

// "the file name from the path a/b/c.txt": the last part of a path.
const fileNameOfPath = /\bfile ?name (?:from|of|in|out of) (?:the |a |this |that )?(?:full |whole |given |specified )?path\b|\bbase ?name\b/;

// "non-blank lines", "lines that are not empty".
const nonBlank = /\bnon[- ]?(?:blank|empty)\b|\b(?:not|aren't|are not|isn't) (?:blank|empty)\b/;

// A template's program, and the words of a request that it cannot answer.
const wrongFor: [RegExp, RegExp][] = [
  // du measures what is used: what is free or left on a filesystem is df's.
  [/^du\b/, /\b(?:free|available|left|remaining)\b(?:\s+\w+){0,2}\s+(?:space|room|storage)|\b(?:space|room|storage)\s+(?:\w+\s+){0,2}(?:free|available|left|remaining)\b|\bfile ?systems?\b/],
  // pwd prints where you are; a request about the branch, the disk or the mounts of that place asks for more.
  [/^pwd$/, /\b(branch\w*|commits?|space|usage|disks?|file ?systems?|partitions?|mount\w*|free|available)\b/],
  // "the last modified time" is no last line.
  [/^tail\b/, /^(?!.*\blast\s+(?:\d+|few|two|three|four|five|ten)\b)(?!.*\b(?:end|bottom)\b).*\blast\s+(?:modifi\w*|chang\w*|access\w*|updat\w*|written|touched|edit\w*|modification)\b/],
  // A sort in reverse order is asked for.
  [/^sort -\w*r\b(?![^|]*\|)/, /^(?!.*\b(revers\w*|descend\w*|backwards?|decreas\w*|biggest|largest|highest|most|z to a|newest|latest|last first|bottom up)\b)/],
  // The shell a user logs in with says nothing of the kernel.
  [/\$SHELL\b/, /\bkernel\b/],
  // "the user and group of x": chgrp changes half of it.
  [/^chgrp\b/, /\b(?:user|owner)\s+(?:and|&)\s+group\b|\bgroup\s+and\s+(?:user|owner)\b|\w:\w/],
  // Inodes are counted only when asked about.
  [/^df -i\b/, /^(?!.*\b(?:inodes?|index nodes?)\b)/],
  // "the last modified time of notes.txt" is no part of its text.
  [/^(?:cat|tac|awk|head|tail|sed|cut|wc)\b/, /\b(?:modifi\w*|modification|chang\w*|access\w*|creation|birth)\s+(?:time|date|timestamp)s?\b|\bwhen was\b.*\b(?:modified|changed|touched|edited|written)\b/],
  // A user's real name is asked for as such; "the current user's PATH" or "name" is not it.
  [/^getent passwd\b.*cut -d: -f5/, /^(?!.*\b(?:real|full|display|proper|given|gecos|comment|surname|first|last)\b)/],
  [/^(?:id -un?|whoami)\b/, /\b(?:real|full|display) name\b/],
  // "the file name from the path a/b/c.txt" is its last part, not its folder nor its text.
  [/^(?:dirname|cat)\b/, fileNameOfPath],
  // "yesterday's date" is not today's, and a date from a number of seconds is asked for with them.
  [/^date(?![^|]*\s(?:-d|--date|-r)\b)/, /\b(?:yesterday|tomorrow|ago|from now|from today|hence|next (?:week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|last (?:week|month|year))\b/],
  // "2 weeks from now" is no number of days.
  [/\{days\} days/, /\b(?:weeks?|months?|years?|fortnight)\b(?!.*\bdays?\b)/],
  [/^date -d @/, /^(?!.*(?:@\d|\b(?:epoch|timestamps?|unix|seconds)\b))/],
  // A date as seconds since 1970, or as the name of its day, is asked for so.
  [/^date\b.*\+%s\b/, /^(?!.*\b(?:seconds?|epoch|unix|timestamps?)\b)/],
  [/^date\b.*\+%A\b/, /^(?!.*\b(?:days?|weekdays?)\b)/],
  // Lines of one file that are not in the other are not the lines they share, and the other way round.
  [/\bcomm -12\b/, /\b(?:not (?:in|present in|found in|contained in)|missing (?:from|in)|absent (?:from|in)|only in|but not|unique to|that (?:aren't|are not|don't|do not) (?:in|appear))\b/],
  [/\bcomm -(?:23|13|3)\b/, /^(?!.*\b(?:not|missing|absent|only|unique|differ\w*|except|without|lacking|but not|n't)\b)/],
  // The pattern of a blank line answers only a question about blank lines; nl -ba numbers the blank ones too.
  [/'\^(?:\[\[:space:\]\]\*)?\$'/, /^(?!.*\b(?:blank|empty|whitespace)\b)/],
  [/^(?:nl -ba|cat -\w*n)\b/, nonBlank],
  [/^nl \{\w+\}$/, new RegExp(`^(?!.*(?:${nonBlank.source}))`)],
  // "the most frequent entries" are listed with their counts, not counted.
  [/\|\s*wc -l$/, /\b(?:most|least) (?:frequent|common)\b|\boccurrences of each\b|\bhow often each\b/],
  // wc counts: a request that asks for no number wants the lines themselves.
  [/^wc\b/, /^(?!.*\b(?:how many|count\w*|numbers? of|total|tally|size|length|how long|how big|stat\w*|wc)\b)/],
  // Lines in reverse order and the first characters of each line are asked for so.
  [/^tac\b/, /^(?!.*\b(?:revers\w*|backwards?|last (?:line )?first|bottom (?:up|to top)|upside down|tac|opposite order|invert\w*)\b)/],
  [/^cut -c\b/, /^(?!.*\b(?:characters?|chars?|columns?|width|bytes?|letters?|digits?|cut)\b)/],
  [/^cat \{\w+\}$/, /\b(?:revers\w*|backwards?|upside down|opposite order)\b/],
  // The first or last of the sorted lines are asked for as such.
  [/^sort \{\w+\} \| (?:head|tail)\b/, /^(?!.*\b(?:first|last|top|bottom|smallest|largest|highest|lowest|greatest|least|earliest|latest|comes?)\b)/],
  // A numeric or unique sort is asked for.
  [/^sort -\w*n\w* \{\w+\}$/, /^(?!.*\b(?:numer\w*|numbers?|digits?|values?|sizes?|counts?|amounts?|prices?|scores?|ages?|ids?|versions?)\b)/],
  [/^sort -\w*u\w* \{\w+\}$/, /^(?!.*\b(?:uniq\w*|distinct|duplicat\w*|dedup\w*|once|repeated|different)\b)/],
  // "the first line of notes.txt": one line, not the whole file, its odd lines or its last fields.
  [/^cat \{\w+\}$/, /\b(?:first|last|top|bottom) line\b/],
  [/\bNR % 2\b/, /^(?!.*\b(?:odd|even|every (?:other|second)|alternat\w*)\b)/],
  [/\$NF\b/, /^(?!.*\b(?:fields?|columns?|words?|nf)\b)/],
  // ... nor its first field, when lines are what it asks about.
  [/\{print \$\{column\}\}/, /^(?=.*\blines?\b)(?!.*\b(?:fields?|columns?|words?|names?|delimit\w*|separat\w*|csv|tsv)\b)/],
  // "the number of lines" is a count, not lines with numbers.
  [/^nl\b/, /\b(?:number|count|total) of (?:the )?lines\b|\bhow many lines\b|\bcount\w* (?:the |all )?lines\b|\bline count\b/],
  // Lines longer than some width are asked for by their length.
  [/length\(\$0\) >/, /^(?!.*\b(?:long\w*|length|wider|width|characters?|chars?|columns?)\b)/],
  // The machine's addresses are asked for as such.
  [/^hostname -I\b/, /^(?!.*\b(?:ips?|addresse?s?|network)\b)/],
  // "print the help of yum" asks for the program's help, not its name.
  [/^echo \{\w+\}$/, /\bhelp\s+(?:message|text|page|screen|on|for|of|about)\b|\busage\s+(?:of|for)\b/],
  // A program's own help is asked for as help, its usage or its options.
  [/^\{\w+\} --help$/, /^(?!.*\b(?:help|usage|what options|(?:options|flags|switches) (?:of|for|does|that))\b)/],
];

// Words that ask for a program's own feature, and the template that has it.
const needs: [RegExp, RegExp][] = [
  // "numbers from 1 to 30 with leading zeros": seq pads with -w.
  [/\b(?:leading|padded with|pad\w* with)\s+(?:\w+\s+)?(?:zeros?|0s?)\b|\bzero[- ]?padd\w*|\bequal width\b|\bsame width\b/, /^(?!seq\b)|^seq -\w*w/],
  // "non-blank lines" are those that are not blank: the pattern of a blank line is inverted.
  [nonBlank, /^(?!.*'\^(?:\[\[:space:\]\]\*)?\$')|\s-\w*v\b/],
  // "with line numbers": a command that numbers them.
  [/\bline numbers?\b(?!\s*\d)|\bnumber(?:ed|ing)? (?:the |each |every |all )?(?:non[- ]?(?:blank|empty) )?lines\b|\bwith (?:their )?numbers\b/, /\bnl\b|\bcat -\w*n|\bgrep -\w*n|\bNR\b|\bless -\w*N/],
  // "the most frequent entries", "with the number of occurrences of each": a count per line.
  [/\b(?:most|least) (?:frequent|common)\b|\b(?:number|count) of occurrences\b|\boccurrences of each\b|\bhow often each\b/, /uniq -c|\[\$\w+\]\+\+|\bcount\b/],
  // "the group ownership of x": the group changes, not the owner.
  [/^(?!.*\bowner\b(?!ship))(?=.*\b(?:change|set|give|transfer|assign|make)\w*\b).*\bgroup\b/, /^(?!(?:sudo )?chown (?:-\w+ )*\{\w+\} )/],
];

// "the help text of ls", "the command-line usage of find", "what options does curl take": a program's own help.
const helpAsked = /\b(?:help|(?:command[- ]line\s+)?usage)\s+(?:(?:message|text|page|screen|output|summary|info\w*)\s+)?(?:of|for|on|about)\s+(?:the\s+)?(?:(command|program|utility|tool)\s+)?(["'`]?)([\w.+-]+)|\bwhat (?:options|flags|switches) does\s+(["'`]?)([\w.+-]+)/i;
// "the disk usage of all files" is a measure, not a program's help.
const measured = /\b(?:disk|memory|ram|cpu|space|storage|network|bandwidth|inode|swap|gpu|data|total)\s+$/i;

/** The program whose own help the request asks for; `isProgram` says whether a bare word names one. */
export function helpedProgram(text: string, isProgram: (name: string) => boolean): Fact | undefined {
  const m = helpAsked.exec(text);
  const value = m?.[3] ?? m?.[5];
  if (!m || !value || measured.test(text.slice(0, m.index))) return undefined;
  if (!(m[1] || m[2] || m[4] || isProgram(value))) return undefined;
  return { value, at: m.index + m[0].lastIndexOf(value), raw: value };
}

/**
 * "the help text of ls": the request's facts with the program whose own help it asks for as the first name,
 * so the help template is offered whatever entries about the program retrieval found; undefined when it asks none.
 */
export function helpFacts(facts: RequestFacts, corpus: Corpus): RequestFacts | undefined {
  const helped = helpedProgram(facts.text, (name) => isWellKnownProgram(name) || corpus.entries.some((e) => e.utilities.includes(name)));
  return helped ? { ...facts, names: [helped, ...facts.names] } : undefined;
}

// A program the request says to use: "with mount", "using the top command", "Use 'top' to ...".
const namedTool = /\b(?:with|using|use)\s+(?:the\s+)?["'`]?([a-z][\w.+-]*)["'`]?(?=\s+(?:command|utility|program|tool)\b|\s+to\b|\s*[,.;)]|\s*$)|\bthe\s+["'`]?([a-z][\w.+-]*)["'`]?\s+(?:command|utility|program|tool)\b/;

// Programs that print much the same as a sibling (mount and findmnt, ifconfig and ip, top and ps ...).
const siblings = /^(?:mount|findmnt|ifconfig|ip|top|htop|ps|pgrep|chown|chgrp|printenv|env|export|echo|printf|seq|yes|df|du|comm|join|paste|nl|awk|sed|cut|tr|uname|hostname|whoami|id|stat|date|cal|lsblk|blkid|netstat|ss|lsof|free|vmstat|uptime|history|basename|dirname|realpath|readlink)$/;

// A shell variable named in capitals as a thing to print: "the current user's PATH", "print my HOME".
const namedVariable = /(?:'s|\bthe|\bmy|\bof|\bprint|\bshow|\bdisplay|\becho)\s+(PATH|HOME|SHELL|LANG|EDITOR|TERM|PWD|TMPDIR|LOGNAME|HOSTNAME|LD_LIBRARY_PATH|PYTHONPATH|JAVA_HOME|MANPATH|PS1|IFS)\b/;

// "numbers from 1 to 30": many numbers, not one.
const range = /\bnumbers\b.*\bfrom\s+-?\d+\s+(?:to|through|thru|until)\s+-?\d+\b|\bnumbers\s+-?\d+\s+(?:to|through|thru)\s+-?\d+\b/;

/** Added to a candidate's score: negative when the program cannot answer what the request's words ask. */
export function valueQuestionFit(entry: KnowledgeEntry, values: Record<string, string>, facts: RequestFacts): number {
  const template = entry.template;
  const lower = facts.lower;
  let score = 0;
  // "the help of tar": the program helped with is named as a program ...
  const helped = /^\{(\w+)\} --help$/.exec(template)?.[1];
  if (helped && !/^(?:\.{0,2}\/|~\/)\S|^[\w.+-]+$/.test(values[helped] ?? '')) score -= 0.4;
  // ... and it is the one the request asks help for.
  if (helped && helpedProgram(facts.text, () => true)?.value !== (values[helped] ?? '').replace(/^'|'$/g, '')) score -= 0.3;
  for (const [program, words] of wrongFor) if (program.test(template) && words.test(lower)) score -= 0.2;
  for (const [words, feature] of needs) if (words.test(lower) && !feature.test(template)) score -= 0.2;
  // "the current user's PATH": the variable itself, printed.
  const variable = namedVariable.exec(facts.text)?.[1];
  if (variable && !new RegExp(`\\b(?:printenv|echo|printf|env)\\b|\\$\\{?${variable}\\b`).test(template)) score -= 0.2;
  // "5 days ago": the number of days said, not the template's own.
  const days = /(\d+)\s+days?\b/.exec(lower)?.[1];
  if (/\{days\} days/.test(template) && days !== undefined && (values.days ?? '').replace(/^'|'$/g, '') !== days) score -= 0.3;
  if (/^basename\b/.test(template) && fileNameOfPath.test(lower)) score += 0.1;
  score += namedToolFit(template, lower) + assignmentFit(template, values, facts.text);
  // A range of lines is one the request gives.
  if (/^sed -n '\{start\},\{end\}p'/.test(template) && facts.numbers.length === 0) score -= 0.2;
  // "the first line of notes.txt" asks for no sort: the sorted line is asked for with words of order.
  if (/^sort \{\w+\} \| (?:head|tail)\b/.test(template) && !/\b(?:sort\w*|order\w*|alphabetic\w*)\b/.test(lower)) score -= 0.5;
  // A script to run is a program or a script file, never a log or data file.
  const script = (values.script ?? '').replace(/^'|'$/g, '');
  if (script !== '' && !/^(?:\.{0,2}\/|~\/)|\.(?:sh|bash|zsh|py|pl|rb|js|mjs|ts|php)$|^[\w-]+$/.test(script)) score -= 0.2;
  // One number printed padded is no range of numbers.
  if (/^printf '%0\{\w+\}d\\n' \{\w+\}$/.test(template) && range.test(lower)) score -= 0.3;
  return score;
}

/** "list the mounts with mount": the program the request says to use runs the command; a sibling that prints the like does not. */
function namedToolFit(template: string, lower: string): number {
  const m = namedTool.exec(lower);
  const tool = m?.[1] ?? m?.[2];
  if (!tool || !(isWellKnownProgram(tool) || siblings.test(tool))) return 0;
  if (/^\s*(?:sudo\s+)?([\w.+-]+)/.exec(template)?.[1] === tool) return 0.15;
  const runs = new RegExp(`(?:^|[|;&(]\\s*|\\bsudo\\s+|\\bxargs\\s+(?:-\\S+\\s+)*)${tool.replace(/[.+]/g, '\\$&')}(?![\\w.-])`);
  return runs.test(template) ? 0 : -0.1;
}
