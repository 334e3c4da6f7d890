// Parsed manuals kept in the store, so that explaining a command a second time
// reads no man page and starts no container. A row is keyed by the program,
// where its manual came from (the sandbox image by name, or the host) and that
// source's version (the image id; the man page file's path, size and time), so
// a rebuilt image or an upgraded package is read afresh. A row also records
// "nothing found", which is as worth remembering as a manual.

import type { Db } from '../store/database';
import type { Migration } from '../store/migrations';
import { MANUAL_PARSER_VERSION, type Manual } from './manualParse';

export const manualCacheMigrations: Migration[] = [
  {
    id: 400,
    name: 'explainer manual cache',
    up: `
      CREATE TABLE explainer_manuals (
        program TEXT NOT NULL,
        source TEXT NOT NULL,
        version TEXT NOT NULL,
        parser INTEGER NOT NULL,
        found INTEGER NOT NULL CHECK (found IN (0, 1)),
        manual TEXT,
        fetched_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        PRIMARY KEY (program, source, version)
      );
    `,
  },
];

export type CachedManual = { found: false } | { found: true; manual: Manual };

export class ManualCache {
  private readonly select;
  private readonly upsert;

  constructor(db: Db) {
    this.select = db.prepare('SELECT found, manual, parser FROM explainer_manuals WHERE program = ? AND source = ? AND version = ?');
    this.upsert = db.prepare('INSERT OR REPLACE INTO explainer_manuals (program, source, version, parser, found, manual) VALUES (?, ?, ?, ?, ?, ?)');
  }

  /** The cached result, or undefined when this program was never looked up in this source and version. */
  get(program: string, source: string, version: string): CachedManual | undefined {
    const row = this.select.get(program, source, version) as { found: number; manual: string | null; parser: number } | undefined;
    if (!row || row.parser !== MANUAL_PARSER_VERSION) return undefined;
    if (!row.found || !row.manual) return { found: false };
    try {
      return { found: true, manual: JSON.parse(row.manual) as Manual };
    } catch {
      return undefined;
    }
  }

  put(program: string, source: string, version: string, manual: Manual | null): void {
    this.upsert.run(program, source, version, MANUAL_PARSER_VERSION, manual ? 1 : 0, manual ? JSON.stringify(manual) : null);
  }
}
