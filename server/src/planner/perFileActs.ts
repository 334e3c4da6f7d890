// Acts done to each file of a selection, stated in the same request as the
// selection: replace text in it, empty it, convert its line endings, strip
// trailing blanks, unpack it, count its lines. Each act's values come from
// the request's own words; an act whose value is not given is no act here.

import type { RequestFacts } from './requestFacts';
import { shellValue, valueWord } from './findTests';
import type { EntryKind } from './entryKinds';
import { permissionTests } from './findConditions';
import { shellQuote } from './templateFill';
import { lineEdit } from './lineEdits';
import { emptiesFiles } from './changeKinds';

/** What a selection request does to the files it finds. */
export interface Act {
  command: (find: string, s: { start: string; depth: string[]; kind?: EntryKind; tests: string[] }) => string;
  label: string;
  /** A change made to a whole tree ("recursively change the group of all files in X"): the program and its argument, for `-R`. */
  tree?: [string, string];
  /** Values the act needs that the request does not give: the command holds them as `<slot>` and asks for them. */
  missing?: string[];
}

/** A value as written, without its quotes. */
export function bareValue(raw: string): string {
  return raw.replace(/^['"\x60](.*)['"\x60]$/s, '$1');
}

const replacing = new RegExp(String.raw`\b(?:replace|substitute)\w*\s+(?:all\s+|every\s+|each\s+|any\s+)?(?:(?:the\s+)?(?:occurrences?|instances?|appearances?)\s+of\s+)?(?:the\s+(?:text|string|word)\s+)?(${valueWord})\s+(?:with|by|for)\s+(?:the\s+(?:text|string|word)\s+)?(${valueWord})`, 'i');

/** `s|from|to|g` for sed, with the text to find taken literally; undefined when no separator fits or a variable is in it. */
function substitution(from: string, to: string): string | undefined {
  const sep = ['|', '#', '@', ','].find((c) => !from.includes(c) && !to.includes(c));
  if (!sep || /\$/.test(from + to)) return undefined;
  const literal = from.replace(/[\\.*[\]^$]/g, '\\$&');
  return shellValue(`s${sep}${literal}${sep}${to.replace(/[\\&]/g, '\\$&')}${sep}g`);
}

/** "truncate them", "truncate the logs to 1MB": the size to cut each file to (0 unless one is given after "to"). */
function truncation(lower: string): string | undefined {
  const m = /\btruncate\b(?![^;!?]{0,40}\bto\s+\d+\s*(?:lines?|chars?|characters?|words?)\b)([^;!?]{0,60}?\bto\s+(\d+)\s*(bytes?|b|k|kb|kilobytes?|m|mb|megabytes?|g|gb|gigabytes?)?\b)?/.exec(lower);
  if (!m) return undefined;
  if (!m[1]) return '0';
  const unit = (m[3] ?? '').charAt(0);
  return `${m[2]}${unit === 'k' ? 'K' : unit === 'm' ? 'M' : unit === 'g' ? 'G' : ''}`;
}

// "keeping a backup", "saving backups of the originals": each file edited in place leaves a .bak copy.
const keepsBackup = /\b(?:keep|mak|creat|with|leav|sav)\w*\s+(?:a\s+)?(?:the\s+)?backups?\b|\bbackups? of the originals?\b/;

/** Acts done to each file's contents, or undefined when the request orders none of them. */
export function perFileAct(f: RequestFacts, into: string): Act | undefined {
  const lower = f.lower;
  const backup = keepsBackup.test(lower) ? '.bak' : '';
  const lineWise = lineEdit(f);
  if (lineWise) return { command: (find) => `${find} -exec sed -i${backup} ${lineWise.script} {} +`, label: `${lineWise.label}${backup ? ', keeping a .bak copy' : ''}` };
  const replace = replacing.exec(f.text);
  if (replace) {
    const [from, to] = [bareValue(replace[1]), bareValue(replace[2])];
    const script = substitution(from, to);
    if (script) return { command: (find) => `${find} -exec sed -i ${script} {} +`, label: `Replaces ${from} with ${to} in each file it finds` };
  }
  const renamed = newExtension(f) ?? newName(f);
  if (renamed) return renamed;
  // "clear out their contents", "delete all contents of the files": each file emptied, none deleted.
  const size = truncation(lower) ?? (emptiesFiles.test(lower) ? '0' : undefined);
  if (size !== undefined) return { command: (find) => `${find} -exec truncate -s ${size} {} +`, label: `Cuts each file it finds to ${size === '0' ? 'nothing' : size}` };
  // "convert them from dos to unix format": carriage returns off the line ends, in place.
  if (/\bdos2unix\b|\b(?:dos|windows)\s+(?:format|line endings?|newlines?)?\s*(?:format\s+)?to\s+(?:unix|linux)\b|\bcrlf\s+to\s+lf\b|\b(?:remove|strip|delete)\w*\s+(?:the\s+|all\s+)?carriage returns?\b/.test(lower)) {
    return { command: (find) => `${find} -exec sed -i ${shellQuote(String.raw`s/\r$//`)} {} +`, label: 'Converts the line endings of each file it finds from DOS to Unix' };
  }
  if (/\b(?:remove|strip|delete|trim|get rid of)\w*\s+(?:all\s+|the\s+|any\s+)?trailing\s+(?:white\s?spaces?|spaces?|blanks?)\b/.test(lower)) {
    return { command: (find) => `${find} -exec sed -i${backup} ${shellQuote('s/[[:space:]]*$//')} {} +`, label: `Strips trailing blanks from each line of each file it finds${backup ? ', keeping a .bak copy' : ''}` };
  }
  if (/\b(?:unzip|gunzip|decompress|uncompress|extract|unpack)\w*\b/.test(lower)) {
    const zip = /\.zip\b|\bzip files\b|\bunzip\b/.test(lower) && !/\.gz\b|\bgz files\b|\bgunzip\b/.test(lower);
    // ... by the program that reads their kind: gunzip reads no bzip2 or xz file.
    const reader = /\bbz2\b|\bbzip2?\b|\bbunzip2\b/.test(lower) ? 'bunzip2' : /\.xz\b|\bxz files\b|\bunxz\b/.test(lower) ? 'unxz' : 'gunzip';
    return { command: (find) => (zip ? `${find} -exec unzip {} \\;` : `${find} -exec ${reader} {} +`), label: 'Unpacks each archive it finds' };
  }
  if (/\b(?:count|number of|how many)\b[^.]{0,30}\blines?\b|\bline (?:counts?|numbers)\b|\blines? in (?:each|every|all)\b/.test(lower)) {
    return { command: (find) => `${find} -exec wc -l {} +${into}`, label: 'Counts the lines of each file it finds' };
  }
  return undefined;
}

const newOwner = new RegExp(String.raw`\bchang\w*\s+(?:the\s+|their\s+|its\s+)?(?:user\s+)?(group\s+(?:owner(?:ship)?\b)?|owner(?:ship)?\b).*?(?<!\bbelong\w*\s+)\bto\s+(?:the\s+)?(?:user\s+|group\s+)?(?!(?:with|whose|who|which|that|having)\b)(${valueWord}|[\w:.-]+)|\b(chown|chgrp)\b.*?\b(to\s+)?(${valueWord}|[\w:.-]+)\s*$`, 'i');
const ownerAndGroup = new RegExp(String.raw`\bowner\w*\s+to\s+(${valueWord}|[\w.-]+)\s+and\s+(?:the\s+)?group\s+to\s+(${valueWord}|[\w.-]+)`, 'i');
// Orders to change owners or permissions, said without the value to set.
const ownerOrder = /\b(chown|chgrp)\b|\b(?:chang|set|updat|modif)\w*\s+(?:the\s+|their\s+|its\s+)?(?:user\s+)?(owner(?:ship)?|group(?: owner(?:ship)?)?)(?!\s+(?:perm\w*|modes?|access|read|write|execute)\b)/;
const modeOrder = /\bchmod\b|\b(?:chang|set|updat|modif)\w*\s+(?:the\s+|their\s+|its\s+)?(?:file\s+|access\s+)?(?:permissions?|perms|modes?)\b/;

/** "change their ownership to ravi", "chmod them 644", "make them executable"; the owner or mode left as a slot when the request orders the change but gives no value. */
export function permissionAct(f: RequestFacts): Act | undefined {
  const { lower, text } = f;
  const both = ownerAndGroup.exec(text);
  if (both) {
    const who = shellValue(`${bareValue(both[1])}:${bareValue(both[2])}`);
    return { command: (find) => `${find} -exec chown ${who} {} +`, label: 'Changes the owner and group of the files it finds', tree: ['chown', who] };
  }
  // "change their owner and group to www-data": both to the same name.
  const same = new RegExp(String.raw`\bowner(?:ship)?\s+and\s+(?:the\s+)?group\s+to\s+(${valueWord}|[\w.-]+)`, 'i').exec(text);
  if (same) {
    const who = shellValue(`${bareValue(same[1])}:${bareValue(same[1])}`);
    return { command: (find) => `${find} -exec chown ${who} {} +`, label: 'Changes the owner and group of the files it finds', tree: ['chown', who] };
  }
  const owner = newOwner.exec(text);
  // "chown the files under logs": the last word is the folder, not a user; only "to X" or a user read as one names the owner.
  const named = owner && (owner[2] !== undefined || owner[4] !== undefined || f.users.some((u) => u.value === bareValue(owner[5])));
  if (owner && named) {
    const program = /group/i.test(owner[1] ?? '') || /group/i.test(owner[0].slice(0, 40)) || owner[3] === 'chgrp' ? 'chgrp' : 'chown';
    const who = shellValue(owner[2] ?? owner[5]);
    return { command: (find) => `${find} -exec ${program} ${who} {} +`, label: 'Changes the owner of the files it finds', tree: [program, who] };
  }
  const mode = modeInWords(lower) ?? takenBack(f) ?? /\b(?:chang\w*|set\w*|updat\w*|chmod)\b[^;?!]*?\b(?:to|with)?\s*([0-7]{3,4}|[ugoa]*[+=-][rwxXst]*(?:,[ugoa]*[+=-][rwxXst]*)*)(?![\w,=+-])/.exec(lower)?.[1] ?? (/\bmake\s+(?:them|those|it|\w+)?\s*(?:files?\s+)?executable\b/.test(lower) ? '+x' : undefined);
  if (mode && /\b(perm\w*|mode|chmod|executable|access|rights)\b/.test(lower)) return { command: (find) => `${find} -exec chmod ${mode} {} +`, label: 'Changes the mode of the files it finds', tree: ['chmod', mode] };
  const orderedOwner = ownerOrder.exec(lower);
  if (orderedOwner) {
    const group = orderedOwner[1] === 'chgrp' || /^group/.test(orderedOwner[2] ?? '');
    const slot = group ? 'group' : 'user';
    return { command: (find) => `${find} -exec ${group ? 'chgrp' : 'chown'} '<${slot}>' {} +`, label: `Changes the ${slot === 'group' ? 'group' : 'owner'} of the files it finds, once you say to whom`, missing: [slot] };
  }
  if (modeOrder.test(lower)) return { command: (find) => `${find} -exec chmod '<mode>' {} +`, label: 'Changes the mode of the files it finds, once you say which', missing: ['mode'] };
  return undefined;
}

const whoLetter: Record<string, string> = { owner: 'u', user: 'u', group: 'g', other: 'o', others: 'o', world: 'o', everyone: 'a', all: 'a', anyone: 'a' };
const whatLetters: Record<string, string> = { read: 'r', write: 'w', execute: 'x', exec: 'x', all: 'rwx', '': 'rwx' };
const who = String.raw`(?:the\s+)?(owner|user|group|others?|world|everyone|all|anyone)(?:\s+else)?`;
const what = String.raw`(?:(read|write|execute|exec|all)\s+)?(?:permissions?|access|rights|bits?)`;
const taking = new RegExp(String.raw`\b(?:remove|take away|revoke|strip|deny|drop)\w*\s+(?:all\s+)?(?:the\s+)?${what}\s+(?:for|from|of)\s+${who}`);
const giving = new RegExp(String.raw`\b(?:give|grant|add)\w*\s+${who}\s+(read|write|execute|exec)\s+(?:permissions?|access|rights)|\b(?:give|grant|add|set)\w*\s+(read|write|execute|exec)\s+(?:permissions?|access|rights)\s+(?:to|for)\s+${who}`);

/** "remove all the permissions for others" → o-rwx, "give the group write access" → g+w. */
function modeInWords(lower: string): string | undefined {
  const take = taking.exec(lower);
  if (take) return `${whoLetter[take[2]]}-${whatLetters[take[1] ?? '']}`;
  const give = giving.exec(lower);
  // ... "set read permission for group and others": each one named.
  const more = give && new RegExp(String.raw`^\s*(?:and|,)\s+${who}`).exec(lower.slice(give.index + give[0].length));
  if (give) return `${whoLetter[give[1] ?? give[4]]}${more ? whoLetter[more[1]] : ''}+${whatLetters[give[2] ?? give[3]]}`;
  return undefined;
}

/** "rename all *.html files to *.var", "rename the text files in docs to html files": each file's extension replaced. */
function newExtension(f: RequestFacts): Act | undefined {
  const m = /\b(?:renam\w*|chang\w*\s+(?:the\s+)?extensions?\s+of)\b[^;]*?\s(?:to|into|as)\s+(?:have\s+)?(?:the\s+)?(?:extension\s+)?(?:\*?\.(\w{1,8})\b|(\w+)\s+files\b)/.exec(f.lower);
  if (!m) return undefined;
  const at = f.lower.lastIndexOf(m[1] ?? m[2], m.index + m[0].length) - 2;
  const to = f.exts.find((e) => e.at >= at);
  const from = f.exts.find((e) => e.at < (to?.at ?? 0) && e.at > m.index);
  if (!to || !from) return undefined;
  const [src, dst] = [from.value.replace(/^\./, ''), to.value.replace(/^\./, '')];
  if (src === dst || !/^\w+$/.test(src + dst)) return undefined;
  return {
    command: (find) => `${find} -exec sh -c 'for f; do mv -- "$f" "\${f%.${src}}.${dst}"; done' sh {} +`,
    label: `Renames each .${src} file it finds to .${dst}`,
  };
}

/** "rename all files called article.xml to 001_article.xml": each one renamed where it is. */
function newName(f: RequestFacts): Act | undefined {
  const m = new RegExp(String.raw`\brenam\w*\b[^;]*?\b(?:called|named)\s+(${valueWord}|[\w.-]+)(?:\s+(?:in|under|below|inside)\s+(?:${valueWord}|[\w.-]+))?\s+to\s+(${valueWord}|[\w.-]+)`, 'i').exec(f.text);
  if (!m) return undefined;
  const [from, to] = [bareValue(m[1]), bareValue(m[2])];
  if (!/^[\w.-]+$/.test(from + to) || from === to) return undefined;
  return {
    command: (find) => `${find} -exec sh -c 'for f; do mv -- "$f" "$(dirname -- "$f")/${to}"; done' sh {} +`,
    label: `Renames each file it finds to ${to}, in its own folder`,
  };
}

/** "find files with group write permission and remove the permission": the bit the selection tests for, taken away. */
function takenBack(f: RequestFacts): string | undefined {
  if (!/\b(?:remove|take away|revoke|strip|drop)\w*\s+(?:the|that|this|those|these|it)\s*(?:permissions?|bits?|access|rights)?\s*$|\b(?:remove|take away|revoke|strip|drop)\w*\s+(?:the|that|this)\s+(?:permission|bit|access|right)s?\b(?!\s+(?:for|from|of)\b)/.test(f.lower)) return undefined;
  const bit = permissionTests(f).map((t) => /^-perm -([ugoa])\+([rwx])$/.exec(t)).find((m) => m !== null);
  return bit ? `${bit[1]}-${bit[2]}` : undefined;
}
