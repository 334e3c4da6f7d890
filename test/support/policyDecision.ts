// A policy decision built from the facts the real parser reads from a
// command, for checks of a plan's effects that need no verdict, and those
// checks run on it as the guard runs them.
import assert from 'node:assert/strict';
import type { PolicyDecision } from '../../server/src/protocol/types';
import { describeCommand } from '../../server/src/policy/facts';
import { exceedsIntent } from '../../server/src/planner/effectCheck';
import { fallsShort } from '../../server/src/planner/fallsShort';
import { readIntent } from '../../server/src/planner/intent';
import { readRequest, type WorkspaceNames } from '../../server/src/planner/requestFacts';

export function decisionOf(command: string, workspace = '/w'): PolicyDecision {
  const facts = describeCommand(command, { workspace });
  const paths = (k: 'writes' | 'deletes') => facts.commands.flatMap((c) => c[k].map((p) => p.path));
  return { decision: 'ask', rules: [], risk: { reads: [], writes: paths('writes'), deletes: paths('deletes'), network: false, privilege: false }, policyVersion: 'v', facts };
}

export interface EffectChecks {
  /** Every way `command` goes beyond `request`, as the guard finds them. */
  reasons(request: string, command: string): string[];
  /** The same, joined by " | ": '' when the command fits the request. */
  over(request: string, command: string): string;
  /** Every way `command` falls short of `request`, joined by " | ". */
  short(request: string, command: string): string;
  /** Asserts that each plan of `pairs` goes beyond its request for `reason`. */
  turnsAway(pairs: [request: string, command: string][], reason: RegExp): void;
}

/** The guard's effect checks of a command against a request read in the workspace `ws`, with the facts the real parser reads. */
export function effectChecks(ws?: WorkspaceNames): EffectChecks {
  const reasons = (request: string, command: string) => exceedsIntent(readIntent(readRequest(request, ws)), decisionOf(command), command);
  const over = (request: string, command: string) => reasons(request, command).join(' | ');
  return {
    reasons,
    over,
    turnsAway: (pairs, reason) => {
      for (const [request, command] of pairs) assert.match(over(request, command), reason, command);
    },
    short: (request, command) => fallsShort(readIntent(readRequest(request, ws)), decisionOf(command)).join(' | '),
  };
}

/**
 * The effect checks of one program run with `args` for `request`, with facts
 * made by hand as a policy would report them: the paths it writes and
 * deletes (`.` is the workspace root), for what a command line would not show.
 */
export function judgedProgram(request: string, program: string, args: string[], { writes = [], deletes = [] }: { writes?: string[]; deletes?: string[] }): string[] {
  const path = (p: string) => ({ path: p, resolved: p, classes: p === '.' ? ['workspace-root'] : [], glob: false });
  const facts = { parse: { ok: true }, commands: [{ program, wrappers: [], args, flags: args.filter((a) => /^-\w/.test(a)).map((a) => a.replace(/^-+/, '')), positionals: args.filter((a) => !a.startsWith('-')), reads: [], writes: writes.map(path), deletes: deletes.map(path), redirects: [] }] };
  const decision = { decision: 'allow', rules: [], risk: { writes, deletes, network: false }, facts } as unknown as PolicyDecision;
  return exceedsIntent(readIntent(readRequest(request)), decision, `${program} ${args.join(' ')}`);
}
