// A light shell highlighter for the planned command: words, strings,
// operators, flags. Text nodes only.

import { h } from './dom';

export function highlightShell(command: string): HTMLElement {
  const code = h('code', { class: 'shell' });
  const re = /('[^']*'?|"(?:[^"\\]|\\.)*"?|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|\|\||&&|[|;&<>()]|#.*$|\s+|--?[A-Za-z0-9][\w-]*=?|[^\s|;&<>()'"$#]+|.)/gm;
  let first = true;
  for (const m of command.matchAll(re)) {
    const t = m[0];
    let cls = '';
    if (/^\s+$/.test(t)) cls = '';
    else if (t.startsWith("'") || t.startsWith('"')) cls = 'tok-string';
    else if (t.startsWith('$')) cls = 'tok-variable';
    else if (t.startsWith('#')) cls = 'tok-comment';
    else if (/^(\|\||&&|[|;&<>()])$/.test(t)) cls = 'tok-operator';
    else if (t.startsWith('-')) cls = 'tok-flag';
    else if (first) cls = 'tok-program';
    if (cls === 'tok-operator') first = true;
    else if (!/^\s+$/.test(t)) first = false;
    code.append(cls ? h('span', { class: cls, text: t }) : document.createTextNode(t));
  }
  return code;
}
