// "make all the bugzilla subdirectories permission 775", "give every .sh file
// under scripts mode 755": a mode for the folders, or the files, of a folder.
// `find DIR -type d -exec chmod MODE {} +` (or `-type f`, with the kind
// named) changes exactly those; `chmod -R` would change both, and a chmod of
// the folder alone changes neither.

import type { EmbeddedCandidate } from './embeddedPlanner';
import type { RequestFacts } from './requestFacts';
import { speaksOnlyOfFolders } from './selectionChecks';

const folders = /\b(?:sub-?(?:folders?|director(?:y|ies)|dirs?)|(?:folders|directories|dirs)|(?:every|each|all|any)\s+(?:(?:the|of\s+the)\s+)?(?:folder|directory|dir))\b/;
const files = /\b(?:files|(?:every|each|all|any)\s+(?:(?:the|of\s+the)\s+)?(?:[\w.*-]+\s+)?file)\b/;
const setting = /\b(?:make|give|set|change|chmod|apply)\b/;

/** `find DIR -type d|f [-name '*.ext'] -exec chmod MODE {} +` when the request gives a mode to one kind of entry below a folder; none otherwise. */
export function folderModeCandidates(f: RequestFacts): EmbeddedCandidate[] {
  // A mode read whole: `u=rwx,g=rx,o=` is not `u=rwx,g=rx`.
  const said = f.modes.find((m) => /^(?:[0-7]{3,4}|[ugoa]*[+=-][rwxXst]+(?:,[ugoa]*[+=-][rwxXst]+)*)$/.test(m.value) && !/^[,=\w]/.test(f.text.slice(m.at + m.raw.length)));
  const mode = said?.value;
  if (mode === undefined || !setting.test(f.lower) || f.modes.length > 1) return [];
  const wantsFolders = folders.test(f.lower);
  const wantsFiles = files.test(f.lower);
  if (wantsFolders === wantsFiles) return [];
  // A named file is what changes ("make run.sh 755"); a place named is where the entries are.
  if (f.files.length > 0 || f.dirs.length > 1) return [];
  const dir = f.dirs[0]?.value ?? '.';
  if (!/^[\w./~@+-]+$/.test(dir) || (dir === '.' && !/\b(?:every|each|all|any)\b/.test(f.lower))) return [];
  const ext = wantsFiles && f.exts.length === 1 && /^[a-z0-9]{1,5}$/i.test(f.exts[0].value) ? ` -name '*.${f.exts[0].value}'` : '';
  const kind = wantsFolders ? 'd' : 'f';
  const what = wantsFolders ? 'folder' : ext ? `*.${f.exts[0].value} file` : 'file';
  return [{
    command: `find ${dir} -type ${kind}${ext} -exec chmod ${mode} {} +`,
    confidence: 0.8,
    explanation: `Sets mode ${mode} on every ${what} in ${dir === '.' ? 'the workspace' : dir} and below it, and on nothing else.`,
    source: 'permissions.mode_by_kind',
    filled: ['mode', 'dir'],
    missing: [],
  }];
}

/** A walk that picks files (`find … -type f …`) for a request that speaks only of folders picks folders instead. */
export function foldersWhereAsked(command: string, text: string): string {
  if (!/^find\s/.test(command) || / -type d\b/.test(command) || !/ -type f\b/.test(command) || !speaksOnlyOfFolders(text)) return command;
  return command.replace(/ -type f\b/, ' -type d');
}
