// Highlights recognised output formats (JSON, unified diffs, CSV, logs) with
// shiki, the highlighter that uses VS Code's own grammars. Each token carries
// its colour under a light and a dark theme so the view follows the editor's
// theme without asking the server again. Tokens are data, never HTML.

import { createHighlighterCore, type HighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import json from 'shiki/dist/langs/json.mjs';
import diff from 'shiki/dist/langs/diff.mjs';
import csv from 'shiki/dist/langs/csv.mjs';
import log from 'shiki/dist/langs/log.mjs';
import shellscript from 'shiki/dist/langs/shellscript.mjs';
import githubLight from 'shiki/dist/themes/github-light.mjs';
import githubDark from 'shiki/dist/themes/github-dark.mjs';
import type { OutputFormat, Token } from '../protocol/webview';

export { detectFormat } from '../protocol/outputLanguage';

/** Output longer than this is summarised, not highlighted. */
export const MAX_HIGHLIGHT_CHARS = 200_000;
const MAX_LINE_CHARS = 4_000;

let highlighter: Promise<HighlighterCore> | undefined;

function getHighlighter(): Promise<HighlighterCore> {
  highlighter ??= createHighlighterCore({
    themes: [githubLight, githubDark],
    langs: [json, diff, csv, log, shellscript],
    engine: createJavaScriptRegexEngine({ forgiving: true }),
  });
  return highlighter;
}

/** Tokens per line for `text` in `format`; undefined for plain text or text too long to highlight. */
export async function highlight(text: string, format: OutputFormat | 'shellscript'): Promise<Token[][] | undefined> {
  if (format === 'plain' || text.length > MAX_HIGHLIGHT_CHARS) return undefined;
  const hl = await getHighlighter();
  const source = text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((l) => (l.length > MAX_LINE_CHARS ? l.slice(0, MAX_LINE_CHARS) + '…' : l))
    .join('\n')
    .replace(/\n$/, '');
  const result = hl.codeToTokens(source, { lang: format, themes: { light: 'github-light', dark: 'github-dark' }, defaultColor: false });
  return result.tokens.map((line) =>
    line.map((tok) => {
      const out: Token = { t: tok.content };
      const styles = tok.htmlStyle ?? {};
      const l = styles['--shiki-light'];
      const d = styles['--shiki-dark'];
      if (l && /^#[0-9a-fA-F]{3,8}$/.test(l)) out.l = l;
      if (d && /^#[0-9a-fA-F]{3,8}$/.test(d)) out.d = d;
      if (tok.fontStyle) out.s = tok.fontStyle;
      return out;
    }),
  );
}
