// What a request says to do to a piece of text, as the command knowledge entry
// that does it to a file: "the md5 sum of …" is `md5sum`, "… to upper case"
// is `tr`, "remove the last 3 characters from …" is `sed`. Retrieval finds
// these too, but a value in the request (a number, a quoted word) can pull it
// elsewhere; the words that name the operation do not.

import type { Corpus, KnowledgeEntry } from './corpus';
import { numberWords } from './requestWords';

const recipe = (id: string, template: string, slots: KnowledgeEntry['slots'], explanation: string): KnowledgeEntry => ({
  id, intents: [], template, slots, utilities: [template.split(' ')[0]], explanation, category: 'text',
});
// Work on a line that matters only for text given in the request. Kept out of
// retrieval: "remove the last 3 characters" is too near "show the last field"
// for a request about a file to be offered it.
const recipes = new Map([
  recipe('text.drop_last_chars', "sed 's/.\\{{count}\\}$//' {file}", { count: { type: 'count' }, file: { type: 'file' } }, 'Prints the text without its last characters.'),
  recipe('text.drop_first_chars', "sed 's/^.\\{{count}\\}//' {file}", { count: { type: 'count' }, file: { type: 'file' } }, 'Prints the text without its first characters.'),
  recipe('text.strip_line_numbers', "sed 's/^ *[0-9]\\+ *//' {file}", { file: { type: 'file' } }, 'Prints each line without the number in front of it.'),
  recipe('text.table', 'column -t {file}', { file: { type: 'file' } }, 'Lines up the words of the text in columns.'),
  recipe('text.name_without_extension', "sed 's/\\.[^.]*$//' {file}", { file: { type: 'file' } }, 'Prints a name without its last dot and what follows it: the name without its extension.'),
  recipe('text.name_extension', "sed 's/.*\\.//' {file}", { file: { type: 'file' } }, 'Prints what follows the last dot: the extension of a name.'),
].map((r) => [r.id, r]));

// "the last 3 characters", "the first five letters": one to ten spelled out.
const upToTen = numberWords((n) => n <= 10);

const operations: [RegExp, string][] = [
  [/\bmd5(?:sum)?\b|\b(?:checksum|hash)\b(?!.*\bsha)/, 'files.md5'],
  [/\bsha-?1(?:sum)?\b/, 'files.sha1'],
  [/\bsha-?256(?:sum)?\b/, 'files.sha256'],
  [/\bupper ?case\b|\bcapital(?:s|ize|ise|ized|ised)?\b|\buppercase\b/, 'text.upper'],
  [/\blower ?case\b|\blowercase\b/, 'text.lower'],
  [/\brevers\w*\b|\brevert\w*\b|\bbackwards?\b/, 'text.reverse_chars'],
  [/\b(?:count|number|how many|how often)\b.*\b(?:each|every|per)\s+(?:unique|distinct|different)\b|\b(?:unique|distinct|different) lines?\b.*\b(?:counts?|how many times|how often)\b/, 'text.uniq_count'],
  [/\b(?:count|number of|how many)\b.*\b(?:characters?|chars?|letters?)\b|\blength\b/, 'text.wc_chars'],
  [/\b(?:count|number of|how many)\b.*\bwords?\b/, 'text.wc_words'],
  [/\b(?:count|number of|how many)\b.*\blines?\b/, 'text.wc_lines'],
  [/\bbase ?64\b.*\bdecod\w*|\bdecod\w*\b.*\bbase ?64\b/, 'text.base64_decode'],
  [/\bbase ?64\b/, 'text.base64_encode'],
  [/\bhex\w*\b|\bbytes?\b.*\bdump\b|\bdump\b/, 'text.string_hex'],
  [/\b(?:trim\w*|strip\w*)\b.*\b(?:spaces?|whitespace|blanks?|tabs?)\b|\b(?:leading|trailing)\b.*\b(?:spaces?|whitespace|blanks?)\b/, 'text.string_trim'],
  [new RegExp(String.raw`\b(?:remove|delete|strip|drop|cut off|chop|without)\b.*\blast\s+(?:\d+|${upToTen})\s+(?:characters?|chars?|letters?|digits?)\b`), 'text.drop_last_chars'],
  [new RegExp(String.raw`\b(?:remove|delete|strip|drop|cut off|chop|without|skip)\b.*\bfirst\s+(?:\d+|${upToTen})\s+(?:characters?|chars?|letters?|digits?)\b`), 'text.drop_first_chars'],
  [new RegExp(String.raw`\bfirst\s+(?:\d+|${upToTen})\s+(?:characters?|chars?|letters?|digits?)\b`), 'text.cut_chars'],
  [/\b(?:remove|delete|strip|drop|cut off|chop|without|minus|no|get rid of|wipe|erase|trim|lose|take off)\b(?:\s+(?:the|its|their|an?|any|file|name|last|\.?[\w]{1,8}))*\s+(?:extensions?|suffix(?:es)?)\b/, 'text.name_without_extension'],
  [/\b(?:extension|suffix)\b/, 'text.name_extension'],
  [/\b(?:replac\w*|substitut\w*|convert\w*|chang\w*|turn\w*)\b.*\b(?:with|by|into|to) (?:a )?new ?lines?\b|\bsplit\w*\b.*\b(?:on|at|by)\b/, 'text.string_fields'],
  [/\b(?:replac\w*|substitut\w*|change)\b.*\bwith\b/, 'text.sed_replace'],
  [/\b(?:first|top)\s+\d+\s+lines\b/, 'text.head'],
  [/\b(?:first|\d+(?:st|nd|rd|th)|second|third|fourth|fifth|tenth)\s+line\b/, 'text.line_n'],
  [/\blast\s+(?:\d+\s+)?lines?\b/, 'text.tail'],
  [/\bsort\w*\b/, 'text.sort'],
  [/\b(?:as|into|in) (?:a )?table\b|\b(?:formatted|aligned) columns\b|\btabulate\b/, 'text.table'],
  [/\b(?:without|remove|strip|drop|delete)\b.*\bline numbers?\b/, 'text.strip_line_numbers'],
  [/\bnumber (?:the |each |every )?lines?\b|\b(?:add|with|show|prefix\w*)\s+(?:the\s+)?line numbers?\b/, 'text.number_lines'],
];

/** The ids of the operations the request names, in the order they are listed above. */
export function textOperations(lower: string): string[] {
  return operations.filter(([cue]) => cue.test(lower)).map(([, id]) => id);
}

/** The entry that does an operation: from the command knowledge, or one of the recipes above. */
export function operationEntry(id: string, corpus: Corpus): KnowledgeEntry | undefined {
  return corpus.byId.get(id) ?? recipes.get(id);
}
