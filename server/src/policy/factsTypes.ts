// The facts document: what a command line does, as the Rego policy sees it.
// Field names are snake_case because Rego reads them.

import type { PathFact } from './paths';

export interface RedirectFact {
  op: string;
  fd: string | null;
  target: string;
  kind: 'read' | 'write' | 'append' | 'read-write' | 'dup' | 'heredoc' | 'herestring';
  dynamic: boolean;
  classes: string[];
}

export interface AssignmentFact {
  name: string;
  value: string;
  dynamic: boolean;
  /** `shell` lasts for the rest of the line, `command` only for one command, `export` also for children. */
  scope: 'shell' | 'command' | 'export';
  command_index: number;
}

export interface CommandFact {
  index: number;
  /** Character offsets [start, end) of the statement in the command line that holds this command. */
  span: [number, number];
  /** Resolved program name (`/bin/rm`, `\rm`, `"r"m` → `rm`); empty when only known at run time. */
  program: string;
  /** The name as written after quote removal. */
  name: string;
  name_dynamic: boolean;
  name_from_substitution: boolean;
  /** Quotes, backslashes or ANSI-C escapes inside the name. */
  name_obfuscated: boolean;
  path_given: boolean;
  /** Arguments after the program name (wrappers removed); dynamic parts read `$?`. */
  args: string[];
  dynamic_args: number[];
  /** Short flags split into letters, long flags without dashes or values. */
  flags: string[];
  positionals: string[];
  subcommand: string;
  wrappers: string[];
  privileged: boolean;
  env: { name: string; value: string; dynamic: boolean }[];
  redirects: RedirectFact[];
  reads: PathFact[];
  writes: PathFact[];
  deletes: PathFact[];
  network: boolean;
  targets: string[];
  uploads: boolean;
  listens: boolean;
  shell: boolean;
  interpreter: boolean;
  /** How the command runs code it was given: none, inline text, a script file, its stdin, a remote host. */
  runs_code: 'none' | 'inline' | 'script' | 'stdin' | 'process-substitution' | 'remote' | 'module';
  inline_code: string;
  code_dynamic: boolean;
  /** The program starts other programs named in its options (find -exec, rg --pre, git -c core.pager=...). */
  runs_command: string[];
  decodes: boolean;
  /** Where stdin comes from. */
  stdin: 'inherit' | 'pipe' | 'file' | 'heredoc' | 'herestring';
  pipeline: number;
  stage: number;
  /** The command whose words or code this one was found in, or -1. */
  parent: number;
  via: 'top' | 'command-substitution' | 'process-substitution-in' | 'process-substitution-out' | 'shell-string' | 'exec' | 'function' | 'alias';
  in_function: string;
  in_loop: boolean;
  background: boolean;
  markers: string[];
  /** What an ecosystem tool's subcommand does (terraform destroy, npm test, psql -c '...'); absent for other programs. */
  tool?: ToolFact;
}

/** read and build stay in the workspace or only look; change, unknown, publish and destroy are judged by tools.rego. */
export type ToolAction = 'read' | 'build' | 'change' | 'unknown' | 'publish' | 'destroy';

export interface ToolFact {
  family: string;
  action: ToolAction;
  /** What the subcommand does, in words for the reason a rule gives. */
  effect: string;
}

export interface Facts {
  version: 1;
  source_length: number;
  parse: { ok: boolean; error: string };
  limits: { exceeded: boolean; reasons: string[] };
  commands: CommandFact[];
  unknown: { construct: string; detail: string; command_index: number }[];
  assignments: AssignmentFact[];
  functions: { name: string; calls_self: boolean; self_call_spawns: boolean; shadows_program: boolean }[];
  aliases: { name: string; value: string }[];
  loops: { endless: boolean }[];
  pipelines: { id: number; stages: number }[];
  workspace: string;
}
