// Whether an archive or compression program fits the file it is given and the
// words of the request: tar reads tarballs, not a compressed log; a plain
// reader prints a compressed file as noise; an order to gzip, gunzip or bzip2
// a file replaces it unless keeping the original is asked for; "how big
// would the tarball be" is the size of an archive, not of a folder.

import type { KnowledgeEntry } from './corpus';
import type { RequestFacts } from './requestFacts';
import { DECOMPRESS, TO_SCREEN } from './shownThings';

// "extract the tar.gz": a kind named alone is a tarball too.
const tarball = /(?:^|\.)tar\.(?:gz|bz2|xz|zst)$|\.(?:tar|tgz|tbz2?|txz)$/i;
/** Compressed as one stream: gzip, bzip2, xz and zstd files that are not tarballs. */
const compressed = /\.(?:gz|bz2|xz|zst|z)$/i;
const keepWords = /\b(keep\w*|kept|retain\w*|preserv\w*|leav\w*|original\w*|intact|without (?:deleting|removing|losing|replacing|touching)|(?:don'?t|do not|never) (?:delete|remove|replace|lose|touch)|also|as well|copy|-k)\b/;
const packedWords = /\b(compress\w*|tar\w*|archiv\w*|g?zip\w*|packed|bundle\w*|bzip\w*|xz)\b/;
// Programs that can take a file's name and keep or replace it.
const keeping = /^(gzip|gunzip|bzip2|bunzip2|xz|unxz) -k\b/;
const replacing = /^(gzip|gunzip|bzip2|bunzip2|xz|unxz) \{/;

const decompressedToScreen = new RegExp(String.raw`\b(?:${DECOMPRESS})\w*\b.{0,80}${TO_SCREEN}`);

/** Added to a candidate's score: negative when the archive program cannot read what it is given or does more or less than asked. */
export function archiveFit(entry: Pick<KnowledgeEntry, 'template'>, values: Record<string, string>, facts: RequestFacts): number {
  const template = entry.template;
  const given = Object.values(values).map((v) => v.replace(/^'|'$/g, ''));
  let score = 0;
  // tar cannot list or unpack app.log.gz: that is one compressed file, no tarball.
  if (/^(?:mkdir -p \S+ && )?tar -\w*[txd]/.test(template) && given.some((v) => compressed.test(v) && !tarball.test(v)) && !given.some((v) => tarball.test(v))) score -= 0.3;
  // cat, head or grep of a compressed file prints its bytes; zcat and zgrep read what it holds.
  // A name that says it is compressed is read so even when the workspace does not have it.
  if (/^(cat|head|tail|less|more|grep|wc|sort|awk|sed|cut|column|strings|nl|uniq|tr|fold|paste|join|rev|tac)\b/.test(template)) {
    const packed = given.filter((v) => compressed.test(v) || tarball.test(v) || /\.zip$/i.test(v));
    if (packed.some((v) => facts.ws.files.has(v))) score -= 0.25;
    else if (packed.length > 0) score -= 0.15;
  }
  // unzip reads zip files only: a gzip, bzip2 or xz file or a tarball is not one.
  if (/^(?:mkdir -p \S+ && )?unzip\b/.test(template) && given.some((v) => compressed.test(v) || tarball.test(v)) && !given.some((v) => /\.zip$/i.test(v))) score -= 0.3;
  // "decompress logs.gz to standard output": zcat prints what it holds; gzip -l prints only its sizes.
  if (decompressedToScreen.test(facts.lower) && given.some((v) => compressed.test(v) && !tarball.test(v))) {
    if (/^(?:zcat|gzip -d?c|gunzip -c)\b/.test(template)) score += 0.3;
    else if (/^(?:gzip|unzip|bzip2|xz) -l\b/.test(template)) score -= 0.2;
  }
  // zcat of a tarball prints the members' bytes run together: its listing is tar's.
  if (/^(zcat|gunzip -c)\b/.test(template) && given.some((v) => tarball.test(v)) && /\b(list\w*|contents?|inside|members?|files?|what is in)\b/.test(facts.lower)) score -= 0.2;
  if (keeping.test(template)) score += keepWords.test(facts.lower) ? 0.1 : -0.12;
  else if (replacing.test(template) && keepWords.test(facts.lower)) score -= 0.12;
  // Packing an archive into another one is not what a question about it asks.
  if (/^tar -c\w*f - /.test(template) && given.some((v) => tarball.test(v) || compressed.test(v))) score -= 0.3;
  // "how big would it be as a tarball": the size of an archive made on the fly is asked in words about packing.
  if (/^tar -c\w*f - /.test(template) && /\bwc -c\b/.test(template) && !packedWords.test(facts.lower.replace(/\b(?:back ?up|backups?)\b/g, ''))) score -= 0.3;
  return score;
}
