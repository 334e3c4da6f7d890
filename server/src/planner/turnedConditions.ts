// A condition the request turns around ("files that are not executable",
// "not owned by root", "non-empty folders") kept the right way round by a
// find, or one it keeps turned around: `find . -perm -u+x` for "list the
// files that are not executable" lists exactly the files not asked for.
// Also the owner a find tests against the owner the request names.

import type { CommandFact } from '../policy/factsTypes';
import type { Intent } from './intent';
import { escapeRegExp } from './corpus';
import { slotValue } from './effectTerms';
import { programOf } from './selectionChecks';

interface Condition {
  /** How a person says the condition (global: every place it is said counts). */
  said: RegExp;
  /** What a find keeping it is told, shown in the reason. */
  shown: string;
  /** Whether find's test `test` (with its value) keeps it. */
  tests: (test: string, value: string) => boolean;
  /** Verbs after which the condition is what a change makes, not a choice of files. */
  makes: RegExp;
}

/** Whether a -perm value holds the bit (x=1, w=2, r=4) in any of its classes: `-u+x`, `/111`, `755`, `a=rw`. */
function holds(value: string, letter: 'r' | 'w' | 'x'): boolean {
  const bare = value.replace(/^[-/+]/, '');
  if (/^[0-7]{1,4}$/.test(bare)) {
    const bit = { r: 4, w: 2, x: 1 }[letter];
    return [...bare.slice(-3)].some((d) => (Number(d) & bit) !== 0);
  }
  // `+x`, `/x` and `-x` give the letters alone; `u+x`, `a=rx` after who.
  return bare.split(',').some((part) => (/[+=]/.test(part) ? part.split(/[+=]/).pop() ?? '' : part.replace(/^[ugoa]*/, '')).includes(letter));
}

// The condition as what a change makes ("make the scripts executable", "give write permission to"): the verb, and no word that starts a choice of files after it.
const made = (verbs: string) => new RegExp(`\\b(?:${verbs})\\b(?![\\s\\S]*\\b(?:that|which|who|whose|are|is|were|was|with|without|have|has|having|lacking|not|non|aren't|isn't|don't|doesn't)\\b)[\\s\\S]*$`);
const modeVerbs = made('make|makes|making|give|gives|giving|grant|granting|add|adding|set|setting|remove|removing|revoke|take|strip|turn|mark|chmod');

const conditions: Condition[] = [
  { said: /\b(?:executable|execut(?:e|ion)\s+(?:permissions?|bits?|rights?|access|flags?)|exec\s+bits?)\b/g, shown: 'executable', tests: (t, v) => t === '-executable' || (t === '-perm' && holds(v, 'x')), makes: modeVerbs },
  { said: /\b(?:(?:un)?readable|read\s+(?:permissions?|bits?|rights?|access))\b/g, shown: 'readable', tests: (t, v) => t === '-readable' || (t === '-perm' && holds(v, 'r')), makes: modeVerbs },
  { said: /\b(?:(?:un)?writ(?:e)?able|write\s+(?:permissions?|bits?|rights?|access))\b/g, shown: 'writable', tests: (t, v) => t === '-writable' || (t === '-perm' && holds(v, 'w')), makes: modeVerbs },
  { said: /\bempty\b/g, shown: 'empty', tests: (t) => t === '-empty', makes: made('make|makes|making|leave|leaves|leaving|turn|left') },
  { said: /\b(?:owned\s+by|belong(?:s|ing)?\s+to)\b/g, shown: 'owned by that owner', tests: (t) => /^-(?:user|uid|group|gid)$/.test(t), makes: /(?!)/ },
];

// Said just before the condition, in the same clause: "not", "never", "no", "without", "n't", "non-", "lacking".
const turned = /(?:\b(?:not|never|no|neither|nor|without|lacking|lack|missing)|n't)\s+(?:(?!(?:and|or|but|then)\b)\w+\s+){0,2}$|\bnon-?\s*$|\bun$/;

// A set left out, said before the condition: "unless they are", "except the", "other than those that are", "skipping the ones that are".
// Only words that point back at the files come between: "excluding symbolic links which have write permission" leaves out the links, not the permission.
const excluded = /\b(?:unless|except(?:\s+for)?|excluding|other\s+than|skip(?:ping)?|leav(?:e|ing)\s+out|ignor(?:e|ing)|apart\s+from|besides)\s+(?:(?:the|those|these|ones?|files?|folders?|directories|that|which|who|are|is|they|it|them|of|any|not)\s+){0,6}$/i;
// ... or after it, of the owner: "owned by someone other than me", "belonging to anyone but root", "owned by someone else".
const turnedAfter = /^\s+(?:someone|anyone|anybody|somebody|any\s+user|users?)\s+(?:other\s+than|else\s+than|but|except)\b|^\s+(?:someone|anyone|anybody|somebody)\s+else\b/i;

/** For each condition the request states, whether it is turned around: one answer, or none when the request says it both ways. */
function statedTurns(words: string): { condition: Condition; turnedAround: boolean }[] {
  const out: { condition: Condition; turnedAround: boolean }[] = [];
  for (const condition of conditions) {
    const seen = new Set<boolean>();
    for (const m of words.matchAll(condition.said)) {
      // Within the clause: back to the last comma, semicolon or full stop.
      const before = words.slice(Math.max(0, m.index - 60), m.index).split(/[,;.]\s/).pop() ?? '';
      // "world-readable", "group-writable": a condition of one class of people, left to the mode checks; "not only readable" turns nothing.
      if (condition.makes.test(before) || /\b(?:world|group|others?|owner|user|everyone)-$/i.test(before) || /\bnot\s+only\s+$/i.test(before)) continue;
      // Each turn flips it: "not", an exclusion before it ("unless they are empty", "except the empty ones"), one after it ("owned by someone other than me"), "un-".
      const after = words.slice(m.index + m[0].length, m.index + m[0].length + 40);
      const turns = [turned.test(before), excluded.test(before), turnedAfter.test(after), /^un/.test(m[0])].filter(Boolean).length;
      seen.add(turns % 2 === 1);
    }
    if (seen.size === 1) out.push({ condition, turnedAround: [...seen][0] });
  }
  return out;
}

/** find's tests, each with whether it is turned around (`!`, `-not`); none when a whole group is turned around. */
function findTests(c: CommandFact): { test: string; value: string; turnedAround: boolean }[] | undefined {
  const out: { test: string; value: string; turnedAround: boolean }[] = [];
  for (let i = 0; i < c.args.length; i++) {
    const a = c.args[i];
    if (/^-(?:exec|execdir|ok|okdir)$/.test(a)) {
      while (i < c.args.length && c.args[i] !== ';' && c.args[i] !== '+') i++;
      continue;
    }
    const negation = /^(?:!|-not)$/.test(c.args[i - 1] ?? '');
    if ((a === '(' && negation) || /^-(?:o|or|prune)$/.test(a)) return undefined;
    if (/^-\w+$/.test(a)) out.push({ test: a, value: c.args[i + 1] ?? '', turnedAround: negation });
  }
  return out;
}

/**
 * "list the files that are not executable" planned as `find . -perm -u+x`,
 * "copy the files that are not owned by root" as `find . -user root …`: a
 * condition kept the other way round from how the request states it.
 */
export function conditionTurned(intent: Intent, commands: CommandFact[]): string[] {
  const stated = statedTurns(intent.words);
  if (stated.length === 0) return [];
  const finds = commands.filter((c) => programOf(c) === 'find').map(findTests);
  if (finds.some((f) => f === undefined)) return [];
  const tests = finds.flatMap((f) => f ?? []);
  for (const { condition, turnedAround } of stated) {
    const kept = tests.filter((t) => condition.tests(t.test, t.value));
    if (kept.length === 0 || kept.some((t) => t.turnedAround === turnedAround)) continue;
    const shown = `${kept[0].turnedAround ? '! ' : ''}${kept[0].test}${kept[0].test === '-empty' || kept[0].test.endsWith('able') ? '' : ` ${kept[0].value}`}`;
    return [turnedAround ? `it keeps what is ${condition.shown} (${shown}), but the request asks for what is not` : `it keeps what is not ${condition.shown} (${shown}), but the request asks for what is`];
  }
  return [];
}

// "owned by root", "belonging to user www-data", "whose owner is bob": the owner named.
const ownerNamed = /\b(?:owned\s+by|belong(?:s|ing)?\s+to|whose\s+(?:owner|user|group)\s+is|owner\s+is)\s+(?:the\s+)?(?:(?:user|group|account)\s+)?["'`]?([a-z_][\w.-]*)/gi;
const notAName = /^(?:me|myself|us|you|him|her|them|it|anyone|anybody|someone|somebody|nobody|no|any|a|an|the|another|other|others|user|users|group|groups|current|this|that|my|your|their|root-?owned)$/i;
// "group root", "the group staff": a name said to be a group's.
const groupNamed = /\bgroup\s+(?:named\s+|called\s+|is\s+(?:not\s+)?)?["'`]?([a-z_][\w.-]*)/gi;
// The one asking: a find testing `$(id -un)`, `$USER` or `$(whoami)` is right for these.
const askerSaid = /\b(?:owned\s+by|belong(?:s|ing)?\s+to)\s+(?:me|myself|us|the\s+current\s+user|the\s+current\s+account|whoever\s+runs)\b|\bmy\s+(?:own\s+)?(?:files|folders|scripts)\b|\bi\s+own\b/i;

/**
 * `find . ! -user "$(id -un)"` for "files not owned by root", `find . -user
 * me` or `-uid 1000` for "files owned by me": the owner tested is not the
 * owner the request names, or is made up for the one asking.
 */
export function ownerSwapped(intent: Intent, commands: CommandFact[]): string[] {
  const owners = [...intent.words.matchAll(ownerNamed)].filter((m) => !notAName.test(m[1])).map((m) => ({ name: m[1].toLowerCase(), group: /\bgroup\s+["'`]?[^\s"'`]+$/i.test(m[0]) }));
  const named = owners.map((o) => o.name);
  const asker = askerSaid.test(intent.words);
  // ... and the group of a `user:group` pair ("bob:staff").
  const groups = new Set([...intent.words.matchAll(groupNamed), ...intent.words.matchAll(/(?<![\w/])[a-z_][\w-]*:([a-z_][\w-]*)(?![\w/])/gi)].map((m) => m[1].toLowerCase()));
  if (named.length === 0 && groups.size === 0 && !asker) return [];
  const users = new Set(owners.filter((o) => !o.group).map((o) => o.name));
  for (const c of commands.filter((k) => programOf(k) === 'find')) {
    for (const t of findTests(c) ?? []) {
      // "files that belong to group root" as `-user root`: a group tested as a user, or a user as a group.
      const value = t.value.toLowerCase();
      if (t.test === '-user' && groups.has(value) && !users.has(value)) return [`it tests the user ${t.value} (-user), but the request names ${t.value} as a group`];
      if (t.test === '-group' && users.has(value) && !groups.has(value)) return [`it tests the group ${t.value} (-group), but the request names ${t.value} as a user`];
      // A uid is checked against root and the one asking only: `-uid 0` for root is right, and another name's uid cannot be known.
      if (t.test === '-uid' && named.length > 0) {
        if (named.includes('root') && named.length === 1 && /^\d+$/.test(t.value) && t.value !== '0') return [`it tests the uid ${t.value} (-uid), but the request names root (uid 0)`];
        continue;
      }
      if (!/^-(?:user|group|uid)$/.test(t.test)) continue;
      if (slotValue.test(t.value)) continue;
      if (/^\$/.test(t.value)) {
        if (!asker && named.length > 0) return [`it tests the owner against the user who runs it (${t.test} ${t.value}), but the request names ${named[0]}`];
        continue;
      }
      if (named.length > 0 && !named.includes(value) && !groups.has(value) && !new RegExp(`(?<![\\w-])${escapeRegExp(value)}(?![\\w-])`, 'i').test(intent.words)) return [`it tests the owner ${t.value} (${t.test}), but the request names ${named[0]}`];
      if (named.length === 0 && asker) return [`it tests the owner ${t.value} (${t.test}), but the request means the user who runs it`];
    }
  }
  return [];
}
