// Meaning-preserving rewrites of a command line: each one changes how the
// line is written, never what bash does with it (test/unit/mutationMeaning
// runs samples through bash to hold them to that). They compose: a mutant is
// the output of several transforms applied one after another.

import { readLine, type SimpleCommand, type Word } from './words';

export interface Rng {
  next(): number;
  int(n: number): number;
  pick<T>(list: readonly T[]): T;
}

/** mulberry32: small, fast and the same on every machine. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n), pick: (list) => list[Math.floor(next() * list.length)] };
}

export interface Rewrite {
  text: string;
  /** Needs a program this machine may not have, or changes the user it runs as (sudo, toybox): never run in the meaning test. */
  hostOnly?: boolean;
}

export interface Transform {
  name: string;
  /**
   * The rewrite leaves what runs knowable only at run time, so a `deny` may
   * honestly become `ask` (never `allow`). Documented in docs/user/policy.md.
   */
  lowers: boolean;
  apply(src: string, r: Rng): Rewrite | null;
}

export const sq = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** Builtins that must run in the shell itself: wrappers other than `builtin`/`command` would change them. */
const SHELL_STATE = new Set(['cd', 'pushd', 'popd', 'export', 'declare', 'typeset', 'local', 'readonly', 'unset', 'set', 'shopt', 'alias', 'unalias', 'eval', 'source', '.', 'exec', 'trap', 'read', 'history', 'hash', 'enable', 'builtin', 'command', 'let', 'shift', 'exit', 'return', 'break', 'continue', 'wait', 'jobs', 'fg', 'bg', 'disown', 'umask', 'ulimit', ':', 'mapfile', 'readarray', 'getopts', 'type', 'dirs', 'times', 'caller', 'complete', 'compgen', 'coproc']);
const BUILTINS = new Set([...SHELL_STATE, 'echo', 'printf', 'kill', 'test', '[', 'pwd', 'true', 'false']);
const BASHISM = /<<<|\$'|<\(|>\(|\[\[|\(\(|\{[^}\s]*,[^}\s]*\}|function |&>|\$\{!|@P|declare|typeset|shopt|printf -v|read -r|\$\{[A-Za-z_]+\[|[A-Za-z_][A-Za-z0-9_]*=\(|>&\s*\/dev\/tcp|\bsource\b|\/dev\/tcp|\bpushd\b|\bhistory\b|\blet\b|\bcoproc\b|\\/;

/** Bash reads a compound command whole before running it, so an alias defined inside one is not yet known there. */
const ALIASED = /expand_aliases/;

let counter = 0;
const fresh = (prefix: string) => `_${prefix}${(counter = (counter + 1) % 1000)}`;

function splice(src: string, w: Word, text: string): string {
  return src.slice(0, w.start) + text + src.slice(w.end);
}

function names(src: string) {
  const line = readLine(src);
  if (!line) return null;
  // An alias is only expanded when its name is written plainly: the call of one is left alone.
  const named = line.commands.filter((c): c is SimpleCommand & { name: Word } => c.name !== undefined && !c.name.text.startsWith('paladin_alias'));
  return { line, named };
}

/** Rewrite one command name. */
function nameTransform(name: string, lowers: boolean, f: (w: Word, src: string, r: Rng, fns: string[], c: SimpleCommand) => Rewrite | string | null): Transform {
  return {
    name,
    lowers,
    apply(src, r) {
      const n = names(src);
      if (!n || n.named.length === 0) return null;
      const c = r.pick(n.named);
      const out = f(c.name, src, r, n.line.functions, c);
      return typeof out === 'string' ? { text: out } : out;
    },
  };
}

/** Rewrite one argument or redirection target. */
function argTransform(name: string, lowers: boolean, f: (w: Word, src: string, r: Rng) => Rewrite | string | null, accept: (w: Word) => boolean = () => true): Transform {
  return {
    name,
    lowers,
    apply(src, r) {
      const line = readLine(src);
      if (!line) return null;
      const args = line.words.filter((w) => (w.role === 'arg' || w.role === 'redirect') && accept(w));
      if (args.length === 0) return null;
      const out = f(r.pick(args), src, r);
      return typeof out === 'string' ? { text: out } : out;
    },
  };
}

function lineTransform(name: string, lowers: boolean, f: (src: string, r: Rng) => string | null): Transform {
  return { name, lowers, apply: (src, r) => ((t) => (t === null ? null : { text: t }))(f(src, r)) };
}

const hex = (s: string) => [...Buffer.from(s)].map((b) => '\\x' + b.toString(16).padStart(2, '0')).join('');
const oct = (s: string) => [...Buffer.from(s)].map((b) => '\\' + b.toString(8).padStart(3, '0')).join('');
const rot13 = (s: string) => s.replace(/[a-zA-Z]/g, (c) => String.fromCharCode(((c.toLowerCase().charCodeAt(0) - 97 + 13) % 26) + (c === c.toLowerCase() ? 97 : 65)));

/** The part of a word a rewrite may touch: never a leading `~` (quoting it stops tilde expansion), never glob characters. */
function safeSpan(w: Word, r: Rng): [number, number] | null {
  const text = w.text;
  const from = text.startsWith('~') ? (text.indexOf('/') < 0 ? text.length : text.indexOf('/') + 1) : 0;
  const spans: [number, number][] = [];
  let s = -1;
  for (let i = from; i <= text.length; i++) {
    const ok = i < text.length && /[A-Za-z0-9_./:@%,-]/.test(text[i]) && !(text[i] === '=' );
    if (ok && s < 0) s = i;
    if (!ok && s >= 0) {
      spans.push([s, i]);
      s = -1;
    }
  }
  if (spans.length === 0) return null;
  const [a, b] = r.pick(spans);
  const start = a + r.int(b - a);
  const end = start + 1 + r.int(b - start);
  return [start, end];
}

function rewriteSpan(w: Word, src: string, r: Rng, f: (part: string) => string): string | null {
  const span = safeSpan(w, r);
  if (!span) return null;
  const [a, b] = span;
  return splice(src, w, w.text.slice(0, a) + f(w.text.slice(a, b)) + w.text.slice(b));
}

const WRAPPERS: { text: string; hostOnly?: boolean }[] = [
  { text: 'env' }, { text: 'nice' }, { text: 'nice -n 5' }, { text: 'timeout 100' }, { text: 'timeout -s KILL 100' }, { text: 'nohup' },
  { text: 'setsid -w' }, { text: 'stdbuf -oL' }, { text: 'command' }, { text: 'env --' }, { text: 'sudo', hostOnly: true }, { text: 'sudo -u root', hostOnly: true },
  { text: 'busybox', hostOnly: true }, { text: 'toybox', hostOnly: true },
];

/** Absolute, home or relative path words a path rewrite can take apart. */
// Bash knows /dev/tcp/HOST/PORT by its exact spelling in a redirection only: no path rewrite keeps its meaning.
const isPath = (w: Word) => /^(~[^/]*)?\/|^\.{1,2}\//.test(w.text) && !/[*?[]/.test(w.text.split('/').slice(0, -1).join('/')) && !/^\/dev\/(tcp|udp)\//.test(w.text);

function splitPath(text: string): { dir: string; base: string } | null {
  const cut = text.replace(/\/+$/, '').lastIndexOf('/');
  if (cut < 0) return null;
  const dir = text.slice(0, cut) || '/';
  const base = text.slice(cut + 1).replace(/\/+$/, '');
  if (base === '' || base === '..' || base === '.') return null;
  return { dir, base };
}

/** A cd-style rewrite changes the folder for the whole line, so every other path-like word must be absolute. */
function cdSafe(src: string, w: Word): boolean {
  const line = readLine(src);
  if (!line) return false;
  return line.words.every((o) => o === w || o.role === 'name' || o.role === 'assign' || /^(-|\/|~|[0-9]+$|[a-z]+:\/\/)/.test(o.text)) && !/(^|[\s;&|])(cd|pushd)\s/.test(src);
}

export const TRANSFORMS: Transform[] = [
  // --- line transforms: the whole line runs through another reader
  lineTransform('bash-c', false, (s) => `bash -c ${sq(s)}`),
  // sh may be dash: only lines without bash syntax, and none that earlier transforms made bash-only (their names are `_x12`).
  lineTransform('sh-c', false, (s) => (BASHISM.test(s) || /\b_[a-z]+[0-9]+\b/.test(s) ? null : `sh -c ${sq(s)}`)),
  lineTransform('eval', false, (s, r) => (r.next() < 0.5 ? `eval ${sq(s)}` : `eval "$(printf '%s\\n' ${sq(s)})"`)),
  lineTransform('here-string', false, (s, r) => `${r.pick(['bash', 'bash -s', 'bash /dev/stdin', 'source /dev/stdin', '. /dev/stdin'])} <<< ${sq(s)}`),
  lineTransform('heredoc', false, (s, r) => (s.includes('PALADIN_END') ? null : `${r.pick(['bash', 'bash -s', 'bash /dev/stdin', 'source /dev/stdin'])} <<'PALADIN_END'\n${s}\nPALADIN_END`)),
  lineTransform('process-substitution', false, (s, r) => `${r.pick(['source', '.', 'bash'])} <(printf '%s\\n' ${sq(s)})`),
  lineTransform('pipe-to-shell', false, (s, r) => `printf '%s\\n' ${sq(s)} | ${r.pick(['bash', 'bash -', 'bash -s', 'bash /dev/stdin', 'source /dev/stdin'])}`),
  lineTransform('base64-decode', false, (s, r) => `echo ${Buffer.from(s).toString('base64')} | base64 ${r.pick(['-d', '--decode'])} | bash`),
  lineTransform('xxd-decode', false, (s) => `echo ${Buffer.from(s).toString('hex')} | xxd -r -p | bash`),
  lineTransform('rot13-decode', false, (s) => `echo ${sq(rot13(s))} | tr 'A-Za-z' 'N-ZA-Mn-za-m' | bash`),
  lineTransform('printf-escapes', false, (s, r) => (r.next() < 0.5 ? `printf '${hex(s)}' | bash` : `eval "$(printf '${oct(s)}')"`)),
  lineTransform('function', false, (s) => {
    if (ALIASED.test(s)) return null;
    const f = fresh('f');
    return `${f}() {\n${s}\n}; ${f}`;
  }),
  lineTransform('alias', false, (s) => {
    if (s.includes('\n')) return null;
    const a = `paladin_alias${fresh('')}`;
    return `shopt -s expand_aliases\nalias ${a}=${sq(s)}\n${a}`;
  }),
  lineTransform('subshell', false, (s, r) => (ALIASED.test(s) ? null : r.next() < 0.5 ? `(\n${s}\n)` : `{\n${s}\n}`)),
  // --- command-name transforms
  nameTransform('quote-split', false, (w, src, r) => {
    if (w.text.length < 2) return splice(src, w, `"${w.text}"`);
    const k = 1 + r.int(w.text.length - 1);
    return splice(src, w, r.pick([`${w.text.slice(0, k)}''${w.text.slice(k)}`, `"${w.text.slice(0, k)}"${w.text.slice(k)}`, `'${w.text}'`, `${w.text.slice(0, k)}"${w.text.slice(k)}"`]));
  }),
  nameTransform('backslash', false, (w, src, r) => {
    const k = r.int(w.text.length);
    if (!/[A-Za-z0-9_]/.test(w.text[k])) return null;
    return splice(src, w, w.text.slice(0, k) + '\\' + w.text.slice(k));
  }),
  nameTransform('ansi-c', false, (w, src, r) => splice(src, w, `$'${r.next() < 0.5 ? hex(w.text) : oct(w.text)}'`)),
  nameTransform('variable', false, (w, src, r) => {
    const v = fresh('v');
    return `${v}=${sq(w.text)}; ` + splice(src, w, r.pick([`$${v}`, `\${${v}}`, `"$${v}"`]));
  }),
  nameTransform('array', false, (w, src) => {
    const v = fresh('a');
    return `${v}=(x ${sq(w.text)}); ` + splice(src, w, `\${${v}[1]}`);
  }),
  nameTransform('indirect', false, (w, src) => {
    const v = fresh('v');
    const n = fresh('n');
    return `${v}=${sq(w.text)}; ${n}=${v}; ` + splice(src, w, `\${!${n}}`);
  }),
  nameTransform('printf-v', false, (w, src) => {
    const v = fresh('v');
    return `printf -v ${v} %s ${sq(w.text)}; ` + splice(src, w, `$${v}`);
  }),
  nameTransform('read', false, (w, src) => {
    const v = fresh('v');
    return `read -r ${v} <<< ${sq(w.text)}; ` + splice(src, w, `$${v}`);
  }),
  nameTransform('nameref', false, (w, src) => {
    const v = fresh('v');
    const n = fresh('n');
    return `${v}=${sq(w.text)}; declare -n ${n}=${v}; ` + splice(src, w, `$${n}`);
  }),
  nameTransform('brace', false, (w, src) => splice(src, w, `{${w.text},}`)),
  nameTransform('glob-program', false, (w, src, r, fns) => {
    if (BUILTINS.has(w.text) || fns.includes(w.text) || w.text.includes('/') || w.text.length < 2) return null;
    const k = 1 + r.int(w.text.length - 1);
    // One letter becomes a one-letter class, so the pattern can only match the program itself.
    const pattern = w.text.slice(0, k) + '[' + w.text[k] + ']' + w.text.slice(k + 1);
    return splice(src, w, `${r.pick(['/usr/bin/', '/u?r/bin/', '/usr/b??/', '/[u]sr/bin/'])}${pattern}`);
  }),
  nameTransform('wrappers', false, (w, src, r, fns) => {
    if (fns.includes(w.text)) return null;
    if (SHELL_STATE.has(w.text) || BUILTINS.has(w.text)) return splice(src, w, `${r.pick(['builtin', 'command'])} ${w.text}`);
    // `command` is a builtin: only the shell itself can run it, so it can only come first.
    const chain = Array.from({ length: 1 + r.int(3) }, (_, i) => r.pick(i === 0 ? WRAPPERS : WRAPPERS.filter((x) => x.text !== 'command')));
    return { text: splice(src, w, `${chain.map((c) => c.text).join(' ')} ${w.text}`), hostOnly: chain.some((c) => c.hostOnly) };
  }),
  nameTransform('exec', false, (w, src, r, fns, c) => {
    const n = names(src);
    if (!n || n.line.commands.length !== 1 || fns.includes(w.text) || SHELL_STATE.has(w.text) || c.end !== src.trimEnd().length) return null;
    return splice(src, w, `exec ${w.text}`);
  }),
  nameTransform('ifs-split', false, (w, src, r, fns, c) => {
    const n = names(src);
    if (!n || n.line.commands.length !== 1 || !c.plain || [w, ...c.args].some((a) => /[_~]/.test(a.text)) || src.slice(c.start, c.end) !== src.trim()) return null;
    const v = fresh('c');
    return `IFS=_; ${v}=${[w, ...c.args].map((a) => a.text).join('_')}; $${v}`;
  }),
  nameTransform('xargs', false, (w, src, r, fns, c) => {
    const last = c.args[c.args.length - 1];
    if (c.start !== w.start || /\|\s*$/.test(src.slice(0, c.start))) return null;
    if (!last || SHELL_STATE.has(w.text) || BUILTINS.has(w.text) || fns.includes(w.text) || last.text.startsWith('-') || /[*?[]/.test(last.text) || src.slice(last.end, c.end).trim() !== '') return null;
    return src.slice(0, w.start) + `printf '%s\\n' ${last.text} | xargs ${src.slice(w.start, last.start).trimEnd()}` + src.slice(last.end);
  }),
  // --- argument and path transforms
  argTransform('arg-quote', false, (w, src, r) => rewriteSpan(w, src, r, (p) => (r.next() < 0.5 ? `'${p}'` : `"${p}"`))),
  argTransform('arg-backslash', false, (w, src, r) => rewriteSpan(w, src, r, (p) => p.replace(/[A-Za-z]/, (c) => '\\' + c))),
  argTransform('arg-ansi-c', false, (w, src, r) => rewriteSpan(w, src, r, (p) => `$'${hex(p)}'`)),
  argTransform('arg-variable', false, (w, src, r) => {
    const v = fresh('w');
    let value = '';
    const out = rewriteSpan(w, src, r, (p) => {
      value = p;
      return `\${${v}}`;
    });
    return out === null ? null : `${v}=${sq(value)}; ${out}`;
  }),
  argTransform('home-variable', false, (w, src, r) => splice(src, w, w.text.replace(/^~/, r.pick(['$HOME', '${HOME}', '"$HOME"']))), (w) => /^~(\/|$)/.test(w.text)),
  argTransform('default-expansion', false, (w, src) => splice(src, w, `\${${fresh('u')}:-${w.text}}`), (w) => !w.text.includes('}')),
  argTransform('dot-dot', false, (w, src, r) => {
    const parts = w.text.split('/');
    const dirs = parts.map((p, i) => i).filter((i) => i < parts.length - 1 && !['', '.', '..'].includes(parts[i]) && !/[*?[]/.test(parts[i]) && !parts[i].startsWith('~'));
    // `..` after a link leaves from the link's target, not from where the link sits.
    if (w.text.includes('/.pl')) return null;
    if (dirs.length === 0) return r.next() < 0.5 ? null : splice(src, w, w.text.replace(/\//, '/./'));
    const i = r.pick(dirs);
    return splice(src, w, [...parts.slice(0, i + 1), '..', ...parts.slice(i)].join('/'));
  }, isPath),
  argTransform('glob-arg', false, (w, src, r) => {
    const split = splitPath(w.text);
    // A link this line makes does not exist yet, and a pattern only matches what exists.
    if (!split || split.base.length < 2 || /[*?[]/.test(split.base) || w.text.startsWith('./.pl')) return null;
    const k = r.int(split.base.length);
    if (!/[A-Za-z0-9_]/.test(split.base[k])) return null;
    const base = r.next() < 0.5 ? split.base.slice(0, k) + '?' + split.base.slice(k + 1) : split.base.slice(0, k) + '[' + split.base[k] + ']' + split.base.slice(k + 1);
    return splice(src, w, `${split.dir === '/' ? '' : split.dir}/${base}`);
  }, isPath),
  argTransform('brace-arg', false, (w, src) => splice(src, w, `{${w.text},}`), (w) => w.role === 'arg' && !w.text.startsWith('~') && !/[=,]/.test(w.text)),
  argTransform('cd-detour', false, (w, src, r) => {
    const split = splitPath(w.text);
    if (!split || !cdSafe(src, w)) return null;
    const cd = r.pick([`cd ${split.dir}`, `cd ${split.dir} >/dev/null`, `pushd ${split.dir} >/dev/null`]);
    return `${cd} && ${splice(src, w, split.base)}`;
  }, isPath),
  argTransform('cdpath', false, (w, src) => {
    const split = splitPath(w.text);
    if (!split || !cdSafe(src, w)) return null;
    const inner = splitPath(split.dir);
    if (!inner || inner.dir.startsWith('~')) return null;
    return `CDPATH=${inner.dir} cd ${inner.base} >/dev/null && ${splice(src, w, split.base)}`;
  }, isPath),
  argTransform('env-chdir', false, (w, src) => {
    const split = splitPath(w.text);
    const line = readLine(src);
    const c = line?.commands.find((k) => k.args.some((a) => a.start === w.start));
    if (!split || /[*?[]/.test(split.base) || !c?.name || SHELL_STATE.has(c.name.text) || BUILTINS.has(c.name.text) || line?.functions.includes(c.name.text) || !cdSafe(src, w)) return null;
    return src.slice(0, c.name.start) + `env -C ${split.dir} ` + src.slice(c.name.start, w.start) + split.base + src.slice(w.end);
  }, (w) => w.role === 'arg' && isPath(w)),
  argTransform('symlink-detour', false, (w, src) => {
    const split = splitPath(w.text);
    // The link is made in the current folder; a line that changes folder would look for it elsewhere.
    if (!split || /env -C|\bcd\b|pushd|CDPATH/.test(src)) return null;
    const link = `./.pl${fresh('l')}`;
    return `ln -sfn ${split.dir} ${link} && ${splice(src, w, `${link}/${split.base}`)}`;
  }, isPath),
  argTransform('ifs-space', false, (w, src) => {
    const before = src.slice(0, w.start);
    // The word before must not brace-expand: `{a,}${IFS}b` would expand to two words.
    if (!/[ \t]$/.test(before) || /[{}]/.test(before.trimEnd().split(/[\s;&|()]/).pop() ?? '')) return null;
    return before.replace(/[ \t]+$/, '${IFS}') + src.slice(w.start);
  }, (w) => w.role === 'arg' && !w.text.startsWith('~')),
];

export const TRANSFORM_NAMES = TRANSFORMS.map((t) => t.name);
