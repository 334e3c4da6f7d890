// When Paladin says "I don't know": the request is no shell task, no
// candidate fits it, or the best one is too weak a match. What would help is
// read from what the request leaves out.

import type { PolicyDecision } from '../protocol/types';
import type { Intent } from './intent';
import type { RequestFacts } from './requestFacts';

/** Below this the best embedded candidate is no answer, only a suggestion. */
export const ABSTAIN_BELOW = 0.3;

export type AbstainReason = 'not-a-task' | 'nothing-ordered' | 'nothing-fits' | 'weak-match' | 'unclear-file';

/** The reasoning shown for an abstention. */
export function abstainReasoning(why: AbstainReason, rejectedCount: number): string {
  switch (why) {
    case 'not-a-task':
      return 'This does not read as a task for a shell (files, folders, text, processes, the system or a program), so Paladin plans no command.';
    case 'nothing-ordered':
      return 'This names an act only to take it back or put it off ("no need to …", "maybe later …"), or names nothing to act on, so Paladin plans no command.';
    case 'nothing-fits':
      return rejectedCount > 0
        ? `Paladin does not know a command that does only what was asked: the ${rejectedCount} closest would do more (see rejected).`
        : 'Paladin does not know a command for this request.';
    case 'weak-match':
      return 'Paladin is not sure what command is meant: the closest ones are only weak matches (see suggestions).';
    case 'unclear-file':
      return 'The request describes a file that several files in the workspace fit equally well; Paladin does not guess which one is meant (see help).';
  }
}

/** What the person could add to the request so that it can be planned. */
export function helpFor(why: AbstainReason, facts: RequestFacts, intent: Intent): string[] {
  if (why !== 'not-a-task' && fileUnclear(facts) && facts.unclearFile) return [`say which file "${facts.unclearFile.raw}" is: ${facts.unclearFile.candidates.join(' or ')}`];
  if (why === 'not-a-task') return ['Paladin plans shell commands: say what to do to which files, folders, text or processes, e.g. "list the 5 biggest files under src".'];
  if (why === 'nothing-ordered') return ['say what to do now and to what, e.g. "delete the .bak files in backup" or "list the .bak files"'];
  const help: string[] = [];
  if (intent.actions.length === 0 && !/\b(show|list|find|count|search|print|display|which|what|how|where|is there|are there|tell)\b/.test(facts.lower)) {
    help.push('say what to do: list, count, search, compare, copy, move or delete');
  }
  if (facts.paths.length === 0 && facts.files.length === 0) help.push('name the folder or file, e.g. "in src" or "notes.txt"');
  if (facts.globs.length === 0 && facts.exts.length === 0 && facts.files.length === 0 && facts.quoted.length === 0) help.push('say which files, e.g. "the .log files" or "files named \'report*\'"');
  if (/\b(search|grep|contain\w*|match\w*|mention\w*|lines? with)\b/.test(facts.lower) && facts.quoted.length === 0) help.push('put the text to look for in quotes, e.g. \'ERROR\'');
  // "delete the old files": what decides which files go must be given, not guessed.
  if (intent.actions.length > 0 && intent.conditions.age && intent.valued?.age === false) help.unshift('say how old, e.g. "older than 30 days"');
  if (intent.actions.length > 0 && intent.conditions.size && intent.valued?.size === false) help.unshift('say how big, e.g. "larger than 100MB"');
  if (intent.actions.includes('change') && /\b(chmod|permissions?|perms|mode)\b/.test(facts.lower) && intent.valued?.mode === false) help.unshift('say which permissions, e.g. "make it executable" or "chmod 640"');
  if (help.length === 0) help.push('say it with the program or the exact action you want, e.g. "find", "count lines", "compress"');
  return help;
}

/** "extract the site backup" with two site backups: a file the request describes, several fit, and nothing else names one. */
export function fileUnclear(facts: RequestFacts): boolean {
  return facts.unclearFile !== undefined && !facts.files.some((f) => !f.described && facts.ws.files.has(f.value));
}

/** An abstention runs nothing: its decision is a refusal, with the reason. */
export function abstainedDecision(policyVersion: string): PolicyDecision {
  return {
    decision: 'deny',
    rules: [{ id: 'planner.abstained', severity: 'deny', reason: 'No command was planned for this request.', command_index: -1 }],
    risk: { reads: [], writes: [], deletes: [], network: false, privilege: false },
    policyVersion,
  };
}
