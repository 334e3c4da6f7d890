// find: its roots are read, -delete deletes, and -exec/-execdir/-ok run a
// command on what it finds, described as a command of its own.

import { literal, show } from '../shell/argWords';
import type { Context, Walker } from './facts';
import type { CommandFact } from './factsTypes';
import { DYNAMIC, type WordValue } from '../shell/words';

const FIND_TESTS = new Set(['-name', '-iname', '-path', '-ipath', '-wholename', '-iwholename', '-regex', '-iregex', '-size', '-user', '-group', '-uid', '-gid', '-perm', '-newer', '-mtime', '-atime', '-ctime', '-mmin', '-amin', '-cmin', '-empty', '-links', '-inum', '-samefile', '-lname', '-ilname', '-nouser', '-nogroup', '-used', '-fstype']);

export function describeFind(w: Walker, fact: CommandFact, args: WordValue[], ctx: Context): void {
  let i = 0;
  while (i < args.length && ['-H', '-L', '-P'].includes(args[i].text)) i++;
  // `-L`/`-H` belong before the roots; anywhere else find stops, but a delete is not read as safe on that.
  const follows = args.some((a) => ['-L', '-H', '-follow'].includes(a.text));
  const before = w.facts.commands.length;
  const roots: WordValue[] = [];
  while (i < args.length && !args[i].text.startsWith('-') && !['(', '!', ')'].includes(args[i].text)) roots.push(args[i++]);
  if (roots.length === 0) roots.push(literal('.'));
  fact.positionals = roots.map(show);
  fact.flags = args.filter((a) => a.text.startsWith('-')).map((a) => a.text.replace(/^-+/, ''));
  roots.forEach((r) => fact.reads.push(w.path(r)));
  // With a test that picks files (-name, -size, ...), find acts on some files under each root, not the root itself.
  const filtered = args.some((a, k) => FIND_TESTS.has(a.text) && !(['-name', '-iname', '-path', '-ipath', '-wholename'].includes(a.text) && args[k + 1]?.text === '*'));
  const found = (root: WordValue): WordValue => {
    const base = root.text.replace(/\/+$/, '');
    return filtered ? { ...root, text: base + '/' + DYNAMIC, dynamic: true, pick: true } : { ...root, text: base === '' ? '/*' : base + '/*', glob: true };
  };
  for (; i < args.length; i++) {
    const t = args[i].text;
    // Following links, a root that is a link is gone through: `find -H out/lnk` deletes what out/lnk/ holds.
    if (t === '-delete') roots.forEach((r) => fact.deletes.push(w.path(filtered ? found(r) : follows ? { ...r, text: r.text.replace(/\/*$/, '/') } : r)));
    if (['-fprint', '-fprint0', '-fprintf', '-fls'].includes(t) && args[i + 1]) fact.writes.push(w.path(args[i + 1]));
    if (['-exec', '-execdir', '-ok', '-okdir'].includes(t)) {
      const start = i + 1;
      let end = start;
      while (end < args.length && args[end].text !== ';' && args[end].text !== '+') end++;
      fact.runs_command.push(t.slice(1));
      const words = args.slice(start, end);
      i = end;
      for (const root of roots) {
        // `{}` stands for every file found under the root.
        const each = found(root);
        const sub = words.map((a) => (a.text.includes('{}') ? { ...a, text: a.text.split('{}').join(each.text), glob: a.glob || each.glob, dynamic: a.dynamic || each.dynamic, pick: each.pick } : a));
        if (sub.length === 0) continue;
        const child = w.newCommand({ ...ctx, parent: fact.index, via: 'exec' });
        child.stdin = 'inherit';
        w.command(child, sub, { ...ctx, parent: fact.index, via: 'exec' });
        // find walks into dot-files and dot-folders too: a command that reads what it finds reads any of them.
        if (child.reads.length > 0 && words.some((a) => a.text.includes('{}'))) {
          for (const r of roots) child.reads.push(w.path({ ...r, text: r.text.replace(/\/+$/, '') + '/' + DYNAMIC, dynamic: true, glob: false, pick: true }));
        }
        break;
      }
    }
  }
  if (follows) followsLinks(fact, w.facts.commands.slice(before));
}

/** `find -L`, `-H`, `-follow`: what it deletes or hands on may lie wherever a link under its roots points. */
function followsLinks(fact: CommandFact, children: CommandFact[]): void {
  for (const c of [fact, ...children.filter((x) => x !== fact)]) {
    for (const list of [c.deletes, c.writes]) list.forEach((p, k) => (list[k] = { ...p, classes: [...new Set([...p.classes, 'through-link'])].sort() }));
  }
}
