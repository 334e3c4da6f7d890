// What a candidate leaves undone: a listing for a request to delete, a search for a request to stop
// a process, nothing compressed for a request to compress. Such a plan would "succeed" and leave the
// work undone. Also the terms both this check and effectCheck.ts read a command's effects by.

import type { PolicyDecision } from '../protocol/types';
import type { CommandFact, Facts } from '../policy/factsTypes';
import { gitChange } from './gitEffects';
import type { Intent } from './intent';
import { removesText, replacesSchedule, takenFromArchive } from './changeKinds';
import { copiesNothing } from './copyNamed';
import { programOf } from './selectionChecks';
import { setsTimes } from './requestShapes';
import { aboutFileNames } from './bulkRenames';

// Rule families that mean "this changes something" whatever the risk lists say (git commits, hooks, cron).
export const changeRules = /^(fs\.(write|delete)|antiforensics\.|protections\.|fs\.world-writable|fs\.unknown-target|repo\.|persistence\.|privilege\.(accounts|setuid)|devices\.(write|format|mount)|exec\.write-then-run|env\.(path|poison|alias|shadow-function)|secrets\.write|resources\.(fill|kill-all)|system\.shutdown)/;
const killers = new Set(['kill', 'pkill', 'killall', 'skill', 'xkill', 'renice', 'shutdown', 'reboot', 'halt', 'poweroff']);
const serviceChange = /^(stop|restart|kill|disable|mask|reload|try-restart|isolate|rm|rmi|prune|pause|unpause|down|delete|scale|drain|cordon|uninstall|remove)$/;

// Output thrown away or sent to the terminal is no change: `>/dev/null`, `2>/dev/stderr`.
export const discarded = /^\/dev\/(?:null|stdout|stderr|fd\/[12])$/;

export const movers = new Set(['mv', 'rename', 'prename', 'file-rename', 'rsync', 'git', 'cp', 'install', 'tar', 'zip', 'gzip', 'bzip2', 'xz']);
// Orders that only a change to files can carry out; "convert", "strip", "sort" may as well print the result.
const fileChange = /^(create|mkdir|touch|make|copy|cp|duplicate|back ?up|save|write|compress|zip|gzip|bzip2|xz|tar|archive|pack|bundle|extract|unzip|untar|unpack|decompress|gunzip|link|symlink|ln|chmod|chown|chgrp|rename|append|commit|checkout|stash|init|initiali[sz]e|make .*|overwrite|truncate|prepend|insert|join|concatenate|concat|combine|glue|stitch)$/;

// "add a folder to src named utils", "add an empty file called .keep": something new to make ("add the files to git" stages them).
const gitWords = /\b(?:git|stag(?:e|ed|ing)|index|repo\w*|commit\w*)\b/;
const addsAFileOrFolder = /\badd (?:(?:an?|the|new|empty|blank|some|several|two|three|four|five|\d+) )*(?:(?:sub)?(?:folders?|director(?:y|ies)|dirs?)|files?)\b/;

// "change every 8080 to 9090 in app.conf": a replacement said with "change".
const everyOccurrence = /\bchange\s+(?:every|all|each)\s+(?:(?:occurrences?|instances?|copies|mentions?)\s+of\s+)?(?:the\s+)?\S+\s+(?:to|into|with|for)\s+\S/;

/** "replace foo with bar in every file under src", "delete the lines with DEBUG from app.log": an edit of files, not of what is printed ("… and show me", "without changing them" print). */
function editsFiles(intent: Intent): boolean {
  // "delete the blank lines from app.conf" edits the file as much as a replacement in it does.
  const lines = intent.cues.change === 'delete' && /\blines?\b/.test(intent.words);
  if (!/^(?:replace|substitute|swap)$/.test(intent.cues.change ?? '') && !lines && !everyOccurrence.test(intent.words) && !removesText(intent)) return false;
  // ... "in them", "in each of them", "in those": the files a request found first.
  const inFiles = /\b(?:in|inside|within|throughout)\s+(?:(?:all|every|each|the|those|these|its|their|my)\s+)*(?:[\w.*-]+\s+)?files?\b|\b(?:in|inside|within)\s+(?:(?:all|each|every one)\s+of\s+)?(?:them|those|these)\b/.test(intent.words) || intent.names.some((n) => /\.\w{1,8}$/.test(n));
  return (inFiles || removesText(intent)) && !/\b(?:print|show|display|output|preview|echo|without (?:chang|modify|touch|edit)\w*|dry[- ]run|stdout)\b/.test(intent.words);
}

// "set notes.txt to 600": a file set to octal digits is given a mode.
// ("set notes.txt to 2023-05-01" is a date.)
const setToMode = /\b(?:set|change|switch)\s+(?:the\s+)?[\w-]*[./][\w./-]*\s+to\s+[0-7]{3,4}\b(?![-:/.]\d)/;
const permissionSetters = /^(chmod|chown|chgrp|setfacl|chattr|install|umask)$/;

const givenDate = /\b(?:to|as|at|with|on)\s+(?:the\s+)?(?:date\s+)?(\d{4}-\d\d-\d\d|\d{1,2}\/\d{1,2}\/\d{2,4}|\d{8,12}|yesterday|last\s+\w+|\d+\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\s+ago|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\s+\d{1,2})\b/;
const timeSetters = /^(?:touch|cp|rsync|install|tar|unzip|git)$/;

const compressors = /^(gzip|gunzip|zcat|bzip2|bunzip2|xz|unxz|zstd|unzstd|zip|unzip|tar|7z|7za|pigz|lz4|compress|uncompress)$/;

// "add the line 'bye' to the end of notes.txt", "put hello into todo.txt": text added to a file the request names.
const addedTo = /\b(?:add|attach|insert|put|tack)\b[^.;]{0,60}?\b(?:to|onto|into|at the (?:end|bottom|top|start|beginning) of|as the (?:first|last|new first|new last|top|bottom) line of)\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?(?:file\s+)?["'\x60]?([\w./-]+\.\w{1,8})\b/;

/** "replace foo with bar in the names of the files under src", "change the extension of the .mkv files to .avi": only renaming them carries it out. */
function swapsInNames(intent: Intent): boolean {
  return /^(?:replace|substitute|swap|change)$/.test(intent.cues.change ?? '') && (aboutFileNames(intent.words) || /\bextensions?\b/.test(intent.words));
}

/** Only a change to the file carries out text added to one, never a search of it. */
function addsToNamedFile(intent: Intent): boolean {
  const m = addedTo.exec(intent.words);
  return m !== null && intent.actions.includes('create') && intent.names.some((n) => n === m[1] || n.endsWith(`/${m[1]}`));
}

// "remove the alias ll", "delete the variable TMPDIR": what the shell holds goes by unalias or unset, and no file goes with it.
const shellState = /\b(?:remov\w*|delet\w*|unset\w*|clear\w*|drop\w*|get rid of|eras\w*)\s+(?:the\s+|an?\s+|my\s+|this\s+|that\s+)?(?:shell\s+|bash\s+|environment\s+|env\s+)?(?:alias(?:es)?|variables?|vars|functions?)\b/;
function removesShellState(intent: Intent, commands: CommandFact[]): boolean {
  return shellState.test(intent.words) && commands.length > 0 && commands.every((c) => /^(?:unalias|unset)$/.test(programOf(c)));
}

export function fallsShort(intent: Intent, decision: PolicyDecision): string[] {
  const facts = decision.facts as Facts | undefined;
  const commands = facts?.commands ?? [];
  const writes = decision.risk.writes.length > 0 || decision.rules.some((r) => changeRules.test(r.id)) || commands.some((c) => c.redirects.some((x) => x.kind === 'write' || x.kind === 'append'));
  // Text taken out of files is taken out by an edit; the schedule in place goes when crontab replaces it.
  const deletes = decision.risk.deletes.length > 0 || decision.rules.some((r) => /^(fs\.delete|repo\.delete)/.test(r.id)) || (writes && removesText(intent)) || commands.some(replacesSchedule) || removesShellState(intent, commands);
  const acts = intent.actions;
  if (acts.includes('delete') && !acts.includes('move') && !deletes && !acts.includes('stop')) return [`it deletes nothing, but the request asks to ${intent.cues.delete ?? 'delete'}`];
  // ... and a write alone is no move: `bunzip2 -k archive` for "move the newest csv to archive", `rsync -a docs/ backup/` for "move docs into backup" (docs stays).
  // "delete the $TMP folder" planned as `rmdir "$TMP"`: it fails unless the folder is empty, which the request does not say.
  if (acts.includes('delete') && commands.some((c) => programOf(c) === 'rmdir') && !/\b(?:empty|rmdir|nothing in (?:it|them))\b/.test(intent.words)) return ['it removes only empty folders (rmdir), but the request does not say the folder is empty'];
  if (acts.includes('move') && (!deletes || !commands.some((c) => movers.has(programOf(c))))) return [`it moves nothing, but the request asks to ${intent.cues.move ?? 'move'}`];
  const fileCue = !intent.toVariable && ([intent.cues.create, intent.cues.change].some((c) => c !== undefined && fileChange.test(c)) || editsFiles(intent) || swapsInNames(intent) || addsToNamedFile(intent) || (addsAFileOrFolder.test(intent.words) && !gitWords.test(intent.words)));
  if (fileCue && !acts.includes('network') && !acts.includes('run') && !acts.includes('stop') && !deletes && !writes) {
    return [`it changes nothing, but the request asks to ${intent.cues.create ?? intent.cues.change ?? 'change something'}`];
  }
  if (intent.cues.change === 'truncate' && !commands.some(truncates)) return ['it empties no file, but the request asks to empty one'];
  const noCopy = copiesNothing(intent, commands);
  if (noCopy.length > 0) return noCopy;
  // "unstage notes.txt", "amend the last commit": only a change to the repository carries them out.
  // A write is not enough: `touch notes.txt` changes a file, and leaves it staged or its changes kept.
  const repoCue = /^(?:(?:unstage|stage|amend|stash|rebase|cherry-pick)(?: changes)?|(?:discard|throw away|undo|revert|reset|commit) changes)$/.test(intent.cues.change ?? '') || (/^(?:revert|reset|undo|commit|merge)$/.test(intent.cues.change ?? '') && /\b(?:commits?|branch\w*|git|repo\w*|head|stash\w*|staged|index|working (?:tree|copy))\b/.test(intent.words));
  if (repoCue && !commands.some((c) => gitChange(c) !== undefined)) return [`it changes nothing in the repository, but the request asks to ${intent.cues.change}`];
  const cue = `${intent.cues.create ?? ''} ${intent.cues.change ?? ''}`;
  // "archive src to /backup" is also an archive copy (rsync -a), the way rsync names it.
  const archiveCopy = /\barchive\b/.test(cue) && commands.some((c) => programOf(c) === 'rsync' && c.flags.includes('a'));
  if (/\b(compress|gzip|zip|bzip2|xz|tar|archive|pack|bundle)\b/.test(cue) && !archiveCopy && !commands.some((c) => compressors.test(programOf(c)))) return [`it compresses nothing, but the request asks to ${cue.trim()}`];
  if ((/\b(extract|unzip|untar|unpack|decompress|gunzip)\b/.test(cue) || takenFromArchive.test(intent.words)) && !commands.some((c) => compressors.test(programOf(c)))) return [`it unpacks nothing, but the request asks to ${cue.trim() || 'take a file out of an archive'}`];
  // "add executable permission to x", "add write access for the group": a permission added, said outside quotes.
const addsAMode = /\badd\s+(?:(?:the|an?)\s+)?(?:(?:executable|execute|exec|write|read|group|user|owner|others?|world|x|w|r)\s+){1,2}(?:permissions?|perms|bits?|rights|access)\b/;
// "chmod the script", "make it executable": only a program that sets permissions or owners carries it out.
  // ... "add executable permission to x" as well: a mode added.
  const permissionCue = /^(?:chmod|chown|chgrp|make .*(?:executable|readable|writable|accessible|private|read[- ]only|owners?))$/.test(intent.cues.change ?? '') || addsAMode.test(intent.words.replace(/(["'`])[^"'`]*\1/g, '""')) || (intent.cues.change !== undefined && /\b(?:permissions?|perms|ownership|owners?|modes?|groups? (?:of|owner)|(?:executable|exec|execute|setuid|setgid|suid|sgid|sticky|write|read) bits?|(?:everyone|everybody|group|others?|world|owner|user)(?:'s|')?\s+(?:read|write|execute))\b/.test(intent.words) || setToMode.test(intent.words));
  if (permissionCue && !commands.some((c) => permissionSetters.test(programOf(c)))) {
    return [`it changes no permissions, but the request asks to ${intent.cues.change ?? 'add one'}`];
  }
  const timesAsked = setsTimes.test(intent.words);
  if (timesAsked && !commands.some((c) => timeSetters.test(programOf(c)))) return ['it sets no file\'s times, but the request asks to change a timestamp'];
  const date = timesAsked ? givenDate.exec(intent.words) : null;
  if (date && commands.some((c) => programOf(c) === 'touch' && !c.flags.some((f) => /^(?:[a-z]*[dt]|date)$/.test(f)))) return [`it sets the time to now, but the request gives ${date[1]}`];
  if (acts.includes('stop') && acts.length === 1 && !commands.some((c) => stopsSomething(c))) return [`it stops nothing, but the request asks to ${intent.cues.stop ?? 'stop'}`];
  return [...namedFileUnread(intent, commands), ...gitUnused(intent, commands), ...unstagedForStage(intent, commands)];
}

/** "add notes.txt to git" answered with `git restore --staged notes.txt`: taken out of the staging area, not put in. */
function unstagedForStage(intent: Intent, commands: CommandFact[]): string[] {
  if (!/\b(?:add\b(?:[^.;]|\.(?=\S))*\b(?:to|into) (?:the )?(?:git|index|staging(?: area)?|stage|repo\w*)|stage(?! of\b))\b/.test(intent.words) || /\bunstage/.test(intent.words)) return [];
  const unstages = commands.find((c) => programOf(c) === 'git' && ((c.subcommand === 'restore' && c.flags.some((f) => f === 'staged' || f === 'S')) || (c.subcommand === 'rm' && c.flags.includes('cached')) || (c.subcommand === 'reset' && !c.flags.some((f) => /^(?:hard|merge|keep)$/.test(f)))));
  return unstages ? [`it takes files out of the staging area (git ${unstages.subcommand}), but the request asks to add them`] : [];
}

/** "is notes.txt tracked by git" answered by counting its lines: a request about git that neither runs git nor looks at a repository. */
function gitUnused(intent: Intent, commands: CommandFact[]): string[] {
  // "ignoring git and svn directories" names folders to leave out, not a question for git.
  if (!/(?<![.\w-])git(?![\w-])(?!(?: and \w+| or \w+|,? \w+,?)* (?:director(?:y|ies)|folders?|dirs?|metadata)\b)/.test(intent.words) || commands.length === 0) return [];
  const usesGit = commands.some((c) => /^(?:git|tig|gitk|git-\w+)$/.test(programOf(c)) || c.args.some((a) => /(?:^|\/)\.git(?:\/|$|ignore|attributes|modules|keep)/.test(a)));
  return usesGit ? [] : ['it runs no git and looks at no repository, but the request asks about git'];
}

/**
 * "list the tables in app.db" answered with a process listing: a look at a
 * file the request names, by a plan that reads no file at all and never
 * names it, tells nothing of that file.
 */
function namedFileUnread(intent: Intent, commands: CommandFact[]): string[] {
  if (intent.actions.length > 0 || commands.length === 0) return [];
  const files = intent.names.filter((n) => /^[\w.@+-][\w./@+-]*\.[A-Za-z][\w]{0,7}$/.test(n));
  if (files.length === 0) return [];
  const readsAny = commands.some((c) => c.reads.some((p) => p.path !== '-') || c.redirects.some((r) => r.kind === 'read' || r.kind === 'read-write'));
  const base = (n: string) => n.slice(n.lastIndexOf('/') + 1);
  // ... a file run as the program ("answer yes to every prompt of ./setup.sh") is named too.
  const mentioned = (n: string) => commands.some((c) => [c.program, ...c.args].some((a) => a.includes(base(n))));
  const unread = files.find((n) => !mentioned(n));
  return unread && !readsAny ? [`it reads no file, so it tells nothing of ${unread}, which the request names`] : [];
}

/** `truncate -s 0 f`, `: > f`, `cp /dev/null f`: a file left empty. */
function truncates(c: CommandFact): boolean {
  const program = programOf(c);
  if (program === 'truncate') return true;
  if (program === 'cp' && c.args.includes('/dev/null')) return true;
  return c.redirects.some((r) => r.kind === 'write' && !discarded.test(r.target));
}

export function stopsSomething(c: CommandFact): boolean {
  const program = programOf(c);
  if (killers.has(program)) return true;
  if (program === 'fuser' && c.flags.includes('k')) return true;
  if (['systemctl', 'service', 'docker', 'podman', 'kubectl', 'pm2', 'supervisorctl', 'launchctl'].includes(program)) {
    return c.args.some((a) => serviceChange.test(a));
  }
  return false;
}
