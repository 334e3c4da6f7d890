// Compound requests: "find files larger than 10MB and delete them", "list the
// .txt files and save the names to list.txt". The request is split into its
// first part and the steps that follow; each candidate for the first part is
// extended with the steps (find's -delete / -exec, a pipe, a redirect), and
// the result is held to the whole request's intent like any other candidate.

import { shellQuote } from './templateFill';
import { extractedText } from './textExtraction';

export type StepKind = 'delete' | 'count' | 'save' | 'sort' | 'move' | 'copy' | 'compress';

export interface Step {
  kind: StepKind;
  /** Destination file or folder for save, move and copy. */
  target?: string;
  /** The destination folder is to be made first: the request says so ("create the folder if needed"). */
  create?: boolean;
}

const them = String.raw`(?:them|it|those|these|those files|these files|the files|them all|all of them|each(?: one)?|every one|the results?|the matches|the output|the list|the names|the paths|the path ?names|their (?:names|paths|path ?names))`;
const dest = String.raw`["'\x60]?([\w./~@+-]+?)["'\x60]?`;
const steps: [StepKind, RegExp][] = [
  ['delete', new RegExp(String.raw`^(?:delete|remove|rm|erase|purge|get rid of|wipe)\s+${them}\s*$`)],
  ['count', new RegExp(String.raw`^(?:count\s+${them}|count how many (?:there are|matched)|tell me how many(?: there are)?|print (?:the|their) (?:count|number))\s*$`)],
  ['save', new RegExp(String.raw`^(?:save|write|store|output|put|redirect|dump|print)\s+(?:${them}\s+)?(?:to|into|in)\s+(?:a file (?:called |named )?|the file )?${dest}\s*$`)],
  ['sort', new RegExp(String.raw`^sort\s+${them}(?:\s+by name|\s+alphabetically)?\s*$`)],
  ['move', new RegExp(String.raw`^(?:move|mv)\s+${them}\s+(?:to|into)\s+(?:the\s+)?${dest}(?:\s+(?:folder|directory|dir))?\s*$`)],
  ['copy', new RegExp(String.raw`^(?:copy|cp)\s+${them}\s+(?:to|into)\s+(?:the\s+)?${dest}(?:\s+(?:folder|directory|dir))?\s*$`)],
  ['compress', new RegExp(String.raw`^(?:compress|gzip)\s+${them}\s*$`)],
];

/** The first part of a compound request and the steps after it, or undefined for a single request. */
export function splitCompound(request: string): { head: string; steps: Step[] } | undefined {
  const text = request.trim().replace(/[.!]+$/, '');
  // "save the list of files in src to files.txt": the part in the middle, then a redirect.
  // ... a file named in quotes ('to "file3"') or by an extension or a folder.
  const saved = /^(save|write|store|put|dump|output)\s+(.+?)\s+(to|into|in)\s+(?:a file (?:called |named )?|the file )?(?:["'`]([\w./~@+-]+)["'`]|["'`]?([\w./~@+-]+\.[\w]+|[\w./~@+-]+\/[\w.@+-]+)["'`]?)$/i.exec(text);
  // ... not "the numbers '1' to '100'", "the letters 'a' to 'z'": a range ends in the value after "to".
  // ... nor "the output of "a" to stdout and to all commands from "b" to "c"": a quoted name alone is a file only when the part before it names no other place.
  // ... and a quoted name without an extension only after write, save, store or output … to/into, of something that is no text to write ("the word "done"").
  const bareName = saved !== null && saved[4] !== undefined && !/\.\w+$|\//.test(saved[4]);
  const notASave = bareName && (/^(?:\d+|\w)$/.test(saved[4]) || /\b(?:to|from|into)\b/i.test(saved[2]) || !/^(?:save|write|store|output)$/i.test(saved[1]) || /^in$/i.test(saved[3]) || /^(?:the\s+|a\s+)?(?:word|text|string|phrase|line|message|value|number|sentence)s?\b|^["'`]/i.test(saved[2]));
  if (saved && !notASave) return { head: saved[2].replace(/^(?:the|a)\s+(?:list|names?|output|result)\s+of\s+/i, 'list '), steps: [{ kind: 'save', target: saved[4] ?? saved[5] }] };
  // "extract lines 10 to 20 of big.log into part.log": the parts taken out, then a redirect (an archive unpacked into a folder is no such step).
  const extracted = /^(extract\s+.+?)\s+(?:to|into|in)\s+(?:a file (?:called |named )?|the file )?["'`]?([\w./~@+-]+\.[\w]+)["'`]?$/i.exec(text);
  if (extracted && extractedText(extracted[1].slice('extract'.length).toLowerCase()) === 'look') return { head: extracted[1], steps: [{ kind: 'save', target: extracted[2] }] };
  const parts = text.split(/\s*(?:,\s*(?:and\s+)?then|,\s*and|\band then|\bthen|\band)\s+/i);
  if (parts.length < 2) return actOnSelection(text);
  const found: Step[] = [];
  let cut = parts.length;
  // Steps are read from the end: "find X and delete them" has one, "find X, sort them and save them to f" two.
  for (let i = parts.length - 1; i >= 1; i--) {
    const step = readStep(parts[i]);
    if (!step) break;
    found.unshift(step);
    cut = i;
  }
  if (found.length === 0) return undefined;
  if (createsFolder.test(text)) for (const step of found) if (step.target) step.create = true;
  return { head: parts.slice(0, cut).join(' and '), steps: found };
}

// "delete the .tmp files under build", "move all logs older than a week to archive/": an act on a
// selection of files is the selection found, then the act. Only a selection of files or folders
// (said as such, or by kind or pattern) is read this way; a single named file is not a selection.
const selectionAct = /^(?:please\s+)?(delete|remove|erase|get rid of|wipe|compress|gzip|move|copy)\s+(.*\b(?:files|folders|directories|dirs|logs|scripts|images)\b.*?)(?:\s+(?:to|into)\s+(?:the\s+)?["'`]?([\w./~@+-]+?)["'`]?(?:\s+(?:folder|directory|dir))?)?$/i;
const actKinds: Record<string, StepKind> = { delete: 'delete', remove: 'delete', erase: 'delete', 'get rid of': 'delete', wipe: 'delete', compress: 'compress', gzip: 'compress', move: 'move', copy: 'copy' };

function actOnSelection(text: string): { head: string; steps: Step[] } | undefined {
  const m = selectionAct.exec(text);
  if (!m) return undefined;
  const kind = actKinds[m[1].toLowerCase()];
  if ((kind === 'move' || kind === 'copy') !== (m[3] !== undefined)) return undefined;
  const create = m[3] !== undefined && createsFolder.test(text);
  return { head: `find ${m[2]}`, steps: [{ kind, ...(m[3] ? { target: m[3].replace(/\/+$/, '') } : {}), ...(create ? { create } : {}) }] };
}

// "create the folder if needed", "into a new directory": the destination is to be made.
const createsFolder = /\b(?:create|make|new)\b[^.]{0,40}\b(?:folder|directory|dir)\b|\bif (?:it does(?:n'?t| not) exist|(?:it'?s|it is) missing|needed|necessary)\b/i;

function readStep(text: string): Step | undefined {
  const lower = text.toLowerCase().trim();
  for (const [kind, re] of steps) {
    const m = re.exec(lower);
    if (!m) continue;
    // The destination as written (case kept).
    const target = m[1] !== undefined ? text.trim().slice(lower.lastIndexOf(m[1]), lower.lastIndexOf(m[1]) + m[1].length).replace(/\/+$/, '') || m[1] : undefined;
    // "move them to another folder": the place is still to be named, so it is asked for.
    return { kind, target: target !== undefined && /^(?:another|elsewhere|somewhere)$/i.test(target) ? '<dest>' : target };
  }
  return undefined;
}

/** `command` extended with `step`, or undefined when the step cannot follow this command. */
export function composeStep(command: string, step: Step): string | undefined {
  const plainFind = /^find\s/.test(command) && !/[|;&<>`]|\$\(|\s-(exec|execdir|ok|delete|print0|printf|fprint|ls)\b/.test(command);
  const listsFiles = plainFind || (/^(grep|rg)\s/.test(command) && /\s-\w*[lL]\w*\b/.test(command) && !/[|;&<>]/.test(command));
  const redirected = /(^|[^<>&])>{1,2}/.test(command.replace(/'[^']*'/g, ''));
  const target = step.target ? shellQuote(step.target) : '';
  // A destination folder is made only when the request asks for it; otherwise a missing one is an error the person sees.
  const mkdir = step.create ? `mkdir -p ${target} && ` : '';
  switch (step.kind) {
    case 'delete':
      // A folder goes with what is in it, once: -delete fails on one that is not empty.
      if (plainFind && /\s-type d\b/.test(command) && !/\s-empty\b/.test(command)) return `${belowStart(command)} -prune -exec rm -r {} +`;
      if (plainFind) return `${command} -delete`;
      return listsFiles ? `${command} | xargs -r rm --` : undefined;
    case 'move':
      if (!target) return undefined;
      if (plainFind) return `${mkdir}${command} -exec mv -t ${target} {} +`;
      return listsFiles ? `${mkdir}${command} | xargs -r mv -t ${target} --` : undefined;
    case 'copy':
      if (!target) return undefined;
      if (plainFind) return `${mkdir}${command} -exec cp -t ${target} {} +`;
      return listsFiles ? `${mkdir}${command} | xargs -r cp -t ${target} --` : undefined;
    case 'compress':
      if (plainFind) return `${command} -exec gzip {} +`;
      return listsFiles ? `${command} | xargs -r gzip --` : undefined;
    case 'count':
      return redirected ? undefined : `${command} | wc -l`;
    case 'sort':
      return redirected ? undefined : `${command} | sort`;
    case 'save':
      return redirected || !target ? undefined : `${command} > ${target}`;
  }
}

/** Apply every step in turn; undefined when one cannot follow. */
export function composeSteps(command: string, all: Step[]): string | undefined {
  let out: string | undefined = command;
  for (const step of all) {
    if (out === undefined) return undefined;
    out = composeStep(out, step);
  }
  return out;
}

// "for each python file in src, print how many lines it has", "show the first line of every csv file in data":
// a selection of files, and an action done to each of them.
const forEachFirst = /^(?:please\s+)?for (?:each|every|all(?: the)?)\s+(.+?)(?:,\s*|\s+(?:do|then)\s+)(.+)$/i;
const forEachLast = /^(?:please\s+)?(.+?)\s+(?:for|of|in|from) (?:each|every)(?: one of the| of the)?\s+(.+)$/i;
const selectionWords = /\b(files?|scripts?|logs?|csvs?|images?|sources?|documents?)\b|\*\.\w+|\.\w{1,8}\b/i;

/** The files to act on and the action on each one, or undefined when the request is not of that shape. */
export function splitForEach(request: string): { selection: string; action: string } | undefined {
  const text = request.trim().replace(/[.!]+$/, '');
  const first = forEachFirst.exec(text);
  if (first && selectionWords.test(first[1])) return { selection: first[1], action: first[2] };
  const last = forEachLast.exec(text);
  if (last && selectionWords.test(last[2]) && !selectionWords.test(last[1].replace(/\b(lines?|words?|size|name|first|last)\b/gi, ''))) return { selection: last[2], action: last[1] };
  return undefined;
}

/** `find` extended to run `action` (a command whose file operand is `{}`) on each file it finds. */
export function perFile(find: string, action: string): string | undefined {
  const plainFind = /^find\s/.test(find) && !/[|;&<>`]|\$\(|\s-(exec|execdir|ok|delete|print0|printf|fprint|ls)\b/.test(find);
  if (!plainFind || !/(^|\s)'?\{\}'?(\s|$)/.test(action) || /[|;&<>`]|\$\(/.test(action.replace(/'[^']*'/g, ''))) return undefined;
  return `${find} -exec ${action.replace(/'\{\}'/g, '{}')} \\;`;
}

// "logged in", "login sessions", "users on this machine": people at the machine, whom who lists a session a line.
const atTheMachine = /\blogged[- ]?(?:in|on)\b|\blog(?:ged)?[- ]?in sessions?\b|\b(?:login|user|terminal|shell) sessions?\b|\bsigned[- ]?(?:in|on)\b|\busers?\s+(?:(?:currently|now)\s+)?(?:on|using|connected to)\s+(?:this|the)\s+(?:machine|system|server|box|computer|host)\b/;

/** "how many python files are in src": a listing of files, lines or commits, counted; undefined for a command that does not list. */
export function counted(command: string, lower = ''): string | undefined {
  if (/[|;&<>`]|\$\(|\bwc\b|\s-c\b|--count\b/.test(command)) return undefined;
  const lists = (/^find\s/.test(command) && !/\s-(printf|fprint|exec|execdir|ok|delete|ls|print0)\b/.test(command))
    || /^(grep|rg)\s(?:-\S+\s+)*-\w*[lL]\w*\s/.test(command)
    || /^git (ls-files|log --oneline|branch\b)/.test(command)
    || /^(seq|ls -1?A?)\s/.test(command)
    // who prints one login session a line: counted only when the request asks about people at the machine ("users in Oslo" are no sessions).
    || (/^who$/.test(command) && atTheMachine.test(lower));
  if (!lists) return undefined;
  // The folders under src do not include src itself.
  return `${/^find\s+\S+\s+.*-type d\b/.test(command) ? belowStart(command) : command} | wc -l`;
}

/** A find kept below the folder it starts from: `find src -type d` names src too. */
export function belowStart(find: string): string {
  // (After every start point: `find src docs -mindepth 1`, never between them.)
  return /\s-mindepth\s/.test(find) ? find : find.replace(/^find((?:\s+(?![-!(\\])\S+)+)(\s|$)/, 'find$1 -mindepth 1$2');
}
