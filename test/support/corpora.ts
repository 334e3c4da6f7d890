// Reads the command corpora in test/corpora/: one command per line, groups
// started by "# ecosystem: NAME", other "#" lines are comments, and ⏎ stands
// for a newline inside a command (here-documents).
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface CorpusEntry {
  ecosystem: string;
  command: string;
  line: number;
}

export const CORPORA_DIR = path.resolve(__dirname, '..', 'corpora');

export function readCorpus(name: 'everyday' | 'destructive'): CorpusEntry[] {
  const file = path.join(CORPORA_DIR, `${name}.txt`);
  const entries: CorpusEntry[] = [];
  let ecosystem = '';
  fs.readFileSync(file, 'utf8').split('\n').forEach((raw, i) => {
    const line = raw.trimEnd();
    const group = /^#\s*ecosystem:\s*(\S.*)$/.exec(line);
    if (group) ecosystem = group[1].trim();
    if (line.trim() === '' || line.startsWith('#')) return;
    if (!ecosystem) throw new Error(`${file}:${i + 1}: a command before any "# ecosystem: NAME" line`);
    entries.push({ ecosystem, command: line.split('⏎').join('\n'), line: i + 1 });
  });
  return entries;
}

export function byEcosystem(entries: CorpusEntry[]): Map<string, CorpusEntry[]> {
  const m = new Map<string, CorpusEntry[]>();
  for (const e of entries) m.set(e.ecosystem, [...(m.get(e.ecosystem) ?? []), e]);
  return m;
}
