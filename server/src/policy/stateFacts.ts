// How a command's words become its arguments (brace expansion, splitting of
// unquoted expansions on IFS), how builtins change what the line knows
// (read, printf -v, unset, mapfile), and how paths through links made
// earlier in the line resolve to what they point at.

import * as path from 'node:path';
import type { Context, Walker } from './facts';
import type { CommandFact } from './factsTypes';
import { classifyPath, type PathFact } from './paths';
import type { ShellState } from './shellState';
import { DYNAMIC, showDynamic, type WordValue } from '../shell/words';
import { arithRefs } from './arithFacts';

const MAX_WORDS = 64;

/** Bash's `{a,b}` and `{1..3}` expansion of one text, outermost first. */
export function expandBraces(text: string, limit = MAX_WORDS): string[] {
  let depth = 0;
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') {
      if (depth === 0) open = i;
      depth++;
    } else if (c === '}' && depth > 0) {
      depth--;
      if (depth === 0) {
        const body = text.slice(open + 1, i);
        const alts = alternatives(body);
        if (alts) {
          const head = text.slice(0, open);
          const tails = expandBraces(text.slice(i + 1), limit);
          const out: string[] = [];
          for (const a of alts.flatMap((x) => expandBraces(x, limit))) for (const t of tails) if (out.length < limit) out.push(head + a + t);
          return out;
        }
        open = -1;
      }
    }
  }
  return [text];
}

function alternatives(body: string): string[] | undefined {
  const seq = /^(-?[0-9]+|[A-Za-z])\.\.(-?[0-9]+|[A-Za-z])$/.exec(body);
  if (seq) {
    const num = /^-?[0-9]+$/.test(seq[1]);
    const a = num ? Number(seq[1]) : seq[1].charCodeAt(0);
    const b = num ? Number(seq[2]) : seq[2].charCodeAt(0);
    const out: string[] = [];
    for (let x = a; a <= b ? x <= b : x >= b; x += a <= b ? 1 : -1) {
      out.push(num ? String(x) : String.fromCharCode(x));
      if (out.length >= MAX_WORDS) break;
    }
    return out;
  }
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '{') depth++;
    else if (body[i] === '}') depth--;
    else if (body[i] === ',' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts.length > 1 ? parts : undefined;
}

/** Split where expansions put IFS characters (all of the text when where is not known); empty fields from blanks vanish. */
function splitOnIfs(text: string, ifs: string, ranges: [number, number][] | undefined): string[] {
  const inRange = (i: number) => ranges === undefined || ranges.some(([a, b]) => i >= a && i < b);
  const out: string[] = [];
  let cur = '';
  let has = false;
  for (let i = 0; i < text.length; i++) {
    if (ifs.includes(text[i]) && inRange(i)) {
      if (has || !/\s/.test(text[i])) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += text[i];
      has = true;
    }
  }
  if (has) out.push(cur);
  return out;
}

/** The arguments bash makes of a command's words. */
export function expandWords(words: WordValue[], state: ShellState): WordValue[] {
  const out: WordValue[] = [];
  for (const w of words) {
    const texts = w.braces ? expandBraces(w.text) : [w.text];
    for (const text of texts) {
      if (!w.split) {
        if (text !== '' || w.quoted || w.dynamic) out.push({ ...w, text });
        continue;
      }
      const ifs = state.lookup('IFS');
      if (ifs === undefined) {
        out.push({ ...w, text, dynamic: true });
        continue;
      }
      if (ifs === '') {
        out.push({ ...w, text });
        continue;
      }
      for (const piece of splitOnIfs(text, ifs, texts.length === 1 ? w.splitRanges : undefined)) out.push({ ...w, text: piece, dynamic: piece.includes(DYNAMIC), glob: w.glob && /[*?[]/.test(piece) });
    }
  }
  return out.slice(0, 4096);
}

/** A path under a link the line made earlier is the path under what the link points to. */
export function linkedPath(w: Walker, p: PathFact, v: WordValue, depth = 0): PathFact {
  if (depth > 4 || p.resolved === '') return p;
  for (const link of w.state.links) {
    if (p.resolved !== link.at && !p.resolved.startsWith(link.at + '/')) continue;
    const rest = p.resolved.slice(link.at.length);
    const through = classifyPath(link.target + rest, w.cwd, w.workspace, { dynamic: v.dynamic || link.target.includes(DYNAMIC), glob: v.glob || /[*?[]/.test(link.target), pick: v.pick, nameGlob: v.nameGlob });
    return linkedPath(w, { ...through, path: p.path, classes: [...new Set([...through.classes, 'through-link'])].sort() }, { ...v, text: link.target + rest }, depth + 1);
  }
  return p;
}

/** Builtins and programs that change what the rest of the line knows. */
export function recordState(w: Walker, fact: CommandFact, words: WordValue[], ctx: Context): void {
  const prog = fact.program;
  const args = w.lastRest.length > 0 ? w.lastRest.slice(1) : words.slice(1);
  const positional = args.filter((a) => !a.text.startsWith('-'));
  if (prog === 'read') {
    const names = readNames(args);
    const text = fact.stdin === 'herestring' ? hereText(fact) : ctx.stdinText;
    const line = text === undefined ? undefined : text.replace(/\n[\s\S]*$/, '');
    names.forEach((n, i) => {
      const parts = line?.trim().split(/[ \t]+/) ?? [];
      const value = line === undefined ? null : i === names.length - 1 ? parts.slice(i).join(' ') : (parts[i] ?? '');
      w.state.set(n, value);
      w.facts.assignments.push({ name: n, value: value ?? '$?', dynamic: value === null, scope: 'shell', command_index: fact.index });
    });
    // `read -a NAME` (also clustered, `-ra NAME`): each word of the line is an element.
    const ai = args.findIndex((x) => /^-[a-zA-Z]*a$/.test(x.text));
    const arrayName = ai >= 0 ? args[ai + 1]?.text : undefined;
    if (arrayName && /^[A-Za-z_]\w*$/.test(arrayName)) w.state.setArray(arrayName, line === undefined ? [null] : line.trim().split(/[ \t]+/));
  } else if (prog === 'printf') {
    const i = args.findIndex((a) => a.text === '-v');
    const name = i >= 0 ? args[i + 1]?.text : undefined;
    if (name && /^[A-Za-z_]\w*$/.test(name)) {
      const rest = args.slice(i + 2);
      const known = rest.every((a) => !a.dynamic) && rest.length > 0 ? printfValue(rest.map((a) => a.text)) : undefined;
      w.state.set(name, known ?? null);
      // `printf -v PATH %s "/tmp:$PATH"`: the known parts of a plain %s value still say where it points.
      const shown = known ?? (rest.length === 2 && /^%s(\\n)?$/.test(rest[0].text) ? showDynamic(rest[1].text) : '$?');
      w.facts.assignments.push({ name, value: shown, dynamic: known === undefined, scope: 'shell', command_index: fact.index });
    }
  } else if (prog === 'unset') {
    for (const a of positional) if (!a.dynamic) w.state.unset(a.text);
  } else if (prog === 'mapfile' || prog === 'readarray') {
    const name = positional[positional.length - 1]?.text ?? 'MAPFILE';
    w.state.set(name, null);
  } else if (prog === 'ln') {
    recordLink(w, fact, args);
  } else if (DECLARERS.has(prog)) {
    declareWords(w, fact, args, ctx);
  } else if (prog === 'let') {
    for (const a of args) {
      arithRefs(w, a.text.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [], fact.index, ctx);
      const m = /^([A-Za-z_]\w*)\s*([-+*/%|&^]|<<|>>)?=/.exec(a.text);
      if (m) w.state.markNumeric(m[1]);
    }
  }
}

const DECLARERS = new Set(['export', 'declare', 'typeset', 'local', 'readonly']);

/**
 * `export`, `declare` and friends reached as ordinary commands (`"ex"port X=1`,
 * `builtin export X=1`, `$cmd X=1`) still assign: bash decides by the
 * command, not by how its name was written.
 */
function declareWords(w: Walker, fact: CommandFact, args: WordValue[], ctx: Context): void {
  const flags = args.filter((a) => /^[-+][a-zA-Z]+$/.test(a.text)).flatMap((a) => a.text.slice(1).split(''));
  const scope = fact.program === 'export' || flags.includes('x') ? 'export' : 'shell';
  for (const a of args) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=([\s\S]*)$/.exec(a.text);
    if (!m) continue;
    const known = a.dynamic ? null : m[3];
    if (flags.includes('n') && known !== null) w.state.nameref(m[1], known);
    else w.state.set(m[1], known);
    const name = w.state.resolveName(m[1]);
    w.facts.assignments.push({ name, value: showDynamic(m[3]), dynamic: a.dynamic, scope, command_index: fact.index });
    fact.env.push({ name, value: showDynamic(m[3]), dynamic: a.dynamic });
    if (flags.includes('i')) arithRefs(w, m[3].match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [], fact.index, ctx);
  }
}

function readNames(args: WordValue[]): string[] {
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const t = args[i].text;
    if (['-a', '-d', '-i', '-n', '-N', '-p', '-t', '-u'].includes(t)) i++;
    else if (!t.startsWith('-') && /^[A-Za-z_]\w*$/.test(t)) names.push(t);
  }
  return names.length ? names : ['REPLY'];
}

function hereText(fact: CommandFact): string | undefined {
  const r = fact.redirects.find((x) => x.kind === 'herestring');
  return r && !r.dynamic ? r.target : undefined;
}

function printfValue(args: string[]): string | undefined {
  const [format, ...rest] = args;
  if (format === '%s') return rest.join('');
  if (!format.includes('%') && !format.includes('\\')) return format;
  return undefined;
}

function recordLink(w: Walker, fact: CommandFact, args: WordValue[]): void {
  const pos = args.filter((a) => !a.text.startsWith('-') || a.dynamic);
  if (pos.length !== 2 || args.some((a) => a.text === '-t' || a.text.startsWith('--target'))) return;
  const [target, at] = pos;
  const symbolic = args.some((a) => /^-[a-zA-Z]*s/.test(a.text) || a.text === '--symbolic');
  let text = target.text;
  if (symbolic && !/^(\/|~)/.test(text)) text = path.posix.join(path.posix.dirname(at.text), text);
  if (target.dynamic) text = DYNAMIC;
  const where = classifyPath(at.text, w.cwd, w.workspace, { dynamic: at.dynamic, glob: at.glob });
  if (where.resolved) w.state.links.push({ at: where.resolved, target: text });
}
