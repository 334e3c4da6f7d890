// What a request says to do to a piece of text, as the command knowledge entry
// that does it to a file: "the md5 sum of …" is `md5sum`, "… to upper case"
// is `tr`, "remove the last 3 characters from …" is `sed`. Retrieval finds
// these too, but a value in the request (a number, a quoted word) can pull it
// elsewhere; the words that name the operation do not.

const operations: [RegExp, string][] = [
  [/\bmd5(?:sum)?\b|\b(?:checksum|hash)\b(?!.*\bsha)/, 'files.md5'],
  [/\bsha-?1(?:sum)?\b/, 'files.sha1'],
  [/\bsha-?256(?:sum)?\b/, 'files.sha256'],
  [/\bupper ?case\b|\bcapital(?:s|ize|ise|ized|ised)?\b|\buppercase\b/, 'text.upper'],
  [/\blower ?case\b|\blowercase\b/, 'text.lower'],
  [/\brevers\w*\b|\brevert\w*\b|\bbackwards?\b/, 'text.reverse_chars'],
  [/\b(?:count|number of|how many)\b.*\b(?:characters?|chars?|letters?)\b|\blength\b/, 'text.wc_chars'],
  [/\b(?:count|number of|how many)\b.*\bwords?\b/, 'text.wc_words'],
  [/\b(?:count|number of|how many)\b.*\blines?\b/, 'text.wc_lines'],
  [/\bbase ?64\b.*\bdecod\w*|\bdecod\w*\b.*\bbase ?64\b/, 'text.base64_decode'],
  [/\bbase ?64\b/, 'text.base64_encode'],
  [/\bhex\w*\b|\bbytes?\b.*\bdump\b|\bdump\b/, 'text.string_hex'],
  [/\b(?:trim\w*|strip\w*)\b.*\b(?:spaces?|whitespace|blanks?|tabs?)\b|\b(?:leading|trailing)\b.*\b(?:spaces?|whitespace|blanks?)\b/, 'text.string_trim'],
  [/\b(?:remove|delete|strip|drop|cut off|chop|without)\b.*\blast\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:characters?|chars?|letters?|digits?)\b/, 'text.drop_last_chars'],
  [/\b(?:remove|delete|strip|drop|cut off|chop|without|skip)\b.*\bfirst\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:characters?|chars?|letters?|digits?)\b/, 'text.drop_first_chars'],
  [/\bfirst\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:characters?|chars?|letters?|digits?)\b/, 'text.cut_chars'],
  [/\b(?:extension|suffix)\b/, 'text.name_extension'],
  [/\b(?:replac\w*|substitut\w*|convert\w*|chang\w*|turn\w*)\b.*\b(?:with|by|into|to) (?:a )?new ?lines?\b|\bsplit\w*\b.*\b(?:on|at|by)\b/, 'text.string_fields'],
  [/\b(?:replac\w*|substitut\w*|change)\b.*\bwith\b/, 'text.sed_replace'],
  [/\b(?:first|top)\s+\d+\s+lines\b/, 'text.head'],
  [/\b(?:first|\d+(?:st|nd|rd|th)|second|third|fourth|fifth|tenth)\s+line\b/, 'text.line_n'],
  [/\blast\s+(?:\d+\s+)?lines?\b/, 'text.tail'],
  [/\bsort\w*\b/, 'text.sort'],
  [/\bnumber (?:the |each |every )?lines?\b|\bline numbers?\b/, 'text.number_lines'],
];

/** The knowledge entries whose operation the request names, in the order they were named above. */
export function textOperations(lower: string): string[] {
  return operations.filter(([cue]) => cue.test(lower)).map(([, id]) => id);
}
