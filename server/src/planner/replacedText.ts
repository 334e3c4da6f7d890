// "replace milk with bread in notes.txt" is one edit: each `milk` becomes
// `bread`, and nothing else in the file changes. A plan that deletes the
// lines holding it (`sed -i '/milk/d'`), rewrites them whole (`/milk/c bread`,
// `s/.*/bread/`), replaces another text (`s/zzz/bread/`, `s/m.*/bread/`) or
// the other way round (`s/bread/milk/`), adds commands of its own (`; 1d`,
// `$a …`), ignores case nobody mentioned, or writes the file anew (`echo bread
// > notes.txt`) does something else to the file, whoever planned it.

import type { CommandFact } from '../policy/factsTypes';
import type { Intent } from './intent';
import { programName } from '../shell/programs';
import { norm } from './effectTerms';

export interface Replacement {
  old: string;
  new: string;
}

const value = String.raw`["'\x60]?([^\s"'\x60,;]+)["'\x60]?`;
// "replace X with Y", "change 'X' to 'Y'", "swap X for Y", "replace every X in notes.txt with Y", "turn X into Y".
const saidForward = new RegExp(String.raw`\b(?:replac(?:e|ing)|chang(?:e|ing)|swap(?:ping)?|substitut(?:e|ing)|turn(?:ing)?|rewrit(?:e|ing))\s+(?:all\s+|every\s+|each\s+|any\s+)?(?:(?:the\s+)?(?:occurrences?|instances?|mentions?)\s+of\s+)?(?:the\s+(?:word|text|string)\s+)?${value}(?:\s+(?:in|inside|within|throughout)\s+[\w./-]+)?\s+(with|to|by|into|as|for)\s+(?:the\s+(?:word|text|string)\s+)?${value}`, 'g');
// Words that stand for no text: "replace line 2 with …", "change the owner to bob", "change it to 640".
const noText = /^(?:the|a|an|line|lines|every|all|each|it|them|its|this|that|these|those|file|files|contents?|text|word|string|owner|group|permissions?|mode|name|names|extension|first|last|second|third|top|bottom|header|one|ones|case|spaces?|tabs?|\d+(?:st|nd|rd|th))$/;

/** The text a request replaces and what it puts in its place; none when it replaces no text it spells out. */
export function replacementsAsked(words: string, names: readonly string[] = []): Replacement[] {
  const out: Replacement[] = [];
  for (const m of words.matchAll(saidForward)) {
    const [, first, how, second] = m;
    // "substitute bread for milk" puts bread where milk is.
    const pair = /^substitut/.test(m[0]) && how === 'for' ? { old: second, new: first } : { old: first, new: second };
    // A file renamed ("change notes.txt to n.md") is no text; "to bread" may be read as a name, and is text here.
    const named = (v: string) => (names.includes(v) && /\.\w{1,8}$|\//.test(v)) || /^[\w./-]*[\w-]\.(?:txt|md|csv|json|log|sh|py|ts|js|c|conf|ya?ml)$/.test(v);
    if (noText.test(pair.old) || named(pair.old) || named(pair.new) || /^[0-7]{3,4}$/.test(pair.new) || /^\$/.test(pair.old)) continue;
    out.push(pair);
  }
  return out;
}

/** The text a pattern or a replacement stands for, its escapes taken off: `1\.0` is 1.0, `\<milk\>` and `\bmilk\b` are milk. */
function spelled(s: string): string {
  return s.replace(/\\[<>bB]|^\^|\$$/g, '').replace(/\\(.)/g, '$1').toLowerCase();
}

/** The commands of a sed script, split where sed splits them (a `;` or a newline outside an s command's parts). */
function sedCommands(script: string): string[] {
  const out: string[] = [];
  let i = 0;
  let start = 0;
  while (i < script.length) {
    const m = /^\s*(?:\d+|\$|\/(?:[^/\\]|\\.)*\/)?(?:\s*,\s*(?:\d+|\$|\/(?:[^/\\]|\\.)*\/))?\s*!?\s*s(.)/.exec(script.slice(i));
    if (m && i === start) {
      // Walk the two delimited parts of the s command, then its flags.
      let j = i + m[0].length;
      for (let parts = 0; parts < 2 && j < script.length; j++) {
        if (script[j] === '\\') j++;
        else if (script[j] === m[1]) parts++;
      }
      while (j < script.length && /[gpIiMme0-9w]/.test(script[j])) j++;
      i = j;
      continue;
    }
    if (script[i] === ';' || script[i] === '\n') {
      out.push(script.slice(start, i));
      start = i + 1;
    }
    i++;
  }
  out.push(script.slice(start));
  return out.map((c) => c.trim()).filter((c) => c !== '');
}

/** Why one sed (or perl) command is no replacement of `pairs`, or '' when it is one. */
function otherThanReplacing(cmd: string, pairs: Replacement[], caseSaid: boolean): string {
  const m = /^(?:\d+|\$|\/(?:[^/\\]|\\.)*\/)?(?:\s*,\s*(?:\d+|\$|\/(?:[^/\\]|\\.)*\/))?\s*!?\s*s(.)((?:[^\\]|\\.)*?)\1((?:[^\\]|\\.)*?)\1([\w]*)$/s.exec(cmd);
  if (!m) return cmd;
  const [, , pattern, put, flags] = m;
  if (/[iI]/.test(flags) && !caseSaid) return `${cmd}, which ignores case`;
  const fits = pairs.some((p) => spelled(pattern) === p.old && spelled(put.replace(/&/g, p.old)) === p.new);
  return fits ? '' : cmd;
}

/** The in-place edit scripts of `c`: sed's (`sed -i 's/a/b/' f`, `-e …`) and perl's (`perl -pi -e …`). */
function editScripts(c: CommandFact): string[] | undefined {
  const program = programName(c.program);
  const inPlace = c.flags.some((f) => f === 'i' || f === 'in-place' || /^i\S/.test(f)) || c.args.some((a) => /^-\w*i/.test(a) && !a.startsWith('--'));
  if (!inPlace) return undefined;
  if (/^g?sed$/.test(program)) {
    const given = c.args.flatMap((a, i) => (/^(?:-e|--expression)$/.test(c.args[i - 1] ?? '') ? [a] : /^--expression=/.test(a) ? [a.slice(13)] : []));
    return given.length > 0 ? given.flatMap(sedCommands) : c.positionals.slice(0, 1).flatMap(sedCommands);
  }
  if (program === 'perl') {
    const code = c.args.filter((a, i) => /^-\w*e$/.test(c.args[i - 1] ?? ''));
    // `-n` prints only what the code prints: lines may go.
    if (c.args.some((a) => /^-\w*n/.test(a) && !/^-\w*p/.test(a))) return ['-n (lines left unprinted are dropped)'];
    return code.flatMap((s) => s.split(/;\s*(?=\S)/)).map((s) => s.trim().replace(/;$/, ''));
  }
  return undefined;
}

/** "replace milk with bread in notes.txt" answered with an edit that does more than, or other than, that replacement. */
export function replacementExceeded(intent: Intent, commands: CommandFact[]): string[] {
  const pairs = replacementsAsked(intent.words, intent.names);
  if (pairs.length === 0) return [];
  const asked = pairs.map((p) => `${p.old} with ${p.new}`).join(', ');
  const caseSaid = /\b(?:case|capitals?|upper|lower)\b/.test(intent.words);
  for (const c of commands) {
    const scripts = editScripts(c);
    const other = scripts?.map((s) => otherThanReplacing(s, pairs, caseSaid)).find((w) => w !== '');
    if (other) return [`its edit (${other}) does other than replace ${asked}, which is all the request asks`];
    // `echo bread > notes.txt`: the file written anew with text of the plan's own, read from nowhere.
    const anew = c.redirects.find((r) => r.kind === 'write' && intent.names.includes(norm(r.target)) && c.reads.length === 0 && c.stdin !== 'pipe');
    if (anew) return [`it writes ${norm(anew.target)} anew, but the request asks to replace ${asked} in it`];
    // `echo bread | tee -a notes.txt`, `echo bread >> notes.txt`: text added, nothing replaced.
    const added = c.redirects.find((r) => r.kind === 'append' && intent.names.includes(norm(r.target)))?.target ?? (programName(c.program) === 'tee' ? c.writes.find((p) => intent.names.includes(norm(p.resolved || p.path)))?.path : undefined);
    if (added) return [`it writes text of its own into ${norm(added)}, but the request asks to replace ${asked} in it`];
  }
  return [];
}

// "show notes.txt with every cat replaced by dog": the passive says the pair too.
const saidReplaced = new RegExp(String.raw`(?:\b(?:all|every|each|any)\s+(?:(?:the\s+)?(?:occurrences?|instances?|mentions?)\s+of\s+)?)?${value}\s+replaced\s+(?:with|by)\s+${value}`, 'g');
// Programs that can put one text in place of another, and bash's own `${x//a/b}`.
const replacer = /^(?:sed|tr|awk|gawk|mawk|perl|rename|mv|cp|python3?|ruby|jq|iconv|git|dos2unix|unix2dos)$/;

const bare = (t: string) => t.replace(/^["'\x60]|["'\x60]$/g, '').toLowerCase();
// Characters said by their names: the text in the command is the character itself.
const characterWord = /^(?:commas?|semi-?colons?|colons?|tabs?|newlines?|new-?lines?|line ?breaks?|crlf|lf|cr|carriage|spaces?|blanks?|whitespaces?|dots?|periods?|full ?stops?|hyphens?|dash(?:es)?|underscores?|slash(?:es)?|backslash(?:es)?|quotes?|apostrophes?|pipes?|ampersands?|asterisks?|stars?|hash(?:es)?|brackets?|paren\w*|nothing|empty|dos|unix|windows|uppercase|lowercase|capitals?)$/;

/** "print notes.txt replacing cat with dog" planned as `cat notes.txt`: the text shown as it is, no replacement made. */
export function replacementLeftOut(intent: Intent, commands: CommandFact[], command: string): string[] {
  const passive = [...intent.words.matchAll(saidReplaced)].filter((m) => !noText.test(m[1]) && !noText.test(m[2])).map((m) => ({ old: m[1], new: m[2] }));
  // Said with "replace", "substitute" or "swap": "change directory to src" and "turn X into Y" may be no text at all.
  const saidAsText = (p: Replacement) => new RegExp(String.raw`\b(?:replac|substitut)\w*\s+(?:\S+\s+){0,4}?["'\x60]?${p.old.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(intent.words);
  // ... of text spelled out: characters named in words ("commas with tabs", "CRLF with LF"), files ("README with README.new") and an article ("with a fresh copy") are other replacements.
  const name = (v: string) => intent.names.some((n) => n.toLowerCase() === v.toLowerCase()) || /[/]|\.\w{1,8}$/.test(v);
  const spelled = (p: Replacement) => !characterWord.test(bare(p.old)) && !characterWord.test(bare(p.new)) && !name(bare(p.old)) && !name(bare(p.new)) && !/^(?:a|an|the|its|their|new|fresh)$/.test(bare(p.new));
  const asked = [...replacementsAsked(intent.words, intent.names).filter(saidAsText), ...passive];
  // "replace commas with tabs" planned as `sed 's|commas|tabs|g'`: the names of the characters replaced as words.
  const said = [...intent.words.matchAll(/\b(?:replac|substitut|chang|convert|turn)\w*\s+(?:all\s+(?:the\s+)?|every\s+|each\s+|the\s+)?([a-z-]+)\s+(?:with|by|to|into|for)\b/g)].map((m) => m[1]);
  const named = said.find((w) => characterWord.test(w) && new RegExp(String.raw`\bs(.)${w}\1`, 'i').test(command));
  if (named) return [`it replaces the word "${named}", but the request names the character it stands for`];
  const pairs = asked.filter(spelled);
  if (pairs.length === 0 || commands.length === 0 || /\$\{[^}]*\/[^}]*\}/.test(command)) return [];
  // A replacing program given both texts (`sed 's|cat|dog|g'`, `tr a b`), not only fed one (`echo cat | tr , x`).
  // ... in that order (`sed 's|dog|cat|'` replaces the other way round); tr swaps characters one for one, never words.
  const characters = /\b(?:characters?|chars?|letters?|digits?|symbols?)\b/.test(intent.words);
  const replaces = commands.some((c) => {
    const program = programName(c.program);
    const args = c.args.join(' ').toLowerCase();
    return replacer.test(program) && pairs.some((p) => {
      const [from, to] = [args.indexOf(bare(p.old)), args.lastIndexOf(bare(p.new))];
      // (`s/foo/&bar/` puts foobar in place of foo through what it matched.)
      const matchedBack = /[&]|\\[1-9]|\$[1-9]/.test(args.slice(from + bare(p.old).length));
      return from >= 0 && (to > from || matchedBack) && (program !== 'tr' || characters || (bare(p.old).length === 1 && bare(p.new).length === 1));
    });
  });
  return replaces ? [] : [`it replaces nothing, but the request asks to replace ${pairs[0].old} with ${pairs[0].new}`];
}
