// The folder a request packs: "tar up src as src.tar", "compress src into
// pack.tar.gz", "put docs into a zip file", "make a tarball of the build
// folder". An archive of the whole workspace (`tar -cf src.tar .`) packs far
// more than that, and a search for a kind of file (`find . -name '*.log'`
// for "compress logs into pack.tar.gz") packs something else.

import { escapeRegExp } from './corpus';
import type { Fact, RequestFacts } from './requestFacts';

const packing = String.raw`(?:tar(?:\s+up)?|archive|pack(?:\s+up)?|zip(?:\s+up)?|compress|bundle|back\s+up|(?:make|create|build)\s+an?\s+(?:tar ?ball|tar\s+(?:archive|file)|zip(?:\s+(?:archive|file))?|archive|backup)\s+(?:of|from|with))`;
const object = String.raw`\s+(?:the\s+|my\s+|our\s+)?(?:(?:whole|entire)\s+)?(?:contents\s+of\s+(?:the\s+)?)?((?:folder|directory|dir)\s+)?([\w.-]+(?:/[\w.-]+)*)(/)?(\s+(?:folder|directory|dir)\b)?`;

/** Folders the request packs into an archive, as written; only names it says are folders, or that the workspace has as folders. */
export function packedFolders(facts: RequestFacts): Fact[] {
  const out: Fact[] = [];
  // "the archive folder", "my backup folder": a noun after an article names a folder, it packs nothing.
  const said = [new RegExp(String.raw`(?<!\b(?:the|my|our|your|this|that|an?)\s+)\b${packing}${object}`, 'gi'), new RegExp(String.raw`\bput${object}\s+(?:in|into)\s+an?\s+(?:zip|tar ?ball|tar|archive)\b`, 'gi')];
  for (const re of said) {
    for (const m of facts.text.matchAll(re)) {
      const [, before, name, slash, after] = m;
      if (/\.(?:tar|gz|tgz|zip|bz2|xz|7z)$/i.test(name) || /^(?:it|them|this|that|these|those|everything|all|files?|up|folder|directory|to|into|in|from|onto|with|as|and|or)$/i.test(name)) continue;
      const at = m.index + m[0].indexOf(name, (before ? m[0].indexOf(before) + before.length : 0));
      if ((before || after || slash || facts.ws.dirs.has(name)) && !out.some((f) => f.value === name)) out.push({ value: name, at, raw: name });
    }
  }
  return out;
}

// "make a tarball", "create a zip file", "tar up src": an archive is what is asked for.
const asksForArchive = /\b(?:make|create|build|produce)\s+an?\s+(?:(?:new|compressed|gzipped)\s+)?(?:tar ?ball|tar\s+(?:archive|file)|zip\s+(?:archive|file)|zip|archive)\b(?![^.;]{0,40}\b(?:from|out of)\s+(?:the\s+)?(?:backup|existing))|\b(?:tar|zip)\s+up\b/;

// A command that makes an archive: tar creating, zip, 7z adding.
const makesArchive = /(?:^|[|;&]\s*|\s)(?:tar\s+(?:--?\S+\s+)*-?[A-Za-z]*c|zip\s|7za?\s+a\s)/;

/**
 * "tar up src as src.tar" planned as `tar -cf src.tar .`, or "compress logs
 * into pack.tar.gz" as a gzip of every .log file: a plan that leaves out the
 * folder the request packs; "make a tarball of docs" with no archive made
 * at all. And "archive docs as pack.tar.gz" planned as
 * `zip -r pack.tar.gz docs`: an archive whose format is not its name's.
 */
export function packedFolderDropped(packed: readonly string[] | undefined, words: string, command: string): string[] {
  if (/<\w+>/.test(command)) return [];
  const out: string[] = [];
  // "make a tarball of docs" planned as `ln -s docs site.tar`: no archive made at all.
  if (asksForArchive.test(words) && !makesArchive.test(command)) out.push('it makes no archive, but the request asks for one');
  const missing = (packed ?? []).filter((p) => !new RegExp(String.raw`(?:^|[\s'"/=])(?:\./)?${escapeRegExp(p)}(?:/|['"\s]|$)`).test(command));
  if (missing.length > 0) out.push(`it does not pack ${missing.join(', ')}, the folder the request puts in the archive`);
  const zipNamedTar = /(?:^|[|;&]\s*)zip\s+(?:-\S+\s+)*['"]?\S*\.(?:tar(?:\.\w+)?|tgz|tbz2?)['"]?(?:\s|$)/.exec(command);
  const tarNamedZip = /(?:^|[|;&]\s*)tar\s+(?:-\S+\s+)*-?[A-Za-z]*c[A-Za-z]*f\s+['"]?\S*\.zip['"]?(?:\s|$)/.exec(command);
  if (zipNamedTar) out.push('it writes a zip archive under the name of a tar archive');
  if (tarNamedZip) out.push('it writes a tar archive under the name of a zip archive');
  return out;
}

/** A template that makes an archive of what its path slot names. */
export function makesArchiveOf(template: string): boolean {
  return makesArchive.test(template);
}
