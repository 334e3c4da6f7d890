// The shape of a listing the request's words ask for: a folder's own
// entries ("a listing of the current directory") are what ls prints, and a
// drawing of a tree ("print the directory tree", "in a tree-like format") is
// what tree prints. A walk of files with find is a third shape, and fits
// neither when the words name one of these two.

// "print the directory tree", "show the current folder tree": the tree itself is the thing to show.
const treeObject = /\b(?:print|show|display|draw|output|list|view|see)\s+(?:me\s+)?(?:the\s+|a\s+)?(?:whole\s+|full\s+|current\s+)*(?:directory|folder|file|project|dir)\s+(?:tree|structure|hierarchy)\b/;
// "list the contents in a tree-like format", "show src as a tree": the form of the output.
const treeForm = /\b(?:in|as)\s+(?:a\s+)?tree(?:-?like)?(?:\s+(?:format|form|view|style))?\b|\btree\s+(?:format|view)\b/;
/** The request asks for a drawing of a folder's tree. */
export function treeAsked(lower: string): boolean {
  return treeObject.test(lower) || treeForm.test(lower);
}

// "a listing of the current directory", "the directory listing", "long file listing of the folder":
// one folder's entries; "a long listing of all the files" is a walk that lists files, and is not this.
const folderListing = /\b(?:directory|folder|dir)\s+listing\b|\blisting\s+of\s+(?:(?:all\s+)?(?:the\s+)?contents?\s+(?:of|in)\s+)?(?:the\s+|a\s+|this\s+|that\s+|my\s+|your\s+)?(?:current\s+|working\s+|present\s+|home\s+|root\s+|parent\s+)*(?:directory|folder|dir)\b/;
/** The request asks for a listing of a folder itself. */
export function folderListingAsked(lower: string): boolean {
  return folderListing.test(lower);
}

/** Added to a template's score: tree and ls where their shape is asked for, less for a find walk. */
export function listingShapeFit(template: string, lower: string): number {
  // "print the directory tree": drawn by tree; with no tree named, tree draws more than was asked.
  if (/^tree\b/.test(template)) return treeAsked(lower) ? 0.2 : /\b(trees?|structure|hierarchy|nested)\b/.test(lower) ? 0 : -0.25;
  const tree = treeAsked(lower);
  const folder = folderListing.test(lower);
  if (/^ls\b/.test(template)) return (folder ? 0.12 : 0) + (tree ? -0.1 : 0);
  if (/^find\b/.test(template)) return (tree ? -0.1 : 0) + (folder ? -0.1 : 0);
  return 0;
}
