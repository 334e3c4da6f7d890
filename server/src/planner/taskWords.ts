// Is a request a shell task at all? It is when it names something only a
// computer has (a file, a folder, a process, a port), a program, or a value
// only such a request carries; or a thing a computer also has (lines,
// memory, users) together with something a shell does to it. It is not when
// the thing it is about is of everyday life ("find my keys", "change the
// permissions on my life"), unless a value only a task carries says so.

import { aboutEverydayLife, isChatter, isSaying, withoutCompounds } from './everydayThings';
import type { RequestFacts } from './requestFacts';
import { quotedSpans } from './requestWords';
import { historyTask } from './gitQuestions';
import { countsHeldValue } from './contentQuestions';

const alt = (xs: string[]) => new RegExp(`\\b(${xs.join('|')})\\b`);

// Nouns that only make sense about computers: one is enough.
const strongNounList = [
  '(?:(?<=\\b(?:the|a|an|this|that|each|every|which|what|one|any|same|new|last|first|whole|text|log|config|my|your|his|her|our|their) )file|file(?! (?:my|your|his|her|our|their|a|an|the|for|taxes)\\b))', 'files', 'filenames?', 'folders?', 'director(?:y|ies)', 'dirs?', 'subfolders?', 'subdirector(?:y|ies)', 'workspace', 'repo(?:s|sitor(?:y|ies))?', 'symlinks?', 'symbolic links?', 'hidden files?',
  'csv', 'tsv', 'json', 'yaml', 'yml', 'xml', 'logs?', 'logfiles?', 'stdout', 'stderr', 'utf-?8', 'encoding', 'newlines?', 'whitespace', 'regex(?:es|p)?', 'grep', 'substrings?',
  'process(?:es)?', 'pids?', 'ports?', 'cpu', 'ram', 'swap', 'disks?', 'partitions?', 'mounted', 'mount points?', 'uptime', 'kernel', 'hostname', 'daemons?', 'shell', 'terminal', 'env', 'environment variables?', '(?:empty|clean|blank|bare) environment', 'environment (?:without|lacking)', 'alias(?:es)?',
  'commands?', 'programs?', 'variables?', 'standard (?:input|output|error)', 'rpms?', 'symlinks?', 'binar(?:y|ies)', 'executables?', 'scripts?', 'permissions?', 'perms', 'ownership', 'timestamps?', 'mtime', 'kilobytes?', 'megabytes?', 'gigabytes?', '\\d+\\s*(?:k|m|g)i?b',
  'git', 'commits?', 'branch(?:es)?', 'working (?:tree|copy)', '(?:local|unstaged|uncommitted) (?:changes|edits|modifications)', '(?:discard|throw away|undo|revert|stage|unstage|stash) (?:all )?(?:of )?(?:my|our|your|the) (?:local )?(?:changes|edits)', 'worktrees?', 'checkout', 'stash(?:es)?', 'staged', 'untracked', 'uncommitted', 'remotes?', 'rebase', 'blame', 'docker', 'containers?', 'kubectl', 'kubernetes', 'pods?',
  'packages?', 'npm', 'pip', 'apt', 'apt-get', 'dependenc(?:y|ies)', 'node_modules', 'typescript', 'javascript', 'source code', 'codebase', 'todos?', 'fixme',
  'dns', 'ip addresses?', 'ip', 'urls?', 'websites?', 'https?', 'ssl', 'tls', 'certificates?', 'sockets?', 'listening', 'network(?:ing)?', 'network interfaces?', 'localhost', 'ping',
  'archives?', 'tarballs?', 'zip', 'tar', 'gz', 'gzip(?:ped)?', 'compressed', 'backups?', 'checksums?', 'md5', 'sha\\d*', 'base64', 'cron(?:tab)?', 'ssh', 'gpg', 'config(?:uration)? files?', 'dotfiles?',
  'user ?ids?', 'uid', 'gid', 'time ?zones?', 'linux', 'distro', 'linux distribution', 'operating system', 'os version', 'os release', 'logged in', 'logins?', '(?:which|what) groups? am i', 'my groups',
  'man ?pages?', 'manual pages?', 'manpages?', 'passwd', 'logged on', 'block devices?', 'epoch', 'unix time', 'this (?:machine|computer|box|host)', '(?:ext|dot|null|fail|nocase)glob', 'globstar', 'nocasematch', 'histappend', 'pipefail', 'errexit', 'nounset', 'xtrace', 'noclobber',
  'os', 'hard ?(?:drive|disk)s?', 'ssds?', 'storage', '(?:pci|usb) (?:devices?|bus(?:es)?|cards?)', 'lspci', 'lsusb', 'services? (?:are |is )?(?:running|enabled|active|failed|listening)', 'last boot(?:ed)?', 'since boot', 'boot time',
  'readme', 'makefile', 'dockerfile', 'sudo', 'tmp', 'cache', 'disk space', 'memory usage', 'free memory', 'load average', 'file system', 'filesystem', 'inodes?', 'what time is it', 'current (?:time|date)', "today'?s date",
];
const strongNouns = alt(strongNounList);

// Of those, the ones everyday talk has too ("the permissions on my life", "a movie script", "logs for the fire").
const sharedNounList = new Set([
  'logs?', 'permissions?', 'perms', 'ownership', 'commands?', 'programs?', 'variables?', 'shell', 'terminal', 'ports?', 'branch(?:es)?', 'packages?', 'remotes?', 'containers?', 'pods?', 'scripts?',
  '(?:local|unstaged|uncommitted) (?:changes|edits|modifications)', '(?:discard|throw away|undo|revert|stage|unstage|stash) (?:all )?(?:of )?(?:my|our|your|the) (?:local )?(?:changes|edits)',
  'archives?', 'backups?', 'compressed', 'cache', 'tmp', 'kernel', 'mounted', 'listening', 'network(?:ing)?', 'uptime', 'ping', 'todos?', 'timestamps?', 'alias(?:es)?', 'checksums?', 'executables?', 'binar(?:y|ies)', 'blame', 'staged', 'zip', 'tar', 'logins?', 'logged in', 'logged on', 'daemons?',
]);
// Beside an everyday thing, "commit to" is a promise ("commit to the gym"), not a repository's commit.
const computerNouns = alt(strongNounList.filter((n) => !sharedNounList.has(n)).map((n) => (n === 'commits?' ? 'commits?(?! (?:myself |ourselves )?to\\b)' : n)));

// Nouns a shell task often names but everyday talk does too: they count only beside a verb a shell performs.
const weakNouns = alt([
  'lines?', 'words?', 'characters?', 'chars?', 'spaces', 'tabs', 'calendar', 'manual', 'utility', 'utilities', 'passwords?', 'columns?', 'fields?', 'rows?', 'headers?', 'text', 'strings?', 'patterns?', 'occurrences?', 'duplicates?', 'contents?', 'bytes?', 'size',
  'memory', 'load', 'users?', 'groups?', 'sessions?', 'server', 'services?', 'jobs?', 'threads?', 'history', 'time', 'date', 'errors?', 'warnings?', 'output', 'input', 'home', 'root',
  'keys?', 'hash(?:es)?', 'numbers?', 'integers?', 'entries', 'records?', 'system', 'machine', 'versions?', 'code', 'comments?', 'tree', 'links?', 'images?', 'volumes?', 'tags?', 'config', 'settings',
  'extensions?', 'space', 'data', 'python', 'node', 'java', 'rust', 'go', 'ruby', 'path', 'names?', 'modules?', 'librar(?:y|ies)', 'functions?', 'classes', 'imports?', 'tests?', 'build',
  'requests?', 'responses?', 'timezone', 'clock', 'address(?:es)?', 'interfaces?', 'route', 'gateway', 'connections?', 'api', 'database', 'dates?', 'owners?', 'mac', 'installed', 'sums?', 'totals?', 'averages?', 'unique', 'sorted', 'empty',
]);

// Verbs a shell performs.
const shellVerbList = [
  'list', 'show', 'display', 'print', 'find', 'search', 'look', 'locate', 'count', 'sort', 'check', 'compare', 'diff', 'compress', 'extract', 'unzip', 'copy', 'move', 'rename', 'delete', 'remove',
  'kill', 'stop', 'restart', 'install', 'uninstall', 'download', 'upload', 'replace', 'merge', 'split', 'convert', 'create', 'make', 'run', 'execute', 'monitor', 'watch', 'tail', 'grep', 'filter',
  'extract', 'sum', 'total', 'add up', 'generate', 'dedupe', 'deduplicate', 'truncate', 'change', 'report', 'measure', 'how many', 'how much', 'set', 'wrap', 'connect', 'reconnect',
  'attach', 'detach', 'read', 'write', 'save', 'append', 'prepend', 'print', 'output', 'send', 'archive', 'check', 'enable', 'disable', 'page through', 'view', 'open', 'edit',
];
const shellVerbs = alt(shellVerbList.map((v) => (v.includes(' ') ? v : `${v}(?:s|es|ed|d|ing)?`)));
// The same verbs said as an order, not as something done ("deleted", "removing").
const shellOrders = alt(shellVerbList);

// Verbs only a computer is asked to do: one is enough.
const strongVerbs = /\b(rename[sd]?|chown|chmod|chgrp|symlink|unzip|gunzip|gzip|untar|decompress|unmount|grep|sleep (?:for )?\d+|wait (?:for )?\d+ (?:seconds?|secs?|minutes?|mins?)|recursively|uncompress|tarball)\b/;

// Programs by name: one is enough.
const programs = /\b(ls|echo|printf|grep|egrep|rg|awk|gawk|sed|diff|wc|du|df|ps|htop|uniq|xargs|tee|stat|chmod|chown|chgrp|mkdir|rmdir|rm|mv|cp|tar|gzip|gunzip|zcat|bzip2|xz|unzip|tac|seq|shuf|basename|dirname|realpath|readlink|md5sum|sha\d+sum|curl|wget|scp|rsync|dig|nslookup|netstat|ss|lsof|fuser|uname|whoami|printenv|crontab|systemctl|journalctl|kubectl|npm|npx|yarn|pnpm|pip3?|cargo|jq|yq|sqlite3?|pkill|killall|nohup|lscpu|lsblk|iostat|vmstat|strace|ldd)\b/;

// What is done to a piece of text: with the text in quotes, a task.
const textWork = /\b(upper ?case|lower ?case|uppercase|lowercase|capitali[sz]e|revers(?:e|ed|ing)|backwards|split|trim|encode|decode|hex(?:adecimal)?|new ?lines?|characters?|letters|backslash\w*|escape sequences?|\d+ times|repeat\w*|\d+ (?:lines|copies) of)\b/;

// Values only a request to a computer carries: a date to compute with, an IP address, arithmetic.
const quotedReplacement = /\b(?:replace|substitute)\s+(["'])[^"'\n]{1,40}\1\s+(?:with|by)\s+(["'])[^"'\n]{0,40}\2\s+in\s+(?:["']|\$\{?[a-z_])/;
const partsOfString = /\b(?:characters?|chars?|bytes?|letters?|fields?)\s+(?:\([\w ]+\)\s+)?(?:of|from|in)\s+(?:a|the|each|every)\s+(?:given\s+|specified\s+)?strings?\b/;
const valueOnlyInTasks = /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,3}(?:\.\d{1,3}){3}\b|\b\d+(?:\.\d+)?\s*(?:times|plus|minus|divided by|multiplied by|to the power of|modulo|mod|\*|\+|\/|\^|x)\s*\d+\b|\b(?:square root|factorial) of \d+|\b(?:what user|which user|who am i|am i (?:running|logged)|my user ?name|the date today|today'?s date|what day is it|day of the week)\b|\b(?:date|day|year|month|weekday)\b[^.?!]{0,30}\b(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|hundred)\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+(?:ago|from now|back|later|hence)\b|\b(?:HH:MM(?::SS)?|YYYY-MM-DD|DD\/MM\/YYYY|MM\/DD\/YYYY)\b|\b(?:year|month|day|hour|minute|second)s?\s*[-:/]\s*(?:year|month|day|hour|minute|second)s?\b|(?:^|[\s'"+])%[YmdHMSTFyjzZaAbBeklsuV](?:[^\s]*%[a-zA-Z])*/i;

// A git revision written as git writes it: HEAD, HEAD~2, HEAD^ (in capitals; "head" is also a word).
const gitRevision = /\bHEAD(?:~\d*|\^+)?(?![\w-])/;
// A shell variable by name: $EDITOR, ${HOME}, "the value of HOME", JAVA_HOME (in capitals, as the shell writes them).
const shellVariable = /\$\{?[A-Z_][A-Z0-9_]*\b|\bvalue of [A-Z][A-Z0-9_]+\b|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/;
// "how long has the machine been up": a question about the machine.
const machineQuestion = /\b(?:system|machine|server|computer|host|box) (?:been |last )?(?:up|running|booted|boot)\b|\bbeen up\b/i;

/** A word of the request is the name of a file or folder in the workspace. */
function mentionsWorkspaceName(facts: RequestFacts): boolean {
  if (facts.ws.byBase.size === 0) return false;
  const words = facts.text.split(/[\s,;:!?"'`()]+/);
  // A word used as a verb before its object ("empty the dishwasher") is not the folder of that name.
  const asVerb = (i: number) => /^(?:the|my|our|your|his|her|their|a|an|some|this|that)$/i.test(words[i + 1] ?? '');
  return words.some((w, i) => w.length > 2 && !asVerb(i) && !/^(the|and|for|all|any|src|lib|new|old|top)$/i.test(w) && (facts.ws.byBase.has(w) || facts.ws.dirs.has(w)));
}

// A sentence that tells rather than asks: it opens with its subject or a time ("I have been…", "the containers are…", "after lunch…").
const toldSentence = /^(?:i|i'm|i've|i'd|i was|we|we've|we're|we'd|it|it's|its|this|that|the|my|our|after|today|yesterday|this morning|finally|so|well|ok|okay)\b/;

/** The sentences that ask, without the ones before them that only tell. */
function askedPart(lower: string): string {
  const sentences = lower.split(/(?<=[.!])\s+/);
  let first = 0;
  while (first < sentences.length - 1 && toldSentence.test(sentences[first]) && !sentences[first].endsWith('?')) first++;
  return first === 0 ? lower : sentences.slice(first).join(' ');
}

/** "under the sink", "in the garden": a bare word read as a place that is a thing of everyday life, not a folder. */
function everydayPlace(value: string): boolean {
  return /^[a-z]+$/i.test(value) && aboutEverydayLife(`the ${value.toLowerCase()}`);
}

const creativeWriting = /\b(?:write|compose|draft|pen|make up|come up with|create|invent|tell|sing|recite)\s+(?:me\s+|us\s+)?(?:a|an|some|another|the)\s+(?:(?:short|long|little|funny|sad|nice|new|good)\s+)?(?:haiku|poem|poetry|story|stories|song|lyrics|essay|limerick|sonnet|novel|fable|tale|speech|joke|riddle|rap|ballad|letter to|love letter|bedtime story)s?\b|\b(?:describe|explain|summari[sz]e)\s+\S+(?:\s+\S+)?\s+(?:like a|as a|as if|in the (?:style|voice) of)\b|^(?:please\s+)?pretend\b|\b(?:sing|hum|whistle|serenade)\b|\brate\s+\S+(?:\s+\S+)?\s+(?:out of|on a scale)\b|\bdo you (?:like|love|hate|dream|miss|enjoy)\b|\btranslate\s+\S+(?:\s+\S+)?\s+(?:in)?to\s+(?:english|french|german|spanish|italian|portuguese|dutch|russian|chinese|japanese|korean|arabic|hindi|latin|polish|swedish|greek|turkish)\b/;

// Talk that only tells or reacts: thanks, an outburst, a feeling, a joke ("ugh, notes.txt again", "I named my dog data.csv", "my cat sat on x.zip lol").
const reacting = /^(?:thanks|thank you|thx|ugh|argh|haha|hehe|lol|lmao|wow|oops|yay|hooray|omg|ok(?:ay)? cool|cool|nice|great|congrat\w*|sorry|never ?mind|what a day|good (?:morning|night|evening))\b|\b(?:lol|haha|lmao|classic)[!.]*$|^i (?:love|like|hate|adore|miss|named|called)\b|\breminds me\b|\bdrove me (?:crazy|mad|nuts)\b/;

/** The request only tells or reacts, and orders nothing a shell does. */
function onlyReacts(lower: string): boolean {
  // A file's name ("report.pdf") is no order, whatever word it is made of.
  const words = lower.replace(/[\w./~-]*\.[a-z0-9]{1,5}\b/g, ' ');
  return reacting.test(lower.trim()) && !lower.includes('?') && !shellOrders.test(words.replace(/^(?:ok(?:ay)? cool|thanks|thank you|sorry|never ?mind),?\s+/, '').replace(/\b(?:i|we|they|he|she|you|it)\s+(?:just\s+|already\s+)?\w+ed\b/g, ' ')) && !programs.test(lower) && !strongVerbs.test(lower);
}

/**
 * A request is a shell task when it names something only a computer has (a
 * file, a folder, a process, a port), a program, or a value only such a
 * request carries (a path, a file kind, a URL, a size); or a thing a computer
 * also has (lines, memory, users) together with something a shell does to it.
 */
export function isTask(facts: RequestFacts): boolean {
  // "a folder in my head", "kill some time": sayings, whatever shell words or names they borrow.
  if (isSaying(facts.lower)) return false;
  // "older than twenty twenty days": an age or a size that cannot be read is not guessed.
  if (facts.unreadAmount !== undefined) return false;
  // "write a haiku about notes.txt", "translate notes.txt to French": writing that takes a writer, whatever file it names.
  if (creativeWriting.test(facts.lower) || onlyReacts(facts.lower)) return false;
  // "who invented git", "a poem about shell scripts": talk about computers is no task unless it names a file, a path or a site.
  if (isChatter(facts.lower) && facts.paths.length + facts.files.length + facts.urls.length === 0) return false;
  // "I fixed the build today. How do I calm my nerves?": what is asked comes after what is told.
  const asked = askedPart(facts.lower);
  if (asked !== facts.lower && aboutEverydayLife(asked) && !computerNouns.test(withoutCompounds(asked)) && !/[\w-]\.[a-z0-9]{1,5}\b|\/|\$|`/.test(asked)) return false;
  if (valueOnlyInTasks.test(facts.text) || gitRevision.test(facts.text) || historyTask(facts) || shellVariable.test(facts.text) || machineQuestion.test(facts.text) || mentionsWorkspaceName(facts) || countsHeldValue(facts)) return true;
  // "is nginx running?", "is jq installed?" asked alone; "is dad running late" is not about a program.
  if (facts.programQuestion?.whole && /^(?:running|installed)$/.test(facts.programQuestion.state)) return true;
  if (facts.paths.filter((p) => !everydayPlace(p.value)).length + facts.files.length + facts.globs.length + facts.urls.length + facts.hosts.length + facts.ports.length + facts.sizes.length + facts.archives.length + facts.pids.length + facts.columns.length > 0) return true;
  const lower = facts.lower;
  // Words in quotes are values ("count the words in 'the lazy dog'"), not what the request is about.
  if (aboutEverydayLife(lower.replace(quotedSpans, '""'))) return computerNouns.test(withoutCompounds(lower));
  if (strongNouns.test(lower) || programs.test(lower) || strongVerbs.test(lower)) return true;
  // "convert "Hello" to upper case", "drop the last 3 characters from 987654": text in quotes or a number, and something done to text.
  if ((facts.quoted.length > 0 || /(?<![\w.])\d{3,}(?![\w.])/.test(lower)) && textWork.test(lower.replace(quotedSpans, '""'))) return true;
  // "replace "," with ";" in "a,b"", "the last 4 characters of a string": work on a string given or named as one.
  if (quotedReplacement.test(lower) || partsOfString.test(lower)) return true;
  // "what did alice change": a person's changes are a repository's history.
  if (facts.authors.length > 0 && /\b(?:chang\w*|commit\w*|push\w*|wrote|writ\w*|edit\w*|touch\w*|add\w*|remov\w*|delet\w*|modif\w*|work(?:ed)? on)\b/.test(lower)) return true;
  // "display the message 'build done'": a message given in quotes is text to print.
  if (/\bmessages?\b/.test(lower) && facts.quoted.length > 0 && shellVerbs.test(lower)) return true;
  return weakNouns.test(lower) && (shellVerbs.test(lower) || facts.quoted.length > 0);
}
