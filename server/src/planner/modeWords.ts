// The permission a request asks for in words, held against the mode a chmod
// sets: "make F executable", "give F execute permission" and "chmod +x F"
// grant execute and nothing else (`chmod 777`, `+x,o+w`, `u+s,+x`, `666`,
// `000` do more, or less); "make F read-only" takes write away (`666` keeps
// it); "make F private" takes everything from the group and others (`a+rwx`,
// `644` give it); "make F readable by everyone" grants read (`666` grants
// write too). A mode given as digits in the request is judged elsewhere.

import type { CommandFact } from '../policy/factsTypes';
import { programName } from '../shell/programs';

type Who = 'u' | 'g' | 'o';

export interface ModeAsk {
  /** Bits the request gives. */
  grant: Set<string>;
  /** Bits the request takes away, and from whom. */
  revoke: Set<string>;
  from: Who[];
  /** Whom the bits are given to, when the request says ("let the group write"). */
  to?: Who[];
}

const taking = /\b(?:(?:remove|strip|take away|take off|revoke|drop|unset|clear|disable|without|no longer|not|nobody|no one|cannot|can't)\s+(?:\S+\s+){0,3}?|non-?|un)(?:execut\w*|writ\w*|read\w*|permissions?)/;

/** What the request asks of the permissions, in words or as a symbolic chmod; undefined when it asks nothing of them, or gives digits. */
export function modeAsked(words: string): ModeAsk | undefined {
  if (/\b[0-7]{3,4}\b/.test(words)) return undefined;
  // ... a symbolic mode given as such: "chmod u+x", "in accordance with mode `a-x,u+w'", "permissions g+w".
  const literal = /\bchmod\s+((?:[ugoa]*[+=-][rwxXst]+,?)+)(?=\s)|\b(?:mode|permissions?|perms)\s+(?:of\s+|to\s+)?["'`]?((?:[ugoa]*[+=-][rwxXst]+,?)+)["'`]?(?=[\s.,;]|$)/.exec(words);
  if (literal) {
    const clauses = modeClauses((literal[1] ?? literal[2]).replace(/,$/, ''));
    return { grant: new Set(clauses.filter((c) => c.op !== '-').flatMap((c) => c.bits)), revoke: new Set(clauses.filter((c) => c.op === '-').flatMap((c) => c.bits)), from: ['u', 'g', 'o'] };
  }
  if (/\bprivate\b|\bonly (?:i|me|the owner|my user)\b|\bnobody else\b|\bno one else\b/.test(words)) return { grant: new Set(), revoke: new Set(['r', 'w', 'x']), from: ['g', 'o'] };
  if (/\bread[- ]?only\b/.test(words)) return { grant: new Set(), revoke: new Set(['w']), from: ['u', 'g', 'o'] };
  // "set their SGID bit", "the sticky bit": the special bit and no other.
  const special = /\b(s[ug]id|set[- ]?[ug]id|set[- ]?(?:user|group)[- ]id|sticky)\b/.exec(words);
  if (special) {
    const bit = /sticky/.test(special[1]) ? 't' : 's';
    const who: Who = bit === 't' ? 'o' : /u/.test(special[1].replace(/^set[- ]?/, '').slice(0, 2)) ? 'u' : 'g';
    const taken = /\b(?:remove|strip|take away|take off|revoke|drop|unset|clear|disable|turn off)\b[^.]{0,40}$/.test(words.slice(0, special.index));
    return taken ? { grant: new Set(), revoke: new Set([bit]), from: [who] } : { grant: new Set([bit]), revoke: new Set(), from: [], to: [who] };
  }
  const bits = [...(/\b(?:execut\w*|exec bit|runnable|\+x)/.test(words) ? ['x'] : []), ...(/\bwrit(?:e|able|ing)\b|\+w\b/.test(words) ? ['w'] : []), ...(/\bread(?:able|ing)?\b|\+r\b/.test(words) ? ['r'] : [])];
  if (bits.length === 0) return undefined;
  const whom = (['o', 'g', 'u'] as Who[]).filter((w, i) => [/\bothers?\b|\bworld\b|\bpublic\b/, /\bgroup\b/, /\b(?:owner|user|me|myself)\b/][i].test(words));
  if (taking.test(words)) return { grant: new Set(), revoke: new Set(bits), from: whom.length > 0 && !/\b(?:everyone|everybody|anyone|anybody|all users|nobody|no one)\b/.test(words) ? whom : ['u', 'g', 'o'] };
  const to = (['o', 'g', 'u'] as Who[]).filter((w, i) => [/\bothers?\b|\bworld\b/, /\bgroup\b/, /\b(?:owner|me|myself|my user)\b/][i].test(words));
  return { grant: new Set(bits), revoke: new Set(), from: [], ...(to.length > 0 && !/\b(?:everyone|everybody|anyone|anybody|all users)\b/.test(words) ? { to } : {}) };
}

interface Clause {
  who: Who[];
  op: string;
  bits: string[];
}

/** A mode as clauses: `u+x,go-w` as written, `755` as `u=rwx,g=rx,o=rx`. */
function modeClauses(mode: string): Clause[] {
  if (/^[0-7]{3,4}$/.test(mode)) {
    const digits = mode.slice(-3).split('').map(Number);
    const special = mode.length === 4 ? Number(mode[0]) : 0;
    return (['u', 'g', 'o'] as Who[]).map((who, i) => ({ who: [who], op: '=', bits: [...(digits[i] & 4 ? ['r'] : []), ...(digits[i] & 2 ? ['w'] : []), ...(digits[i] & 1 ? ['x'] : []), ...(special & (4 >> i) ? ['s'] : [])] }));
  }
  return mode.split(',').flatMap((part) => {
    const m = /^([ugoa]*)([+=-])([rwxXst]*)$/.exec(part);
    if (!m) return [];
    const who = (m[1] === '' || m[1].includes('a') ? ['u', 'g', 'o'] : [...new Set(m[1].split(''))]) as Who[];
    return [{ who, op: m[2], bits: m[3].replace('X', 'x').split('').filter(Boolean) }];
  });
}

/** How the mode `mode` goes beyond or falls short of `ask`, or '' when it fits. */
function misfit(mode: string, ask: ModeAsk): string {
  const clauses = modeClauses(mode);
  if (clauses.length === 0) return '';
  const given = clauses.filter((c) => c.op !== '-').flatMap((c) => c.bits.filter((b) => !ask.grant.has(b) && (c.op === '+' || b === 's' || b === 't' || (b === 'w' && c.who.some((w) => w !== 'u')))));
  if (given.length > 0) return `it gives ${[...new Set(given)].join('')} permission the request does not ask for`;
  // `777` for "let the group write": execute too, and to everyone.
  const setX = ask.grant.size > 0 && !ask.grant.has('x') && clauses.some((c) => c.op === '=' && c.bits.includes('x'));
  if (setX) return 'it gives x permission the request does not ask for';
  const elsewhere = ask.to ? clauses.find((c) => c.op !== '-' && c.bits.some((b) => ask.grant.has(b)) && c.who.some((w) => !ask.to?.includes(w) && (c.op === '+' || w !== 'u'))) : undefined;
  if (elsewhere) return `it gives ${elsewhere.bits.filter((b) => ask.grant.has(b)).join('')} permission to more people than the request names`;
  // What `=` leaves out it takes away: `000` takes the owner's read and write.
  const taken = clauses.flatMap((c) => (c.op === '-' ? c.bits.map((b) => [c.who, b] as const) : c.op === '=' ? ['r', 'w'].filter((b) => !c.bits.includes(b) && c.who.includes('u')).map((b) => [['u'] as Who[], b] as const) : []));
  const unasked = taken.find(([who, b]) => !ask.revoke.has(b) || who.every((w) => !ask.from.includes(w)));
  if (unasked) return `it takes ${unasked[1]} permission away, which the request does not ask`;
  const kept = [...ask.revoke].find((b) => ask.from.some((w) => !clauses.some((c) => c.who.includes(w) && ((c.op === '-' && c.bits.includes(b)) || (c.op === '=' && !c.bits.includes(b))))));
  if (kept) return `it leaves ${kept} permission in place, which the request takes away`;
  const missing = [...ask.grant].find((b) => !clauses.some((c) => c.op !== '-' && c.bits.includes(b)));
  return missing ? `it does not give ${missing} permission, which the request asks for` : '';
}

/** A chmod whose mode does more, or other, than the permission the request asks for in words. */
export function modeBeyondWords(words: string, commands: CommandFact[]): string[] {
  const ask = modeAsked(words);
  if (!ask) return [];
  for (const c of commands.filter((x) => programName(x.program) === 'chmod')) {
    const mode = c.args.find((a) => /^(?:[0-7]{3,4}|(?:[ugoa]*[+=-][rwxXst]*,?)+)$/.test(a) && !/^-[Rrvcf]+$/.test(a));
    const why = mode ? misfit(mode, ask) : '';
    if (why) return [`${why} (chmod ${mode})`];
  }
  return [];
}
