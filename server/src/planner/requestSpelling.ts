// A word of the planner's own vocabulary typed with one slip ("delte",
// "serach", "direcotry") is read as that word. Only words that stand for an
// act, a thing of the shell or a quality the planner reads are corrected, and
// only a slip that leaves the first letter in place and no other word of the
// vocabulary, or an everyday word, as likely: "remote", "crate" and "older"
// are words of their own and stay as written. Quoted text, paths, names with
// an extension and words in capitals are never touched.

const vocabulary = [
  'delete', 'deletes', 'deleted', 'deleting', 'remove', 'removes', 'removed', 'removing',
  'search', 'searches', 'searched', 'searching', 'rename', 'renames', 'renamed', 'renaming',
  'create', 'creates', 'created', 'creating', 'change', 'changes', 'changed', 'changing',
  'replace', 'replaces', 'replaced', 'replacing', 'compress', 'compressed', 'compressing',
  'extract', 'extracted', 'extracting', 'archive', 'archives', 'archived', 'directory', 'directories',
  'folder', 'folders', 'permission', 'permissions', 'executable', 'largest', 'biggest', 'smallest',
  'newest', 'oldest', 'modified', 'contain', 'contains', 'containing', 'between', 'commit', 'commits',
  'committed', 'uncommitted', 'branch', 'branches', 'recursive', 'recursively', 'duplicate', 'duplicates',
  'display', 'number', 'numbers', 'column', 'columns', 'character', 'characters', 'occurrences',
  'content', 'contents', 'python', 'javascript', 'typescript', 'markdown', 'symlink', 'symlinks',
  'hidden', 'kilobytes', 'megabytes', 'gigabytes', 'subfolder', 'subfolders', 'subdirectory', 'subdirectories',
  'unique', 'distinct', 'history', 'uncompress', 'decompress', 'listing', 'current', 'workspace',
];
const known = new Set(vocabulary);
// Everyday words one slip away from a word above: written on purpose.
const ownWords = new Set(['remote', 'remotes', 'crate', 'crated', 'chance', 'chances', 'charge', 'charges', 'charged', 'modifier', 'lumber', 'contend', 'contest', 'context', 'commits', 'comment', 'comments', 'content', 'python', 'biggest', 'hidden', 'folded', 'display', 'current', 'currant', 'listening', 'searcher', 'number', 'numbed', 'deleter', 'renamer', 'branched', 'history', 'histories', 'column', 'unique', 'uniques', 'distinct', 'lasting', 'lusting', 'crates', 'chanted']);

/** One slip apart: a letter left out, one too many, two swapped, or (in a long word) one changed; never the first letter. */
function oneSlip(word: string, target: string): boolean {
  if (word[0] !== target[0] || word === target) return false;
  const d = word.length - target.length;
  if (d === -1 || d === 1) {
    const [short, long] = d < 0 ? [word, target] : [target, word];
    // A letter added at the end is an inflection ("deletes"), not a slip.
    if (d === 1 && long.startsWith(short)) return false;
    for (let i = 0; i < long.length; i++) if (long.slice(0, i) + long.slice(i + 1) === short) return true;
    return false;
  }
  if (d !== 0) return false;
  const diff = [...word].map((c, i) => (c === target[i] ? -1 : i)).filter((i) => i >= 0);
  if (diff.length === 2 && diff[1] === diff[0] + 1 && word[diff[0]] === target[diff[1]] && word[diff[1]] === target[diff[0]]) return true;
  return diff.length === 1 && target.length >= 7;
}

function corrected(word: string): string | undefined {
  const lower = word.toLowerCase();
  if (lower.length < 5 || known.has(lower) || ownWords.has(lower)) return undefined;
  const near = vocabulary.filter((v) => oneSlip(lower, v));
  if (near.length !== 1) return undefined;
  return word[0] === word[0].toUpperCase() ? near[0][0].toUpperCase() + near[0].slice(1) : near[0];
}

/** The request with each slip in a word of the vocabulary corrected; quoted text is left as written. */
export function spelled(request: string): string {
  return request.split(/("[^"]*"|'[^']*'|`[^`]*`)/).map((part, i) => {
    if (i % 2 === 1) return part;
    // A word alone: not part of a path, a name with an extension, an option or a variable.
    return part.replace(/(?<![\w./$~-])([A-Za-z][a-z]{4,})(?![\w/.-]*\w)/g, (w) => corrected(w) ?? w);
  }).join('');
}
