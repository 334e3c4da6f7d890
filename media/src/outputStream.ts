// Streamed run output in the view: ANSI colours per stream, and a cap on what
// is laid out (the rest opens in an editor tab).

import { AnsiParser, type Segment } from './ansi';
import type { Chunk } from './chatState';
import { h } from './dom';

/**
 * Output rendered in the view per run; the rest is counted, summarised at the
 * end and opens in an editor tab. Laying out megabytes of text in a webview
 * would stall the editor's own window.
 */
const MAX_RENDERED_OUTPUT = 64 * 1024;

const parsers = new Map<string, AnsiParser>();
const renderedChars = new Map<string, number>();

/** Forgets what was rendered of a run, before it is rendered again from its stored chunks. */
export function resetOutput(runId: string): void {
  parsers.delete(`${runId}:stdout`);
  parsers.delete(`${runId}:stderr`);
  renderedChars.set(runId, 0);
}

export function appendOutput(out: HTMLElement, runId: string, chunk: Chunk): void {
  const done = renderedChars.get(runId) ?? 0;
  if (done >= MAX_RENDERED_OUTPUT) return;
  renderedChars.set(runId, done + chunk.text.length);
  // One parser per stream keeps colours from leaking between stdout and stderr.
  const key = `${runId}:${chunk.stream}`;
  let parser = parsers.get(key);
  if (!parser) parsers.set(key, (parser = new AnsiParser()));
  appendSegments(out, parser.feed(chunk.text), chunk.stream);
  if (done + chunk.text.length >= MAX_RENDERED_OUTPUT) out.append(h('span', { class: 'note', text: '\n… more output than the view shows: open the full output in an editor tab.' }));
}

export function appendSegments(out: HTMLElement, segments: Segment[], stream: 'stdout' | 'stderr'): void {
  for (const seg of segments) {
    const span = h('span', { class: stream === 'stderr' ? 'stderr' : 'stdout', text: seg.text });
    if (typeof seg.fg === 'number') span.classList.add(`ansi-fg-${seg.fg}`);
    else if (seg.fg) span.style.color = seg.fg;
    if (typeof seg.bg === 'number') span.classList.add(`ansi-bg-${seg.bg}`);
    else if (seg.bg) span.style.backgroundColor = seg.bg;
    if (seg.bold) span.classList.add('bold');
    if (seg.italic) span.classList.add('italic');
    if (seg.underline) span.classList.add('underline');
    if (seg.dim) span.classList.add('dim');
    if (stream === 'stderr') span.title = 'stderr';
    out.append(span);
  }
}

export function formatChars(n: number): string {
  return n < 1024 ? `${n} characters` : n < 1 << 20 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / (1 << 20)).toFixed(1)} MiB`;
}
