// The small form for a plan's missing values: one field per `<slot>` the
// command still holds. Filling it puts each value in, shell-quoted, and the
// filled command is checked again before anything can run.

import type { MissingSlot } from '../../server/src/protocol/types';
import { button, h } from './dom';

/** A value as one shell word: bare when it is plainly safe, else single-quoted. */
export function shellWord(value: string): string {
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(value) ? value : `'${value.split("'").join(`'\\''`)}'`;
}

/** The command with `<slot>` replaced by `value`; a slot already inside quotes is replaced quotes and all. */
export function fillSlot(command: string, slot: string, value: string): string {
  const word = shellWord(value);
  const tag = `<${slot}>`;
  return command.split(`'${tag}'`).join(word).split(`"${tag}"`).join(word).split(tag).join(word);
}

/** The slots of `missing` the command still holds. */
export function unfilled(command: string, missing: MissingSlot[] | undefined): MissingSlot[] {
  return (missing ?? []).filter((m) => command.includes(`<${m.slot}>`));
}

export function renderSlotForm(command: string, missing: MissingSlot[], onFilled: (filled: string) => void): HTMLElement {
  const fields = missing.map((m) => {
    const input = h('input', { class: 'slot-value', label: `Value for ${m.slot}`, attrs: { type: 'text', name: m.slot, placeholder: m.hint, spellcheck: 'false' } });
    return { m, input, row: h('label', { class: 'slot' }, [h('span', { class: 'slot-name', text: `<${m.slot}>` }), input]) };
  });
  const why = h('p', { class: 'slot-why', attrs: { role: 'status', 'aria-live': 'polite' } });
  const submit = () => {
    const empty = fields.find((f) => f.input.value.trim() === '');
    if (empty) {
      why.textContent = `Give a value for <${empty.m.slot}>: ${empty.m.hint}.`;
      empty.input.focus();
      return;
    }
    onFilled(fields.reduce((c, f) => fillSlot(c, f.m.slot, f.input.value.trim()), command));
  };
  const form = h('form', { class: 'slot-form', label: 'Fill in the missing values' }, [
    h('p', { class: 'slot-title', text: 'This command cannot run until these values are given:' }),
    ...fields.map((f) => f.row),
    why,
    h('div', { class: 'actions' }, [button('Fill in and check', 'Put these values into the command and check it again', submit, { primary: true })]),
  ]);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit();
  });
  return form;
}
