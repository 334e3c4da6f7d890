// One run inside a card: its state line, Stop, the output (highlighted or
// streamed), the summary of long output, and the changed files with Apply and
// Discard.

import type { RunResult } from '../../server/src/protocol/types';
import type { Presentation, Token } from '../../server/src/protocol/webview';
import { describeConsequences } from '../../server/src/protocol/consequencesText';
import { describeNetwork } from '../../server/src/protocol/networkText';
import { AnsiParser } from './ansi';
import { chat, post, type RunView } from './chatState';
import { button, h } from './dom';
import { appendOutput, appendSegments, resetOutput } from './outputStream';

export function renderRun(run: RunView): HTMLElement {
  const el = h('section', { class: 'run', label: `Run of ${run.command}`, attrs: { 'data-run': run.runId } });
  const state = run.error ? 'failed' : run.result ? describeEnd(run.result) : 'running…';
  el.append(h('p', { class: 'run-state', text: `Run: ${state}`, attrs: { role: 'status', 'aria-live': 'polite' } }));
  if (!run.result && !run.error) el.append(button('Stop', 'Stop this run', () => post({ type: 'cancel', runId: run.runId })));
  const p = run.presentation;
  if (p?.summary) el.append(renderSummary(p));
  const out = renderOutput(run);
  if (p?.summary) el.append(h('details', { class: 'full-output' }, [h('summary', { text: 'Show the output here' }), out]));
  else if (run.result && run.output.length === 0) el.append(h('p', { class: 'no-output', text: 'No output.' }));
  else el.append(out);
  if (run.output.length > 0 || run.result) {
    el.append(h('div', { class: 'actions' }, [button('Open full output in an editor tab', 'Open the full output in an editor tab', () => post({ type: 'openOutput', runId: run.runId }))]));
  }
  if (run.error) el.append(h('p', { class: 'error', text: run.error, attrs: { role: 'alert' } }));
  // A run with network: what it reached and the hosts it was refused, as text.
  const network = describeNetwork(run.result?.network);
  if (network.length) el.append(h('ul', { class: 'network', label: 'Network' }, network.map((line) => h('li', { text: line }))));
  const changes = run.result?.changes;
  if (changes && changes.length > 0) el.append(renderChanges(run));
  else if (run.result?.mode === 'snapshot') el.append(h('p', { class: 'changes none', text: 'The run changed no files.' }));
  return el;
}

function renderOutput(run: RunView): HTMLElement {
  const p = run.presentation;
  const out = h('pre', { class: 'output', label: 'Output', attrs: { role: 'log', 'aria-live': 'polite', tabindex: '0' } });
  if (p?.lines) {
    out.classList.add(`format-${p.format}`);
    out.append(renderTokens(p.lines));
    const stderr = run.output.filter((c) => c.stream === 'stderr');
    if (stderr.length) {
      const parser = new AnsiParser();
      for (const c of stderr) appendSegments(out, parser.feed(c.text), 'stderr');
    }
  } else {
    resetOutput(run.runId);
    for (const c of run.output) appendOutput(out, run.runId, c);
  }
  return out;
}

export function describeEnd(r: RunResult): string {
  const secs = (r.durations.runMs / 1000).toFixed(2);
  switch (r.end) {
    case 'exited':
      return `exited ${r.exitCode} in ${secs} s${r.truncated ? ' (output truncated)' : ''}`;
    case 'timeout':
      return `stopped at the time limit after ${secs} s`;
    case 'memory limit':
      return 'stopped: it hit the memory limit';
    case 'output limit':
      return 'stopped: it produced more output than allowed';
    case 'cancelled':
      return 'cancelled';
    default:
      return `sandbox error: ${r.message ?? ''}`;
  }
}

function renderSummary(p: Presentation): HTMLElement {
  const s = p.summary!;
  const list = (title: string, lines: string[]) => (lines.length ? h('div', {}, [h('h4', { text: title }), h('pre', { class: 'summary-lines', text: lines.join('\n') })]) : null);
  // A model's text is shown as text (textContent), never as markup.
  const byModel = s.source === 'model' && typeof s.text === 'string';
  return h('section', { class: 'summary', label: 'Output summary' }, [
    h('h4', { class: 'summary-source', text: byModel ? `Summary by ${typeof s.model === 'string' ? s.model : 'a language model'}` : 'Summary' }),
    byModel ? h('p', { class: 'summary-text', text: s.text }) : null,
    h('p', { text: `${s.lines} lines, ${s.bytes} bytes${p.format !== 'plain' ? `, ${p.format}` : ''}. Long output is collapsed.` }),
    list('Errors', s.errors),
    list('Warnings', s.warnings),
    list('First lines', s.first),
    list('Last lines', s.last),
    s.repeated.length ? h('div', {}, [h('h4', { text: 'Most repeated' }), h('pre', { class: 'summary-lines', text: s.repeated.map((r) => `${r.count}× ${r.line}`).join('\n') })]) : null,
  ]);
}

function renderTokens(lines: Token[][]): DocumentFragment {
  const frag = document.createDocumentFragment();
  lines.forEach((line, i) => {
    for (const tok of line) {
      const span = h('span', { class: 'tok', text: tok.t });
      // CSSOM properties, not style attributes: allowed under the view's CSP.
      if (tok.l) span.style.setProperty('--l', tok.l);
      if (tok.d) span.style.setProperty('--d', tok.d);
      if (tok.s && tok.s & 1) span.classList.add('italic');
      if (tok.s && tok.s & 2) span.classList.add('bold');
      frag.append(span);
    }
    if (i < lines.length - 1) frag.append(document.createTextNode('\n'));
  });
  return frag;
}

/** How a run that did not succeed ended, or undefined for a clean exit 0. */
export function runFailure(r: RunResult | undefined): string | undefined {
  if (!r) return undefined;
  if (r.end === 'exited') return r.exitCode === 0 ? undefined : `exited with status ${r.exitCode}`;
  return describeEnd(r);
}

function changesHeading(run: RunView, count: number): string {
  if (run.undone) return `Changed files (${count}) — applied, then undone`;
  if (run.applied) return `Changed files (${count}) — applied to the workspace`;
  if (run.discarded) return `Changed files (${count}) — discarded; the workspace was not touched`;
  return `Changed files (${count}) — the workspace is untouched until you apply`;
}

function renderChanges(run: RunView): HTMLElement {
  const changes = run.result?.changes ?? [];
  const failure = runFailure(run.result);
  const el = h('section', { class: 'changes', label: 'Changed files' }, [
    h('h4', { text: changesHeading(run, changes.length) }),
    run.result?.consequences ? h('ul', { class: 'consequences', label: 'What applying would do' }, describeConsequences(run.result.consequences).map((line) => h('li', { text: line }))) : null,
    h('ul', {}, changes.map((c) =>
      h('li', {}, [
        button(`${c.path}`, `Show the diff of ${c.path} (${c.kind})`, () => post({ type: 'openDiff', runId: run.runId, path: c.path })),
        h('span', { class: `kind kind-${c.kind}`, text: ` ${c.kind}${c.sensitive ? ' (sensitive: applied only when asked separately)' : ''}${c.binary ? ' (binary)' : ''}` }),
      ]),
    )),
  ]);
  el.append(settleActions(run, failure));
  return el;
}

function skippedText(skipped: { path: string; reason: string }[]): string {
  return skipped.length ? ` Skipped: ${skipped.map((s) => `${s.path} (${s.reason})`).join(', ')}` : '';
}

function settleActions(run: RunView, failure: string | undefined): HTMLElement {
  if (run.undone) return h('p', { class: 'undone', attrs: { role: 'status' }, text: `Undone: restored ${run.undone.restored.length} file(s).${skippedText(run.undone.skipped)}` });
  if (run.applied) {
    return h('div', {}, [
      h('p', { class: 'applied', attrs: { role: 'status' }, text: `Applied ${run.applied.applied.length} file(s).${skippedText(run.applied.skipped)}` }),
      h('div', { class: 'actions' }, [button('Undo', 'Put back what this apply replaced (refused for files changed since)', () => post({ type: 'undo', runId: run.runId }))]),
    ]);
  }
  if (run.discarded) return h('p', { class: 'discarded', attrs: { role: 'status' }, text: 'Changes discarded.' });
  const untrusted = chat.status.trusted ? undefined : 'The workspace is not trusted.';
  // After a failure the changes may be half done: say so, and make Apply an explicit choice (the host asks again).
  const label = failure ? `The run failed (it ${failure}): write its changes to the workspace anyway, after confirming` : 'Write these changes to the workspace';
  return h('div', {}, [
    failure ? h('p', { class: 'apply-warning', attrs: { role: 'alert' }, text: `The run failed: it ${failure}. Its changes may be incomplete; Apply asks you to confirm.` }) : null,
    h('div', { class: 'actions' }, [
      button(failure ? 'Apply anyway…' : 'Apply', label, () => post({ type: 'apply', runId: run.runId }), { primary: !failure, disabled: untrusted !== undefined, why: untrusted }),
      button('Discard', 'Drop these changes', () => post({ type: 'discard', runId: run.runId }), { primary: failure !== undefined }),
    ]),
  ]);
}
