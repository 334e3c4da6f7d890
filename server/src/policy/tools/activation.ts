// `source .venv/bin/activate`: a virtual environment's activation script, in
// the workspace, is written by `python -m venv` (or virtualenv, uv, poetry)
// and only sets PATH, VIRTUAL_ENV and the prompt; the project trusts it as
// it trusts its own Makefile. Any other sourced file, one outside the
// workspace, one reached through a variable or a pattern, or one the same
// line wrote, is still a construct the policy cannot see through.

import type { PathFact } from '../paths';

const ACTIVATE = /^(\.\/)?([A-Za-z0-9_.-]+\/)*bin\/activate$/;
const SENSITIVE = ['git', 'git-config', 'editor-config', 'secret', 'shell-rc', 'persistence', 'outside', 'home', 'tmp'];

export function activatesEnvironment(p: PathFact, argCount: number): boolean {
  if (argCount !== 1 || p.dynamic || p.glob) return false;
  if (!p.classes.includes('workspace') || p.classes.some((k) => SENSITIVE.includes(k))) return false;
  return ACTIVATE.test(p.resolved) && !p.resolved.split('/').includes('..');
}
