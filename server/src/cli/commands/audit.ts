// `paladin audit`: check and read the tamper-evident audit log.

import * as fs from 'node:fs';
import type { AuditRow, VerifyReport } from '../../records';
import { verifySharedAudit } from '../sharedAuditVerify';
import type { RecordsStage } from '../../stages';
import { csvLine } from '../../records/csv';
import { Exit, printJson, UsageError, type CliContext, type Subcommand } from '../command';
import { openRecords } from '../openRecords';
import { inertText, writeExport } from './exportFile';

const help = `Usage:
  paladin audit verify [--json]
  paladin audit export [--format json|csv] [--output FILE]
  paladin audit tail [-n N] [--follow] [--json]
  paladin audit checkpoint

The audit log holds one record per action (plan, check, policy decision,
approval, run start and end, apply, key changes, refused API requests), each
chained to the one before by SHA-256, with secrets masked.

  verify      walks the chain and the keyed checkpoints; prints "intact, N
              records" and exits 0, or names the first broken link (a record
              changed, deleted, reordered, or the tail cut off) and exits 1
              (with a team database, PALADIN_DATABASE_URL, the shared chain
              every instance appends to, with the team's audit key file)
  export      every record in order, as JSON (an array) or CSV
  tail        the last N records (default 20); --follow keeps printing new
              ones until Ctrl-C
  checkpoint  vouch for the current head now (also done automatically every
              paladin.audit.checkpointEvery records)
`;

function printVerify(ctx: CliContext, report: VerifyReport, json: boolean): number {
  if (json) printJson(ctx, report);
  else {
    for (const w of report.warnings) ctx.err.write(`warning: ${w}\n`);
    if (report.intact) ctx.out.write(`intact, ${report.records} records (${report.checkpoints} checkpoints, ${report.ms.toFixed(0)} ms)\n`);
    else ctx.out.write(`BROKEN at record #${report.firstBroken!.seq} (${report.firstBroken!.kind}): ${report.firstBroken!.message}\n`);
  }
  return report.intact ? Exit.ok : Exit.failure;
}

function describe(row: AuditRow): string {
  return `#${row.seq}  ${row.timestamp}  ${(row.source ?? '-').padEnd(6)} ${row.action.padEnd(18)} ${row.resource ?? ''}  ${inertText(row.details)}\n`;
}

function parsed(row: AuditRow): Record<string, unknown> {
  return { ...row, details: JSON.parse(row.details) as unknown };
}

export const auditCommand: Subcommand = {
  name: 'audit',
  summary: 'verify, export and tail the tamper-evident audit log',
  help,
  allowPositionals: true,
  options: { json: { type: 'boolean' }, format: { type: 'string' }, output: { type: 'string' }, n: { type: 'string', short: 'n' }, follow: { type: 'boolean' } },
  async run(ctx, { values, positionals }) {
    const [action, ...extra] = positionals;
    if (!action || !['verify', 'export', 'tail', 'checkpoint'].includes(action)) throw new UsageError(`say what to do: verify, export, tail or checkpoint${action ? ` (not "${action}")` : ''}`);
    if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
    // With a team database the log to verify is the shared chain, not this machine's.
    if (action === 'verify' && ctx.settings.database.url) return printVerify(ctx, await verifySharedAudit(ctx.settings, ctx.signal), values.json === true);
    const store = openRecords(ctx.settings);
    const { records } = store;
    try {
      if (action === 'verify') return printVerify(ctx, await records.verifyAudit({ signal: ctx.signal }), values.json === true);
      if (action === 'checkpoint') {
        // Signing the head is the local log's own maintenance, not a read.
        const cp = records.auditLog.checkpoint();
        if (values.json) printJson(ctx, cp ?? null);
        else ctx.out.write(cp ? `Checkpoint of record #${cp.seq} (${cp.hash}).\n` : 'The audit log is empty; nothing to vouch for.\n');
        return Exit.ok;
      }
      if (action === 'export') {
        const format = typeof values.format === 'string' ? values.format : 'json';
        if (format !== 'json' && format !== 'csv') throw new UsageError(`--format must be json or csv, not "${format}"`);
        const columns: (keyof AuditRow)[] = ['seq', 'id', 'timestamp', 'user_id', 'source', 'ip_address', 'action', 'resource', 'details', 'prev_hash', 'hash'];
        await writeExport(ctx, typeof values.output === 'string' ? values.output : undefined, (async function* () {
          if (format === 'csv') {
            yield csvLine(columns);
            for await (const row of allRows(records)) yield csvLine(columns.map((c) => row[c]));
            return;
          }
          let first = true;
          yield '[';
          for await (const row of allRows(records)) {
            yield (first ? '\n' : ',\n') + JSON.stringify(parsed(row));
            first = false;
          }
          yield first ? ']\n' : '\n]\n';
        })());
        return Exit.ok;
      }
      const n = typeof values.n === 'string' ? Number(values.n) : 20;
      if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new UsageError(`-n must be a whole number from 1 to 100000, not "${String(values.n)}"`);
      const print = (rows: AuditRow[]) => {
        for (const row of rows) ctx.out.write(values.json ? JSON.stringify(parsed(row)) + '\n' : describe(row));
      };
      const last = await records.auditRows({ last: n });
      print(last);
      if (values.follow) await follow(ctx, store.db.name, last.at(-1)?.seq ?? 0, async (after) => {
        const rows = await records.auditRows({ afterSeq: after, limit: 1000 });
        print(rows);
        return rows.at(-1)?.seq ?? after;
      });
      return Exit.ok;
    } finally {
      store.close();
    }
  },
};

/** Every audit row in order, read in pages. */
async function* allRows(records: RecordsStage, pageSize = 5_000): AsyncGenerator<AuditRow> {
  for (let after = Number.MIN_SAFE_INTEGER; ; ) {
    const rows = await records.auditRows({ afterSeq: after, limit: pageSize });
    yield* rows;
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1].seq;
  }
}

/**
 * Print new records as other processes commit them, until Ctrl-C. Woken by
 * writes to the database's files; a write to the WAL can be seen a moment
 * before its commit is visible, so each wake-up reads again shortly after,
 * and a slow poll catches anything a watcher missed.
 */
async function follow(ctx: CliContext, dbPath: string, seq: number, readAfter: (seq: number) => Promise<number>): Promise<void> {
  const dir = fs.realpathSync(dbPath.replace(/\/[^/]*$/, '') || '.');
  const base = dbPath.replace(/^.*\//, '');
  let last = seq;
  // One read at a time, in order: a record is never printed twice.
  let reading = Promise.resolve();
  const read = () => {
    reading = reading.then(async () => {
      last = await readAfter(last);
    }).catch((err: Error) => void ctx.err.write(`paladin audit: ${err.message}\n`));
  };
  let again: NodeJS.Timeout | undefined;
  await new Promise<void>((resolve) => {
    const watcher = fs.watch(dir, (_event, name) => {
      if (!name || !String(name).startsWith(base)) return;
      read();
      clearTimeout(again);
      again = setTimeout(read, 100);
    });
    const poll = setInterval(read, 2_000);
    const stop = () => {
      watcher.close();
      clearInterval(poll);
      clearTimeout(again);
      void reading.then(resolve);
    };
    if (ctx.signal.aborted) stop();
    ctx.signal.addEventListener('abort', stop, { once: true });
  });
}
