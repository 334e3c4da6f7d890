// Which folders an agent front may name as a workspace: the folder it was
// started in (or the hook event's cwd) and any folder granted at start, and
// nothing outside them. The decision is the gateway's one workspace check
// (gateway/workspaceGrant.ts), the same an API key gets: protected folders,
// the granted roots, and the owner.

import * as path from 'node:path';
import { checkClientWorkspace, grantableRoot, protectedFolders, protectedReason, workspaceFacts } from '../gateway/workspaceGrant';
import { RequestError } from '../kernel';

const HOW_TO_GRANT = 'Start the agent front with --workspace DIR to grant another folder.';

/** A folder no agent may work in: a system folder, another user's home, Paladin's data, or one holding them. */
export function isSystemFolder(dir: string, dataDirs: readonly string[] = []): boolean {
  const facts = workspaceFacts(dir);
  const real = 'error' in facts ? path.resolve(dir) : facts.real;
  return protectedReason(real, protectedFolders({ dataDirs })) !== undefined;
}

export class WorkspaceRoots {
  readonly roots: string[];

  constructor(roots: string[], private readonly dataDirs: readonly string[] = []) {
    this.roots = roots.map((r) => {
      const granted = grantableRoot(path.resolve(r), dataDirs);
      if (!granted.ok) throw new RequestError(`${granted.reason.replace(/\.$/, '')}. Start in a project folder or grant one with --workspace DIR.`);
      return granted.root;
    });
  }

  /** The workspace to use: the first root by default; a named one (relative to the first root) must lie under a root. */
  pick(requested: string | undefined): string {
    const dir = requested === undefined || requested === '' ? undefined : path.resolve(this.roots[0], requested);
    const decision = checkClientWorkspace(dir, { roots: this.roots, serverRoots: this.roots, dataDirs: this.dataDirs, howToGrant: HOW_TO_GRANT });
    if (!decision.ok) throw new RequestError(decision.reason, 'forbidden');
    return decision.workspace;
  }
}
