// Whether the program a template runs is the one the request's words and
// values call for, beyond what retrieval sees: an archive reader needs an
// archive, a program named in the request is the likelier answer, and a
// request about a value written in it ("the text", "the string") wants that
// value printed, not a file read.

import { archiveFit } from './archiveFit';
import { sizeFit } from './sizeFit';
import type { KnowledgeEntry } from './corpus';
import { machineQuestionFit } from './machineQuestions';
import { jobWordsFit } from './jobWords';
import type { RequestFacts } from './requestFacts';
import { contentsOfMany, listsForContents } from './requestShapes';
import { noExtension, oneLevel } from './requestWords';
import { valueQuestionFit } from './valueQuestions';
import { contentQuestionFit } from './contentQuestions';
import { listingShapeFit } from './listingShape';

const archiveReaders = /^(zcat|gunzip|gzip -d|bzcat|bunzip2|xzcat|unxz|unzip|zipinfo|tar -\w*t)\b/;
// What a string step does must be asked for: "print the text X" wants X as it is.
const attribute = String.raw`\b(?:sizes?|dates?|times?|ages?|permissions?|modes?|owners?)\b`;
const compared = new RegExp(String.raw`\b(?:compar\w*|differ\w*|diff)\b(?!.{0,20}${attribute})`);
const comparedAttribute = new RegExp(String.raw`\bcompar\w*\b.{0,20}${attribute}`);
const setSideBySide = /\b(?:diff|cmp|comm|sdiff|vimdiff|colordiff)\b/;

/** "compare a and b": set side by side, not printed one after the other; their sizes or dates compared are no lines to diff. */
function comparedFit(template: string, lower: string): number {
  if (compared.test(lower) && !setSideBySide.test(template)) return -0.12;
  return comparedAttribute.test(lower) && setSideBySide.test(template) ? -0.2 : 0;
}
const transforms: [RegExp, RegExp][] = [
  [/\|\s*rev\b/, /\b(revers\w*|backwards?|mirror\w*|right to left)\b/],
  [/(?:^|\|\s*)tr '\[:(upper|lower):\]'/, /\b(upper\w*|lower\w*|capital\w*|case|caps)\b/],
  [/\|\s*sed -e 's\/\^\[\[:space:\]\]/, /\b(trim\w*|strip\w*|spaces?|whitespace|blanks?|padding|padded|leading|trailing)\b/],
  // "remove the leading directories": leading what matters; a trim of a file's lines is asked with a word for blanks.
  [/^sed 's\/\^\[\[:space:\]\]/, /\b(trim\w*|spaces?|whitespace|white space|blanks?|padding|padded|indent\w*|tabs?)\b/],
  [/\|\s*od\b/, /\b(hex\w*|octal|bytes?|dump\w*|binary|codes?)\b/],
  [/^ls -m\b/, /\bcomma\w*/],
  [/!seen\[/, /\b(duplicat\w*|uniq\w*|distinct|repeat\w*|dedup\w*|once|first (?:time|occurrence))\b/],
  [/^shuf\b|\|\s*shuf\b|sort -R\b/, /\b(random\w*|shuffl\w*|any(?: one)?|arbitrar\w*|sampl\w*|pick|lottery|mix\w*)\b/],
  [/\buniq -u\b/, /\b(uniq\w*|once|not (?:repeated|duplicated)|non-?(?:repeated|duplicat\w*)|singles?|singletons?|no duplicates?|never repeated|without (?:a )?(?:duplicate|repeat|twin)\w*)\b/],
  // A permission change is asked with a word for permissions: "write hello to notes.txt" is no chmod.
  [/^chmod\b|-exec chmod\b/, /\b(permission\w*|perms?|modes?|chmod|executable|exec|execut\w*|runnable|read-?only|readable|writable|unwritable|write[- ](?:protect\w*|bits?|access|permission)|access\w*|private|public|lock\w*|protect\w*|rwx|[0-7]{3,4}|[ugoa]+[-+=][rwxst]+|groups?|others|owner|everyone|anyone|nobody|world|setuid|setgid|sticky|suid|sgid)\b/],
  // ... and it drops the repeats: "find the duplicate lines" asks for the repeats themselves (uniq -d).
  [/!seen\[/, /\b(remov\w*|delet\w*|drop\w*|without|strip\w*|uniq\w*|distinct|dedup\w*|de-dup\w*|once|eliminat\w*|filter\w*|get rid|discard\w*|skip\w*|ignor\w*|clean\w*|first (?:time|occurrence))\b/],
  // The file program tells what kind of data a file holds.
  [/(?:^|-exec\s+)file\b/, /\b(types?|kinds?|formats?|mime|encoding|binary|text or|what is)\b/],
  [/\|\s*wc -m$/, /\b(length|characters?|chars?|long|letters?|size)\b/],
  [/^man\b/, /\b(man|manual|man ?pages?|manpages?|documentation|help (?:for|on|about)|usage of|docs (?:for|of|on|about))\b/],
  // Builtins that change the shell itself are asked for with a verb of changing it.
  [/^(unset|export \S+=|alias \S+=|shopt -[su]|set [-+][euxo]|history -c|ulimit -\w+ \S)/, /\b(unset|remove|delete|clear|drop|export|define|set|make|turn|enable|disable|switch|add|create|change|exit|stop|fail|raise|treat|wipe|erase|assign|give)\b/],
  // tail -n +N prints from line N to the end: asked as a start, a rest or lines skipped.
  [/^tail -n \+\{/, /\b(from|onwards?|after|starting|start|rest|skip\w*|without|except|all but|ignor\w*|leav\w*|drop\w*|omit\w*|remov\w*|end|beyond|header|on)\b/],
  // -xtype l finds only links whose target is gone.
  [/-xtype l\b/, /\b(broken|dangling|dead|orphan\w*|missing|invalid|bad|stale|nowhere|nonexist\w*|non-exist\w*|does(?:n'?t| not) exist)\b/],
  // tac prints every line, last first: the last line alone is tail's.
  [/^tac\b/, /\b(revers\w*|backwards?|upside[- ]down|invert\w*|opposite order|bottom (?:up|to top)|last (?:line )?first|newest first|flip\w*)\b/],
  [/^rev\b/, /\b(characters?|letters?|backwards|mirror\w*|each line revers\w*|spell\w*)\b/],
  // A sort and a swap of columns print every line, reordered: a question about one column is answered without them.
  [/^sort\b[^|]*$/, /\b(sort\w*|order\w*|rank\w*|arrang\w*|alphabet\w*|lexicograph\w*|ascending|descending|increasing|decreasing|numerically|reverse\w*|biggest|largest|smallest|highest|lowest|greatest|top|bottom|most|least|unique|uniq|distinct|dedup\w*|duplicat\w*|shuffl\w*|random\w*|merg\w*|first|last|min\w*|max\w*|median|oldest|newest|earliest|latest)\b/],
  [/\|\s*sort -u\b|\|\s*sort\s*\|\s*uniq(?! -c)/, /\b(unique|uniq|distinct|different|dedup\w*|duplicat\w*|once|repeat\w*|set of|kinds? of|which)\b/],
  [/\buniq -c\b/, /\b(count\w*|how many|how often|number of|frequen\w*|tally|occurr\w*|times|per|each|popular|common|histogram|group\w*|most|least|top)\b/],
  [/\{t = \$1; \$1 = \$2/, /\b(swap\w*|switch\w*|exchang\w*|interchang\w*|revers\w*|flip\w*|then the first|other way round)\b/],
  [/^set -o$/, /\b(settings?|options?|flags?)\b/],
  [/^seq\b/, /\b(numbers|sequence|range|integers|from -?\d+ (?:to|through|thru|until)|\d+ (?:to|through|thru) \d+|between -?\d+ and|count(?:ing)? (?:from|up|down)|\d+ numbers)\b/],
  [/^basename\b/, /\b(names?|basename|strip\w*|without|last (?:component|part)|component)\b/],
  // A fresh UUID is asked for as one: "a random line from file" is no identifier.
  [/\/proc\/sys\/kernel\/random\/uuid|^uuidgen\b/, /\b(?:uuids?|guids?|unique (?:ids?|identifiers?)|identifiers?)\b/],
  // Mounting is asked for by name: "write the output to x" makes nothing writable.
  [/^u?mount\b/, /\b(?:re|un|u)?mount\w*|\bbind\b|\b(?:detach|eject)\w*/],
  [/^df\b/, /\b(space|usage|free|full|disks?|capacity|used|available|sizes?|mounted|df)\b/],
  // A plain copy is cp's: rsync answers a sync, a mirror, a copy that keeps attributes or reaches another machine.
  [/^rsync\b/, /(?<![\w./-])(sync\w*|mirror\w*|back(?:ing)? ?up|backup|archiv\w*|rsync|preserv\w*|keep\w* (?:the |their |all )?(?:permissions|times|timestamps|attributes|links|owners?)|incremental\w*|resum\w*|progress|upload\w*|download\w*|replicat\w*|remote|server|host)(?![\w./-])|\w@[\w.-]+:|\w:\//],
];
const dataFile = /\.(txt|log|csv|tsv|json|md|gz|tgz|tar|zip|out|dat|xml|html?)$/i;
export const archiveTo = /^\s*(?:please\s+)?archive\s+(?!(?:it|them|all|every|each)\b)\S.{0,80}?\s(?:to|into|onto)\s+(?!a\s|an\s)\S/i;
const generators = /^(seq|yes|echo \{|printf '[^']*' \{)/;
const archiveName = /\.(gz|tgz|bz2|tbz2?|xz|txz|zip|jar|war|tar|zst|7z|rar|z)$/i;

/** Added to a candidate's score: positive when the program fits, negative when it cannot. */
export function programFit(entry: KnowledgeEntry, values: Record<string, string>, facts: RequestFacts): number {
  let score = 0;
  const files = Object.values(values).map((v) => v.replace(/^'|'$/g, '')).filter((v) => /\.[A-Za-z]\w{0,7}$/.test(v) || facts.ws.files.has(v));
  // zcat of notes.txt fails: an archive reader is for archives.
  if (archiveReaders.test(entry.template) && files.length > 0 && !files.some((f) => archiveName.test(f))) score -= 0.3;
  // "the smallest number in numbers.txt" is about the file: a template that makes up its own values (seq, yes, echo TEXT) reads none.
  const namesFile = facts.files.some((f) => facts.ws.files.has(f.value) || /\.[A-Za-z]\w{0,7}$/.test(f.value) || /^(?:\/|~\/|\.\.?\/)\w/.test(f.value));
  if (generators.test(entry.template) && namesFile && !Object.values(entry.slots).some((s) => s.type === 'file' || s.type === 'path' || s.type === 'glob')) score -= 0.25;
  // A whole file printed is no answer to a question about some of its lines, words or bytes.
  if (/^cat \{\w+\}$/.test(entry.template) && /\b(lines? \d+|\d+(?:st|nd|rd|th) lines?|lines? (?:number|containing|with|that|matching|where)|words?|characters?|bytes?|first|last|top|bottom|listing|long|details|sizes?|hidden|permissions)\b/.test(facts.lower)) score -= 0.12;
  // dirname of . or .. prints a dot: "list the files in the parent folder" names a place, not a path to take apart.
  if (/^(?:dirname|basename)\b/.test(entry.template) && Object.values(values).some((v) => /^'?\.\.?'?$/.test(v))) score -= 0.3;
  // "each md file": a walk that takes every kind of file drops the kind the request names.
  if (/^find\b/.test(entry.template) && !/-i?name\b|-i?regex\b|-i?path \{|\{glob\}|\{name\}|\{pattern\}/.test(entry.template) && facts.exts.some((e) => /^[a-z0-9]{1,8}$/.test(e.value) && /\bfiles?\b/.test(e.raw))) score -= 0.15;
  // A folder's listing is not a walk of its tree.
  if (/^ls\b(?! -\w*R)/.test(entry.template) && /\b(directory tree|folder tree|recursive\w*|sub-?folders?|sub-?director\w*|and below|all levels)\b/.test(facts.lower)) score -= 0.15;
  // Overwriting a file before deleting it is asked for in words.
  if (/^shred\b/.test(entry.template) && !/\b(shred\w*|secure\w*|safely|overwrit\w*|wip\w*|unrecoverabl\w*|irrecoverabl\w*|permanent\w*|for good|forensic\w*)\b/.test(facts.lower)) score -= 0.25;
  // "who has made the most commits" asks for people, not for the files they changed.
  if (/--name-only|--name-status/.test(entry.template) && /\bwho\b/.test(facts.lower) && !/\b(files?|paths?)\b/.test(facts.lower)) score -= 0.1;
  for (const [step, words] of transforms) if (step.test(entry.template) && !words.test(facts.lower)) score -= 0.2;
  // "change the owner and group of x to root": the program that changes ownership.
  if (/\b(change|set|give|transfer|make|assign)\b.{0,40}\b(owner\w*|group)\b/.test(facts.lower) && !/^(chown|chgrp|find|sudo chown)\b/.test(entry.template)) score -= 0.15;
  // "the second field of variable row": a part of the value, not the whole of it.
  if (/^printenv\b/.test(entry.template) && /\b(fields?|columns?|characters?|letters?|upper ?case|lower ?case|revers\w*|md5|hex\w*|length|words?|split|first|last|second|third)\b/.test(facts.lower)) score -= 0.12;
  // "archive src to /backup": an archive copy (rsync -a) when the destination is no archive file.
  if (/^rsync -\w*a/.test(entry.template) && archiveTo.test(facts.text) && facts.archives.length === 0) score += 0.2;
  // "the process tree", "the child processes of 812": drawn by pstree.
  if (/^pstree\b/.test(entry.template) && /\bprocess(?:es)? tree\b|\btree of (?:the )?processes\b|\bhierarch\w* (?:of |list of )?process\w*|\bchild process\w*|\bprocess\w* hierarch\w*/.test(facts.lower)) score += 0.2;
  // "owner and group": chgrp alone changes half of it.
  if (/\bowner\w*\b/.test(facts.lower) && /\bgroups?\b/.test(facts.lower) && /^chgrp\b/.test(entry.template) && !/\bowner\w* of (?:the )?group\b/.test(facts.lower)) score -= 0.15;
  if (/\b(change|set|update|modify|give|grant|make|apply)\b.{0,40}\b(permissions?|perms|modes?)\b/.test(facts.lower) && !/\bchmod\b/.test(entry.template)) score -= 0.15;
  score += hostFit(entry, values, facts);
  score -= selectionScope(entry.template, facts.lower) + wrongEnd(entry.template, facts.lower) + unanchored(entry.template, facts.lower);
  score += pathPart(entry.template, facts.lower) + answerShape(entry.template, facts.lower);
  // "mount the ntfs filesystem ...": an order to mount is not answered by a list of the mounts.
  if (/^\s*(?:please\s+)?(?:re)?mount\b/.test(facts.lower) && /^(findmnt|mount|df|lsblk)(\s+-\w+)*$/.test(entry.template)) score -= 0.25;
  // cp and mv cannot reach `alice@host:/srv`: that is scp's or rsync's work.
  if (/^(cp|mv)\b/.test(entry.template) && /(?:^|[\s"'])(?:[\w.-]+@)?[\w-]+(?:\.[\w-]+)+:[/~]/.test(facts.text)) score -= 0.3;
  // "make all directories accessible" changes their modes; it makes no folder.
  if (/^mkdir\b/.test(entry.template) && /\b(accessible|readable|writable|executable|private|public)\b/.test(facts.lower)) score -= 0.3;
  // "how often each line occurs" asks for a count per line.
  if (/\b(how often|how many times|frequenc\w*|occurrences)\b/.test(facts.lower) && !/uniq -c|\bcount\b|\[\$\w+\]\+\+/.test(entry.template)) score -= 0.15;
  // The address the world sees is not one of this machine's interfaces.
  if (/^ip\b/.test(entry.template) && /\b(public|external|wan|outside world)\b/.test(facts.lower)) score -= 0.2;
  // Counting the entries of a listing of one file always gives 1.
  if (/^ls\b[^|]*\{\w+\}[^|]*\|\s*wc -l/.test(entry.template) && files.some((f) => !facts.ws.dirs.has(f))) score -= 0.3;
  // "what is the group of notes.txt": counting or printing the file says nothing of its owner, group or mode.
  if (/\b(owner\w*|group|permissions?|mode)\b/.test(facts.lower) && /^(wc|cat|head|tail|realpath|file|od)\b/.test(entry.template)) score -= 0.2;
  // "remove empty lines": a grep that prints the lines to remove does the opposite.
  if (/\b(remove|delete|strip|drop|without|exclude|filter out|get rid of)\b/.test(facts.lower) && /^grep\b(?![^|]*\s-\w*v)[^|]*$/.test(entry.template)) score -= 0.15;
  // Changing folder is asked for with a verb of going there; "the files in the directory src" asks for no move.
  if (/^(cd|pushd)\b/.test(entry.template) && !goWords.test(facts.lower)) score -= 0.3;
  // "the manual of the find utility" asks for man, whatever else it names.
  if (/^man\b/.test(entry.template) && /\b(manual|man ?pages?|manpages?)\b/.test(facts.lower)) score += 0.15;
  // "echo 'chmod 777'": the text to echo, as written.
  if (/^\s*echo\s+["'`]/.test(facts.text) && /^echo \{\w+\}$/.test(entry.template)) score += 0.25;
  // A program slot ("{program} 2>&1 | tee log") takes a program's name, never a phrase or a data file.
  const runs = /^\{(\w+)\}/.exec(entry.template)?.[1];
  const program = runs ? (values[runs] ?? '').replace(/^'|'$/g, '') : undefined;
  if (program !== undefined && (!/^(?:\.{0,2}\/)?[\w.+-]+(?:\/[\w.+-]+)*$/.test(program) || dataFile.test(program))) score -= 0.4;
  // "print the directory tree", "a listing of the current folder": tree's drawing and ls's listing.
  score += listingShapeFit(entry.template, facts.lower);
  if (listsForContents(entry.template, facts)) score -= 0.25;
  score += contentsOfMany(entry.template, facts.lower);
  // "empty the tmp folder": its contents go; rmdir removes only a folder already empty.
  if (/^rmdir\b/.test(entry.template) && /(?<!\b(?:the|an?|all|any|are|is)\s+)\b(?:empty|clear(?: out)?|clean(?: out)?|wipe)\s+(?:out\s+)?(?:the\s+|my\s+)?\S+\s+(?:folder|directory|dir)\b/.test(facts.lower)) score -= 0.3;
  // "count errors in the app log": one count; a tally of each distinct line is asked with "each", "per" or "how often".
  if (/uniq -c/.test(entry.template) && /\b(?:count|how many|number of)\b/.test(facts.lower) && !/\b(each|every|per|by|how often|most|least|frequen\w*|distinct|unique|different|top|common|breakdown|tally|times)\b/.test(facts.lower)) score -= 0.2;
  // "any file with 'notes' in its name": a part of the name, not the whole of it.
  if (/-i?name \{\w+\}/.test(entry.template) && /\bin\s+(?:its|their|the)\s+(?:file\s*)?names?\b/.test(facts.lower)) score -= 0.2;
  // "the biggest file in build": du ranks folders unless it counts every file (-a).
  if (/^du\b(?![^|]*\s-\w*a)[^|]*\|\s*sort\b/.test(entry.template) && /\bfiles?\b/.test(facts.lower) && !/\b(folders?|director\w*|dirs?|subfolders?)\b/.test(facts.lower)) score -= 0.15;
  // "the lines containing TODO in src": the lines themselves, not the names of the files that hold them.
  if (/^grep -\w*[lLc]/.test(entry.template) && /\blines?\b/.test(facts.lower) && !/\b(files?|names?|which|where|how many|count|number)\b/.test(facts.lower)) score -= 0.25;
  // "the lines with timeout in the logs": a folder named where a template wants one file; a walk of the folder fits.
  if (facts.dirs.length > 0 && facts.files.length === 0 && Object.entries(entry.slots).some(([n, s]) => s.type === 'file' && s.default === undefined && !values[n])) score -= 0.15;
  score += jobWordsFit(entry, values, facts) + namedProgram(entry, facts.lower) + machineQuestionFit(entry, facts) + valueQuestionFit(entry, values, facts) + contentQuestionFit(entry, values, facts) + archiveFit(entry, values, facts) + sizeFit(entry, values, facts) + comparedFit(entry.template, facts.lower);
  return score;
}

/** Who is asked about on the network: a host named, an address's name, a DNS server and a record type. */
function hostFit(entry: KnowledgeEntry, values: Record<string, string>, facts: RequestFacts): number {
  let score = 0;
  // "the ip address of example.com", "the host name of 10.0.0.5": a host named is asked about, not this machine.
  if (/^(?:hostname|ip|ifconfig)\b|ifconfig\.me/.test(entry.template) && !/\{host\}/.test(entry.template) && facts.hosts.some((h) => !/^(?:localhost|127\.[\d.]+)$/.test(h.value))) score -= 0.3;
  // A DNS record type is one of the types' names; a second host in its place is the server to ask.
  if (/^dig\b.*\{type\}/.test(entry.template) && values.type !== undefined && !/^'?(?:a|aaaa|mx|txt|ns|cname|soa|ptr|srv|caa|any)'?$/i.test(values.type)) score -= 0.3;
  // "from the 8.8.8.8 nameserver": a server named to ask is asked.
  if (/^dig\b/.test(entry.template) && !/@\{/.test(entry.template) && facts.hosts.length > 1 && /\b(?:name ?servers?|dns servers?|resolvers?)\b/.test(facts.lower)) score -= 0.2;
  // A reverse lookup takes an address, never a name.
  if (/^dig\b.*\s-x\s+\{host\}/.test(entry.template) && /^[a-z][\w-]*(?:\.[\w-]+)+$/i.test(values.host ?? '')) score -= 0.2;
  // "the domain name of 8.8.8.8": the name of an address is found by a reverse lookup.
  if (/^dig\b/.test(entry.template) && facts.hosts.some((h) => /^(?:\d{1,3}\.){3}\d{1,3}$|^\$\{?ip/i.test(h.value)) && /\b(?:domain|host) ?names?\b|\bname (?:of|for)\b|\breverse\b/.test(facts.lower)) score += /\s-x\b/.test(entry.template) ? 0.15 : -0.1;
  return score;
}

// "the regular files in /home", "every file under src and its subfolders": what is inside a folder, not the folder itself.
const inside = /\b(?:all|every|each|the)\s+(?:the\s+)?(?:regular\s+|normal\s+|plain\s+)?(?:[\w.*-]+\s+)?(?:files|directories|folders|sub-?directories|sub-?folders)\s+(?:\w+\s+){0,3}?(?:in|under|inside|within|below|beneath)\b/;
const kindOnly = /\b(?:regular|normal|plain)\s+files\b|\b(?:all|every|each|the)\s+(?:the\s+)?(?:directories|folders|sub-?directories|sub-?folders)\b/;
// "... but not in its subfolders", "not recursively": the subfolders are named to be left out.
const shallow = /\b(?:not|without|don'?t|do not|never|no|ignor\w*|excluding|except|skip\w*)\s+(?:\w+\s+){0,4}?(?:(?:in|into|inside|from|of)\s+)?(?:the\s+|any\s+|its\s+|their\s+)?sub[- ]?(?:folders?|directories|dirs)\b|\bnon-?recursive\w*|\bnot recursive\w*/;
const recursion = /\b(?:recursive\w*|sub-?folders?|sub-?director\w*|directory tree|folder tree|and below|all levels|at any depth)\b/;

/** A change or count of a folder itself, or of its top level only, when the request is about what lies inside it at any depth. */
function selectionScope(template: string, lower: string): number {
  const changer = /^(chmod|chown|chgrp)\b/.test(template);
  if (changer && inside.test(lower)) return /^\S+ -R\b/.test(template) ? (kindOnly.test(lower) ? 0.08 : 0) : 0.15;
  // "each *.php file in this folder and its subfolders": a glob the shell expands sees the top level only,
  // and leaves out what the request asked to be read at any depth.
  if (/^(wc|cat|ls|grep|head|tail|du|chmod|rm|md5sum)\b[^|]*\{\w+\}/.test(template) && !/\s-\w*[rR]\b|\*\*/.test(template) && recursion.test(lower)) return shallow.test(lower) || oneLevel.test(lower) ? 0 : 0.25;
  return 0;
}

// "the first twenty lines", "the last 3 lines", "lines at the bottom of": the end of the file the request names.
const firstLines = /\b(?:first|top|opening|beginning|start(?:ing)?|head)\s+(?:\S+\s+){0,2}?lines?\b|\blines? (?:at|from) the (?:top|start|beginning)\b/;
const lastLines = /\b(?:last|bottom|final|closing|ending|tail)\s+(?:\S+\s+){0,2}?lines?\b|\blines? (?:at|from) the (?:bottom|end)\b/;

/** head for the last lines of a file, tail for the first: the other end of it. */
function wrongEnd(template: string, lower: string): number {
  const first = firstLines.test(lower);
  if (first === lastLines.test(lower)) return 0;
  if (/^head -n \{\w+\} \{\w+\}$/.test(template)) return first ? -0.08 : 0.2;
  if (/^tail -n \{\w+\} \{\w+\}$/.test(template)) return first ? 0.2 : -0.08;
  return 0;
}

// "lines that end in ms", "lines starting with #": a line's end or start, not anywhere in it.
const lineEnd = /\blines?\b.{0,40}\b(?:end|ends|ending)\s+(?:in|with)\b/;
const lineStart = /\blines?\b.{0,40}\b(?:start|starts|starting|begin|begins|beginning)\s+(?:in|with)\b/;

// "the files starting with the word top": how the files' names start, not a word inside them.
const fileNameEnd = /\bfiles?\b(?:(?!\blines?\b)[^.;]){0,60}?\b(?:start|starts|starting|begin|begins|beginning|end|ends|ending)\s+with\b/;
const aboutContents = /\b(?:contain\w*|content\w*|lines?|mention\w*|inside|occurrences?|text in)\b|\b(?:for|of)\s+(?:the\s+)?(?:word|string|text|pattern|regex)\b/;

/** A search anywhere in a line for a request about how lines end or start; the anchored search for the end asked; a search of contents for how names start. */
function unanchored(template: string, lower: string): number {
  if (/^grep -\w*[rR]|xargs (?:-0 )?grep\b|-exec grep\b/.test(template) && fileNameEnd.test(lower) && !aboutContents.test(lower)) return 0.15;
  if (!/^grep\b[^|]*\{pattern\}/.test(template)) return 0;
  const end = lineEnd.test(lower);
  const start = lineStart.test(lower);
  if (!end && !start) return 0;
  const endAnchor = /\{pattern\}'\$'/.test(template);
  const startAnchor = /'\^'\{pattern\}/.test(template);
  if ((end && endAnchor) || (start && startAnchor)) return -0.1;
  return endAnchor || startAnchor ? 0.1 : 0.15;
}

// A part of a path asked for by what it is: its last part (basename) or all but the last (dirname).
// "strip the directory part of X", "cut the folders off X": what is left is the last part.
const foldersTaken = /\b(?:remov\w*|strip\w*|without|drop\w*|cut\w*|chop\w*|delet\w*|get rid of)(?: all)? (?:the |its |their )?(?:(?:containing|leading|parent|enclosing) )?(?:director(?:y|ies)|folders?|dirs?)(?: (?:part|portion|prefix|component|names?))?\b/;
const lastPart = new RegExp(String.raw`\bbase ?names?\b|\blast (?:slash[- ]separated |path )?(?:part|component|segment)\b|${foldersTaken.source}|\bname of (?:the )?(?:current )?(?:working )?director\w* without\b|\bwithout (?:the )?(?:full |whole )?path\b`);
const headPart = /\bdir ?names?\b|\b(?:parent|containing|enclosing) (?:directory|folder|dir) of\b|\bdirectory (?:name|part|portion|component) of\b|\b(?:location|folder|directory) (?:of|containing) (?:the )?(?:file|script|path|executable)\b|\b(?:folder|directory|dir) (?:where|in which)\b.{0,40}?\b(?:is|are) (?:located|stored|kept|placed|saved)\b|\bexcluding the file ?name\b|\b(?:remov\w*|strip\w*|without) (?:the )?(?:file ?name|last (?:part|component))\b/;
const hashAlone = /\b(?:only|just)\b[^.;]{0,25}\b(?:md5|checksum|hash|sum)\b|\b(?:md5|checksum|hash|sum)\b[^.;]{0,40}\b(?:only|alone|without (?:its|the) (?:file ?)?name)\b/;
/** What the answer holds: a checksum with or without the name, every folder below or only the ones directly inside. */
function answerShape(template: string, lower: string): number {
  // A checksum without the file's name is asked for in words ("only the hash", "just the checksum"); once asked for, the name is too much.
  if (/sum \{\w+\} \| cut\b/.test(template)) return hashAlone.test(lower) || /\b(?:only|just|alone|bare)\b/.test(lower) ? 0 : -0.2;
  if (/^(?:md5|sha\d*)sum \{\w+\}$/.test(template)) return hashAlone.test(lower) ? -0.1 : 0;
  // "all directories in the folder X": every folder below X, not only those directly inside (unless said so).
  if (/^ls -d \{\w+\}\*\/$/.test(template) && /\ball\s+(?:the\s+|of\s+the\s+)?(?:sub-?)?(?:directories|folders|dirs)\b/.test(lower) && !/\b(?:directly|immediate\w*|top[- ]level|only|first[- ]level|one level|not recursive\w*|non-?recursive\w*)\b/.test(lower)) return -0.12;
  return 0;
}

// A path resolved (realpath, readlink -f) is not where a program is installed (which), unless a program is asked about.
const resolvedPath = /\b(?:absolute|real|canonical|resolved|physical|full)\s+paths?\b|\bresolv\w*\b.{0,30}\b(?:links?|symlinks?|paths?)\b|\b(?:links?|symlinks?)\b.{0,30}\b(?:points?|pointing|target|refers?|leads?)\b/;
const manyPaths = /\b(?:every|each)\b|\ball\s+(?:the\s+)?(?:\w+\s+)?(?:files|symlinks|links)\b|\b(?:the|their)\s+(?:\w+\s+)?files\b|\*/;
const programAsked = /\b(?:commands?|programs?|executables?|binar(?:y|ies)|installed|interpreters?)\b|\$PATH\b/;
function pathPart(template: string, lower: string): number {
  if (resolvedPath.test(lower) && !programAsked.test(lower)) {
    if (/^(?:which|command -v|type|whereis|findmnt|printenv)\b/.test(template)) return -0.12;
    // ... of one path: "the absolute paths of every txt file" asks for many, found and each resolved.
    if (/^(?:realpath|readlink)\b/.test(template)) return manyPaths.test(lower) ? -0.1 : 0.1;
    if (/\bexec realpath\b/.test(template)) return manyPaths.test(lower) ? 0.1 : 0;
  }
  // "the files with no extension" are chosen by it; "the names without their extension" are printed without it.
  if (/! -name '\*\.\*'/.test(template) && !noExtension.test(lower)) return -0.15;
  // ... and a suffix to strip is one the request names.
  if (/^basename \{\w+\} \.?\{\w+\}/.test(template) && !/\b(suffix\w*|extension\w*|ext)\b|\s\.[a-z0-9]{1,6}\b/.test(lower)) return -0.1;
  if (/^basename\b/.test(template)) return lastPart.test(lower) ? 0.15 : 0;
  // ... and "remove the directory part of X" takes away just what dirname would print.
  if (/^dirname\b/.test(template)) return foldersTaken.test(lower) ? -0.15 : headPart.test(lower) ? 0.15 : 0;
  // "strip the folders from the path /a/b/c.txt" names a path; it is not about the PATH variable.
  if (/\$PATH\b/.test(template) && /\bpath\s+[\w.~-]*\//.test(lower)) return -0.12;
  // "the base name of the working directory" is a part of what pwd prints.
  if (/^pwd$/.test(template)) return lastPart.test(lower) || headPart.test(lower) ? -0.12 : 0;
  return 0;
}

const goWords = /\b(go|goes|going|cd|chdir|pushd|navigate|enter|switch (?:to|into)|change (?:the )?(?:current |working )?(?:director(?:y|ies)|folders?|dirs?|into|to)|move (?:in)?to (?:the )?(?:director(?:y|ies)|folder)|jump|return|back to|take me)\b/;

// Programs a request may name by their own name ("with rsync", "using od", "the ifconfig output").
const nameable = /^(rsync|scp|ssh|split|yum|dnf|apt|apt-get|xz|gzip|zip|unxz|od|xxd|hexdump|ifconfig|findmnt|comm|seq|basename|dirname|chown|chgrp|shopt|printenv|getent|pstree|nl|readlink|realpath|whoami|uname|hostname|finger|cal|md5sum|sha1sum|sha256sum|zcat|crontab|echo|printf|cat|tac|lsof|netstat|traceroute|dig|nslookup|curl|wget|gunzip|bzip2|mkdir|rmdir|chmod|pkill|killall|ps|pgrep|uniq|wc|awk|sed|grep|ls|pwd|man|nohup|xargs|bc|expr|shuf|cksum|base64|iconv|dos2unix|lsblk|blkid|fdisk|umount|swapon|lscpu|nproc|ulimit|tmux|groups|dmesg|journalctl|systemctl|diff|cmp)$/;

/**
 * A request that names a program ("copy it with rsync", "hex dump with od")
 * is more likely answered by a template that runs it first; a template whose
 * first program is a different one the request also does not name is not penalised.
 */
function namedProgram(entry: KnowledgeEntry, lower: string): number {
  const first = /^\s*([\w.-]+)/.exec(entry.template)?.[1];
  if (!first || !nameable.test(first)) return 0;
  // Only as a word of its own, not inside a path or a value.
  return new RegExp(`(?:^|[\\s"'(])${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=$|[\\s"',.;:)?!])`).test(lower) ? 0.08 : 0;
}
