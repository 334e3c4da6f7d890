// One place that turns raw setting values (from VS Code's configuration, the
// CLI's environment or an API call) into a typed object with safe defaults.
// Unknown or out-of-range values never pass through: they become the default
// and a warning a person can read.

import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_ALLOWED_HOSTS, parsePatterns } from '../executor/hostAllowList';
import type { PlannerName } from '../protocol/types';
import { ollamaHosts, openAiEndpoints, type OllamaHost, type OpenAiEndpointSetting } from './modelHosts';
import { parseServerUrl } from '../remote/serverUrl';

export interface Settings {
  /** url: a postgres:// URL selects the shared PostgreSQL store; empty: the SQLite file at `path`. */
  database: { path: string; url: string };
  planner: {
    order: PlannerName[];
    timeoutMs: number;
    cacheTtlSeconds: number;
    /** Seconds between background health probes of the model endpoints; 0: no probes. */
    probeIntervalSeconds: number;
  };
  /** hosts: several Ollama hosts; empty: the one at `url`. */
  ollama: { url: string; model: string; embedModel: string; hosts: OllamaHost[] };
  openai: {
    baseUrl: string;
    model: string;
    /** Several OpenAI-compatible endpoints; empty: the one at `baseUrl`. */
    endpoints: OpenAiEndpointSetting[];
    /** Never a setting: the editor's SecretStorage (or OPENAI_API_KEY for the CLI), held in memory only. */
    apiKey?: string;
  };
  sandbox: {
    image: string;
    timeoutSeconds: number;
    memoryMiB: number;
    cpus: number;
    pids: number;
    tmpfsMiB: number;
    outputBytes: number;
    historyOutputBytes: number;
    poolSize: number;
    poolIdleSeconds: number;
    maxConcurrent: number;
    snapshotMaxMiB: number;
    /** Server-wide longest run; requested timeouts above it are lowered to it. */
    maxTimeoutSeconds: number;
    /** Disk all pending snapshot changes may take, and one user's share. */
    pendingMaxMiB: number;
    pendingUserMaxMiB: number;
    /** The engine runtime sandboxes run under: runc (the default) or gVisor's runsc. */
    runtime: SandboxRuntime;
    /** How a snapshot run gets the workspace: an overlay over it (the default) or a copy. */
    snapshotMethod: SnapshotMethod;
    /** The toolchain image: picked by the workspace's files (`auto`), none, or pinned. */
    toolchain: ToolchainSetting;
    /** Hosts a run granted network may reach (names, `*.suffix`, addresses, each with an optional `:port`). */
    networkAllow: string[];
  };
  /** keepSecrets: store commands and outputs verbatim instead of masking secrets at rest. */
  history: { outputRetentionDays: number; keepSecrets: boolean };
  audit: { checkpointEvery: number };
  /** workspaces: folders API keys without their own grant may use; empty: the folder the server started in. */
  api: { port: number; maxBodyBytes: number; sessionHours: number; workspaces: string[] };
  /** perStatement: a code lens above every statement of a shell script instead of every block. */
  lenses: { perStatement: boolean };
  /** otlpEndpoint: where traces go over OTLP/HTTP (base URL); empty: OTEL_EXPORTER_OTLP_ENDPOINT, else no tracing. */
  telemetry: { otlpEndpoint: string };
  /** prices: per model, per 1M tokens, prompt and completion; a model not listed costs 0. */
  cost: { prices: ModelPrices };
  /**
   * url: the team server that answers plan, check, explain, history and audit
   * (empty: this machine). apiKey is never a setting: the editor's
   * SecretStorage, held in memory only.
   */
  server: { url: string; apiKey?: string };
}

export type ModelPrices = Record<string, { prompt: number; completion: number }>;

/** Settings that only take effect after the server restarts. */
export const requiresServerRestart = ['paladin.server.runtime', 'paladin.database.path', 'paladin.database.url'] as const;

export interface NormalisedSettings {
  settings: Settings;
  warnings: string[];
}

export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PALADIN_DB) return env.PALADIN_DB;
  const dataHome = env.XDG_DATA_HOME || path.join(os.homedir(), '.local', 'share');
  return path.join(dataHome, 'paladin', 'paladin.db');
}

type Raw = Record<string, unknown>;

/** Bounds are [min, max]; values outside them fall back to the default. */
const numbers: Record<string, { def: number; min: number; max: number }> = {
  'planner.timeoutMs': { def: 20_000, min: 500, max: 300_000 },
  'planner.cacheTtlSeconds': { def: 86_400, min: 0, max: 30 * 86_400 },
  'planner.probeIntervalSeconds': { def: 30, min: 0, max: 3_600 },
  'sandbox.timeoutSeconds': { def: 30, min: 1, max: 3_600 },
  'sandbox.memoryMiB': { def: 512, min: 32, max: 16_384 },
  'sandbox.cpus': { def: 1, min: 0.1, max: 8 },
  'sandbox.pids': { def: 128, min: 16, max: 4_096 },
  'sandbox.tmpfsMiB': { def: 64, min: 1, max: 4_096 },
  'sandbox.outputBytes': { def: 1 << 20, min: 1_024, max: 64 << 20 },
  'sandbox.historyOutputBytes': { def: 8 << 20, min: 1_024, max: 256 << 20 },
  'sandbox.poolSize': { def: 2, min: 0, max: 16 },
  'sandbox.poolIdleSeconds': { def: 300, min: 5, max: 86_400 },
  'sandbox.maxConcurrent': { def: 2, min: 1, max: 32 },
  'sandbox.snapshotMaxMiB': { def: 256, min: 1, max: 8_192 },
  'sandbox.maxTimeoutSeconds': { def: 600, min: 1, max: 3_600 },
  'sandbox.pendingMaxMiB': { def: 2_048, min: 1, max: 1 << 20 },
  'sandbox.pendingUserMaxMiB': { def: 512, min: 1, max: 1 << 20 },
  'history.outputRetentionDays': { def: 30, min: 0, max: 3_650 },
  'audit.checkpointEvery': { def: 64, min: 1, max: 100_000 },
  'api.port': { def: 7787, min: 1, max: 65_535 },
  'api.maxBodyBytes': { def: 65_536, min: 1_024, max: 16 << 20 },
  'api.sessionHours': { def: 12, min: 1, max: 720 },
};

const strings: Record<string, string> = {
  'ollama.url': 'http://127.0.0.1:11434',
  'ollama.model': '',
  'ollama.embedModel': '',
  'openai.baseUrl': 'https://api.openai.com/v1',
  'openai.model': 'gpt-4o-mini',
  'sandbox.image': 'paladin-sandbox:latest',
  'sandbox.runtime': 'runc',
  'sandbox.snapshotMethod': 'overlay',
  'sandbox.toolchain': 'auto',
  'telemetry.otlpEndpoint': '',
};

export type SandboxRuntime = 'runc' | 'runsc';
export type SnapshotMethod = 'overlay' | 'copy';
export type ToolchainSetting = 'auto' | 'none' | 'node' | 'python' | 'go' | 'rust';
export const SANDBOX_RUNTIMES: SandboxRuntime[] = ['runc', 'runsc'];

const plannerNames: PlannerName[] = ['ollama', 'openai', 'embedded'];

/** Every setting key Paladin knows, without the `paladin.` prefix. */
export const knownSettings: string[] = [
  'server.runtime',
  'server.url',
  'database.path',
  'database.url',
  'planner.order',
  'ollama.hosts',
  'openai.endpoints',
  'history.keepSecrets',
  'api.workspaces',
  'lenses.perStatement',
  'sandbox.network.allow',
  'cost.prices',
  ...Object.keys(numbers),
  ...Object.keys(strings),
];

/**
 * Normalise a flat map of `section.name` → value (the `paladin.` prefix is
 * optional). Missing keys take their defaults.
 */
export function normaliseSettings(raw: Raw = {}, env: NodeJS.ProcessEnv = process.env): NormalisedSettings {
  const warnings: string[] = [];
  const flat: Raw = {};
  for (const [key, value] of Object.entries(raw)) {
    const name = key.startsWith('paladin.') ? key.slice('paladin.'.length) : key;
    if (value === undefined || value === null) continue;
    if (!knownSettings.includes(name)) {
      warnings.push(`Unknown setting "paladin.${name}" ignored; known settings: ${knownSettings.map((k) => 'paladin.' + k).join(', ')}.`);
      continue;
    }
    flat[name] = value;
  }

  const { num, str, bool, folderList } = readers(flat, warnings);
  const order = plannerOrder(flat['planner.order'], warnings);

  const dbValue = flat['database.path'];
  const dbPath = typeof dbValue === 'string' && dbValue.trim() !== '' ? dbValue.trim() : defaultDatabasePath(env);

  const settings: Settings = {
    database: { path: dbPath, url: databaseUrl(flat['database.url'], warnings) },
    planner: { order, timeoutMs: num('planner.timeoutMs'), cacheTtlSeconds: num('planner.cacheTtlSeconds'), probeIntervalSeconds: num('planner.probeIntervalSeconds') },
    ollama: { url: str('ollama.url'), model: str('ollama.model'), embedModel: str('ollama.embedModel'), hosts: ollamaHosts(flat['ollama.hosts'], warnings) },
    openai: { baseUrl: str('openai.baseUrl'), model: str('openai.model'), endpoints: openAiEndpoints(flat['openai.endpoints'], warnings) },
    sandbox: {
      image: str('sandbox.image'),
      timeoutSeconds: num('sandbox.timeoutSeconds'),
      memoryMiB: num('sandbox.memoryMiB'),
      cpus: num('sandbox.cpus'),
      pids: num('sandbox.pids'),
      tmpfsMiB: num('sandbox.tmpfsMiB'),
      outputBytes: num('sandbox.outputBytes'),
      historyOutputBytes: num('sandbox.historyOutputBytes'),
      poolSize: num('sandbox.poolSize'),
      poolIdleSeconds: num('sandbox.poolIdleSeconds'),
      maxConcurrent: num('sandbox.maxConcurrent'),
      snapshotMaxMiB: num('sandbox.snapshotMaxMiB'),
      maxTimeoutSeconds: num('sandbox.maxTimeoutSeconds'),
      pendingMaxMiB: num('sandbox.pendingMaxMiB'),
      pendingUserMaxMiB: num('sandbox.pendingUserMaxMiB'),
      runtime: runtimeOf(str('sandbox.runtime'), warnings),
      toolchain: oneOf('sandbox.toolchain', str('sandbox.toolchain'), ['auto', 'none', 'node', 'python', 'go', 'rust'] as const, warnings),
      snapshotMethod: oneOf('sandbox.snapshotMethod', str('sandbox.snapshotMethod'), ['overlay', 'copy'] as const, warnings),
      networkAllow: hostList(flat['sandbox.network.allow'], warnings),
    },
    history: { outputRetentionDays: num('history.outputRetentionDays'), keepSecrets: bool('history.keepSecrets', false) },
    audit: { checkpointEvery: num('audit.checkpointEvery') },
    api: { port: num('api.port'), maxBodyBytes: num('api.maxBodyBytes'), sessionHours: num('api.sessionHours'), workspaces: folderList('api.workspaces') },
    lenses: { perStatement: bool('lenses.perStatement', false) },
    telemetry: { otlpEndpoint: str('telemetry.otlpEndpoint') },
    cost: { prices: modelPrices(flat['cost.prices'], warnings) },
    server: { url: serverUrl(flat['server.url'], warnings) },
  };
  return { settings, warnings };
}

/** Typed readers over the flat settings: a bad value warns and takes its default. */
function readers(flat: Raw, warnings: string[]) {
  const num = (name: string): number => {
    const spec = numbers[name];
    const value = flat[name];
    if (value === undefined || value === '') return spec.def;
    const n = typeof value === 'number' ? value : Number(value);
    if (!Number.isFinite(n) || n < spec.min || n > spec.max) {
      warnings.push(`Setting "paladin.${name}" = ${JSON.stringify(value)} is not a number from ${spec.min} to ${spec.max}; using ${spec.def}.`);
      return spec.def;
    }
    return n;
  };
  const str = (name: string): string => {
    const value = flat[name];
    if (value === undefined || value === '') return strings[name];
    if (typeof value !== 'string') {
      warnings.push(`Setting "paladin.${name}" must be a string; using ${JSON.stringify(strings[name])}.`);
      return strings[name];
    }
    return value.trim();
  };

  const bool = (name: string, def: boolean): boolean => {
    const value = flat[name];
    if (value === undefined || value === '') return def;
    if (value === true || value === 'true' || value === '1') return true;
    if (value === false || value === 'false' || value === '0') return false;
    warnings.push(`Setting "paladin.${name}" must be true or false; using ${def}.`);
    return def;
  };
  // A list of absolute folders: an array, or one string split like PATH.
  const folderList = (name: string): string[] => {
    const value = flat[name];
    if (value === undefined || value === '') return [];
    const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(path.delimiter) : null;
    if (!list || !list.every((d): d is string => typeof d === 'string' && path.isAbsolute(d.trim()))) {
      warnings.push(`Setting "paladin.${name}" must list absolute folders (separated by "${path.delimiter}" in the environment); using none.`);
      return [];
    }
    return list.map((d) => d.trim());
  };
  return { num, str, bool, folderList };
}
/** `planner.order`: some of ollama, openai, embedded, as a list or a comma-separated string. */
function plannerOrder(value: unknown, warnings: string[]): PlannerName[] {
  const order: PlannerName[] = ['ollama', 'openai', 'embedded'];
  if (value === undefined) return order;
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',').map((s) => s.trim()) : null;
  if (list && list.length > 0 && list.every((p): p is PlannerName => plannerNames.includes(p as PlannerName))) return [...new Set(list)];
  warnings.push(`Setting "paladin.planner.order" must list some of ${plannerNames.join(', ')}; using ${order.join(', ')}.`);
  return order;
}

/**
 * Settings for the CLI and the HTTP API: defaults overridden by PALADIN_*
 * environment variables (`PALADIN_SANDBOX_IMAGE` → `sandbox.image`).
 */
export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): NormalisedSettings {
  const raw: Raw = {};
  for (const key of knownSettings) {
    // The team server is the editor's: its key lives in the editor's secret storage.
    if (key === 'server.url') continue;
    const envName = 'PALADIN_' + key.replace(/([a-z])([A-Z])/g, '$1_$2').replace(/\./g, '_').toUpperCase();
    if (env[envName] !== undefined) raw[key] = env[envName];
  }
  return normaliseSettings(raw, env);
}

/** The numeric and string settings with their defaults and bounds, for the editor's settings contribution (kept in sync by a test). */
export const settingSpecs = { numbers: numbers as Readonly<typeof numbers>, strings: strings as Readonly<typeof strings> };

// Kept even when it is not a PostgreSQL URL: opening the store then fails and
// says so, rather than a team server quietly writing to a private SQLite file.
function databaseUrl(value: unknown, warnings: string[]): string {
  if (value === undefined) return '';
  if (typeof value !== 'string') {
    warnings.push('Setting "paladin.database.url" must be a string (postgres://USER:PASSWORD@HOST:PORT/DATABASE); using the SQLite file.');
    return '';
  }
  const url = value.trim();
  if (url && !/^postgres(ql)?:\/\//i.test(url)) warnings.push('Setting "paladin.database.url" must start with postgres:// or postgresql://; the store will refuse to open until it does (or is empty, for the SQLite file).');
  return url;
}

/** `sandbox.network.allow`: a list, or one string split at commas and spaces; a bad entry keeps the defaults and says why. */
function hostList(value: unknown, warnings: string[]): string[] {
  if (value === undefined || value === '') return [...DEFAULT_ALLOWED_HOSTS];
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/).filter(Boolean) : null;
  try {
    if (!list || !list.every((e): e is string => typeof e === 'string')) throw new Error('it must be a list of host names');
    return parsePatterns(list).map((p) => p.entry);
  } catch (err) {
    warnings.push(`Setting "paladin.sandbox.network.allow": ${(err as Error).message.replace(/\.$/, '')}; using the default list (package registries).`);
    return [...DEFAULT_ALLOWED_HOSTS];
  }
}

/** `cost.prices`: {"model": {"prompt": N, "completion": N}} per 1M tokens, as an object or its JSON text. */
function modelPrices(value: unknown, warnings: string[]): ModelPrices {
  if (value === undefined || value === '') return {};
  const bad = (why: string): ModelPrices => {
    warnings.push(`Setting "paladin.cost.prices" ${why}; give {"MODEL": {"prompt": PRICE, "completion": PRICE}} per 1M tokens. Using no prices (every model costs 0).`);
    return {};
  };
  let raw: unknown = value;
  if (typeof raw === 'string') {
    try {
      raw = JSON.parse(raw) as unknown;
    } catch {
      return bad('is not JSON');
    }
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return bad('must be an object');
  const prices: ModelPrices = {};
  for (const [model, price] of Object.entries(raw as Record<string, unknown>)) {
    const p = price as { prompt?: unknown; completion?: unknown } | null;
    const ok = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= 1e6;
    if (!p || typeof p !== 'object' || !ok(p.prompt) || !ok(p.completion)) return bad(`has a bad price for "${model}" (each needs prompt and completion, numbers from 0 to 1000000)`);
    prices[model] = { prompt: p.prompt, completion: p.completion };
  }
  return prices;
}

// Kept even when it is refused: the editor's server then says why and answers
// nothing, rather than quietly judging with this machine's policies.
function serverUrl(value: unknown, warnings: string[]): string {
  if (value === undefined) return '';
  if (typeof value !== 'string') {
    warnings.push('Setting "paladin.server.url" must be a string (https://HOST[:PORT]); working locally.');
    return '';
  }
  const url = value.trim();
  const parsed = url === '' ? undefined : parseServerUrl(url);
  if (parsed && !parsed.ok) warnings.push(`${parsed.reason} Until then Paladin answers no plan, check or run.`);
  return url;
}

function runtimeOf(value: string, warnings: string[]): SandboxRuntime {
  if ((SANDBOX_RUNTIMES as string[]).includes(value)) return value as SandboxRuntime;
  warnings.push(`Setting "paladin.sandbox.runtime" must be one of ${SANDBOX_RUNTIMES.join(', ')}, not ${JSON.stringify(value)}; using runc.`);
  return 'runc';
}

function oneOf<T extends string>(key: string, value: string, allowed: readonly T[], warnings: string[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  warnings.push(`Setting "paladin.${key}" must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}; using ${allowed[0]}.`);
  return allowed[0];
}
