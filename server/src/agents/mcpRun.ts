// The MCP tools that touch files: `run` (in the sandbox, its output streamed
// as progress notifications, cancelled through the request's signal) and
// `apply` / `discard` for a snapshot run. What needs a person is asked
// through the client or refused; the client's word alone never approves.

import { summariseChanges } from '../executor/consequences';
import { RequestError } from '../kernel';
import type { FileChange, OutputChunk, RunResult } from '../protocol/types';
import { askPerson, mcpActor, refused, result, type McpContext } from './mcpContext';
import { applyInput, applyOutput, discardInput, discardOutput, runInput, runOutput } from './mcpSchemas';
import { oneLine } from './verdict';

const TAIL_CHARS = 64 * 1024;

class Tail {
  private text = '';
  cut = false;
  push(chunk: string): void {
    this.text += chunk;
    if (this.text.length > TAIL_CHARS) {
      this.text = this.text.slice(-TAIL_CHARS);
      this.cut = true;
    }
  }
  toString(): string {
    return this.text;
  }
}

function changeList(changes: FileChange[]): string {
  const shown = changes.slice(0, 20).map((c) => `  ${c.kind.padEnd(8)} ${c.path}${c.sensitive ? '  (sensitive)' : ''}`);
  if (changes.length > 20) shown.push(`  … and ${changes.length - 20} more`);
  return shown.join('\n');
}

export function registerRunTools(ctx: McpContext): void {
  /** Changes of the snapshot runs this session made: a client settles only its own runs. */
  const pending = new Map<string, FileChange[]>();

  ctx.server.registerTool(
    'run',
    {
      title: 'Run in Paladin\'s sandbox',
      description:
        'Checks a shell command with Paladin\'s policy and runs it in a single-use, offline Docker container over the workspace. Denied commands are refused with the reasons; what needs a person (live mode, network, a command the policy asks about) is put to the person through the client, or refused. A snapshot run keeps its file changes for `apply` or `discard`.',
      inputSchema: runInput,
      outputSchema: runOutput,
      annotations: { destructiveHint: false, openWorldHint: false },
    },
    async (args, extra) => {
      const paladin = await ctx.paladin();
      const actor = mcpActor(ctx);
      const workspace = ctx.roots.pick(args.workspace);
      const tails = { stdout: new Tail(), stderr: new Tail() };
      const token = extra._meta?.progressToken;
      let sent = 0;
      const onOutput = (chunk: OutputChunk) => {
        tails[chunk.stream].push(chunk.text);
        if (token === undefined) return;
        sent += chunk.text.length;
        const message = chunk.stream === 'stderr' ? `[stderr] ${chunk.text}` : chunk.text;
        void extra.sendNotification({ method: 'notifications/progress', params: { progressToken: token, progress: sent, message: message.slice(0, 8192) } }).catch(() => undefined);
      };
      const options = { command: args.command, workspace, mode: args.mode, network: args.network === true, timeoutSeconds: args.timeoutSeconds, approved: false };
      let run: RunResult & { policy: { decision: 'allow' | 'ask' | 'deny' } };
      try {
        run = await paladin.run(actor, options, { signal: extra.signal, onOutput });
      } catch (err) {
        if (!(err instanceof RequestError) || err.code !== 'needs-approval') throw err;
        const ask = await askPerson(ctx, `${actor.client ?? 'An MCP client'} asks Paladin to run, in its sandbox:\n\n${oneLine(args.command, 500)}\n\n${err.message}`, extra.signal);
        if (!ask.approved) return refused(`${err.message}\nNot run: ${ask.why}.`);
        run = await paladin.run(actor, { ...options, approved: true }, { signal: extra.signal, onOutput });
      }
      const changes = run.changes ?? [];
      if (run.mode === 'snapshot' && changes.length > 0) pending.set(run.runId, changes);
      const ending = run.end === 'exited' ? `exited with ${run.exitCode}` : `ended: ${run.end}${run.message ? ` (${run.message})` : ''}`;
      const text = [
        `Ran in Paladin's sandbox (${run.mode}), ${ending}. runId ${run.runId}.`,
        tails.stdout.toString() && `stdout:\n${tails.stdout}`,
        tails.stderr.toString() && `stderr:\n${tails.stderr}`,
        changes.length > 0 && `The run changed ${changes.length} file(s) in its copy of the workspace; call apply or discard with runId ${run.runId}:\n${changeList(changes)}`,
      ].filter(Boolean).join('\n');
      return result(text, {
        runId: run.runId,
        historyId: run.historyId,
        end: run.end,
        exitCode: run.exitCode,
        mode: run.mode,
        stdout: tails.stdout.toString(),
        stderr: tails.stderr.toString(),
        truncated: run.truncated || tails.stdout.cut || tails.stderr.cut,
        changes: changes.map((c) => ({ path: c.path, kind: c.kind, sensitive: c.sensitive === true })),
        decision: run.policy.decision,
      });
    },
  );

  ctx.server.registerTool(
    'apply',
    {
      title: 'Apply a snapshot run\'s changes',
      description: 'Writes the file changes a snapshot run of this session left into the real workspace, after the person approves them through the client (refused when the client cannot ask).',
      inputSchema: applyInput,
      outputSchema: applyOutput,
      annotations: { destructiveHint: true, idempotentHint: false, openWorldHint: false },
    },
    async (args, extra) => {
      const changes = pending.get(args.runId);
      if (!changes) return refused(`No pending changes of run ${args.runId} from this session. Only the snapshot runs this client started here can be applied; others are applied from the editor or with \`paladin run --apply\`.`);
      const paladin = await ctx.paladin();
      const actor = mcpActor(ctx);
      const c = (await paladin.pendingChanges(args.runId).catch(() => undefined))?.consequences ?? summariseChanges(changes);
      const counts = `${c.files.created} created, ${c.files.changed} changed, ${c.files.deleted} deleted; ${c.bytes.written} bytes written, ${c.bytes.deleted} bytes deleted`;
      const folders = c.folders.slice(0, 5).map((f) => f.folder).join(', ');
      const sensitive = c.sensitive.length > 0 ? `\nSensitive: ${c.sensitive.map((x) => `${x.path} (${x.why})`).slice(0, 10).join(', ')}${args.includeSensitive ? '' : ' (left out unless includeSensitive)'}` : '';
      const message = `${actor.client ?? 'An MCP client'} asks Paladin to write a sandbox run's changes into the workspace: ${counts}, under ${folders || '.'}.${sensitive}\n${changeList(changes)}`;
      const ask = await askPerson(ctx, message, extra.signal);
      if (!ask.approved) {
        paladin.stages.records.audit(actor, 'apply.refused', args.runId, { why: ask.why });
        return refused(`Not applied: ${ask.why}. The changes stay pending; the person can apply them with \`paladin run --apply ${args.runId}\`.`);
      }
      const applied = await paladin.apply(actor, args.runId, { includeSensitive: args.includeSensitive === true });
      pending.delete(args.runId);
      const text = `Applied ${applied.applied.length} change(s)${applied.skipped.length ? `; skipped ${applied.skipped.length}: ${applied.skipped.map((s) => `${s.path} (${s.reason})`).join(', ')}` : ''}.`;
      return result(text, { applied: applied.applied, skipped: applied.skipped });
    },
  );

  ctx.server.registerTool(
    'discard',
    {
      title: 'Discard a snapshot run\'s changes',
      description: 'Drops the file changes a snapshot run of this session left, without touching the workspace.',
      inputSchema: discardInput,
      outputSchema: discardOutput,
      annotations: { destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    async (args) => {
      if (!pending.has(args.runId)) return refused(`No pending changes of run ${args.runId} from this session.`);
      const paladin = await ctx.paladin();
      await paladin.discard(mcpActor(ctx), args.runId);
      pending.delete(args.runId);
      return result(`Discarded the changes of run ${args.runId}.`, { runId: args.runId, discarded: true });
    },
  );
}
