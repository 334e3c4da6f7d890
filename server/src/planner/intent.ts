// What a request asks to be done, read from its words alone: to look (list,
// show, count, compare) or to act (create, change, move, delete, stop a
// process, reach the network), where, and under which conditions. The plan's
// effects, as the policy sees them, are then held to this (effectCheck.ts):
// a plan may never do more than its request asked.

import { packedFolders } from './packedFolders';
import { keptOut, type KeptOut } from './keptOut';
import { escapeRegExp } from './corpus';
import { folderMeantBy, joinedToOrder, namedAsSubject, namesAMode, namesANeed, namesAPlace, opensToLook, placeNamed, reportedOrPutOff } from './intentClauses';
import { deletesExtra, remoteAsk } from './remoteActs';
import { asksToSee, chosenFor, declines, nothingNamed } from './declinedActs';
import { phrasal, verbalised } from './phrasalVerbs';
import type { RequestFacts } from './requestFacts';
import { isTask } from './taskWords';
import { amountsOf, itselfOnly } from './scopeChecks';
import { fileTraits, oneLevel, quotedSpans } from './requestWords';
import { readHistoryAsk, type HistoryAsk } from './gitChecks';
import { placesOf, type NamedPlaces } from './sameNames';
import { statedEmptiness } from './statedEmptiness';
import { shownNotKept, toScreen } from './shownThings';
import { extractedText, withoutTextExtraction } from './textExtraction';

export type Action = 'look' | 'create' | 'change' | 'move' | 'delete' | 'stop' | 'network' | 'run';

export interface Intent {
  /** False when nothing in the request is about files, text, processes, the system or a program, or when it orders nothing (`ordersNothing`). */
  task: boolean;
  /** The request names acts only to take them back or put them off ("no need to delete the .bak files", "maybe later we compress docs"), or names nothing to act on ("rm?"): nothing is planned. */
  ordersNothing?: boolean;
  /** The acts the request orders ("delete", "move"); empty for a request to look. */
  actions: Action[];
  /** What a plan for it may do. */
  allows: { write: boolean; delete: boolean; signal: boolean; network: boolean; privilege: boolean; runCode: boolean };
  /** Folders the request names as its scope (relative, as written or resolved). */
  scope: string[];
  /** Files and destinations the request names: a plan may change these wherever they are. */
  names: string[];
  /** Folders the request packs into an archive ("tar up src as src.tar"). */
  packs?: string[];
  /** Files named by base name with the folder that picks them, or the several copies they could be (sameNames.ts). */
  places?: NamedPlaces;
  /** Conditions the request states; a plan may filter by these and no others. */
  conditions: { age: boolean; size: boolean; empty: boolean; permission: boolean; owner: boolean };
  /** Conditions the request states with a value ("older than 30 days", "smaller than 1 kilobyte"): a plan that acts on files must keep them. */
  stated?: { age: boolean; size: boolean };
  /** Users and groups the request names ("owned by alice", "to www-data"): an owner a plan sets must be one of them. */
  owners: string[];
  /** The kinds of file the request names, as extensions ("the python files" → py). */
  kinds: string[];
  /** The request in lower case, for words a plan's values must come from. */
  words: string;
  /** What `words` keeps out of the act, as `keptOut` reads it. */
  kept: KeptOut[];
  /** What the request leaves out of an act ("except x.tmp", "but not app.log", "keeping notes.txt"). */
  exceptions: string[];
  /** The request keeps to a folder's own entries ("top level only", "not recursively", "leave the subfolders alone"). */
  shallow?: boolean;
  /** The request asks for everything in the place it names ("delete everything", "all the files", "the files in build", "the build folder"): a plan may act on every file there. */
  everything?: boolean;
  /** An adjective that picks some of the files ("the big files", "old logs"), by size or by age: a delete must keep to it. */
  selective?: { age?: string; size?: string };
  /** The request gives a value for an age or a size at all ("3 days ago", "today", "10MB", "$DAYS days"): without one, a number in a plan was made up. */
  valued?: { age: boolean; size: boolean; mode: boolean };
  /** Ages (in seconds) and sizes (in bytes) the request states, with their sign ('+' more than, '-' less than). */
  amounts?: { ages: { seconds: number; sign: string }[]; sizes: { bytes: number; sign: string }[] };
  /** The result goes into a shell variable ("save it to the variable X"), not a file. */
  toVariable: boolean;
  /** For a question about the repository's history: the paths, refs, end and number of commits a git plan must keep. */
  history?: HistoryAsk;
  /** The words that decided each act, for the reason a plan is rejected. */
  cues: Partial<Record<Action, string>>;
}

// "append a null character at the end of each path", "… of each of their paths": how names are printed, not a change to any file.
const nulAfterNames = String.raw` (?:a |the )?nul(?:l)? (?:character|byte|char)s? (?:at the end of|after|to the end of) (?:each|every|the|their|its)(?: of (?:their|the|its|these|those))? (?:full )?(?:path|name|file ?name|result|entry|entries)s?`;

// Verbs in their base form only: "deleted", "removed", "modified" describe a state and order nothing.
const verbs: [Action, RegExp][] = [
  ['delete', /\b(delete|remove|rm|rmdir|erase|purge|wipe|unlink|prune|discard|throw away|trash|get rid of|clean(?: up| out)?|clear(?: out)?|empty (?:the|out|(?=[\w./-]+\.\w+\b))|uninstall|drop)\b/],
  // "change the name of the folder draft to final" is a rename; the name of a variable or a function is text.
  ['move', /\b(move|mv|rename|relocate|change (?:the |its |their )?names? of (?:the |this |that |my )?(?:file|folder|directory|dir)\b)/],
  ['create', new RegExp(String.raw`\b(create|mkdir|touch|make (?!sure\b)(?:a |an |the |new |me a |me an )?(?:[\w.-]+ ){0,2}?(?:(?:sub)?(?:folder|director(?:y|ies)|dir)|file|copy|copies|backup|archive|tarball|zip|gzip|tar(?:\.(?:gz|bz2|xz|zst))?|tgz|\.zip|link|symlink|script|log)s?(?! (?:\S+ ){0,6}(?:accessible|readable|writable|executable|private|public|read-only)| (?:(?!with\b)\S+ ){0,6}(?:permissions?|perms|mode) [0-7]{3,4}(?![\w.]))|make (?=[\w-]+\.[a-z]\w{0,7} (?:out of|from|by|with)\b)|copy|cp|duplicate|back ?up|back (?:them|it|these|those|this|that|everything|all(?: of them)?) up|save|write|store|output (?:it |them )?(?:to|into)|output(?=\s[^.;]{1,80}?\s(?:to|into)\s+(?:a file\b|the file\b|["'\x60](?=[\w./~-]*[a-z])[\w./~-]{2,}["'\x60]|[\w./~-]+\.[a-z]\w{0,7}\b))|put(?! off\b)|generate|mirror|synchroni[sz]e|compress|zip|gzip|bzip2|xz|tar|archive|pack|bundle|extract|unzip|untar|unpack|decompress|gunzip|split|link|symlink|ln|init|initiali[sz]e|clone|download|install|add(?! up| together|${nulAfterNames})|append(?!${nulAfterNames})|tack(?=\s(?:[^\s;]+\s){0,6}on(?:to)?\b)|export|dump|record|log (?:it|them) to|(?:join|concatenate|concat|combine|glue|stitch)(?=\s(?:[^\s;]+\s){1,8}?(?:into|to form|to make)\s))\b`)],
  ['change', /\b(take away|revoke|grant|give (?:\S+ ){0,3}(?:permission|access|write|read|execute|executable|exec)\b|change|modify|edit|replace|substitute|update|upgrade|set|rename|chmod|chown|chgrp|make (?:\S+ ){0,8}(?:non-?|un)?(?:executable|readable|writable|accessible|private|read[- ]only|(?:the )?(?:new )?owners?)|(?:make|give) (?:(?!with\b)\S+ ){0,8}?(?:permissions?|perms|mode|chmod) (?:of |to |as )?[0-7]{3,4}(?![\w.])|make (?:\S+ ){0,6}?(?:files?|folders?|director(?:y|ies)|scripts?|them|it|\S+\.\S+)(?: (?:in|under|inside|within) (?:the )?\S+(?: folder| directory| dir)?)? [0-7]{3,4}(?![\w.])(?! +(?:bytes?|lines?|times|copies|files?|folders?|days?|[kmg]b)\b)|convert|fix|format|reformat|sort (?:\S+ ){0,4}in place|overwrite|truncate|reset|revert|undo|unstage|stage(?= (?!of\b|\d))|amend|restore|recover|bring back|(?:bring|get|put) (?:[\w.~/'-]+ ){1,4}?back (?=from\b|out of\b)|commit|merge|rebase|checkout|switch|stash|apply|patch|tag (?:the|this|it)|push|pull|fetch|sync|prepend|insert|uncomment|comment out|rewrite|normali[sz]e|dos2unix|lowercase|uppercase|capitali[sz]e|indent|strip|trim|dedupe|deduplicate|encrypt|decrypt|sign|bump|refresh (?:the |its |their )?(?:time ?stamps?|[am]times?|(?:modification|access) times?)|increment|enable|disable|lock|unlock|mark|protect|mount|umount|unmount|remount)\b/],
  ['stop', /\b(kill|pkill|killall|stop|terminate|end|halt|quit|interrupt|restart|reload|shut ?down|reboot|suspend|pause|resume|signal|renice|free up (?:the )?port|send (?:a |the )?(?:sig[a-z]+|signal|kill|term|hup)(?: signal)?)\b/],
  ['network', /\b(download|upload|fetch|curl|wget|ping|traceroute|ssh|scp|rsync|clone|push|pull|install|upgrade|dig|nslookup|resolve|connect|send(?! (?:a |the )?(?:sig[a-z]+|signal|kill|term|hup)\b)|post|http|https|request (?:the|a|an)|look ?up the (?:ip|dns|address)|whois|is (?:\S+ ){0,3}(?:up|down|reachable|online))\b/],
  // "pass each one to /opt/convert.sh": files handed to a program written as one run it.
  ['run', /\b(run|execute|launch|start|invoke|build|compile|serve|test (?:the|it|everything)|make(?= *$)|(?:pass|feed|hand|give)(?= (?:them|it|those|these|each(?: one| file)?|every (?:one|file)|the (?:files|paths)) (?:\w+ ){0,3}?(?:to|through) (?:the )?(?:(?:(?:shell|python|perl|bash) )?(?:script|program|command|executable) |\.{0,2}\/|~\/|[\w.-]+\.(?:sh|py|pl|rb)\b)))\b/],
];

// What turns a verb into something other than an order: a negation, a
// question about permission or possibility, a description ("files to be
// removed", "the ones I could delete"), or a preview.
const notAnOrder = /(\b(not|never|don'?t|do not|doesn'?t|won'?t|without|no|nor|avoid|instead of|rather than|before|after|could|would|should|might|may|can i|can we|i can|we can|could i|safe to|ok(?:ay)? to|allowed to|able to|going to|about to|to be|be|been|being|was|were|is|are|will|that i|which i|i'?d|if i|ones to|files to|things to|what to|candidates to|needs? to be|want(?:ed)? to know|wondering|ask(?:ed)? to|pretend(?:ing)? to|i'?ll|we'?ll|i shall|we shall|gonna|suppos(?:e|ing)|imagin(?:e|ing)|assum(?:e|ing)|hypothetically|(?:world|scenario|case|situation) where|what if|say (?:i|we)|prepar(?:e|ing|ed) to|(?:get|getting) ready to|ready to|in preparation for|in order to|so (?:that )?(?:i|we) can|plan(?:ning)? to|thinking (?:about|of)|consider(?:ing)?|simulate|preview|dry[- ]?run|without actually|the command to|how much|how many|how long)\s+(\w+\s+){0,2}|\b(would|could|might)\s+(\w+\s+){0,4}|\bwhat\s+(?:does|do|did|would|will)\s+(\S+\s+){0,4})$/;

// A verb in a clause that is still an order despite an auxiliary before it.
const stillAnOrder = /\b(please|can you|could you|would you|will you|help me|i want to|i need to|i'?d like to|want to|need to|let'?s|go ahead and|and then|then|also|and)\s+(\w+\s+){0,1}$/;

/** "is it safe to run ./setup.sh", "should I run it": a question about an act, which orders none. */
export const hypothetical = /\b(?:what (?:happens|would happen|will happen) if|is it (?:safe|ok|okay|fine|dangerous|risky|wise|a good idea) to|would it be (?:safe|ok|okay|wise) to|should i|do i (?:really )?(?:need|have) to|which files would)\b/;
const lookOnly = /\b(?:vs\.?|versus)\s|^\s*(?:(?:so|ok(?:ay)?|and|but),?\s+)?(?:(?:what(?:'s| is| are)\s+)?(?:the\s+)?differences? between|in theory|theoretically|hypothetically|eli5|(?:please\s+)?explain|what (?:happens|would happen|will happen) if|is it (?:safe|ok|okay|fine|dangerous|risky|wise|a good idea) to|would it be (?:safe|ok|okay|wise) to|should i|do i (?:really )?(?:need|have) to|which files would)\b|\b(dry[- ]?run|preview|without (?:actually )?(?:changing|deleting|removing|modifying|touching|writing|rewriting)(?!\s+(?:the\s+|their\s+|its\s+|any\s+)?(?:originals?|sources?|inputs?|uncompressed)\b)|don'?t (?:change|delete|remove|modify|touch|write)(?!\s+(?:the\s+|their\s+|its\s+|any\s+)?(?:originals?|sources?|inputs?|uncompressed)\b)|do not (?:change|delete|remove|modify|touch|write)(?!\s+(?:the\s+|their\s+|its\s+|any\s+)?(?:originals?|sources?|inputs?|uncompressed)\b)|just (?:show|list|tell|look)|only (?:show|list|tell|look)|(?:list|look|show|count|check)(?:ing)? only|reading only)\b|^\s*read[- ]only\b|\bin read[- ]only mode\b/;

/** "just show", "without changing anything"; not "delete the files in src but don't touch main.ts": a name kept out of the act does not take the act back. */
function forbidsAnyChange(lower: string, kept: KeptOut[]): boolean {
  return lookOnly.test(kept.reduce((t, k) => `${t.slice(0, k.from)}${' '.repeat(k.to - k.from)}${t.slice(k.to)}`, lower));
}

/** Read what `facts.text` asks for. */
export function readIntent(facts: RequestFacts): Intent {
  const lower = shownNotKept(toScreen(baseForm(verbalised(facts.lower.replace(/[’‘]/g, "'")))));
  const kept = keptOut(lower, facts.ws.dirs).map((k) => ({ ...k, kept: k.kept.map((x) => ({ ...x, word: spelledAsSaid(facts, x.word) })) }));
  const forbidsChange = forbidsAnyChange(lower, kept);
  // Words inside quotes are values ("display the message 'delete everything'"), never orders.
  const unquoted = lower.replace(quotedSpans, (q) => `"${'_'.repeat(Math.max(0, q.length - 2))}"`);
  const { actions, cues, ordered, declined } = actsOf(lower, unquoted, facts, forbidsChange);
  // "print their checksums into file.txt", 'output the diff to "file3"': output sent to a named file writes that file.
  if (!forbidsChange && savedToFile.test(lower) && !question.test(lower)) {
    actions.add('create');
    cues.create ??= 'into a file';
  }
  // What is asked of another machine, if anything: a copy, a login, a command to run there.
  const remote = reachesNetwork(facts, lower, actions);
  const act = [...actions];
  const write = act.some((a) => a === 'create' || a === 'change' || a === 'move' || a === 'delete' || a === 'run') || (actions.has('network') && /\b(download|install|clone|pull|save|fetch)\b/.test(lower) && !forbidsChange);
  // "there's no need to delete the .bak files", "rm?": no act is ordered and nothing is asked to be seen, or nothing is named to act on.
  const ordersNothing = (ordered.length === 0 && declined.length > 0 && !asksToSee(unquoted)) || (act.some((a) => a === 'delete' || a === 'move') && nothingNamed(unquoted, ordered));
  return {
    task: isTask(facts) && !ordersNothing,
    ordersNothing,
    actions: act,
    allows: {
      write,
      delete: actions.has('delete') || (remote !== undefined || /\b(?:sync\w*|mirror\w*|rsync)\b/.test(lower)) && deletesExtra.test(lower) || actions.has('move') || (actions.has('create') && /\b(compress|gzip|bzip2|xz|gunzip|decompress|extract|unzip|unpack)\b|\barchiv\w* (?:them|each|every|those|these)\b[^.;]*\.(?:gz|bz2|xz)\b/.test(withoutTextExtraction(lower))) || (actions.has('change') && /\b(replace|overwrite|rename|reset|revert|checkout|switch|stash|restore|pull|merge|rebase|uninstall|clean)\b/.test(lower)),
      signal: actions.has('stop'),
      network: actions.has('network') || facts.urls.length > 0 || /\b(network|interfaces?|ip|ips|dns|hosts?|hostname|ports?|sockets?|connections?|ping|remote|servers?|ssh|mac address|gateway|route|wifi|ethernet|listening|domains?|reverse (?:dns |name )?look ?ups?|name ?servers?|dns servers?|resolvers?|(?:a|aaaa|mx|txt|ns|cname|soa|ptr|srv) records?)\b/.test(lower),
      privilege: /\b(sudo|as root|root privileges?|administrator|admin rights|superuser)\b/.test(lower),
      runCode: actions.has('run') || remote === 'run' || remote === 'login' || /\b(python|node|perl|ruby|php|awk|script|interpreter|evaluate|calculate|compute|ssh|tunnel\w*|forward(?:s|ing)? (?:the |a )?(?:local |remote )?ports?|port forwarding|gateway|bastion|jump host|log ?in (?:to|on)(?: the| a)? (?:remote |other )?(?:server|host|machine|system)|remote (?:system|host|machine|server|shell))\b/.test(lower),
    },
    scope: scopeOf(facts),
    names: [...new Set([...facts.files, ...facts.targets, ...facts.archives].map((f) => f.value.replace(/^\.\//, '').replace(/\/+$/, '')))], places: placesOf(facts),
    packs: packedFolders(facts).map((f) => f.value),
    conditions: conditionsOf(facts, lower),
    cues,
    toVariable: /\bvariables?\b/.test(lower),
    history: readHistoryAsk(facts),
    amounts: amountsOf(facts.lower, facts.durations, facts.sizes),
    stated: { age: facts.durations.some((d) => d.sign === '+' || d.sign === '-'), size: facts.sizes.some((x) => x.sign === '+' || x.sign === '-') },
    kinds: [...new Set(facts.exts.map((e) => e.value.toLowerCase().replace(/^\./, '')))],
    owners: [...new Set(facts.users.map((u) => u.value.toLowerCase()))],
    words: lower,
    kept,
    exceptions: exceptionsOf(lower).map((x) => spelledAsSaid(facts, x)),
    selective: selectiveWords(lower),
    shallow: /(?<!\b(?:not|never|except|but not|other than|apart from|below|under|beneath|deeper than)\s+(?:(?:at|in|on)\s+)?(?:the\s+)?)\b(top[- ]level|not recursive(?:ly)?|non-?recursive(?:ly)?|without (?:going into|descending into|recursing into|recursion)|leave the sub(?:folders|directories|dirs) alone|not (?:\w+ ){0,2}(?:in|into|from) (?:the |any )?sub[- ]?(?:folders?|directories|directory|dirs?)|shallow(?:ly)?|no deeper|only (?:in )?(?:this|the) folder itself)\b/.test(lower) || itselfOnly.test(lower) || oneLevel.test(lower),
    everything: asksForEverything(lower, kept, cues.delete ?? cues.change ?? cues.move ?? cues.create, scopeOf(facts)),
    valued: {
      age: facts.durations.length + facts.dates.length > 0 || /\$\{?\w+\}?\s+(?:days?|minutes?|mins?|hours?)\b/i.test(facts.text),
      size: facts.sizes.length > 0 || /\$\{?\w+\}?\s*(?:[kmgt]i?b?|bytes?|blocks?)\b/i.test(facts.text),
      mode: facts.modes.length > 0 || modeWords.test(lower) || /\$\{?\w+/.test(facts.text),
    },
  };
}

/** The acts the request orders, with the words that decided each; the verbs said as orders, and those declined ("no need to delete"). */
function actsOf(lower: string, unquoted: string, facts: RequestFacts, forbidsChange: boolean): { actions: Set<Action>; cues: Intent['cues']; ordered: string[]; declined: string[] } {
  // "list the scripts that need chmod +x": acts inside the object of a request to look order nothing.
  const looks = opensToLook(unquoted);
  const actions = new Set<Action>();
  const cues: Intent['cues'] = {};
  const ordered: string[] = [];
  const declined: string[] = [];
  for (const [action, re] of verbs) {
    for (const m of unquoted.matchAll(new RegExp(re.source, 'g'))) {
      const before = lower.slice(Math.max(0, m.index - 60), m.index);
      const after = lower.slice(m.index + m[0].length);
      // ... nor "execute" in "give run.sh execute permission" (a word of the mode), nor a verb naming a workspace folder or file after a word of place ("what's in purge").
      if ((looks && !joinedToOrder(before)) || namesANeed(before) || namedAsSubject(after) || (action === 'run' && /^\s+(?:permissions?|perms|bits?|rights?|access|mode)\b/.test(after)) || placeNamed(before, m[0], after, facts.ws)) continue;
      if (!isOrder(before, m[0], after, lower.slice(0, m.index))) {
        if (declines(before, m[0], after)) declined.push(m[0]);
        continue;
      }
      ordered.push(m[0]);
      if (forbidsChange && action !== 'network') continue;
      // "delete the lines containing DEBUG from app.log" edits a file and "remove the executable bit from run.sh" changes its mode; neither deletes a file.
      const object = lower.slice(m.index + m[0].length, m.index + m[0].length + 50);
      // ... and "clear the log file", "empty app.log" truncate one file; they delete none.
      const truncates = action === 'delete' && /^(?:clear|empty)\b/.test(m[0]) && oneFile.test(` ${object.trimStart()}`);
      if ((action === 'delete' || /^(?:strip|trim)$/.test(m[0])) && partOfAName(object, facts)) continue;
      const extracted = m[0] === 'extract' ? extractedText(after) : undefined;
      if (extracted === 'look') continue;
      if (extracted === 'write') { actions.add('create'); cues.create ??= 'write'; break; }
      const kind = action === 'delete' && (partsOfText.test(object) || partsOfMode.test(object) || editsMade.test(object) || truncates) ? 'change' : action;
      actions.add(kind);
      cues[kind] ??= truncates ? 'truncate' : kind === 'change' && editsMade.test(object) ? `${m[0]} changes` : m[0];
      break;
    }
  }
  return { actions, cues, ordered, declined };
}

/** A URL, a host or a package manager is a reason to reach the network even without a verb. */
function reachesNetwork(facts: RequestFacts, lower: string, actions: Set<Action>): ReturnType<typeof remoteAsk> {
  // ... and so is a remote path as rsync and scp write it (`alice@host:/srv`), or another machine named with a copy, a login or a command to run there.
  const remote = remoteAsk(facts.text);
  if (remote || /(?:^|[\s"'])[\w.-]+@[\w.-]+:/.test(facts.text)) actions.add('network');
  if (facts.urls.length > 0 && /\b(get|grab|save|download|fetch|check|status|headers?|up|reachable|open|read|contents?)\b/.test(lower)) actions.add('network');
  return remote;
}

/** "write 'done' to standard output" prints; it writes no file (unless a file is named as well). */
/** The conditions the request puts on what it acts on, by the words that state them. */
function conditionsOf(facts: RequestFacts, lower: string): Intent['conditions'] {
  return {
    age: facts.durations.length > 0 || /\b(old|older|oldest|new|newer|newest|recent\w*|stale|modified|changed|edited|touched|updated|accessed|created|today|yesterday|since|ago|age|date|dated|last \w+|latest|fresh)\b/.test(lower),
    size: facts.sizes.length > 0 || /\b(big|bigger|biggest|large|larger|largest|huge|small|smaller|smallest|tiny|size|sized|heavy|heavier|bytes?|kb|mb|gb|space|weigh\w*)\b/.test(lower),
    // "empty the build folder" orders an emptying; "the empty folders" picks some.
    empty: /\b(empty(?! (?:the|out|my|our|this|that|these|those|it|them|all|everything|[\w./-]+\.\w+)\b)|blank|zero[- ](?:size|byte|length)|nothing in)\b/.test(lower) || statedEmptiness(lower) !== undefined,
    // "show the permissions of the files", "with their modes": what to show, not a condition.
    permission: facts.modes.length > 0 || /\b(perm\w*|(?:un)?execut\w*|runnable|(?:un)?writ\w*|(?:un)?readable|read-only|modes?|setuid|setgid|suid|sgid|sticky|chmod|[0-7]{3,4}|access\w*|world|rwx|private|public|secure)\b/.test(lower.replace(/\b(?:the|their|its)\s+(?:permissions?|perms|modes?)\b(?!\s+(?:is|are|set|of\s+[0-7]|[0-7=]))/g, '')),
    owner: facts.users.length > 0 || /\b(own\w*|users?|groups?|uid|gid|belong\w*|nobody|root|mine)\b/.test(lower),
  };
}

const savedToFile = /\b(?:print|list|write|output|send|redirect|save|store|dump|put|append)\w*\b[^.?]{0,80}?\b(?:into|to)\s+(?:the\s+|a\s+)?(?:(?:output|text|log)\s+)?(?:file\s+\S|file\s*["'`][^"'`]+|[\w./-]+\.(?:txt|log|out|csv|lst|list|md5|json|dat)\b)|\b(?:write|output|save|store|dump|redirect)\w*\b[^.?]{0,80}?\b(?:into|to)\s+["'`](?=[\w./~-]*[a-z])[\w./~-]{2,}["'`]\s*[.!]?$/;

/**
 * A request written as a description of what is done ("Recursively removes all
 * files like '*.pyc'", "Copies the logs to backup") orders what its first verb says.
 */
function baseForm(lower: string): string {
  // ... after its manner words: "Recursively and forcibly removes $TMP", "Silently, quickly copies …".
  const m = /^((?:(?!(?:daily|weekly|monthly|yearly|hourly|nightly|usually|sometimes|rarely|occasionally|regularly|periodically|early|only|never)\b)[a-z]+ly(?:\s*,\s*|\s+and\s+|\s+))*)([a-z]+?)(ies|es|s)\b/.exec(lower);
  if (!m || !/^(?:remov|delet|cop|mov|renam|chang|creat|compress|archiv|replac|kill|extract|eras|truncat|overwrit|download|install|modif|updat|append|prepend|sav|writ)/.test(m[2])) return lower;
  const rest = lower.slice(m[0].length);
  // "deletes are dangerous", "moves of files": a noun, not a description of what is done.
  if (/^\s*(?:[:;,.!?]|(?:are|is|was|were|can|could|should|would|may|might|will|of|in|by|made|done|applied|introduced|happen\w*|that|which)\b)/.test(rest)) return lower;
  for (const base of m[3] === 'ies' ? [`${m[2]}y`] : [m[2] + (m[3] === 'es' ? 'e' : ''), m[2] + (m[3] === 'es' ? 'es' : '')]) {
    if (base.length > 2 && verbs.some(([, re]) => re.test(base) && new RegExp(`^(?:${re.source})$`).test(base))) return `${m[1]}${base}${rest}`;
  }
  return lower;
}

// What a delete verb removes when it edits text rather than removing files.
const oneFile = /^\s+(?:(?:the|a|this|that|my|its|our)\s+)?(?:[\w-]+\s+)?(?:file|log|logfile)\b(?!s)|^\s+(?:the\s+)?(?:file\s+)?[\w./-]*\w\.[A-Za-z]\w{0,7}\b/;
// "discard my changes to notes.txt": edits undone, in the working tree.
const editsMade = /^\s+(?:(?:my|the|your|our|all|any|local|uncommitted|unstaged|staged|recent|pending)\s+){0,2}(?:changes|edits|modifications)\b/;
const partsOfMode = /^\s+(?:(?:the|all|its|their|any)\s+)?(?:(?:executable|exec|execute|execution|x|write|writ\w*|read|setuid|setgid|suid|sgid|sticky|group|world|other|others'?|public|user)\s+){1,2}(?:bits?|permissions?|perms|access|rights?)\b|^\s+(?:the\s+)?(?:everyone|everybody|others?|other users|the group|group|world|public|users?|owner)(?:'s|')?\s+(?:read|write|execute|exec)(?:\s+(?:bits?|permissions?|perms|access|rights?))?\s+(?:on|from|for|of|to)\b|^\s+(?:the\s+)?(?:permissions?|perms|bits?)\s+(?:to|for)\b/;
// "remove the leading directories from /srv/x.html", "strip the folders from the path": the folders
// named in a path, not folders on disk. "Delete the parent folder of build/out" is a folder on disk.
const partsOfPath = new RegExp([
  /^\s+(?:(?:the|all|its|any)\s+){0,2}(?:leading|containing|parent|enclosing)\s+(?:director(?:y|ies)|folders?|dirs?)\s+(?:from|off)\s+(?:the\s+)?\S*\//.source,
  /^\s+(?:(?:the|all|its|any)\s+){0,2}(?:director(?:y|ies)|folders?|dirs?)\s+off\s+(?:the\s+)?\S*\//.source,
  /^\s+(?:(?:the|all|its|any)\s+){0,2}leading\s+(?:directories|folders|dirs)\s+(?:of|in)\s+(?:the\s+)?\S*\//.source,
  /^\s+(?:(?:the|all|its|their|any)\s+){0,2}(?:(?:leading|containing|parent|enclosing)\s+)?(?:director(?:y|ies)|folders?|dirs?)\s+(?:from|off|of|in)\s+(?:the\s+|each\s+|every\s+)?(?:path|file ?name)s?\s+\S*\//.source,
  // "the directory part of X", "the folder names from X/…", "the path prefix from X/…", "the file name from the path X/…", "the last two components of the path $p".
  /^\s+(?:the\s+)?(?:directory|folder|dir)\s+(?:part|portion|prefix|component)\s+(?:of|from|off|in)\b/.source,
  /^\s+(?:the\s+)?(?:(?:directory|folder|dir)\s+(?:part|portion|prefix|component|names|path)|path\s+prefix|file ?name(?:\s+part)?|last\s+(?:part|component))\s+(?:\S+\s+)?(?:of|from|off|in)\s+(?:the\s+path\s+)?\S*\//.source,
  /^\s+(?:(?:the|its)\s+)?(?:[\w-]+\s+){0,2}(?:and\s+(?:the\s+)?[\w-]+\s+)?(?:parts?|components?|segments?|elements?)\s+(?:of|from|off|in)\s+(?:the\s+|a\s+)?(?:given\s+)?(?:path|pathname|file ?name)\b/.source,
].join('|'));
/**
 * "remove the leading directories from /srv/x.html", "get rid of the extension of
 * report.csv": what is asked for is what is left of a name; nothing on disk
 * changes (a rename says so with its own verb).
 */
function partOfAName(object: string, facts: RequestFacts): boolean {
  if (partsOfPath.test(object)) return true;
  const m = partsOfName.exec(object);
  // ... but "remove the .log extensions from logs/", "from the extensions folder": files in a folder, to rename or delete.
  const after = m ? object.slice(m[0].length) : '';
  return m !== null && !/^\s+(?:the\s+)?(?:(?:[\w.-]+\/)+[\w-]*(?=$|[\s,;])|[\w.-]+\s+(?:folder|directory|dir)\b|(?:folder|directory|dir)\b)/.test(after) && !facts.dirs.some((d) => new RegExp(`^\\s+(?:the\\s+)?${escapeRegExp(d.value.toLowerCase())}(?:\\s|$)`).test(after));
}
// ... and "the extension of X", "the .csv suffix from X": a noun followed by the name it is part of.
const partsOfName = /^\s+(?:(?:the|its|their|all|any|an?|last|final|first|one|two|three|both|\d+|alphanumeric|numeric|trailing|leading|double|compound|\.\w+)\s+){0,4}(?:file\s+)?(?:extensions?|suffix(?:es)?|ext)\s+(?:of|from|off|on)\b/;
// A word for part of a text that runs on into a name ("header.csv", "error.log", "lines-old.txt") is the file's name: deleting it deletes the file.
const partsOfText = /^\s+(?:(?:all|the|any|every|each|those|these|duplicate|duplicated|blank|empty|trailing|leading|and|or|both|my|shell|bash|command|in-memory|repeated|commented|first|last|read|write|execute|extra|stray|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|final|top|bottom|\d+(?:st|nd|rd|th)?)\s+){0,3}(lines?|permissions?|perms|access rights|rows?|words?|characters?|chars?|duplicates?|white ?spaces?|spaces?|tabs?|entries|columns?|fields?|comments?|header|blank lines|empty lines|newlines?|carriage returns?|occurrences?|text|strings?|prefix|suffix|errors?|warnings?|output|results?|(?:the )?\. entry|entry|messages?|history)\b(?![./-]\w)(?!\s+(?:[\w.-]+\s+)?(?:files?|folders?|director(?:y|ies)|scripts?|archives?|images?|documents?|backups?|logs?|photos?|pictures?|videos?|copies)\b)/;

// Verbs that are nouns as often ("the backup archive", "a zip", "the last commit"): orders only at the head of a clause.
const nounLike = /^(end|set|tag|mark|sign|start|test|post|record|log|dump|lock|list|link|split|format|switch|patch|signal|fix|send|build|export|store|put|save|write|run|archive|zip|tar|gzip|back ?up|copy|duplicate|clone|fetch|pull|push|merge|checkout|stash|commit|install|upgrade|update|reset|trash|drop|clear|touch|pack|bundle|sync|record|split|lock|unlock|protect|cp|mv|rm|ln)$/;

// A clause that asks a question orders nothing by its verbs ("which files would rm delete?").
const question = /^\s*(?:(?:um+|uh+|erm?|hmm+|so|ok(?:ay)?|well|hey|hi|oh|ah|quick question|question|just curious|out of curiosity)\b[,:!.]?\s+)*(which|what|who|whose|where|when|why|is|are|was|were|does|do|did|has|have|had|can(?! you\b)|could i|should i|may i|would|will|am i|how (?:does|did|is|are|was|were))\b/;
const askingForHow = /\b(how (do|can|should|would) (i|we|you)|how to|can you|could you|would you|will you|please)\s+(\w+\s+){0,2}$/;
// The verb is a word being talked about: "lines that say delete", "grep for rm", "the word kill".
const mentioned = /\b(say|says|said|saying|mention|mentions|mentioning|mentioned|contain|contains|containing|word|words|called|named|string|text|for|about|like|the|a|an|of|keyword|term)\s*["'`]?$/;

function isOrder(before: string, verb: string, after: string, wholeHead = before): boolean {
  if (/^\s+(?:(?:up|out|away|down)\s+)?(nothing|none of)\b/.test(after)) return false;
  // "the cron job used to wipe build", "my colleague wants to delete logs": what someone else does or did.
  if (/\b(?:used|tried|wants|wanted|plans|planned|likes|liked|intends|intended|was told|got told|is going|was going|keeps trying|threatens|threatened) to\s+(?:\w+\s+)?$/.test(before)) return false;
  // "my boss told me to compress the logs", "the readme says to delete tmp", an act put off ("… not yet though"), or asked about ("rm x - what would that do?").
  if (reportedOrPutOff(before, after)) return false;
  // "no need to delete the .bak files", "we shouldn't", "maybe later we compress docs", "how do I know which logs to purge": taken back, put off, or chosen for.
  if (declines(before, verb, after) || chosenFor(before)) return false;
  // "touch on app.log", "run down the deploy script": a phrase, not the program's act; "read and write permission": a mode.
  if (phrasal.some(([verbs, rest]) => verbs.test(verb) && rest.test(after)) || namesAMode(verb, after)) return false;
  // "build: nuke it", "backup status of data": a name or a noun before a label or another noun, not an order.
  if (/^\s*(?::|→|->|=>)/.test(after) || (/^(?:back ?up|build|test|log|dump|record|lock)$/.test(verb) && /^\s+(?:status|report|schedule|plan|policy|settings|overview|history)\b/.test(after))) return false;
  const clause = wholeHead.split(/[.?!;]\s|\b(?:and then|then|but)\b/).pop() ?? before; // from its start ("… which have not changed in 90 days and force delete them"), not where `before` was cut
  if (mentioned.test(before) && !/\b(and|then|please|to)\s*$/.test(before)) return false;
  if (question.test(clause) && !askingForHow.test(clause)) return false;
  // Part of a name ("backup.tmp", "clean-up.sh", "logs/archive"), not a verb.
  if (/^[\w./-]/.test(after) && /^[./_-]/.test(after) || /[\w./-]$/.test(before) && /[./_-]$/.test(before)) return false;
  // "end", "set", "tag", "add", "mark", "sign", "start", "test", "post" and friends are nouns as often as verbs.
  if (nounLike.test(verb) && (!imperativeAt(before) || namesAPlace(before, after))) return false;
  if (/^(sort|make|test)$/.test(verb) && /^\s*(of|by|order)\b/.test(after)) return false;
  // "names that end with p", "start with my": a description of a name.
  if (/^(end|start|begin)$/.test(verb) && /^\s*(with|in)\b/.test(after)) return false;
  // "… that are not executable and delete them": a negation before the joining word is not this verb's.
  if (stillAnOrder.test(before)) return !/\b(not|never|don'?t|do not|without)\s+(?:(?!and\b|then\b|but\b)\w+\s+){0,2}$/.test(before);
  return !notAnOrder.test(before);
}

/** The verb begins the request or a clause. */
function imperativeAt(before: string): boolean {
  return /(^|[.;,:!?]|\b(and|then|please|now|just|also|you|me|to|let'?s|i want to|i need to))\s*(?:(?:afterwards|after that|then|also|just|now|(?!(?:daily|weekly|monthly|yearly|hourly|nightly|usually|sometimes|rarely|occasionally|regularly|periodically|early|never)\b)[a-z]{2,}ly)\s+)*$/.test(before);
}

// "without a suffix", "with no owner": a trait some files lack, which picks those files.
const lacksATrait = new RegExp(String.raw`\b(?:with no|having no|lacking|without)\s+(?:an?\s+|any\s+)?(?:file\s+)?${fileTraits}\b`);
// ... and "without a suffix in build": that trait, then where the files are.
const traitThenPlace = new RegExp(String.raw`^without\s+(?:an?\s+|any\s+)?(?:file\s+|name\s+)?${fileTraits}\s+(?:in|under|inside|within|from)\s+(?:the\s+)?(?:(?:folder|directory|dir)\s+)?$`);

/** Folders the request names, existing or written as paths. */
function scopeOf(facts: RequestFacts): string[] {
  const named = new Set<string>();
  const destinations = facts.targets.map((t) => t.at);
  for (const d of facts.dirs) {
    const before = facts.lower.slice(Math.max(0, d.at - 50), d.at);
    // ... but "every file without a suffix in build": a condition on the files, then where they are.
    const leftOut = /(?:\b(except|excluding|exclude|but not|other than|without|ignore|ignoring|skip|skipping|omit|omitting|leaving out|not in|outside(?: of)?|apart from|besides|unless|prune|pruning)|n't in)\b[^,;]{0,70}$/.exec(before);
    // ... and "with foo/bar in their names": a part of a name, not a place.
    if (/^\S*\s+in\s+(?:their|its|the)\s+(?:file\s*|path\s*)?names?\b/.test(facts.lower.slice(d.at))) continue;
    if (leftOut && !(leftOut[1] === 'without' && traitThenPlace.test(before.slice(leftOut.index)))) continue;
    // "run ./fixmbox on them": the program run, not a place to look in.
    if (/\b(?:run|runs|running|invok\w+|execut(?:e|es|ing)|call(?:s|ing)?)\s+(?:the\s+)?(?:(?:shell\s+)?(?:script|program|command|tool|binary|executable)\s+)?$/.test(before)) continue;
    if (destinations.includes(d.at) || /\b(to|into|onto|in to)\s+(the\s+)?((?:folder|directory|dir)\s+)?$/.test(facts.lower.slice(Math.max(0, d.at - 22), d.at))) continue;
    // "the $TMP folder": where a variable points is known only when the command runs, so no check can hold a plan to it.
    if (d.value.startsWith('$')) continue;
    const v = d.value.replace(/^\.\//, '').replace(/\/+$/, '');
    // "regular/normal files", "files/directories": kinds written with a slash, not a folder.
    if (/^(?:regular|normal|files?|directories|folders|dirs)\/\w+$/i.test(v)) continue;
    if (v === '' || v === '.' || v === '~' || v.startsWith('/') || v.startsWith('~')) continue;
    named.add(v);
  }
  return [...named];
}

// Words that say which permissions: "executable", "read-only", "write access for the group", "private".
const modeWords = /\b(execut\w*|runnable|readable|accessib\w*|anybody|anyone|all users|nobody else|writ\w*|read[- ]only|read(?: access| permission| bit)|private|public|secure|world|everyone|everybody|others|group|owner only|only (?:me|the owner)|sticky|setuid|setgid|suid|sgid|rwx|same (?:permissions|mode) as)\b/;

/** "the big files", "old .log files", "large ones": a size or an age that picks some of many things (not "the oldest", not "the old backup folder", never a word of a name: "*.old files"). */
function selectiveWords(lower: string): Intent['selective'] {
  const pick = (words: string) => new RegExp(`(?<![.*/~-])\\b(${words})\\s+(?:[\\w.*-]+\\s+){0,2}?(?:ones|[a-z]+s)\\b`).exec(lower)?.[1];
  return { age: pick('old|stale|ancient|outdated'), size: pick('big|large|huge|giant|massive|heavy|small|tiny') };
}

/**
 * "delete everything", "remove the files in build", "clean the build folder":
 * the act is on everything in the place named. "wipe the logs", "remove the
 * leftovers in build", "delete them" name some things only.
 */
function asksForEverything(lower: string, kept: KeptOut[], cue: string | undefined, scope: string[]): boolean {
  const at = cue === undefined ? -1 : lower.indexOf(cue);
  // The words the verb acts on, up to where they are ("in build", "here") or the end of the clause.
  const object = at < 0 ? '' : lower.slice(at + (cue ?? '').length).split(/\s(?:in|under|inside|from|of|within|at|on|into|to|here|there|and|then|that|which|except|but)\b|[,.;!?]/)[0].trim();
  const short = object !== '' && object.split(/\s+/).length <= 6;
  // "delete the build folder", "remove the folder called build": the folder named is what goes.
  if (short && scope.some((s) => new RegExp(`(?:^|\\s|/)${escapeRegExp(s.split('/').pop()!)}(?:\\s|/|$)`).test(object))) return true;
  if (at >= 0 && folderMeantBy(object, lower.slice(0, at), scope)) return true;
  // "not everything", "except x.tmp", "that aren't in git", "bigger than notes.txt": some of it only.
  if (/\b(?:not (?:everything|all)|except|excluding|but not|but(?= (?:the |for )?(?:\d+|one|two|three|four|five|ten|last|first|newest|oldest|latest|most|biggest|largest|smallest|\w+\.\w+)\b)|other than|apart from|save for|keep|keeping|preserve|preserving|minus|leave|leaving|spare|sparing|(?<!without )exception|that|which|whose|older|newer|bigger|larger|smaller|containing|matching|ending|starting|unless|if)\b/.test(lower) || lacksATrait.test(lower) || kept.length > 0) return false;
  // ... "all the regular/normal files" as well: a kind of every file.
  if (/\b(everything|every (?:single )?(?:(?:regular|normal|plain|ordinary)(?:\/\w+)? )?file|all (?:the )?(?:(?:regular|normal|plain|ordinary)(?:\/\w+)? )?(?:files|contents?)|all (?:of )?(?:it|its contents)|the whole|entire|(?:everything|all) (?:in|inside|under))\b/.test(lower)) return true;
  return short && /^(?:(?:all|the|every|any|its|their|this|these|those|of|regular|normal|plain|ordinary|regular\/normal|normal\/regular)\s+)*(?:files?|stuff|contents?|things|everything)$/.test(object);
}

/** A name as the request spells it ("except README.md"), since `-name` tells README.md from readme.md. */
function spelledAsSaid(facts: RequestFacts, name: string): string {
  const at = facts.lower.length === facts.text.length ? facts.lower.indexOf(name) : -1;
  return at < 0 ? name : facts.text.slice(at, at + name.length);
}

/** "except x.tmp", "but not the app.log", "keeping notes.txt and todo.md": names a plan must leave out. */
function exceptionsOf(lower: string): string[] {
  const out: string[] = [];
  for (const m of lower.matchAll(/\b(?:except(?: for)?|excluding|but not|other than|apart from|save for|keep|keeping|preserve|preserving|with the exception of|minus|leave|leaving|spare|sparing)\s+((?:(?:the|my|file|folder|directory|and|,)\s*)*[\w.*/-]+(?:\s*(?:,|and)\s*[\w.*/-]+)*)/g)) {
    for (const w of m[1].split(/\s*(?:,|\band\b)\s*|\s+/)) {
      // Names only: a word with a dot, a slash or a star ("x.tmp", "logs/", "*.md").
      if (/[./*]/.test(w) && !/^\.+$/.test(w)) out.push(w.replace(/\/+$/, ''));
    }
  }
  return [...new Set(out)];
}
