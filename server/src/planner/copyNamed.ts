// "the backed-up notes.txt", "notes.txt's backup", "the notes.txt backup",
// "the old copy of main.ts": a copy of a file, named by the file it copies.
// The file itself is the one thing such a request does not touch, and the
// folder that holds the copy is not the copy, whatever the act: a delete, a
// chmod, a sed -i or a gzip of the live file is as wrong as its delete.
import type { CommandFact } from '../policy/factsTypes';
import type { PathFact } from '../policy/paths';
import type { Intent } from './intent';
import { programOf } from './selectionChecks';

// Programs that change the very files they are given (`chmod 600 f`, `sed -i … f`, `gzip f`), not a copy elsewhere.
const inPlace = /^(?:chmod|chown|chgrp|setfacl|chattr|sed|perl|awk|gawk|ex|truncate|touch|shred|dos2unix|unix2dos)$/;
const compressors = /^(?:gzip|bzip2|xz|zstd|lz4|pigz|compress)$/;

/** What each command deletes, changes in place or compresses: the files an act of any kind takes or alters, not where a copy goes. */
export function pathsChanged(commands: CommandFact[]): PathFact[] {
  return commands.flatMap((c) => [...c.deletes, ...(inPlace.test(programOf(c)) ? c.writes : []), ...(compressors.test(programOf(c)) ? c.reads : [])]);
}

const file = String.raw`([\w@+-][\w.@+-]*\.\w{1,8})`;
const copyOf = [
  new RegExp(String.raw`\bthe\s+backed[- ]?up\s+${file}`),
  new RegExp(String.raw`(?:^|\s)${file}'s\s+(?:old\s+|previous\s+|last\s+)?(?:backup|copy|duplicate)\b`),
  new RegExp(String.raw`\bthe\s+${file}\s+(?:backup|copy|duplicate)\b(?!\s+(?:folder|directory|dir)\b)`),
  new RegExp(String.raw`\b(?:the|an?)\s+(?:old\s+|older\s+|previous\s+|backup\s+|backed[- ]?up\s+)?(?:backup|copy|duplicate|version)\s+(?:copy\s+)?of\s+${file}`),
];

/** The file whose copy the request names, if it names one that way. */
export function copiedFile(words: string): string | undefined {
  for (const re of copyOf) {
    const m = re.exec(words);
    if (m) return m[1];
  }
  return undefined;
}

/**
 * `rm -- notes.txt` or `bzip2 notes.txt` for "delete the backed-up
 * notes.txt", `rsync -a --delete old/ backup/` or `rm -r backup` for "get rid
 * of the old copy of main.ts in backup": the live file, or a whole folder,
 * changed for its copy.
 */
export function liveForCopy(intent: Intent, commands: CommandFact[]): string[] {
  const name = copiedFile(intent.words);
  if (!name) return [];
  for (const p of pathsChanged(commands)) {
    const path = (p.resolved || p.path).replace(/^["'`]|["'`]$/g, '').replace(/^(?:\.\/)+/, '').replace(/\/+$/, '') || '.';
    const base = (path.split('/').pop() ?? path).toLowerCase();
    if (path.toLowerCase() === name) return [`it changes ${path}, but the request names a copy of it`];
    // `find . -name notes.txt -delete`: every file of that name, the one at the top among them.
    if (p.dynamic || p.glob) {
      if (path === '.') return [`it deletes what it finds across the workspace, ${name} itself among them, but the request names only a copy of it`];
      // `find old -name backup …` for "the old copy of main.ts in backup": what it picks is not named after the file.
      if (!commands.some((c) => c.args.some((a) => a.toLowerCase().includes(name)))) return [`it deletes what it finds in ${path}, but the request names only a copy of ${name}`];
    } else if (!base.startsWith(name) && !/\.(?:bak|orig|old)$|~$/.test(base)) return [`it changes ${path}, but the request names only a copy of ${name}`];
  }
  return [];
}

// Programs that write only by resizing, stamping, making or re-moding what they are given: no copy comes of them.
const noCopy = /^(?:truncate|fallocate|touch|mkdir|chmod|chown|chgrp|setfacl|chattr)$/;

/** "copy test to every folder like ./fs*" planned as `truncate -s 100M test`: a plan whose every write only resizes, stamps or makes a file copies nothing. */
export function copiesNothing(intent: Intent, commands: CommandFact[]): string[] {
  if (!/^(?:copy|cp|duplicate|make (?:a |an )?(?:\w+ )?cop(?:y|ies)|back ?up)$/.test(intent.cues.create ?? '')) return [];
  const writers = commands.filter((c) => c.writes.length + c.deletes.length > 0 || c.redirects.some((r) => r.kind === 'write' || r.kind === 'append'));
  return writers.length > 0 && writers.every((c) => noCopy.test(programOf(c)) && c.redirects.length === 0) ? [`it copies nothing (${programOf(writers[0])}), but the request asks to ${intent.cues.create}`] : [];
}
