// Screens candidates, a model's and the embedded planner's alike, before
// anyone sees them: each is judged by the policy stage (with its facts) and
// held to the request's intent. Those that would do more than was asked are
// turned away with the reason; unfilled slots are checked with a stand-in
// value so that their effects are known too.

import type { PlannerName, PlanRejection, PolicyDecision } from '../protocol/types';
import type { PolicyStage } from '../stages';
import type { Facts } from '../policy/factsTypes';
import { actOfAnotherKind } from './actKinds';
import { exceedsIntent } from './effectCheck';
import { fallsShort } from './fallsShort';
import { malformedAssignment } from './environmentActs';
import type { Intent } from './intent';
import { placeholdersIn } from './placeholders';
import { shapeDropped, withShapes } from './outputShapes';
import { operandDropped } from './requestOperands';
import { destinationDropped } from './destinations';
import { packedFolderDropped } from './packedFolders';
import { depthDropped, toAskedDepth } from './listingDepth';
import { statedActSwapped } from './statedActs';
import { keepingExisting } from './overwrites';

export interface Proposal {
  command: string;
  confidence: number;
  explanation?: string;
  planner: PlannerName;
  /** Slots the command leaves as `<name>`. */
  missing: string[];
}

export interface Screened<P extends Proposal> {
  accepted: { proposal: P; decision: PolicyDecision }[];
  rejected: PlanRejection[];
}

/** Policy decisions with facts, per workspace, policy version and command: a repeated candidate costs nothing. */
export class DecisionCache {
  private readonly map = new Map<string, PolicyDecision>();
  constructor(private readonly policy: PolicyStage, private readonly max = 4_000) {}

  async check(command: string, workspace: string): Promise<PolicyDecision> {
    const key = `${this.policy.version}\0${workspace}\0${command}`;
    const hit = this.map.get(key);
    if (hit) return hit;
    const decision = await this.policy.check(command, { workspace, facts: true });
    if (this.map.size >= this.max) this.map.delete(this.map.keys().next().value as string);
    this.map.set(key, decision);
    return decision;
  }
}

/** `<pattern>` → `__pattern__`: a word the policy can judge, standing for the value to come. */
export function standIn(command: string): string {
  return command.replace(/<([a-z][a-zA-Z0-9_-]*)>/g, '__$1__');
}

/**
 * Judge proposals in order until `want` fit the intent or `budget` were
 * judged. Order is kept: the first accepted is the plan.
 */
export async function screen<P extends Proposal>(
  proposals: P[],
  intent: Intent,
  judge: (command: string) => Promise<PolicyDecision>,
  want: number,
  budget: number,
): Promise<Screened<P>> {
  const accepted: Screened<P>['accepted'] = [];
  const rejected: PlanRejection[] = [];
  let judged = 0;
  for (const proposed of proposals) {
    if (accepted.length >= want || judged >= budget) break;
    // A plain list given the depth and layout the request states ("the folders here", "numbered") before it is judged.
    // ... and a move or copy said to keep what is there made to keep it (`mv -n`).
    const shaped = keepingExisting(intent.words, withShapes(intent.words, toAskedDepth(intent.words, proposed.command)));
    const proposal = shaped === proposed.command ? proposed : { ...proposed, command: shaped };
    judged++;
    const missing = placeholdersIn(proposal.command);
    const decision = await judge(missing.length > 0 ? standIn(proposal.command) : proposal.command);
    const malformed = malformedAssignment(proposal.command);
    const facts = decision.facts as Facts | undefined;
    const reasons = [...exceedsIntent(intent, decision, proposal.command), ...fallsShort(intent, decision), ...operandDropped(intent.words, proposal.command), ...destinationDropped(intent.words, proposal.command, intent.places?.destinations), ...packedFolderDropped(intent.packs, intent.words, proposal.command), ...shapeDropped(intent.words, proposal.command), ...depthDropped(intent.words, proposal.command), ...actOfAnotherKind(intent, facts?.commands ?? [], facts?.workspace), ...statedActSwapped(intent, facts?.commands ?? [], facts?.workspace), ...(malformed ? [malformed] : [])];
    if (reasons.length > 0) {
      rejected.push({ command: proposal.command, planner: proposal.planner, reason: capitalise(reasons.join('; ')) + '.' });
      continue;
    }
    accepted.push({ proposal: { ...proposal, missing: [...new Set([...proposal.missing, ...missing])] }, decision });
  }
  return { accepted, rejected };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
