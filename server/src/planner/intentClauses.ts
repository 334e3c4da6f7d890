// Which clause of a request an act verb stands in. A request's order is the
// verb it opens with and the verbs of clauses joined to it ("find the big
// files and delete them"). An act named inside the object orders nothing:
// in a relative clause ("the scripts that need chmod +x", "everything that
// make clean would wipe"), a purpose clause ("files with spaces to rename",
// "logs I plan to delete") or as the subject of a modal ("what git clean
// would remove"). intent.ts reads the verbs; this file says which of them
// are orders.

import { escapeRegExp } from './corpus';
import { courtesyGap, courtesyWords } from './requestCourtesy';
import type { RequestFacts } from './requestFacts';

// Words of courtesy (requestCourtesy.ts) or of sequence before the first verb.
const courtesy = `(?:(?:${courtesyWords}|first|try to)${courtesyGap})*`;

// A request that opens by asking to look: list, show, count, find, ask which or how many.
const lookHeadPattern = new RegExp(
  `^\\s*${courtesy}(?:(?:i (?:want|need|would like|'?d like) to know|i wonder|i'?m wondering|let me know|do you know|can you tell me)\\b|list|show|count|find|locate|print|display|search|grep|look|check(?! out)|tell|report|enumerate|identify|preview|view|see|give me|get me|fetch me|what|which|who|where|how many|how much|is there|are there|do i have|do we have)\\b`,
);

/** The request opens with a verb to look (or a question), so its acts must be joined to it to be orders. */
export function opensToLook(lower: string): boolean {
  return lookHeadPattern.test(lower);
}

// Adverbs and small words that may stand between a joining word and its verb.
const between = '(?:(?:then|also|finally|just|please|immediately|recursively|force|forcibly|forcefully|quietly|silently|permanently|interactively|safely|afterwards|after that|go ahead and|and|now|for (?:each|every|all)(?: \\w+)?(?: of them| one| found| matched| match(?:ing)?)?,?|in (?:each|every|all) (?:of )?(?:them|\\w+),?)\\s+)*';
// A verb joined to the opening one: "…, delete them", "… and then move", "… && rm", "… | xargs rm".
const joined = new RegExp(
  `(?:,|;|:|\\.|\\band\\b|\\bthen\\b|\\balso\\b|\\bplus\\b|\\bafter that\\b|\\bafterwards\\b|&&?|\\|)\\s*${between}` +
    // …or reached through a tool or a how-to: "and use rm to", "and pipe them to", "show me how to".
    `(?:(?:use|run|call|pass (?:them|it|the \\w+) to|pipe (?:them|it|the \\w+) (?:to|into|through)|feed (?:them|it) to)\\s+(?:\\S+\\s+){0,3}?(?:to\\s+)?` +
    // …or with a question first: "and ask the user to confirm to delete each one".
    `|ask(?:ing)?\\s+(?:the user\\s+|me\\s+|first\\s+)?(?:for (?:permission|confirmation)\\s+|to confirm\\s+)?(?:to\\s+|before\\s+)?)?$` +
    `|\\bhow (?:to|do (?:i|we)|can (?:i|we)|would (?:i|you))\\s+$|^\\s*$`,
);

/** An act verb after `before` stands at the head of a clause joined to the request's order. */
export function joinedToOrder(before: string): boolean {
  return joined.test(before);
}

// "… that need chmod +x", "… needing git clean", "… in need of": what the things need, not an order.
const neededBy = /\b(?:(?:that|which|who)\s+(?:still\s+|really\s+|might\s+|may\s+)?(?:needs?|requires?|deserves?|wants?)|needing|requiring|in need of|worth|eligible for|ready for|due for|waiting for|candidates? for|up for)\s+(?:an?\s+|the\s+|some\s+|to be\s+)?$/;

/** The verb names what something needs ("files that need chmod 600"), not what to do. */
export function namesANeed(before: string): boolean {
  return neededBy.test(before);
}

// "git clean would remove", "chmod 644 would change", "make clean removes": a program as the subject.
const subjectOfModal = /^(?:\s+(?!(?:that|which|what|who|them|it|all|every|the|files?|everything|my|our|your|his|her|their|its|local|uncommitted|unstaged|staged|recent|pending)\b)[\w+\-./]+){0,2}\s+(?:would|could|will|might|should|may|can|must|removes|deletes|wipes|touches|changes|moves)\b/;

/** The verb is a program or act named as the subject of what it would do ("what chown -R would touch"). */
export function namedAsSubject(after: string): boolean {
  return subjectOfModal.test(after);
}

// "my boss told me to", "the readme says to", "she asked us to": an instruction someone else gave, reported.
const reportedInstruction = /\b(?:(?:told|tells?|asked|asks|instructed|ordered|reminded|advised|wants|wanted|expects|expected|needs|needed|would like|'d like) (?:me|us|him|her|them) to|(?:says?|said|suggests?|suggested|recommends?|recommended|insists?|insisted|tells? you|told you) (?:to|(?:that )?(?:i|we) (?:should|must|need to|have to)))\s+(?:\w+\s+)?$/;
// What follows the act puts it off: "… some csv files. not yet though", "…, but not now", "…. first, show me them".
const putOff = /^(?:[^.?!;]|[.?!;](?!\s|$)){0,100}?(?:(?:[.?!;,](?=\s|$)|\s[-—–]+)\s*(?:(?:but|though|well|ok(?:ay)?|so|and|just)\s*,?\s*)*(?:not (?:yet|now|right now|just yet)\b|(?:but )?first,?\s+(?:show|list|tell|let me see|print|display|count|check|find)\b|(?:but )?before (?:that|doing (?:that|it|so)|i do),?\s+(?:show|list|tell|let me see|print|display|count|check|find)\b|hold off\b)|\s(?:(?:but|though)\s+)?not (?:yet|now|right now|just yet)\b(?!\s+(?:in|on|by|from|under|into|been|\w+ed)\b))/;
// What follows the act asks what it would do: "rm tmp/a.tmp - what would that do?", "delete build, is that safe?".
const askedAbout = /^[^?]{0,120}?(?:\s[-—–:]+\s*|[,;:.]\s*|\s)(?:what (?:would|will|does|did|might|could) (?:that|this|it) (?:do|change|delete|remove|touch|affect|break|hit)\b|what (?:happens|would happen)\b|(?:would|will|does|could|might) (?:that|this|it) (?:\w+ )?(?:break|hurt|affect|touch|remove|delete|lose|be safe)\b|is (?:that|this|it) (?:safe|ok|okay|dangerous|risky|wise|a good idea|reversible)\b)/;

// What follows takes the act back: "… but don't do it", "…, don't run it", "(just kidding)", "… or not?", "… or keep it?", "delete it? nah, …".
const takenBack = /\b(?:(?:don'?t|do not|never) (?:actually )?(?:do|run|execute|perform|apply) (?:it|that|this|them|anything)|without (?:actually )?(?:doing|running|executing|applying) (?:it|that|this|them|anything)|(?:just |only )?kidding|jk)\b|^\s+(?:\S+\s+){0,3}?or not\b|^(?:[^.?!]|\.(?!\s|$)){0,80}\bor (?:keep|leave|not|skip|wait|ignore|hold)\b[^?!]*\?|^(?:[^.?!]|\.(?!\s|$)){0,60}\?\s*(?:nah|no|nope|never ?mind|not (?:now|yet|really)|on second thought|actually,? no|forget (?:it|that)|scratch that)\b/;

// "Delete button not working", "the rename dialog keeps crashing": the verb names a part of a program that is talked about.
const partTalkedAbout = /^\s+(?:button|menu|icon|dialog|endpoint|route|handler|step|feature|operation|hook|event|shortcut|modal|page|screen|confirmation|prompt|option|action|link|form|api|command|function|key)s?\s+(?:is|isn'?t|are|aren'?t|not|does not|doesn'?t|won'?t|keeps|fails?|failed|broke|broken|stopped|shows?|appears?|crash\w*|throws|gives|returns|hangs)\b/;

// "does this delete everything? rm -r tmp/*", "is the following right: rm x": a command given after a question about it.
const givenToBeJudged = /\b(?:this|these|the following|(?:the|this|that|my) command|this line|this one)\b[^.!?:]*\?\s*$|(?:^|[.!?]\s+)(?:is|are|does|would|will|what|which|why|check|review|explain|verify|critique)\b[^.!?:]*\b(?:this|these|following|command|line)\b[^.!?:]*:\s*$/;

/** The act is someone else's reported instruction, put off or taken back by what follows, asked about rather than ordered, or a purpose ("to delete or not …"). */
export function reportedOrPutOff(before: string, after: string): boolean {
  return reportedInstruction.test(before) || givenToBeJudged.test(before) || /^\s*to\s+$/.test(before) || putOff.test(after) || askedAbout.test(after) || takenBack.test(after) || partTalkedAbout.test(after);
}

/** "I don't need the build folder any more, get rid of it": "it" is the folder the request named as a thing, not a place things are in. */
export function folderMeantBy(object: string, before: string, scope: string[]): boolean {
  if (!/^(?:it|that|this one)$/.test(object) || scope.length !== 1 || /\b(?:files?|entries|contents?|everything|anything)\b/.test(before)) return false;
  const name = escapeRegExp(scope[0].split('/').pop() ?? '');
  return new RegExp(`(?<!\\b(?:in|under|inside|from|of|within|into|at|to|through)\\s)\\b(?:the|my|that|this|our)\\s+${name}\\s+(?:folder|directory|dir)\\b`).test(before);
}

const wordOfPlace = /\b(?:in|inside|within|under|of|from|at|into|on|named|called)\s+(?:the\s+|my\s+|our\s+)?(?:(?:folder|directory|dir|file)\s+)?$/;

/** "what's in purge", "list the files in trash", "lst files in remove": after a word of place, a verb that names a folder or file of the workspace is that name. */
export function placeNamed(before: string, verb: string, after: string, ws: RequestFacts['ws']): boolean {
  if (!wordOfPlace.test(before) || /^[\w-]/.test(after)) return false;
  const name = `${verb}${/^\.\w+/.exec(after)?.[0] ?? ''}`;
  return ws.dirs.has(name) || ws.byBase.has(name) || (ws.byStem?.has(verb) ?? false);
}

// "read and write permission", "read, write and execute permissions", "write access for the group", "the write bit": a kind of permission, named to pick files or to grant.
const modeNoun = /^(?:(?:\s*,\s*|\s*\/\s*|\s+(?:and|or|&)\s+)(?:read|write|execute|exec)){0,2}\s+(?:permissions?|perms|access|rights?|bits?|privileges?)(?![\w./-])(?!\s+(?:denied|errors?|logs?)\b)/;

/** "write" that names a permission ("files with read and write permission") orders no write. */
export function namesAMode(verb: string, after: string): boolean {
  return /^(?:write|read|execute|exec)$/.test(verb) && modeNoun.test(after);
}

// "move notes.txt to archive", "put app.log in backup", "copy it into the archive folder": a word after
// a place word, ending its clause, names the place; "I want to archive it", "how to back up" still order.
const placeWord = /\b(?:to|into|onto|in|inside|under|within)\s+(?:the\s+|my\s+|our\s+)?$/;
const toDoSomething = /\b(?:want|wants|wanted|need|needs|how|going|have|has|had|like|able|ready|time|remember|forget|forgot|try|tried|trying|used|way|order|plan|planning|asked|told|please|me|us|you|i|we)\s+to\s+$/;
const endsClause = /^\s*(?:$|[.;,!?]|(?:folder|director(?:y|ies)|dir)s?\b)/;

/** A word that is a verb as often as a noun ("archive", "backup") names a place when it follows "to"/"into"/"in" and ends its clause. */
export function namesAPlace(before: string, after: string): boolean {
  return placeWord.test(before) && !toDoSomething.test(before) && endsClause.test(after);
}
