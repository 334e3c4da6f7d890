// "make all the bugzilla subdirectories permission 775", "give every .sh file
// under scripts mode 755": a mode for the folders, or the files, of a folder.
// `find DIR -type d -exec chmod MODE {} +` (or `-type f`, with the kind
// named) changes exactly those; `chmod -R` would change both, and a chmod of
// the folder alone changes neither.

import type { EmbeddedCandidate } from './embeddedPlanner';
import type { RequestFacts } from './requestFacts';
import { foldersAsPlace } from './findTests';
import { speaksOnlyOfFolders } from './selectionChecks';

const folders = /\b(?:sub-?(?:folders?|director(?:y|ies)|dirs?)|(?:folders|directories|dirs)|(?:every|each|all|any)\s+(?:(?:the|of\s+the)\s+)?(?:folder|directory|dir))\b/;
const files = /\b(?:files|(?:every|each|all|any)\s+(?:(?:the|of\s+the)\s+)?(?:[\w.*-]+\s+)?file)\b/;
const setting = /\b(?:make|give|set|change|chmod|apply)\b/;
const selecting = /\b(?:hidden|immediate|directly|top[- ]level|empty|older|newer|larger|smaller|bigger|than|named|called|except|excluding|but not|not|only|modified|changed|owned|belong\w*|whose|which|that|with|without)\b/;

/** `find DIR -type d|f [-name '*.ext'] -exec chmod MODE {} +` when the request gives a mode to one kind of entry below a folder; none otherwise. */
export function folderModeCandidates(f: RequestFacts): EmbeddedCandidate[] {
  // A mode read whole: `u=rwx,g=rx,o=` is not `u=rwx,g=rx`.
  const said = f.modes.find((m) => /^(?:[0-7]{3,4}|[ugoa]*[+=-][rwxXst]+(?:,[ugoa]*[+=-][rwxXst]+)*)$/.test(m.value) && !/^[,=\w]/.test(f.text.slice(m.at + m.raw.length)));
  const mode = said?.value;
  if (mode === undefined || !setting.test(f.lower) || f.modes.length > 1) return [];
  // "the scripts in all subfolders of scripts": the folders are where, not what.
  const lower = foldersAsPlace(f.lower);
  // Which ones ("hidden", "directly in", "older than", "except"): a selection this plan would not make.
  if (selecting.test(lower)) return [];
  const wantsFolders = folders.test(lower);
  const wantsFiles = files.test(lower);
  if (wantsFolders === wantsFiles) return [];
  // A named file is what changes ("make run.sh 755"); a place named is where the entries are.
  if (f.files.length > 0 || f.dirs.length > 1) return [];
  const dir = f.dirs[0]?.value ?? '.';
  if (!/^[\w./~@+-]+$/.test(dir) || (dir === '.' && !/\b(?:every|each|all|any)\b/.test(f.lower))) return [];
  const ext = wantsFiles && f.exts.length === 1 && /^[a-z0-9]{1,5}$/i.test(f.exts[0].value) ? ` -name '*.${f.exts[0].value}'` : '';
  const kind = wantsFolders ? 'd' : 'f';
  const what = wantsFolders ? 'folder' : ext ? `*.${f.exts[0].value} file` : 'file';
  return [{
    // The folders below it, not the folder named itself.
    command: `find ${dir}${wantsFolders && dir !== '.' ? ' -mindepth 1' : ''} -type ${kind}${ext} -exec chmod ${mode} {} +`,
    confidence: 0.8,
    explanation: `Sets mode ${mode} on every ${what} ${dir === '.' ? 'in the workspace' : `below ${dir}`}, and on nothing else.`,
    source: 'permissions.mode_by_kind',
    filled: ['mode', 'dir'],
    missing: [],
  }];
}

/** A walk that picks files (`find … -type f …`) for a request that speaks only of folders picks folders instead. */
export function foldersWhereAsked(command: string, text: string): string {
  if (!/^find\s/.test(command) || / -type d\b/.test(command) || !/ -type f\b/.test(command) || / -i?name\s+\S*\.\w/.test(command) || !speaksOnlyOfFolders(text)) return command;
  return command.replace(/ -type f\b/, ' -type d');
}
