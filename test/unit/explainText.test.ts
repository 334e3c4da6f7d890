// How option explanations read: the value given stands where the manual wrote
// its placeholder, the manual's evaluation boilerplate is gone, and where the
// text was read is said once (in `origin`), never inside the text. Checked on
// hand-written manual lines and, as a class, on every option of the host's
// man pages for a set of everyday programs.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { Explainer } from '../../server/src/explainer/explainer';
import type { FoundManual, ManualProvider } from '../../server/src/explainer/explainTree';
import { findHostPage } from '../../server/src/explainer/hostManuals';
import { parseManual, type Manual, type OptionDoc } from '../../server/src/explainer/manualParse';
import { describeValue, describeWithValue, stripBoilerplate } from '../../server/src/explainer/optionText';

const option = (description: string, valueName?: string, values?: Record<string, string>): OptionDoc => ({ names: ['-x'], value: valueName ? 'required' : 'none', valueName, description, values });

describe('boilerplate', () => {
  it('takes find\'s "True;" and "; true if …" off, keeping a sentence', () => {
    assert.equal(stripBoilerplate("True; print format on the standard output, interpreting `\\' escapes"), "Print format on the standard output, interpreting `\\' escapes");
    assert.equal(stripBoilerplate('Always true; like -ls but write to file'), 'Like -ls but write to file');
    assert.equal(stripBoilerplate('Delete files or directories; true if removal succeeded'), 'Delete files or directories');
    assert.equal(stripBoilerplate('Execute command; true if 0 status is returned'), 'Execute command');
    assert.equal(stripBoilerplate('True'), 'True', 'a description that is only the value stays');
    assert.equal(stripBoilerplate('do not ignore entries starting with .'), 'do not ignore entries starting with .');
  });
});

describe('values in option text', () => {
  it('puts the value where an upper-case or one-letter placeholder stood, with its meaning when tabulated', () => {
    const type = option('File is of type c', 'c', { f: 'regular file', d: 'directory' });
    assert.equal(describeWithValue(type, 'f', 'find'), 'File is of type f: regular file');
    assert.equal(describeValue(type, 'f', '-type'), 'the value of -type: regular file');
    assert.equal(describeWithValue(option('print the first NUM lines instead of the first 10', 'NUM'), '5', 'head'), 'print the first 5 lines instead of the first 10');
    assert.equal(describeWithValue(option('print the first NUM lines', '[-]NUM'), '5', 'head'), 'print the first 5 lines');
    assert.equal(describeWithValue(option('Print first N lines', 'N[kbm]'), '5', 'head'), 'Print first 5 lines');
    assert.equal(describeValue(option('x', 'ARCHIVE'), 'out.tgz', '-f'), 'ARCHIVE for -f');
  });

  it('replaces a lower-case placeholder only where it is plainly one', () => {
    const name = option('Base of file name matches shell pattern pattern', 'pattern');
    assert.equal(describeWithValue(name, '*.log', 'find'), 'Base of file name matches shell pattern *.log');
    const depth = option('Descend at most levels (a non-negative integer) levels of directories', 'levels');
    assert.equal(describeWithValue(depth, '2', 'find'), 'Descend at most 2 (a non-negative integer) levels of directories');
    const printf = option('True; print format on the standard output', 'format');
    assert.equal(describeWithValue(printf, '%p\\n', 'find'), 'Print format on the standard output (value: %p\\n)');
    assert.equal(describeWithValue(option('use SEP instead', 'SEP'), 'a b', 'sort'), 'use "a b" instead', 'a value with spaces is quoted');
  });

  it("reads find's +n and -n as more and less than n", () => {
    const mtime = option("File's data was last modified less than, more than or exactly n*24 hours ago", 'n');
    assert.equal(describeWithValue(mtime, '+7', 'find'), "File's data was last modified less than, more than or exactly 7*24 hours ago (+7: more than 7)");
    assert.equal(describeWithValue(mtime, '-1', 'find'), "File's data was last modified less than, more than or exactly 1*24 hours ago (-1: less than 1)");
  });
});

// ---------------------------------------------------------------- the host's man pages, as a class

const PROGRAMS = ['find', 'grep', 'ls', 'sort', 'tar', 'sed', 'cut', 'head', 'tail', 'du', 'df', 'cp', 'mv', 'rm', 'chmod', 'chown', 'xargs', 'wc', 'uniq', 'tr', 'diff', 'touch', 'mkdir', 'ln', 'date', 'stat', 'split', 'tee', 'nl', 'od'];

function hostManuals(): Map<string, Manual> {
  const found = new Map<string, Manual>();
  for (const program of PROGRAMS) {
    const page = findHostPage(program);
    if (!page) continue;
    const r = spawnSync('man', ['--nh', '--nj', '-P', 'cat', '-l', page.file], { encoding: 'utf8', env: { ...process.env, MANWIDTH: '160', LANG: 'C.UTF-8' } });
    if (r.status === 0 && r.stdout) found.set(program, parseManual(program, r.stdout, 'manual'));
  }
  return found;
}

const manuals = spawnSync('man', ['--version']).status === 0 ? hostManuals() : new Map<string, Manual>();

class Pages implements ManualProvider {
  async prefetch(): Promise<void> {}
  async get(name: string): Promise<FoundManual | null> {
    const manual = manuals.get(name);
    return manual ? { manual, origin: 'man page, host' } : null;
  }
}

/** A value a placeholder would not be mistaken for. */
const SAMPLE = 'qq7';

describe('every option of the host man pages', { skip: manuals.size < 10 ? 'the host has too few man pages (man-db)' : false }, () => {
  it('has no evaluation boilerplate left once explained', () => {
    const bad: string[] = [];
    for (const [program, manual] of manuals) {
      for (const [name, doc] of Object.entries(manual.options)) {
        const text = describeWithValue(doc, doc.value === 'none' ? null : SAMPLE, program);
        if (/^(always\s+)?(true|false)\s*[;,:]/i.test(text) || /;\s*true if\b/i.test(text)) bad.push(`${program} ${name}: ${text}`);
      }
    }
    assert.deepEqual(bad, []);
  });

  it('says the value given, never only the placeholder, for every option that takes one', () => {
    const bad: string[] = [];
    let checked = 0;
    for (const [program, manual] of manuals) {
      for (const [name, doc] of Object.entries(manual.options)) {
        if (doc.value === 'none') continue;
        checked++;
        const text = describeWithValue(doc, SAMPLE, program);
        if (!text.includes(SAMPLE)) bad.push(`${program} ${name} (${doc.valueName}): ${text}`);
        const placeholder = doc.valueName?.replace(/^\[[-+]+\]/, '').replace(/(?<=\w)\[[^\]]*\]$/, '');
        if (placeholder && /^[A-Z][A-Z0-9_]+$/.test(placeholder) && new RegExp(`\\b${placeholder}\\b`).test(text)) bad.push(`${program} ${name}: ${placeholder} left in "${text}"`);
        const valueText = describeValue(doc, SAMPLE, name);
        if (/^\w for /.test(valueText)) bad.push(`${program} ${name}: one-letter placeholder in "${valueText}"`);
      }
    }
    assert.ok(checked > 100, `only ${checked} options with values were read`);
    assert.deepEqual(bad, []);
  });

  it('explains whole commands with the source said once, outside the text', async () => {
    const explainer = new Explainer(new Pages());
    const bad: string[] = [];
    for (const [program, manual] of manuals) {
      const withValue = Object.entries(manual.options).filter(([n, d]) => d.value === 'required' && /^-[A-Za-z]$/.test(n)).slice(0, 6);
      for (const [name] of withValue) {
        const { parts } = await explainer.explain(`${program} ${name} ${SAMPLE}`);
        const flag = parts.find((p) => p.kind === 'flag' && p.text === name);
        if (!flag) continue;
        if (!flag.explanation.includes(SAMPLE)) bad.push(`${program} ${name}: ${flag.explanation}`);
      }
      const { parts } = await explainer.explain(program);
      if (parts[0].origin !== 'man page, host' || /\((man page|--help|manual)/.test(parts[0].explanation)) bad.push(`${program}: ${parts[0].explanation} / ${parts[0].origin}`);
    }
    assert.deepEqual(bad, []);
  });

  it('reads the three sentences people tripped over', async () => {
    const { parts } = await new Explainer(new Pages()).explain("find . -type f -printf '%p\\n'");
    const by = (t: string) => parts.find((p) => p.text === t)?.explanation ?? '';
    assert.equal(by('-type'), 'File is of type f: regular file');
    assert.match(by('-printf'), /^Print format on the standard output/);
    assert.equal(parts[0].explanation, 'search for files in a directory hierarchy');
  });
});
