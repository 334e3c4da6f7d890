// Turns terminal output into plain text segments with colours. SGR colour and
// style sequences are kept as data; every other escape (OSC titles and links,
// cursor movement, device queries, C0 controls) is dropped, so nothing in a
// command's output can act on the view. The caller renders segments with
// textContent only.

export interface Segment {
  text: string;
  /** 0-15: a theme colour; a string: `rgb(r, g, b)`. */
  fg?: number | string;
  bg?: number | string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  dim?: boolean;
}

type Style = Omit<Segment, 'text'>;

const ESC = '\x1b';
/** An unfinished escape longer than this is dropped rather than waited for. */
const MAX_PENDING = 4096;

function colour256(n: number): number | string {
  if (n < 16) return n;
  if (n < 232) {
    const i = n - 16;
    const c = (v: number) => (v === 0 ? 0 : 55 + v * 40);
    return `rgb(${c(Math.floor(i / 36))}, ${c(Math.floor(i / 6) % 6)}, ${c(i % 6)})`;
  }
  const g = 8 + (n - 232) * 10;
  return `rgb(${g}, ${g}, ${g})`;
}

export class AnsiParser {
  private style: Style = {};
  private pending = '';

  /** Feeds a chunk; returns the segments it completes. An escape split across chunks is held back. */
  feed(chunk: string): Segment[] {
    const text = this.pending + chunk;
    this.pending = '';
    const out: Segment[] = [];
    let plain = '';
    const emit = () => {
      if (plain !== '') out.push({ text: plain, ...this.style });
      plain = '';
    };
    let i = 0;
    while (i < text.length) {
      const ch = text[i];
      const code = ch.charCodeAt(0);
      if (ch === ESC || ch === '\x9b' || ch === '\x9d') {
        const end = this.escapeEnd(text, i);
        if (end === -1) {
          if (text.length - i <= MAX_PENDING) this.pending = text.slice(i);
          break;
        }
        const seq = text.slice(i, end);
        // eslint-disable-next-line no-control-regex
        const sgr = /^(?:\x1b\[|\x9b)([0-9;:]*)m$/.exec(seq);
        if (sgr) {
          emit();
          this.applySgr(sgr[1]);
        }
        i = end;
        continue;
      }
      if (ch === '\r') {
        // CRLF is a line end; a lone CR (progress bars) becomes one too rather than overwriting.
        if (text[i + 1] !== '\n') plain += '\n';
        i++;
        continue;
      }
      if ((code < 0x20 && ch !== '\n' && ch !== '\t') || code === 0x7f || (code >= 0x80 && code < 0xa0)) {
        i++;
        continue;
      }
      plain += ch;
      i++;
    }
    emit();
    return out;
  }

  /** Index after the escape sequence starting at `i`, or -1 when it is not complete yet. */
  private escapeEnd(text: string, i: number): number {
    const first = text[i];
    let j: number;
    if (first === '\x9b') j = i + 1;
    else if (first === '\x9d') return this.stringEnd(text, i + 1);
    else {
      const next = text[i + 1];
      if (next === undefined) return -1;
      if (next === '[') j = i + 2;
      else if (next === ']' || next === 'P' || next === '_' || next === '^' || next === 'X') return this.stringEnd(text, i + 2);
      else if (next >= ' ' && next <= '/') {
        // ESC, intermediates, final byte (character set selection and the like).
        let k = i + 1;
        while (k < text.length && text[k] >= ' ' && text[k] <= '/') k++;
        return k < text.length ? k + 1 : -1;
      } else return i + 2;
    }
    while (j < text.length) {
      const c = text.charCodeAt(j);
      if (c >= 0x40 && c <= 0x7e) return j + 1;
      if (c < 0x20 || c > 0x7e) return j; // malformed: drop what we have, keep the rest as text
      j++;
    }
    return -1;
  }

  /** OSC/DCS/APC/PM/SOS strings end with BEL or ESC \. */
  private stringEnd(text: string, j: number): number {
    while (j < text.length) {
      if (text[j] === '\x07' || text[j] === '\x9c') return j + 1;
      if (text[j] === ESC) {
        if (j + 1 >= text.length) return -1;
        if (text[j + 1] === '\\') return j + 2;
      }
      j++;
    }
    return -1;
  }

  private applySgr(params: string): void {
    const codes = params === '' ? [0] : params.split(/[;:]/).map((p) => (p === '' ? 0 : Number(p)));
    for (let k = 0; k < codes.length; k++) {
      const c = codes[k];
      if (c === 0) this.style = {};
      else if (c === 1) this.style.bold = true;
      else if (c === 2) this.style.dim = true;
      else if (c === 3) this.style.italic = true;
      else if (c === 4) this.style.underline = true;
      else if (c === 22) this.style.bold = this.style.dim = undefined;
      else if (c === 23) this.style.italic = undefined;
      else if (c === 24) this.style.underline = undefined;
      else if (c >= 30 && c <= 37) this.style.fg = c - 30;
      else if (c >= 90 && c <= 97) this.style.fg = c - 90 + 8;
      else if (c === 39) this.style.fg = undefined;
      else if (c >= 40 && c <= 47) this.style.bg = c - 40;
      else if (c >= 100 && c <= 107) this.style.bg = c - 100 + 8;
      else if (c === 49) this.style.bg = undefined;
      else if (c === 38 || c === 48) {
        const key = c === 38 ? 'fg' : 'bg';
        if (codes[k + 1] === 5 && codes[k + 2] !== undefined) {
          this.style[key] = colour256(Math.min(255, Math.max(0, codes[k + 2])));
          k += 2;
        } else if (codes[k + 1] === 2 && codes[k + 4] !== undefined) {
          const [r, g, b] = codes.slice(k + 2, k + 5).map((v) => Math.min(255, Math.max(0, v | 0)));
          this.style[key] = `rgb(${r}, ${g}, ${b})`;
          k += 4;
        }
      }
    }
  }
}
