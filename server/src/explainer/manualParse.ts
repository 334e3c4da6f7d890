// Turns the text of a man page (rendered with `man -P cat`) or a program's
// `--help` output (GNU or busybox) into a map from each option to a short
// description and whether it takes a value. Both formats share one shape: an
// indented tag (`-r, -R, --recursive`, `--max-depth=N`, `-name pattern`)
// followed by its description on the same line after two or more spaces, or
// on the lines below it, indented deeper.

export type ValueKind = 'none' | 'required' | 'optional';

export interface OptionDoc {
  /** Every spelling the manual gives for this option, as written (`-r`, `--recursive`). */
  names: string[];
  value: ValueKind;
  /** The manual's name for the value (`NUM`, `pattern`). */
  valueName?: string;
  description: string;
  /** What each value means, when the manual tabulates them (`find -type`: `f` → regular file). */
  values?: Record<string, string>;
}

export interface Positional {
  name: string;
  repeats: boolean;
}

export interface Manual {
  program: string;
  kind: 'manual' | 'help';
  /** What the program does, from NAME or the line under Usage. */
  summary: string;
  /** Positional placeholders from the synopsis, in order (`PATTERNS`, `FILE`). */
  positionals: Positional[];
  /** Option spelling → its description. */
  options: Record<string, OptionDoc>;
  /** Words described in the text that are not options: subcommands, actions. */
  terms: Record<string, string>;
  /** Set when the manual documents `-NUM` (e.g. `head -5`). */
  numeric?: OptionDoc;
  /** Which implementation the text says it documents, when it says so. */
  family?: 'gnu' | 'busybox';
}

/** Bump when the parser changes, so cached parses are redone. */
export const MANUAL_PARSER_VERSION = 13;

const SKIPPED_SECTIONS = new Set(['SYNOPSIS', 'EXAMPLES', 'EXAMPLE', 'SEE ALSO', 'AUTHOR', 'AUTHORS', 'REPORTING BUGS', 'COPYRIGHT', 'HISTORY', 'BUGS', 'STANDARDS CONFORMANCE', 'NOTES']);
const MAX_DESCRIPTION = 160;

export function cleanText(raw: string): string {
  return (
    raw
      // Overstrike bold and underline (`a\ba`, `_\ba`), and ANSI escapes.
      // eslint-disable-next-line no-control-regex
      .replace(/.\x08/g, '')
      // eslint-disable-next-line no-control-regex
      .replace(/\x1b\[[0-9;]*[A-Za-z]/g, '')
      .replace(/[\u2010\u2011\u2012\u2013\u2014\u2212]/g, '-')
      .replace(/[\u2018\u2019]/g, "'")
      .replace(/[\u201c\u201d]/g, '"')
      .replace(/\r/g, '')
      .split('\n')
      .map((line) => line.replace(/\t/g, '    ').replace(/\s+$/, ''))
      .join('\n')
  );
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** First sentence of a description, whitespace collapsed, at most MAX_DESCRIPTION characters. */
export function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const m = /^(.*?[.!?])(\s+(?=[A-Z(])|$)/.exec(flat);
  let sentence = m && m[1].length >= 12 ? m[1] : flat;
  if (sentence.length > MAX_DESCRIPTION) {
    const cut = sentence.lastIndexOf(' ', MAX_DESCRIPTION - 1);
    sentence = sentence.slice(0, cut > 40 ? cut : MAX_DESCRIPTION - 1) + '…';
  }
  return sentence.replace(/(?<=[\w)\]'"])[.:;,]$/, '');
}

const OPTION_NAME = /^([-+]{1,2}[A-Za-z0-9?#@][A-Za-z0-9_.?#@+-]*)/;

interface Spec {
  name: string;
  value: ValueKind;
  valueName?: string;
}

/** Parses a tag such as `-C NUM, -NUM, --context=NUM` or `-exec command ;`. */
export function parseTag(tag: string): Spec[] | null {
  const pieces = tag.split(/\s*,\s*(?=[-+])|\s*\|\s*(?=-)/);
  const specs: Spec[] = [];
  for (const piece of pieces) {
    // `-<number>` (git) is the same as `-NUM`.
    if (/^-<[a-z]+>$|^-NUM$/.test(piece)) {
      specs.push({ name: '-NUM', value: 'none' });
      continue;
    }
    const m = OPTION_NAME.exec(piece);
    if (!m) return null;
    let name = m[1];
    let rest = piece.slice(name.length);
    let value: ValueKind = 'none';
    let valueName: string | undefined;
    // `--name=` and `-n[NUM]`-style attachments: the regex stops at `=` and `[`.
    if (name.endsWith('=')) name = name.slice(0, -1);
    let v: RegExpExecArray | null;
    if ((v = /^\[?[= ](true\|false)\]?/.exec(rest))) {
      // docker's `--rm=true|false`: a switch that may be given a value attached.
      value = 'optional';
      valueName = v[1];
      rest = rest.slice(v[0].length);
    } else if (rest.startsWith('[')) {
      // `[=WHEN]`, or nested as docker writes them: `[=[[HOST-DIR:]CONTAINER-DIR]]`.
      let depth = 0;
      let end = 0;
      for (; end < rest.length; end++) {
        if (rest[end] === '[') depth++;
        else if (rest[end] === ']' && --depth === 0) break;
      }
      value = 'optional';
      valueName = rest.slice(1, end).replace(/^=/, '').replace(/^\[(.*)\]$/, '$1');
      rest = rest.slice(end + 1);
    } else if ((v = /^=(\S+)/.exec(rest))) {
      value = 'required';
      valueName = v[1];
      rest = rest.slice(v[0].length);
    } else if ((v = /^ ((?:[^\s-]|-[A-Za-z])\S*(?: \S+){0,2})$/.exec(rest))) {
      // A placeholder after one space: `-n NUM`, `-name pattern`, `-n N[bkm]`, `-perm -mode`, `-exec command ;`.
      value = /^\[[^\]]*\]$/.test(v[1]) ? 'optional' : 'required';
      valueName = v[1].replace(/^<(.*)>$/, '$1').replace(/^\[(.*)\]$/, '$1');
      rest = rest.slice(v[0].length);
    }
    if (rest.trim() !== '' && !/^\.\.\.$/.test(rest.trim())) return null;
    if (name === '-' || name === '--') return null;
    specs.push({ name, value, valueName });
  }
  return specs.length > 0 ? specs : null;
}

interface TagLine {
  index: number;
  indent: number;
  tag: string;
  inline: string;
}

function splitTagLine(line: string, index: number): TagLine | null {
  const indent = indentOf(line);
  if (indent === 0 && !/^-/.test(line)) return null;
  const body = line.slice(indent);
  const gap = /\s{2,}/.exec(body);
  let tag = gap ? body.slice(0, gap.index) : body;
  let inline = gap ? body.slice(gap.index).trim() : '';
  if (tag.length > 72) {
    // A tag as wide as its indent, followed by a long sentence: `-print True; print the full file name …`.
    const squeezed = indent > 0 ? /^([-+][A-Za-z][\w-]*) ([A-Z]\S*(?: \S+){3,})$/.exec(tag) : null;
    if (!squeezed) return null;
    tag = squeezed[1];
    inline = `${squeezed[2]} ${inline}`.trim();
  }
  return { index, indent, tag, inline };
}

/** The description of a tag: its own line's text and the deeper-indented lines under it. */
function describe(lines: string[], tag: TagLine): string {
  const parts = tag.inline ? [tag.inline] : [];
  let bodyIndent = -1;
  for (let i = tag.index + 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') {
      if (parts.length > 0) break;
      continue;
    }
    const indent = indentOf(line);
    if (indent <= tag.indent) break;
    if (bodyIndent === -1) bodyIndent = indent;
    else if (indent < bodyIndent) break;
    // A deeper line that is itself an option tag belongs to the next entry (GNU --help).
    if (/^[-+]/.test(line.trim())) {
      const next = splitTagLine(line, i);
      if (next && next.inline && parseTag(next.tag)) break;
    }
    parts.push(line.trim());
    if (parts.join(' ').length > 600) break;
  }
  return firstSentence(parts.join(' '));
}

/** A table of values under an option's text: `b      block (buffered) special`, one per paragraph. */
function valueTable(lines: string[], tag: TagLine): Record<string, string> | undefined {
  const values: Record<string, string> = {};
  let count = 0;
  for (let i = tag.index + 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    if (indentOf(line) <= tag.indent) break;
    if (lines[i - 1].trim() !== '') continue;
    const row = /^\s+([^\s-][^\s]{0,11})\s{2,}(\S.*)$/.exec(line);
    if (!row || /[.:,;]$/.test(row[1])) continue;
    const rest: string[] = [row[2]];
    const textIndent = line.length - row[2].length;
    for (let k = i + 1; k < lines.length && lines[k].trim() !== '' && indentOf(lines[k]) >= textIndent; k++) rest.push(lines[k].trim());
    values[row[1]] ??= firstSentence(rest.join(' '));
    count++;
  }
  return count >= 2 ? values : undefined;
}

function positionalsFrom(usage: string, program: string): Positional[] {
  let text = usage.replace(/^\s*(usage:\s*)?/i, '');
  const at = text.indexOf(program);
  if (at >= 0 && at < 40) text = text.slice(at + program.length);
  // Drop option groups: [-abc], [-w WIDTH], [--long=X], [OPTION]..., [options].
  text = text.replace(/\[[^\]]*OPTION[^\]]*\](\.\.\.)?/gi, ' ');
  for (let before = ''; before !== text; ) {
    before = text;
    text = text.replace(/\[=[^[\]]*\]/g, '').replace(/=\[[^[\]]*\]/g, '').replace(/\[\s*[-+][^[\]]*\](\.\.\.)?/g, ' ');
  }
  text = text.replace(/\[?\b(OPTIONS?|options?)\b(\.\.\.)?\]?(\.\.\.)?/g, ' ');
  const out: Positional[] = [];
  const re = /\[?<?([A-Z][A-Z0-9_-]*[A-Z0-9]|[A-Z])>?\]?(\.\.\.)?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const repeats = Boolean(m[2]) || text.slice(m.index + m[0].length).startsWith('...');
    if (!out.some((p) => p.name === m![1])) out.push({ name: m[1], repeats });
  }
  return out;
}

export function parseManual(program: string, raw: string, kind: 'manual' | 'help'): Manual {
  const lines = cleanText(raw).split('\n');
  const manual: Manual = { program, kind, summary: '', positionals: [], options: {}, terms: {} };
  if (/BusyBox/.test(raw)) manual.family = 'busybox';
  else if (/\bGNU\b|gnu\.org/.test(raw)) manual.family = 'gnu';
  let section = '';
  let usageSeen = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (kind === 'manual' && /^[A-Z][A-Z0-9 ,&/-]+$/.test(line)) {
      section = line.trim();
      continue;
    }
    if (kind === 'manual' && section === 'NAME' && !manual.summary && line.trim()) {
      const m = /\s[-–]\s+(.*)$/.exec(line);
      if (m) manual.summary = firstSentence(m[1] + ' ' + (lines[i + 1]?.trim() && indentOf(lines[i + 1]) > 0 ? lines[i + 1] : ''));
      continue;
    }
    if (kind === 'manual' && section === 'SYNOPSIS' && manual.positionals.length === 0 && line.trim()) {
      manual.positionals = positionalsFrom(line, program);
      continue;
    }
    if (kind === 'help' && /^\s*usage:/i.test(line)) {
      if (manual.positionals.length === 0) manual.positionals = positionalsFrom(line, program);
      usageSeen = true;
      continue;
    }
    if (kind === 'help' && !manual.summary && line.trim() && !/^\s*(or:|BusyBox|\s)/.test(line) && !/^\s*[-+]/.test(line) && (usageSeen || i > 0)) {
      manual.summary = firstSentence(line);
      continue;
    }
    if (SKIPPED_SECTIONS.has(section)) continue;
    const tag = splitTagLine(line, i);
    if (!tag) continue;
    if (/^[-+]/.test(tag.tag) || /^[a-z]+\d? -[a-z]+ [a-z]+\d?$/.test(tag.tag)) {
      // find's operators are written `expr1 -o expr2`.
      const operator = /^[a-z]+\d? (-[a-z]+) [a-z]+\d?$/.exec(tag.tag);
      if (operator) tag.tag = operator[1];
      let specs = parseTag(tag.tag);
      // A tag as wide as its indent leaves one space before the text: `-empty File is empty and ...`.
      const squeezed = !specs ? /^(-[A-Za-z][\w-]*) (\S+(?: \S+){3,})$/.exec(tag.tag) : null;
      if (squeezed) {
        specs = [{ name: squeezed[1], value: 'none' }];
        tag.inline = `${squeezed[2]} ${tag.inline}`.trim();
      }
      if (!specs) continue;
      // docker's pages write every value as optional (`--name[=NAME]`) though the CLI requires it.
      if (/^docker/.test(program)) for (const spec of specs) if (spec.value === 'optional' && spec.valueName !== 'true|false') spec.value = 'required';
      const description = describe(lines, tag);
      if (!description) continue;
      const anyRequired = specs.some((s) => s.value === 'required');
      const values = anyRequired ? valueTable(lines, tag) : undefined;
      const valueName = specs.find((s) => s.valueName)?.valueName;
      for (const spec of specs) {
        if (spec.name === '-NUM') {
          manual.numeric ??= { names: specs.map((s) => s.name), value: 'none', description };
          continue;
        }
        // GNU: "mandatory arguments to long options are mandatory for short options too".
        const value: ValueKind = spec.value === 'none' && anyRequired ? 'required' : spec.value;
        if (manual.options[spec.name]) continue;
        manual.options[spec.name] = { names: specs.map((s) => s.name), value, valueName: spec.valueName ?? (value !== 'none' ? valueName : undefined), description, ...(values ? { values } : {}) };
      }
    } else if (tag.indent > 0 && (kind === 'help' || tag.inline === '' || /^[a-zA-Z]$/.test(tag.tag))) {
      // Subcommands and BSD-style letters: `log`, `git-log(1)`, `install, reinstall, remove (apt-get(8))`, `a`.
      const head = /^[a-zA-Z][\w-]*(?:\(\d\w*\))?(?:,\s*[a-z][\w-]*(?:\(\d\w*\))?)*/.exec(tag.tag);
      if (!head || (kind === 'help' && /[A-Z]/.test(head[0][0]) && head[0].length > 1)) continue;
      const rest = tag.tag.slice(head[0].length);
      if (rest && !/^\s/.test(rest)) continue;
      const description = describe(lines, tag);
      if (!description) continue;
      for (const word of head[0].split(/,\s*/)) manual.terms[word.replace(/\(.*$/, '')] ??= description;
    }
  }
  return manual;
}
