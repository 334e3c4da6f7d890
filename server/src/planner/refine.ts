// Follow-ups that refine the last plan ("only .ts files", "not recursive",
// "include hidden files") instead of starting over. The previous plan is
// found by its history id (or given as its request in words); the follow-up
// is read for the changes it asks for, and the previous command is rewritten
// with them where its program is one these rewrites know. Whatever comes out
// is only a candidate: the planner holds it, like every other candidate, to
// the intent of the whole request (the previous one and the follow-up).

import { RequestError } from '../kernel';
import type { RefineSource } from '../stages';
import type { Db } from '../store/database';
import type { RequestFacts } from './requestFacts';
import { shellQuote } from './templateFill';
import { ignoresCase } from './requestWords';

export type { RefineSource };

/** What a refinement changed, in words, with the rewritten command. */
export interface Rewrite {
  command: string;
  changes: string[];
}

const historyIdShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$|^[0-9a-f]{8,}$/i;

/**
 * The plan to refine: `last` (this user's latest plan), a history id (or a
 * unique prefix of at least 8 hex digits) of one of this user's plans, or
 * else the previous request itself.
 */
export function findRefineSource(db: Db, userId: string, refine: string): RefineSource {
  const text = refine.trim();
  if (text === '') throw new RangeError('refine is empty: give the historyId of the plan to refine, `last`, or its request in words.');
  if (text.toLowerCase() === 'last') {
    const row = db.prepare("SELECT id, query, planned_command FROM command_history WHERE user_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1").get(userId) as { id: string; query: string; planned_command: string } | undefined;
    if (!row) throw new RangeError('refine: there is no earlier plan to refine; plan a request first.');
    return { request: row.query, command: row.planned_command || undefined, historyId: row.id };
  }
  if (historyIdShape.test(text)) {
    const rows = db
      .prepare('SELECT id, query, planned_command FROM command_history WHERE user_id = ? AND (id = ? OR id LIKE ?) LIMIT 2')
      .all(userId, text.toLowerCase(), `${text.toLowerCase()}%`) as { id: string; query: string; planned_command: string }[];
    if (rows.length === 1) return { request: rows[0].query, command: rows[0].planned_command || undefined, historyId: rows[0].id };
    if (rows.length > 1) throw new RangeError(`refine: "${text}" matches more than one plan; give the whole historyId of the plan to refine.`);
  }
  return { request: text };
}

/** findRefineSource for a request from a front: a bad `refine` is the caller's error, said as such. */
export function refineSource(db: Db, userId: string, refine: string): RefineSource {
  try {
    return findRefineSource(db, userId, refine);
  } catch (err) {
    throw new RequestError((err as Error).message);
  }
}

/** The previous request and the follow-up as one request, for reading the intent and planning afresh. */
export function combinedRequest(previous: string, followUp: string): string {
  const follow = followUp.trim().replace(/^(?:(?:and|but|now|ok(?:ay)?|also|then|make it|do it|try|again)\b[,\s]*)+/i, '');
  return `${previous.trim().replace(/[.!?\s]+$/, '')}, ${follow}`;
}

type Rule = (command: string, f: RequestFacts) => Rewrite | undefined;

const firstProgram = (command: string) => /^\s*(\w[\w.-]*)/.exec(command)?.[1] ?? '';

/** Splits `find PATH... rest` after its start points, so a test can be added before the others. */
function findParts(command: string): { head: string; rest: string } | undefined {
  // The places to start from end at the first test, or at a pipe or a list (`find . | grep x`).
  const m = /^(\s*find(?:\s+(?!-|\(|!|[|;&])(?:'[^']*'|"[^"]*"|[^\s|;&])+)*)(.*)$/s.exec(command);
  return m ? { head: m[1], rest: m[2] } : undefined;
}

export function addFindTest(command: string, test: string, early = false): string | undefined {
  const p = findParts(command);
  if (!p) return undefined;
  if (early) return `${p.head} ${test}${p.rest}`;
  // After -type (if any), before actions and pipes.
  // A quoted value ('<name>', '*.a|b') holds no action and no pipe.
  const masked = p.rest.replace(/'[^']*'|"[^"]*"/g, (q) => 'x'.repeat(q.length));
  const stop = /\s(?:-exec|-execdir|-delete|-print0?|-printf|-ls|-ok)\b|\s*[|;&>]/.exec(masked);
  const at = stop ? stop.index : p.rest.length;
  return `${p.head}${p.rest.slice(0, at)} ${test}${p.rest.slice(at)}`;
}

const onlyKinds: Rule = (command, f) => {
  const globs = [...new Set([...f.exts.map((e) => (e.value.startsWith('*') ? e.value : `*.${e.value.replace(/^\./, '')}`)), ...f.globs.map((g) => g.value)])];
  if (globs.length === 0) return undefined;
  const said = `only ${globs.join(', ')}`;
  const prog = firstProgram(command);
  if (prog === 'find') {
    const names = globs.map((g) => `-name ${shellQuote(g)}`);
    const test = names.length === 1 ? names[0] : `\\( ${names.join(' -o ')} \\)`;
    const without = command.replace(/\s-i?name\s+('[^']*'|"[^"]*"|\S+)/, '');
    const next = addFindTest(without, test);
    return next ? { command: next, changes: [said] } : undefined;
  }
  if (prog === 'grep' && /\s-\w*[rR]/.test(command)) {
    const includes = globs.map((g) => `--include=${shellQuote(g)}`).join(' ');
    return { command: command.replace(/^(\s*grep)\b/, `$1 ${includes}`), changes: [said] };
  }
  return undefined;
};

const notRecursive: Rule = (command) => {
  const prog = firstProgram(command);
  if (prog === 'find' && !/-maxdepth/.test(command)) {
    const next = addFindTest(command, '-maxdepth 1', true);
    return next ? { command: next, changes: ['not recursive: only the folder itself, not its subfolders'] } : undefined;
  }
  if (/^(?:ls|chmod|chown|chgrp|du)$/.test(prog) && /\s-\w*R/.test(command)) {
    const next = command.replace(/(\s-\w*?)R(\w*)/, (_m, a: string, b: string) => (a === ' -' && b === '' ? '' : `${a}${b}`));
    return { command: next, changes: ['not recursive'] };
  }
  if (prog === 'grep' && /\s-\w*[rR]/.test(command)) {
    // Without -r a folder operand is an error: search the files directly in it instead.
    const m = /^(.*\S)\s+('[^']*'|"[^"]*"|[^\s'"|;&]+)\s*$/s.exec(command.replace(/(\s-\w*?)[rR](\w*)/, (_m, a: string, b: string) => (a === ' -' && b === '' ? '' : `${a}${b}`)));
    if (!m) return undefined;
    const dir = m[2] === '.' || m[2] === "'.'" ? '.' : m[2];
    return { command: `${m[1].replace(/^(\s*grep)\b/, '$1 -s')} ${dir}/*`, changes: ['not recursive: the files directly in the folder'] };
  }
  return undefined;
};

const includeHidden: Rule = (command) => {
  const prog = firstProgram(command);
  if (prog === 'ls' && !/\s-\w*[aA]/.test(command)) {
    const next = /^(\s*ls\s+-)(\w+)/.test(command) ? command.replace(/^(\s*ls\s+-)(\w+)/, '$1A$2') : command.replace(/^(\s*ls)\b/, '$1 -A');
    return { command: next, changes: ['hidden files included'] };
  }
  if (prog === 'find' && /-not -path '\*\/\.\*'|! -path '\*\/\.\*'/.test(command)) {
    return { command: command.replace(/\s(?:-not|!) -path '\*\/\.\*'/, ''), changes: ['hidden files included'] };
  }
  return undefined;
};

const excludeHidden: Rule = (command) => {
  const prog = firstProgram(command);
  if (prog === 'ls' && /\s-\w*[aA]/.test(command)) {
    return { command: command.replace(/(\s-\w*?)[aA](\w*)/, (_m, a: string, b: string) => (a === ' -' && b === '' ? '' : `${a}${b}`)), changes: ['hidden files left out'] };
  }
  if (prog === 'find' && !/-path '\*\/\.\*'/.test(command)) {
    const next = addFindTest(command, "-not -path '*/.*'");
    return next ? { command: next, changes: ['hidden files left out'] } : undefined;
  }
  return undefined;
};

const ignoreCase: Rule = (command) => {
  const prog = firstProgram(command);
  if (prog === 'grep' && !/\s-\w*i/.test(command)) return { command: command.replace(/^(\s*grep)\b/, '$1 -i'), changes: ['case ignored'] };
  if (prog === 'find' && /\s-name\s/.test(command)) return { command: command.replace(/\s-name\s/g, ' -iname '), changes: ['case ignored'] };
  return undefined;
};

const onlyType = (type: 'f' | 'd'): Rule => (command) => {
  if (firstProgram(command) !== 'find') return undefined;
  const said = type === 'f' ? 'only files' : 'only folders';
  if (/\s-type\s+[a-z]/.test(command)) return { command: command.replace(/\s-type\s+[a-z]/, ` -type ${type}`), changes: [said] };
  const next = addFindTest(command, `-type ${type}`);
  return next ? { command: next, changes: [said] } : undefined;
};

const sizeOrAge: Rule = (command, f) => {
  if (firstProgram(command) !== 'find') return undefined;
  const size = f.sizes[0];
  const age = f.durations[0];
  let next: string | undefined = command;
  const changes: string[] = [];
  if (size?.amount !== undefined && size.unit) {
    next = addFindTest(next.replace(/\s-size\s+\S+/, ''), `-size ${size.sign ?? '+'}${Math.ceil(size.amount)}${size.unit}`);
    changes.push(`size ${size.raw}`);
  }
  if (next && age?.amount !== undefined) {
    const days = Math.max(1, Math.round((age.amount * (dayUnits[age.unit?.replace(/s$/, '') ?? 'day'] ?? 1))));
    next = addFindTest(next.replace(/\s-mtime\s+\S+/, ''), `-mtime ${age.sign === '-' ? '-' : '+'}${days}`);
    changes.push(`age ${age.raw}`);
  }
  return next && changes.length > 0 ? { command: next, changes } : undefined;
};

const dayUnits: Record<string, number> = { day: 1, week: 7, month: 30, year: 365, hour: 1 / 24 };

const withLineNumbers: Rule = (command) =>
  firstProgram(command) === 'grep' && !/\s-\w*n/.test(command) ? { command: command.replace(/^(\s*grep)\b/, '$1 -n'), changes: ['with line numbers'] } : undefined;

const firstN: Rule = (command, f) => {
  const n = f.numbers[0]?.amount;
  if (n === undefined || !Number.isInteger(n) || n < 1 || /\|\s*head\b/.test(command)) return undefined;
  return { command: `${command} | head -n ${n}`, changes: [`only the first ${n}`] };
};

const countThem: Rule = (command) => (/\|\s*wc\b|\s-c\b|--count/.test(command) ? undefined : { command: `${command} | wc -l`, changes: ['counted'] });

/** Each kind of follow-up, the words that ask for it and how it rewrites a command. */
const rules: [RegExp, Rule][] = [
  [/\b(?:not|non|no|without)[- ]?(?:recursive\w*|recurs\w*|sub-?(?:folders?|director\w*|dirs?))\b|\b(?:don'?t|do not|never)\s+(?:go|look|descend|recurse|search)\w*(?:\s+(?:into|in|through))?\s+(?:the\s+|any\s+)?sub-?(?:folders?|director\w*|dirs?)\b|\b(?:only|just) (?:the )?top[- ]level\b|\bone level\b/, notRecursive],
  [/\b(?:includ\w*|with|show|also|plus)\b[^,.;]*\b(?:hidden|dot ?files?)\b/, includeHidden],
  [/\b(?:without|exclud\w*|skip\w*|no|not|ignor\w*|leave out)\b[^,.;]*\b(?:hidden|dot ?files?)\b/, excludeHidden],
  [ignoresCase, ignoreCase],
  [/\b(?:only|just)\b[^,;]*\b(?:files?)\b/, onlyKinds],
  [/\b(?:only|just) (?:the )?(?:regular )?files\b(?! (?:ending|named|called|with))/, onlyType('f')],
  [/\b(?:only|just) (?:the )?(?:folders|directories|dirs)\b/, onlyType('d')],
  [/\b(?:bigger|larger|greater|smaller|over|under|above|below|older|newer|more|less)\b/, sizeOrAge],
  [/\bline numbers?\b/, withLineNumbers],
  [/\b(?:only|just) (?:the )?(?:first|top) \d+\b|\b(?:first|top) \d+ only\b/, firstN],
  [/^(?:and )?(?:count them|how many(?: are there)?|just the count|only the count)\b/, countThem],
];

/**
 * The previous command with the follow-up's changes, or undefined when the
 * follow-up asks for nothing these rewrites know for this program. Every
 * change the follow-up asks for must apply, or none is made.
 */
export function rewriteCommand(command: string, followUp: RequestFacts): Rewrite | undefined {
  if (/\n/.test(command)) return undefined;
  let current = command;
  const changes: string[] = [];
  let asked = 0;
  const excluding = rules[2][0].test(followUp.lower);
  for (const [words, rule] of rules) {
    if (!words.test(followUp.lower)) continue;
    if (rule === includeHidden && excluding) continue;
    if (rule === onlyKinds && followUp.exts.length === 0 && followUp.globs.length === 0) continue;
    asked++;
    const r = rule(current, followUp);
    if (!r) return undefined;
    current = r.command;
    changes.push(...r.changes);
  }
  return asked > 0 && current !== command ? { command: current, changes } : undefined;
}
