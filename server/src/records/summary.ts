// An extractive summary of long output, for when no language model is there
// to write one: counts, the lines that look like errors and warnings first,
// the first and last lines, and the lines repeated most.

import type { OutputSummary } from '../protocol/webview';

/** Output with more lines or bytes than this collapses behind its summary. */
export const SUMMARY_LINES = 200;
export const SUMMARY_BYTES = 16 * 1024;

const ERROR = /\b(error|fatal|failed|failure|exception|panic|denied|not found|no such file|traceback)\b/i;
const WARNING = /\b(warn|warning|deprecated)\b/i;
const TAKE = 5;
const MAX_LINE = 300;

export function needsSummary(text: string): boolean {
  if (text.length > SUMMARY_BYTES) return true;
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) if (++lines > SUMMARY_LINES) return true;
  return false;
}

const clip = (line: string) => (line.length > MAX_LINE ? line.slice(0, MAX_LINE) + '…' : line);

export function summarise(text: string): OutputSummary {
  const lines = text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
  const errors: string[] = [];
  const warnings: string[] = [];
  const counts = new Map<string, number>();
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    if (ERROR.test(line)) {
      if (errors.length < TAKE) errors.push(clip(line));
    } else if (WARNING.test(line) && warnings.length < TAKE) warnings.push(clip(line));
    if (counts.size < 100_000 || counts.has(line)) counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  const repeated = [...counts.entries()]
    .filter(([, n]) => n > 1)
    .sort((a, b) => b[1] - a[1])
    .slice(0, TAKE)
    .map(([line, count]) => ({ line: clip(line), count }));
  return {
    lines: text === '' ? 0 : lines.length,
    bytes: Buffer.byteLength(text, 'utf8'),
    errors,
    warnings,
    first: lines.slice(0, TAKE).map(clip),
    last: lines.length > TAKE ? lines.slice(Math.max(TAKE, lines.length - TAKE)).map(clip) : [],
    repeated,
  };
}
