// The shared kernel: what every stage and every front may use without depending
// on the composition root (paladin.ts) — the request error, and the checks of a
// command and of a workspace folder that all fronts apply the same way.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { protectedFolders, protectedReason } from './gateway/workspaceGrant';
import type { RequestErrorCode } from './protocol/errors';
import { MAX_COMMAND_CHARS } from './protocol/limits';

export { MAX_COMMAND_CHARS, MAX_REQUEST_CHARS } from './protocol/limits';

/** A request that cannot be served as asked; the message says what to do. */
export class RequestError extends Error {
  override name = 'RequestError';
  constructor(
    message: string,
    readonly code: RequestErrorCode = 'invalid',
  ) {
    super(message);
  }
}

export function validateCommand(command: string): void {
  if (typeof command !== 'string' || command.trim() === '') throw new RequestError('The command is empty: give a shell command, e.g. "ls -la".');
  if (command.length > MAX_COMMAND_CHARS) throw new RequestError(`The command is ${command.length} characters long; the limit is ${MAX_COMMAND_CHARS}.`);
}

/**
 * The real path of a workspace folder. System folders, other users' homes and
 * Paladin's data folder (`dataDirs`) are refused for everyone, compared by
 * real path so a link to them is refused too.
 */
export function resolveWorkspace(dir: string | undefined, dataDirs: readonly string[] = []): string {
  const resolved = path.resolve(dir ?? process.cwd());
  let stat: fs.Stats;
  try {
    stat = fs.statSync(resolved);
  } catch {
    throw new RequestError(`The workspace folder ${resolved} does not exist. Pass an existing folder (--workspace DIR).`);
  }
  if (!stat.isDirectory()) throw new RequestError(`The workspace ${resolved} is not a folder. Pass a folder (--workspace DIR).`);
  const real = fs.realpathSync(resolved);
  const refused = protectedReason(real, protectedFolders({ dataDirs }));
  if (refused) throw new RequestError(`Paladin will not use this workspace: ${refused}.`, 'forbidden');
  return real;
}
