// The Rego file a `paladin policy ... add FILE` command names, read whole; a
// file that cannot be read is the caller's mistake, so it is a usage error.

import * as fs from 'node:fs';
import { UsageError } from './command';

export function readRegoFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as Error).message}`);
  }
}
