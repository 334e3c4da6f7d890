// "Move notes.txt to the parent folder of build/out", "delete the containing
// directory of src/app/index.ts": a folder named by a path inside it is that
// path's folder, known from the path itself (build, src/app). Said before the
// request is read, every reader sees the folder, never a folder called parent.
import * as path from 'node:path';

const parentOf = /\b(?:the\s+)?(?:parent|containing|enclosing)\s+(?:folder|directory|dir)\s+of\s+(?:the\s+(?:file|folder|directory|path)\s+)?([\w.~-]*\/[\w./~-]*[\w~-]|(?:the\s+)?(?:current|working)\s+(?:folder|directory)|this\s+(?:folder|directory))/gi;

// "what is the parent folder of X", "print the parent directory of X": the folder's own name is asked for, which dirname prints.
const asksForTheName = /\b(?:what(?:'s| is)|which|print|show|display|output|echo|give me|tell me|get)\s+$/i;

/** The request with each "parent folder of PATH" that is a place written as that place. */
export function parentsNamed(request: string): string {
  return request.replace(parentOf, (whole: string, named: string, at: number) => {
    if (asksForTheName.test(request.slice(Math.max(0, at - 24), at))) return whole;
    if (/^(?:the\s+)?(?:current|working|this)\b/i.test(named)) return 'the parent directory';
    return path.posix.dirname(named.replace(/\/+$/, ''));
  });
}
