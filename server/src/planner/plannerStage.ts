// The planning flow: cache → retrieve → context → model planners in order (Ollama, OpenAI) → embedded planner → validate → policy → cache → result.

import { RequestError } from '../kernel';
import type { PlannerName, PlanResult, RetrievedExample } from '../protocol/types';
import type { Settings } from '../settings/settings';
import type { PlannerStage, PlanParams, PlanProgress, PolicyStage } from '../stages';
import type { Db } from '../store/database';
import { buildContext } from './context';
import { loadCorpus, type Corpus } from './corpus';
import { embeddedCandidates, LOW_CONFIDENCE, candidateFor, type EmbeddedCandidate } from './embeddedPlanner';
import { OllamaEmbedder } from './ollamaProvider';
import { ModelEndpoints } from './modelEndpoints';
import type { EndpointState } from './modelEndpoint';
import { summariseWithModels, type ModelSummary } from './outputSummary';
import { PlanCache, requestShape, type CacheEntry, type CacheKeyParts } from './planCache';
import { PlannerData } from './plannerData';
import type { Retrieval } from './retrieval';
import { parentsNamed, readRequest, searchedText, spelled, withoutCourtesy, type RequestFacts, type WorkspaceNames } from './requestFacts';
import type { ExternalQuery, Hit } from './retrievalStore';
import { routeToModels } from './router';
import { ABSTAIN_BELOW, abstainedDecision, abstainReasoning, fileUnclear, helpFor, type AbstainReason } from './abstain';
import { readIntent, type Intent } from './intent';
import { slotHint } from './placeholders';
import { composeSteps, splitCompound } from './compose';
import { preferSelection, selectionCandidates } from './findSelection';
import { everyRootNamed } from './findRoots';
import { perFileCandidates } from './forEach';
import { sequenceCandidates } from './sequence';
import { variableCandidates } from './variableTarget';
import { folderMoveCandidates } from './changeDirectory';
import { valueInputCandidates } from './valueInput';
import { remoteCandidates } from './remoteActs';
import { combinedRequest, rewriteCommand, type RefineSource, type Rewrite } from './refine';
import { DecisionCache, screen, type Screened } from './planGuard';
import { candidatesByAct } from './actSearch';
import { firstProgram, proposalOf, rewriteProposal, setAside, withoutFacts, type Candidate } from './proposals';

export interface PlannerOptions {
  /** OpenAI key from the editor's SecretStorage or OPENAI_API_KEY; held in memory only. */
  apiKey?: string;
  /** Knowledge folder (tests); default: the shipped corpus. */
  knowledgeDir?: string;
  corpus?: Corpus;
  /** Circuit breaker: failures in a row before a provider is skipped, and for how long. */
  breakerThreshold?: number;
  breakerCoolDownMs?: number;
  now?: () => number;
  /** Where endpoints' `apiKeyEnv` names are looked up (default: this process's environment). */
  env?: NodeJS.ProcessEnv;
  /** Where retrieval and the plan cache live (PlannerData.shared for a team database); default: the local SQLite file. */
  data?: (corpus: Corpus) => PlannerData;
}

const MAX_CANDIDATES = 10;
/** Candidates judged beyond those shown, to find ones that fit when the first do not. */
const SCREEN_EXTRA = 4;
/** Knowledge entries retrieved per request: slot filling re-ranks them, so a wider net finds the entry whose slots the request fills. */
const RETRIEVE_K = 20;

export class Planner implements PlannerStage {
  readonly data: PlannerData;
  readonly corpus: Corpus;
  private readonly decisions: DecisionCache;
  /** Every model endpoint, with its breaker, load and probes. */
  readonly endpoints: ModelEndpoints;
  private readonly background = new AbortController();
  private external?: { embedder: OllamaEmbedder; ready: boolean; error?: string };
  /** Resolves when background re-indexing (if any) has finished. */
  readonly indexing: Promise<void>;

  constructor(
    private readonly db: Db,
    private readonly settings: Settings,
    private readonly policy: PolicyStage,
    options: PlannerOptions = {},
  ) {
    this.corpus = options.corpus ?? loadCorpus(options.knowledgeDir, { strict: false });
    this.data = options.data?.(this.corpus) ?? PlannerData.local(db, this.corpus, () => settings.planner.cacheTtlSeconds, options.now);
    this.decisions = new DecisionCache(policy);
    this.endpoints = new ModelEndpoints(settings, { ...options, apiKey: options.apiKey ?? settings.openai.apiKey });
    this.indexing = this.startExternalIndex();
  }

  private async startExternalIndex(): Promise<void> {
    const model = this.settings.ollama.embedModel;
    if (!model) return;
    // Embeddings go to one host (the first listed): vectors from different hosts must come from the same model.
    const embedder = new OllamaEmbedder({ url: this.settings.ollama.hosts[0]?.url ?? this.settings.ollama.url, model, timeoutMs: this.settings.planner.timeoutMs });
    this.external = { embedder, ready: false };
    try {
      this.external.ready = await this.store.isComplete(embedder.id);
      if (this.external.ready) return;
      // Runs beside requests: each batch yields to the event loop, and search keeps using the built-in embedder until it is done.
      await this.store.reindex(embedder, this.background.signal);
      this.external.ready = true;
    } catch (err) {
      this.external.error = (err as Error).message;
    }
  }

  async plan(params: PlanParams, options: { signal?: AbortSignal; onProgress?: (p: PlanProgress) => void } = {}): Promise<PlanResult> {
    const started = performance.now();
    const timings: Record<string, number> = {};
    const lap = (name: string, from: number) => (timings[name] = round(performance.now() - from));
    const followUp = params.request.trim();
    if (followUp === '') throw new RequestError('The request is empty: say what you want done, e.g. "list the 10 biggest files under src".');
    // A follow-up is judged, retrieved and planned as the earlier request and the follow-up read together.
    const refine = params.refine;
    const request = parentsNamed(spelled(refine ? combinedRequest(refine.request, withoutCourtesy(followUp)) : withoutCourtesy(followUp)));
    const choice = params.planner ?? 'auto';
    const count = Math.max(1, Math.min(MAX_CANDIDATES, Math.floor(params.count ?? 3)));
    const parts: CacheKeyParts = { workspace: params.workspace, planner: choice, policyVersion: this.policy.version, count };

    let t = performance.now();
    const cached = refine ? undefined : await this.data.cachedPlan(request, parts);
    if (cached) {
      lap('cache', t);
      timings.total = round(performance.now() - started);
      return { ...cached, request, cache: 'hit', timings, historyId: undefined };
    }
    lap('cache', t);

    t = performance.now();
    const context = buildContext(params.workspace);
    const facts = readRequest(request, context.names);
    const intent = readIntent(facts);
    lap('context', t);
    const refined = refine && { refine, followUp, rewrite: refine.command ? rewriteCommand(refine.command, readRequest(followUp, context.names)) : undefined };
    if (!intent.task && !refined?.rewrite) return this.finish(request, parts, { planner: 'embedded', skipped: [], retrieved: [], intent, facts, why: intent.ordersNothing ? 'nothing-ordered' : 'not-a-task', screened: { accepted: [], rejected: [] }, suggestions: [] }, started, timings);

    t = performance.now();
    const hits = await this.data.search(searchedText(request, facts), { k: RETRIEVE_K, userId: undefined, external: await this.externalQuery(request, options.signal) });
    const retrieved = hits.map((h) => this.example(h)).filter((e): e is RetrievedExample => e !== undefined);
    lap('retrieve', t);
    options.onProgress?.({ kind: 'retrieved', examples: retrieved });

    const order: PlannerName[] = choice === 'auto' ? this.settings.planner.order : [choice];
    t = performance.now();
    const routed = await routeToModels(order, this.endpoints.pools, { request, context, examples: retrieved }, {
      signal: options.signal,
      onToken: (text) => options.onProgress?.({ kind: 'token', text }),
    });
    if (routed.answer || routed.skipped.length > 0) lap('models', t);
    if (choice !== 'auto' && choice !== 'embedded' && !routed.answer) {
      throw new RequestError(`The ${choice} planner could not answer: ${routed.skipped.map((s) => s.reason).join('; ')}`, 'unavailable');
    }
    if (!order.includes('embedded') && !routed.answer) {
      throw new RequestError(`No planner could answer (paladin.planner.order is ${order.join(', ')}): ${routed.skipped.map((s) => `${s.planner}: ${s.reason}`).join('; ')}`, 'unavailable');
    }

    t = performance.now();
    const embedded = await this.embeddedFor(request, hits, facts, context.names, parts, routed.answer === undefined, intent.actions.length === 0);
    lap('embedded', t);
    if (embedded[0]) options.onProgress?.({ kind: 'step', step: 'filled', text: `${embedded[0].source}: ${embedded[0].command}${embedded[0].missing.length ? ` (missing ${embedded[0].missing.join(', ')})` : ''}` });

    t = performance.now();
    const proposals: Candidate[] = embedded.map(proposalOf);
    if (routed.answer) {
      const { plan, planner, repaired } = routed.answer;
      const agrees = embedded.some((c) => firstProgram(c.command) === firstProgram(plan.command));
      proposals.unshift({ command: plan.command, confidence: round((agrees ? 0.9 : 0.75) - (repaired ? 0.1 : 0)), explanation: plan.reasoning, planner, missing: [], model: plan });
    }
    if (refined?.rewrite) {
      options.onProgress?.({ kind: 'step', step: 'refined', text: `${refined.rewrite.command} (${refined.rewrite.changes.join(', ')})` });
      proposals.unshift(rewriteProposal(refined.refine.command ?? '', refined.rewrite));
    }
    const useful = order.includes('embedded') || refined?.rewrite ? proposals : proposals.filter((p) => p.planner !== 'embedded');
    const screened = await this.screened(useful, intent, facts, context.names, params.workspace, count, order.includes('embedded') ? embedded : undefined);
    lap('checks', t);
    options.onProgress?.({ kind: 'step', step: 'checked', text: `${screened.accepted.length} candidate(s) fit the request${screened.rejected.length ? `, ${screened.rejected.length} set aside` : ''}` });
    for (const c of screened.accepted) options.onProgress?.({ kind: 'candidate', command: c.proposal.command, confidence: c.proposal.confidence });
    const best = screened.accepted[0]?.proposal;
    const why: AbstainReason | undefined = !best ? 'nothing-fits' : best.planner === 'embedded' && best.confidence < ABSTAIN_BELOW ? 'weak-match' : best.planner === 'embedded' && fileUnclear(facts) ? 'unclear-file' : undefined;
    return this.finish(request, parts, { planner: best?.planner ?? 'embedded', skipped: routed.skipped, retrieved, intent, facts, why, screened, suggestions: embedded, refined }, started, timings, routed.skipped);
  }

  /**
   * The proposals held to the request and judged by the policy. When none
   * fits and the embedded planner may answer, the known commands are searched
   * again by the act with the named places said as "file" or "folder"; what
   * that finds joins `embedded` as suggestions.
   */
  private async screened(proposals: Candidate[], intent: Intent, facts: RequestFacts, names: WorkspaceNames, workspace: string, count: number, embedded: EmbeddedCandidate[] | undefined): Promise<Screened<Candidate>> {
    const judge = (command: string) => this.decisions.check(command, workspace);
    const first = await screen(proposals, intent, judge, count, count + SCREEN_EXTRA);
    if (first.accepted.length > 0 || !embedded) return first;
    // Only what the request's own words fill: a template found by the act alone with a value still missing is a guess.
    const again = (await candidatesByAct(facts, names, this.corpus, (text) => this.data.search(text, { k: RETRIEVE_K }), new Set(first.rejected.map((r) => r.command)))).filter((c) => c.missing.length === 0);
    const more = await screen(again.map(proposalOf), intent, judge, count, count + SCREEN_EXTRA);
    embedded.push(...again);
    return { accepted: more.accepted, rejected: [...first.rejected, ...more.rejected] };
  }

  /** The embedded candidates, led by the template that answered a request of the same shape before. */
  private async embeddedFor(request: string, hits: Hit[], facts: RequestFacts, names: WorkspaceNames, parts: CacheKeyParts, useShape: boolean, looks: boolean): Promise<EmbeddedCandidate[]> {
    const search = (text: string, k: number) => this.data.search(text, { k });
    const each = [...(await perFileCandidates(request, names, search, this.corpus)), ...(await sequenceCandidates(request, names, search, this.corpus)), ...(await variableCandidates(request, names, search, this.corpus)), ...(await folderMoveCandidates(request, names, search, this.corpus)), ...(await valueInputCandidates(request, names, search, this.corpus))];
    let embedded = [...embeddedCandidates(request, hits, this.corpus, names, facts), ...(await this.composed(request, names)), ...each, ...selectionCandidates(facts), ...remoteCandidates(facts)].sort((a, b) => b.confidence - a.confidence);
    preferSelection(embedded, request, facts);
    embedded.sort((a, b) => b.confidence - a.confidence);
    const shaped = useShape ? await this.data.cachedShape(requestShape(facts), parts) : undefined;
    const entry = shaped ? this.corpus.byId.get(shaped.entryId) : undefined;
    if (entry) {
      const again = candidateFor(entry, facts, Math.max(0.5, hits.find((h) => h.ref === entry.id)?.similarity ?? 0.5), 1);
      embedded = [again, ...embedded];
    }
    // A look that starts in the first of several folders named together starts in each of them
    // (an act is left as it is: a run of folders there may be where things go, or another clause's).
    if (looks) for (const c of embedded) c.command = everyRootNamed(c.command, facts.text);
    return embedded.filter((c, i, all) => all.findIndex((x) => x.command === c.command) === i);
  }

  /** For "X and delete them": the candidates for X, each extended with the steps that follow. */
  private async composed(request: string, names: WorkspaceNames): Promise<EmbeddedCandidate[]> {
    const split = splitCompound(request);
    if (!split) return [];
    const headFacts = readRequest(split.head, names);
    const hits = await this.data.search(split.head, { k: 8 });
    const out: EmbeddedCandidate[] = [];
    for (const c of embeddedCandidates(split.head, hits, this.corpus, names, headFacts).slice(0, 6)) {
      const command = composeSteps(c.command, split.steps);
      if (command === undefined) continue;
      const then = split.steps.map((x) => `${x.kind}${x.target ? ` to ${x.target}` : ''}`).join(', then ');
      out.push({ ...c, command, missing: command.includes("'<dest>'") && !c.missing.includes('dest') ? [...c.missing, 'dest'] : c.missing, explanation: `${c.explanation} Then ${then}.`, source: `${c.source}+steps` });
    }
    return out;
  }

  /** Build, cache and return the result: the first accepted candidate, or an abstention. */
  private async finish(request: string, parts: CacheKeyParts, s: Outcome, started: number, timings: Record<string, number>, skipped: PlanResult['skipped'] = []): Promise<PlanResult> {
    const final = s.why ? this.abstention(request, s.why, s) : this.answer(request, s);
    final.timings = { ...timings, total: round(performance.now() - started) };
    if (s.refined) {
      // A refinement depends on the earlier command, which the cache key does not hold.
      const { refine, followUp, rewrite } = s.refined;
      final.refined = { ...(refine.historyId ? { historyId: refine.historyId } : {}), request: refine.request, ...(refine.command ? { command: refine.command } : {}), followUp, ...(rewrite && final.command === rewrite.command ? { changes: rewrite.changes } : {}) };
      return final;
    }
    // Cache what a retry would answer the same way: not a fallback forced by a failing model.
    const forcedFallback = final.planner === 'embedded' && skipped.some((x) => x.endpoint !== undefined);
    if (!forcedFallback) {
      const entries: CacheEntry[] = [PlanCache.exact(request, { ...final, historyId: undefined })];
      const lead = s.screened.accepted[0]?.proposal.embedded;
      if (!s.why && lead?.entry && lead.missing.length === 0 && final.missing === undefined) entries.push(PlanCache.shape(requestShape(s.facts), { entryId: lead.entry.id }));
      await this.data.remember(parts, entries);
    }
    return final;
  }

  private answer(request: string, s: Outcome): PlanResult {
    const [{ proposal: best, decision }] = s.screened.accepted;
    const missing = best.missing.map((slot) => ({ slot, hint: slotHint(slot, best.embedded?.entry?.slots[slot]?.type) }));
    const model = best.model;
    return {
      request,
      command: best.command,
      reasoning: [model ? model.reasoning || `Planned by ${best.planner}.` : this.embeddedReasoning(best.embedded as EmbeddedCandidate), setAside(s.screened.rejected)].filter(Boolean).join(' '),
      assumptions: model ? model.assumptions : missing.map((m) => `Replace <${m.slot}> with the value you mean: ${m.hint}.`),
      expectedEffects: model ? model.expectedEffects : [best.explanation ?? ''],
      planner: best.planner,
      skipped: s.skipped,
      confidence: best.confidence,
      candidates: s.screened.accepted.map((a) => ({ command: a.proposal.command, confidence: a.proposal.confidence, explanation: a.proposal.explanation })),
      retrieved: s.retrieved,
      policy: decision.facts === undefined ? decision : withoutFacts(decision),
      cache: 'miss',
      timings: {},
      ...(missing.length > 0 ? { missing } : {}),
      ...(s.screened.rejected.length > 0 ? { rejected: s.screened.rejected } : {}),
      intent: { actions: s.intent.actions, scope: s.intent.scope },
    };
  }

  private abstention(request: string, why: AbstainReason, s: Outcome): PlanResult {
    const near = why === 'weak-match' ? s.screened.accepted.map((a) => a.proposal) : [];
    return {
      request,
      command: '',
      reasoning: abstainReasoning(why, s.screened.rejected.length),
      assumptions: [],
      expectedEffects: [],
      planner: s.planner,
      skipped: s.skipped,
      confidence: 0,
      candidates: [],
      retrieved: s.retrieved,
      policy: abstainedDecision(this.policy.version),
      cache: 'miss',
      timings: {},
      abstained: true,
      suggestions: near.map((p) => ({ command: p.command, confidence: p.confidence, explanation: p.explanation })),
      help: helpFor(why, s.facts, s.intent),
      ...(s.screened.rejected.length > 0 ? { rejected: s.screened.rejected } : {}),
      intent: { actions: s.intent.actions, scope: s.intent.scope },
    };
  }

  private async externalQuery(request: string, signal?: AbortSignal): Promise<ExternalQuery | undefined> {
    if (!this.external?.ready) return undefined;
    try {
      const [vector] = await this.external.embedder.embed([request], signal);
      return { embedder: this.external.embedder.id, vector };
    } catch (err) {
      this.external.error = (err as Error).message;
      return undefined;
    }
  }


  private embeddedReasoning(c: EmbeddedCandidate): string {
    const parts = [c.explanation];
    if (c.filled.length > 0) parts.push(`Filled from your request: ${c.filled.join(', ')}.`);
    if (c.missing.length > 0) parts.push(`Not found in the request: ${c.missing.join(', ')} (shown as <${c.missing[0]}>).`);
    if (c.confidence < LOW_CONFIDENCE) parts.unshift(`Low confidence (${c.confidence}): this is only the closest match in Paladin's command knowledge; check it before running.`);
    return parts.join(' ');
  }

  private example(h: Hit): RetrievedExample | undefined {
    if (h.origin === 'history') return h.command ? { id: `history:${h.ref}`, command: h.command, description: h.description ?? '', score: round4(h.score), origin: 'history' } : undefined;
    const entry = this.corpus.byId.get(h.ref);
    return entry ? { id: entry.id, command: entry.template, description: entry.intents[0], score: round4(h.score), origin: 'corpus' } : undefined;
  }

  learn(userId: string, command: string, description: string, succeeded: boolean): void {
    let text = description;
    try {
      // The request a command answered is in this instance's history.
      if (!text) text = (this.db.prepare('SELECT query FROM command_history WHERE planned_command = ? AND user_id = ? ORDER BY created_at DESC LIMIT 1').get(command, userId) as { query: string } | undefined)?.query ?? '';
    } catch {
      text = '';
    }
    // Learning is best effort: a busy or unreachable store must never fail the run that fed it.
    this.store.learn(userId, command, text, succeeded).catch(() => undefined);
  }

  /** The retrieval store (local or shared). */
  get store(): Retrieval {
    return this.data.retrieval;
  }

  /** The plan cache (local or shared). */
  get cache(): PlanCache {
    return this.data.cache;
  }

  summarise(output: string, options: { command: string; signal?: AbortSignal }): Promise<ModelSummary | undefined> {
    return summariseWithModels(this.settings.planner.order, this.endpoints.pools, output, options);
  }

  describe(): { active: 'ollama' | 'openai' | 'embedded'; detail: string } {
    const notes: string[] = [];
    for (const name of this.settings.planner.order) {
      if (name === 'embedded') break;
      const pool = this.endpoints.pools.get(name);
      if (!pool) continue;
      const configured = pool.configured();
      const open = configured.filter((e) => e.breaker.state === 'open');
      const next = configured.find((e) => e.breaker.available());
      if (configured.length === 0) notes.push(`${name}: ${pool.endpoints[0].provider.notConfigured()}`);
      else if (!next) notes.push(`${name}: ${open.length > 1 ? `all ${open.length} endpoints have an open circuit` : (open[0] ?? configured[0]).breaker.describe()}`);
      else return { active: name, detail: `${name} at ${next.provider.endpoint}${configured.length > 1 ? ` (${configured.length - open.length} of ${configured.length} endpoints usable)` : ''}` };
    }
    if (this.external?.error) notes.push(`embeddings: ${this.external.error}`);
    if (this.data.problem) notes.push(this.data.problem);
    if (this.corpus.problems.length > 0) notes.push(`${this.corpus.problems.length} malformed knowledge entries left out (first: ${this.corpus.problems[0]})`);
    return { active: 'embedded', detail: `Paladin's own command knowledge (${this.corpus.entries.length} entries)${notes.length ? `; ${notes.join('; ')}` : ''}` };
  }

  /** Each model endpoint's breaker, load, answer time and last probe; see EndpointState. */
  endpointStates(): EndpointState[] {
    return this.endpoints.states();
  }

  dispose(): void {
    this.background.abort();
    this.endpoints.dispose();
  }
}

/** Everything a result is built from. */
interface Outcome {
  planner: PlannerName;
  skipped: PlanResult['skipped'];
  retrieved: RetrievedExample[];
  intent: Intent;
  facts: RequestFacts;
  why?: AbstainReason;
  screened: Screened<Candidate>;
  suggestions: EmbeddedCandidate[];
  refined?: { refine: RefineSource; followUp: string; rewrite?: Rewrite };
}

const round = (x: number) => Math.round(x * 100) / 100;
const round4 = (x: number) => Math.round(x * 10000) / 10000;
