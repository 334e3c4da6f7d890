// Where a request says things go: "unzip x.zip into out", "extract
// archive.tar to restored/", "download … to data", "clone … into vendor",
// "move the logs into the folder called old". A plan that never names that
// place puts them somewhere else (`unzip x.zip` fills the current folder,
// and may overwrite what is there), however right it looks otherwise.

import { posix } from 'node:path';
import { escapeRegExp } from './corpus';

// The verbs that send things to a place ("backup" the noun is none) ...
const sendingVerbs = String.raw`unzip|extract|unpack|untar|decompress|download|fetch|clone|copy|move|put|sync|synchroni[sz]e|mirror|back[\s-]+up|rsync`;
const sending = new RegExp(String.raw`\b(?:${sendingVerbs})\b`, 'i');
// ... and, in any form ("copying", "unzipped"), the acts whose place a plan must name: those, the ones that only open an archive,
// and links made somewhere ("create symbolic links in /srv/links for …"), not links looked at.
const putting = String.raw`${sendingVerbs}|gunzip|expand|(?:creat|mak|add)\w*\s+(?:a\s+|an\s+)?(?:sym(?:bolic)?|soft)[\s-]*links?`;

// Words after "to"/"into" that are no place.
const noPlace = /^(?:the|a|an|any|this|that|it|its|them|current|here|there|same|working|present|folder|directory|dir|place|location|another|other|new|my|your|our|their|stdout|stderr|standard|screen|terminal|console|disk|file|one|some|each|every|all|where|which|what|top|bottom|end|tree|variable|variables|var|array|memory|clipboard|string|list|remote|local|target|destination|source|parent|given|specified|existing|empty|whole|entire|output|\d+)$/i;
// ... nor is a verb ("to check it", "to make a backup"), unless said as a folder's name ("the directory named build").
const verb = /^(?:make|see|check|get|be|do|use|run|keep|avoid|save|free|clean|read|build|test|install|start|speed|stop|let|allow|help|ensure|match|prevent|show|find|look|verify|inspect|compare|open|edit|fix|update|create|list)$/i;

// A place after a preposition: "into out", "to the folder called old", "to remote directory "/srv"", "in the out folder".
const placeSaid = /\s(into|to|in|inside|under)\s+(?:(?:a|the)\s+)?(?:(?:new|remote|local|target|destination|output|existing)\s+)?((?:folder|directory|dir)\s+(?:called\s+|named\s+)?)?(['"\x60]?)([\w.~/@+-]+?)\3(?=[\s,;!?]|\.(?:\s|$)|$)(\s+(?:folder|directory|dir)\b)?/gi;

const unpacking = /^(?:unzip|extract|unpack|untar|decompress|gunzip|expand)/i;
const archiveName = /\.(?:zip|tar|tgz|tbz2?|txz|gz|bz2|xz|zst|7z|rar)\b/i;

/** The place the request says its act puts things, as written, and where it is said; undefined when it says none a plan must name. */
export function destinationSaid(words: string): { value: string; at: number } | undefined {
  let last: { value: string; at: number } | undefined;
  for (const act of words.matchAll(new RegExp(String.raw`\b(?:${putting})\w*\b`, 'gi'))) {
    // "show me the PUT requests in server.log": a word in capitals is no act ordered.
    if (/^[A-Z]{2,}$/.test(act[0])) continue;
    // Every place said in the act's own clause; the last one is where things end up ("copy … in the tree "a" to "b"").
    const from = act.index + act[0].length;
    const clause = words.slice(from).split(/[;!?]|\.(?:\s|$)/)[0];
    // "links in out for the files under src": links go in the first place said; the places after it are where the files are.
    const places = [...clause.matchAll(placeSaid)];
    const linking = /links?$/i.test(act[0]);
    // ... said with "in" ("a link named x to y" names the link and what it points to, no folder to put it in).
    for (const m of linking ? places.filter((p) => /^in/i.test(p[1])).slice(0, 1) : places) {
      const [, preposition, folderBefore, quote, place, folderAfter] = m;
      const value = place.replace(/[.,;:]+$/, '');
      const namedAsFolder = Boolean(quote || folderBefore || folderAfter);
      const afterArchive = unpacking.test(act[0]) && archiveName.test(clause.slice(0, m.index));
      // "to build it" is a purpose; "unzip x.zip in build" names the folder build.
      if (!value || noPlace.test(value) || (verb.test(value) && !namedAsFolder && !(afterArchive && /^in/i.test(preposition))) || /^-/.test(value)) continue;
      // "in place", "to 644", "into account": only a name that looks like a place, is said as one, or is quoted.
      // ... and the folder links are made in, which holds nothing else the request could mean.
      const looksLikePlace = /[./~]/.test(value) || namedAsFolder || linking;
      // "extract the URLs in notes.txt": after "in", a file is where things are read; only a folder said as one is where they go.
      const folderLike = namedAsFolder || /\/$/.test(value) || !/\.[A-Za-z0-9]{1,8}$/.test(value);
      const to = preposition.toLowerCase();
      // "unzip x.zip in recovered", "untar archive.tar.gz to out": after an archive, a plain name is the folder it opens into.
      const opened = afterArchive && folderLike && !/\.[A-Za-z0-9]{1,8}$/.test(value);
      if (to === 'into' ? !/^(?:account|consideration|view|effect|play|use)$/i.test(value) : (looksLikePlace || opened) && (to === 'to' || folderLike)) last = { value, at: from + m.index + m[0].length - (folderAfter?.length ?? 0) - quote.length - place.length };
    }
  }
  return last;
}

/** The place alone. */
export function statedDestination(words: string): string | undefined {
  return destinationSaid(words)?.value;
}

const bare = (p: string) => p.toLowerCase().replace(/^\.\//, '').replace(/\/+$/, '');

/**
 * "unzip x.zip into out" planned as `unzip x.zip`: the place the request
 * names for what its act puts appears nowhere in the plan. `folders` are the
 * workspace's folders the request sends things to.
 */
export function destinationDropped(words: string, command: string, folders: readonly string[] = []): string[] {
  // "back up docs to archive": a bare word is a place when the workspace holds it as a folder.
  const place = statedDestination(words) ?? (sending.test(words) ? folders.filter((f) => new RegExp(String.raw`\b(?:to|into|onto)\s+(?:the\s+)?${escapeRegExp(f)}(?![\w.-])`, 'i').test(words)).at(-1) : undefined);
  if (!place || /<\w+>/.test(command)) return [];
  const want = bare(place).replace(/^~\//, '');
  if (!want || (command.toLowerCase().includes(want) && !climbsOut(command, want))) return [];
  return [`it does not put anything in ${place}, where the request says it goes`];
}

/** `unzip -o x.zip -d out/..` for "into out": every path naming the place climbs back out of it, so it names the place only in its letters. */
function climbsOut(command: string, want: string): boolean {
  const paths = command.split(/[\s'"]+/).map((t) => t.replace(/^-{1,2}[\w-]*=/, '')).filter((t) => t.toLowerCase().includes(want));
  return paths.length > 0 && paths.every((t) => {
    if (!/(?:^|\/)\.\.(?:\/|$)/.test(t)) return false;
    const resolved = posix.normalize(t).toLowerCase().replace(/\/+$/, '');
    return resolved !== want && !resolved.startsWith(`${want}/`);
  });
}
