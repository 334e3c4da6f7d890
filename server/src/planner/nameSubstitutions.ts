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

function valueOf(m: RegExpMatchArray, from: number): string | undefined {
  const raw = m[from] ?? m[from + 1] ?? m[from + 2];
  if (raw === undefined) return undefined;
  const quoted = m[from] !== undefined || m[from + 1] !== undefined;
  return quoted ? raw : spelled[raw.toLowerCase()] ?? raw;
}

/** The part of the names to swap and what goes in its place; undefined when the request asks no such swap of names. */
export function nameSwap(f: RequestFacts): { old: string; new: string } | undefined {
  // A file named is what the request is about ("replace commas with tabs in data.csv"): its text, or its own name.
  if (f.files.length > 0) return undefined;
  const named = aboutFileNames(f.lower) || /\brenam(?:e|es|ing)\b/.test(f.lower);
  for (const m of f.text.matchAll(swap)) {
    // "replace php with html in their names" (not "… in the files with baz in their names", which picks the files).
    if (!named && !/^\s+in\s+(?:their|its)\s+(?:file\s?)?names?\b/i.test(f.text.slice(m.index + m[0].length))) continue;
    const old = valueOf(m, 1);
    const next = valueOf(m, 4);
    if (old === undefined || next === undefined || old === next || !shellSafe.test(old) || !shellSafe.test(next)) continue;
    // "rename notes.txt to n.md" names one file; "change the .mkv extension to .avi" is an extension, which other plans handle.
    if (f.files.some((x) => x.raw === old || x.value === old) || /^\.[a-z0-9]+$/i.test(old)) continue;
    if (/^(?:the|a|an|all|every|each|it|them|files?|names?|file\s?names?|folders?|directory|directories|extension|extensions|lowercase|uppercase|case)$/i.test(old)) continue;
    return { old, new: next };
  }
  return undefined;
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
    return [{ ...base, command: `find ${dir} -depth -name ${pattern} -exec bash -c 'for f; do b=\${f##*/}; mv -n -- "$f" "\${f%/*}/${sub}"; done' bash {} +`, explanation: `Renames every file and folder under ${dir} whose name holds "${swapOf.old}", replacing ${shown}, deepest first; never writes over a file.` }];
  }
  const glob = `${dir === '.' ? '' : `${dir}/`}${ext.includes(swapOf.old) ? `*${ext}` : `*${q(swapOf.old)}*${ext}`}`;
  const target = dir === '.' ? `"\${f//${swapOf.old}/${swapOf.new}}"` : `"${dir}/${sub}"`;
  const body = dir === '.' ? `[ -e "$f" ] && mv -n -- "$f" ${target}` : `b=\${f##*/}; [ -e "$f" ] && mv -n -- "$f" ${target}`;
  return [{ ...base, command: `for f in ${glob}; do ${body}; done`, explanation: `Renames each entry of ${dir === '.' ? 'this folder' : dir} whose name holds "${swapOf.old}", replacing ${shown}; never writes over a file.` }];
}
