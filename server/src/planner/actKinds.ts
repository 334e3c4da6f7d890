// The act a request names, held against the act a plan does. Some programs
// change a file in a way another request would want: crontab installs a file
// as the schedule of jobs, shred overwrites a file until nothing of it can be
// recovered, mkdir makes a folder where a file is named, and `chmod 644` of
// the files that already have mode 644 changes nothing (as a plan without
// chmod does, for "make the .txt files 644"). None of them answers
// "replace docs/api.md", "overwrite the log" or "touch todo.txt" unless the
// request says so. Read from the facts the policy sees, so they hold for
// every plan, a model's too.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CommandFact } from '../policy/factsTypes';
import { modesSet } from './findConditions';
import type { Intent } from './intent';
import { programOf } from './selectionChecks';

// "install the jobs in jobs.txt as my crontab", "schedule backup.sh every night", "clear the cron jobs".
const scheduleWords = /\b(?:cron\w*|schedul\w*|jobs?|periodic\w*|every (?:\d+ )?(?:minutes?|hours?|days?|nights?|weeks?|months?|morning|evening|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|hourly|daily|nightly|weekly|monthly|at (?:\d{1,2}(?::\d\d)?\s*(?:am|pm)?|midnight|noon))\b/;

// "shred the key", "securely erase secrets.txt", "overwrite it with random data so it can't be recovered".
const shredWords = /\b(?:shred\w*|secure(?:ly)?|unrecoverabl[ey]|irrecoverabl[ey]|beyond recovery|(?:can(?:no|')t|cannot|never) be (?:recovered|restored|undeleted)|forensic\w*|with (?:random (?:data|bytes)|zeros|zeroes))\b/;

// "make a new file a.py under the src folder": a file to make, not a folder (`mkdir -p src/a.py`); "make a folder x": not a file.
const asksForAFile = /\b(?:an?|the|new|empty|blank)\s+(?:new\s+|empty\s+|blank\s+|text\s+)?file\b/;
const asksForAFolder = /\b(?:(?:an?|new|empty)\s+(?:new\s+|empty\s+|sub)?(?:folders?|director(?:y|ies)|dirs?)|mkdir)\b/;

const shredders = /^(?:shred|srm|wipe|scrub)$/;
const permissionSetters = /^(?:chmod|install|setfacl)$/;

/** Every way a plan changes files in a way of another kind than the request names; empty when it fits. */
export function actOfAnotherKind(intent: Intent, commands: CommandFact[], workspace: string | undefined): string[] {
  const out: string[] = [];
  // "make the .txt files 644": the mode is the whole order; `touch file{1..644}.txt` reads it as a count.
  const modes = intent.actions.includes('change') ? modesSet(intent.words) : [];
  if (modes.length > 0 && !commands.some((c) => permissionSetters.test(programOf(c)) || (programOf(c) === 'find' && c.args.includes('chmod')))) {
    out.push(`it changes no permissions, but the request asks to give files mode ${modes[0]}`);
  }
  const other = modes.length > 0 ? commands.map(octalModeSet).find((m) => m !== undefined && !modes.includes(m)) : undefined;
  if (other) out.push(`it sets mode ${other}, but the request asks for ${modes[0]}`);
  for (const c of commands) {
    const program = programOf(c);
    if (program === 'crontab' && installsSchedule(c) && !scheduleWords.test(intent.words)) {
      out.push(`it installs ${c.positionals[0] ?? 'what it reads'} as the schedule of jobs (crontab), but the request says nothing of cron or schedules`);
    }
    if (shredders.test(program) && !shredWords.test(intent.words)) out.push(`it overwrites files until they cannot be recovered (${program}), but the request does not ask to shred or securely erase`);
    const file = program === 'mkdir' ? c.positionals.find((p) => isFile(workspace, p)) : undefined;
    if (file) out.push(`it makes a folder ${file}, but ${file} is a file in the workspace`);
    else if (program === 'mkdir' && asksForAFile.test(intent.words) && !asksForAFolder.test(intent.words)) out.push('it makes a folder, but the request asks for a file');
    if (program === 'touch' && asksForAFolder.test(intent.words) && !asksForAFile.test(intent.words)) out.push('it makes a file, but the request asks for a folder');
    const noOp = modeAlreadyKept(c);
    if (noOp) out.push(`it changes only files that already have mode ${noOp} (-perm ${noOp}), the mode it sets, so it changes nothing`);
  }
  return out;
}

/** `crontab jobs.txt`, `crontab -`: the file (or what is piped in) becomes the whole schedule. `-l` lists, `-e` edits. */
function installsSchedule(c: CommandFact): boolean {
  return !c.flags.some((f) => f === 'l' || f === 'e') && (c.positionals.length > 0 || c.args.includes('-') || c.flags.includes('r'));
}

function isFile(workspace: string | undefined, p: string): boolean {
  if (!workspace || p.startsWith('-') || /[$*?{]/.test(p)) return false;
  try {
    return fs.statSync(path.resolve(workspace, p)).isFile();
  } catch {
    return false;
  }
}

/** The mode a chmod sets, alone or run by find: `chmod 600 f`, `find … -exec chmod 644 {} +`. */
function octalModeSet(c: CommandFact): string | undefined {
  const at = programOf(c) === 'chmod' ? -1 : c.args.indexOf('chmod');
  if (at < 0 && programOf(c) !== 'chmod') return undefined;
  return c.args.slice(at + 1).find((a) => !/^(?:-[RvcfH]+|--[\w-]+(?:=.*)?)$/.test(a));
}

/** `find src -perm 644 -exec chmod 644 {} +`: the exact mode tested is the mode set, so every file it picks is left as it was. */
function modeAlreadyKept(c: CommandFact): string | undefined {
  if (programOf(c) !== 'find') return undefined;
  const at = c.args.indexOf('-perm');
  const tested = at >= 0 ? c.args[at + 1] : undefined;
  if (tested === undefined || !/^0?[0-7]{3}$/.test(tested)) return undefined;
  const chmod = c.args.indexOf('chmod');
  const set = chmod >= 0 ? c.args.slice(chmod + 1).find((a) => !a.startsWith('-')) : undefined;
  return set !== undefined && set.replace(/^0/, '') === tested.replace(/^0/, '') ? tested : undefined;
}
