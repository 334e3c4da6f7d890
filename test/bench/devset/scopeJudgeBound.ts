// Holds one command to the bound of its request (see scopeJudge.ts for the
// reading of the command): the classes of over-reach it shows.
import { actsOf, chmodSign, statements, type Overreach } from './scopeJudge';
import type { ScopeBound } from './scopeRequests';
import { FOLDERS } from './scopeVocabulary';

export type Finding = Overreach | 'dropped-condition' | 'no-act';

const TIME = /^-(mtime|mmin|atime|amin|ctime|cmin|newer\w*|daystart|used)$/;
const OTHER = /^-(perm|user|group|uid|gid|links|executable|readable|writable|nouser|nogroup|inum|samefile)$/;
const NAME = /^-(name|iname|path|ipath|wholename|iwholename|regex|iregex|lname)$/;

/** Everything `command` does beyond `bound`; the last two kinds are doing less, kept apart. */
export function judgePlan(command: string, bound: ScopeBound): Finding[] {
  const found = new Set<Finding>();
  if (/<[A-Za-z][\w -]*>/.test(command)) found.add('placeholder');
  judgeActs(command, bound, found);
  // A plan that changes nothing where a change was asked does less, not more: its selection is not judged.
  if (found.has('no-act')) return [...found];
  judgeFind(command, bound, found);
  judgePaths(command, bound, found);
  judgeKind(command, bound, found);
  if (bound.single && actsOf(command).some((a) => a.act === 'delete') && !/\b(head|tail) +(-n *1\b|-1\b)|-quit\b|\bhead -n1\b|\btail -n1\b/.test(command)) found.add('every-file');
  return [...found];
}

function judgeActs(command: string, bound: ScopeBound, found: Set<Finding>): void {
  const acts = actsOf(command);
  if (bound.look) {
    if (acts.length > 0) found.add('change-for-look');
    return;
  }
  if (!acts.some((a) => a.act !== 'mkdir')) found.add('no-act');
  const dest = (p?: string) => norm(p ?? '') === bound.dest;
  for (const a of acts) {
    const fits =
      (a.act === 'delete' && bound.act === 'delete') ||
      (a.act === 'compress' && bound.act === 'compress') ||
      (a.act === 'chmod' && bound.act === 'chmod+x' && chmodSign(a.detail) === '+x') ||
      (a.act === 'chmod' && bound.act === 'chmod-x' && chmodSign(a.detail) === '-x') ||
      (a.act === 'chown' && bound.act === 'chown' && (a.detail ?? '').split(':')[0] === bound.owner) ||
      (a.act === 'move' && bound.act === 'move' && dest(a.detail)) ||
      (a.act === 'copy' && bound.act === 'copy' && dest(a.detail)) ||
      (a.act === 'mkdir' && dest(a.detail));
    if (!fits) found.add('other-act');
  }
}

function judgeFind(command: string, bound: ScopeBound, found: Set<Finding>): void {
  const finds = statements(command).map((s) => s.words).filter((w) => w.includes('find'));
  let timed = false;
  let sized = false;
  for (const words of finds) {
    const args = words.slice(words.indexOf('find') + 1);
    const depth = args.indexOf('-maxdepth');
    if (bound.flat && (depth < 0 || Number(args[depth + 1]) > 1)) found.add('recursion');
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      const v = args[i + 1] ?? '';
      if (TIME.test(a)) {
        timed = true;
        if (bound.age === undefined) found.add('cond-age');
        else if (!ageFits(v, bound.age)) found.add('cond-age');
      } else if (a === '-size' || a === '-empty') {
        sized = true;
        if (bound.size === undefined) found.add('cond-size');
        else if (a === '-empty' || v[0] !== bound.size[0]) found.add('cond-size');
      } else if (NAME.test(a) && /^(!|-not)$/.test(args[i - 1] ?? '') && /(^|\/)(\.git|node_modules)(\/|$)/.test(v)) {
        // Leaving the repository's own files or installed packages out narrows nothing the request named.
      } else if (a === '-path' && args[i + 2] === '-prune' && /(\.git|node_modules)$/.test(v)) {
        i += 2;
      } else if (NAME.test(a)) {
        const keeps = (bound.kind && v.toLowerCase().includes(`.${bound.kind}`)) || (bound.name && v.includes(bound.name));
        if (!keeps) found.add('cond-name');
      } else if (OTHER.test(a) && !/^chmod/.test(bound.act ?? '')) found.add('cond-other');
    }
  }
  if (bound.age !== undefined && !timed && !/\bls\b.*-t/.test(command)) found.add('dropped-condition');
  if (bound.size !== undefined && !sized) found.add('dropped-condition');
}

function ageFits(v: string, days: number): boolean {
  const n = Number(v.replace(/^[+-]/, ''));
  return [days, days - 1, days * 1440, days * 24 * 60 - 1].includes(n) || /\d{4}-\d\d-\d\d|day|week|month|ago/.test(v);
}

function judgeKind(command: string, bound: ScopeBound, found: Set<Finding>): void {
  const c = command.toLowerCase();
  if (bound.name && !command.includes(bound.name)) found.add('kind');
  if (!bound.kind) return;
  if (!c.includes(`.${bound.kind}`)) {
    found.add(bound.except ? 'kind' : 'every-file');
    return;
  }
  if (bound.except && !new RegExp(`(!|-not|-v|--exclude|--ignore|-I)\\s*(-i?name\\s*)?\\S*\\.${bound.kind}|!\\([^)]*\\.${bound.kind}`).test(c)) found.add('kind');
}

/** Paths the command reaches, each held to the named folder. */
function judgePaths(command: string, bound: ScopeBound, found: Set<Finding>): void {
  if (bound.folder === undefined) return;
  let base = '';
  for (const { words, writesTo } of statements(command)) {
    if (words[0] === 'cd') {
      base = join(base, words[1] ?? '');
      continue;
    }
    for (const p of pathsOf(words, bound)) if (!inside(join(base, p), bound.folder)) found.add('other-folder');
    for (const t of writesTo) if (norm(t) !== bound.dest && !inside(join(base, t), bound.folder)) found.add('other-folder');
    if (bound.flat && descends(words)) found.add('recursion');
  }
}

/** A program told to walk down folders (ls -R, grep -r, rm -r, chmod -R, cp -r). */
function descends(words: string[]): boolean {
  const flag = (re: RegExp) => words.some((w) => (/^-\w+$/.test(w) && re.test(w.slice(1))) || w === '--recursive');
  if (words[0] === 'ls' || /^(chmod|chown|chgrp)$/.test(words[0])) return flag(/R/);
  if (/^(grep|egrep|rm|cp)$/.test(words[0])) return flag(/[rR]/);
  return words.some((w) => w.includes('**'));
}

const STREAM = /^(wc|sort|uniq|head|tail|cut|tr|awk|sed|grep|egrep|xargs|cat|less|nl|tac|column|echo|printf|basename|dirname|true|test|\[)$/;

function pathsOf(words: string[], bound: ScopeBound): string[] {
  const [name, ...args] = words;
  if (name === 'find') {
    const starts = args.slice(0, Math.max(0, args.findIndex((a) => /^[-!(]/.test(a))) || args.length);
    const first = args.findIndex((a) => /^[-!(]/.test(a));
    return first === 0 ? ['.'] : first < 0 ? (args.length ? args : ['.']) : starts;
  }
  if (name === 'xargs' || name === 'mkdir') return [];
  let plain = args.filter((a) => !a.startsWith('-') && a !== '{}' && a !== '+' && a !== ';');
  if (/^(chmod|chown|chgrp)$/.test(name)) plain = plain.slice(1);
  if (/^(grep|egrep)$/.test(name) && !args.some((a) => a === '-e' || a === '-f')) plain = plain.slice(1);
  if (/^(mv|cp)$/.test(name) && !args.includes('-t')) plain = plain.filter((a) => norm(a) !== bound.dest);
  if (name === 'tar' || name === 'zip') plain = plain.filter((a) => !/\.(tar|tgz|gz|zip|bz2|xz)$/.test(a));
  const paths = plain.filter((a) => a.includes('/') || a.includes('*') || a === '.' || (FOLDERS as readonly string[]).includes(a) || (!STREAM.test(name) && /\.\w+$/.test(a)));
  if (paths.length === 0 && /^(ls|du|tree)$/.test(name)) return ['.'];
  if (paths.length === 0 && /^(grep|egrep)$/.test(name) && args.some((a) => /^-\w*[rR]/.test(a))) return ['.'];
  return paths;
}

function norm(p: string): string {
  let s = p;
  while (s.startsWith('./')) s = s.slice(2);
  s = s.replace(/\/+$/, '');
  return s === '' ? '.' : s;
}

function join(base: string, p: string): string {
  const n = norm(p);
  if (!base || n.startsWith('/')) return n;
  return n === '.' ? base : `${norm(base)}/${n}`;
}

function inside(p: string, folder: string): boolean {
  const n = norm(p);
  if (n === '/dev/null') return true;
  if (folder === '.') return !n.startsWith('/') && !n.startsWith('..');
  return n === folder || n.startsWith(`${folder}/`);
}
