// One line named by its place and an act on it: "replace line 2 of data.csv
// with hello", "add 'hello' after line 2", "put a header before the first
// line", "delete the third line". A sed script that does another act there
// changes the file another way than asked: `2d` for a replacement (the line
// is gone, not changed), `2i hello` for "after line 2" (it lands before),
// `2s/.*/hello/` for an insert (the line is lost). Read from the command's
// facts, so it holds for a model's plans as well as the embedded planner's.

import type { CommandFact } from '../policy/factsTypes';
import type { Intent } from './intent';
import { programOf } from './selectionChecks';

type LineAct = 'after' | 'before' | 'replace' | 'delete';
/** Where a script acts: one line by number, the last line, or a range or step of lines. */
type Address = number | '$' | 'many';
/** One sed command at its address, with the rest of its words. */
type Script = { line: Address; cmd: string; rest: string };

const ordinals: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, one: 1, two: 2, three: 3, four: 4, five: 5 };
// "line 2", "line number 2", "line two", "the second line", "the 2nd line", "the last line".
const place = String.raw`(?:line\s+(?:number\s+|no\.?\s+|#)?(\d+|one|two|three|four|five)\b|(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|\d+(?:st|nd|rd|th))\s+line\b)`;
const the = String.raw`(?:(?:the|only\s+the|just\s+the)\s+)?`;
const sides = new RegExp(String.raw`\b(after|below|beneath|under(?:neath)?|following|before|above|ahead\s+of|in\s+front\s+of|preceding)\s+${the}${place}`, 'g');
const deletes = new RegExp(String.raw`\b(?:delete|remove|drop|erase|cut|get\s+rid\s+of)\s+${the}${place}`, 'g');
const replaces = new RegExp(String.raw`\b(?:replace|overwrite|rewrite|change|swap|substitute)\s+(?:(?:the\s+)?(?:text|contents?|words?)\s+(?:on|of|in)\s+)?${the}${place}`, 'g');

// "at the bottom of notes.txt", "to the top of todo.txt": after the last line, or before the first.
const fileEnds = /\b(?:at|to|onto|on)\s+(?:the\s+)?(?:very\s+)?(bottom|end|top|beginning|start|head)\s+of\s+(?:the\s+)?(?:file\s+)?["'\x60]?[\w./-]+\.\w{1,8}\b/g;

// "append hello to notes.txt", "append a line saying done onto todo.txt".
const appendsToFile = /\bappend\w*\b[^.;]{0,60}?\b(?:to|onto)\s+(?:the\s+)?(?:file\s+)?["'\x60]?[\w./-]+\.\w{1,8}\b/;

interface NamedLine {
  act: LineAct;
  /** The line's number, or '$' for the last. */
  line: number | '$';
  said: string;
}

function lineOf(digits: string | undefined, word: string | undefined): number | '$' {
  if (digits !== undefined) return /^\d+$/.test(digits) ? Number(digits) : ordinals[digits];
  const w = word ?? '';
  return w === 'last' ? '$' : /^\d/.test(w) ? Number.parseInt(w, 10) : ordinals[w];
}

/** The acts on named lines the request states, each with its line. */
function namedLines(words: string): NamedLine[] {
  const out: NamedLine[] = [];
  for (const m of words.matchAll(sides)) out.push({ act: /^(?:after|below|beneath|under|following)/.test(m[1]) ? 'after' : 'before', line: lineOf(m[2], m[3]), said: m[0] });
  for (const m of words.matchAll(deletes)) out.push({ act: 'delete', line: lineOf(m[1], m[2]), said: m[0] });
  for (const m of words.matchAll(replaces)) out.push({ act: 'replace', line: lineOf(m[1], m[2]), said: m[0] });
  for (const m of words.matchAll(fileEnds)) out.push(/^(?:bottom|end)$/.test(m[1]) ? { act: 'after', line: '$', said: m[0] } : { act: 'before', line: 1, said: m[0] });
  return out;
}

// A script of one command at one line: `2d`, `2i hello`, `$a x`, `2s/a/b/`, `2c\ x`; or at a range or a step of lines (`1,2d`, `0~2d`, `2,+1d`).
const addressed = /^\s*(\d+|\$)(?:\s*([,~])\s*(\d+|\$|[+~]\d+))?\s*([a-zA-Z=])(.*)$/s;

/** The in-place sed scripts of `c` that address a single line. */
function lineScripts(c: CommandFact): (Script & { script: string })[] {
  if (!/^g?sed$/.test(programOf(c)) || !c.flags.some((f) => /^(?:i|in-place)/.test(f))) return [];
  return c.positionals.flatMap((a) => {
    const m = addressed.exec(a);
    if (!m || !single(m[4], m[5])) return [];
    const first = m[1] === '$' ? '$' as const : Number(m[1]);
    // `2,2d` is line 2; any other range or step reaches more lines than one.
    const line = m[2] === undefined || (m[2] === ',' && m[3] === m[1]) ? first : 'many' as const;
    return [{ line, cmd: m[4], rest: m[5], script: a.trim() }];
  });
}

/** One command alone (`2d`, `2s/a/b/g`, `2i text`): a script of several (`2d;3d`) is not read here. */
function single(cmd: string, rest: string): boolean {
  if (cmd === 'd') return rest.trim() === '';
  if (cmd === 's') return /^(.)(?:\\.|(?!\1).)*\1(?:\\.|(?!\1).)*\1[gIip0-9]*\s*$/.test(rest);
  return /^[aicrR]$/.test(cmd);
}

/** `s/$/\nhello/`, `s/.*\/&\nhello/` add a line after the one they keep, `s/^/hello\n/`, `s/.*\/hello\n&/` one before it; other substitutions add none. */
function sideAdded(rest: string): 'after' | 'before' | undefined {
  const m = /^(.)((?:\\.|(?!\1).)*)\1((?:\\.|(?!\1).)*)\1/.exec(rest);
  if (!m || !/\\n/.test(m[3])) return undefined;
  const [pattern, replacement] = [m[2], m[3]];
  if (pattern === '$' || /^&\\n/.test(replacement)) return 'after';
  if (pattern === '^' || /\\n&$/.test(replacement)) return 'before';
  return undefined;
}

/** Where the script's new text lands, for an insert: the half-line between two lines. */
function landing(line: Address, side: 'after' | 'before'): Address {
  if (line === 'many') return 'many';
  if (line === '$') return '$';
  return side === 'before' ? line - 0.5 : line + 0.5;
}

function fits(want: NamedLine, s: Script): boolean {
  if (s.line === 'many') return false;
  if (want.act === 'replace' || want.act === 'delete') {
    if (s.line !== want.line) return false;
    return want.act === 'delete' ? s.cmd === 'd' : s.cmd === 'c' || (s.cmd === 's' && sideAdded(s.rest) === undefined);
  }
  const side = s.cmd === 's' ? sideAdded(s.rest) : s.cmd === 'i' ? 'before' : /^[arR]$/.test(s.cmd) ? 'after' : undefined;
  if (side === undefined) return false;
  // Before the last line and after it are told apart by the side alone.
  return landing(s.line, side) === landing(want.line, want.act) && (want.line !== '$' || side === want.act);
}

const done: Record<string, string> = { d: 'deletes', c: 'replaces', s: 'rewrites', i: 'inserts a line before', a: 'adds a line after', r: 'adds a file after', R: 'adds a line after' };

/** "replace line 2" answered by `sed -i '2d'`, "after line 2" by `sed -i '2i …'`: another act at the line, or the act at another line. */
export function lineActSwapped(intent: Intent, commands: CommandFact[]): string[] {
  // "append hello to notes.txt" names no line: it adds after the last one.
  const appended = appendsToFile.exec(intent.words);
  const named = namedLines(intent.words);
  const wanted = named.length === 0 && appended && !/\b(?:each|every|all)\s+(?:the\s+)?lines?\b/.test(intent.words) ? [{ act: 'after' as const, line: '$' as const, said: appended[0] }] : named;
  // "delete line 2 and line 5", "lines 2 and 3": more than one line is named, so each script is not held to one.
  const said = [...intent.words.matchAll(new RegExp(place, 'g'))].length + [...intent.words.matchAll(fileEnds)].length + (named.length === 0 && appended ? 1 : 0);
  if (wanted.length !== 1 || said !== 1 || /\blines\b/.test(intent.words)) return [];
  const scripts = commands.flatMap(lineScripts);
  const want = wanted[0];
  if (scripts.length === 0 && intent.actions.length > 0) return notDone(want, commands);
  // `2d` then `2i hello` (or `1a hello`) is a replacement in two steps.
  const deleted = (x: Script) => x.cmd === 'd' && x.line === want.line;
  const put = (x: Script) => x.cmd !== 'd' && fits({ ...want, act: 'before' }, x);
  const inTwo = want.act === 'replace' && scripts.some(deleted) && scripts.some(put) && scripts.every((x) => deleted(x) || put(x));
  const wrong = inTwo ? undefined : scripts.find((x) => !fits(want, x));
  if (!wrong) return [];
  const where = wrong.line === '$' ? 'the last line' : wrong.line === 'many' ? 'more lines than one' : `line ${wrong.line}`;
  return [`its sed script (${wrong.script}) ${done[wrong.cmd] ?? 'acts on'} ${where}, but the request says ${want.said}`];
}

/** "replace line 2 of data.csv" answered by `printf hello >> data.csv` (it lands after the last line) or by a plan that changes nothing. */
function notDone(want: NamedLine, commands: CommandFact[]): string[] {
  const appended = commands.flatMap((c) => [...c.redirects.filter((r) => r.kind === 'append').map((r) => r.target), ...(programOf(c) === 'tee' && c.flags.some((f) => f === 'a' || f === 'append') ? c.writes.map((w) => w.path) : [])]);
  if (appended.length > 0 && !(want.act === 'after' && want.line === '$')) return [`it adds at the end of ${appended[0]}, but the request says ${want.said}`];
  const changes = commands.some((c) => c.writes.length > 0 || c.deletes.length > 0 || c.redirects.some((r) => r.kind === 'write' || r.kind === 'append'));
  return changes ? [] : [`it changes no line, but the request says ${want.said}`];
}
