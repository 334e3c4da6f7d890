// File tools: what the common programs that read, write, delete, archive and
// edit files do to the paths they are given.

import { beforeEnd, literal, literalWord, optionValue } from '../shell/argWords';
import type { WordValue } from '../shell/words';
import { COMPRESSORS, COPIERS, DELETERS, MODIFY_AFTER_FIRST, WRITE_ALL } from '../shell/programs';
import { awkOutputFiles } from './awkOutput';
import type { ProgramArgs } from './programArgs';
import { IN_PLACE_REWRITERS, rewriter } from './rewriterFacts';

type Describer = (d: ProgramArgs) => void;

/** Describes the command when its program is a known file tool; false otherwise. */
export function describeFileTool(d: ProgramArgs): boolean {
  const entry = FILE_TOOLS.find(([applies]) => applies(d));
  if (!entry) return false;
  entry[1](d);
  return true;
}

/** Deleters (rm, rmdir, unlink, shred ...) delete every path given. */
function deleter(d: ProgramArgs): void {
  const { positionals, deletes } = d;
  deletes(positionals);
}

// Options of those programs that take a value that is no file to write: a size, a date, a file whose size or times are copied.
const VALUE_OPTIONS: Record<string, [string[], string[]]> = {
  truncate: [['-s', '-r'], ['--size', '--reference']],
  fallocate: [['-l', '-o'], ['--length', '--offset']],
  touch: [['-d', '-t', '-r'], ['--date', '--reference']],
};

/** Programs that write every path given (touch, truncate, fallocate ...). */
function writeAll(d: ProgramArgs): void {
  const { args, prog, positionals, reads, writes } = d;
  // A word that only looks like an option while a variable is unset (`touch ${X:--d} /etc/passwd`) takes no value.
  const options = beforeEnd(args).map((a) => (a.text.startsWith('-') && !literalWord(a) ? { ...a, text: '' } : a));
  const [short, long] = VALUE_OPTIONS[prog] ?? [[], []];
  const values = optionValue(options, short, long);
  writes(positionals.filter((v) => !values.includes(v)));
  reads(optionValue(options, ['-r'], ['--reference']));
}

/** chmod, chown, chgrp ...: the first word is the mode or owner, the rest are changed. */
function modifyAfterFirst(d: ProgramArgs): void {
  const { fact, args, prog, positionals, writes } = d;
  const ref = args.some((a) => a.text.startsWith('--reference'));
  const targets = ref ? positionals : positionals.slice(1);
  writes(targets);
  const mode = ref ? '' : (positionals[0]?.text ?? '');
  if (prog === 'chmod' && (/^[0-7]?[2467][0-7]{3}$/.test(mode) || /^[ugoa]*[+=][rwxXt]*s/.test(mode))) fact.markers.push('setuid');
  if (prog === 'chmod' && /^0?[0-7]?7[0-7]7$|o\+w|a\+w|^\+w/.test(mode)) fact.markers.push('world-writable');
}

/** cp, mv, ln, install: the last path (or -t) is written; mv deletes its sources. */
function copier(d: ProgramArgs): void {
  const { args, prog, positionals, reads, writes, deletes } = d;
  const target = optionValue(beforeEnd(args), ['-t'], ['--target-directory']);
  if (target.length > 0) {
    writes(target);
    (prog === 'mv' ? deletes : reads)(positionals.filter((v) => !target.includes(v)));
  } else if (positionals.length >= 2) {
    writes([positionals[positionals.length - 1]]);
    (prog === 'mv' ? deletes : reads)(positionals.slice(0, -1));
  } else if (positionals.length === 1) {
    if (prog === 'ln' || prog === 'install') writes([positionals[0]]);
    else reads(positionals);
  }
}

/** gzip, bzip2, xz ...: each file's compressed (or unpacked) form is written beside it; the file itself goes unless kept. */
function compressor(d: ProgramArgs): void {
  const { args, prog, positionals, reads, writes, deletes, has } = d;
  const suffix = optionValue(args, ['-S'], ['--suffix']);
  const files = positionals.filter((v) => !suffix.includes(v));
  reads(files);
  // To stdout, listed or tested: nothing is written.
  if (has('c', 'stdout', 'to-stdout', 'l', 'list', 't', 'test')) return;
  const unpacks = prog in UNPACKERS || has('d', 'decompress', 'uncompress');
  writes(files.map((v) => ({ ...v, text: compressedName(prog, v.text, unpacks, suffix[0]?.text) })));
  // zstd keeps its input unless told --rm; the others remove it unless told -k.
  const keeps = has('k', 'keep') || ((prog === 'zstd' || prog === 'unzstd') && !has('rm'));
  if (!keeps) {
    writes(files);
    deletes(files);
  }
}

const SUFFIXES: Record<string, string> = { gzip: '.gz', bzip2: '.bz2', xz: '.xz', lzma: '.lzma', zstd: '.zst', compress: '.Z' };
/** Unpacking programs and the compressor whose suffix they take off. */
const UNPACKERS: Record<string, string> = { gunzip: 'gzip', bunzip2: 'bzip2', unxz: 'xz', unlzma: 'lzma', unzstd: 'zstd', uncompress: 'compress' };

/** The name a compressor writes for `file`: the suffix added, or (unpacking) taken off; unknown suffixes keep the name, so the write still names the file's place. */
export function compressedName(prog: string, file: string, unpacks: boolean, suffix?: string): string {
  const own = suffix ?? SUFFIXES[UNPACKERS[prog] ?? prog] ?? '';
  if (!unpacks) return file + own;
  const known = [own, '.gz', '.tgz', '.bz2', '.xz', '.txz', '.lzma', '.zst', '.Z'].find((s) => s !== '' && file.endsWith(s) && file.length > s.length);
  if (!known) return file;
  const base = file.slice(0, -known.length);
  return known === '.tgz' || known === '.txz' ? `${base}.tar` : base;
}

/** dd: if= is read, of= written; with no count it runs unbounded. */
function dd(d: ProgramArgs): void {
  const { fact, args, reads, writes } = d;
  for (const a of args) {
    if (a.text.startsWith('if=')) reads([{ ...a, text: a.text.slice(3) }]);
    if (a.text.startsWith('of=')) writes([{ ...a, text: a.text.slice(3) }]);
  }
  if (!args.some((a) => a.text.startsWith('count='))) fact.markers.push('unbounded');
}

/** tar: extraction writes to -C or here, creation writes the archive (and deletes what it packs with --remove-files); some options run programs. */
function tar(d: ProgramArgs): void {
  const { fact, args, flags, positionals, reads, writes, deletes } = d;
  // Letters only: a long option's name (`--checkpoint`, `--directory`) is no cluster of c, r, t...
  const letters = args.filter((a) => /^-[^-]/.test(a.text)).map((a) => a.text.slice(1)).join('');
  const cluster = (args[0] && !args[0].text.startsWith('-') ? args[0].text : '') + letters;
  const dir = optionValue(args, ['-C'], ['--directory']);
  if ((/x/.test(cluster) || flags.includes('extract') || flags.includes('get')) && !printsMembers(args)) writes(dir.length ? dir : [literal('.')]);
  // Files tar writes whatever it does with the archive.
  writes(optionValue(args, [], ['--index-file', '--volno-file']));
  const file = optionValue(args, ['-f'], ['--file']);
  const archive = file[0] ?? (/f/.test(cluster) ? positionals.find((v) => v !== args[0]) : undefined);
  // `-f host:a.tar` is reached through rsh or ssh, unless --force-local says the colon is part of a name.
  if (archive && /^[^/]*:/.test(archive.text) && !flags.includes('force-local')) fact.runs_command.push('tar-command');
  // -A (--catenate) adds other archives to the one -f names.
  if (/c|r|u/.test(cluster.replace(/[^a-z]/g, '')) || /A/.test(cluster) || flags.includes('create') || flags.includes('append') || flags.includes('catenate') || flags.includes('concatenate')) {
    if (archive && archive.text !== '-') writes([archive]);
    const members = positionals.filter((v) => v !== archive && v !== args[0]);
    reads(members);
    if (flags.includes('remove-files')) deletes(members);
  } else if (archive) reads([archive]);
  if (args.some((a) => /^--(to-command|checkpoint-action|use-compress-program|rsh-command|info-script|new-volume-script)/.test(a.text) || a.text === '-I')) fact.runs_command.push('tar-command');
}

// Letters of tar that take the next word, or the rest of their cluster, as a value.
const TAR_VALUE_LETTERS = 'fCTXKNgbLVFHI';
// Long options of tar that take no value: a word after one of them is no value of it.
const TAR_SWITCHES = new Set(['extract', 'get', 'list', 'create', 'append', 'update', 'catenate', 'concatenate', 'verbose', 'gzip', 'gunzip', 'ungzip', 'bzip2', 'xz', 'lzma', 'lzip', 'lzop', 'zstd', 'compress', 'uncompress', 'auto-compress', 'keep-old-files', 'skip-old-files', 'keep-newer-files', 'overwrite', 'wildcards', 'no-wildcards', 'preserve-permissions', 'same-owner', 'numeric-owner', 'to-stdout', 'ignore-zeros', 'force-local', 'totals', 'dereference', 'one-file-system', 'recursion', 'no-recursion', 'null', 'unlink-first', 'show-transformed-names']);

/**
 * `tar -xOf x.tar notes.txt`: members printed, nothing written. Only an O in a
 * cluster before any letter that takes a value, an O of the old-style first
 * word, or `-O`/`--to-stdout` standing where no option waits for a value,
 * before `--`, and written as it stands (`--exclude -O`, `-C -O`, `-xfO` are
 * values).
 */
function printsMembers(args: WordValue[]): boolean {
  const options = beforeEnd(args);
  // Old style (`tar xfC a.tar dir`): each value letter of the first word takes the next word in turn.
  const oldStyle = options[0] !== undefined && !options[0].text.startsWith('-') ? options[0].text : undefined;
  const oldValues = oldStyle === undefined ? 0 : [...oldStyle].filter((c) => TAR_VALUE_LETTERS.includes(c)).length;
  return options.some((a, i) => {
    if (!literalWord(a)) return false;
    if (i === 0 && oldStyle !== undefined) return oldStyle.includes('O');
    const prev = options[i - 1];
    const valueDue = (oldStyle !== undefined && i <= oldValues) || (prev !== undefined && (new RegExp(`^-[a-zA-Z]*[${TAR_VALUE_LETTERS}]$`).test(prev.text) || (/^--[\w-]+$/.test(prev.text) && !TAR_SWITCHES.has(prev.text.slice(2)))));
    if (valueDue) return false;
    return a.text === '--to-stdout' || new RegExp(`^-[^-${TAR_VALUE_LETTERS}]*O`).test(a.text);
  });
}

/** unzip: the archive is read, extraction writes to -d or here. */
function unzip(d: ProgramArgs): void {
  const { args, positionals, reads, writes, has } = d;
  reads(positionals.slice(0, 1));
  if (!has('l', 'v', 't', 'Z', 'p')) writes(optionValue(args, ['-d'], []).concat(optionValue(args, ['-d'], []).length ? [] : [literal('.')]));
}

/** zip: the archive is written, the files read (and deleted with -m). */
function zip(d: ProgramArgs): void {
  const { fact, args, positionals, reads, writes, deletes, has } = d;
  if (positionals[0]) writes([positionals[0]]);
  reads(positionals.slice(1));
  if (has('m', 'move')) deletes(positionals.slice(1));
  if (args.some((a) => a.text === '-TT' || a.text.startsWith('--unzip-command'))) fact.runs_command.push('zip-test-command');
}

/** sed: in-place edits write the files; `e` and `w` commands run programs and write files. */
function sed(d: ProgramArgs): void {
  const { fact, args, flags, positionals, reads, writes } = d;
  const scripts = optionValue(args, ['-e'], ['--expression']);
  const scriptFiles = optionValue(args, ['-f'], ['--file']);
  // `-e 2d` and `-f edit.sed` give the script: the words after them are no files to edit.
  const files = (scripts.length > 0 || scriptFiles.length > 0 ? positionals : positionals.slice(1)).filter((v) => !scripts.includes(v) && !scriptFiles.includes(v));
  reads(scriptFiles);
  // A script file may hold `e` and `w` commands the policy does not see, as awk's -f does.
  if (scriptFiles.length > 0) fact.runs_code = 'script';
  const script = scripts.length > 0 ? scripts.map((s) => s.text).join('\n') : (positionals[0]?.text ?? '');
  if (flags.includes('i') || flags.some((f) => f.startsWith('in-place'))) writes(files);
  else reads(files);
  fact.inline_code = script;
  if (/(^|[;\n{}])\s*([0-9$]+|\/[^/]*\/)?(,([0-9$]+|\/[^/]*\/))?\s*!?\s*e(\s|;|$)|s(.).*\6.*\6[gpIiMm0-9]*e/.test(script)) fact.runs_command.push('sed-execute');
  const w_ = script.match(/(^|[;\n}]|s(.).*\2.*\2[gpIiMm0-9]*)\s*[wW]\s+(\S+)/);
  if (w_) writes([literal(w_[3])]);
}

/** awk: system(), pipes and getline run programs; print > file writes; gawk's `-i inplace` writes every file it reads. */
function awk(d: ProgramArgs): void {
  const { fact, args, positionals, reads, writes } = d;
  const progFile = optionValue(args, ['-f', '-E'], ['--file', '--exec']);
  const assignedVals = optionValue(args, ['-v', '-F'], ['--assign', '--field-separator']);
  // `-i inplace` (gawk's own library) edits the files in place; any other library, or an extension loaded with -l, is code nobody can read here.
  const libraries = optionValue(args, ['-i', '-l'], ['--include', '--load']);
  const inPlace = libraries.some((l) => /^(?:.*\/)?inplace(?:\.awk)?$/.test(l.text));
  if (libraries.some((l) => !/^(?:.*\/)?inplace(?:\.awk)?$/.test(l.text))) fact.runs_code = 'script';
  const pos = positionals.filter((v) => !assignedVals.includes(v) && !progFile.includes(v) && !libraries.includes(v));
  const code = progFile.length > 0 ? '' : (pos[0]?.text ?? '');
  fact.inline_code = code;
  if (progFile.length > 0) {
    fact.runs_code = 'script';
    reads(progFile);
  }
  if (/system\s*\(|\|\s*getline|\|&|print[f]?[^;}]*\|\s*["a-zA-Z_]/.test(code)) {
    fact.runs_code = 'inline';
    fact.runs_command.push('awk-system');
  }
  writes(awkOutputFiles(code));
  const files = pos.slice(progFile.length > 0 ? 0 : 1).filter((v) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(v.text));
  if (inPlace) writes(files);
  else reads(files);
}

/** grep and friends read the files after the pattern. */
function grep(d: ProgramArgs): void {
  const { fact, args, prog, positionals, reads } = d;
  const patternGiven = optionValue(args, ['-e', '-f'], ['--regexp', '--file']).length > 0;
  reads(patternGiven ? positionals : positionals.slice(1));
  if (prog === 'rg' && args.some((a) => a.text.startsWith('--pre'))) fact.runs_command.push('rg-preprocessor');
}

/** sort: -o writes; a compress program runs. */
function sort(d: ProgramArgs): void {
  const { fact, args, positionals, reads, writes } = d;
  writes(optionValue(args, ['-o'], ['--output']));
  reads(positionals.filter((v) => !optionValue(args, ['-o'], ['--output']).includes(v)));
  if (args.some((a) => a.text.startsWith('--compress-program'))) fact.runs_command.push('sort-compress-program');
}

/** uniq IN OUT writes OUT. */
function uniq(d: ProgramArgs): void {
  const { positionals, reads, writes } = d;
  reads([positionals[0]]);
  writes([positionals[1]]);
}

/** xxd IN OUT writes OUT; -r decodes. */
function xxd(d: ProgramArgs): void {
  const { fact, positionals, reads, writes, has } = d;
  reads([positionals[0]]);
  writes([positionals[1]]);
  if (has('r', 'revert')) fact.decodes = true;
}

/** shuf, iconv, tree: -o writes. */
function outputOption(d: ProgramArgs): void {
  const { args, prog, positionals, reads, writes } = d;
  const out = optionValue(args, ['-o'], ['--output']);
  writes(out);
  if (prog !== 'tree') reads(positionals.filter((v) => !out.includes(v)));
}

/** yq -i edits its files in place. */
function yqInPlace(d: ProgramArgs): void {
  const { positionals, writes } = d;
  writes(positionals.slice(1));
}

// Editors write the files they open: by a script (`ed`, `ex -s`, `vim -es`) or by whoever types.
const EDITORS = new Set(['ed', 'red', 'ex', 'vi', 'vim', 'nvim', 'vim.tiny', 'vim.basic', 'nano', 'emacs', 'mg', 'joe']);

/** An editor: every file named is opened to be written; option values (`-c CMD`, `-S FILE`, `+CMD`) are none. */
function editor(d: ProgramArgs): void {
  const { args, positionals, writes } = d;
  const values = optionValue(args, ['-c', '-S', '-u', '-i', '-T', '-w', '-W'], ['--cmd', '--eval', '--load']);
  writes(positionals.filter((v) => !values.includes(v) && !v.text.startsWith('+')));
}

/** split and csplit read one file and write its pieces, named by a prefix (`x` unless given): `xaa`, `xab`, ... */
function splitter(d: ProgramArgs): void {
  const { args, prog, positionals, reads, writes, has } = d;
  if (has('help', 'version')) return;
  const values = optionValue(args, ['-l', '-b', '-C', '-n', '-a', '-t', '-f', '-d', '--additional-suffix'], ['--lines', '--bytes', '--line-bytes', '--number', '--suffix-length', '--separator', '--prefix', '--filter', '--additional-suffix']);
  const words = positionals.filter((v) => !values.includes(v));
  reads(words.slice(0, 1));
  const prefix = prog === 'csplit' ? (optionValue(args, ['-f'], ['--prefix'])[0]?.text ?? 'xx') : (words[1]?.text ?? 'x');
  writes([literal(`${prefix}*`)]);
}

const FILE_TOOLS: [(d: ProgramArgs) => boolean, Describer][] = [
  [(d) => EDITORS.has(d.prog), editor],
  [(d) => d.prog === 'split' || d.prog === 'csplit', splitter],
  [(d) => DELETERS.has(d.prog), deleter],
  [(d) => IN_PLACE_REWRITERS.has(d.prog), rewriter],
  [(d) => WRITE_ALL.has(d.prog), writeAll],
  [(d) => MODIFY_AFTER_FIRST.has(d.prog), modifyAfterFirst],
  [(d) => COPIERS.has(d.prog), copier],
  [(d) => COMPRESSORS.has(d.prog), compressor],
  [(d) => d.prog === 'dd', dd],
  [(d) => d.prog === 'tar' || d.prog === 'bsdtar', tar],
  [(d) => d.prog === 'unzip', unzip],
  [(d) => d.prog === 'zip', zip],
  [(d) => d.prog === 'sed', sed],
  [(d) => ['awk', 'gawk', 'mawk', 'nawk'].includes(d.prog), awk],
  [(d) => ['grep', 'egrep', 'fgrep', 'rg', 'ag', 'ack'].includes(d.prog), grep],
  [(d) => d.prog === 'sort', sort],
  [(d) => d.prog === 'uniq' && d.positionals.length >= 2, uniq],
  [(d) => d.prog === 'xxd' && d.positionals.length >= 2, xxd],
  [(d) => ['shuf', 'iconv', 'tree'].includes(d.prog), outputOption],
  [(d) => d.prog === 'yq' && (d.has('i', 'inplace') || d.flags.some((f) => f.startsWith('in-place'))), yqInPlace],
];
