// Programs that otherwise only look but write a file an option or a word
// names: `less -o log notes.txt` logs what it shows into log, `history -w f`
// writes the shell's history into f (into $HISTFILE without one), `python3 -m
// venv DIR` makes DIR, `npm pack --pack-destination DIR` writes its tarball
// there, `updatedb -o db` writes its database. Each such file is written, so
// the place it is in is judged as any other write.

import { literal, optionValue } from '../shell/argWords';
import type { WordValue } from '../shell/words';
import type { ProgramArgs } from './programArgs';
import { environmentFiles, interactiveShellEnvironment } from './optionVariables';

/** For each program, the options whose value names a file or folder it writes. */
const OUTPUT_OPTIONS: Record<string, { short: string[]; long: string[] }> = {
  less: { short: ['-o', '-O'], long: ['--log-file', '--LOG-FILE'] },
  updatedb: { short: ['-o'], long: ['--output', '--database-root-output'] },
  locate: { short: ['-o'], long: ['--output'] },
  plocate: { short: ['-o'], long: ['--output'] },
  npm: { short: [], long: ['--pack-destination'] },
  pip: { short: ['-t', '-d'], long: ['--target', '--dest', '--log', '--report'] },
  pip3: { short: ['-t', '-d'], long: ['--target', '--dest', '--log', '--report'] },
  tcpdump: { short: ['-w'], long: [] },
  script: { short: ['-O', '-I', '-B', '-T'], long: ['--log-out', '--log-in', '--log-io', '--log-timing'] },
};

// `python3 -m venv DIR`, `-m zipfile -c out.zip …`, `-m json.tool in out`: modules that write the words they are given.
const MODULE_WRITES: Record<string, (words: WordValue[]) => WordValue[]> = {
  venv: (words) => words.filter((v) => !v.text.startsWith('-')),
  virtualenv: (words) => words.filter((v) => !v.text.startsWith('-')),
  zipfile: (words) => (words[0]?.text === '-c' && words[1] ? [words[1]] : []),
  tarfile: (words) => (words[0]?.text === '-c' && words[1] ? [words[1]] : []),
  'json.tool': (words) => words.filter((v) => !v.text.startsWith('-')).slice(1, 2),
};

const PYTHONS = /^(?:python[23]?(?:\.\d+)?|pypy3?)$/;

/** Records the files `d`'s program writes by option, by `python -m MODULE`, or by `history -a/-w`. */
export function describeOptionOutputs(d: ProgramArgs): void {
  const { prog, args, fact } = d;
  const options = OUTPUT_OPTIONS[prog];
  if (options) d.writes(optionValue(args, options.short, options.long).filter((v) => v.text !== '-'));
  // `script FILE` keeps a typescript in its last word (typescript by default).
  if (prog === 'script') d.writes([d.positionals[d.positionals.length - 1] ?? literal('typescript')]);
  if (PYTHONS.test(prog)) {
    const at = args.findIndex((a) => a.text === '-m');
    const module = at >= 0 ? args[at + 1]?.text : undefined;
    if (module && MODULE_WRITES[module]) d.writes(MODULE_WRITES[module](args.slice(at + 2)));
  }
  if (prog === 'mktemp') mktempFolder(d);
  d.writes(interactiveShellEnvironment(d.w, fact, args, d.ctx));
  d.writes(environmentFiles(d.w, fact));
  if (prog === 'history' && d.has('a', 'w')) {
    const file = d.positionals[0];
    const histfile = fact.env.find((e) => e.name === 'HISTFILE');
    d.writes([file ?? (histfile && !histfile.dynamic ? literal(histfile.value) : literal('~/.bash_history'))]);
  }
}

/**
 * mktemp makes its file in the folder `--tmpdir=DIR` names, or in $TMPDIR when the
 * line sets it and no folder is named (`TMPDIR=.. mktemp`). `-p DIR` is a plain word
 * and is judged with the other words it writes. `-u` (`--dry-run`) makes nothing, and
 * TMPDIR=/tmp names the folder mktemp uses anyway.
 */
function mktempFolder(d: ProgramArgs): void {
  if (d.has('u', 'dry-run')) return;
  const named = d.args.filter((a) => a.text.startsWith('--tmpdir=')).map((a) => ({ ...a, text: `${a.text.slice('--tmpdir='.length)}/tmp.XXXXXXXXXX` }));
  if (named.length) return d.writes(named);
  if (d.args.some((a) => a.text === '-p' || /^-[a-zA-Z]*p./.test(a.text)) || d.positionals.some((v) => v.text.includes('/'))) return;
  const given = d.fact.env.find((e) => e.name === 'TMPDIR');
  if (!given && !d.w.state.isAssigned('TMPDIR')) return;
  const value = given ? (given.dynamic ? null : given.value) : (d.w.state.lookup('TMPDIR') ?? null);
  if (value !== null && /^\/tmp\/?$/.test(value)) return;
  d.writes([value === null ? { ...literal('$TMPDIR/tmp.XXXXXXXXXX'), dynamic: true } : literal(`${value}/tmp.XXXXXXXXXX`)]);
}
