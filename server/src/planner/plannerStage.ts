// The planning flow: cache → retrieve → context → model planners in order
// (Ollama, OpenAI) → embedded planner → validate → policy → cache → result.

import { RequestError } from '../kernel';
import type { PlanCandidate, PlannerName, PlanResult, RetrievedExample } from '../protocol/types';
import type { Settings } from '../settings/settings';
import type { PlannerStage, PlanParams, PlanProgress, PolicyStage } from '../stages';
import type { Db } from '../store/database';
import { CircuitBreaker } from './circuitBreaker';
import { buildContext } from './context';
import { loadCorpus, type Corpus } from './corpus';
import { embeddedCandidates, LOW_CONFIDENCE, candidateFor, type EmbeddedCandidate } from './embeddedPlanner';
import { OllamaEmbedder, OllamaProvider } from './ollamaProvider';
import { OpenAiProvider } from './openaiProvider';
import { summariseWithModels, type ModelSummary } from './outputSummary';
import { PlanCache, requestShape, type CacheKeyParts } from './planCache';
import { readRequest } from './requestFacts';
import { RetrievalStore, type ExternalQuery, type Hit } from './retrievalStore';
import { routeToModels, type RoutedProvider } from './router';
import { parseBash } from './shellSyntax';
import { randomUUID } from 'node:crypto';

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
}

const MAX_CANDIDATES = 10;

export class Planner implements PlannerStage {
  readonly store: RetrievalStore;
  readonly corpus: Corpus;
  readonly cache: PlanCache;
  private readonly providers = new Map<string, RoutedProvider>();
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
    this.store = new RetrievalStore(db);
    this.store.loadCorpus(this.corpus);
    this.cache = new PlanCache(db, () => settings.planner.cacheTtlSeconds, options.now);
    const breaker = () => new CircuitBreaker(options.breakerThreshold ?? 3, options.breakerCoolDownMs ?? 30_000, options.now);
    const timeoutMs = settings.planner.timeoutMs;
    this.providers.set('ollama', { provider: new OllamaProvider({ url: settings.ollama.url, model: settings.ollama.model, timeoutMs }), breaker: breaker() });
    this.providers.set('openai', { provider: new OpenAiProvider({ baseUrl: settings.openai.baseUrl, model: settings.openai.model, apiKey: options.apiKey ?? settings.openai.apiKey, timeoutMs }), breaker: breaker() });
    this.indexing = this.startExternalIndex();
  }

  private async startExternalIndex(): Promise<void> {
    const model = this.settings.ollama.embedModel;
    if (!model) return;
    const embedder = new OllamaEmbedder({ url: this.settings.ollama.url, model, timeoutMs: this.settings.planner.timeoutMs });
    this.external = { embedder, ready: this.store.isComplete(embedder.id) };
    if (this.external.ready) return;
    try {
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
    const request = params.request.trim();
    if (request === '') throw new RequestError('The request is empty: say what you want done, e.g. "list the 10 biggest files under src".');
    const choice = params.planner ?? 'auto';
    const count = Math.max(1, Math.min(MAX_CANDIDATES, Math.floor(params.count ?? 3)));
    const parts: CacheKeyParts = { workspace: params.workspace, planner: choice, policyVersion: this.policy.version, count };

    let t = performance.now();
    const cached = this.cache.getExact(request, parts);
    if (cached) {
      lap('cache', t);
      timings.total = round(performance.now() - started);
      return { ...cached, request, cache: 'hit', timings, historyId: undefined };
    }
    lap('cache', t);

    t = performance.now();
    const context = buildContext(params.workspace);
    const facts = readRequest(request, context.names);
    lap('context', t);

    t = performance.now();
    const hits = this.store.search(request, { k: 12, userId: undefined, external: await this.externalQuery(request, options.signal) });
    const retrieved = hits.map((h) => this.example(h)).filter((e): e is RetrievedExample => e !== undefined);
    lap('retrieve', t);
    options.onProgress?.({ kind: 'retrieved', examples: retrieved });

    const order: PlannerName[] = choice === 'auto' ? this.settings.planner.order : [choice];
    t = performance.now();
    const routed = await routeToModels(order, this.providers, { request, context, examples: retrieved }, {
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
    const shape = requestShape(facts);
    let embedded = embeddedCandidates(request, hits, this.corpus, context.names, facts);
    // A request of the same shape was answered with a template before: lead with it, re-filled.
    const shaped = routed.answer ? undefined : this.cache.getShape(shape, parts);
    if (shaped) {
      const entry = this.corpus.byId.get(shaped.entryId);
      if (entry) {
        const again = candidateFor(entry, facts, Math.max(0.5, hits.find((h) => h.ref === entry.id)?.similarity ?? 0.5), 1);
        embedded = [again, ...embedded.filter((c) => c.command !== again.command)];
      }
    }
    embedded = await this.parseable(embedded, count + 1);
    lap('embedded', t);
    for (const c of embedded.slice(0, count)) options.onProgress?.({ kind: 'candidate', command: c.command, confidence: c.confidence });

    let result: Omit<PlanResult, 'policy' | 'timings'>;
    if (routed.answer) {
      const { plan, planner, repaired } = routed.answer;
      const agrees = embedded.some((c) => firstProgram(c.command) === firstProgram(plan.command));
      const confidence = round2((agrees ? 0.9 : 0.75) - (repaired ? 0.1 : 0));
      result = {
        request,
        command: plan.command,
        reasoning: plan.reasoning || `Planned by ${planner}.`,
        assumptions: plan.assumptions,
        expectedEffects: plan.expectedEffects,
        planner,
        skipped: routed.skipped,
        confidence,
        candidates: [{ command: plan.command, confidence, explanation: plan.reasoning }, ...embedded.filter((c) => c.command !== plan.command).slice(0, count - 1).map(toCandidate)],
        retrieved,
        cache: 'miss',
      };
    } else {
      const best = embedded[0];
      if (!best) {
        throw new RequestError('Paladin\'s own command knowledge has nothing close to this request. Rephrase it with the program or the action you want (e.g. "find", "count lines"), or configure a model (paladin.ollama.model or an OpenAI key).', 'unavailable');
      }
      result = {
        request,
        command: best.command,
        reasoning: this.embeddedReasoning(best),
        assumptions: best.missing.map((m) => `Replace <${m}> with the value you mean.`),
        expectedEffects: [best.explanation],
        planner: 'embedded',
        skipped: routed.skipped,
        confidence: best.confidence,
        candidates: embedded.slice(0, count).map(toCandidate),
        retrieved,
        cache: 'miss',
      };
    }

    t = performance.now();
    const policy = await this.policy.check(result.command, { workspace: params.workspace });
    lap('policy', t);
    timings.total = round(performance.now() - started);
    const final: PlanResult = { ...result, policy, timings };

    // Cache what a retry would answer the same way: not a fallback forced by a failing model.
    const forcedFallback = final.planner === 'embedded' && routed.skipped.some((s) => !/^no /.test(s.reason));
    if (!forcedFallback) {
      this.cache.putExact(request, parts, { ...final, historyId: undefined });
      if (final.planner === 'embedded' && embedded[0]?.entry && embedded[0].missing.length === 0) this.cache.putShape(shape, parts, { entryId: embedded[0].entry.id });
    }
    return final;
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

  /**
   * The plan (the first candidate) must parse; one that does not (a knowledge
   * bug) is dropped and the next tried. Alternatives are checked by the
   * policy when they are run, so they are not parsed here.
   */
  private async parseable(candidates: EmbeddedCandidate[], want: number): Promise<EmbeddedCandidate[]> {
    const rest = [...candidates];
    while (rest.length > 0 && !(await parseBash(rest[0].command)).ok) rest.shift();
    return rest.slice(0, want);
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
    try {
      let text = description;
      if (!text) {
        const row = this.db.prepare('SELECT query FROM command_history WHERE planned_command = ? AND user_id = ? ORDER BY created_at DESC LIMIT 1').get(command, userId) as { query: string } | undefined;
        text = row?.query ?? '';
      }
      const update = this.db.transaction(() => {
        this.db
          .prepare(`INSERT INTO command_embeddings (id, user_id, command, description, embedder, usage_count, success_rate) VALUES (?, ?, ?, ?, NULL, 1, ?)
            ON CONFLICT(user_id, command) DO UPDATE SET
              success_rate = (success_rate * usage_count + excluded.success_rate) / (usage_count + 1),
              usage_count = usage_count + 1,
              description = CASE WHEN excluded.description <> '' THEN excluded.description ELSE description END`)
          .run(randomUUID(), userId, command, text, succeeded ? 1 : 0);
        const row = this.db.prepare('SELECT id, description, success_rate FROM command_embeddings WHERE user_id = ? AND command = ?').get(userId, command) as { id: string; description: string; success_rate: number };
        if (row.success_rate > 0) this.store.indexHistory(row.id, command, row.description);
      });
      update.immediate();
    } catch {
      // Learning is best effort: a busy store must never fail the run that fed it.
    }
  }

  summarise(output: string, options: { command: string; signal?: AbortSignal }): Promise<ModelSummary | undefined> {
    return summariseWithModels(this.settings.planner.order, this.providers, output, options);
  }

  describe(): { active: 'ollama' | 'openai' | 'embedded'; detail: string } {
    const notes: string[] = [];
    for (const name of this.settings.planner.order) {
      if (name === 'embedded') break;
      const routed = this.providers.get(name);
      if (!routed) continue;
      const why = routed.provider.notConfigured();
      if (why) notes.push(`${name}: ${why}`);
      else if (routed.breaker.state === 'open') notes.push(`${name}: ${routed.breaker.describe()}`);
      else return { active: name, detail: `${name} at ${routed.provider.endpoint}` };
    }
    if (this.external?.error) notes.push(`embeddings: ${this.external.error}`);
    if (this.corpus.problems.length > 0) notes.push(`${this.corpus.problems.length} malformed knowledge entries left out (first: ${this.corpus.problems[0]})`);
    return { active: 'embedded', detail: `Paladin's own command knowledge (${this.corpus.entries.length} entries)${notes.length ? `; ${notes.join('; ')}` : ''}` };
  }

  dispose(): void {
    this.background.abort();
  }
}

function toCandidate(c: EmbeddedCandidate): PlanCandidate {
  return { command: c.command, confidence: c.confidence, explanation: c.explanation };
}

function firstProgram(command: string): string {
  return command.trim().split(/\s+/)[0] ?? '';
}

const round = (x: number) => Math.round(x * 100) / 100;
const round2 = (x: number) => Math.round(x * 100) / 100;
const round4 = (x: number) => Math.round(x * 10000) / 10000;
