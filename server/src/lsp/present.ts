// Turns a finished run's stdout into what the view shows: its format, the
// highlighted lines, and a summary when it is long.

import { detectFormat, highlight } from '../presenter/highlight';
import { needsSummary, summarise } from '../presenter/summary';
import type { Presentation } from '../protocol/webview';

/** ANSI/OSC escapes are stripped before recognising a format: colours are not content. */
// eslint-disable-next-line no-control-regex
const ESCAPES = /\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-Z\\-_]|[\x00-\x08\x0b-\x1f\x7f]/g;

export async function present(runId: string, stdout: string): Promise<Presentation> {
  const clean = stdout.replace(ESCAPES, (m) => (m === '\t' ? m : ''));
  const format = detectFormat(clean);
  const presentation: Presentation = { runId, format };
  if (needsSummary(clean)) presentation.summary = summarise(clean);
  if (format !== 'plain') presentation.lines = await highlight(clean, format);
  return presentation;
}
