// A file or folder whose name holds a space ("my docs", "my docs/plan.md") is
// one name: read word by word it becomes "docs", another folder, or a path
// split in two. Where the workspace holds such a name and the request says it
// (as written, in quotes, or with its space escaped: "my\ docs"), it is read whole first.
import type { CommandFact } from '../policy/factsTypes';
import { escapeRegExp } from './corpus';
import type { Intent } from './intent';
import type { Reading } from './requestFacts';

/** Read the workspace's names with spaces that the request says, longest first, and keep later readers off their words. */
export function readSpacedNames(r: Reading): void {
  const { lower, ws, facts, take, isUsed } = r;
  const spaced = [...ws.dirs, ...ws.files].filter((n) => n.includes(' ')).sort((a, b) => b.length - a.length);
  for (const name of spaced) {
    const said = new RegExp(`(?<![\\w/.-])${escapeRegExp(name.toLowerCase()).replace(/ /g, '(?: |\\\\ )')}(?![\\w/-])`, 'g');
    for (const m of lower.matchAll(said)) {
      // 'my docs' in quotes was read as a quoted value; it still names the folder.
      const quoted = /['"\x60“]$/.test(lower.slice(0, m.index)) && /^['"\x60”]/.test(lower.slice(m.index + m[0].length));
      if (isUsed(m.index) && !quoted) continue;
      const fact = { value: name, at: m.index, raw: r.text.slice(m.index, m.index + m[0].length) };
      (ws.dirs.has(name) ? facts.dirs : facts.files).push(fact);
      facts.paths.push(fact);
      take(m.index, m[0].length);
    }
  }
}

/**
 * `rm -r docs` for "delete the my docs folder", `rm -- docs/plan.md` for
 * "delete my docs/plan.md": a change to what is left of a name with a space
 * once its first words are dropped.
 */
export function spacedNameSplit(intent: Intent, commands: CommandFact[]): string[] {
  const spaced = [...intent.scope, ...intent.names, ...(intent.places?.destinations ?? [])].filter((n) => n.includes(' '));
  if (spaced.length === 0) return [];
  const changed = commands.flatMap((c) => [...c.deletes, ...c.writes]).map((p) => (p.resolved || p.path).replace(/^["'`]|["'`]$/g, '').replace(/^(?:\.\/)+/, '').replace(/\/+$/, ''));
  for (const name of spaced) {
    const tails = name.split(' ').slice(1).map((_, i, words) => words.slice(i).join(' '));
    const split = changed.find((p) => p !== name && !p.startsWith(`${name}/`) && tails.some((t) => p === t || p.startsWith(`${t}/`)));
    if (split !== undefined) return [`it changes ${split}, but the request names '${name}'`];
  }
  return [];
}
