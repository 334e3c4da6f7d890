// How deep a listing goes when the request says so only by its words: "only
// the top folder", "not recursively", and the folders a folder holds ("the
// subfolders in the current directory", "the directories here"), which are
// its own, one level down, unless the request says deeper (recursively, the
// tree, and below, nested, or what is in a folder below kept out).

const saidOneLevel = /\b(?:top|current|this) (?:folder|directory|dir) only\b|(?<!\b(?:below|under|beneath|deeper than|not|except|but not|other than)\s+(?:(?:at|in|on)\s+)?the\s+)\btop[- ]level only\b|(?<!\bnot\s+)\bonly (?:at )?(?:the )?top[- ]level\b|\bonly (?:in )?(?:the )?(?:top|current) (?:folder|directory|dir)\b|\bnot recursive\w*|\bnon-?recursive\w*|\bwithout (?:going into |looking in(?:to)? )?sub-?(?:folders|directories|dirs)\b|\bwithout recursi(?:on|ng)\b|\b(?:don'?t|do not|never) recurse\b/;
const foldersOfAFolder = /\b(?:sub-?)?(?:folders|directories|dirs)\s+(?:(?:that|which)\s+)?(?:are\s+)?(?:in|of|inside|within|directly (?:in|under))\s+(?:the\s+)?(?:current|this|present|working)(?:\s+working)?\s+(?:folder|directory|dir)\b|\b(?:sub-?)?(?:folders|directories|dirs)\s+(?:are\s+)?(?:right\s+)?here\b/;
const deeperSaid = /\brecursi\w*|\bdepth\b|\blevels?\b|\btree\b|\bbelow\b|\bbeneath\b|\bunder(?:neath)?\b|\bnested\b|\bany (?:depth|level)\b|\ball (?:the )?levels\b|\bevery level\b|\bdeep\w*\b|\bdescend\w*\b|\bwhole\b|\bentire\b|\banywhere\b|\bsub-?sub|\b(?:and|with|including|plus) (?:all )?(?:its |their )?sub[- ]?(?:folders|directories|dirs)\b|\bat least\b|\b(?:present|found|lying|located|that are|which are) (?:in|inside|under|within) (?:the )?(?:folder|directory|dir)\b/;

/** The request keeps a listing to one level of its folder. */
export function keepsToOneLevel(lower: string): boolean {
  return saidOneLevel.test(lower) || foldersListed(lower);
}

// Acts on folders ("change the permissions of the directories in this folder") keep the depth their program has.
const acts = /\b(?:delete|remove|rm|rmdir|chmod|chown|chgrp|change|set|copy|cp|move|mv|rename|compress|archive|zip|tar|create|make|touch|replace|run|execute|exec|clean|empty|wipe|sync)\b/;

/** "the subfolders in the current directory", asked to be listed: the folder's own folders, not its files. */
function foldersListed(lower: string): boolean {
  return foldersOfAFolder.test(lower) && !deeperSaid.test(lower) && !/\bfiles?\b/.test(lower) && !acts.test(lower);
}

/** The folders of a folder never include the folder itself: `find . -type d` names `.` too. */
export function ownFoldersOnly(command: string): string {
  return /^find\s+\S+\s+-maxdepth 1\s+-type d\b/.test(command) ? command.replace(/-maxdepth 1/, '-mindepth 1 -maxdepth 1') : command;
}

// Words that ask for every level, plainly.
const everyLevel = /\brecursive(?:ly)?\b|\b(?:directory|folder) tree\b|\btree of\b|\band (?:all )?(?:below|beneath|deeper)\b|\b(?:and|with|including|plus) (?:all )?(?:its |their )?sub[- ]?(?:folders|directories|dirs)\b|\bat any (?:depth|level)\b|\ball (?:the )?levels\b|\bnested\b|\bsub-?sub/;
// What says a folder has no folders in it: the only reason to count its links.
const leafSaid = /\blinks?\b|\b(?:no|without|zero) sub-?(?:folders|directories|dirs)\b|\bleaf\b|\binnermost\b|\bbottom[- ]level\b|\bdeepest\b|\blowest\b|\bcontain(?:s|ing)? no (?:other )?(?:folders|directories|dirs)\b|\bempty\b/;

/**
 * "the subfolders of the current directory" planned as `find . -type d`,
 * "the folders here and below" as one level, "list the subdirectories" as
 * only those with no folders in them (`-links 2`): another depth than asked.
 */
export function depthDropped(lower: string, command: string): string[] {
  const out: string[] = [];
  // The walk itself: what a pipe does after it changes no depth.
  const walk = command.split('|')[0];
  const find = /^(?:find|fd|fdfind)\s/.test(walk) && !/[;&]/.test(command);
  const one = keepsToOneLevel(lower);
  if (one && ((find && !/-maxdepth\s+[01]\b|\s-prune\b/.test(walk)) || /^ls\s+-\w*R/.test(command))) out.push('it goes into subfolders, but the request lists only what the folder itself holds');
  if (!one && everyLevel.test(lower) && find && /-maxdepth\s+1\b/.test(walk) && !/\s-(?:exec|execdir|ok|delete)\b/.test(walk)) out.push('it stays in the top folder, but the request asks for every level below it');
  // "rename the *.so files in the directory tree" answered with `for f in *.so; do …`: the shell's glob sees the top folder only.
  if (!one && everyLevel.test(lower) && /^for\s+\w+\s+in\s+[^;]*[*?[][^;]*;/.test(command) && !/\*\*/.test(command.split(';')[0])) out.push('it goes through the files of the top folder only (a glob the shell expands), but the request asks for every level below it');
  // "the folders of the current directory" answered with its files.
  const folders = foldersListed(lower);
  if (folders && /^find\s[^|]*-type f\b/.test(command) && !/-type d\b/.test(command)) out.push('it lists files, but the request asks for folders');
  if (folders && /^ls(?:\s+-[1aAlmtrx]+)*(?:\s+\.)?(?:\s*\||$)/.test(command)) out.push('it lists files as well, but the request asks for folders');
  if (/^find\s[^|]*-links\s+\S+/.test(command) && !leafSaid.test(lower)) out.push('it keeps only folders with a given number of links (folders with no folders in them), a condition the request does not state');
  return out;
}

/** A plain walk (`find . -type d`) for a request kept to one level, kept to it; anything else as it is. */
export function toAskedDepth(lower: string, command: string): string {
  // ... and a walk kept to one level for a request that asks for every level walks them all.
  if (!keepsToOneLevel(lower) && everyLevel.test(lower) && /^find\s+\S+(?:\s+-mindepth 1)?\s+-maxdepth 1(?:\s+-(?:type|i?name)\s+\S+)*$/.test(command)) return command.replace(/\s+-maxdepth 1\b/, '');
  if (!keepsToOneLevel(lower) || !/^find\s+(?!-)\S+(?:\s+-(?:type|i?name)\s+\S+)*$/.test(command)) return command;
  return ownFoldersOnly(command.replace(/^find\s+\S+/, (head) => `${head} -maxdepth 1`));
}
