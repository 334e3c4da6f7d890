// The view's frame: the status banner, the conversation and the composer, and
// how a card is (re)placed in the conversation.

import { MAX_REQUEST_CHARS } from '../../server/src/protocol/limits';
import { chat, post, save, type Turn } from './chatState';
import { button, h } from './dom';
import { renderTurn } from './turnCard';

const app = document.getElementById('app') as HTMLElement;
const banner = h('div', { class: 'banner', attrs: { role: 'status' } });
export const conversation = h('section', { class: 'conversation', label: 'Conversation' });
/** One live region that outlives re-rendering: run starts, streamed output and ends are read out from here. */
const live = h('div', { class: 'live-region', attrs: { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' } });
const input = h('textarea', { class: 'request', label: 'Say what you want done', attrs: { rows: '2', placeholder: 'Say what you want done, e.g. “list the 10 biggest files under src”', maxlength: String(MAX_REQUEST_CHARS) } });
const form = h('form', { class: 'composer', label: 'Plan a command' }, [input, h('div', { class: 'composer-actions' }, [button('Plan', 'Plan a command for this request', () => submit(), { primary: true }), button('Clear', 'Clear the conversation', () => clearAll())])]);

/** Puts the frame into the page and wires the composer. */
export function mountLayout(): void {
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit();
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      submit();
    }
  });
  app.append(banner, conversation, form, live);
}

let lastAnnounced = 0;
/** Says `text` through the live region; `throttled` text (streamed output) at most once a second. */
export function announce(text: string, throttled = false): void {
  const now = Date.now();
  if (throttled && now - lastAnnounced < 1000) return;
  lastAnnounced = now;
  live.textContent = text.slice(0, 300);
}

function submit(): void {
  const request = input.value.trim();
  if (request === '') return;
  input.value = '';
  post({ type: 'plan', request });
}

export function clearAll(): void {
  chat.state = { version: 1, turns: [] };
  save();
  renderAll();
  post({ type: 'clear' });
}

function renderBanner(): void {
  const status = chat.status;
  banner.replaceChildren();
  banner.hidden = status.running && status.trusted && !status.why;
  if (!status.running && status.starting) banner.append(h('p', { text: 'The Paladin server is starting…' }));
  else if (!status.running) banner.append(h('p', { text: `The Paladin server is not running: ${status.why ?? 'unknown reason'}` }));
  else if (status.why) banner.append(h('p', { text: status.why }));
  if (!status.trusted) banner.append(h('p', { text: 'This workspace is not trusted: Paladin plans, explains and checks here, but does not run commands.' }));
}

export function renderAll(): void {
  renderBanner();
  conversation.replaceChildren(...chat.state.turns.map(renderTurn));
  if (chat.state.turns.length === 0) conversation.append(h('p', { class: 'empty', text: 'Ask for what you want done. Paladin plans a shell command, shows what it would touch and why it is allowed or not, and runs it only in a locked-down sandbox when you say so.' }));
}

/** The card of a turn in the page, if it is there. */
export function cardOf(turn: Turn): HTMLElement | null {
  return conversation.querySelector(`[data-turn="${CSS.escape(turn.id)}"]`);
}

export function rerender(turn: Turn): void {
  const old = cardOf(turn);
  const fresh = renderTurn(turn);
  if (old) old.replaceWith(fresh);
  else {
    conversation.querySelector('.empty')?.remove();
    conversation.append(fresh);
  }
  // Keep the answer being worked on in sight, without stealing focus.
  if (turn === chat.state.turns[chat.state.turns.length - 1]) fresh.scrollIntoView({ block: 'nearest' });
}
