// `npm run bench`: runs every test/bench/*.bench.ts and prints one table.
// Each bench module exports `bench(): Promise<BenchRow[]>`. Figures only:
// nothing here passes or fails.
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchRow } from './row';

async function main(): Promise<void> {
  const filter = process.argv[2];
  const dir = path.dirname(new URL(import.meta.url).pathname);
  const modules = readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter))).sort();
  const rows: BenchRow[] = [];
  for (const file of modules) {
    const started = Date.now();
    process.stderr.write(`bench: ${file} ...\n`);
    try {
      const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { bench(): Promise<BenchRow[]> };
      rows.push(...(await mod.bench()));
    } catch (err) {
      rows.push({ area: file.replace('.bench.ts', ''), metric: 'error', value: (err as Error).message.split('\n')[0] });
    }
    process.stderr.write(`bench: ${file} done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
  const widths = [
    Math.max(4, ...rows.map((r) => r.area.length)),
    Math.max(6, ...rows.map((r) => r.metric.length)),
    Math.max(5, ...rows.map((r) => String(r.value).length)),
  ];
  const line = (a: string, b: string, c: string, d: string) => `| ${a.padEnd(widths[0])} | ${b.padEnd(widths[1])} | ${c.padStart(widths[2])} | ${d}`;
  console.log(line('area', 'metric', 'value', 'note'));
  console.log(`|${'-'.repeat(widths[0] + 2)}|${'-'.repeat(widths[1] + 2)}|${'-'.repeat(widths[2] + 2)}|------`);
  for (const r of rows) console.log(line(r.area, r.metric, String(r.value), r.note ?? ''));
}

void main();
