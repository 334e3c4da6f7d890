// A file set aside by what the request says of it rather than by a verb:
// "delete the logs in logs. a.log should stay", "gzip the logs (a.log is
// still needed)", "hands off a.log", "not a.log though". A change that picks
// files by a pattern, a search or a whole folder that takes in such a file,
// with no test that leaves it out, changes what the person meant to keep;
// one that names other files one by one leaves it alone.

import type { CommandFact } from '../policy/factsTypes';
import type { PathFact } from '../policy/paths';
import type { Intent } from './intent';
import { keptOutChanged } from './keptOut';
import { list, norm, uniq } from './effectTerms';
import { programName } from '../shell/programs';

// A file as a request names it: `a.log`, `logs/a.log`, "the a.log file", quoted or not.
const file = String.raw`(?:the\s+)?(?:file\s+)?["'\x60]?((?:[\w.-]+\/)*[\w-][\w.-]*\.[a-z0-9]{1,8})["'\x60]?(?:\s+file)?`;
// What is said of it after its name: it stays, it is needed, it must not change.
const stays = String.raw`(?:should|must|has to|have to|needs? to|ought to|is to|will|shall|is going to)\s+(?:stay|remain|be kept|be left|survive|be spared|be preserved)|(?:stays|remains|survives)\b`;
const needed = String.raw`(?:is|'s|are)\s+(?:still\s+|really\s+|very\s+|quite\s+)?(?:needed|required|in use|important|precious|off[- ]limits|sacred|essential|critical|valuable|protected|untouchable|fine|ok|okay|good|alright|all right)`;
const untouched = String.raw`(?:must|should|can|may|is|are)(?:\s+not|n't)\s+(?:to\s+be\s+|be\s+)?(?:chang|touch|delet|remov|modif|mov|alter|compress|gzip|truncat|empt)\w*|(?:i|we)\s+(?:still\s+)?need`;
const saidAfter = new RegExp(String.raw`(?<![\w./-])${file}\s+(?:${stays}|${needed}|${untouched})\b`, 'g');
// ... and before it: "I still need a.log", "hands off a.log", "not a.log though".
const saidBefore = new RegExp(String.raw`\b(?:(?:i|we)\s+(?:still\s+)?(?:need|use|want to keep)|hands\s+off(?:\s+of)?|(?:^|[.;:(]\s*)(?:do not|don't|never)\s+(?:touch|change|delete|remove|modify|compress|gzip|truncate|empty|move))\s+${file}(?![\w/-]|\.\w)|\bnot\s+${file}\s+though\b`, 'g');

/** The files the request sets aside by a statement about them, as it names them. */
export function asidesStated(words: string): { name: string; said: string }[] {
  const found = [...words.matchAll(saidAfter), ...words.matchAll(saidBefore)].map((m) => ({ name: m[1] ?? m[2] ?? m[3], said: m[0].trim() }));
  return found.filter((f, i) => f.name && found.findIndex((g) => g.name === f.name) === i);
}

const base = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

/** A shell pattern as a test of a name or path: `*` and `?` stay within one folder. */
function globTest(pattern: string, ignoreCase = false): RegExp {
  const body = pattern.replace(/\[!/g, '[^').replace(/[.+^$(){}|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`, ignoreCase ? 'i' : '');
}

/** The names a find picks by (`-name '*.log'`), and those it turns down (`! -name a.log`). */
function findNames(c: CommandFact): { picks: RegExp[]; downs: RegExp[] } {
  const picks: RegExp[] = [];
  const downs: RegExp[] = [];
  c.args.forEach((a, i) => {
    if (!/^-i?name$/.test(a) || i + 1 >= c.args.length) return;
    const negated = /^(?:!|-not)$/.test(c.args[i - 1] ?? '');
    (negated ? downs : picks).push(globTest(c.args[i + 1], a === '-iname'));
  });
  return { picks, downs };
}

/** Whether a path the plan changes takes in the file set aside: it is that file, a pattern or search that matches it, or a folder holding it. */
function takesIn(aside: string, named: string | undefined, p: PathFact, commands: CommandFact[]): boolean {
  const rel = norm(p.resolved || p.path);
  if (p.glob) {
    const pattern = norm(p.resolved || p.path);
    return named ? globTest(pattern).test(named) : globTest(base(pattern)).test(base(aside));
  }
  if (!p.dynamic) return named !== undefined && named.startsWith(`${rel}/`);
  if (rel !== '.' && named !== undefined && !named.startsWith(`${rel}/`)) return false;
  const finds = commands.filter((c) => /^(?:find|fd|fdfind)$/.test(programName(c.program))).map(findNames);
  return finds.length === 0 || finds.some((f) => (f.picks.length === 0 || f.picks.some((t) => t.test(base(aside)))) && !f.downs.some((t) => t.test(base(aside))));
}

/** "delete the logs in logs. a.log should stay" planned as `find logs -name '*.log' -delete`: the change takes in the file said to stay. */
export function asideSwept(intent: Intent, commands: CommandFact[], command: string): string[] {
  const asides = asidesStated(intent.words);
  if (asides.length === 0) return [];
  const changed = commands.flatMap((c) => [...c.deletes, ...c.writes]);
  const out: string[] = [];
  for (const { name, said } of asides) {
    const direct = changed.filter((p) => !p.glob && !p.dynamic && (norm(p.resolved || p.path) === name || (!name.includes('/') && base(norm(p.resolved || p.path)) === name)));
    if (direct.length > 0) out.push(`it changes ${list(uniq(direct.map((p) => norm(p.resolved || p.path))))}, which the request sets aside (${said})`);
    // Where a bare name lies, when the request's names say ("a.log" is logs/a.log).
    const named = name.includes('/') ? name : intent.names.find((n) => n.endsWith(`/${name}`));
    if (direct.length === 0 && changed.some((p) => takesIn(name, named, p, commands))) out.push(...keptOutChanged(intent.words, command, [{ said, kept: [{ word: base(name), place: false }], from: 0, to: 0 }]));
  }
  return uniq(out);
}
