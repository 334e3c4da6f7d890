// "extract" orders two different acts. Said of an archive ("extract
// backup.tar", "extract the archive into out/") it unpacks files; said of
// parts of a text ("extract two semicolon-separated fields from …", "extract,
// sort and print the group names from /etc/group", "extract 20 lines from
// line 300 of app.log") it takes them out to read, and writes nothing, as cut,
// grep -o or sed -n do. Read as unpacking, such a request had every plan that
// reads rejected ("it changes nothing, but the request asks to extract") and
// abstained. Parts of a text taken "into part.log" are written there: that is
// a save, never an unpacking.

// Verbs said with extract before its object: "extract, sort and print the names".
const joinedVerbs = String.raw`(?:\s*,?\s*(?:and\s+)?(?:sort|print|show|display|count|number|list|output)\b)*`;
const determiners = String.raw`(?:(?:the|all|only|any|every|each|two|three|four|\d+|first|last|unique|distinct|[\w-]+-(?:separated|delimited))\s+){0,4}`;
// Up to two words that say whose parts ("the group names", "the erlang release number"), never files of an archive ("all files whose names …").
const qualifiers = String.raw`(?:(?!(?:files?|folders?|director(?:y|ies)|archives?|members?|contents?|whose|that|which|from|in|of|into|to)\b)[\w-]+\s+){0,2}`;
const parts = String.raw`(?:fields?|columns?|characters?|chars?|words?|substrings?|lines?|rows?|names|values?|numbers?|urls?|e-?mails?|(?:e-?mail |ip |mac )?addresses|bytes?|digits?|strings?)\b(?![./-]\w)`;
const textParts = new RegExp(String.raw`^${joinedVerbs}\s+${determiners}${qualifiers}${parts}`);
// "… into part.log", "… to a file named col2.txt": a named file (with an extension or a folder) the parts go to.
const destination = /^(?:[^.;]|\.(?=\S))*?\b(?:into|to|in)\s+(?:(?:a|the|new)\s+)?(?:file\s+(?:named\s+|called\s+)?)?["'`]?(?:[\w~.-]*\/[\w./~-]*|[\w~-][\w.~-]*\.\w+)["'`]?(?:\s|[,;.]?$)/;

/** How "extract" followed by these words reads: 'look' for parts of a text taken out to read, 'write' when they go into a named file, undefined for an unpacking. */
export function extractedText(after: string): 'look' | 'write' | undefined {
  if (!textParts.test(after)) return undefined;
  return destination.test(after) ? 'write' : 'look';
}

/** The words with each "extract" that takes parts of a text left out: what unpacks an archive (and may replace files) is read from the rest. */
export function withoutTextExtraction(lower: string): string {
  return lower.replace(/\bextract\b(?=([\s\S]*))/g, (verb, after: string) => (extractedText(after) ? '' : verb));
}
