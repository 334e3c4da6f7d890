// Shared by `history export` and `audit export`: stream text to stdout or to
// a file readable by its owner only (exports can hold commands and outputs).

import { once } from 'node:events';
import * as fs from 'node:fs';
import type { CliContext } from '../command';

export async function writeExport(ctx: CliContext, file: string | undefined, chunks: Iterable<string> | AsyncIterable<string>): Promise<void> {
  if (!file) {
    for await (const chunk of chunks) if (!ctx.out.write(chunk)) await once(ctx.out as unknown as NodeJS.EventEmitter, 'drain');
    return;
  }
  const out = fs.createWriteStream(file, { mode: 0o600 });
  const failed = once(out, 'error').then(([err]) => {
    throw new Error(`Cannot write the export to ${file}: ${(err as Error).message}`);
  });
  failed.catch(() => undefined);
  const finished = once(out, 'finish');
  for await (const chunk of chunks) if (!out.write(chunk)) await Promise.race([once(out, 'drain'), failed]);
  out.end();
  await Promise.race([finished, failed]);
}

/** Terminal escapes (ANSI, OSC) and other control characters shown as text, never obeyed. */
export { inertForTerminal as inertText } from '../../records/terminalText';
