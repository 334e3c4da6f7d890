// How much of real commands the explainer grounds in a manual, and how fast:
// a fixed-seed sample of NL2Bash commands explained from the host's man pages
// into a fresh store (cold), then again from the store (warm).

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Explainer } from '../../server/src/explainer/explainer';
import { explainerMigrations } from '../../server/src/explainer';
import { ManualCache } from '../../server/src/explainer/manualCache';
import { ManualLibrary } from '../../server/src/explainer/manualLibrary';
import { programName } from '../../server/src/explainer/programShapes';
import type { ExplainPart } from '../../server/src/protocol/types';
import { openDatabase } from '../../server/src/store/database';
import { ms, percentile, type BenchRow } from './row';

const CORPUS = process.env.PALADIN_NL2BASH ?? '/work/shared/benchmarks/nl2bash/all.cm';
const SAMPLE = Number(process.env.PALADIN_EXPLAIN_SAMPLE ?? 500);
const SEED = 20261126;

/** Utilities whose flags count toward the manual-coverage figure. */
const COMMON = new Set(
  ('find grep egrep fgrep ls sort head tail xargs sed awk cut wc tar du df cp mv rm mkdir rmdir chmod chown chgrp cat uniq tr ' +
    'ps kill echo printf date diff ln touch file stat basename dirname readlink realpath gzip gunzip zcat bzip2 xz md5sum sha1sum ' +
    'sha256sum tee paste comm join nl split env nice timeout mktemp seq shuf rev tac fold od ssh scp rsync curl wget git ' +
    'zip unzip which whoami id uname hostname free uptime top pwd cd sleep column expr yes').split(' '),
);

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sample(lines: string[], n: number): string[] {
  const random = mulberry32(SEED);
  const pool = [...lines];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, n);
}

function programOf(parts: ExplainPart[], part: ExplainPart): string | undefined {
  const head = part.program === undefined ? undefined : parts[part.program];
  return head ? programName(head.text) : undefined;
}

export async function bench(): Promise<BenchRow[]> {
  if (!fs.existsSync(CORPUS)) return [{ area: 'explain', metric: 'skipped', value: 0, note: `no corpus at ${CORPUS}` }];
  const commands = sample(
    fs.readFileSync(CORPUS, 'utf8').split('\n').filter((l) => l.trim() !== ''),
    SAMPLE,
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-explain-bench-'));
  const db = openDatabase(path.join(dir, 'bench.db'), { migrations: explainerMigrations });
  const rows: BenchRow[] = [];
  try {
    const cold = new Explainer(new ManualLibrary(new ManualCache(db), { docker: null }));
    const coldTimes: number[] = [];
    const results: { parts: ExplainPart[] }[] = [];
    let parseFailures = 0;
    for (const command of commands) {
      const t = performance.now();
      try {
        results.push(await cold.explain(command));
      } catch {
        parseFailures++;
      }
      coldTimes.push(performance.now() - t);
    }

    let commonFlags = 0;
    let commonExplained = 0;
    let allFlags = 0;
    let allExplained = 0;
    const missed = new Map<string, number>();
    const sources = new Map<string, number>();
    let programs = 0;
    let unknownPrograms = 0;
    for (const { parts } of results) {
      for (const part of parts) {
        sources.set(part.source, (sources.get(part.source) ?? 0) + 1);
        if (part.kind === 'program') {
          programs++;
          if (part.source === 'unknown' || part.source === 'knowledge') unknownPrograms++;
        }
        if (part.kind !== 'flag' || part.source === 'syntax') continue;
        const program = programOf(parts, part);
        const explained = part.source === 'manual' || part.source === 'help';
        allFlags++;
        if (explained) allExplained++;
        if (program && COMMON.has(program)) {
          commonFlags++;
          if (explained) commonExplained++;
          else missed.set(`${program} ${part.text}`, (missed.get(`${program} ${part.text}`) ?? 0) + 1);
        }
      }
    }

    // Warm: the same library (one server process), and a new library per command (a new CLI process reading the store).
    const warmSame: number[] = [];
    const warmStore: number[] = [];
    for (const command of commands) {
      let t = performance.now();
      await cold.explain(command).catch(() => undefined);
      warmSame.push(performance.now() - t);
      const fresh = new Explainer(new ManualLibrary(new ManualCache(db), { docker: null }));
      t = performance.now();
      await fresh.explain(command).catch(() => undefined);
      warmStore.push(performance.now() - t);
    }

    const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);
    const topMissed = [...missed.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, n]) => `${k}×${n}`).join(', ');
    rows.push(
      { area: 'explain', metric: 'sample', value: commands.length, note: `NL2Bash all.cm, seed ${SEED}; ${parseFailures} did not parse as bash` },
      { area: 'explain', metric: 'flags of common utilities explained from a manual', value: pct(commonExplained, commonFlags), note: `${commonExplained}/${commonFlags} (host man pages); goal ≥ 90%; most missed: ${topMissed}` },
      { area: 'explain', metric: 'flags of any program explained from a manual', value: pct(allExplained, allFlags), note: `${allExplained}/${allFlags}` },
      { area: 'explain', metric: 'programs without a manual', value: pct(unknownPrograms, programs), note: `${unknownPrograms}/${programs}` },
      { area: 'explain', metric: 'parts by source', value: [...sources.values()].reduce((a, b) => a + b, 0), note: [...sources.entries()].map(([s, n]) => `${s} ${n}`).join(', ') },
      { area: 'explain', metric: 'cold p50 / p95 (ms)', value: `${ms(percentile(coldTimes, 50))} / ${ms(percentile(coldTimes, 95))}`, note: 'reads and parses man pages into an empty store' },
      { area: 'explain', metric: 'warm, same process p50 / p95 (ms)', value: `${ms(percentile(warmSame, 50))} / ${ms(percentile(warmSame, 95))}`, note: 'goal ≤ 100 ms' },
      { area: 'explain', metric: 'warm, from the store p50 / p95 (ms)', value: `${ms(percentile(warmStore, 50))} / ${ms(percentile(warmStore, 95))}`, note: 'a new process: manuals read from SQLite; goal ≤ 100 ms' },
    );
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
