// A command's facts before anything is known about it: the walker fills
// them in as it reads the command's words, wrappers and redirections.

import type { CommandFact } from './factsTypes';
import type { Context } from './facts';

export function emptyCommandFact(index: number, ctx: Context): CommandFact {
  return {
    index,
    span: ctx.span,
    program: '',
    name: '',
    name_dynamic: false,
    name_from_substitution: false,
    name_obfuscated: false,
    path_given: false,
    args: [],
    dynamic_args: [],
    flags: [],
    positionals: [],
    subcommand: '',
    wrappers: [],
    privileged: ctx.privileged,
    env: [],
    redirects: [],
    reads: [],
    writes: [],
    deletes: [],
    network: false,
    targets: [],
    uploads: false,
    listens: false,
    shell: false,
    interpreter: false,
    runs_code: 'none',
    inline_code: '',
    code_dynamic: false,
    runs_command: [],
    decodes: false,
    stdin: ctx.stdinPiped ? 'pipe' : 'inherit',
    pipeline: ctx.pipeline,
    stage: ctx.stage,
    parent: ctx.parent,
    via: ctx.via,
    in_function: ctx.inFunction,
    in_loop: ctx.inLoop,
    background: ctx.background,
    markers: [],
  };
}
