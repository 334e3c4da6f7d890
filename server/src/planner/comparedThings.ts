// Two things compared: "which files differ in "a" and "b"", "compare
// "$old" and "$new" line by line", "the lines of "x.txt" that are not in
// "y.txt"", "the equal lines in "f1" and "f2"". The names compared are
// places even when the workspace does not have them (they are written as
// names, in quotes or as variables), and the words say which comparison:
// the lines two files share or one of them lacks are `comm`'s, the files two
// folders share or one of them lacks `comm` over their listings, anything
// else `diff`'s (recursive for folders).

import type { Fact, Reading, RequestFacts } from './requestFacts';
import type { ShapedEntry } from './requestShapes';

const comparing = /\b(?:compar\w*|differ\w*|diff|versus|vs)\b/;
// Lines two files share, or lines one has and the other lacks: no comparison word is needed.
const shared = /\b(?:common|equal|shared|same|identical|in both|(?:also|both) (?:exist|appear|present)\w*|exists? in|appears? in|present in)\b/;
const lacking = /\b(?:unique|only|not in|missing|absent|lack\w*|(?:does|do) not (?:exist|appear)|(?:doesn'?t|don'?t) (?:exist|appear)|but not)\b/;
const eitherOnly = /\b(?:in (?:only )?one of|not (?:in|appear in) the other|(?:does|do) not (?:exist |appear )?in the other|(?:doesn'?t|don'?t) (?:exist |appear )?in the other|symmetric|but not (?:in )?both|unique to each)\b/;
// A request that acts on what the comparison finds ("delete the files of a not in b") is planned by its act.
const acts = /\b(?:remove|delete|rm|erase|wipe|purge|cop(?:y|ies)|cp|mov(?:e|es)|mv|sync\w*|renam\w*|overwrit\w*|replac\w*|merg\w*|patch\w*|apply|chmod|chown|touch|kill|save|write|append)\b/;
const aboutLines = /\blines?\b|\bentries\b|\bstrings?\b/;
const aboutFolders = /\b(?:director(?:y|ies)|folders?|dirs?|recursive\w*|sub-?(?:director(?:y|ies)|folders?))\b/;
// Text, not files: "compare the strings "abc" and "abd"", "the variables "$a" and "$b"".
const textWords = /\b(?:strings?|words?|texts?|variables?|values?|numbers?|characters?|versions?|dates?)\s*(?:"|'|`|\$|$)/;
// Parts of lines ("whose first word", "the second field") are join's or awk's, not a comparison of whole lines.
const partsOfLines = /\b(?:first|second|third|last|\d+(?:st|nd|rd|th))\s+(?:words?|fields?|columns?)\b|\bfields?\b|\bcolumns?\b/;
// What stands between the two names compared.
const joined = /^\s*(?:,|&|and|or|with|to|from|against|vs\.?|versus|compared\s+(?:to|with)|(?:\w+\s+){0,4}?(?:not|also|only|missing|absent|lacking)\s+(?:\w+\s+){0,2}?(?:in|from))\s*(?:(?:the\s+)?(?:sorted\s+)?(?:files?|folders?|director(?:y|ies)|dirs?)\s*)?$/;
// A name as written: a bare word, a path, or a shell variable.
const operand = /^(?:[\w.@/+~-]+|\$\{?\w+\}?(?:\/[\w.@+-]*)*)$/;

/** Whether the request compares two things, or asks for the lines or names they share or lack. */
function comparesTwo(lower: string): boolean {
  return comparing.test(lower) || ((shared.test(lower) || lacking.test(lower) || eitherOnly.test(lower)) && /\b(?:in|of|from|than|to|with|and)\b/.test(lower));
}

/** The quoted names a comparison compares: exactly two, written as names. */
function comparedOperands(r: Pick<Reading, 'lower' | 'facts'>): Fact[] {
  const names = r.facts.quoted.filter((q) => operand.test(q.value) && !/^\d+$/.test(q.value));
  if (names.length !== 2 || names.length !== r.facts.quoted.length || !comparesTwo(r.lower) || textWords.test(r.lower) || partsOfLines.test(r.lower)) return [];
  // The two are said together ("a and b", "a compared to b", "in a that are not in b"), not as two values apart.
  const between = r.lower.slice(names[0].at + names[0].raw.length, names[1].at);
  return joined.test(between) ? names : [];
}

/** Makes the two names a comparison compares places: folders when the words say folders, else files. */
export function readComparedPlaces(r: Reading): void {
  const { facts, ws } = r;
  const operands = comparedOperands(r);
  const folders = aboutFolders.test(r.lower.replace(/\b(?:files? in|in) (?:the )?(?:current|working|same) (?:director(?:y|ies)|folders?)\b/g, ''));
  for (const q of operands) {
    const add = (list: Fact[]) => list.some((f) => f.at === q.at) || list.push(q);
    add(facts.paths);
    if (ws.dirs.has(q.value) || (folders && !ws.files.has(q.value) && !/\.[A-Za-z]\w{0,7}$/.test(q.value))) add(facts.dirs);
    else add(facts.files);
  }
}

/** The comparison entry the words and the two names call for. */
export function comparisonShapes(f: RequestFacts): ShapedEntry[] {
  const places = f.paths.filter((p) => p.quoted === true || /^\$/.test(p.value));
  if (places.length !== 2 || !comparesTwo(f.lower) || textWords.test(f.lower) || partsOfLines.test(f.lower) || acts.test(f.lower)) return [];
  const folders = places.every((p) => f.dirs.some((d) => d.at === p.at));
  const files = places.every((p) => f.files.some((x) => x.at === p.at));
  if (folders) {
    // "files in "one" that (also) exist in "two"", "files in "a" that are not in "b"": their names compared.
    if (!aboutLines.test(f.lower) && eitherOnly.test(f.lower)) return [];
    if (!aboutLines.test(f.lower) && lacking.test(f.lower) && !comparing.test(f.lower)) return [{ id: 'files.only_in_first_dir', similarity: 0.7 }];
    if (!aboutLines.test(f.lower) && shared.test(f.lower) && !comparing.test(f.lower)) return [{ id: 'files.in_both_dirs', similarity: 0.7 }];
    return comparing.test(f.lower) ? [{ id: 'files.compare_dirs', similarity: 0.7 }] : [];
  }
  if (!files) return [];
  if (eitherOnly.test(f.lower)) return [{ id: 'text.comm_either_only', similarity: 0.7 }];
  // "lines unique and common to a and b": each kind in its own column.
  if (aboutLines.test(f.lower) && lacking.test(f.lower) && shared.test(f.lower)) return [{ id: 'text.comm_columns', similarity: 0.7 }];
  if (aboutLines.test(f.lower) && lacking.test(f.lower)) return [{ id: 'text.comm_only_first', similarity: 0.7 }];
  if (aboutLines.test(f.lower) && shared.test(f.lower)) return [{ id: 'text.comm_common', similarity: 0.7 }];
  return comparing.test(f.lower) ? [{ id: 'files.compare', similarity: 0.7 }] : [];
}
