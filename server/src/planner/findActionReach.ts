// A find's action reaches what its expression puts before it: `find logs
// -delete -name '*.log'` deletes every file before the name test is read,
// `find logs -name '*.log' -o -mtime +30 -delete` deletes old files of any
// name (the -o leaves the name test in the other branch), `-print -o
// -delete` deletes what the tests turn down, and `\( -name '*.log' -o -mtime
// +30 \)` takes files that pass either test. Each changes files the request's
// conditions do not pick. So does a test of another time than the request's
// (`-atime`, when a file is read; `-ctime`, when its status changes) for
// "older than 30 days", which is how long since it was modified.

import type { CommandFact } from '../policy/factsTypes';
import type { Intent } from './intent';
import { programName } from '../shell/programs';

// Tests and actions that take one word after them.
const withValue = new Set(['name', 'iname', 'path', 'ipath', 'wholename', 'iwholename', 'regex', 'iregex', 'lname', 'ilname', 'mtime', 'atime', 'ctime', 'mmin', 'amin', 'cmin', 'newer', 'anewer', 'cnewer', 'newermt', 'newerat', 'newerct', 'size', 'type', 'xtype', 'user', 'group', 'perm', 'uid', 'gid', 'links', 'inum', 'samefile', 'used', 'maxdepth', 'mindepth', 'fprint', 'fprint0', 'fls', 'printf', 'fprintf', 'regextype', 'context']);
const options = new Set(['maxdepth', 'mindepth', 'depth', 'xdev', 'mount', 'follow', 'regextype', 'noleaf', 'ignore_readdir_race', 'daystart', 'L', 'H', 'P']);
const changing = new Set(['delete', 'exec', 'execdir', 'ok', 'okdir']);
const quiet = new Set(['print', 'print0', 'printf', 'fprint', 'fprint0', 'fprintf', 'ls', 'fls', 'prune', 'quit', 'true', 'false']);
// What a test looks at: the name, a time, a size, ...; `-o` between tests of two kinds takes files that pass either.
const aspect = (t: string): string => (/name$|path$|regex$/.test(t) ? 'name' : /^(?:[acm](?:time|min)|newer\w*|[ac]newer|used)$/.test(t) ? 'time' : t);

type Item = { kind: 'test' | 'act' | 'or' | 'open' | 'close' | 'other'; word: string };

/** find's expression, item by item, from the first word after its start folders. */
function expression(c: CommandFact): Item[] {
  const items: Item[] = [];
  const args = c.args;
  let i = args.findIndex((a) => /^[-!(]/.test(a) && !/^-[HLP]$/.test(a));
  while (i >= 0 && i < args.length) {
    const a = args[i];
    const word = a.replace(/^-+/, '');
    if (a === '(' || a === '\\(') items.push({ kind: 'open', word: '(' });
    else if (a === ')' || a === '\\)') items.push({ kind: 'close', word: ')' });
    else if (a === '-o' || a === '-or' || a === ',') items.push({ kind: 'or', word: 'or' });
    else if (changing.has(word)) {
      items.push({ kind: 'act', word });
      if (word !== 'delete') while (i + 1 < args.length && !/^(?:;|\\;|\+)$/.test(args[i])) i++;
    } else if (quiet.has(word) || options.has(word) || /^(?:!|-not|-a|-and)$/.test(a)) items.push({ kind: 'other', word });
    else if (a.startsWith('-')) items.push({ kind: 'test', word });
    if (withValue.has(word)) i++;
    i++;
  }
  return items;
}

/** Why the change `c` makes is not bound to its tests, or '' when it is. */
function unbound(c: CommandFact): string {
  const items = expression(c);
  const act = items.findIndex((x) => x.kind === 'act');
  if (act < 0) return '';
  const actWord = `-${items[act].word}`;
  // The branch the action is in, at the top level, and the tests every branch holds.
  let depth = 0;
  const branches: Item[][] = [[]];
  for (const x of items) {
    if (x.kind === 'open') depth++;
    if (x.kind === 'close') depth--;
    if (x.kind === 'or' && depth === 0) branches.push([]);
    else branches[branches.length - 1].push(x);
  }
  const mine = branches.find((b) => b.some((x) => x.kind === 'act')) ?? [];
  const before = mine.slice(0, mine.findIndex((x) => x.kind === 'act'));
  if (mine.slice(mine.findIndex((x) => x.kind === 'act') + 1).some((x) => x.kind === 'test') && !before.some((x) => x.kind === 'test')) return `it runs ${actWord} before its tests, so it reaches every file find walks`;
  // A branch that ends in -prune only leaves a folder out.
  const others = branches.filter((b) => b !== mine && !b.some((x) => x.word === 'prune'));
  const tested = (b: Item[]) => new Set(b.filter((x) => x.kind === 'test' && x.word !== 'type').map((x) => aspect(x.word)));
  const lost = others.flatMap((b) => [...tested(b)]).filter((t) => !tested(mine).has(t));
  if (others.length > 0 && lost.length > 0) return `its -o leaves ${actWord} without the ${lost[0]} test, so it reaches files that test turns down`;
  // `\( -name '*.log' -o -mtime +30 \) -delete`: either test is enough.
  let d = 0;
  const groups: Item[][] = [];
  for (const x of before) {
    if (x.kind === 'open' && d++ === 0) groups.push([]);
    else if (x.kind === 'close') d--;
    else if (d > 0) groups[groups.length - 1].push(x);
  }
  const mixed = groups.find((g) => g.some((x) => x.kind === 'or') && new Set(g.filter((x) => x.kind === 'test' && x.word !== 'type').map((x) => aspect(x.word))).size > 1);
  return mixed ? `its tests are joined by -o, so ${actWord} reaches files that pass either one` : '';
}

// "older than 30 days", "not modified in 30 days": how long since a file was modified.
const modifiedAge = /\b(?:older|newer|younger)\s+than\b|\b(?:modified|changed|edited|touched|updated|written)\b|\b\d+\s+days?\s+old\b|\bdays?\s+old\b|\bage\b/;
const otherTimeSaid = /\baccess\w*|\bused\b|\bopened\b|\bread\b|\bstatus\b|\binode\b|\bmetadata\b|\bctime\b|\batime\b/;

/** `-delete` before the tests, tests split by `-o`, or a time of another kind than the request's: a find that changes other files than the request picks. */
export function findActionUnbound(intent: Intent, commands: CommandFact[]): string[] {
  const finds = commands.filter((c) => /^(?:find|gfind)$/.test(programName(c.program)));
  const why = finds.map(unbound).find((w) => w !== '');
  if (why) return [why];
  if (!modifiedAge.test(intent.words) || otherTimeSaid.test(intent.words)) return [];
  const other = finds.flatMap((c) => c.args.filter((a) => /^-(?:atime|ctime|amin|cmin|anewer|cnewer|newer[ac][a-z]|used)$/.test(a)))[0];
  return other && finds.some((c) => expression(c).some((x) => x.kind === 'act')) ? [`it tests ${/^-a/.test(other) ? 'when files were last read' : 'when files last changed status'} (${other}), but the request asks how long since they were modified`] : [];
}
