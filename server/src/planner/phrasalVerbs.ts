// Phrases that borrow a verb without ordering its act: "touch on app.log",
// "run me through", "change directory to its parent", "push it onto the
// dirs stack". Read by intent.ts before a verb is taken as an order.

// Phrases of everyday speech that borrow a verb: "touch (briefly) on", "run me through", "build me an overview of", "write up a summary", "save me a trip", "set aside".
export const phrasal: [RegExp, RegExp][] = [
  [/^(?:touch|run|zip|go|launch)$/, /^\s+(?:\w+ly\s+)?(?:me\s+)?(?:on|upon|down|by|through|over|past)\b|^\s+an?\s+(?:quick\s+)?(?:look|glance|eye)\b/],
  [/^(?:build|compile|make)$/, /^\s+(?:me\s+)?an?\s+(?:quick\s+|short\s+)?(?:overview|summary|picture|sense|idea|description)\b|^\s+sense of\b/],
  [/^write$/, /^\s+up\s+an?\s+(?:summary|note|report|description)\b/],
  [/^save$/, /^\s+(?:me|us)\s+(?:some time|the trouble|a trip|time)\b/],
  [/^set$/, /^\s+aside\b/],
  // "change directory to its parent", "switch to the folder logs": the shell moves; no file changes.
  [/^(?:change|switch)$/, /^\s+(?:(?:the|my|your)\s+)?(?:(?:current|working|present)\s+)*(?:director(?:y|ies)|dirs?|folders?)\s+(?:to|into|back)\b(?!\s+(?:[0-7]{3,4}\b|mode|owner|group|name|permissions?|[\w-]+:[\w-]+))/],
  // "push the path onto the dirs stack": the shell's folder stack, not a repository.
  [/^(?:push|pop)$/, /^\s+(?:[^.;]\s*){0,60}?\b(?:on|onto|to|into|from|off)\s+(?:the\s+)?(?:dirs?|director(?:y|ies)|folders?)\s+stack\b/],
];

const nounVerbs: Record<string, string> = { deletion: 'delete', removal: 'remove', compression: 'compress', extraction: 'extract', renaming: 'rename' };

/**
 * "Perform white space safe deletion of files named core under /tmp", "carry
 * out a compression of the logs": an act said as a noun, read as its verb
 * ("delete files named core under /tmp"). The words between say how, not
 * what. ("Make a copy of", "do a backup of" are read as they are.)
 */
export function verbalised(lower: string): string {
  // Only words that say how it is done may stand between: "a dry run deletion", "a backup before removal", "a report on deletion" order no act.
  if (/\b(?:trash|recycle|by moving|to the bin)\b/.test(lower)) return lower;
  return lower.replace(/\b(?:perform|do|carry out|execute)\s+(?:an?\s+|the\s+)?((?:(?:white|space|whitespace|null|safe|careful|recursive|recursively|full|complete|total|forced|force|quick|immediate|permanent|thorough)[\s-]+){0,4})(deletion|removal|compression|extraction|renaming)\s+of\s+/g, (_, _how: string, noun: string) => `${nounVerbs[noun]} `);
}
