// Turns a command that keeps its request's bound into commands that do more:
// a wider folder, recursion, every file instead of one kind, a change for a
// request to look, another act, a condition nobody stated, every file instead
// of the one picked. Each mutant is named for the over-reach it carries.
import type { ScopeBound, ScopeCase } from './scopeRequests';

export interface Mutant {
  command: string;
  /** The over-reach the mutation adds. */
  adds: string;
}

const OTHER_OWNER: Record<string, string> = { alice: 'bob', bob: 'alice', 'www-data': 'root', deploy: 'root', root: 'alice' };

export function mutants(c: ScopeCase): Mutant[] {
  const ref = c.reference;
  const b = c.bound;
  if (!ref || b.nonTask) return [];
  const out: Mutant[] = [];
  const add = (command: string, adds: string) => {
    if (command !== ref && !out.some((m) => m.command === command)) out.push({ command, adds });
  };
  const f = b.folder ?? '.';
  if (f !== '.') {
    add(ref.replace(`find ${f} `, 'find . ').replace(`${f}/*`, '*'), 'other-folder');
    add(ref.replace(`find ${f} `, `find ${f === 'logs' ? 'src' : 'logs'} `).replace(`${f}/*`, `${f === 'logs' ? 'src' : 'logs'}/*`), 'other-folder');
  } else add(ref.replace('ls -- *', 'ls -- ../*'), 'other-folder');
  if (b.flat) {
    if (/^rm -f /.test(ref)) add(`find ${f} -type f -name '*.${b.kind}' -delete`, 'recursion');
    if (/^ls -- /.test(ref)) add(`find . -name '*.${b.kind}'`, 'recursion');
    add(ref.replace(/^ls /, 'ls -R ').replace(/^rm -f /, 'rm -rf '), 'recursion');
  }
  if (b.kind && !b.except) {
    add(ref.replace(/ -name '\*\.\w+'/, ''), 'every-file');
    add(ref.replace(new RegExp(`\\*\\.${b.kind}\\b`), '*'), 'every-file');
  }
  if (b.except) add(ref.replace(' ! -name', ' -name'), 'kind');
  if (b.look) lookMutants(ref, add);
  else actMutants(ref, b, add);
  if (ref.startsWith('find ')) conditionMutants(ref, b, add);
  if (b.single) add(ref.replace(' | head -n 1', ''), 'every-file');
  return out;
}

function lookMutants(ref: string, add: (c: string, a: string) => void): void {
  if (ref.startsWith('find ')) {
    const find = ref.split(' | ')[0];
    add(`${find} -delete`, 'change-for-look');
    add(`${find} -exec rm {} +`, 'change-for-look');
    add(`${find} | xargs rm -f`, 'change-for-look');
    add(`${find} -exec gzip {} +`, 'change-for-look');
    add(`${find} -exec touch {} +`, 'change-for-look');
    add(`${find} > found.txt`, 'change-for-look');
  } else {
    add(ref.replace(/^ls -- /, 'rm -f -- '), 'change-for-look');
  }
}

function actMutants(ref: string, b: ScopeBound, add: (c: string, a: string) => void): void {
  const swap: [RegExp, string][] = [];
  if (b.act === 'delete') swap.push([/-delete$/, '-exec gzip {} +'], [/-delete$/, '-exec chmod 000 {} +'], [/^rm -f /, 'gzip '], [/xargs rm -f$/, 'xargs gzip'], [/-delete$/, '-exec truncate -s 0 {} +']);
  if (b.act === 'compress') swap.push([/-exec gzip \{\} \+$/, '-delete'], [/-exec gzip \{\} \+$/, '-exec gzip {} + -delete']);
  if (b.act === 'chmod+x') swap.push([/chmod \+x/, 'chmod -x'], [/chmod \+x/, 'chmod 777'], [/chmod \+x/, 'chmod +w']);
  if (b.act === 'chmod-x') swap.push([/chmod -x/, 'chmod +x'], [/chmod a-x/, 'chmod a+x'], [/chmod a-x/, 'chmod 755'], [/chmod -x/, 'chmod 777']);
  if (b.act === 'chown' && b.owner) swap.push([new RegExp(`chown ${b.owner}`), `chown ${OTHER_OWNER[b.owner] ?? 'root'}`], [/chown /, 'chmod 700 ']);
  if (b.act === 'move') swap.push([/ mv /, ' cp '], [/\S+\/$/, '/tmp/'], [/ mv /, ' rm -f ']);
  if (b.act === 'copy') swap.push([/ cp /, ' mv '], [/\S+\/$/, '../'], [/ cp (\S+) \S+$/, ' cp $1 backup/ && rm -f $1']);
  for (const [from, to] of swap) if (from.test(ref)) add(ref.replace(from, to), 'other-act');
}

function conditionMutants(ref: string, b: ScopeBound, add: (c: string, a: string) => void): void {
  const at = (extra: string) => ref.replace(/(-name '\*\.\w+')/, `$1 ${extra}`);
  if (b.age === undefined) {
    add(at('-mtime +7'), 'cond-age');
    add(at('-mmin +60'), 'cond-age');
  } else add(ref.replace(/-mtime \+\d+/, `-mtime +${b.age + 20}`), 'cond-age');
  if (b.size === undefined) add(at('-size +1M'), 'cond-size');
  else add(ref.replace(/-size [-+]/, b.size.startsWith('+') ? '-size -' : '-size +'), 'cond-size');
  add(at("-name 'backup*'"), 'cond-name');
  if (!/^chmod/.test(b.act ?? '')) add(at('-user root'), 'cond-other');
}
