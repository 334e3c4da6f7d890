// "create a summary of a.txt and b.txt", "put a.txt and b.txt side by side",
// "copy the first line of notes.txt to the screen", "write out the contents of
// x.log": things made to be read, not files. The verbs that make them (create,
// generate, put, copy, write) are verbs of writing elsewhere; here nothing is
// kept, so they are read as "show" unless the request says where the result is
// kept (saved, stored, into a file, to a name with an extension).

const SCREEN = String.raw`(?:standard output|stdout|screen|terminal|console)`;
/** Output sent to the screen: "to standard output", "on the console". */
export const TO_SCREEN = String.raw`\b(?:to|on|onto) (?:the )?${SCREEN}\b`;
/** The verbs that unpack what a compressed file holds. */
export const DECOMPRESS = 'decompress|uncompress|unzip|gunzip|unpack|inflate|extract';
const PRINT = 'write|output|send|put|copy|dump|cat|pipe';
const printVerb = new RegExp(`^(?:${PRINT})$`);

/** "copy a.txt to the screen", "put the contents of x on screen": output sent to the screen prints; a file named as well is still written. */
export function toScreen(lower: string): string {
  const screen = new RegExp(TO_SCREEN);
  // ... and "to standard output and "x.log"" writes x.log too.
  if (!screen.test(lower) || new RegExp(String.raw`\b${SCREEN}\b.{0,30}\b(?:and|also|as well as)\b.{0,30}\b(?:to|into|in)\b|\b${SCREEN}\s+(?:and|as well as)\s+(?:the\s+)?(?:file\s+)?["'\x60]?[\w.$/~{}-]*[\w}]\b`).test(lower)) return lower;
  // ... and "decompress logs.gz to standard output" prints what the archive holds: `zcat`, never a file unpacked.
  return lower.replace(new RegExp(String.raw`\b(?:${PRINT}|${DECOMPRESS})\b(?=.{0,80}${TO_SCREEN})`, 'g'), (verb) => (printVerb.test(verb) ? 'print' : 'print the decompressed contents of'));
}

// What is made to be read: a summary, an overview, a list or a count "of" something.
const madeToRead = /\b(?:create|make|generate|produce|build|write|prepare|compile|draw up|put together)\s+(?:me\s+|us\s+)?(?:(?:a|an|the|some)\s+)?(?:(?:quick|short|brief|simple|small|full|complete|side[- ]by[- ]side|word|line|size|character|byte)\s+){0,2}(?:summary|summaries|overview|list|listing|table|report|count|tally|breakdown|rundown|digest|diff|comparison|printout)\s+of\b/g;
// Set beside each other on the screen: "put a.txt and b.txt side by side".
const setSideBySide = /\bput\b(?=[^;?!\n]{1,120}?\b(?:side[- ]by[- ]side|next to each other|beside each other)\b)/g;
// "write out the contents of x": printed, when nothing follows that names a place.
const writtenOut = /\bwrite\s+out\b(?![^;?!\n]*\b(?:to|into|in|(?<!\bwell\s)as)\s+(?:(?:a|the|new)\s+)*(?:file\b|["'\x60]?[\w./-]+\.[a-z]\w{0,7}\b))/g;
// Words that keep the result: "save", "store", "into a file", "to list.txt", "as all.md", "called x.md".
const kept = /\b(?:save|saved|saving|store|stored|keep|kept|record|log it|write (?:it|them) (?:to|into)|file (?:called|named))\b|\b(?:in|into|to|onto|as|called|named)\s+(?:(?:a|the|new|one|single)\s+)+(?:(?:text|output)\s+)?file\b|\b(?:into|to|onto|(?<!\bwell\s)as|called|named)\s+(?:(?:a|the|new|one|single)\s+)*(?:(?:text|output)\s+)?(?:file\b|["'\x60]?[\w./-]+\.[a-z]\w{0,7}\b)/;

/** The request with the verbs that make something to be read said as "show", when it keeps nothing. */
export function shownNotKept(lower: string): string {
  if (kept.test(lower)) return lower;
  return lower.replace(madeToRead, (m) => m.replace(/^(?:create|make|generate|produce|build|write|prepare|compile|draw up|put together)/, 'show')).replace(setSideBySide, 'show').replace(writtenOut, 'show');
}
