// "remove all *~ files with confirmation prompt", "delete them interactively":
// a delete that asks before each file. A plan that deletes without asking
// (`rm -f`, `find -delete`) does what the request says not to.

import type { CommandFact } from '../policy/factsTypes';
import type { Intent } from './intent';
import { programName } from '../shell/programs';

// Not a word of a name ("the prompts folder", "prompt.txt", "the confirmation emails"), nor "confirm that a.txt exists" (a check).
const confirmAsked = /(?<!\b(?:folder|directory|dir|file|named|called|the|my|in|from)\s+["'\x60]?)\b(?:confirm(?:ation|ing|s)?(?![.\w/-])(?!\s+(?:that|whether|if|it|the|a|an)\b|\s+(?:e-?mails?|messages?|letters?|folders?|director(?:y|ies)|files?|pages?|templates?|codes?|numbers?)\b)|interactiv(?:e|ely)(?![.\w/-])(?!\s+(?:shells?|sessions?|history|mode files?|files?)\b)|prompt(?:s|ed|ing)?(?![.\w/-])(?!\s+(?:folders?|director(?:y|ies)|files?|templates?|strings?|texts?|library)\b)|ask(?:ing|s)?\s+(?:me\s+)?(?:before|first|for\s+(?:confirmation|each|every|permission)|each time))/;
// ... not "without asking", nor "answering y to any prompt": prompts answered for the user.
const notAsked = /\b(?:without|no|never|don'?t|do not|not|skip\w*|suppress\w*|disabl\w*|stop\w*|avoid\w*|bypass\w*)\s+(?:\w+\s+){0,2}?(?:confirm\w*|prompt\w*|ask\w*|interactiv\w*)|\b(?:confirm\w*|prompt\w*)\s+(?:is|are)\s+(?:not\s+needed|unnecessary|not\s+required)|\b(?:answer\w*|say\w*|respond\w*|repl\w*)\s+["'\x60]?(?:y|yes|n|no)\b|\b(?:to|for|at)\s+(?:any|all|every|each)\s+(?:the\s+)?(?:prompts?|questions?|confirmations?)\b|\bassum\w*\s+yes\b|\bnon-?interactiv\w*/;

/** Whether the request asks to confirm each file ("with confirmation", "interactively"), not "without asking". */
export function confirmsEach(lower: string): boolean {
  return confirmAsked.test(lower) && !notAsked.test(lower);
}

/** Whether a step that deletes asks first: `rm -i` (unless a later `-f` cancels it), `find -ok`, or run by `xargs -p`. */
function asksFirst(c: CommandFact, commands: CommandFact[]): boolean {
  const program = programName(c.program);
  if (program === 'find') return c.args.some((a) => a === '-ok' || a === '-okdir');
  // `xargs -p rm`: xargs asks before each run (its own flags are on the step that feeds it, or on a fact of its own).
  if (c.wrappers.includes('xargs') && commands.some((x) => programName(x.program) === 'xargs' && x.flags.some((f) => f === 'p' || f === 'interactive'))) return true;
  const last = [...c.args].reverse().find((a) => /^-[a-zA-Z]*[ifI]/.test(a) || /^--(?:interactive|force)/.test(a));
  return last !== undefined && (/^--interactive(?:=(?:always|once))?$/.test(last) || (/^-[a-zA-Z]*[iI]/.test(last) && !/f[a-zA-Z]*$/.test(last.replace(/^-[a-zA-Z]*?[iI]/, ''))));
}

/** A delete asked to confirm each file, planned with one that never asks. */
export function unconfirmedDelete(intent: Intent, commands: CommandFact[]): string[] {
  if (!intent.actions.includes('delete') || !confirmsEach(intent.words)) return [];
  const deleting = commands.filter((c) => c.deletes.length > 0 || /^(?:rm|rmdir|unlink|shred)$/.test(programName(c.program)) || (programName(c.program) === 'find' && c.args.includes('-delete')));
  // Every step that deletes asks, or the find that runs it does (`find … -ok rm {} \;`).
  const asks = (c: CommandFact) => asksFirst(c, commands) || commands.some((f) => programName(f.program) === 'find' && f.args.some((a) => a === '-ok' || a === '-okdir') && !f.args.includes('-delete'));
  if (deleting.length === 0 || deleting.every(asks)) return [];
  return ['it deletes without asking, but the request asks to confirm each one'];
}
