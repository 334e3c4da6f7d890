// "replace spaces with underscores in the file names", "rename all files
// under src replacing foo with bar": a part of each file's name swapped for
// another. Each file whose name holds the part is renamed where it is, with
// `mv -n` so no file is written over; in the folder named, or in every folder
// below it when the request says so (deepest first, so a renamed folder never
// hides what is in it).

import type { EmbeddedCandidate } from './embeddedPlanner';
import type { RequestFacts } from './requestFacts';
import { aboutFileNames } from './bulkRenames';

// Characters said in words: "spaces", "underscores", "dashes".
const spelled: Record<string, string> = { space: ' ', spaces: ' ', blank: ' ', blanks: ' ', underscore: '_', underscores: '_', dash: '-', dashes: '-', hyphen: '-', hyphens: '-', dot: '.', dots: '.', period: '.', periods: '.', comma: ',', commas: ',' };
const part = String.raw`(?:"([^"/*?\[\]\\$\x60]+)"|'([^'/*?\[\]\\$\x60]+)'|([\w.,+-]+))`;
// "replace foo with bar", "replacing 'special' with 'regular'", "substitute spaces with underscores", "change _test to _spec", "spaces to underscores".
const swap = new RegExp(String.raw`\b(?:replac(?:e|es|ing)|substitut(?:e|es|ing)|chang(?:e|es|ing)|swap(?:ping)?|turn(?:ing)?|convert(?:ing)?|renam(?:e|es|ing))\s+(?:all\s+|every\s+|each\s+|any\s+)?(?:(?:the\s+)?(?:occurrences?|instances?)\s+of\s+)?(?:the\s+)?(?:(?:word|text|string|part)\s+)?${part}\s+(?:(?:in|of)\s+(?:the\s+|their\s+|all\s+(?:the\s+)?)?(?:\*?\.?[a-z0-9]{1,5}\s+)?(?:file\s?names?|names?|files)\s+)?(?:with|to|by|into|for)\s+(?:an?\s+)?(?:the\s+)?${part}`, 'gi');
const recursive = /\b(?:recursive(?:ly)?|tree|sub-?(?:director(?:y|ies)|folders?|dirs?)|under|below|beneath|at any depth|every level|all levels|nested)\b/i;
const shellSafe = /^[\w .,+-]+$/;

// Words that stand for no text to put in, or for several characters: Paladin does not guess which.
const unsure = /^(?:nothing|empty|blank|none|whitespace|white\s?spaces?|tabs?|newlines?|characters?|letters?|digits?|numbers?)$/i;

function valueOf(m: RegExpMatchArray, from: number): string | undefined {
  const raw = m[from] ?? m[from + 1] ?? m[from + 2];
  if (raw === undefined) return undefined;
  const quoted = m[from] !== undefined || m[from + 1] !== undefined;
  if (quoted) return raw;
  // "… with bar, then list them": the comma ends the sentence, not the name.
  const word = raw.replace(/[.,]+$/, '');
  return spelled[word.toLowerCase()] ?? (unsure.test(word) || word === '' ? undefined : word);
}

// The swap is said of names: "… in the file names", "… in their names", or the files are renamed ("rename all files … replacing").
const namesAfter = /^\s+in\s+(?:the\s+|their\s+|its\s+|all\s+(?:the\s+)?)?(?:file\s?names?|names?(?!\s+of\s+the\s+files?\s+(?:named|called)))\b|^\s+in\s+the\s+names?\s+of\b/i;
const renamedFiles = /\brenam(?:e|es|ing)\s+(?:all\s+|every\s+|each\s+)?(?:the\s+|of\s+the\s+)?(?:[\w.*-]+\s+)?(?:files?|entries|folders?|director(?:y|ies))\b/i;
// What the files hold, or names left alone: the swap is in their text.
const aboutText = /\b(?:contents?|text|inside|lines?|code|source)\b|\b(?:keep\w*|leav\w*|not|without\s+chang\w*)\s+(?:\w+\s+){0,2}(?:file\s?names?|names?)\b/i;

/** The part of the names to swap and what goes in its place; undefined when the request asks no such swap of names. */
export function nameSwap(f: RequestFacts): { old: string; new: string } | undefined {
  // A file named is what the request is about ("replace commas with tabs in data.csv"): its text, or its own name.
  if (f.files.length > 0 || aboutText.test(f.lower)) return undefined;
  const found = [...f.text.matchAll(swap)];
  // Several swaps, or a swap and another change ("… and convert them to lowercase"): not one plan of this kind.
  const rest = found.length === 1 ? f.text.slice(found[0].index + found[0][0].length) : '';
  if (found.length !== 1 || /\band\s+(?:then\s+)?(?:replace|substitute|swap|convert|change|turn|make)\b/i.test(rest) || /^\s*(?:,|and|&)\s*\S+\s+(?:with|to|by|into)\s+\S/i.test(rest)) return undefined;
  const m = found[0];
  const middle = /\s(?:in|of)\s+(?:the\s+|their\s+|all\s+(?:the\s+)?)?(?:\*?\.?[a-z0-9]{1,5}\s+)?(?:file\s?names?|names?|files)\s/i.test(m[0]);
  const tied = middle || namesAfter.test(f.text.slice(m.index + m[0].length)) || (renamedFiles.test(f.text.slice(0, m.index)) && !/^renam/i.test(m[0])) || (aboutFileNames(f.lower) && /^(?:replac|substitut|swap)/i.test(m[0]) && /\bfile\s?names?\b/i.test(f.text.slice(m.index)));
  if (!tied) return undefined;
  const old = valueOf(m, 1);
  const next = valueOf(m, 4);
  if (old === undefined || next === undefined || old === next || !shellSafe.test(old) || !shellSafe.test(next)) return undefined;
  // An extension ("change the .mkv extension to .avi") is for other plans; so is a name the workspace has ("rename docs to documents").
  if (/^\.[a-z0-9]+$/i.test(old) || f.ws.files.has(old) || f.ws.dirs.has(old)) return undefined;
  if (/^(?:the|a|an|all|every|each|it|them|files?|names?|file\s?names?|folders?|directory|directories|extension|extensions|lowercase|uppercase|case)$/i.test(old)) return undefined;
  return { old, new: next };
}

const q = (s: string) => `'${s}'`;

/** `find DIR -depth -name '*old*' -exec bash -c …` or `for f in *old*; do mv -n …`, renaming each name that holds the part. */
export function nameSwapCandidates(f: RequestFacts): EmbeddedCandidate[] {
  const swapOf = nameSwap(f);
  if (!swapOf) return [];
  const dir = f.dirs[0]?.value ?? '.';
  if (!/^[\w./~@+-]+$/.test(dir)) return [];
  // "the spaces in mp3 files": only names of that kind.
  const ext = f.exts.length === 1 && /^[a-z0-9]{1,5}$/i.test(f.exts[0].value) ? `.${f.exts[0].value}` : '';
  // ... where the part may be the kind itself ("replace php with html in the names of the .php files").
  const holds = ext.includes(swapOf.old) ? `*${ext}` : `*${swapOf.old}*${ext}`;
  const pattern = q(holds);
  // In bash, ${b//old/new}: a space is written as it is inside the double quotes of the new name.
  const sub = `\${b//${swapOf.old}/${swapOf.new}}`;
  const base = { confidence: 0.84, source: 'files.rename_swap', filled: ['old', 'new'], missing: [] };
  const shown = `"${swapOf.old}" with "${swapOf.new}"`;
  if (recursive.test(f.lower.replace(/\b(?:the\s+)?names?\b/g, ''))) {
    return [{ ...base, command: `find ${dir} -mindepth 1 -depth -name ${pattern} -exec bash -c 'for f; do b=\${f##*/}; mv -n -- "$f" "\${f%/*}/${sub}"; done' bash {} +`, explanation: `Renames every file and folder below ${dir} (not ${dir} itself) whose name holds "${swapOf.old}", replacing ${shown}, deepest first; never writes over a file.` }];
  }
  const glob = `${dir === '.' ? '' : `${dir}/`}${ext.includes(swapOf.old) ? `*${ext}` : `*${q(swapOf.old)}*${ext}`}`;
  // The folder as the loop found it (`${f%/*}`): a `~` written inside quotes would not be the home folder.
  const target = dir === '.' ? `"\${f//${swapOf.old}/${swapOf.new}}"` : `"\${f%/*}/${sub}"`;
  const body = dir === '.' ? `[ -e "$f" ] && mv -n -- "$f" ${target}` : `b=\${f##*/}; [ -e "$f" ] && mv -n -- "$f" ${target}`;
  return [{ ...base, command: `for f in ${glob}; do ${body}; done`, explanation: `Renames each entry of ${dir === '.' ? 'this folder' : dir} whose name holds "${swapOf.old}", replacing ${shown}; never writes over a file.` }];
}
