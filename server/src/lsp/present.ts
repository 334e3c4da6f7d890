// Turns a finished run's stdout into what the view shows: its format, the
// highlighted lines, and a summary when it is long — the extractive one
// always, with a language model's text on top when one answers.

import { detectFormat, highlight } from '../presenter/highlight';
import { needsSummary, summarise } from '../presenter/summary';
import type { Presentation } from '../protocol/webview';
import type { PlannerStage } from '../stages';

/** ANSI/OSC escapes are stripped before recognising a format: colours are not content. */
// eslint-disable-next-line no-control-regex
const ESCAPES = /\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-Z\\-_]|[\x00-\x08\x0b-\x1f\x7f]/g;

const providerNames = { ollama: 'Ollama', openai: 'OpenAI' } as const;

export interface PresentOptions {
  /** The planner stage whose models may write the summary; without it the summary is extractive. */
  planner?: Pick<PlannerStage, 'summarise'>;
  /** The command that produced the output, given to the model as context. */
  command?: string;
  signal?: AbortSignal;
}

export async function present(runId: string, stdout: string, options: PresentOptions = {}): Promise<Presentation> {
  const clean = stdout.replace(ESCAPES, (m) => (m === '\t' ? m : ''));
  const format = detectFormat(clean);
  const presentation: Presentation = { runId, format };
  if (needsSummary(clean)) {
    presentation.summary = { ...summarise(clean), source: 'extractive' };
    const written = await modelSummary(clean, options);
    if (written) presentation.summary = { ...presentation.summary, source: 'model', text: written.text, model: `${written.model} (${providerNames[written.planner]})` };
  }
  if (format !== 'plain') presentation.lines = await highlight(clean, format);
  return presentation;
}

async function modelSummary(text: string, options: PresentOptions): Promise<Awaited<ReturnType<NonNullable<PlannerStage['summarise']>>>> {
  if (!options.planner?.summarise) return undefined;
  try {
    return await options.planner.summarise(text, { command: options.command ?? '', signal: options.signal });
  } catch {
    // A summary is a convenience: whatever went wrong, the extractive one stands.
    return undefined;
  }
}
