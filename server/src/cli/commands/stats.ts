// `paladin stats`: language-model tokens and cost by user, key, day and model,
// from the store the HTTP API records them in (the shared PostgreSQL database
// when PALADIN_DATABASE_URL is set).

import { money } from '../../gateway/budgets';
import { usageStats, type UsageRow } from '../../gateway/costStats';
import { openTeamStore } from '../../gateway/teamStore';
import { parseSince } from '../../records/timeSpec';
import { sqlStoreOf } from '../../store/sqlStore';
import { Exit, printJson, UsageError, type Subcommand } from '../command';
import { openRecords } from '../openRecords';

const help = `Usage: paladin stats [--since SPAN] [--json]

Model tokens and their cost, by user, API key, day (UTC) and model, as the
HTTP API recorded them for each planning request that asked a language
model. Costs are priced when the tokens are spent, with paladin.cost.prices
(per 1M tokens); a model without a price costs 0. With PALADIN_DATABASE_URL
set, the figures are those of every instance.

Options:
  --since SPAN  only usage since a span back from now (12h, 7d) or an ISO date
  --json        machine-readable output: {"since", "rows": [...], "total"}
`;

export const statsCommand: Subcommand = {
  name: 'stats',
  summary: 'model tokens and cost by user, key, day and model',
  help,
  options: { json: { type: 'boolean' }, since: { type: 'string' } },
  async run(ctx, { values, positionals }) {
    if (positionals.length > 0) throw new UsageError(`unexpected arguments: ${positionals.join(' ')}`);
    let since: Date | undefined;
    if (typeof values.since === 'string') {
      try {
        since = parseSince(values.since);
      } catch (err) {
        throw new UsageError(`--since: ${(err as Error).message}`);
      }
    }
    const local = openRecords(ctx.settings);
    try {
      const team = await openTeamStore(ctx.settings);
      try {
        const rows = await usageStats(team?.store ?? sqlStoreOf(local.db), { since });
        const total = totalOf(rows);
        if (values.json) printJson(ctx, { since: since?.toISOString() ?? null, rows, total });
        else ctx.out.write(table(rows, total, since));
        return Exit.ok;
      } finally {
        await team?.close();
      }
    } finally {
      local.close();
    }
  },
};

function totalOf(rows: UsageRow[]): { requests: number; promptTokens: number; completionTokens: number; cost: number } {
  return rows.reduce((t, r) => ({ requests: t.requests + r.requests, promptTokens: t.promptTokens + r.promptTokens, completionTokens: t.completionTokens + r.completionTokens, cost: t.cost + r.cost }), { requests: 0, promptTokens: 0, completionTokens: 0, cost: 0 });
}

function table(rows: UsageRow[], total: ReturnType<typeof totalOf>, since: Date | undefined): string {
  if (rows.length === 0) return `No model usage recorded${since ? ` since ${since.toISOString()}` : ''}. The HTTP API records it when a planning request asks a language model.\n`;
  const head = ['day', 'user', 'key', 'model', 'requests', 'prompt', 'completion', 'cost'];
  const body = rows.map((r) => [r.day, r.user, r.key ?? '-', r.model, String(r.requests), String(r.promptTokens), String(r.completionTokens), money(r.cost)]);
  const foot = ['total', '', '', '', String(total.requests), String(total.promptTokens), String(total.completionTokens), money(total.cost)];
  const all = [head, ...body, foot];
  const widths = head.map((_, i) => Math.max(...all.map((row) => row[i].length)));
  const line = (row: string[]) => row.map((cell, i) => (i >= 4 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(head), ...body.map(line), line(foot)].join('\n') + '\n';
}
