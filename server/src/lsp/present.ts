// Turns a finished run's stdout into what the view shows: its format, the
// highlighted lines, and a summary when it is long — the extractive one
// always, with a language model's text on top when one answers.

import { ESCAPE_SEQUENCES } from '../records/terminalText';
import { detectFormat, highlight } from '../records/highlight';
import { needsSummary, summarise } from '../records/summary';
import type { Presentation } from '../protocol/webview';
import type { PlannerStage } from '../stages';

const providerNames = { ollama: 'Ollama', openai: 'OpenAI' } as const;

export interface PresentOptions {
  /** The planner stage whose models may write the summary; without it the summary is extractive. */
  planner?: Pick<PlannerStage, 'summarise'>;
  /** The command that produced the output, given to the model as context. */
  command?: string;
  signal?: AbortSignal;
}

export async function present(runId: string, stdout: string, options: PresentOptions = {}): Promise<Presentation> {
  // ANSI/OSC escapes are stripped before recognising a format: colours are not content.
  const clean = stdout.replace(ESCAPE_SEQUENCES, (m) => (m === '\t' ? m : ''));
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
