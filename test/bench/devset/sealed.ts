// The request sets that are measured but never tuned on: the held-out split
// and the second set of fresh wordings. Each is sealed by a sha256 file beside
// it, so an edit (a request fixed after its failure was seen) is caught before
// the set is run, and the failure lister refuses them, so nobody reads which
// of their requests fail.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The sealed sets, by file name in this folder. */
export const SEALED_SETS = ['heldout.json', 'fresh2.json'] as const;

/** Is this request file one of the sealed sets (by its name, wherever it was named from)? */
export function isSealed(file: string): boolean {
  return (SEALED_SETS as readonly string[]).includes(path.basename(file));
}

/**
 * The path of a sealed set, refused when the set no longer matches the hash
 * it was sealed with (NAME.json is sealed by NAME.sha256 beside it).
 */
export function sealedFile(name: string, dir = __dirname): string {
  const file = path.join(dir, name);
  const sealFile = path.join(dir, `${path.basename(name, '.json')}.sha256`);
  const sealed = fs.readFileSync(sealFile, 'utf8').split(/\s+/)[0];
  const actual = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  if (sealed !== actual) throw new Error(`${name} does not match ${path.basename(sealFile)} (${actual.slice(0, 12)} ≠ ${sealed.slice(0, 12)}): the sealed set was edited`);
  return file;
}
