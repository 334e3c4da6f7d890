// Does a planned command parse as bash? The planner validates with the same
// parser the policy judges with (mvdan/sh, shell/parser.ts), so a plan
// that passes here is never one the policy then fails to read.

import { parseShell } from '../shell/parser';

export interface ParseOutcome {
  ok: boolean;
  /** The parser's message, e.g. `1:6: reached EOF without closing quote`. */
  error?: string;
}

/** Parse `command` as bash. Never throws for bad input. */
export async function parseBash(command: string): Promise<ParseOutcome> {
  try {
    parseShell(command);
    return { ok: true };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}
