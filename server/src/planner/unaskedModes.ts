// Changes a plan makes that the request never speaks of: permissions or
// owners set for "store the absolute path of the executing script"
// (`chmod +x "$0"`), and originals replaced by their compressed copies for
// "compress the logs and keep the original files" (`gzip *.log`).

import type { CommandFact } from '../policy/factsTypes';
import type { Intent } from './intent';
import { programOf } from './selectionChecks';

const modeSetters = /^(?:chmod|chown|chgrp|chattr|setfacl)$/;
// Words about who may do what with a file, or who owns it ("executing" alone is no word of a mode).
const modeTalk = /\b(?:perm\w*|modes?|chmod|chown|chgrp|chattr|acls?|owner\w*|own(?:s|ed)?|ownership|groups?|users?|executable|runnable|launchable|callable|(?:un)?executabl\w*|execut(?:e|es|ion|ability)|exec(?:ute)?\s+(?:bits?|perm\w*|rights?|access|flag)|(?:x|exec|execute|executable|write|read|sticky|setuid|setgid|suid|sgid)\s*[- ]?bits?|access\w*|private|public|read-?only|writ(?:e|able|eable)|readable|read|secur\w*|lock\w*|protect\w*|restrict\w*|rights?|setuid|setgid|sticky|umask|immutable|attributes?|world|everyone|everybody|nobody|no one|any ?one|any ?body|others?|only (?:me|i|the owner)|can(?:not|'t)?\s+(?:\w+\s+)?(?:run|execute|read|write|open|edit|modify|see|access|change)|[0-7]{3,4}|[ugoa]*[+-][rwxst]+)\b|\+x\b/;

/** `chmod +x "$0"` for "store the absolute path of the executing script": a mode or owner set, and the request says nothing of either. */
export function modeUnasked(intent: Intent, commands: CommandFact[]): string[] {
  const setter = commands.find((c) => modeSetters.test(programOf(c)));
  if (!setter || modeTalk.test(intent.words)) return [];
  return [`it changes permissions or owners (${programOf(setter)}), but the request says nothing of them`];
}

// "and keep the original files", "keeping the originals", "without deleting the source files".
export const originalsKept = /\b(?:keep(?:ing|s)?|leav(?:e|ing|es)|preserv(?:e|ing|es)|retain(?:ing|s)?|sav(?:e|ing)|(?:still\s+)?need|do(?:n'?t| not) (?:delete|remove|touch|lose)|without (?:delet|remov|los)\w*)\s+(?:(?:the|all|their|its|each|every|a copy of the)\s+)*(?:original|source|uncompressed|input)(?:\s+(?:files?|copies|versions?|ones?))?s?\b|\b(?:the\s+)?originals?\s+(?:must|should|need to|have to|will|are to)\s+(?:be\s+kept|stay|remain|be\s+left)\b|\bwithout\s+replacing\s+(?:them|the\s+(?:files|originals))\b/;
// The compressors that replace each file with its packed copy unless told to keep it or to write elsewhere.
const replacers = /^(?:gzip|bzip2|xz|lzma|zstd|lz4|pigz|compress|lzip)$/;

/** `gzip *.log` for "compress the logs and keep the original files": each log is replaced by its .gz. */
export function originalsReplaced(intent: Intent, commands: CommandFact[]): string[] {
  if (!originalsKept.test(intent.words)) return [];
  // zstd and lz4 keep the input by default; --rm takes it away.
  const keepsByDefault = (c: CommandFact) => /^(?:zstd|lz4)$/.test(programOf(c)) && !c.flags.includes('rm');
  const replacer = commands.find((c) => replacers.test(programOf(c)) && !keepsByDefault(c) && !c.flags.some((f) => /^(?:k|keep|c|stdout|to-stdout|d|decompress|l|list|t|test)$/.test(f)));
  return replacer ? [`it replaces each original with its compressed copy (${programOf(replacer)} without -k), but the request asks to keep the originals`] : [];
}
