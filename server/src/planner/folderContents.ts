// "empty the build folder", "delete everything inside tmp", "clear out the
// contents of cache": what is in a folder goes, the folder stays. A plan that
// deletes the folder itself (`rm -r build`, `rmdir build`, `find build
// -delete`) does more than was asked.

import type { CommandFact } from '../policy/factsTypes';
import { escapeRegExp } from './corpus';
import type { Intent } from './intent';
import { programName } from '../shell/programs';

const folderWord = String.raw`(?:(?:the|my|our|your|this|that)\s+)?(?:(?:folder|directory|dir)\s+)?(?:(?:called|named)\s+)?`;

// "… but the 5 newest", "except notes.txt", "that are older than a week": some of what is in it only.
const someOnly = /\b(?:not (?:everything|all)|except\w*|exclud\w*|but|other than|apart from|save for|keep\w*|preserv\w*|leav\w*|spar\w*|unless|if|that|which|whose|older|newer|bigger|larger|smaller|containing|matching|ending|starting|with)\b/;

/** The folders of the request's scope whose contents, and not they, are asked for. */
export function contentsAskedOf(intent: Intent): string[] {
  if (!intent.actions.includes('delete') || someOnly.test(intent.words)) return [];
  // The working folder is no scope of its own; it is asked for by its words.
  return [...new Set([...intent.scope, '.'])].filter((dir) => {
    // The working folder is named in words: "the current folder", "this directory", "here".
    const name = dir === '.' ? String.raw`(?:current|working|present|this)(?:\s+working)?\s+(?:folder|directory|dir)|here` : escapeRegExp(dir.toLowerCase().replace(/^\.\//, ''));
    const emptied = new RegExp(String.raw`\b(?:empty|clean|clear)(?:\s+out)?\s+${folderWord}['"]?(?:${name})\b(?!\.)`);
    const inside = new RegExp(String.raw`\b(?:everything|anything|all\s+(?:the\s+)?(?:files|contents?|stuff|entries)|(?:the\s+)?contents?|whatever(?:\s+is)?)\s+(?:that\s+is\s+|that's\s+)?(?:in|inside|within|under|of|from)\s+${folderWord}['"]?(?:${name})\b(?!\.)`);
    return emptied.test(intent.words) || inside.test(intent.words);
  });
}

/** Whether `c` deletes the folder `dir` itself, not only what is in it. */
function deletesFolder(c: CommandFact, dir: string): boolean {
  const same = (p: string) => p.replace(/^\.\//, '').replace(/\/+$/, '') === dir;
  if (programName(c.program) === 'find') {
    // find deletes its start too (once empty), unless it keeps to what is below it.
    const start = c.args.find((a) => !a.startsWith('-'));
    const below = c.args.some((a, i) => a === '-mindepth' && Number(c.args[i + 1]) >= 1);
    return start !== undefined && same(start) && !below && (c.flags.includes('delete') || c.deletes.length > 0);
  }
  return c.deletes.some((p) => !p.glob && !p.dynamic && same(p.path));
}

/** "empty the build folder" planned as `rm -r build`: the folder goes with its contents. */
export function folderItselfDeleted(intent: Intent, commands: CommandFact[]): string[] {
  for (const dir of contentsAskedOf(intent).map((d) => d.replace(/^\.\//, '').replace(/\/+$/, ''))) {
    const c = commands.find((x) => deletesFolder(x, dir));
    if (c) return [`it deletes the folder ${dir} itself (${programName(c.program)}), but the request asks only for what is in it`];
  }
  return [];
}
