// What a request keeps out of a change ("everything but the *ddl* files",
// "the .bak files, without the ones in backup", "all logs apart from
// app.log") held against the plan: a change must leave those out by a test
// that says so (`! -name`, `! -path`, `-prune`, `grep -v`, `--exclude`,
// `!(…)`), and never pick them as the very files to change.

import { kindExtensions, otherFileSystems } from './requestWords';

export interface KeptOut {
  /** The words of the request that keep something out ("but the *ddl* and *docs* files"). */
  said: string;
  /** What is kept, one word or pattern each, and whether it is a place ("in backup"). */
  kept: { word: string; place: boolean }[];
  /** Where those words start and end in the request. */
  from: number;
  to: number;
}

// A variable ("$KEEP days") or a name (".keep") keeps nothing. "but" keeps something out only after "everything", "all" or "every" ("delete all files but the pdfs"), never as "but first".
// ... and so do the names a request turns down: "not ending in .keep", "that aren't .ts", "non-log files", "without a .bak extension", "unless they are in backup".
// Kinds named alone: "but not the markdown", "but not the backups". A file named alone after a comma: "into old, not api.md".
const kindNames = Object.keys(kindExtensions).filter((k) => /^[a-z]{3,}$/.test(k)).join('|');
const keeping = new RegExp(String.raw`(?<![$\w{.])(?<!\bnon- )(?:(?:not|n't)\s+(?:be\s+)?(?:ending|end|ends|named|called|matching|match|starting|start|with(?=\s+(?:an?\s+|the\s+)?[*.]?\w+\s+(?:extension|suffix)))(?:\s+(?:in|with))?|(?:(?:are|is|be)\s*(?:not|n't)|aren't|isn't|arent|isnt)(?=\s+(?:an?\s+)?(?:[*.]\w|[\w-]+\s+files?\b))|\bnon-(?=\s*(?!(?:executable|empty|hidden|readable|writable|regular|recursive|interactive|zero|binary|text|ascii|printable|existent|existing)\b)[*.]?[\w-]+\s+files?\b)|without(?=\s+(?:an?\s+|the\s+)?(?!(?:an?|the)\s)[*.]?\w+\s+(?:extension|suffix)|\s+(?:the\s+)?[\w-]+\.\w+\b(?!\s+(?:extension|suffix)))|short of(?= (?:the )?[*.]?[\w-]+\.\w)|unless\s+(?:they|it|the ones?|those)(?:\s+(?:are|is)|'re|'s)|except(?: for)?(?!\s+(?:if|when)\s+[^,;.]{1,40}?\s+(?:already\s+)?exists?\b)|not counting|excluding|exclude|other than|apart from|save for|aside from|besides|barring|not including|with the exception of|minus(?= [*.]?[a-z])|without (?:touching|changing|deleting|removing)|but (?:do not |not |never )?(?:touch(?:ing)?|chang(?:e|ing)|delet(?:e|ing)|remov(?:e|ing)|mov(?:e|ing))|but never|(?<=\b(?:everything|all|every|each|any|the files)\b(?:(?!\b(?:then|and)\b)[^;])*\s)save(?= (?:for )?(?:[*.]?[\w-]+\.\w+(?![\w.-]*\s+(?:to|into|as|in|under|on)\b)|(?:the|those|these|any|all) (?![^,;]*\b(?:to|into|onto|as)\s)))|(?<!\b(?:in|into|to|from|the|a|an|of|at)\s+)bar(?= [*.]?[\w-]+\.\w| (?:the|those|any|all) )|(?:(?<=\b(?:delete|remove|rm|erase|rid of|wipe|purge|clean|trash|clear|nuke)\b[^;]*(?:[,;]\s*|\bbut\s+))save|(?<=\b(?:delete|remove|rm|erase|rid of|wipe|purge|clean|trash|clear|nuke)\b[^;]*\s)save(?= [\w-]+'s\b| [*.]?[\w-]+\.\w)|(?<=(?:^|[,;.!]\s*)(?:\w+\s+){0,2})save(?=[^,;]*[,;]\s*(?:delete|remove|rm|erase|get rid|wipe|purge|clean|trash|clear|nuke)\b))(?= (?:for )?(?:the |those |these |any |all )?[*.]?[\w'-]+)(?![^,;]*\b(?:to|into|onto|as|under)\s)|(?<=[,;]\s*|\s)(?<!\b(?:do|does|did|should|must|will|can|could|would|are|is|please)\s+)not(?= (?:(?:the|those|these|any) )?[*.]?[\w-]+ (?:ones|files)\b)|(?<=[,;]\s*(?:but\s+)?|\bbut\s+)not(?= (?:the )?[\w-]+\.\w{1,8}(?![\w.-]))|omitting|though not|leaving out|not the ones|not those|without (?:the ones|those|any(?= (?:in|under|inside|named|called|matching|ending|starting|that|which)\b))|keep(?:ing)?(?! (?:a |the )?(?:backups?|cop(?:y|ies)|originals?)\b)|leav(?:e|ing)(?! (?:out|alone)\b)|spar(?:e|ing)|skip(?:ping)?|ignor(?:e|ing)|but not(?= [\w-]+'s\b| (?:(?:the|those|these|any) )?[*.]?[\w.-]+ (?:ones|files)\b| (?:the|those|these|any) (?:${kindNames})s?\b| (?:the|those|these) (?:newest|latest|recent)\b)|(?<=\b(?:everything|all|every|any)\b.*)but(?: not)?(?= (?:the|those|these|any|for|files?|ones?)\b| ['"]?[*.]| ['"]?[\w-]+\.\w))\s+`, 'g');

// Words for a time, not a name: what they keep is kept by its age.
export const timeWord = /^(?:today|yesterday|tonight|recent|newest|latest|fresh|week|month|year|day|hour|morning|weekend)(?:'?s)?$/i;

// "relative path names", "the full paths": how names are written, not a name.
const pathForm = /^(?:the\s+|their\s+|its\s+)?(?:relative|full|absolute|whole)\s+(?:path\s*names?|paths?|file\s*names?|names?)\b/;

// Where what is kept ends: a destination, a next step, a reason.
const phraseEnd = /\s+(?:to|into|onto|(?<!\b(?:ones|those|files|anything)\s+)from|then|so|because|when|while|using|via|instead|and (?:then|also|(?:compress|move|copy|delete|remove|replace|print|show|list|count|archive|chmod|chown|change|make|put|gzip|zip|tar|rename|create|set|send|save|write|run|display|search|find|grep|sort|trim|append|keep|leave|add)\w*))\b|[,;:!?()]|\.(?:\s|$)/;

// Words that say how, or name what no test picks ("keep the originals", "ignoring case", "leave the folders").
const plain = new Set(['the', 'contain', 'contains', 'containing', 'from', 'now', 'me', 'please', 'thanks', 'thank', 'you', 'right', 'away', 'a', 'an', 'of', 'and', 'or', 'for', 'ones', 'one', 'those', 'these', 'them', 'it', 'its', 'their', 'that', 'which', 'are', 'is', 'in', 'inside', 'under', 'within', 'named', 'called', 'ending', 'ends', 'starting', 'starts', 'with', 'matching', 'match', 'any', 'all', 'my', 'our', 'your', 'files', 'file', 'kind', 'type', 'types', 'extension', 'extensions', 'suffix', 'name', 'names', 'whose', 'have', 'has', 'there', 'here', 'only', 'just', 'also', 'out', 'not',
  'folder', 'folders', 'directory', 'directories', 'dir', 'dirs', 'subfolder', 'subfolders', 'subdirectories', 'structure', 'tree', 'hierarchy', 'layout', 'original', 'originals', 'copy', 'copies', 'source', 'sources', 'case', 'errors', 'error', 'permissions', 'timestamps', 'times', 'ownership', 'owner', 'links', 'symlinks', 'same', 'rest', 'others', 'other', 'existing', 'current', 'going', 'running', 'open', 'empty', 'line', 'lines', 'first', 'last', 'newest', 'oldest', 'latest', 'recent', 'largest', 'biggest', 'smallest', 'top', 'level', 'header', 'content', 'contents', 'text', 'track', 'everything', 'nothing', 'mind', 'up', 'safe', 'as', 'intact', 'alone', 'untouched', 'place', 'itself', 'themselves', 'around', 'behind', 'already', 'modification', 'dates', 'attributes', 'metadata', 'modes', 'below', 'beneath', 'deeper', 'further', 'down', 'subfolders', 'subdirectories', 'sub-folders', 'sub-directories',
  // "excluding CONFIGFILE located under src": where the kept thing lies, not another thing kept.
  'located', 'found', 'stored', 'residing', 'lying', 'sitting']);

const placeFiller = new Set(['in', 'inside', 'under', 'within', 'below', 'the', 'path', 'paths', 'of', 'present', 'located', 'found', 'stored', 'a', 'an', 'my', 'our', 'your', 'its', 'their', 'folder', 'folders', 'directory', 'directories', 'dir', 'dirs', 'subfolder', 'subfolders', 'subdirectories', 'current', 'one', 'ones', 'those', 'these', 'that', 'which', 'are', 'is', 'files', 'file']);

/**
 * What the request keeps out of its change, by the words that keep it; empty
 * when it keeps nothing a test could name. A kept word is spelled as the
 * request spells it ("but leave README.md": `-name` is case-sensitive), and
 * one that names a folder of the workspace (`dirs`) is a place.
 */
export function keptOut(request: string, dirs?: ReadonlySet<string>): KeptOut[] {
  const words = request.toLowerCase().length === request.length ? request.toLowerCase() : request;
  const spelled = (w: string, from: number, to: number) => {
    const at = words.slice(from, to).indexOf(w);
    return at < 0 ? w : request.slice(from + at, from + at + w.length);
  };
  const out: KeptOut[] = [];
  const { text, origin } = spelledForKeeping(words);
  for (const m of text.matchAll(keeping)) {
    const rest = text.slice((m.index ?? 0) + m[0].length);
    const said = rest.split(phraseEnd)[0].trim();
    const end = (m.index ?? 0) + m[0].length + rest.indexOf(said) + said.length;
    // "but not the newest", "except the recent ones": kept by their age, with no count to rank by.
    if (m[0].trim() !== 'but' && /^(?:the\s+)?(?:newest|latest|recent)\b(?!\s+\d)/.test(said)) {
      out.push({ said: `${m[0].trim()} ${said}`, kept: [{ word: 'newest', place: false }], from: origin[m.index ?? 0], to: origin[end] ?? words.length });
      continue;
    }
    // "all but the 5 newest" is kept by an order, judged elsewhere.
    if (/^(?:the\s+)?(?:\d+|one|two|three|few|newest|latest|oldest|largest|biggest|smallest|most|first|last)\b/.test(said)) continue;
    // "ignoring case distinctions" keeps no file out, nor "excluding other partitions" (the walk stays on its file system: -xdev).
    // ... nor "keeping relative path names", "preserving full paths": the form of the names a copy keeps.
    if (/^case\b/.test(said) || otherFileSystems.test(said) || pathForm.test(said)) continue;
    const kept: KeptOut['kept'] = [];
    let place = false;
    const parts = said.split(/\s+/).map((x) => x.replace(/^["'`(]+|["'`).]+$/g, ''));
    for (const [i, w] of parts.entries()) {
      if (/^(?:in|inside|under|within|below)$/.test(w)) {
        // "hidden files in src": src is where the whole request acts; "the ones in old" keeps old.
        if (kept.length > 0) break;
        place = true;
      }
      // After "in", a word is a folder's name, even one that is plain elsewhere ("the ones in backup").
      // ... and before "ones" or "files", a word for a kind is that kind ("not the text ones").
      // ... and so is one after "unless they're" ("unless they're text").
      const kind = (/^(?:ones|files)$/.test(parts[i + 1] ?? '') || /^unless\b/.test(m[0])) && kindExtensions[w] !== undefined;
      if ((plain.has(w) && !(place && !placeFiller.has(w)) && !kind) || w.replace(/[*.]/g, '').length < 2 || /^\d+$/.test(w)) continue;
      kept.push({ word: w, place });
    }
    const from = origin[m.index ?? 0];
    const to = origin[end] ?? words.length;
    const named = kept.map((k) => ({ word: spelled(k.word, from, to), place: k.place || (dirs?.has(k.word.replace(/\/+$/, '')) ?? false) }));
    if (kept.length > 0) out.push({ said: `${m[0].trim()} ${said}`, kept: named, from, to });
  }
  return out;
}

/**
 * The request with "non-log" read as "non- log" and "don't" as "do not", so
 * one pattern reads both; `origin` maps each place back to the request's own.
 */
function spelledForKeeping(words: string): { text: string; origin: number[] } {
  const parts: string[] = [];
  const origin: number[] = [];
  const copy = (from: number, to: number) => {
    parts.push(words.slice(from, to));
    for (let i = from; i < to; i++) origin.push(i);
  };
  let last = 0;
  for (const m of words.matchAll(/\bnon-(?=\w)|(?<=\w)n't\b/g)) {
    copy(last, m.index);
    const spelled = m[0] === "n't" ? ' not' : 'non- ';
    parts.push(spelled);
    for (let i = 0; i < spelled.length; i++) origin.push(m.index + (m[0] === "n't" ? 0 : Math.min(i, 3)));
    last = m.index + m[0].length;
  }
  copy(last, words.length);
  origin.push(words.length);
  return { text: parts.join(''), origin };
}

/** Words that turn down the name after them: "not ending in .keep", "except the files starting with tmp". */
export const refusing = String.raw`\bnot|n't|\bnever|\b(?:except(?: for)?|excluding|other than|apart from|but not|save for)(?:\s+(?:the\s+)?(?:files?|ones|those))?(?:\s+(?:that|which))?`;

/** "that are not", "aren't", "isn't", "unless they are": a kind or a place turned down before it is named. */
export const notBeing = String.raw`\b(?:(?:are|is)\s*(?:not|n't)|aren'?t|isn'?t|unless\s+(?:they|it|the ones?|those)(?:\s+(?:are|is)|'re|'s))`;

const kindsTurnedDown = new RegExp(String.raw`${notBeing}\s+(?:an?\s+)?['"\x60]?(\.?\w+)['"\x60]?\s+files?\b|\bnon-\s*(\.?\w+)\s+files?\b|\bwithout\s+(?:an?\s+|the\s+)?(?!(?:an?|the|any|no)\s)['"\x60]?(\.?\w+)['"\x60]?\s+(?:extension|suffix)\b`, 'gi');

/**
 * The kinds of file a request turns down, "that aren't .ts files", "non-log
 * files", "without a .bak extension": the word as written (its dot kept),
 * where it is, and whether it was said as an extension. The tests that leave
 * them out (findConditions.ts) and the check of kinds excepted
 * (scopeChecks.ts) both read them here.
 */
export function turnedDownKinds(words: string): { word: string; at: number; suffix: boolean }[] {
  return [...words.matchAll(kindsTurnedDown)].map((m) => ({ word: m[1] ?? m[2] ?? m[3], at: m.index, suffix: m[3] !== undefined }));
}

/** Whether the words at `at` are among those the request keeps out ("every file save main.ts"), given what `keptOut` read. */
export function keptAt(kept: readonly KeptOut[], at: number): boolean {
  return kept.some((k) => at >= k.from && at < k.to);
}

// The parts of a command that leave files out.
const leaving = [
  /(?:!|-not)\s+(?:\\\((?:[^)\\]|\\(?!\)))*\\\)|-\w+\s+(?:'[^']*'|"[^"]*"|\S+))/g,
  /(?:\\\((?:[^)\\]|\\(?!\)))*\\\)|-\w+\s+(?:'[^']*'|"[^"]*"|\S+))\s+-prune\b/g,
  /\b(?:grep|egrep|fgrep|rg)\s+(?:-[\w-]+\s+)*-\w*v\w*\b[^|;&]*/g,
  /--(?:exclude|exclude-dir|ignore|iglob)[= ](?:'[^']*'|"[^"]*"|\S+)|\s-x\s+(?:'[^']*'|"[^"]*"|\S+)/g,
  /!\([^)]*\)|\bGLOBIGNORE=\S+|!=\s*(?:'[^']*'|"[^"]*"|\S+)|!\s*\/[^/]+\//g,
];

// The parts that pick files to change: find's start and name tests, and patterns.
const picking = /\bfind\s+(?:-[HLP]\s+)*((?:[^-\s(!\\]\S*\s+)+)|-i?(?:name|path|wholename|regex)\s+('[^']*'|"[^"]*"|\S+)|(?:^|\s)(\S*\*\S*)/g;

/** A kept word as the command would spell it: `*ddl*` → ddl, `.txt` → txt, "pdfs" → pdf. */
function spellings(k: KeptOut['kept'][number]): string[] {
  const core = k.word.toLowerCase().replace(/\*/g, '').replace(/^\./, '').replace(/\/+$/, '');
  const kind = k.place ? undefined : kindExtensions[core] ?? kindExtensions[core.replace(/s$/, '')];
  return [...new Set([core, core.replace(/s$/, ''), ...(kind ? [kind] : []), ...(core === 'hidden' ? ['.*', '/.'] : []), ...(/^(?:compressed|g?zipped)$/.test(core) ? ['gz', 'zip'] : [])])].filter((s) => s.length >= 2);
}

/** The extension of a kind kept in words ("the markdown", "the backups"), none for a name, a pattern or a place. */
function kindOf(k: KeptOut['kept'][number]): string[] {
  const core = k.word.toLowerCase();
  if (!k.place && /^\*?\.\w{1,8}$/.test(core)) return [core.replace(/^\*?\./, '')];
  const ext = k.place || /[*./]/.test(core) ? undefined : kindExtensions[core] ?? kindExtensions[core.replace(/s$/, '')];
  return ext ? [ext.toLowerCase()] : [];
}

/**
 * Every way `command`, a change, fails what the request keeps out: it
 * picks the kept files as the ones to change, or changes every file it
 * picks with no test that leaves them out. (Called for plans that change
 * something; `read` is what `keptOut` read of `words`, when the caller has it.)
 */
export function keptOutChanged(words: string, command: string, read: readonly KeptOut[] = keptOut(words)): string[] {
  const spelledLeaves = leaving.flatMap((re) => [...command.matchAll(re)].map((m) => m[0]));
  const leaves = spelledLeaves.map((l) => l.toLowerCase());
  let rest = command.toLowerCase();
  for (const l of leaves) rest = rest.replace(l, ' ');
  const found = [...rest.matchAll(picking)];
  const picks = found.map((m) => (m[2] ?? m[3] ?? '').toLowerCase()).filter(Boolean);
  // A folder find starts from is picked by its whole name: "the non-log files in logs" keeps log files, not logs.
  const starts = found.flatMap((m) => (m[1] ?? '').toLowerCase().split(/[\s/'"]+/)).filter(Boolean);
  // A kind kept ("bar the markdown") is picked by its extension too (`-name '*.md'`).
  const picked = (k: KeptOut['kept'][number]) => (kindOf(k).length > 0 ? kindOf(k).some((e) => picks.some((p) => p.includes(`.${e}`))) : spellings(k).slice(0, 2).some((s) => picks.some((p) => p.includes(s)) || starts.includes(s)));
  // ... and left out only by a test of its extension: `-not -path '*/markdown'` keeps a folder, not the markdown files.
  const left = (k: KeptOut['kept'][number]) => (kindOf(k).length > 0 ? kindOf(k).flatMap((e) => [`*.${e}`, `\\.${e}`]) : spellings(k)).some((s) => leaves.some((l) => l.includes(s)));
  const out: string[] = [];
  for (const { said, kept } of read) {
    // "except today's", "but not this week's": files kept by their time, which only an age test turned around leaves out.
    if (kept.some((k) => timeWord.test(k.word))) {
      const recent = /(?<!(?:!|-not)\s+)-(?:[acm]time|[acm]min)\s+-\d|(?<!(?:!|-not)\s+)-newer\w*\s/.test(command);
      const spares = /(?:!|-not)\s+-(?:[acm]time|[acm]min|newer\w*)\s|-(?:[acm]time|[acm]min)\s+\+\d/.test(command);
      if (recent || !spares) out.push(recent ? `it changes the files of the time the request keeps (${said})` : `it does not leave out the files of the time the request keeps (${said})`);
      continue;
    }
    const inverted = kept.find((k) => !/^hidden$/.test(k.word) && picked(k));
    if (inverted) {
      out.push(`it changes what the request keeps (${said}), picking ${inverted.word} as the files to change`);
      continue;
    }
    // "delete the .log files, not the .md ones" planned as `-name '*.log'`: a kind other than every kind picked is kept already.
    const apart = (k: KeptOut['kept'][number]) => kindOf(k).length > 0 && picks.length > 0 && picks.every((p) => /^\*\.[\w.]+$/.test(p.replace(/['"]/g, '')) && !kindOf(k).some((e) => p.replace(/['"]/g, '').endsWith(`.${e}`)));
    const missed = kept.filter((k) => !left(k) && !apart(k));
    if (missed.length > 0) out.push(`it does not leave out ${missed.map((k) => k.word).join(', ')}, which the request keeps (${said})`);
    // `-name` tells README.md from readme.md: a name with capitals is left out as it is spelled, or by a test that ignores case.
    const misspelled = kept.filter((k) => !missed.includes(k) && k.word !== k.word.toLowerCase() && /\w\.\w/.test(k.word) && !spelledLeaves.some((l) => l.includes(k.word) || /^(?:!|-not)\s+-i(?:name|path)\b|^(?:grep|egrep|rg)\s.*\s-\w*i/.test(l)));
    if (misspelled.length > 0) out.push(`it leaves out ${misspelled.map((k) => k.word.toLowerCase()).join(', ')}, not ${misspelled.map((k) => k.word).join(', ')} as the request spells it (${said})`);
  }
  return out;
}

// Words before "files" that pick no kind a name test could keep ("all the big files", "the regular files").
const noKind = /^(?:all|the|any|every|each|some|these|those|my|our|your|their|its|such|same|other|regular|normal|plain|ordinary|hidden|visible|big|bigger|large|larger|huge|small|smaller|tiny|old|older|new|newer|recent|stale|unused|empty|duplicate|broken|extra|remaining|leftover|current|important|useless|unneeded|unnecessary|junk|generated|modified|changed|edited|open|locked|shared|local|remote|single|many|few|two|three|\d+)$/;

// Head nouns that name no set of their own: "every file in backup except …", "everything but …", "files older than 3 days except …".
const noSet = /^(?:files?|everything|all|anything|stuff|contents?|things|items|ones|them|it|this|that|these|those|folders?|director(?:y|ies)|dirs?|workspace|project|repo|here|there|now|please|up|out|away|off|\w+ly|\d+\w*|(?:second|minute|hour|day|week|month|year|byte|kb|mb|gb)s?)$/;

/**
 * "delete all pyc files but not those under venv" planned as `find . -type f
 * -not -path '*\/venv/*' -delete`, "delete the backups unless they are .ts
 * files" as `find . -type f ! -name '*.ts' -delete`: the set asked for
 * dropped, and only what is left out kept. The kind before "files" must be
 * picked by the plan, and a set named by its own noun ("the backups", "the
 * tests") by some test that picks files, not only by tests that leave some out.
 */
export function kindBesideKept(words: string, command: string, read: readonly KeptOut[] = keptOut(words)): string[] {
  const first = read[0];
  if (!first) return [];
  const object = words.slice(0, first.from);
  const lower = command.toLowerCase();
  let chosen = lower;
  for (const l of leaving.flatMap((re) => [...lower.matchAll(re)].map((m) => m[0]))) chosen = chosen.replace(l, ' ');
  for (const m of object.matchAll(/\b\.?([a-z][a-z0-9]{1,7})\s+files\b/g)) {
    const word = m[1];
    if (noKind.test(word) || plain.has(word)) continue;
    const ext = kindExtensions[word] ?? kindExtensions[word.replace(/s$/, '')];
    if (!chosen.includes(word) && !(ext && chosen.includes(ext.toLowerCase()))) return [`it changes files of every kind but what it leaves out, but the request names the ${word} files`];
  }
  // The set's own noun, last before what is kept, once "in backup" and the like are set aside.
  const head = /\b(?:the|all|every|each|any|my|our|those|these)\s+(?:old\s+|stale\s+|unused\s+)?([a-z][a-z-]{2,})\s*$/.exec(object.replace(/\s+(?:in|inside|under|within|from)\s+(?:the\s+)?\S+(?:\s+(?:folder|directory|dir))?\s*$/, '').replace(/[,;:]\s*$/, ''));
  const noun = head?.[1];
  if (!noun || noSet.test(noun) || plain.has(noun) || noKind.test(noun)) return [];
  const ext = kindExtensions[noun] ?? kindExtensions[noun.replace(/s$/, '')];
  const picks = /(?:^|\s)-i?(?:name|path|wholename|regex)\s|\*/.test(chosen) || new RegExp(String.raw`\bfind\s+(?:\S*/)?${noun.replace(/s$/, '')}`).test(chosen);
  if (ext ? !chosen.includes(ext.toLowerCase()) && !picks : !picks) return [`it changes files of every kind but what it leaves out, but the request names the ${noun}`];
  return [];
}
