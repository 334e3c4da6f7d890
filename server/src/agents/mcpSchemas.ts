// The JSON Schemas of Paladin's MCP tools, written as zod shapes (the form
// the MCP SDK takes and publishes as JSON Schema). Outputs are loose objects:
// a newer server may add fields without breaking a client that validates.

import * as z from 'zod';
import { MAX_COMMAND_CHARS, MAX_REQUEST_CHARS } from '../protocol/limits';

const command = z.string().min(1).max(MAX_COMMAND_CHARS).describe('The shell command (bash), exactly as it would be typed.');
const workspace = z.string().min(1).max(4096).optional().describe('Folder the command works in; default: the folder this server was started in. Must lie under a folder granted to this server.');

const mode = z.enum(['ro', 'snapshot', 'live']).optional();
export const checkInput = {
  command,
  workspace,
  mode: mode.describe('The sandbox mode to judge a run in (the sandbox verdict); default: ro for read-only commands, snapshot otherwise.'),
  network: z.boolean().optional().describe('Judge a run with network access.'),
};
export const explainInput = { command, workspace };
export const runInput = {
  command,
  workspace,
  mode: mode.describe('ro: the workspace read-only; snapshot: a copy, changes kept for apply; live: the real folder read-write (needs a person\'s approval). Default: ro for read-only commands, snapshot otherwise.'),
  network: z.boolean().optional().describe('Give the container network access (needs a person\'s approval).'),
  timeoutSeconds: z.number().int().min(1).max(3600).optional().describe('Wall-clock limit of the run.'),
};
export const applyInput = {
  runId: z.string().min(1).max(128).describe('The runId of a finished snapshot run.'),
  includeSensitive: z.boolean().optional().describe('Also write into .git/ and .vscode/.'),
};
export const discardInput = { runId: applyInput.runId };
export const planInput = {
  request: z.string().min(1).max(MAX_REQUEST_CHARS).describe('What should be done, in plain words.'),
  workspace,
};
export const historyInput = {
  limit: z.number().int().min(1).max(200).optional().describe('At most this many entries, newest first (default 20).'),
  source: z.string().regex(/^[a-z][a-z-]*(:[\w .@/+-]{1,64})?$/).optional().describe('Only entries from this source: editor, cli, api, mcp, claude-code, gemini, cursor, lm-tool (mcp also matches mcp:<client>).'),
  search: z.string().max(500).optional().describe('Only entries whose request or command contains this text.'),
};

const rule = z.looseObject({ id: z.string(), severity: z.enum(['deny', 'ask']), reason: z.string() });
const sandbox = z.looseObject({ needsApproval: z.boolean(), reasons: z.array(z.string()) });
const decision = z.enum(['allow', 'ask', 'deny']);

export const checkOutput = {
  decision,
  rules: z.array(rule),
  reasons: z.array(z.string()),
  risk: z.looseObject({ reads: z.array(z.string()), writes: z.array(z.string()), deletes: z.array(z.string()), network: z.boolean(), privilege: z.boolean() }),
  sandbox,
  policyVersion: z.string(),
};
export const runOutput = {
  runId: z.string(),
  historyId: z.string().optional(),
  end: z.string().describe('exited, timeout, memory limit, output limit, cancelled or sandbox error'),
  exitCode: z.number().int().nullable(),
  mode: z.string(),
  stdout: z.string().describe('The tail of the output (the whole of it is kept in Paladin\'s history).'),
  stderr: z.string(),
  truncated: z.boolean(),
  changes: z.array(z.looseObject({ path: z.string(), kind: z.string() })).describe('Files a snapshot run changed in its copy; apply or discard them.'),
  decision,
};
export const applyOutput = {
  applied: z.array(z.string()),
  skipped: z.array(z.looseObject({ path: z.string(), reason: z.string() })),
};
export const discardOutput = { runId: z.string(), discarded: z.boolean() };
export const explainOutput = {
  summary: z.string(),
  parts: z.array(z.looseObject({ kind: z.string(), text: z.string(), explanation: z.string() })),
  decision,
  reasons: z.array(z.string()),
};
export const planOutput = {
  command: z.string(),
  reasoning: z.string(),
  planner: z.string(),
  decision,
  reasons: z.array(z.string()),
  historyId: z.string().optional(),
};
export const historyOutput = {
  entries: z.array(
    z.looseObject({
      id: z.string(),
      createdAt: z.string(),
      source: z.string(),
      command: z.string(),
      status: z.string(),
      exitCode: z.number().int().nullable(),
    }),
  ),
};
