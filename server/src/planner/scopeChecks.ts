// Checks of a plan's reach against what the request bounds it to: the kind
// of file it names (also inside a named folder, for every act), the kind it
// excepts, the direction and extent of a permission, the values of a stated
// age or size, name tests and owner tests nobody stated, and the folder a
// search starts in.

import type { CommandFact } from '../policy/factsTypes';
import { escapeRegExp } from './corpus';
import { barePath } from './barePath';
import { argAfter, slotValue } from './effectTerms';
import type { Intent } from './intent';
import { kindExtensions, noExtension } from './requestWords';
import { programOf } from './selectionChecks';
import { turnedDownKinds } from './keptOut';
import { readOnce } from './readOnce';
import { ownerless } from './findConditions';

/** "only in build itself", "in logs itself", "but not in its subfolders": a folder's own entries. */
export const itselfOnly = /\bonly (?:in|at|inside) (?:the )?[\w./-]+(?: (?:folder|directory|dir))? itself\b|\b(?:not|never) (?:in|into|inside|from) (?:its|their) sub[- ]?(?:folders?|directories|directory|dirs?)\b/;

/** The command as its facts keep it, when its text is not given. */
const textOf = (commands: CommandFact[]) => commands.map((c) => [c.program, ...c.args.map((a) => (/\s/.test(a) ? `'${a}'` : a))].join(' ')).join(' | ');

const finds = (commands: CommandFact[]) => commands.filter((c) => /^(?:find|fd|fdfind)$/.test(programOf(c)));
const nameTest = /^-(?:i?name|i?path|i?wholename|i?regex|lname|ilname)$/;
const slot = /<\w+>|__\w+__/;

/** Kinds named inside an exception ("except the .bin files", "apart from the python files", "everything but the CSVs"). */
export const exceptedKinds: (words: string) => readonly string[] = readOnce(readExceptedKinds);

function readExceptedKinds(words: string): string[] {
  const out = new Set<string>();
  for (const m of words.matchAll(/\b(?:except(?: for)?|excluding|but not|other than|apart from|save for|besides|(?:everything|all(?: the)? files|every file)\b(?:[^,.;]|\.(?=[\w/])){0,40}?\bbut)\s+(?:the\s+|any\s+|all\s+)?((?:[^,.;]|\.(?=[\w/])){1,40})/g)) {
    for (const k of m[1].matchAll(/(?:^|\s)\*?\.([a-z0-9]{1,8})\b|\b([a-z+]+?)s?\s+(?:files?|scripts?|sources?|ones)\b|\b(csv|pdf|json|yaml|log|markdown)s\b/g)) {
      const ext = k[1] ?? kindExtensions[k[2] ?? ''] ?? kindExtensions[k[3] ?? ''];
      if (ext) out.add(ext.toLowerCase());
    }
  }
  // "not ending in .keep": an extension turned down by its ending.
  const endings = [...words.matchAll(/(?:\bnot|n't|\bnever)\s+(?:be\s+)?(?:\w+\s+)?end\w*\s+(?:in|with)\s+['"\x60]?\*?\.(\w{1,8})/g)].map((m) => ({ at: m.index, ext: m[1] }));
  // "that aren't .ts files", "non-log files", "without a .bak extension": kinds turned down; an extension only with its dot.
  const kinds = turnedDownKinds(words).map(({ word, at, suffix }) => ({ at, ext: suffix ? (/^\.\w{1,8}$/.test(word) ? word.slice(1) : undefined) : kindOfWord(word.replace(/^\./, '').toLowerCase()) }));
  for (const { ext } of [...endings, ...kinds].sort((a, b) => a.at - b.at)) if (ext) out.add(ext.toLowerCase());
  return [...out];
}

/** The extension a word turned down names ("log", "python", "md"); none for a word of no kind ("the", "empty"). */
function kindOfWord(word: string): string | undefined {
  return kindExtensions[word] ?? kindExtensions[word.replace(/s$/, '')] ?? (/^\w{1,5}$/.test(word) && !/^(?:the|my|our|any|all|empty|hidden|binary|text|regular)$/.test(word) ? word : undefined);
}

// Words that name a kind only by a guess ("a temporary file", "the backup", "scripts"): a kind is said by its own name.
const guessed = new Set(['temporary', 'backup', 'image', 'config', 'script', 'scripts', 'object', 'class', 'lock', 'env', 'swap', 'header', 'headers']);

/** A kind said apart from a folder of the same name ("the .log files in logs", "shell scripts in scripts"). */
function kindSaid(intent: Intent, ext: string): boolean {
  if (new RegExp(`\\.${escapeRegExp(ext)}\\b`).test(intent.words)) return true;
  // "the python files", "shell scripts", "CSVs": a kind by its name, said as a kind of file.
  return Object.entries(kindExtensions).some(([word, e]) => e === ext && !guessed.has(word) && new RegExp(`\\b${escapeRegExp(word)}(?:s?\\s+(?:files?|scripts?|sources?|programs?|code|documents?)\\b)`).test(intent.words)) || new RegExp(`\\b(?:csv|pdf|json|yaml|png|jpg|mp3)s\\b`).test(intent.words) && /^(?:csv|pdf|json|yaml|png|jpg|mp3)$/.test(ext) && intent.words.includes(`${ext}s`);
}

/**
 * "chown the .ts files in build to bob" planned as `chown bob build`, "delete
 * the sh scripts in site older than 3 days" as `find site -mtime +3 -delete`:
 * a change to files of every kind for a request that names one, also inside
 * a folder it names. A request to look is held to it only for a search with no
 * name test at all.
 */
export function kindNotKept(intent: Intent, commands: CommandFact[], given: string, changes: boolean): string[] {
  // Facts that keep no words of the command leave nothing to judge.
  if (!given && commands.every((c) => c.args.length === 0)) return [];
  const command = given || textOf(commands);
  const excepted = exceptedKinds(intent.words);
  const kinds = intent.kinds.filter((k) => !excepted.includes(k.toLowerCase()) && kindSaid(intent, k.toLowerCase()));
  if (kinds.length === 0 || slot.test(command)) return [];
  const lower = command.toLowerCase().replace(exclusion, ' ');
  if (kinds.some((k) => new RegExp(`\\.${escapeRegExp(k.toLowerCase())}\\b|\\\\\\.${escapeRegExp(k.toLowerCase())}\\b`).test(lower))) return [];
  const shown = kinds.map((k) => `.${k}`).join(', ');
  if (changes) return [`it changes files of every kind, but the request names ${shown} files`];
  const search = finds(commands);
  const picks = (c: CommandFact) => c.args.some((a, i) => nameTest.test(a) && !/^\*?$/.test(c.args[i + 1] ?? ''));
  return search.length > 0 && search.every((c) => !picks(c)) ? [`it lists files of every kind, but the request names ${shown} files`] : [];
}

// What a command leaves out (`! -name '*.ts'`, `zip -x '*.ts'`, `--exclude=*.ts`) keeps no kind.
const exclusion = /(?:!|-not)\s+-i?(?:name|path|regex)\s+(?:'[^']*'|"[^"]*"|\S+)|\s-x\s+(?:(?:'[^']*'|"[^"]*"|[^\s-]\S*)\s*)+|--exclude(?:-dir)?[= ](?:'[^']*'|"[^"]*"|\S+)/g;

/** "delete everything in logs except the .bin files" planned as a delete of the .bin files, or of everything. */
export function exceptedKindChanged(intent: Intent, commands: CommandFact[], given: string, changes: boolean): string[] {
  if (!changes) return [];
  const command = given || textOf(commands);
  const out: string[] = [];
  for (const ext of exceptedKinds(intent.words)) {
    const e = escapeRegExp(ext);
    const left = new RegExp(`(?:!|-not)\\s+-i?(?:name|path|regex)\\s+['"]?[^'"\\s]*\\.${e}\\b|--exclude[= ]['"]?[^'"\\s]*\\.${e}\\b|grep -\\w*v\\w*\\s+['"]?[^'"\\s]*\\.${e}|!\\([^)]*\\.${e}`).test(command);
    if (!left) out.push(`it does not leave out the .${ext} files, which the request excepts`);
  }
  return out;
}

const grantsExec = /\b(?:make|set|mark)\b(?:[^.;]|\.(?=[\w/])){0,60}\b(?:executable|runnable)\b|\b(?:add|give|grant|set)\b[^.;]{0,30}\bexecut\w* (?:bit|permission|right)s?\b/;
const takesExec = /\b(?:non-?executable|not (?:be )?executable|un-?executable|no longer executable|(?:nobody|no one|noone|none)\b(?:[^.;]|\.(?=[\w/])){0,20}\b(?:execute|run)\b|can(?:'t|not) be (?:executed|run)|chmod -x|\w-x\b|(?:remove|strip|take away|take off|revoke|drop|clear|unset|disable)\b(?:[^.;]|\.(?=[\w/])){0,40}\bexecut\w*)/;

/** `chmod -x`, `chmod 777` for "make them executable"; `chmod +x` for "so nobody can execute it". */
export function modeDirection(intent: Intent, commands: CommandFact[]): string[] {
  const modes = commands.filter((c) => programOf(c) === 'chmod').map((c) => c.args.find((a) => !/^(?:-[RvcfH]+|--[\w-]+(?:=.*)?)$/.test(a)) ?? '').filter((m) => m && !slot.test(m));
  if (modes.length === 0 || /\b[0-7]{3,4}\b|\b[ugoa]*[+=-][rwxXst]+\b/.test(intent.words.replace(/\bchmod -x\b/, ''))) return [];
  const takes = takesExec.test(intent.words);
  const grants = !takes && grantsExec.test(intent.words);
  const writeSaid = /\bwrit\w*|\bedit\w*|\bmodif\w*|\bfull (?:access|permissions?)|\beverything\b|\brwx\b/.test(intent.words);
  for (const m of modes) {
    const octal = /^[0-7]{3,4}$/.test(m);
    const addsX = octal ? /[1357]/.test(m.slice(-3)) : /[+=][rwst]*[xX]/.test(m);
    const dropsX = octal ? !addsX : /-[rwst]*x/.test(m) || /=[rwst]*$/.test(m);
    if (takes && addsX) return [`it makes files executable (chmod ${m}), but the request takes that away`];
    if (grants && dropsX) return [`it takes the execute permission away (chmod ${m}), but the request asks to grant it`];
    const addsW = octal ? /[2367]/.test(m.slice(-2)) : /[+=][rxXst]*w/.test(m);
    if ((takes || grants) && addsW && !writeSaid) return [`it lets others write the files (chmod ${m}), which the request does not ask`];
  }
  return [];
}

const secondsOf: Record<string, number> = { s: 1, sec: 1, second: 1, min: 60, minute: 60, h: 3600, hour: 3600, hr: 3600, day: 86400, week: 604800, month: 2592000, year: 31536000 };

function unitSeconds(unit: string): number | undefined {
  const u = unit.toLowerCase().replace(/s$/, '');
  return secondsOf[u];
}

const bytesOf: Record<string, number> = { c: 1, b: 512, w: 2, k: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4 };

/**
 * "older than 3 days" planned as `-mtime +23` or `-mtime -3`, "larger than
 * 1MB" as `-size -1M`: the stated age or size, with another value or turned
 * around.
 */
export function statedValuesChanged(intent: Intent, commands: CommandFact[]): string[] {
  const ages = (intent.amounts?.ages ?? []).filter((a) => a.sign === '+' || a.sign === '-');
  const sizes = (intent.amounts?.sizes ?? []).filter((s) => s.sign === '+' || s.sign === '-');
  const out: string[] = [];
  for (const c of finds(commands)) {
    c.args.forEach((a, i) => {
      const v = /^([+-]?)(\d+(?:\.\d+)?)([a-zA-Z]?)$/.exec(c.args[i + 1] ?? '');
      if (!v) return;
      const flipped = /^(?:!|-not)$/.test(c.args[i - 1] ?? '');
      const sign = v[1] === '' ? '' : (v[1] === '+') !== flipped ? '+' : '-';
      if (/^-[acm]time$/.test(a) && ages.length > 0) {
        const days = Number(v[2]);
        const fits = ages.some((s) => (sign === '' || sign === s.sign) && Math.abs(s.seconds / 86400 - days) <= 1);
        if (!fits) out.push(`it keeps files by another age (${a} ${c.args[i + 1]}) than the request states`);
      } else if (/^-[acm]min$/.test(a) && ages.length > 0) {
        const minutes = Number(v[2]);
        const fits = ages.some((s) => (sign === '' || sign === s.sign) && Math.abs(s.seconds / 60 - minutes) <= Math.max(1, s.seconds / 60 / 20));
        if (!fits) out.push(`it keeps files by another age (${a} ${c.args[i + 1]}) than the request states`);
      } else if (a === '-size' && sizes.length > 0) {
        const bytes = Number(v[2]) * (bytesOf[v[3] || 'b'] ?? 512);
        const fits = sizes.some((s) => (sign === '' || sign === s.sign) && bytes >= s.bytes / 1.1 && bytes <= s.bytes * 1.1);
        if (!fits) out.push(`it keeps files by another size (-size ${c.args[i + 1]}) than the request states`);
      }
    });
  }
  return [...new Set(out)];
}

/** What a request states with a value, for the checks above. */
export function amountsOf(lower: string, durations: { value: string; amount?: number; unit?: string; sign?: string; at: number }[], sizes: { amount?: number; unit?: string; sign?: string }[]): NonNullable<Intent['amounts']> {
  // "not modified in the last 14 days": the span said, turned around by the negation before it.
  const turned = (at: number) => /\b(?:not|never|no|none|without)\b|n't\b/.test(lower.slice(Math.max(0, at - 45), at));
  const sign = (d: { sign?: string; at: number }) => (d.sign === '-' && turned(d.at) ? '+' : d.sign === '+' && turned(d.at) ? '' : d.sign ?? '');
  return {
    // "yesterday", "last week": a day named, not a span with a side.
    ages: durations.filter((d) => !/^(?:today|yesterday|this week|last week|fortnight)$/.test(d.value)).flatMap((d) => { const s = unitSeconds(d.unit ?? ''); return s && d.amount !== undefined ? [{ seconds: s * d.amount, sign: sign(d) }] : []; }),
    sizes: sizes.flatMap((d) => { const b = bytesOf[d.unit ?? '']; return b && d.amount !== undefined ? [{ bytes: b * d.amount, sign: d.sign ?? '' }] : []; }),
  };
}

// Words that only say "files" or a place: a name test built from one was made up.
// ... and the words for what a file has ("the inode number", "their size"): a property, not a name.
const generic = /^(?:files?|folders?|dir(?:ectory|ectories|s)?|scripts?|documents?|stuff|things|items?|ones?|everything|all|them|it|inodes?|sizes?|owners?|permissions?|modes?|dates?|times?|timestamps?|ages?|types?|extensions?|suffix(?:es)?|numbers?|lengths?|counts?|checksums?|hash(?:es)?|links?|contents?)$/;

// Words for hidden files: "hidden", "dot files", "names that begin with a dot".
const hiddenTalk = /\b(?:hidden|invisible|dot[- ]?(?:files?|folders?|director\w*|dirs?))\b|\b(?:start|begin)\w*\s+with\s+(?:an?\s+)?(?:dot|period|full stop|["'`]?\.)|\bdot\b/;

/**
 * `find logs -name '*.log' -name 'backup*'`, `find tmp -path '*files*'`: a
 * name test whose letters the request never says (a kind, a name, a word of
 * it), or says only as "files".
 */
export function madeUpNameTest(intent: Intent, commands: CommandFact[]): string[] {
  for (const c of finds(commands)) {
    for (let i = 0; i < c.args.length; i++) {
      if (!nameTest.test(c.args[i])) continue;
      const value = c.args[i + 1] ?? '';
      // `-name ..` matches nothing: .. is a place, not a name.
      if (/^\.\.?$/.test(value)) return [`it tests for the name ${value}, which no file has`];
      if (slot.test(value) || (/^(?:!|-not)$/.test(c.args[i - 1] ?? '') && /\.git|node_modules/.test(value)) || /^-prune$/.test(c.args[i + 2] ?? '')) continue;
      // `! -name '*.*'` keeps the files with no extension.
      if (value === '*.*' && /^(?:!|-not)$/.test(c.args[i - 1] ?? '') && !noExtension.test(intent.words)) return ['it keeps only files with no extension, which the request does not ask for'];
      // `-name '.*'` picks hidden files (or, after !, leaves them out): the request has to speak of them.
      if (/^\.(?:\*|\?\*|\[!.\]\*)$/.test(value) && !hiddenTalk.test(intent.words) && !intent.words.includes(value)) return [`it ${/^(?:!|-not)$/.test(c.args[i - 1] ?? '') ? 'leaves out' : 'keeps only'} hidden files (${value}), which the request does not speak of`];
      // A class of characters (`[0-9]*`, `[A-Z]*.txt`) is said in words ("begins with a digit"), not letters.
      const stems = value.toLowerCase().replace(/\\[.()|]|\[[^\]]*\]/g, ' ').split(/[^a-z0-9_-]+/).filter((s) => s.length >= 3);
      for (const s of stems) {
        const said = new RegExp(`(?<![a-z0-9])${escapeRegExp(s)}`).test(intent.words) || intent.kinds.some((k) => k.toLowerCase() === s);
        if (!said) return [`it keeps only files named ${value}, a name the request does not give`];
        const bareValue = value.toLowerCase().replace(/^\*|\*$/g, '');
        if (generic.test(s) && (bareValue === s || !intent.words.includes(bareValue)) && !(/[*?]/.test(value) && intent.words.includes(value.toLowerCase())) && !new RegExp(`["'\`]${escapeRegExp(s)}|(?:called|named)\\s+["'\`]?${escapeRegExp(s)}`).test(intent.words)) return [`it takes the word "${s}" of the request as a file name (${value})`];
      }
    }
  }
  return [];
}

const ownerCondition = /\b(?:owned|uids?|gids?|with (?:the )?(?:user|owner|group)|belong\w*|whose (?:owner|user|group)|(?:of|by|for) (?:the )?(?:user|group)|nobody|no (?:owner|user)|orphan\w*|without (?:an? )?(?:owner|user)|\w+'s (?:files|scripts|logs|folders?))\b/;

/** `find … -user root -exec chown bob {} +` for "make bob the owner of the .ts files": an owner test the request never states. */
export function ownerTestUnstated(intent: Intent, commands: CommandFact[]): string[] {
  if (ownerCondition.test(intent.words)) return [];
  const tested = finds(commands).find((c) => c.args.some((a) => /^-(?:user|group|uid|gid|nouser|nogroup)$/.test(a)));
  if (!tested) return [];
  const at = tested.args.findIndex((a) => /^-(?:user|group|uid|gid|nouser|nogroup)$/.test(a));
  return [`it keeps only files of a certain owner (${tested.args.slice(at, at + 2).join(' ')}), a condition the request does not state`];
}

/**
 * "list the .py files in build" planned as `find logs …`, "copy the .sh files
 * in conf to backup/" as `find backup … -exec cp -t conf`: a search that
 * starts only in folders other than the one the request names.
 */
export function searchedElsewhere(intent: Intent, commands: CommandFact[]): string[] {
  if (intent.scope.length === 0) return [];
  const norm = (p: string) => barePath(p, { quotes: 'none' }) || '.';
  const inside = (p: string) => intent.scope.some((s) => p === s || p.startsWith(`${s}/`) || s.startsWith(`${p}/`)) || (intent.names.includes(p) && /\.\w+$/.test(p));
  for (const c of finds(commands)) {
    const first = c.args.findIndex((a) => /^[-!(]/.test(a));
    const starts = (first < 0 ? c.args : c.args.slice(0, first)).map(norm);
    const real = starts.filter((s) => s !== '.' && !s.startsWith('/') && !s.includes('$') && !slot.test(s));
    if (real.length > 0 && real.length === starts.length && !real.some(inside)) return [`it searches ${real.join(', ')}, but the request names ${intent.scope.join(', ')}`];
  }
  return [];
}

// A read the policy places in the workspace, or cannot place at all, is no read outside it.
const placedInside = new Set(['workspace', 'workspace-root', 'unknown-location']);
// ... which a request may name in words: "my home folder", "the parent folder", "system-wide", "/etc".
const saysElsewhere = /(?:\bhome\b|~|\bparent\b|\babove\b|\bup one\b|\bsystem\b|\broot\b|\bmachine\b|\bcomputer\b|\bdisk\b|\beverywhere\b|\bentire\b|(?:^|\s)\/\w|\.\.)/;

/** "how big is the docs folder" planned as `du -sh ~`, "search the logs folder for ERROR" as `grep -r ERROR ..`: a look outside the workspace for a request that names a place in it. */
export function readsElsewhere(intent: Intent, commands: CommandFact[]): string[] {
  if ((intent.scope.length === 0 && !intent.names.some((n) => /\.\w{1,8}$/.test(n))) || saysElsewhere.test(intent.words)) return [];
  const read = commands.flatMap((c) => c.reads).find((p) => !p.dynamic && !/^\/dev\/(?:null|std(?:in|out|err)|zero|fd\/\d)$/.test(p.path) && !p.classes.some((k) => placedInside.has(k)) && !intent.words.includes(p.path.toLowerCase()));
  const named = intent.scope.length > 0 ? intent.scope : intent.names;
  return read ? [`it looks in ${read.path}, outside the workspace, but the request names ${named.join(', ')}`] : [];
}

/** "the files that do not belong to any user" planned as `find . ! -user "$(id -un)"`: an owner tested, where the request asks for files of none. */
export function ownerForNoOwner(intent: Intent, commands: CommandFact[]): string[] {
  for (const [kind, none] of [['user', '-nouser'], ['group', '-nogroup']] as const) {
    if (!ownerless[kind].test(intent.words)) continue;
    const tested = finds(commands).find((c) => c.args.includes(`-${kind}`) && !c.args.includes(none));
    if (tested) return [`it tests a ${kind} (-${kind} ${argAfter(tested, kind)}), but the request asks for files of no ${kind} (${none})`];
  }
  return [];
}

/** "chown the files under logs" planned as `chown logs …`: an owner nobody named. */
export function madeUpOwner(intent: Intent, commands: CommandFact[]): string[] {
  for (const c of commands) {
    const program = programOf(c);
    if (program !== 'chown' && program !== 'chgrp') continue;
    const owner = c.args.find((a) => !a.startsWith('-'));
    if (owner === undefined || slotValue.test(owner) || /^\$/.test(owner) || owner.startsWith('--reference')) continue;
    const names = owner.toLowerCase().split(/[:.]/).filter((n) => n !== '');
    // Named as a user: read as one, or written after "to", "by", "as", "for", "user" or "group", quoted or not.
    const given = (n: string) => intent.owners.includes(n) || new RegExp(`\\b(?:to|by|as|for|user|group|owner)\\s+["'\\x60]?${escapeRegExp(n)}\\b`).test(intent.words);
    if (!names.every(given)) return [`it gives the files to ${owner}, an owner the request does not name`];
  }
  return [];
}
