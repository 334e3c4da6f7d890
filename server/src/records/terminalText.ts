// Text on its way to a person's terminal, made inert. A run's output, the
// names of the files it changed and their diffs are written by the command,
// not by Paladin: raw, they could set the window title, write the clipboard
// (OSC 52), move the cursor to erase a line of the change list, or overwrite
// a diff line with \r just before the person decides to apply. Every control
// character is shown as a visible escape instead, one character at a time, so
// a sequence split across chunks is made inert as surely as a whole one.

export { ESCAPE_SEQUENCES } from '../protocol/terminalEscapes';

// C0 except \t and \n (and \r right before \n: a line end, which cannot
// overwrite anything), DEL, C1 (0x80-0x9f: 0x9b is a one-byte CSI), and the
// Unicode controls that reorder or hide text on screen (bidi overrides and
// isolates, line and paragraph separators).
// eslint-disable-next-line no-control-regex
const CONTROLS = /\r(?!\n)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function visible(c: string): string {
  const code = c.charCodeAt(0);
  if (c === '\x1b') return '␛';
  if (c === '\r') return '\\r';
  // \u escapes rather than \x: the same text stays valid inside JSON strings.
  return code < 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with every terminal control shown as a visible escape (␛ for ESC), \n, \t and \r\n kept. */
export function inertForTerminal(text: string): string {
  return text.replace(CONTROLS, visible);
}

/**
 * A stream that writes to `target` with every control made visible; strings
 * and Buffers (decoded as UTF-8 across chunk boundaries) alike. Everything
 * else (events, drain, end) is the target's own.
 */
export function inertStream<T extends NodeJS.WritableStream>(target: T): T {
  let pending: Buffer = Buffer.alloc(0);
  const decode = (chunk: Buffer): string => {
    const all = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    // Hold back an incomplete UTF-8 sequence at the end for the next chunk.
    let cut = all.length;
    for (let i = Math.max(0, all.length - 3); i < all.length; i++) {
      const b = all[i];
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      if (need > 1 && i + need > all.length) cut = i;
    }
    pending = all.subarray(cut);
    return all.subarray(0, cut).toString('utf8');
  };
  const write = (chunk: string | Uint8Array, encoding?: BufferEncoding | ((err?: Error | null) => void), callback?: (err?: Error | null) => void): boolean => {
    const text = typeof chunk === 'string' ? chunk : decode(Buffer.from(chunk));
    const cb = typeof encoding === 'function' ? encoding : callback;
    return target.write(inertForTerminal(text), cb);
  };
  return new Proxy(target, {
    get(t, prop) {
      if (prop === 'write') return write;
      const value = Reflect.get(t, prop, t) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(t) : value;
    },
  });
}
