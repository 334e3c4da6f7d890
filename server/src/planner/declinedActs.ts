// Acts a request names without ordering them now. "There's no need to delete
// the .bak files", "no point trying to compress the logs": a wish taken back.
// "How do I know which logs to purge?", "how would I find the files in backup
// to remove": a choice asked about, whose act is what the things are for.
// "Maybe later we compress docs", "delete that later maybe": a plan for
// another time. Read as orders they deleted and packed real files, so the
// verb is no order (intent.ts), and a request whose every act is declined
// and that asks to see nothing orders nothing at all: it is planned with no
// command, a model's plan included.

// Words between the negation and the wish, and between the wish and its verb: never across a clause.
const word = String.raw`(?!(?:and|then|but|or|so|just)\b)[\w']+\s+`;
// ... and words that may be names ("the .bak files in backup/old").
const nameWord = String.raw`(?!(?:and|then|but|or|so|just)\b)[\w.'/*-]+\s+`;

// "no need to", "there's no reason to", "you don't have to", "no point (in) trying to", "don't bother (to)", "it isn't necessary to".
const wishTakenBack = new RegExp(
  String.raw`\b(?:no|not|never|don't|do not|doesn't|does not|didn't|did not|won't|will not|wouldn't|would not|shouldn't|should not|needn't|need not|mustn't|must not|isn't|is not|ain't|hardly|nobody|no one)\s+(?:${word}){0,2}?` +
    String.raw`(?:need(?:s|ed)?|point|reason|use|sense|call|want(?:s|ed)?|wish|bother|have|has|got|necessary|needed|required|worth(?:while)?|important|ought|care|mean|plan(?:ning)?|intend(?:ing)?|supposed|expected)\s+` +
    String.raw`(?:(?:${word}){0,3}?to\s+|(?:(?:in|on)\s+)?(?:trying|attempting|bothering)\s+to\s+)?$`,
);
// ... "don't bother", said without "to".
const botherAlone = /\b(?:no|not|never|don't|do not|needn't)\s+bother(?:ing)?\s+(?:with\s+)?$/;

// "which logs to purge", "what to delete", "whether to remove notes.txt": a choice among things, and the act they are chosen for.
const choiceAsked = new RegExp(String.raw`\b(?:which|what|whether)\s+(?:${nameWord}){0,5}?to\s+$`);
// "find the files in backup to remove", "pick the logs to delete": the things looked for, and what they are for.
const lookedForToAct = new RegExp(String.raw`\b(?:find|list|show|pick|choose|select|identify|spot|see|know|tell|decide|figure out|work out|determine)\s+(?:me\s+)?(?:the|some|any|all(?: the)?|those|these)\s+(?:${nameWord}){0,5}?to\s+$`);

// "maybe later we compress docs", "perhaps we chmod main.ts", "someday I wipe out": a thought, not an order.
const musing = /\b(?:maybe|perhaps|possibly|someday|some day|one day|eventually)\s+(?:(?:later|tomorrow|soon|then|next time),?\s+)?(?:we|i|you|they|someone|somebody)\s+(?:\w+\s+){0,2}?$/;
// "delete that later maybe", "compress docs at some point", "chmod main.ts tomorrow": an act put off to another time.
const forLater = /^(?:[^.;!?]|[.](?=\S))*?(?:\s|,\s*)(?:(?:maybe|perhaps|probably)\s+)?(?:later(?:\s+on|\s+today|\s+tonight)?|someday|some day|one day|eventually|at some point|sometime|some time|tomorrow|next (?:week|month|time|year))(?:,?\s*(?:maybe|perhaps|probably|i guess|i think|though|then|or so))?\s*(?:[.;!?]|$)/;

/** The verb after `before` is the act things are chosen for in a question: no order. */
export function chosenFor(before: string): boolean {
  return choiceAsked.test(before) || lookedForToAct.test(before);
}

// A plain negation before the verb: "do not delete", "please don't remove", "never wipe", "I'd rather not".
const negated = /(?:\b(?:not|never|no)|n't)\s+(?:(?!(?:and|then|but|or)\b)\w+\s+){0,1}$/;
// "I might rename notes.txt", "tomorrow we will delete the logs": what someone may do one day.
const mayDoOneDay = /\b(?:i|we)\s+(?:might|may|will|'ll|shall|am going to|'m going to|are going to|'re going to|gonna)\s+(?:\w+\s+){0,1}$/;
// "stop removing docs", "quit chmodding notes.txt": an act to leave off, not a process to stop.
const leaveOff = /^\s+(?:remov|delet|wip|purg|eras|compress|zipp|chmodd|chown|mov|copy|renam|chang|edit|touch|writ|modify|overwrit|trash|clean)\w*ing\b/;

// "hold off on the git clean", "put off the chmod", "never mind the delete", "wait with the rename": the act named as a thing, put off or dropped.
const heldOff = /\b(?:hold(?:ing)?\s+off(?:\s+on)?|put(?:ting)?\s+off|postpone|wait(?:ing)?\s+(?:on|with)|hang\s+on\s+with|forget(?:\s+about)?|never\s?mind|cancel|call\s+off|scrap)\s+(?:(?:the|that|this|any|a|an|my|our|your|git|big|whole)\s+){0,3}$/;

// "cancel: move notes.txt to old", "never mind — delete the backup folder", "not now: gzip app.log", "TODO: delete logs",
// "task for next sprint: rm logs": a label held over the act that follows it.
const heldByLabel = /(?:^|[\s,;.!(])(?:cancel(?:led)?|abort(?:ed)?|never\s?mind|hold(?:ing)?\s+off|not\s+(?:now|yet|today)|maybe\s+later|later|don't|do\s+not|scratch\s+that|forget\s+(?:it|that|this)|skip(?:\s+(?:it|this|that))?|ignore\s+(?:this|that)|on\s+hold|note\s+to\s+self|to-?do|fixme|reminder|backlog|someday|eventually|for\s+later|(?:task|item|idea)s?\s+for\s+(?:later|tomorrow|next\s+\w+|another\s+day)|next\s+(?:sprint|week|month|release))\s*(?::|—|–|\s-{1,2})\s*(?:(?:please|pls|just|then|so|ok(?:ay)?),?\s+){0,2}$/;
// "remind me later to rm -rf logs", "remind us on Friday to delete todo.txt": a reminder asked for, not the act.
const reminder = /\bremind\s+(?:me|us|him|her|them)\s+(?:[\w']+\s+){0,3}?to\s+$/;
// "… delete the backup folder but never mind", "… — forget it", "… -- no wait, don't right now": the act taken back after it is said.
const takenBackAfter = /(?:,|;|—|–|\s-{1,2}|\.{2,}|[.!?]\s|\bbut\b|\bactually\b)\s*(?:(?:actually|oh|no|nah|wait|hmm|well|on second thought|ah),?\s+)*(?:never\s?mind(?:\s+(?:that|it|then))?|forget\s+(?:it|that|about\s+(?:it|that))|cancel\s+(?:that|it)|scratch\s+that|not\s+now|not\s+yet|don't(?:\s+do\s+(?:it|that))?(?:\s+(?:right\s+)?now|\s+yet)?|do\s+not(?:\s+(?:right\s+)?now|\s+yet)?|maybe\s+later|later)\s*(?:[.!,]|\s+(?:please|pls|thanks|thank\s+you|ty|asap|for\s+now|right\s+now|then|:\)))*\s*(?::\)|[.!]+)?\s*$/;

/** "stop removing docs": the verb "stop" before an act leaves that act off. */
export function leavesOff(verb: string, after: string): boolean {
  return /^(?:stop|quit|end|halt|pause)$/.test(verb) && leaveOff.test(after);
}

/** The verb is declined rather than asked about: taken back, negated, held under a label, left to a reminder, left off, mused about or put off. */
export function declines(before: string, verb: string, after: string): boolean {
  return wishTakenBack.test(before) || botherAlone.test(before) || negated.test(before) || heldOff.test(before) || heldByLabel.test(before) || reminder.test(before) || mayDoOneDay.test(before) || leavesOff(verb, after) || musing.test(before) || forLater.test(after) || takenBackAfter.test(after);
}

// What asks to see something: a verb to look, a question, a preview.
const toSee = /\?|\b(?:list|show|display|print|find|search|look|locate|count|check|compare|diff|tell|see|view|preview|dry[- ]?run|simulate|open|read|grep|cat|ls|du|measure|report|explain|describe|summari[sz]e|calculate|get|give|which|what|where|who|when|why|how|whether|is there|are there|size of|number of|contents of)\b/;

/** The request asks to be shown something, whatever acts it declines. */
export function asksToSee(lower: string): boolean {
  return toSee.test(lower);
}

// Words that name nothing to act on: fillers, assent, pronouns with nothing before them.
const emptyWords = /\b(?:sure|ok(?:ay)?|yes|yeah|yep|so|then|um+|uh+|hmm+|well|now|just|please|go ahead and|go ahead|it|that|this|them|those|these|all of them|again)\b/g;

/** "rm", "delete?", "sure, delete them": an act with nothing named to act on. */
export function nothingNamed(lower: string, verbs: string[]): boolean {
  let rest = lower;
  for (const v of verbs) rest = rest.replace(v, ' ');
  return !/\w/.test(rest.replace(emptyWords, ' '));
}
