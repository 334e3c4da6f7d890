// The real policy engine's judgement of command lines in one workspace, for
// tests that judge many generated lines against it.
import { createPolicyEngine } from '../../server/src/policy';

export interface Judgement {
  decision: string;
  /** The ids of the rules that fired. */
  rules: string[];
}

/** A judge of command lines in `workspace`: each line's decision and the rules that fired. */
export async function judgementsIn(workspace: string): Promise<(line: string) => Judgement> {
  const engine = await createPolicyEngine();
  return (line) => {
    const d = engine.judge(line, { workspace });
    return { decision: d.decision, rules: d.rules.map((r) => r.id) };
  };
}

/** A judge of command lines in `workspace` that gives each line's decision alone. */
export async function verdictsIn(workspace: string): Promise<(line: string) => string> {
  const judge = await judgementsIn(workspace);
  return (line) => judge(line).decision;
}
