// The chat view's two DOM builders: elements from tags, attributes and
// children (text only, never HTML), and buttons that say why they are off.

export type Attrs = { class?: string; text?: string; title?: string; label?: string; attrs?: Record<string, string>; on?: Record<string, (e: Event) => void> };

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, a: Attrs = {}, children: (Node | null | undefined | false)[] = []): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (a.class) el.className = a.class;
  if (a.text !== undefined) el.textContent = a.text;
  if (a.title) el.title = a.title;
  if (a.label) el.setAttribute('aria-label', a.label);
  for (const [k, v] of Object.entries(a.attrs ?? {})) el.setAttribute(k, v);
  for (const [k, f] of Object.entries(a.on ?? {})) el.addEventListener(k, f);
  for (const c of children) if (c) el.appendChild(c);
  return el;
}

export function button(text: string, label: string, onClick: () => void, opts: { disabled?: boolean; why?: string; primary?: boolean } = {}): HTMLButtonElement {
  const b = h('button', { class: opts.primary ? 'primary' : 'secondary', text, label, title: opts.why ?? label, on: { click: onClick } });
  b.type = 'button';
  if (opts.disabled) {
    b.disabled = true;
    b.setAttribute('aria-disabled', 'true');
  }
  return b;
}
