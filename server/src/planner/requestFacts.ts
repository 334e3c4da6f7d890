// What a request in words says, read once: quoted strings, numbers with their
// units, paths that exist in the workspace, file kinds, ordinals, names.
// Slot filling (slotFill.ts) then hands these facts to a template's slots.

import { readDates } from './requestDates';
import { readAuthors, readCommits, readHistoryPlaces } from './requestGit';
import type { GitRefs } from './gitRefs';
import type { NamedPlace } from './sameNames';
import { readAlternatives, readBranches, readCapitals, readHosts, readRemotePaths, readJsonKeys, readMessages, readNames, readQuotedUses, readReplacements, readSearchWords, readUsers, readWordMentions, readWordPatternFacts } from './requestTerms';
import { dropBothKinds, readFolderAfterPreposition, readKinds, readNamedFolder, readPathWords, readSpecialPlaces, readStemFiles, readTargets } from './requestPlaces';
import { readArithmetic, readColumnNames, readColumns, readDurations, readModes, readNumbers, readPids, readPorts, readQuoted, readSignals, readSizes, readUrls } from './requestQuantities';
import { kindExtensions } from './requestWords';
import { spreadOverLists } from './namedList';
import { readComparedPlaces } from './comparedThings';
import { readDescribedFiles } from './fileDescriptions';
import { readNamedFile, readVariablePlaces } from './requestVariables';
import { keptOut, type KeptOut } from './keptOut';
import { destinationSaid } from './destinations';
import { readSpacedNames } from './spacedNames';

export interface Fact {
  /** The normalised value (a size like `+1M` is built by the slot filler from amount/unit/sign). */
  value: string;
  /** Character offset in the request, so slots can be matched by order and cues. */
  at: number;
  /** The raw text the fact came from. */
  raw: string;
  amount?: number;
  unit?: string;
  sign?: '+' | '-' | '';
  /** True when this value came from a quoted string. */
  quoted?: boolean;
  /** True when this file was described in words ("the site backup"), not named. */
  described?: boolean;
}

export interface ProgramQuestion {
  program: string;
  /** Where the program's name stands in the request. */
  at: number;
  /** The state asked about, as written: running, up, installed, available. */
  state: string;
  /** The question is the whole request ("is nginx running?"), not the start of a longer one. */
  whole: boolean;
}

export interface RequestFacts {
  text: string;
  lower: string;
  quoted: Fact[];
  urls: Fact[];
  sizes: Fact[];
  durations: Fact[];
  columns: Fact[];
  ports: Fact[];
  numbers: Fact[];
  exts: Fact[];
  globs: Fact[];
  paths: Fact[];
  files: Fact[];
  dirs: Fact[];
  archives: Fact[];
  hosts: Fact[];
  users: Fact[];
  modes: Fact[];
  signals: Fact[];
  pids: Fact[];
  names: Fact[];
  /** A question about one program: "is nginx running", "is jq installed", "do we have git installed". */
  programQuestion?: ProgramQuestion;
  patterns: Fact[];
  strings: Fact[];
  branches: Fact[];
  /** Destinations named after to/into/as/called, existing or not. */
  targets: Fact[];
  /** Column names mentioned ("the amount column", "by age"). */
  columnNames: Fact[];
  /** Dates as `date -d` and `git --since` read them ("2024-02-01", "30 days ago"). */
  dates: Fact[];
  /** People named as authors of commits ("by Bob", "what did alice change"). */
  authors: Fact[];
  /** Commits named as git names them ("4f2a9c1", "HEAD~2") or in words ("the commit before last" → HEAD~1). */
  commits: Fact[];
  /** A file described in words that several files fit equally ("the site backup" with two of them): which one is for the person to say. */
  unclearFile?: { raw: string; candidates: string[] };
  /** An amount said in words that could not be read whole ("twenty twenty days"): no other amount is put in its place. */
  unreadAmount?: string;
  /** Files named by base name that a folder the request names picks, or that the workspace holds in several folders (sameNames.ts). */
  placed?: NamedPlace[];
  /** What the request keeps out of its act ("every file save main.ts"), read from `lower`. */
  kept: KeptOut[];
  /** The place the request says its act puts things ("unzip x.zip into out"), read from `text`. */
  destination?: { value: string; at: number };
  ws: WorkspaceNames;
}

export interface WorkspaceNames {
  /** Relative paths (posix) of files and folders, bounded. */
  files: ReadonlySet<string>;
  dirs: ReadonlySet<string>;
  /** basename → relative path, for names mentioned without their folder. */
  byBase: ReadonlyMap<string, string>;
  /** basename without extension → relative path, when unique ("the app log" → logs/app.log). */
  byStem?: ReadonlyMap<string, string>;
  /** basename → every relative path of a file or folder of that name, for names the workspace holds in two or more folders. */
  sameBase?: ReadonlyMap<string, readonly string[]>;
  /** The workspace folder, for reading a CSV header to find a named column. */
  root?: string;
  /** The branches and tags of the workspace's repository, when it is one. */
  refs?: GitRefs;
}

export const emptyWorkspace: WorkspaceNames = { files: new Set(), dirs: new Set(), byBase: new Map() };
export { kindExtensions };
// Slips in the planner's own words are corrected before the request is read (requestSpelling.ts).
export { spelled } from './requestSpelling';
// Words of courtesy before the request are left out of its reading (requestCourtesy.ts).
export { withoutCourtesy } from './requestCourtesy';
export { parentsNamed } from './requestParents';
export { searchedText } from './fileDescriptions';

/** A request being read: the facts so far, and the spans a fact already took (later readers skip them). */
export interface Reading {
  text: string;
  lower: string;
  ws: WorkspaceNames;
  facts: RequestFacts;
  take(at: number, len: number): void;
  isUsed(at: number): boolean;
}

/** Read everything a request says that a slot might want. The readers run in this order: each skips what an earlier one took. */
export function readRequest(text: string, ws: WorkspaceNames = emptyWorkspace): RequestFacts {
  const lower = text.toLowerCase();
  const facts: RequestFacts = {
    text, lower, quoted: [], urls: [], sizes: [], durations: [], columns: [], ports: [], numbers: [], exts: [], globs: [], paths: [], files: [],
    dirs: [], archives: [], hosts: [], users: [], modes: [], signals: [], pids: [], names: [], patterns: [], strings: [], branches: [],
    targets: [], columnNames: [], dates: readDates(lower), authors: readAuthors(text), commits: [], ws,
    kept: keptOut(text, ws.dirs), destination: destinationSaid(text),
  };
  const used: [number, number][] = [];
  const r: Reading = {
    text,
    lower,
    ws,
    facts,
    take: (at, len) => void used.push([at, at + len]),
    isUsed: (at) => used.some(([a, b]) => at >= a && at < b),
  };
  readQuoted(r);
  readCommits(r);
  readUrls(r);
  readSizes(r);
  readDurations(r);
  readColumns(r);
  readColumnNames(r);
  readPorts(r);
  readPids(r);
  readModes(r);
  readSignals(r);
  readRemotePaths(r);
  readDescribedFiles(r);
  readSpacedNames(r);
  readPathWords(r);
  readVariablePlaces(r);
  readNamedFile(r);
  readFolderAfterPreposition(r);
  readNamedFolder(r);
  readStemFiles(r);
  readSpecialPlaces(r);
  readHistoryPlaces(r);
  facts.paths.sort((a, b) => a.at - b.at);
  facts.dirs.sort((a, b) => a.at - b.at);
  readKinds(r);
  facts.globs.sort((a, b) => a.at - b.at);
  readHosts(r);
  readUsers(r);
  readBranches(r);
  readNames(r);
  readArithmetic(r);
  readJsonKeys(r);
  readSearchWords(r);
  readReplacements(r);
  readCapitals(r);
  readAlternatives(r);
  readWordMentions(r);
  readWordPatternFacts(r);
  facts.patterns.sort((a, b) => a.at - b.at);
  readQuotedUses(r);
  readComparedPlaces(r);
  readMessages(r);
  readTargets(r);
  spreadOverLists(text, facts);
  for (const key of ['patterns', 'strings', 'names', 'paths', 'files', 'dirs'] as const) facts[key].sort((a, b) => a.at - b.at);
  readNumbers(r);
  dropBothKinds(r);
  return facts;
}
