// `paladin planner status`: every model endpoint the settings name, probed
// now, with its circuit breaker, load, answer time and last probe.

import { ModelEndpoints } from '../../planner/modelEndpoints';
import type { EndpointState } from '../../planner/modelEndpoint';
import { Exit, printJson, UsageError, type Subcommand } from '../command';

const help = `Usage:
  paladin planner status [--json]

Lists every model endpoint the settings name (paladin.ollama.hosts or
paladin.ollama.url, then paladin.openai.endpoints or paladin.openai.baseUrl),
probes each once now (Ollama: GET /api/tags and the model is listed;
OpenAI-compatible: GET /models with its key) and prints its circuit breaker
state, requests in flight, recent answer time and the probe's result.
Requests go to the least-loaded endpoint of a kind, Ollama first.

Exits 1 when endpoints are configured and none answered its probe.

Options:
  --json   machine-readable output (one object per endpoint)
`;

export const plannerCommand: Subcommand = {
  name: 'planner',
  summary: 'show the model endpoints: breaker, load, answer time, health',
  help,
  allowPositionals: true,
  options: { json: { type: 'boolean' } },
  async run(ctx, { values, positionals }) {
    const [action, ...extra] = positionals;
    if (action !== 'status') throw new UsageError(`say what to show: paladin planner status${action ? ` (not "${action}")` : ''}`);
    if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
    const apiKey = ctx.settings.openai.apiKey || process.env.OPENAI_API_KEY?.trim() || undefined;
    const endpoints = new ModelEndpoints({ ...ctx.settings, planner: { ...ctx.settings.planner, probeIntervalSeconds: 0 } }, { apiKey });
    try {
      await endpoints.probeNow();
      const states = endpoints.states();
      if (values.json) printJson(ctx, states);
      else for (const line of statusLines(states)) ctx.out.write(`${line}\n`);
      const configured = states.filter((s) => !s.notConfigured);
      return configured.length > 0 && !configured.some((s) => s.up) ? Exit.failure : Exit.ok;
    } finally {
      endpoints.dispose();
    }
  },
};

/** One line per endpoint, then what answers when none can. */
export function statusLines(states: EndpointState[]): string[] {
  const width = Math.max(...states.map((s) => s.name.length), 4);
  const lines = states.map((s) => {
    const head = `${s.name.padEnd(width)}  ${s.kind.padEnd(6)}  ${s.url}  ${s.model || '(no model)'}`;
    if (s.notConfigured) return `${head}  not used: ${s.notConfigured}`;
    const health = s.up === undefined ? 'not probed' : s.up ? 'up' : 'down';
    const probe = s.lastProbe ? `probe ${s.lastProbe.at} ${s.lastProbe.ms} ms: ${s.lastProbe.detail}` : 'no probe yet';
    const latency = s.latencyMs > 0 ? `${s.latencyMs} ms` : '-';
    return `${head}  ${health}  breaker ${s.breaker}  in flight ${s.inFlight}  latency ${latency}  ${probe}`;
  });
  if (!states.some((s) => !s.notConfigured && s.up)) lines.push("No model endpoint answers: plans come from Paladin's embedded planner.");
  return lines;
}
