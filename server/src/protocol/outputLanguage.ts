// What kind of text a run printed (JSON, a unified diff, CSV, a log, plain
// text), guessed from its content alone, and the VS Code language that shows
// it highlighted. Shared by the server's presenter and the editor's output
// documents.

import type { OutputFormat } from './webview';

/** Guesses the format of a run's stdout from its content (never from what the output claims to be). */
export function detectFormat(text: string): OutputFormat {
  const trimmed = text.trim();
  if (trimmed === '') return 'plain';
  if ((trimmed.startsWith('{') && trimmed.endsWith('}')) || (trimmed.startsWith('[') && trimmed.endsWith(']'))) {
    try {
      JSON.parse(trimmed);
      return 'json';
    } catch {
      // Not JSON after all; also try JSON lines.
    }
  }
  const lines = trimmed.split('\n').slice(0, 200);
  if (lines.length > 1 && lines.every((l) => l.trim() === '' || /^[[{]/.test(l.trim()))) {
    if (lines.every((l) => { if (l.trim() === '') return true; try { JSON.parse(l); return true; } catch { return false; } })) return 'json';
  }
  if (/^(diff --git |--- .+\n\+\+\+ |@@ -\d)/m.test(trimmed) && /^@@ -\d+(,\d+)? \+\d+(,\d+)? @@/m.test(trimmed)) return 'diff';
  if (lines.length >= 2) {
    const commas = lines.map((l) => (l.match(/,/g) ?? []).length);
    if (commas[0] > 0 && commas.every((c) => c === commas[0])) return 'csv';
  }
  const logLike = lines.filter((l) => /^\s*(\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|\[?(INFO|WARN|WARNING|ERROR|DEBUG|TRACE)\]?[\s:])/i.test(l)).length;
  if (logLike >= Math.max(2, lines.length / 2)) return 'log';
  return 'plain';
}

/** The editor language for a format ('plaintext' when VS Code has none built in). */
export function languageOf(format: OutputFormat): string {
  return format === 'json' ? 'json' : format === 'diff' ? 'diff' : format === 'log' ? 'log' : 'plaintext';
}

/** The editor language for a run's output. */
export function outputLanguage(text: string): string {
  return languageOf(detectFormat(text));
}
