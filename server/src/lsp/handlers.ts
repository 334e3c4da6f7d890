// The editor's requests, each answered through the one Paladin. Every
// handler catches its own failure (see errors.ts) and honours cancellation.

import type { Connection } from 'vscode-languageserver/node';
import { agentActor } from '../agents/identity';
import { RequestError } from '../kernel';
import { stageOf, type HistoryEntry, type Records as PresenterRecords } from '../records';
import { outputLanguage } from '../protocol/outputLanguage';
import {
  AllowShapeRequest,
  ApplyRequest,
  CheckRequest,
  DiscardRequest,
  UndoRequest,
  ExplainRequest,
  HistoryChangedNotification,
  HistoryOutputRequest,
  HistoryRequest,
  PlanProgressNotification,
  PlanRequest,
  PresentRequest,
  RunOutputNotification,
  RunRequest,
  SetSecretNotification,
  StatusRequest,
  VerifyAuditRequest,
  type Actor,
  type PolicyDecision,
  type RequestVia,
  type RunResult,
} from '../protocol/protocol';
import type { TeamLink } from '../stages';
import { guarded } from './errors';
import { fallbackWorkspace, type PaladinHost } from './host';
import { ChunkBatcher, OutputStore } from './outputStore';
import { present } from './present';

interface Records {
  history(params: HistoryRequest.Params): HistoryRequest.Entry[] | Promise<HistoryRequest.Entry[]>;
  output(id: string): HistoryOutputRequest.Result;
  verifyAudit(): VerifyAuditRequest.Result | Promise<VerifyAuditRequest.Result>;
}

const streamIdPattern = /^[A-Za-z0-9_.:-]{1,100}$/;

/** The person at the editor, or a chat agent the editor asks for (recorded as such; it approves nothing). */
function actorFor(actor: Actor, via: RequestVia | undefined): Actor {
  return via?.source === 'lm-tool' ? agentActor(actor.userId, 'lm-tool', via.client) : actor;
}

export function registerHandlers(
  connection: Connection,
  host: PaladinHost,
  log: (m: string) => void,
  onChecked: (command: string, decision: PolicyDecision) => void = () => undefined,
): void {
  const outputs = new OutputStore();
  const historyChanged = () => void connection.sendNotification(HistoryChangedNotification.type).catch(() => undefined);

  connection.onRequest(
    PlanRequest.type,
    guarded('Planning', log, async (params, signal) => {
      const { paladin, actor, release } = await host.hold();
      const streamId = params.streamId;
      try {
        return await paladin.plan(
          actor,
          { request: params.request, workspace: params.workspace ?? fallbackWorkspace(), planner: params.planner, count: params.count, dryRun: params.dryRun === true, refine: params.refine },
          {
            signal,
            onProgress: streamId ? (p) => void connection.sendNotification(PlanProgressNotification.type, { streamId, ...p }) : undefined,
          },
        );
      } finally {
        release();
        historyChanged();
      }
    }),
  );

  connection.onRequest(
    CheckRequest.type,
    guarded('Checking the command', log, async (params) => {
      const { paladin, actor } = await host.get();
      // An agent's check never rewrites a person's plan.
      const historyId = params.via === undefined && typeof params.historyId === 'string' ? params.historyId : undefined;
      const decision = await paladin.check(actorFor(actor, params.via), params.command, { workspace: params.workspace, facts: params.facts, historyId });
      onChecked(params.command, decision);
      if (historyId) historyChanged();
      return decision;
    }),
  );

  connection.onRequest(
    RunRequest.type,
    guarded('Running the command', log, async (params: RunRequest.Params, signal): Promise<RunResult> => {
      if (!params.workspace) throw new RequestError('Open a folder first: Paladin runs commands against a workspace folder.', 'invalid');
      if (params.streamId !== undefined && !streamIdPattern.test(params.streamId)) throw new RequestError('streamId must be 1-100 letters, digits, or . _ : -', 'invalid');
      const { paladin, actor, release } = await host.hold();
      const runId = params.streamId;
      let batcher: ChunkBatcher | undefined;
      if (runId) {
        outputs.begin(runId, paladin.settings.sandbox.outputBytes, params.command);
        batcher = new ChunkBatcher((chunks) => {
          for (const c of chunks) void connection.sendNotification(RunOutputNotification.type, { runId, ...c });
        });
      }
      try {
        const result = await paladin.run(
          actorFor(actor, params.via),
          {
            command: params.command,
            workspace: params.workspace,
            mode: params.mode,
            // A chat agent's run is never approved by the agent: what needs a person is refused.
            approved: params.approved === true && params.via === undefined,
            network: params.network === true,
            timeoutSeconds: params.timeoutSeconds,
            historyId: params.historyId,
            trusted: params.trusted === true,
          },
          {
            signal,
            runId,
            onOutput: runId
              ? (chunk) => {
                  outputs.add(runId, chunk);
                  batcher?.push(chunk);
                }
              : undefined,
          },
        );
        return result;
      } finally {
        // Output always arrives before the answer that ends the run.
        batcher?.flush();
        release();
        void host.refreshStatus();
        historyChanged();
      }
    }),
  );

  connection.onRequest(
    PresentRequest.type,
    guarded('Presenting the output', log, async (params, signal) => {
      const stdout = outputs.stdout(params.runId);
      if (stdout === undefined) throw new RequestError(`No output is kept for run ${params.runId}: only the last few runs of this editor session are.`, 'invalid');
      // Without a Paladin (it could not be built) the summary is extractive.
      const held = await host.hold().catch(() => undefined);
      try {
        return await present(params.runId, stdout, { planner: held?.paladin.stages.planner, command: outputs.command(params.runId), signal });
      } finally {
        held?.release();
      }
    }),
  );

  connection.onRequest(
    ExplainRequest.type,
    guarded('Explaining the command', log, async (params, signal) => {
      const { paladin, actor } = await host.get();
      return paladin.explain(actorFor(actor, params.via), params.command, { workspace: params.workspace, signal });
    }),
  );

  connection.onRequest(
    AllowShapeRequest.type,
    guarded('Allowing the command\'s shape', log, async (params, signal) => {
      const { paladin, actor, release } = await host.hold();
      try {
        const r = await paladin.allowShape(actor, params.command, { workspace: params.workspace ?? fallbackWorkspace(), signal });
        onChecked(params.command, r.policy);
        return { name: r.rule.name, version: r.row?.version ?? 0, waives: r.rule.waives, shape: r.rule.summary, policy: r.policy };
      } finally {
        release();
      }
    }),
  );

  connection.onRequest(
    ApplyRequest.type,
    guarded('Applying the changes', log, async (params) => {
      const { paladin, actor } = await host.get();
      try {
        return await paladin.apply(actor, params.runId, { includeSensitive: params.includeSensitive === true });
      } finally {
        historyChanged();
      }
    }),
  );

  connection.onRequest(
    UndoRequest.type,
    guarded('Undoing the apply', log, async (params) => {
      const { paladin, actor } = await host.get();
      try {
        return await paladin.undo(actor, params.runId);
      } finally {
        historyChanged();
      }
    }),
  );

  connection.onRequest(
    DiscardRequest.type,
    guarded('Discarding the changes', log, async (params) => {
      const { paladin, actor } = await host.get();
      await paladin.discard(actor, params.runId);
      historyChanged();
    }),
  );

  connection.onRequest(
    HistoryRequest.type,
    guarded('Reading the history', log, async (params) => {
      const { paladin } = await host.get();
      const records = recordsOf(paladin);
      return await records.history({ ...params, limit: Math.min(Math.max(params?.limit ?? 50, 1), 500) });
    }),
  );

  connection.onRequest(
    HistoryOutputRequest.type,
    guarded('Reading the stored output', log, async (params) => {
      if (typeof params?.id !== 'string' || params.id === '') throw new RequestError('Give the id of a history entry.', 'invalid');
      const { paladin } = await host.get();
      return recordsOf(paladin).output(params.id);
    }),
  );

  connection.onRequest(
    VerifyAuditRequest.type,
    guarded('Verifying the audit log', log, async () => {
      const { paladin } = await host.get();
      return await recordsOf(paladin).verifyAudit();
    }),
  );

  connection.onRequest(
    StatusRequest.type,
    guarded('Reading the status', log, async () => host.refreshStatus()),
  );

  connection.onNotification(SetSecretNotification.type, (params) => {
    if (params?.name !== 'openai.apiKey' && params?.name !== 'team.apiKey') return;
    host.setSecret(params.name, typeof params.value === 'string' ? params.value : null);
    void host.refreshStatus();
  });
}

/** History and audit answers come from the team server when one is set, else from the records stage (records/). */
function recordsOf(paladin: { stages: { records: unknown; team?: TeamLink } }): Records {
  const records = paladin.stages.records as Partial<PresenterRecords>;
  if (paladin.stages.team) return teamRecords(paladin.stages.team, records);
  if (!records.history || !records.auditLog) throw new RequestError('This build of Paladin cannot read history or verify the audit log.', 'unavailable');
  const { history, auditLog } = records;
  return {
    history: (p) => history.list({ search: p.search, status: p.status, limit: p.limit }).map(historyEntry),
    output: (id) => storedOutput(records as PresenterRecords, id),
    verifyAudit: () => verifyMessage(auditLog.verify()),
  };
}

/** The team server's history and audit log; stored outputs are of local runs, so they stay local. */
function teamRecords(team: TeamLink, local: Partial<PresenterRecords>): Records {
  return {
    // The server keeps outputs of its own runs only; none of them can be opened here.
    history: async (p) => (await team.history({ search: p.search, status: p.status, limit: p.limit ?? 50 })).map((e) => ({ ...historyEntry(e as HistoryEntry), hasOutput: false })),
    output: (id) => {
      if (!local.history || !local.outputs) throw new RequestError('The team server keeps no outputs: runs execute on this machine.', 'unavailable');
      return storedOutput(local as PresenterRecords, id);
    },
    verifyAudit: async () => {
      const report = await team.verifyAudit();
      const { message, ...rest } = verifyMessage({ ...report, warnings: report.warnings ?? [], ms: report.ms ?? 0 });
      return { ...rest, message: `Team server ${team.host}: ${message}` };
    },
  };
}

function verifyMessage(report: { intact: boolean; records: number; firstBroken?: { message?: string }; warnings: string[]; ms: number }): VerifyAuditRequest.Result {
  const message = report.intact
    ? `The audit log is intact: ${report.records} records, hash chain verified in ${Math.round(report.ms)} ms.`
    : `The audit log has been changed: ${report.firstBroken?.message ?? 'the hash chain does not verify'}.`;
  return { intact: report.intact, records: report.records, message: [message, ...report.warnings].join(' ') };
}

function historyEntry(e: HistoryEntry): HistoryRequest.Entry {
  return {
    id: e.id,
    query: e.query,
    plannedCommand: e.command,
    executionStatus: e.status,
    exitCode: e.exitCode,
    createdAt: e.createdAt,
    stage: stageOf(e),
    policyDecision: e.policyDecision,
    durationMs: e.durationMs,
    mode: e.mode,
    changesCount: e.changesCount,
    originalCommand: e.originalCommand,
    hasOutput: e.outputHash !== null,
    runId: e.runId,
    message: e.message,
  };
}

/** A past run's output as stored (secrets masked at rest unless kept), for an editor tab. */
function storedOutput(records: PresenterRecords, id: string): HistoryOutputRequest.Result {
  const entry = records.history.get(id);
  if (!entry) throw new RequestError(`No history entry has the id ${id}.`, 'invalid');
  const stored = entry.outputHash ? records.outputs.get(entry.outputHash) : undefined;
  if (!stored) {
    const why = entry.outputHash ? 'its output has expired (paladin.history.outputRetentionDays)' : entry.startedAt ? 'it printed nothing, or output is not kept (paladin.history.outputRetentionDays is 0)' : 'it has not run';
    throw new RequestError(`Paladin has no stored output for "${entry.command}": ${why}.`, 'invalid');
  }
  const text = stored.data.toString('utf8');
  return { id: entry.id, command: entry.command, text, truncated: stored.truncated, language: outputLanguage(text), exitCode: entry.exitCode, finishedAt: entry.finishedAt };
}
