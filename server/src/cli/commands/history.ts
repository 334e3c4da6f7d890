// `paladin history`: what Paladin planned and ran, kept apart from the
// shell's own history.

import * as fs from 'node:fs';
import { MASK } from '../../records/secretMask';
import { describeNetwork } from '../../protocol/networkText';
import { historyColumns, historyStatuses, type HistoryEntry, type HistoryFilter } from '../../records';
import { csvLine } from '../../records/csv';
import { parseSince } from '../../records/timeSpec';
import { RequestError } from '../../kernel';
import { Exit, printJson, UsageError, type CliContext, type Subcommand } from '../command';
import { openRecords } from '../openRecords';
import { inertText, writeExport } from './exportFile';

const help = `Usage:
  paladin history [--search TEXT] [--status S] [--source S] [--since D] [--limit N] [--json]
  paladin history export [--format json|csv] [--output FILE] [filters]
  paladin history show ID [--json]
  paladin history rerun ID [--same] [--yes] [--workspace DIR] [--json]

Every plan and run Paladin made, newest first: the request, the command, the
policy's decision, how the run ended, its exit code and duration. ID may be a
unique prefix of an entry's id (at least 4 characters).

  show     one entry in full, with the run's output if it is still kept
  export   all matching entries as JSON (an array) or CSV, to stdout or FILE
           (written readable by you only)
  rerun    plans the entry's request again and checks the new command under
           the current policy before running it; --same runs the recorded
           command instead, still checked again. Nothing is replayed blindly.

Options:
  --search TEXT   entries whose request or command contains TEXT
  --status S      one of: ${historyStatuses.join(', ')}
  --source S      where it came from: editor, cli, api, mcp, claude-code, gemini,
                  cursor, lm-tool (mcp also matches mcp:<client name>)
  --since D       a span back from now (90m, 12h, 7d, 2w) or a date (2026-11-01)
  --limit N       at most N entries (default 50 for the list, all for export)
  --format F      json (default) or csv, for export
  --output FILE   write the export to FILE instead of stdout
  --yes           approve a command the policy says to ask about (rerun)
  --workspace DIR folder to run in (rerun; default: the entry's workspace)
  --json          machine-readable output
`;

function filterFrom(values: Record<string, unknown>, defaultLimit?: number): HistoryFilter {
  const filter: HistoryFilter = {};
  if (typeof values.search === 'string') filter.search = values.search;
  if (typeof values.status === 'string') {
    if (!(historyStatuses as readonly string[]).includes(values.status)) throw new UsageError(`--status must be one of ${historyStatuses.join(', ')}, not "${values.status}"`);
    filter.status = values.status;
  }
  if (typeof values.source === 'string') {
    if (!/^[a-z][a-z-]*(:[\w .@/+-]{1,64})?$/.test(values.source)) throw new UsageError(`--source must be a source name such as mcp, claude-code or cli (optionally source:client), not "${values.source}"`);
    filter.source = values.source;
  }
  if (typeof values.since === 'string') {
    try {
      filter.since = parseSince(values.since);
    } catch (err) {
      throw new UsageError(`--since: ${(err as Error).message}`);
    }
  }
  if (typeof values.limit === 'string') {
    const n = Number(values.limit);
    if (!Number.isInteger(n) || n < 1 || n > 1_000_000) throw new UsageError(`--limit must be a whole number from 1 to 1000000, not "${values.limit}"`);
    filter.limit = n;
  } else if (defaultLimit) filter.limit = defaultLimit;
  return filter;
}

function line(e: HistoryEntry): string {
  const when = e.createdAt.replace('T', ' ').slice(0, 19);
  const exit = e.exitCode === null ? '' : `exit ${e.exitCode}`;
  const what = e.query ? `${e.command}   # ${e.query}` : e.command;
  return `${e.id.slice(0, 8)}  ${when}  ${e.status.padEnd(13)} ${exit.padEnd(8)} ${inertText(what).replace(/\n/g, '⏎')}\n`;
}

export const historyCommand: Subcommand = {
  name: 'history',
  summary: 'list, search, show, export and re-run what Paladin planned and ran',
  help,
  allowPositionals: true,
  options: {
    json: { type: 'boolean' },
    search: { type: 'string' },
    status: { type: 'string' },
    source: { type: 'string' },
    since: { type: 'string' },
    limit: { type: 'string' },
    format: { type: 'string' },
    output: { type: 'string' },
    yes: { type: 'boolean' },
    same: { type: 'boolean' },
    workspace: { type: 'string' },
  },
  async run(ctx, { values, positionals }) {
    const [action, id, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
    if (action !== undefined && !['export', 'show', 'rerun'].includes(action)) throw new UsageError(`unknown history action "${action}"; use export, show ID or rerun ID, or no action to list`);
    if (action === 'rerun') return rerun(ctx, id, values);
    const store = openRecords(ctx.settings);
    try {
      const history = store.records.history;
      if (action === 'show') {
        if (!id) throw new UsageError('say which entry: paladin history show ID');
        const entry = history.get(id);
        if (!entry) {
          ctx.err.write(`paladin history: no entry has the id "${id}"; \`paladin history\` lists them.\n`);
          return Exit.failure;
        }
        const output = entry.outputHash ? store.records.outputs.get(entry.outputHash) : undefined;
        if (values.json) {
          printJson(ctx, { ...entry, output: output ? { text: output.data.toString('utf8'), bytes: output.size, truncated: output.truncated, expiresAt: output.expiresAt } : null });
          return Exit.ok;
        }
        const rows: [string, unknown][] = [
          ['id', entry.id], ['created', entry.createdAt], ['source', entry.source], ['request', entry.query || '(a command run directly)'],
          ['command', entry.command], ['reasoning', entry.reasoning || undefined], ['planner', entry.planner], ['policy', entry.policyDecision],
          ['workspace', entry.workspace], ['status', entry.status], ['exit code', entry.exitCode], ['duration', entry.durationMs === null ? null : `${entry.durationMs} ms`],
          ['message', entry.message], ['output hash', entry.outputHash],
        ];
        for (const [k, v] of rows) if (v !== null && v !== undefined) ctx.out.write(`${k.padEnd(12)} ${inertText(String(v))}\n`);
        for (const line of describeNetwork(entry.network ?? undefined)) ctx.out.write(`${'network'.padEnd(12)} ${inertText(line.replace(/^network: /, ''))}\n`);
        if (output) {
          ctx.out.write(`--- output (${output.size} bytes${output.truncated ? ', truncated' : ''}, kept until ${output.expiresAt ?? 'forever'}) ---\n`);
          ctx.out.write(inertText(output.data.toString('utf8')));
          if (!output.data.toString('utf8').endsWith('\n')) ctx.out.write('\n');
        } else if (entry.outputHash) ctx.out.write('(the output is no longer kept)\n');
        return Exit.ok;
      }
      if (action === 'export') {
        if (id) throw new UsageError(`export takes no id (got "${id}"); use --search/--status/--since to choose entries`);
        const format = typeof values.format === 'string' ? values.format : 'json';
        if (format !== 'json' && format !== 'csv') throw new UsageError(`--format must be json or csv, not "${format}"`);
        const filter = filterFrom(values);
        let count = 0;
        await writeExport(ctx, typeof values.output === 'string' ? values.output : undefined, (function* () {
          if (format === 'csv') {
            yield csvLine(historyColumns);
            for (const e of history.iterate(filter)) {
              count++;
              yield csvLine(historyColumns.map((c) => e[c]));
            }
          } else {
            let first = true;
            yield '[';
            for (const e of history.iterate(filter)) {
              count++;
              yield (first ? '\n' : ',\n') + JSON.stringify(e);
              first = false;
            }
            yield first ? ']\n' : '\n]\n';
          }
        })());
        if (typeof values.output === 'string') ctx.err.write(`Exported ${count} entries to ${values.output}.\n`);
        return Exit.ok;
      }
      if (id) throw new UsageError(`unexpected argument "${id}"`);
      const entries = history.list(filterFrom(values, 50));
      if (values.json) printJson(ctx, entries);
      else if (entries.length === 0) ctx.out.write('No history entries match.\n');
      else for (const e of entries) ctx.out.write(line(e));
      return Exit.ok;
    } catch (err) {
      if (err instanceof RangeError) throw new UsageError(err.message.replace(/\.$/, ''));
      throw err;
    } finally {
      store.close();
    }
  },
};

async function rerun(ctx: CliContext, id: string | undefined, values: Record<string, unknown>): Promise<number> {
  if (!id) throw new UsageError('say which entry: paladin history rerun ID');
  const paladin = await ctx.paladin();
  const { createRecordsStage } = await import('../../records');
  let entry: HistoryEntry | undefined;
  try {
    entry = createRecordsStage(paladin.db, ctx.settings).history.get(id);
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/\.$/, ''));
  }
  if (!entry) {
    ctx.err.write(`paladin history: no entry has the id "${id}"; \`paladin history\` lists them.\n`);
    return Exit.failure;
  }
  if (!ctx.settings.history.keepSecrets && (values.same || !entry.query) && entry.command.includes(MASK)) {
    ctx.err.write(`paladin history: the command of ${entry.id} was stored with its secrets masked (${MASK}), so it cannot run again as it was. Run it by hand${entry.query ? ', or plan it again without --same' : ''}.\n`);
    return Exit.failure;
  }
  const workspace = typeof values.workspace === 'string' ? values.workspace : entry.workspace && fs.existsSync(entry.workspace) ? entry.workspace : undefined;
  let command = entry.command;
  let historyId: string | undefined;
  if (entry.query && !values.same) {
    // Planned again: today's planner and policy decide, not yesterday's.
    const plan = await paladin.plan(ctx.actor, { request: entry.query, workspace }, { signal: ctx.signal });
    command = plan.command;
    historyId = plan.historyId;
    if (command !== entry.command) ctx.err.write(`Planned again: ${command}\n  (was: ${entry.command})\n`);
  }
  const decision = await paladin.check(ctx.actor, command, { workspace });
  if (decision.decision === 'deny') {
    ctx.err.write(`The policy now denies this command:\n${decision.rules.map((r) => `  ${r.id}: ${r.reason}`).join('\n')}\n`);
    return Exit.deny;
  }
  let approved = values.yes === true;
  // The sandbox verdict decides whether a person is needed (offline runs need none); the gate itself is in Paladin.run.
  if (decision.sandbox?.needsApproval && !approved) {
    ctx.err.write(`This run needs your approval:\n${decision.sandbox.reasons.map((r) => `  ${r}`).join('\n')}\n`);
    if (!ctx.interactive) {
      ctx.err.write('Pass --yes to approve.\n');
      return Exit.ask;
    }
    approved = await ctx.ask(`Run ${command}?`);
    if (!approved) return Exit.ask;
  }
  try {
    const result = await paladin.run(ctx.actor, { command, workspace, approved, historyId }, {
      signal: ctx.signal,
      onOutput: values.json ? undefined : (chunk) => (chunk.stream === 'stdout' ? ctx.out : ctx.err).write(chunk.text),
    });
    if (values.json) printJson(ctx, result);
    else ctx.err.write(`Re-run as ${result.historyId}: ${result.end}${result.exitCode !== null ? `, exit ${result.exitCode}` : ''}.\n`);
    return result.end === 'exited' && result.exitCode === 0 ? Exit.ok : Exit.commandFailed;
  } catch (err) {
    if (err instanceof RequestError && err.code === 'needs-approval' && !approved) return Exit.ask;
    throw err;
  }
}
