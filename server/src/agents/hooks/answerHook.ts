// One answer to one agent hook event: read the event, judge the command with
// Paladin's policy, and answer in the agent's format. It fails closed: a
// malformed event, an event or tool it does not know, and any error answer
// deny (or ask, where the agent can ask its person), never allow.

import type { PolicyDecision } from '../../protocol/types';
import { verdictOf } from '../verdict';
import type { HookAnswer, HookFormat, ShellEvent } from './hookFormat';

export interface HookOptions {
  /** Where the agent lets a hook replace the command, run what Paladin lets run through `paladin run`. */
  sandbox: boolean;
  /** Answer deny where the policy would ask a person (for agents left to run unattended). */
  strict: boolean;
}

export interface HookDeps {
  check(event: ShellEvent): Promise<PolicyDecision>;
  /** The shell command that runs `command` in Paladin's sandbox from `cwd`. */
  routed(event: ShellEvent): string;
}

export interface HookOutcome {
  answer: HookAnswer;
  /** 0 for a verdict; 2 when Paladin could not judge (every agent here treats 2 as "block"). */
  exitCode: number;
}

export const MAX_EVENT_BYTES = 1024 * 1024;

export function refusal(format: HookFormat, reason: string, options: { unknown?: boolean } = {}): HookOutcome {
  // An event Paladin does not judge goes to the person where the agent can ask one; an error never passes.
  if (options.unknown && format.hasAsk) return { answer: { decision: 'ask', reason }, exitCode: 0 };
  return { answer: { decision: 'deny', reason: `Paladin could not judge this command, so it is refused: ${reason}` }, exitCode: 2 };
}

export function parseEvent(raw: string): Record<string, unknown> | string {
  if (Buffer.byteLength(raw) > MAX_EVENT_BYTES) return `the event is larger than ${MAX_EVENT_BYTES} bytes`;
  let event: unknown;
  try {
    event = JSON.parse(raw);
  } catch (err) {
    return `the event is not JSON (${(err as Error).message})`;
  }
  if (event === null || typeof event !== 'object' || Array.isArray(event)) return 'the event is not a JSON object';
  return event as Record<string, unknown>;
}

export async function answerHook(format: HookFormat, raw: string, deps: HookDeps, options: HookOptions): Promise<HookOutcome> {
  const event = parseEvent(raw);
  if (typeof event === 'string') return refusal(format, event);
  const parsed = format.parse(event);
  if (parsed.kind === 'unknown') return refusal(format, parsed.reason, { unknown: true });
  let policy: PolicyDecision;
  try {
    policy = await deps.check(parsed.event);
  } catch (err) {
    return refusal(format, (err as Error).message);
  }
  const verdict = verdictOf(parsed.event.command, policy);
  if (verdict.decision === 'deny') return { answer: { decision: 'deny', reason: verdict.summary }, exitCode: 0 };
  if (options.sandbox && format.canRewrite && !verdict.sandbox.needsApproval) {
    // Runs offline in a single-use container; its changes wait for `paladin run --apply`.
    const reason = `${verdict.summary}\nPaladin runs it in its sandbox (offline; file changes are kept for \`paladin run --apply RUNID\`).`;
    return { answer: { decision: 'allow', reason, command: deps.routed(parsed.event) }, exitCode: 0 };
  }
  if (verdict.decision === 'allow') return { answer: { decision: 'allow', reason: verdict.summary }, exitCode: 0 };
  if (options.strict) return { answer: { decision: 'deny', reason: `${verdict.summary}\nPaladin refuses what needs a person because the hook runs with --strict.` }, exitCode: 0 };
  return { answer: { decision: 'ask', reason: verdict.summary }, exitCode: 0 };
}

/** Quotes one word for a POSIX shell. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
