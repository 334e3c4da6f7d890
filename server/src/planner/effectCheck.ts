// Holds a candidate command to its request: the command's effects, as the policy stage saw them
// (its risk summary, its rules and the facts it judged), against what the request asked (intent.ts).
// A command that writes, deletes, stops processes, reaches the network or filters by a condition
// nobody stated, or works on more than the request named, is turned away with the reason in words.

import type { PolicyDecision } from '../protocol/types';
import type { CommandFact, Facts } from '../policy/factsTypes';
import type { PathFact } from '../policy/paths';
import { escapeRegExp } from './corpus';
import { gitChange } from './gitEffects';
import { historyDropped } from './gitChecks';
import { hypothetical, type Intent } from './intent';
import { exceptedKindChanged, exceptedKinds, kindNotKept, madeUpNameTest, madeUpOwner, modeDirection, ownerForNoOwner, ownerTestUnstated, readsElsewhere, searchedElsewhere, statedValuesChanged } from './scopeChecks';
import { modeUnasked, originalsReplaced } from './unaskedModes';
import { sortOrderDropped } from './sortOrders';
import { contentLeftOut, stdinUnread } from './contentLeftOut';
import { contentsAskedOf, folderItselfDeleted, folderKept, foldersAskedGone } from './folderContents';
import { appendedBackwards, copiedBackwards, madeThenDeleted, otherCopyChanged, renamedBeside, renameLeavesFolder, renames, restoredHere, verbAsTarget } from './copyDirection';
import { changeKindSwapped, deleteFromFile, packDirection } from './changeKinds';
import { archiveName, argAfter, list, norm, shown, slotValue, uniq } from './effectTerms';
import { keptOutChanged, kindBesideKept } from './keptOut';
import { programNotRun } from './findPrograms';
import { setNounDropped, slotForNamedFile } from './setNouns';
import { outsideInnerFolder } from './folderInFolder';
import { spacedNameSplit } from './spacedNames';
import { liveForCopy } from './copyNamed';
import { beyondNamedFiles, emptiedFiles } from './namedTargets';
import { statedSizesLeftOut } from './statedSizes';
import { exclusionLeftOut, linkedFileDeleted, topLevelReached } from './exclusionChecks';
import { folderForNamedFile, keptFileChanged, keptFolderChanged } from './clauseObjects';
import { memberLeftOut } from './archiveMembers';
import { narrowActExceeded } from './narrowActs';
import { changeRules, discarded, movers, stopsSomething } from './fallsShort';
import { aboutFileNames } from './bulkRenames';
import { asideSwept } from './statedAsides';
import { replacementExceeded, replacementLeftOut } from './replacedText';
import { repoChangeUnasked } from './unaskedRepoChanges';
import { findActionUnbound } from './findActionReach';
import { modeBeyondWords } from './modeWords';
import { outsideUnnamed } from './outsidePlaces';
import { copiedBeyondNamed, filesInPlace, folderCopiedFlat, folderFlattened } from './placedNames';
import { conditionTurned, ownerSwapped } from './turnedConditions';
import { shiftChanged } from './timeShifts';
import { keptKindChanged, otherKindPicked } from './entryKinds';
import { droppedNamePart, lineTextLeftOut } from './namePartChecks';
import { unconfirmedDelete } from './confirmedDeletes';
import { ageLeftOut, brokenDropped, caseKept, compressesUnasked, containerOnly, contentAsName, derivedInside, droppedKind, filesForFolders, foldersForFiles, gitBeyondFile, invertedAge, listedInside, listsByContent, madeUpNegation, manyForOne, modeBeyondRequest, modeLeftOut, nameAsContent, ownerOfTheObject, placeWordsAsNames, programOf, rankUnkept, spanInDays, unnamedDelete } from './selectionChecks';

const ageFlags = new Set(['mtime', 'mmin', 'atime', 'amin', 'ctime', 'cmin', 'newer', 'newermt', 'newerct', 'newerat', 'anewer', 'cnewer', 'used', 'changed-within', 'changed-before', 'change-newer-than', 'change-older-than']);

export interface EffectFinding {
  /** Why the candidate does more than the request asked, for a person. */
  reason: string;
}


/** Every way `decision`'s command (`command`, when given, for what the facts do not keep) exceeds `intent`; empty when it fits. */
/** rm, rmdir, unlink, shred, or a find that deletes (`-delete`, `-exec rm`). */
function removesFiles(c: CommandFact): boolean {
  const program = programOf(c);
  if (/^(?:rm|rmdir|unlink|shred)$/.test(program)) return true;
  return program === 'find' && (c.flags.includes('delete') || c.args.some((a, i) => /^-(?:exec|execdir|ok)$/.test(a) && /^(?:rm|rmdir|unlink|shred)$/.test(c.args[i + 1] ?? '')));
}

export function exceedsIntent(intent: Intent, decision: PolicyDecision, command = ''): string[] {
  const reasons: string[] = [];
  const facts = decision.facts as Facts | undefined;
  const commands = facts?.commands ?? [];
  const risk = decision.risk;
  const asked = intent.actions.length === 0 ? 'only to look' : `to ${intent.actions.join(', ')}`;
  const deletes = uniq(commands.flatMap((c) => c.deletes).map(shown));
  const writes = uniq(commands.flatMap((c) => [...c.writes, ...c.redirects.filter((r) => (r.kind === 'write' || r.kind === 'append' || r.kind === 'read-write') && !discarded.test(r.target)).map((r) => ({ path: r.target, resolved: r.target } as PathFact))]).map(shown));
  if (facts && !facts.parse.ok) return ['Paladin cannot read this command, so it cannot tell what it would change.'];
  // "change the extension of the .mkv files to .avi", "substitute foo with bar in the file names": a rename takes the old name away, and only that.
  const renamesOnly = (aboutFileNames(intent.words) || /\bextensions?\b/.test(intent.words)) && intent.actions.includes('change') && commands.some((c) => c.deletes.length > 0) && commands.filter((c) => c.deletes.length > 0).every((c) => movers.has(programOf(c)));
  // "replace foo with bar in the .ts files" allows the old to go, never a plan that only deletes.
  const onlyDeletes = !intent.actions.includes('delete') && !intent.actions.includes('move') && intent.actions.includes('change') && deletes.length > 0 && writes.length === 0 && risk.writes.length === 0 && !commands.some((c) => movers.has(programOf(c)));
  if (onlyDeletes) reasons.push(`it only deletes ${list(deletes)}, but the request asks to ${intent.cues.change ?? 'change'}, not to delete`);
  if (!intent.allows.delete && !renamesOnly && (deletes.length > 0 || risk.deletes.length > 0)) reasons.push(`it deletes ${list(deletes.length ? deletes : risk.deletes)}, but the request asks ${asked}`);
  const changed = decision.rules.filter((r) => changeRules.test(r.id) && !/^fs\.delete/.test(r.id));
  if (!intent.allows.write && (writes.length > 0 || risk.writes.length > 0 || changed.length > 0)) {
    const what = writes.length ? list(writes) : risk.writes.length ? list(risk.writes) : `(${changed[0].id}: ${changed[0].reason})`;
    reasons.push(`it writes ${what}, but the request asks ${asked}`);
  }
  const repo = intent.allows.write ? undefined : commands.map(gitChange).find((x) => x !== undefined);
  if (repo && writes.length === 0 && changed.length === 0) reasons.push(`it changes the git repository (git ${repo}), but the request asks ${asked}`);
  if (!intent.allows.network && (risk.network || commands.some((c) => c.network))) reasons.push(`it reaches the network, but the request names no site, download or remote`);
  const stops = intent.allows.signal ? undefined : commands.find((c) => stopsSomething(c));
  if (stops) reasons.push(`it stops or signals processes (${stops.program}), but the request asks ${asked}`);
  if (!intent.allows.privilege && (risk.privilege || commands.some((c) => c.privileged))) reasons.push('it asks for elevated privileges (sudo), which the request did not');
  if (!intent.allows.write && !intent.allows.runCode && risk.runs_code) reasons.push('it runs a program written inline, so Paladin cannot show that it only looks');
  const toolChange = decision.rules.find((r) => /^tools\.(?:change|destroy|publish|piped-destructive-query)$/.test(r.id));
  if (!intent.allows.write && toolChange) reasons.push(`it changes something (${toolChange.id}: ${toolChange.reason}), but the request asks ${asked}`);
  // `sqlite3 db '.import notes.txt t'`: what a tool's own command does is not known, so neither is that it only looks.
  const unread = toolChange ? undefined : commands.find((c) => c.tool?.action === 'unknown');
  if (!intent.allows.write && unread) reasons.push(`it runs ${unread.tool?.effect ?? unread.program}, which Paladin cannot show only looks, but the request asks ${asked}`);
  // A program the policy does not know may write a file it is given through any option or word (`pandoc -o`, `shfmt -w`, `stylua F`).
  const stranger = intent.allows.write ? undefined : decision.rules.find((r) => r.id === 'unknown.program' && commands[r.command_index]?.args.some(namesAFile));
  if (stranger) reasons.push(`it runs ${commands[stranger.command_index]?.program ?? 'a program'}, which Paladin does not know, so it cannot show that it only looks`);
  if (!intent.allows.write && Number(risk.unknown_constructs ?? 0) > 0) reasons.push('it uses a shell construct Paladin cannot follow, so Paladin cannot show that it only looks');
  reasons.push(...unstatedConditions(intent, commands), ...contentAsName(intent, commands), ...nameAsContent(intent, commands), ...invertedAge(intent, commands), ...caseKept(intent, commands), ...madeUpNegation(intent, commands), ...conditionTurned(intent, commands), ...ownerSwapped(intent, commands), ...shiftChanged(intent, commands), ...modeBeyondRequest(intent, commands), ...compressesUnasked(intent, commands), ...modeUnasked(intent, commands), ...originalsReplaced(intent, commands), ...sortOrderDropped(intent, commands), ...contentLeftOut(intent, commands), ...stdinUnread(intent, commands), ...spanInDays(intent, commands), ...gitBeyondFile(intent, commands));
  reasons.push(...(deletes.length > 0 || risk.deletes.length > 0 ? droppedConditions(intent, commands) : ageLeftOut(intent, commands)), ...statedSizesLeftOut(intent, commands), ...exclusionLeftOut(intent, commands), ...linkedFileDeleted(intent, commands), ...topLevelReached(intent, commands));
  const changesFiles = deletes.length + writes.length + risk.deletes.length + risk.writes.length > 0;
  if (changesFiles || changed.length > 0) reasons.push(...madeUpValues(intent, commands));
  // A delete allowed only because a compressor replaces its files, or an edit overwrites them, is never an rm.
  const goneSaid = /\b(?:remov\w*|delet\w*|eras\w*|get(?:ting)? rid of|without leaving|gone|fresh|replac\w*)\b/.test(intent.words);
  const remover = !intent.allows.delete || goneSaid || intent.actions.includes('delete') || intent.actions.includes('move') ? undefined : commands.find(removesFiles);
  if (remover) reasons.push(`it deletes files (${programOf(remover)}${programOf(remover) === 'find' ? (remover.flags.includes('delete') ? ' -delete' : ' -exec rm') : ''}), but the request asks to ${intent.cues.create ?? intent.cues.change ?? 'act'} and deletes nothing`);
  // "move" and "rename" allow the source to go, never in place of the move.
  if (intent.actions.includes('move') && !intent.actions.includes('delete') && (deletes.length > 0 || risk.deletes.length > 0) && !commands.some((c) => movers.has(programOf(c)))) {
    reasons.push(`it deletes ${list(deletes.length ? deletes : risk.deletes)} and moves nothing, but the request asks to ${intent.cues.move ?? 'move'}`);
  }
  reasons.push(...otherCopyChanged(intent, commands), ...outsideInnerFolder(intent, commands), ...spacedNameSplit(intent, commands), ...liveForCopy(intent, commands), ...widerScope(intent, commands, command), ...copiedBackwards(intent, commands), ...appendedBackwards(intent, commands), ...madeThenDeleted(intent, commands), ...renameLeavesFolder(intent, commands), ...verbAsTarget(intent, commands), ...deletesEverything(intent, commands), ...beyondNamedFiles(filesInPlace(intent), commands), ...emptiedFiles(intent, commands), ...keptFileChanged(intent, commands), ...keptFolderChanged(intent, commands), ...folderForNamedFile(intent, commands));
  if (changesFiles) reasons.push(...madeUpKinds(intent, command), ...droppedKind(intent, commands), ...ownerOfTheObject(intent, commands), ...folderItselfDeleted(intent, commands, command), ...folderKept(intent, commands), ...brokenDropped(intent, commands), ...manyForOne(intent, commands), ...unnamedDelete(intent, commands), ...deleteFromFile(intent, commands, command), ...rankUnkept(intent, commands), ...setNounDropped(intent, commands, changesFiles), ...slotForNamedFile(intent, commands, deletes.length > 0 || risk.deletes.length > 0));
  reasons.push(...madeUpOwner(intent, commands), ...runsTheProject(intent, commands, decision.rules.some((r) => r.id === 'exec.script')), ...programNotRun(intent.words, commands, command));
  const changes = changesFiles || changed.length > 0;
  if (changes) reasons.push(...unspared(intent, command), ...deeper(intent, commands), ...changeKindSwapped(intent, commands), ...keptOutChanged(intent.words, command, intent.kept), ...kindBesideKept(intent.words, command, intent.kept), ...asideSwept(intent, commands, command), ...replacementExceeded(intent, commands), ...modeLeftOut(intent, commands));
  reasons.push(...repoChangeUnasked(intent, commands), ...(changesFiles ? findActionUnbound(intent, commands) : []), ...modeBeyondWords(intent.words, commands), ...outsideUnnamed(intent, commands), ...copiedBeyondNamed(intent, commands), ...folderCopiedFlat(intent, commands), ...folderFlattened(intent, commands));
  reasons.push(...wordsAsNames(intent, [...deletes, ...writes]), ...placeWordsAsNames(commands), ...(changes ? [...foldersForFiles(intent, commands), ...containerOnly(intent, commands)] : []), ...filesForFolders(intent, commands), ...otherKindPicked(intent, commands));
  // Last, an archive unpacked for a request to make one, or made for one to unpack it: judged from the request's verb alone.
  reasons.push(...kindNotKept(intent, commands, command, changes), ...exceptedKindChanged(intent, commands, command, changes), ...modeDirection(intent, commands), ...statedValuesChanged(intent, commands), ...madeUpNameTest(intent, commands), ...ownerTestUnstated(intent, commands), ...ownerForNoOwner(intent, commands), ...searchedElsewhere(intent, commands), ...readsElsewhere(intent, commands), ...historyDropped(intent, commands, command), ...packDirection(intent.words, commands), ...memberLeftOut(intent, commands), ...narrowActExceeded(intent, commands), ...replacementLeftOut(intent, commands, command), ...unconfirmedDelete(intent, commands), ...keptKindChanged(intent, commands), ...lineTextLeftOut(intent, command));
  return uniq(reasons);
}


/** A word that names a file or a path (`report.md`, `out/`, `--output=x.html`), not an option or a word of a program's own. */
const namesAFile = (word: string) => /[\w-]\.[A-Za-z]\w{0,7}$|\//.test(word.replace(/^--?[\w-]+=/, ''));

const ownerFlags = new Set(['user', 'group', 'uid', 'gid', 'nouser', 'nogroup']);

/** Filters by age, size, emptiness, permissions or owner that the request never mentioned. */
const linkCount = /\bhard[- ]?link\w*|\blink ?counts?\b|\b(?:number|count) of (?:hard )?links\b|\b(?:\d+|one|two|three|several|multiple|many|more than (?:one|1|\d+)|fewer than \w+|less than \w+|at least \w+|exactly \w+)\s+(?:hard\s+)?links\b|\bleaf (?:director|folder)\w*|\bno sub-?(?:director|folder)\w*|\bwithout sub-?(?:director|folder)\w*/;

function unstatedConditions(intent: Intent, commands: CommandFact[]): string[] {
  const out: string[] = [];
  for (const c of commands) {
    const program = programOf(c);
    if (program !== 'find' && program !== 'fd' && program !== 'fdfind') continue;
    const age = c.flags.find((f) => ageFlags.has(f));
    if (age && !intent.conditions.age) out.push(`it keeps only files of a certain age (-${age} ${argAfter(c, age)}), a condition the request does not state`);
    if (c.flags.includes('size') && !intent.conditions.size) out.push(`it keeps only files of a certain size (-size ${argAfter(c, 'size')}), a condition the request does not state`);
    if (c.flags.includes('empty') && !intent.conditions.empty) out.push('it keeps only empty files or folders (-empty), a condition the request does not state');
    if (c.flags.includes('perm') && !intent.conditions.permission) out.push(`it keeps only files with certain permissions (-perm ${argAfter(c, 'perm')}), a condition the request does not state`);
    const access = c.flags.find((f) => f === 'readable' || f === 'writable' || f === 'executable');
    if (access && !intent.conditions.permission) out.push(`it keeps only files that are ${access} or not (-${access}), a condition the request does not state`);
    const owner = c.flags.find((f) => ownerFlags.has(f));
    if (owner && !intent.conditions.owner) out.push(`it keeps only files of a certain owner (-${owner}${argAfter(c, owner) ? ` ${argAfter(c, owner)}` : ''}), a condition the request does not state`);
    // (-links: how many names a file has; "the files in links" names a folder, not a count.)
    if (c.flags.includes('links') && !linkCount.test(intent.words)) out.push(`it keeps only files with a certain number of names (-links ${c.args[c.args.indexOf('-links') + 1] ?? ''}), a condition the request does not state`);
  }
  return out;
}

const sizeFlags = new Set(['size', 'empty']);

/** A condition the request states ("smaller than 1 kilobyte", "older than 30 days") that a deleting command leaves out: it would delete more. */
function droppedConditions(intent: Intent, commands: CommandFact[]): string[] {
  const out: string[] = [];
  const has = (flags: Set<string>) => commands.some((c) => c.flags.some((f) => flags.has(f)));
  if (intent.stated?.size && !has(sizeFlags)) out.push('it leaves out the size the request states, so it would delete more than asked');
  if (intent.stated?.age && !has(ageFlags)) out.push('it leaves out the age the request states, so it would delete more than asked');
  if (!intent.stated?.size && intent.selective?.size && !has(sizeFlags)) out.push(`it deletes without regard to size, but the request asks for the ${intent.selective.size} ones only`);
  if (!intent.stated?.age && intent.selective?.age && !has(ageFlags)) out.push(`it deletes without regard to age, but the request asks for the ${intent.selective.age} ones only`);
  return [...out, ...droppedNamePart(intent, commands)];
}

const ageValueFlags = new Set(['mtime', 'mmin', 'atime', 'amin', 'ctime', 'cmin']);

/**
 * "delete the old logs", "compress the big files": the request names a
 * condition but not its value, so a number a changing command filters by
 * (`-mtime +30`, `-size +100M`) was made up, and would decide what is lost.
 */
function madeUpValues(intent: Intent, commands: CommandFact[]): string[] {
  const out: string[] = [];
  for (const c of commands) {
    if (!/^(?:find|fd|fdfind)$/.test(programOf(c))) continue;
    const age = c.flags.find((f) => ageValueFlags.has(f) && /^[+-]?\d/.test(argAfter(c, f)));
    if (age && intent.conditions.age && intent.valued?.age === false) out.push(`it keeps files by an age the request does not give (-${age} ${argAfter(c, age)}); say how old, e.g. "older than 30 days"`);
    if (c.flags.includes('size') && /^[+-]?\d/.test(argAfter(c, 'size')) && intent.conditions.size && intent.valued?.size === false) out.push(`it keeps files by a size the request does not give (-size ${argAfter(c, 'size')}); say how big, e.g. "larger than 100MB"`);
  }
  // "chmod the script": which permissions to set is the whole point, never a default.
  // A mode left as a slot (`chmod '<mode>' f`, judged as `__mode__`) is asked for, not made up.
  const mode = commands.filter((c) => programOf(c) === 'chmod').map(chmodMode).find((m) => m !== undefined && !slotValue.test(m));
  if (mode && intent.valued?.mode === false) out.push(`it sets permissions the request does not give (chmod ${mode}); say which, e.g. "make it executable" or "chmod 640"`);
  return out;
}

/** `out/docs` for "move docs to the out folder": the place the request sends things is named, whatever folder it also names. */
function goesTo(intent: Intent, path: string): boolean {
  return (intent.places?.destinations ?? []).some((d) => path === d || path.startsWith(`${d}/`));
}

/** The mode a chmod sets: its first word that is no option (`-x` and `-w` are modes; `-R` and `-v` are options). */
function chmodMode(c: CommandFact): string | undefined {
  return c.args.find((a) => !/^(?:-[RvcfH]+|--[\w-]+(?:=.*)?)$/.test(a));
}

/**
 * A request that names folders bounds where a plan may write or delete, and
 * what it may look through: the whole workspace is more than "under logs".
 */
const remotePlace = /^(?:[\w.-]+@)?[A-Za-z0-9][\w.-]*:(?!\/\/)/;

function widerScope(intent: Intent, commands: CommandFact[], command: string): string[] {
  if (intent.scope.length === 0) return [];
  const insidePath = (path: string) => {
    const rel = norm(path);
    return intent.scope.some((s) => rel === s || rel.startsWith(`${s}/`));
  };
  const inside = (p: PathFact) => insidePath(p.resolved || p.path);
  const named = (p: PathFact) => intent.names.some((n) => norm(p.resolved || p.path) === n || norm(p.path) === n) || renamedBeside(intent, norm(p.resolved || p.path)) || restoredHere(intent, norm(p.path)) || goesTo(intent, norm(p.resolved || p.path));
  const out: string[] = [];
  // Packing a named folder writes the archive beside it ("zip the docs folder" → docs.zip): that is what was asked.
  const packed = (c: CommandFact, p: PathFact) => archivers.has(c.program) && archiveName.test(p.path) && c.reads.some(inside);
  const changes = commands.flatMap((c) => [...c.deletes, ...c.writes.filter((p) => !packed(c, p))].filter((p) => !listedInside(commands, c, p, inside) && !derivedInside(command, commands, c, p, insidePath)));
  // A destination left as a slot (`'<dest>'`, judged as `__dest__`) is asked for: where it is is not known yet.
  // ... and a place on another machine (`alice@host:/srv`) is no place in the workspace.
  const outside = changes.filter((p) => !inside(p) && !named(p) && !slotValue.test(norm(p.path)) && !remotePlace.test(p.path));
  if (outside.length > 0) out.push(`it changes ${list(uniq(outside.map(shown)))}, outside ${list(intent.scope)}, the folder the request named`);
  const reads = commands.flatMap((c) => c.reads);
  const wholeWorkspace = reads.some((p) => p.classes.includes('workspace-root')) && !reads.some(inside);
  if (wholeWorkspace) out.push(`it looks through the whole workspace, but the request named ${list(intent.scope)}`);
  return out;
}

/**
 * "rename the log" planned as `for f in *.txt; do mv …`, "clean up the logs"
 * as a delete of `*~`: a kind or pattern of file nobody named, for a command
 * that changes files.
 */
function madeUpKinds(intent: Intent, command: string): string[] {
  const named = (ext: string) => intent.kinds.includes(ext) || intent.names.some((n) => n.toLowerCase().endsWith(`.${ext}`)) || new RegExp(`\\b${ext}\\b`).test(intent.words);
  // A kind the command leaves out (`! -name '*.gz'`) changes no such file, but the rest of what it changes is chosen by it:
  // it must be one the request leaves out ("except the .txt files", "the non-compressed files").
  const leftOut = /(?:!|-not)\s+-i?name\s+(?:'[^']*'|"[^"]*"|\S+)|--exclude=(?:'[^']*'|"[^"]*"|\S+)/g;
  const compressed = (ext: string) => /^(?:gz|bz2|xz|zip|z|tgz|zst)$/.test(ext) && /\b(?:non[- ]?|un|not (?:\w+ )?|already )(?:compressed|gzipped|zipped|bzipped)\b/.test(intent.words);
  const excluded = uniq([...command.matchAll(leftOut)].flatMap((m) => [...m[0].matchAll(/\*\.([A-Za-z0-9]{1,8})\b/g)].map((x) => x[1].toLowerCase()))).filter((ext) => !named(ext) && !compressed(ext));
  const kinds = uniq([...command.replace(leftOut, '').matchAll(/\*\.([A-Za-z0-9]{1,8})\b/g)].map((m) => m[1].toLowerCase())).filter((ext) => !named(ext));
  const out = kinds.length > 0 ? [`it changes ${list(kinds.map((k) => `*.${k}`))} files, a kind the request does not name`] : [];
  if (excluded.length > 0) out.push(`it leaves out ${list(excluded.map((k) => `*.${k}`))} files, a kind the request does not name, and changes the rest`);
  // "delete the backup files but not the markdown ones" planned as `! -name '*.bak'`: the kind asked for is what is spared.
  const spared = uniq([...command.matchAll(leftOut)].flatMap((m) => [...m[0].matchAll(/\*\.([A-Za-z0-9]{1,8})\b/g)].map((x) => x[1].toLowerCase()))).filter((ext) => intent.kinds.includes(ext) && !exceptedKinds(intent.words).includes(ext));
  if (spared.length > 0) out.push(`it leaves out ${list(spared.map((k) => `*.${k}`))} files, the kind the request asks to change, and changes the rest`);
  // Patterns by a mark in the name rather than an extension: editor backups, names with spaces ("wipe backup clean": the folder, no mark).
  const folders = intent.scope.filter((d) => /^[\w-]+$/.test(d));
  const said = folders.length > 0 ? intent.words.replace(new RegExp(`\\b(?:${folders.join('|')})\\b`, 'g'), ' ') : intent.words;
  for (const [pattern, shown, words] of markedNames) {
    if (pattern.test(command) && !words.test(said)) out.push(`it changes files named ${shown}, which the request does not name`);
  }
  return out;
}

const markedNames: [RegExp, string, RegExp][] = [
  [/(?:^|[\s'"])\*~(?=['"\s]|$)/, '*~', /~|tilde|(?<!\b(?:from|in|into|to|under|inside|the|my)\s+(?:the\s+)?)backup(?!\s+(?:folder|dir|directory)\b)|editor|emacs|vim/],
  [/\*' '\*|\* \*|\*\\ \*|\/ \/_/, 'with spaces', /\bspaces?\b|\bblanks?\b|\bwhite ?spaces?\b/],
];

// Programs that run the project's own code (a Makefile, package scripts, a test suite).
const projectRunners = /^(make|gmake|just|npm|npx|yarn|pnpm|cargo|mvn|gradle|gradlew|pytest|tox|rake|composer|dotnet|ninja|bazel)$/;

/** "copy the output in build" planned as `make > build`, "run down the deploy script" as running it: running code nobody asked to run. */
function runsTheProject(intent: Intent, commands: CommandFact[], runsAScript: boolean): string[] {
  // The verbs of the cues, not a file named in one ("give bin/deploy.sh execute permission").
  if (intent.actions.includes('run') || /\b(install|upgrade|update|deploy|publish|lint|format)\b/.test(Object.values(intent.cues).join(' ').replace(/\S*[./]\S*/g, ''))) return [];
  const runner = commands.find((c) => projectRunners.test(programOf(c)) || c.runs_code === 'script');
  if (runner) return [`it runs the project's own code (${programOf(runner)}), but the request does not ask to build, test or run anything`];
  // "answer yes to every prompt of ./setup.sh", "… to the input of "./setup.sh"": a program written as one runs it.
  return runsAScript && (!/(?:^|[\s"'`])\.\/[\w.-]+/.test(intent.words) || hypothetical.test(intent.words)) ? ['it runs a script of the workspace, but the request does not ask to run anything'] : [];
}

/** "delete everything in build except x.tmp": a change that does not leave out what the request excepts (a `-prune` leaves out only what is pruned before `-o`). */
function unspared(intent: Intent, command: string): string[] {
  const kept = (name: string) => {
    // ".log" excepted is kept by `! -name '*.log'`.
    const n = name.startsWith('.') ? `\\*?${escapeRegExp(name)}` : escapeRegExp(name);
    const test = `(?:!|-not)\\s+-(?:i?name|i?path|wholename)\\s+['"]?(?:\\*/|\\./)?(?:[\\w./-]*/)?${n}['"]?(?=\\s|$)|--exclude(?:-dir)?[= ]['"]?(?:[\\w./*-]*/)?${n}|-i?(?:name|path)\\s+['"]?(?:\\*/|\\./)?${n}['"]?\\s+-prune\\s+-o\\b|grep -v\\w*\\s+['"]?${n}`;
    // Spelled as the request spells it (`-name` tells README.md from readme.md), or by a test that ignores case.
    return new RegExp(test).test(command) || new RegExp(test.replace(/i\?(?=name|path)/g, 'i'), 'i').test(command);
  };
  const missed = intent.exceptions.filter((x) => !kept(x));
  return missed.length > 0 ? [`it does not leave out ${list(missed)}, which the request excepts`] : [];
}

// Words of a request that say what to do, never what to do it to.
const actWords = /^(?:delete|remove|rm|truncate|wipe|clean|purge|erase|keep|kill|move|mv|copy|cp|rename|compress|archive|backup|zip|gzip|touch|chmod|chown|update|change|edit|save|write|overwrite|nuke|trash)$/;

/** `truncate -s 0 truncate`, `rm -r delete`, `rm -f current` ("in the current folder"): a word of the request taken as the file to change. */
function wordsAsNames(intent: Intent, changed: string[]): string[] {
  // "to delete" is read as a destination as "to trash" is; only a request that moves or copies, or calls it a file, names one.
  // ... and "the folder backup", "the directory called archive" name one whatever the request does.
  const named = (p: string) => intent.scope.includes(p) || new RegExp(`\\b(?:folder|directory|dir)\\s+(?:called\\s+|named\\s+)?["'\`]?${escapeRegExp(p)}\\b`).test(intent.words) || (intent.names.includes(p) && (intent.actions.includes('move') || intent.actions.includes('create') || calledAFile(intent.words, p)));
  const taken = changed.map((p) => p.replace(/^\.\//, '')).filter((p) => (actWords.test(p) || placeWord(intent.words, p)) && !named(p));
  return taken.length > 0 ? [`it changes ${list(uniq(taken))}, a word of the request rather than a file or folder it names`] : [];
}

/** "the file called delete", "a folder named 'trash'", "delete/": the word is given as a name. */
function calledAFile(words: string, name: string): boolean {
  const n = escapeRegExp(name);
  return new RegExp(`\\b(?:called|named|file|folder|directory|dir)\\s+["'\`]?${n}\\b|["'\`]${n}["'\`/]|\\b${n}/`).test(words);
}

/** "top level only", "not recursively": a change that goes into subfolders. */
function deeper(intent: Intent, commands: CommandFact[]): string[] {
  if (!intent.shallow) return [];
  const walks = commands.find((c) => (programOf(c) === 'find' && !c.flags.includes('maxdepth')) || (/^(?:rm|cp|chmod|chown|chgrp|gzip|zip)$/.test(programOf(c)) && c.flags.some((f) => f === 'r' || f === 'R' || f === 'recursive')));
  return walks ? [`it goes into subfolders (${programOf(walks)}), but the request keeps to the folder itself`] : [];
}

/** "the current folder", "this directory": the word is said only as part of a place in words. */
function placeWord(words: string, p: string): boolean {
  if (!/^(?:current|working|present|this|same|parent)$/.test(p)) return false;
  const said = [...words.matchAll(new RegExp(String.raw`\b${p}\b`, 'g'))];
  return said.length > 0 && said.every((m) => /^\s+(?:working\s+)?(?:folder|directory|dir)\b/.test(words.slice(m.index + p.length)));
}

// find tests that choose some files; `-type f` or `d`, `-name '*'` and the .git exclusion choose none.
const choosingFlags = new Set(['name', 'iname', 'path', 'ipath', 'wholename', 'iwholename', 'regex', 'iregex', 'lname', 'ilname', 'size', 'empty', 'perm', 'user', 'group', 'nouser', 'nogroup', 'uid', 'gid', 'links', 'inum', 'samefile', 'readable', 'writable', 'executable', ...ageFlags]);

/**
 * "wipe the logs", "delete the unused files" planned as a delete of every
 * file in the workspace: the request named some things, the plan deletes
 * everything. Only a request that says so ("delete everything", "all the
 * files") may.
 */
function deletesEverything(intent: Intent, commands: CommandFact[]): string[] {
  if (intent.everything) return [];
  // Every file of the workspace, or of a folder the request named, or that folder itself.
  const whole = (p: PathFact) => {
    // `build/*` (every entry of build) is build's whole content, as `build/$?` is.
    const rel = norm((p.resolved || p.path).replace(/\/\*$/, ''));
    return (p.classes.includes('workspace-root') && rel === '.') || (p.glob && /^(?:\.\/)?\*$/.test(p.path)) || intent.scope.includes(rel);
  };
  const wide = commands.filter((c) => !renames(intent, c)).flatMap((c) => c.deletes).find(whole);
  if (!wide) return [];
  // ... nor do `-name '*'`, `-iname '*'` or leaving out .git.
  const choosesNone = (c: CommandFact, f: string) => (/^i?name$/.test(f) && /^\*$/.test(argAfter(c, f))) || (f === 'path' && /\.git/.test(argAfter(c, 'path')));
  // ... but links, devices, pipes and sockets (`-type l`, `-xtype l`) are some of what a folder holds.
  const special = (c: CommandFact, f: string) => (f === 'type' || f === 'xtype') && /^[lcbps]$/.test(argAfter(c, f));
  const chooses = commands.some((c) => programOf(c) === 'find' && c.flags.some((f) => (choosingFlags.has(f) && !choosesNone(c, f)) || special(c, f)));
  // `grep -rl draft docs | xargs rm`: the files that hold a text, not all of them.
  if (chooses || commands.some(listsByContent)) return [];
  const where = norm(wide.resolved || wide.path);
  // "empty the current folder" asks for everything in it.
  // ... and "remove the build folder" asks for the folder itself.
  if (contentsAskedOf(intent).includes(where) || foldersAskedGone(intent).includes(where)) return [];
  return [where === '.' || where === '*' ? 'it deletes every file in the workspace, but the request does not ask for everything' : `it deletes everything in ${where}, but the request asks for some of it only`];
}

const archivers = new Set(['zip', 'tar', '7z', 'gzip', 'bzip2', 'xz', 'zstd']);
