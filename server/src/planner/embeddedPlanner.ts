// The planner that needs no model: the best-matching knowledge templates,
// their slots filled from the request and the workspace, ranked by how well
// the request matches and how fully the slots could be filled.

import { preferEcho } from './textSource';
import type { Corpus, KnowledgeEntry } from './corpus';
import type { Hit } from './retrievalStore';
import { readRequest, type Fact, type RequestFacts, type WorkspaceNames } from './requestFacts';
import { counted } from './compose';
import { addFindTest } from './refine';
import { keepsToOneLevel, ownFoldersOnly } from './listingDepth';
import { fillSlots } from './slotFill';
import { formatMismatch, repeatedValues, selectionMismatch, unstatedFilter } from './slotFit';
import { fitToTable } from './tableColumns';
import { fillTemplate } from './templateFill';
import { countingMismatch } from './machineQuestions';
import { archiveTo, programFit } from './programFit';
import { shapedEntries } from './requestShapes';
import { ignoresCase } from './requestWords';
import { helpFacts } from './valueQuestions';
import { domainPenalty, domains, historyMismatch } from './gitQuestions';
import { wordedCandidates } from './wordedPlans';
import { foldersWhereAsked } from './folderModes';
import { eitherSize } from './statedSizes';
import { shownFile, shownFolder } from './fileShown';

export interface EmbeddedCandidate {
  command: string;
  confidence: number;
  explanation: string;
  /** Corpus entry id, or `history:<id>` for a past command. */
  source: string;
  entry?: KnowledgeEntry;
  filled: string[];
  missing: string[];
  /** The score before it was bounded to a confidence: orders candidates bounded to the same top confidence. */
  score?: number;
}

/** Below this a plan is shown as a guess. */
export const LOW_CONFIDENCE = 0.4;

export function embeddedCandidates(request: string, hits: Hit[], corpus: Corpus, workspace: WorkspaceNames, facts?: RequestFacts): EmbeddedCandidate[] {
  const f = facts ?? readRequest(request, workspace);
  const topScore = hits[0]?.score ?? 1;
  const out: EmbeddedCandidate[] = [];
  for (const hit of hits) {
    const rank = hit.score / topScore;
    if (hit.origin === 'history') {
      if (!hit.command) continue;
      const confidence = clamp(hit.similarity * 1.1 + 0.1 * (hit.successRate ?? 0) + 0.05 * rank);
      out.push({ command: hit.command, confidence, explanation: `You ran this before${hit.description ? ` for "${hit.description}"` : ''} (${hit.usageCount ?? 0} runs, ${Math.round((hit.successRate ?? 0) * 100)}% succeeded).`, source: `history:${hit.ref}`, filled: [], missing: [] });
      continue;
    }
    const entry = corpus.byId.get(hit.ref);
    if (!entry) continue;
    out.push(candidateFor(entry, f, hit.similarity, rank));
  }
  // A question about what a folder holds is a listing, even when retrieval ranks "directory" templates higher.
  const listing = corpus.byId.get('files.list');
  if (listing && contentsQuestion.test(f.lower) && !hits.some((h) => h.ref === listing.id)) out.push(candidateFor(listing, f, 0.6, 0.5));
  for (const shaped of shapedEntries(f)) for (const e of [corpus.byId.get(shaped.id)]) if (e) out.push(candidateFor(e, f, shaped.similarity, 0.5));
  // "is jq installed": whether a program is there, whatever packages retrieval found.
  const check = corpus.byId.get('shell.check_command');
  if (check && /^(?:installed|available)$/.test(f.programQuestion?.state ?? '')) out.push(candidateFor(check, f, 0.75, 1));
  const help = corpus.byId.get('system.help'), asksHelp = helpFacts(f, corpus);
  if (help && asksHelp) out.push(candidateFor(help, asksHelp, 0.7, 0.8));
  // Text to look for in a file of the workspace is a search, however the request words it ("the POST requests in the access log").
  const inFolder = f.files.length === 0 && !negated.test(f.lower) && /\blines?\b/.test(f.lower) && f.dirs.some((x) => f.ws.dirs.has(x.value));
  const search = corpus.byId.get(inFolder ? 'search.grep_recursive' : negated.test(f.lower) ? 'search.invert' : 'search.grep_file');
  const inFile = inFolder || f.files.some((x) => f.ws.files.has(x.value));
  // Only text that stands out as such (quoted, in capitals, a number) or a request that says it searches; never a request to change.
  const strong = (p: Fact) => p.quoted === true || /^[A-Z0-9][A-Z0-9_.:-]*$/.test(p.value) || searchWords.test(f.lower);
  const text = f.patterns.some((p) => strong(p) && !/[*?/]/.test(p.value) && !f.files.some((x) => x.value === p.value || x.raw.includes(p.value)));
  if (search && inFile && text && !changeWords.test(f.lower) && !hits.some((h) => h.ref === search.id)) out.push(candidateFor(search, f, 0.5, 0.5));
  // What is inside an archive is read by the program for its format, whatever retrieval found.
  const archive = f.archives[0]?.value;
  // ... and text looked for in a gzipped file is searched there, not printed whole.
  const searched = archive && /\.gz$/i.test(archive) && searchWords.test(f.lower) && f.patterns.length > 0 ? (ignoresCase.test(f.lower) ? 'search.gz_ignore_case' : 'search.gz') : undefined;
  const reader = archive && contentsWords.test(f.lower) && !/\b(extract\w*|unpack\w*|decompress\w*|unzip\w*|untar\w*)\b/.test(f.lower) ? searched ?? archiveReaders.find(([re]) => re.test(archive))?.[1] : undefined;
  const readerEntry = reader ? corpus.byId.get(reader) : undefined;
  if (readerEntry && (searched || !out.some((c) => c.source === readerEntry.id))) out.push(candidateFor(readerEntry, f, 0.55, 0.5));
  // "extract archive.tar.gz to restored": the archive opened into the place said, whatever retrieval found.
  const opener = archive && f.destination && /\b(extract\w*|unpack\w*|decompress\w*|unzip\w*|untar\w*)\b/.test(f.lower) ? archiveOpeners.find(([re]) => re.test(archive))?.[1] : undefined;
  const openerEntry = opener ? corpus.byId.get(opener) : undefined;
  if (openerEntry && !out.some((c) => c.source === openerEntry.id)) out.push(candidateFor(openerEntry, f, 0.55, 0.5));
  // "archive src to /backup": an archive copy, whatever retrieval found.
  for (const copy of archiveTo.test(f.text) && f.archives.length === 0 ? [corpus.byId.get('files.archive_copy')] : []) if (copy && !hits.some((h) => h.ref === copy.id)) out.push(candidateFor(copy, f, 0.45, 0.5));
  out.push(...wordedCandidates(f));
  for (const c of out) c.command = foldersWhereAsked(eitherSize(c.command, f), f.lower);
  const shown = shownFile(f) && corpus.byId.get('text.cat');
  if (shown) out.push(candidateFor(shown, f, 0.7, 1));
  const folder = shownFolder(f);
  const listed = folder && corpus.byId.get(folder.entries ? 'files.list' : 'files.list_recursive');
  if (listed) out.push(candidateFor(listed, f, 0.7, 1));
  // "in the top folder only": a walk that stays in the folder.
  if (keepsToOneLevel(f.lower)) for (const c of out) if (/^find\s/.test(c.command) && !/-maxdepth/.test(c.command)) c.command = ownFoldersOnly(addFindTest(c.command, '-maxdepth 1', true) ?? c.command);
  preferUnextended(out, f.lower);
  // A question of "how many" answered by a listing: the listing, counted.
  if (/\b(how many|number of|count (?:of |the |all )?)/.test(f.lower)) {
    for (const c of out.slice()) {
      const command = counted(c.command, f.lower);
      if (!command) continue;
      const confidence = clamp(c.confidence + 0.16);
      const same = out.find((x) => x.command === command);
      if (same) same.confidence = Math.max(same.confidence, confidence);
      else out.push({ ...c, command, confidence, explanation: `${c.explanation} Then counts them.`, source: `${c.source}+count` });
    }
  }
  if (f.ws.dirs.has('.git') && !domains.git.test(f.lower)) for (const c of out) c.command = withoutGitInternals(c.command);
  // Between equal scores, a command with every value filled in before one still waiting for a value.
  // ... and among those bounded to the top confidence, the higher score before bounding.
  out.sort((a, b) => b.confidence - a.confidence || a.missing.length - b.missing.length || (a.confidence >= TOP ? (b.score ?? 0) - (a.score ?? 0) : 0));
  const seen = new Set<string>();
  return out.filter((c) => (seen.has(c.command) ? false : (seen.add(c.command), true)));
}

export function candidateFor(entry: KnowledgeEntry, facts: RequestFacts, similarity: number, rank: number): EmbeddedCandidate {
  const slots = fillSlots(entry, facts);
  const filled = fillTemplate(entry, slots.values, slots.missing);
  const missing = filled.missing;
  const csv = Object.values(slots.values).some((v) => /\.csv$/i.test(v));
  const command = preferEcho(fitToTable(csv ? commaSeparated(filled.command) : filled.command, facts));
  // Filled slots are evidence the template fits the request; missing required ones are evidence against.
  // A slot left at its default means the template is more specific than the request asked for.
  const defaulted = Object.keys(entry.slots).filter((n) => !slots.filled.includes(n) && entry.slots[n].default !== undefined && entry.slots[n].default !== '').length;
  const slotScore = -formatMismatch(entry, slots.values) - repeatedValues(entry, slots.values) - selectionMismatch(entry, missing, facts.lower) - unstatedFilter(entry, slots.filled) + Math.min(0.15, 0.05 * slots.filled.length) - 0.02 * defaulted - 0.2 * missing.length - 0.06 * Math.min(3, slots.unused) - countingMismatch(entry, facts.lower) - negationMismatch(entry, facts.lower) + containerFit(entry, facts.lower, slots.values, facts.ws) - unaskedFeatures(csv ? commaSeparated(entry.template) : entry.template, facts.lower) - archiveMismatch(entry, slots.values, facts) + programFit(entry, slots.values, facts);
  // Between equally good matches the simpler command is the likelier intent.
  const simplicity = -0.0008 * entry.template.length - (entry.utilities.some((u) => notPreinstalled.has(u)) ? 0.12 : 0);
  const score = similarity * 1.05 + 0.12 * rank + slotScore - 0.02 + simplicity - domainPenalty(entry, facts) - historyMismatch(entry, facts) - variableMismatch(entry, facts.text);
  return { command, confidence: clamp(score), explanation: entry.explanation, source: entry.id, entry, filled: slots.filled, missing, score };
}

// An environment variable asked for by its name ("the PATH", "value of $EDITOR"): its value is printed by printenv or echo.
// A variable that only stands for a value ("the files under $dir") is not asked for.
const envVariable = /\b(?:value of|print|show|echo|display|what(?:'s| is))\s+(?:the\s+)?\$\{?[A-Z_][A-Z0-9_]*\b|\b(?:PATH|HOME|SHELL|USER|LANG|EDITOR|TERM|PWD|TMPDIR|LOGNAME|HOSTNAME|LD_LIBRARY_PATH|PYTHONPATH|JAVA_HOME)\b/;
function variableMismatch(entry: KnowledgeEntry, text: string): number {
  return envVariable.test(text) && !/\b(printenv|env|echo|printf|export|unset)\b|\$\{?\w/.test(entry.template) ? 0.1 : 0;
}

// Programs most systems lack until someone installs them: between equal matches, the one that runs everywhere.
const notPreinstalled = new Set(['rg', 'fd', 'fdfind', 'tree', 'bat', 'batcat', 'exa', 'eza', 'ag', 'htop', 'ncdu', 'jless', 'fzf']);

const negated = /\b(not|never|without|except|excluding|non|no)\b|n't\b|\bdont\b/;
// "files that never mention TODO" wants an inverted match, and a plain request does not.
function negationMismatch(entry: KnowledgeEntry, lower: string): number {
  const asked = negated.test(lower);
  const inverts = /\s-[a-zA-Z]*[vL]\b|\s!\s|\s-not\b|--invert|--exclude|-prune\b|--files-without-match|--others\b|\bchmod [ugoa]*-[rwxst]/.test(entry.template);
  // Granting a permission for "make it not executable" is the opposite of the request, not a near miss.
  if (asked && /\bchmod [ugoa]*\+[rwxst]/.test(entry.template)) return 0.15;
  return asked === inverts ? 0 : 0.1;
}

const searchWords = /\b(contain\w*|mention\w*|match\w*|search\w*|grep|look(?:ing)? for|occurr\w*|say(?:s|ing)?|lines? with)\b/;
const changeWords = /\b(replac\w*|chang\w*|edit\w*|delet\w*|remov\w*|strip\w*|join\w*|convert\w*|renam\w*|mov\w*|cop(?:y|ies)|sort\w*|insert\w*|append\w*|add\w*|writ\w*|sav\w*|substitut\w*|count\w*|how many)\b/;

// "what is inside the data folder" asks for its entries; a folder named as a container is not a request about folders.
const contentsQuestion = /\b(what(?:'s| is| are)? (?:in|inside)|what (?:does|do) .{1,40} (?:contain|hold|have)|contents? of|inside (?:the |my |this )?\S+ (?:folder|directory|dir)|list (?:what(?:'s| is) in|the contents)|in there)\b/;
const aboutFolders = /\b(folders|directories|dirs|subfolders|subdirectories|subdirs|sub-folders|empty (?:folder|directory|dir)|(?:folder|directory|dir)s? (?:tree|structure|hierarchy))\b/;
function containerFit(entry: KnowledgeEntry, lower: string, slots?: Record<string, string>, ws?: WorkspaceNames): number {
  let score = 0;
  // find, du and ls -d walk folders: a start point that is a file means the file belonged in another slot.
  const start = /^(?:find|du(?: -\w+)*|ls -d) \{(\w+)\}/.exec(entry.template)?.[1];
  const value = start ? slots?.[start]?.replace(/^'|'$/g, '') : undefined;
  if (value && value !== '.' && !ws?.dirs.has(value) && (ws?.files.has(value) || /\.[A-Za-z][\w]{0,7}$/.test(value) || lower.includes(`file "${value}"`) || lower.includes(`file '${value}'`))) score -= 0.25;
  const ofFile = Object.values(slots ?? {}).some((v) => ws?.files.has(v.replace(/^'|'$/g, '')) || (!ws?.dirs.has(v.replace(/^'|'$/g, '')) && /\.[A-Za-z]\w{0,7}'?$/.test(v)));
  if (contentsQuestion.test(lower) && /^ls\s/.test(entry.template) && !/\|/.test(entry.template) && !ofFile) score += 0.12;
  if (/-type d\b/.test(entry.template) && !aboutFolders.test(lower)) score -= 0.1;
  return score;
}

// A template's distinctive feature needs a word of the request asking for it: a checksum, a permission test,
// a follow mode or a per-line count that nobody mentioned makes the template less likely.
const features: [RegExp, RegExp, number?][] = [
  [/\s-perm\b|\s!\s-perm\b/, /\b(perm\w*|execut\w*|runnable|writ\w*able|readable|mode|setuid|setgid|sticky|[0-7]{3,4}|access)\b/],
  [/\s-x?type l\b/, /\b(links?|symlinks?|symbolic|broken|dangling|point\w*)\b/],
  [/\b(md5sum|sha\d*sum|cksum)\b/, /\b(md5|sha\d*|checksums?|hash\w*|digest|fingerprint|integrity|identical|duplicates?)\b/],
  [/\btail -[fF]\b|\btail --follow\b/, /\b(follow\w*|watch\w*|live|stream\w*|real[- ]?time|as it grows|keep)\b/],
  [/\buniq -c\b/, /\b(how many|count\w*|often|frequen\w*|occurr\w*|each|times|tally|most|least|common|popular)\b/],
  [/\bgit diff HEAD~1\b|\bgit diff main\b/, /\b(diff\w*|chang\w*|compar\w*|between)\b/],
  [/\bdu\s/, /\b(size|sizes|big\w*|large\w*|small\w*|space|usage|disk|weigh\w*|heav\w*|bytes|kb|mb|gb|take up|takes up|uses)\b/],
  [/\b(nl -ba|cat -n)\b/, /\b(number\w*|line numbers)\b/],
  [/^zgrep -\w*i/, ignoresCase, 0.12],
  // The machine's addresses are asked for as such; "the hostname" is its name.
  [/^hostname -I\b/, /\b(ip|ips|ipv4|ipv6|address\w*)\b/, 0.3],
  // A number before each entry is its inode only when the request says so.
  [/^ls -\w*i\b/, /\b(inodes?|index nodes?|inum)\b/, 0.3],
  [/-exec head\b|\| head -n 1\b(?!0)/, /\b(first|head|top|begin\w*|start\w*|header|one|single|latest|newest|oldest|largest|biggest|smallest|most|least)\b/],
  [/\btr -cs\b/, /\b(words?)\b/],
  // A preview of a sync is asked for; "mirror src into backup" asks for the sync.
  [/\brsync -\w*n\w*\b|--dry-run\b/, /\b(dry[- ]?run|preview\w*|simulat\w*|what would|would (?:be )?(?:copied|changed|transferred)|without (?:actually )?(?:copying|changing|transferring|writing)|itemi[sz]\w*)\b/, 0.3],
  // Reordering lines is a request of its own.
  [/^sort\b(?! -u)/, /\b(sort\w*|order\w*|rank\w*|biggest|largest|smallest|highest|lowest|oldest|youngest|newest|first|alphabetical\w*|ascending|descending)\b/, 0.14],
  // A search word written into the template must be one the request says.
  [/'TODO\|FIXME'|TODO\|FIXME/, /\btodos?\b/i, 0.12],
  [/\$NF\b/, /\b(columns?|fields?|words?|last (?:part|value|item|entry)|end of each line)\b/],
  // Text replaced in a file is asked for by a word of changing it; "save the output of ls to x" writes x, it replaces nothing in it.
  [/\bsed -i 's\|\{old\}/, /\b(replac\w*|substitut\w*|chang\w*|swap\w*|rewrit\w*|renam\w*|convert\w*|turn\w*|fix\w*|correct\w*|updat\w*|edit\w*|modif\w*|mak\w*|put\w*|strip\w*|trim\w*|remov\w*|delet\w*|translat\w*|transform\w*|becom\w*|instead|with|into)\b|\bto\b.*\bin\b/, 0.3],
  [/\bwhile IFS= read\b/, /\b(each line|every line|loop|one by one|per line)\b/],
  [/\s-printf '%h/, /\b(folders?|director\w*|dirs?|where|location)\b/],
  // Leaving out comment lines too needs the word.
  [/\(#\|\$\)|\^#|\^\[\[:space:\]\]\*#/, /\bcomment/, 0.12],
  // `which` says where a program is; `cd` changes the folder of a shell that ends with the command.
  [/^which\b/, /\b(where|which (?:program|binary|executable|command|version)|installed|location|path (?:to|of)|command|program|binary|executable)\b/, 0.12],
  [/^cd\b/, /\b(go|goes|change|switch|move|enter|cd|navigate|into)\b/, 0.15],
  [/\/proc\/loadavg|\bvmstat\b|\biostat\b/, /\b(load|cpu|memory|system|machine|server|stats?|statistics|performance|busy)\b/],
  // An archive is made or unpacked: the direction is in the request's verb.
  [/\btar -\w*x|\bunzip (?!-l)|\bgunzip\b|\b(?:xz|bzip2|gzip) -d\b|\bunxz\b|\bbunzip2\b/, /\b(extract\w*|unpack\w*|decompress\w*|unzip\w*|untar\w*|uncompress\w*|inflate|expand\w*|restore)\b/],
  [/\btar -\w*c|\bzip -r\b/, /\b(make|create|compress\w*|archiv\w*|pack|bundle|tarball|zip|gzip\w*|back ?up|backup|tar up)\b/],
  [/#\|\$|\^#|\(#\|/, /\b(comments?|commented)\b|#/, 0.14],
  // cut splits on tabs unless told otherwise: right for TSV files, wrong for words separated by spaces.
  [/\bcut (?:-\w+ )*-f(?![^|]*\s-d)/, /\b(tabs?|tsv|tab-separated|tab separated)\b|\.tsv\b/, 0.1],
  // What git shows of a commit: its message, its statistics, its diff, as asked.
  [/--pretty=%B|--format=%s|--pretty=format:%s/, /\b(messages?|subjects?|titles?|descriptions?|wording)\b/],
  [/--stat\b/, /\b(stat\w*|how much|how many lines|insertions?|deletions?|summary|lines changed|size)\b/],
  [/HEAD~1\b/, /\b(last|latest|previous|recent|newest|undo)\b/],
  // Copying and moving are asked for by their verbs.
  [/^(cp|rsync)\b/, /\b(cop(?:y|ies|ied|ying)|cp|duplicat\w*|back(?:ing)? ?up|backup|clone|replicat\w*|mirror\w*)\b/, 0.12],
  [/^mv\b/, /\b(mov\w*|mv|renam\w*|relocat\w*|put|transfer\w*|shift)\b/, 0.12],
  [/^git diff\b/, /\b(diff\w*|chang\w*|compar\w*|between|modif\w*|edit\w*|patch\w*)\b/, 0.12],
  // A listing's order is asked for in words: by time, by size, reversed.
  [/\bls -\w*t/, /\b(new\w*|old\w*|recent\w*|latest|modif\w*|times?|dates?|when|chronolog\w*|last changed|age)\b/, 0.12],
  [/\bls -\w*S/, /\b(size|sizes|big\w*|large\w*|small\w*|bytes|heav\w*)\b/, 0.12],
  [/\bls -\w*r/, /\b(revers\w*|oldest|smallest|ascending|least|backwards?|opposite)\b/, 0.12],
  // A long listing answers a question about details, not "what is in it".
  [/\bls -\w*l/, /\b(details?|long|sizes?|permissions?|owners?|dates?|modif\w*|times?|when|bytes|big\w*|larg\w*|small\w*|new\w*|old\w*|recent\w*|latest|sort\w*|order\w*|info\w*|metadata|everything|all about)\b/],
  // A program whose name is also an everyday word ("make it read-only") or whose files are its own (keys).
  [/^make\b|[|;&]\s*make\b/, /\b(make ?files?|build\w*|compil\w*|targets?|make (?:all|install|clean|test|check)|run make|gnu make)\b/],
  [/\bssh-keygen\b|\bssh-add\b/, /\b(ssh|fingerprints?|public key|private key|key ?pairs?|rsa|ed25519|ecdsa|id_\w+|\.pub)\b/],
  [/\/etc\/hosts\b/, /\b(hosts? file|\/etc\/hosts|hostnames?|resolv\w*|dns)\b/],
  [/^pip\d?\b/, /\b(pip\d?|python|packages?|modules?|librar\w*|wheels?|virtualenv|venv|requirements)\b/, 0.2],
];
const askedFeatures: [RegExp, RegExp, number?][] = [
  [/\b(distinct|unique|different|deduplicat\w*)\b/, /\bsort -u\b|\buniq\b|!seen|\bsort\b.*-u\b|--unique/],
  [/\b(average|mean)\b/, /\/ ?n\b|\bavg\b|\bmean\b/],
  [/\b(per|for each|for every|grouped by|broken down by)\b/, /\w\[|uniq -c|\bcount\b|\bgroup/],
  [/\b(sort\w*|order(?:ed)? by|rank\w*)\b/, /\bsort\b|\bls\b.*\s-\w*[tSX]|--sort/],
  // "the size of each folder inside src": one answer per entry, not one for the folder.
  [/\b(each|every|per)\s+(?:sub-?)?(folders?|director\w*|dirs?|files?|entr\w*)\b/, /\/\*|\s-exec\b|\bfor\b|--max-depth|\s-d ?1\b|\bxargs\b|^find\b|^ls\b/, 0.12],
  [/\b(even|odd|every (?:other|second|third|\d+(?:st|nd|rd|th)))\b/, /\bseq\s+\S+\s+\S+\s+\S+|%\s*2\b|\bstep\b/],
  // The files of a commit are listed by git's name options.
  [/\b(files?|paths?|filenames?)\b/, /^(?!git (?:log|show)\b)|--name-only|--name-status|--stat\b|--numstat/, 0.15],
  // ... and a diff or a patch by git show or a log that prints one.
  [/\b(diffs?|patch(?:es)?)\b/, /^(?!git log\b)|\s-p\b|--patch\b/, 0.15],
  [/\b(broken|dangling|dead|orphan\w*|invalid)\b/, /-xtype l|\s-L\b.*-type l|! -e\b/, 0.12],
  [ignoresCase, /\s-\w*i\w*\b|--ignore-case|-iname|-iregex|-ipath/, 0.12],
  [/\b(?:all|every|the|which|list|show|empty|any)\s+(?:the\s+)?(?:sub-?)?(?:directories|folders|dirs)\b/, /-type d|\bls -\w*d|\*\/|tree -d|\bdu\b|\brmdir\b|\bmkdir\b/, 0.1],
  // git log starts from the newest: the first commits are at the other end.
  [/\b(first|oldest|earliest|initial)\s+(?:\w+\s+)?commits?\b/, /--reverse|--root|--max-parents=0|^(?!git log)/, 0.12],
  // The size of folders is measured by du; a listing of files or a count of them is no size.
  [/^(?!.*\b(?:files?|images?|photos?|pictures?|documents?|resiz\w*)\b).*(?:\b(?:biggest|largest|smallest|heaviest|most space|size of|sizes of|how big|space (?:used|taken)|disk usage)\b.{0,40}\b(?:folders?|director(?:y|ies)|dirs?)\b|\b(?:folders?|director(?:y|ies)|dirs?)\b.{0,40}\b(?:biggest|largest|smallest|heaviest|most space|take up|takes up|use the most)\b)/, /\bdu\b/, 0.12],
  [/\b(?:total|combined|overall|whole)\s+(?:disk\s+)?(?:size|space)\b|\bhow much (?:disk )?space\b/, /\bdu\b|%s|-size\b|\bstat\b|wc -c|\bdf\b/, 0.12],
  // "who owns it": the owner is printed by stat or a long listing (a request to change the owner is another matter).
  [/^(?!.*\b(?:change|set|give|make|transfer|assign|chown|chgrp)\b).*(?:\bwho owns\b|\bowner(?:ship)? of\b|\bwhose (?:file|folder)\b)/, /%U|\bls -\w*l|\bstat\b|-printf '[^']*%u/, 0.15],
  // Lines to delete, remove or strip are left out of the output or the file: printing only them is the opposite.
  [/\b(?:delete|remove|strip|drop|filter out|get rid of|take out|cut out)\b.{0,40}\blines?\b/, /\bgrep -\w*v|\bgrep (?:-\w+ )*--invert|\bsed\b.*(?:\/d|d')|\bawk '!|\bawk 'NF|\buniq\b|sort -u|\bcat -s\b|\btr -s\b/, 0.2],
  [/\b(?:replac\w*|substitut\w*)\s+(?:\S+\s+){0,5}?(?:with|by)\s/, /\b(?:sed|tr|awk|perl|rename|mv)\b|\$\{\w+\/\//, 0.15], // "print notes.txt replacing cat with dog": shown replaced.
  // Rows and columns are inside a file: a listing of files does not answer them.
  [/\b(rows?|columns?|fields?|header)\b/, /^(?!ls\b|find\b)/],
];
/** `shape` is the template as it will run (CSV files get their separator first). */
function unaskedFeatures(shape: string, lower: string): number {
  let penalty = 0;
  for (const [template, words, weight] of features) if (template.test(shape) && !words.test(lower)) penalty += weight ?? 0.08;
  // ... and a request asking for distinct values or an average wants the step that gives them.
  for (const [words, template, weight] of askedFeatures) if (words.test(lower) && !template.test(shape)) penalty += weight ?? 0.08;
  return penalty;
}

// What a person says when they want a step added to a command: without it, the shorter command is the answer.
const stepWords: [RegExp, RegExp][] = [
  [/\bwc\b/, /\b(count\w*|how many|number of|lines|words|characters|total)\b/],
  [/\bsort\b/, /\b(sort\w*|order\w*|biggest|largest|smallest|highest|lowest|min\w*|max\w*|newest|oldest|latest|top|rank\w*|most|least|first|last|alphabetical\w*)\b/],
  [/\b(head|tail)\b/, /\b(first|last|top|biggest|largest|smallest|highest|lowest|min\w*|max\w*|newest|oldest|latest|most|least|\d+)\b/],
  [/\b(md5sum|sha\d*sum|cksum)\b/, /\b(md5|sha\d*|checksums?|hash\w*)\b/],
  [/\b(grep|rg)\b/, /\b(contain\w*|mention\w*|match\w*|search\w*|with|say\w*|includ\w*|grep)\b/],
  [/\bdu\b|\bls -l|-printf '%s|\bstat\b/, /\b(size|sizes|big\w*|large\w*|small\w*|space|details?|long|permissions?|owners?|dates?|bytes)\b/],
  [/\buniq\b/, /\b(unique|distinct|duplicat\w*|count\w*|how many|often|repeated)\b/],
  [/\b(cut|awk)\b/, /\b(columns?|fields?|first|second|third|last|sum|total|average|only the (?:hash|checksum|sum)|just the (?:md5 )?(?:hash|checksum|sum)|without (?:its|the) (?:file ?)?name)\b/],
  [/\bsed\b/, /\b(replace|substitut\w*|lines? \d|edit|strip|remove|delete|change)\b/],
];

/** A candidate that is another with steps added ("… -exec md5sum", "… | head -n 1") nobody asked for loses to the shorter one. */
function preferUnextended(candidates: EmbeddedCandidate[], lower: string): void {
  const asked = (extra: string) => stepWords.some(([step, words]) => step.test(extra) && words.test(lower)) || !stepWords.some(([step]) => step.test(extra));
  // A find whose -exec step nobody asked for also stands without it.
  for (const b of [...candidates]) {
    const m = /^(find\s[^|;&]*?)\s+-exec\s+(?!rm\b|mv\b|cp\b|chmod\b|chown\b|gzip\b|sed\b)([^|;&]*?)\s+\{\}\s*(\+|\\;)$/.exec(b.command);
    if (!m || asked(` -exec ${m[2]}`) || candidates.some((c) => c.command === m[1])) continue;
    candidates.push({ ...b, command: m[1], explanation: 'Lists the files that match.', source: `${b.source}-step`, confidence: b.confidence });
  }
  for (const a of candidates) {
    if (a.missing.length > 0) continue;
    for (const b of candidates) {
      if (a === b || b.confidence < a.confidence || !b.command.startsWith(a.command) || !/^\s*(\||-exec|&&|;)/.test(b.command.slice(a.command.length))) continue;
      if (asked(b.command.slice(a.command.length))) continue;
      const top = b.confidence;
      b.confidence = Math.max(0.01, Math.round((top - 0.02) * 100) / 100);
      a.confidence = Math.max(a.confidence, Math.round((top - 0.01) * 100) / 100);
    }
  }
}

// Which archive formats each archive program reads; a program given another format fails.
const archiveFormats: [RegExp, RegExp][] = [
  // Makers write the format their name says: zip makes .zip, tar -z .tar.gz, tar -J .tar.xz.
  [/^zip\b/, /\.(zip|jar)$/i],
  [/^tar -\w*z/, /\.(tar\.gz|tgz)$/i],
  [/^tar -\w*J/, /\.(tar\.xz|txz)$/i],
  [/^tar -\w*j/, /\.(tar\.bz2|tbz2?)$/i],
  [/^tar -cv?f\b/, /\.tar$/i],
  [/^tar\b/, /\.(tar(\.\w+)?|tgz|tbz2?|txz)$/i],
  [/^(unzip|zipinfo)\b/, /\.(zip|jar|war)$/i],
  [/^(gunzip|zcat|zgrep|zless|zmore|zdiff|gzip -d)\b/, /\.(gz|tgz)$/i],
  [/^(bunzip2|bzcat|bzgrep|bzip2 -d)\b/, /\.(bz2|tbz2?)$/i],
  [/^(unxz|xzcat|xzgrep|xz -d)\b/, /\.(xz|txz)$/i],
  [/^cpio\b/, /\.cpio$/i],
];
const archiveReaders: [RegExp, string][] = [
  [/\.(tar(\.\w+)?|tgz|tbz2?|txz)$/i, 'archives.tar_list'],
  [/\.(zip|jar|war)$/i, 'archives.unzip_list'],
  [/\.gz$/i, 'archives.zcat'],
];
const archiveOpeners: [RegExp, string][] = [
  [/\.(tar(\.\w+)?|tgz|tbz2?|txz)$/i, 'archives.tar_extract_to'],
  [/\.(zip|jar|war)$/i, 'archives.unzip_to'],
];
const contentsWords = /\b(inside|contents?|contain\w*|print|show|list|read|view|search|grep|look (?:in|at|through)|what(?:'s| is) in|lines?|entries|files in)\b/;
const plainReaders = /^(ls|cat|head|tail|less|more|awk|sed|grep|wc|sort|uniq|cut|nl|find)\b/;

/** A program that cannot read the archive the request names, or a plain reader asked what an archive holds. */
function archiveMismatch(entry: KnowledgeEntry, values: Record<string, string>, facts: RequestFacts): number {
  const archives = Object.values(values).map((v) => v.replace(/^'|'$/g, '')).filter((v) => facts.archives.some((a) => a.value === v));
  if (archives.length === 0) return 0;
  const programs = entry.template.split(/\||&&|;/).map((s) => s.trim());
  for (const program of programs) {
    const formats = archiveFormats.find(([p]) => p.test(program));
    if (formats && !archives.every((a) => formats[1].test(a))) return 0.3;
  }
  return plainReaders.test(programs[0]) && contentsWords.test(facts.lower) ? 0.4 : 0;
}

/** A walk of the workspace skips the repository's store (.git) unless git is asked about; one level down, .git is an entry left out by path. */
export function withoutGitInternals(command: string): string {
  if (/\.git\b|\n/.test(command)) return command;
  if (/^find \.(?=\s)/.test(command)) return addFindTest(command, /\s-maxdepth 1\s/.test(command) ? '-not -path ./.git' : /^find \. -mindepth 1 (?!.*-type [fl])/.test(command) ? "-not -path ./.git -not -path './.git/*'" : "-not -path './.git/*'") ?? command;
  if (/^grep (?:-\w+ )*-\w*[rR]\w*\b/.test(command) && /\s\.\s*(?:$|[|;&])/.test(command)) return command.replace(/^grep\b/, 'grep --exclude-dir=.git');
  return command;
}

/** CSV data: awk, sort and cut split on commas. */
function commaSeparated(command: string): string {
  return command
    .replace(/\bawk (?!-F)(?=')/g, 'awk -F, ')
    .replace(/\bsort (?![^|]*-t)([^|]*-k)/g, 'sort -t, $1')
    .replace(/\bcut (?![^|]*-d)([^|]*-f)/g, 'cut -d, $1');
}

const TOP = 0.97;

function clamp(x: number): number {
  return Math.round(Math.max(0.01, Math.min(TOP, x)) * 100) / 100;
}
