// Judges a command against the bound of the request it was planned for, with
// its own small reading of the command (written apart from the planner's
// checks, so that the two can disagree): what it changes, which paths it
// reaches, whether it descends, which conditions and which kind it selects by,
// and which act it performs. Returns the classes of over-reach found.

export type Overreach = 'change-for-look' | 'other-folder' | 'recursion' | 'kind' | 'cond-age' | 'cond-size' | 'cond-name' | 'cond-other' | 'other-act' | 'every-file' | 'placeholder';

/** Words of each simple command, split on pipes, lists and `&&`/`||`; redirection targets kept apart. */
export function statements(command: string): { words: string[]; writesTo: string[] }[] {
  const out: { words: string[]; writesTo: string[] }[] = [];
  let words: string[] = [];
  let writesTo: string[] = [];
  let cur = '';
  let has = false;
  let redirect: '>' | 'skip' | undefined;
  const endWord = () => {
    if (!has) return;
    if (redirect !== undefined) {
      if (redirect === '>' && cur !== '/dev/null') writesTo.push(cur);
      redirect = undefined;
    } else words.push(cur);
    cur = '';
    has = false;
  };
  const endStatement = () => {
    endWord();
    if (words.length > 0 || writesTo.length > 0) out.push({ words, writesTo });
    words = [];
    writesTo = [];
  };
  for (let i = 0; i < command.length; i++) {
    const c = command[i];
    if (c === "'" || c === '"') {
      const j = command.indexOf(c, i + 1);
      cur += command.slice(i + 1, j < 0 ? undefined : j);
      has = true;
      i = j < 0 ? command.length : j;
    } else if (c === '\\' && i + 1 < command.length) {
      cur += command[++i];
      has = true;
    } else if (/\s/.test(c)) endWord();
    else if (c === '|' || c === ';' || c === '&' || c === '\n') {
      if (c === '&' && command[i + 1] === '>') { endWord(); redirect = '>'; i++; continue; }
      if (c === '&' && command[i - 1] === '>') continue;
      endStatement();
      if (command[i + 1] === c) i++;
    } else if (c === '>' || c === '<') {
      const fd = has && /^\d$/.test(cur) ? cur : '';
      if (fd) { cur = ''; has = false; } else endWord();
      if (command[i + 1] === '>') i++;
      if (command[i + 1] === '&') { i++; while (/\d/.test(command[i + 1] ?? '')) i++; continue; }
      redirect = c === '>' ? '>' : 'skip';
    } else {
      cur += c;
      has = true;
    }
  }
  endStatement();
  return out;
}

const WRITERS = new Set(['rm', 'rmdir', 'unlink', 'shred', 'mv', 'cp', 'touch', 'mkdir', 'chmod', 'chown', 'chgrp', 'gzip', 'gunzip', 'bzip2', 'xz', 'zip', 'unzip', 'truncate', 'tee', 'ln', 'install', 'dd', 'kill', 'pkill', 'killall', 'rsync', 'patch', 'split', 'csplit']);
const WRAPPERS = new Set(['sudo', 'xargs', 'env', 'nice', 'nohup', 'command', 'time']);

/** The program of a statement and its arguments, past wrappers and xargs' own options. */
function program(words: string[]): { name: string; args: string[] } {
  let i = 0;
  while (i < words.length && (WRAPPERS.has(words[i]) || /^\w+=/.test(words[i]))) {
    const wrapper = words[i++];
    if (wrapper === 'xargs') while (i < words.length && words[i].startsWith('-')) i += /^-[IdLnP]$/.test(words[i]) ? 2 : 1;
  }
  return { name: words[i] ?? '', args: words.slice(i + 1) };
}

/** Commands a find runs on what it finds (-exec/-execdir/-ok), as word lists. */
function findExecs(args: string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < args.length; i++) {
    if (!/^-(exec|execdir|ok|okdir)$/.test(args[i])) continue;
    const end = args.findIndex((a, j) => j > i && (a === ';' || a === '+'));
    out.push(args.slice(i + 1, end < 0 ? undefined : end));
    i = end < 0 ? args.length : end;
  }
  return out;
}

export interface ActDone {
  act: string;
  detail?: string;
}

/** What each simple command changes. */
export function actsOf(command: string): ActDone[] {
  const acts: ActDone[] = [];
  const visit = (words: string[]) => {
    const { name, args } = program(words);
    if (name === 'find') {
      if (args.includes('-delete')) acts.push({ act: 'delete' });
      if (args.some((a) => /^-fprint/.test(a))) acts.push({ act: 'write' });
      for (const e of findExecs(args)) visit(e);
      return;
    }
    if (name === 'git' && /^(rm|clean|reset|checkout|commit|add|mv|stash|push|tag|restore)$/.test(args[0] ?? '')) return acts.push({ act: args[0] === 'rm' || args[0] === 'clean' ? 'delete' : 'write' });
    if (name === 'sed' && args.some((a) => /^-i|^--in-place/.test(a))) return acts.push({ act: 'write' });
    if (name === 'perl' && args.some((a) => /^-\w*i/.test(a))) return acts.push({ act: 'write' });
    if (name === 'tar' && args.some((a) => /^-?\w*[cru]/.test(a) && !a.startsWith('--'))) return acts.push({ act: 'compress' });
    if (name === 'tar' && args.some((a) => /^-?\w*x/.test(a))) return acts.push({ act: 'write' });
    if (!WRITERS.has(name)) return;
    if (name === 'rm' || name === 'rmdir' || name === 'unlink' || name === 'shred') return acts.push({ act: 'delete' });
    if (name === 'gzip' || name === 'bzip2' || name === 'xz' || name === 'zip') return acts.push({ act: args.some((a) => /^-\w*d/.test(a)) ? 'write' : 'compress' });
    if (name === 'chmod') return acts.push({ act: 'chmod', detail: args.find((a) => !a.startsWith('-') || /^-[rwxXst]+$/.test(a)) });
    if (name === 'chown' || name === 'chgrp') return acts.push({ act: 'chown', detail: args.find((a) => !a.startsWith('-')) });
    if (name === 'mv' || name === 'cp') return acts.push({ act: name === 'mv' ? 'move' : 'copy', detail: targetOf(args) });
    if (name === 'mkdir') return acts.push({ act: 'mkdir', detail: args.find((a) => !a.startsWith('-')) });
    acts.push({ act: 'write', detail: name });
  };
  for (const s of statements(command)) {
    visit(s.words);
    for (const t of s.writesTo) acts.push({ act: 'write', detail: `> ${t}` });
  }
  return acts;
}

function targetOf(args: string[]): string | undefined {
  const t = args.findIndex((a) => a === '-t' || a.startsWith('--target-directory'));
  if (t >= 0) return args[t].includes('=') ? args[t].split('=')[1] : args[t + 1];
  const plain = args.filter((a) => !a.startsWith('-'));
  return plain[plain.length - 1];
}

/** +x, -x or unknown for a chmod mode. */
export function chmodSign(mode: string | undefined): '+x' | '-x' | '?' {
  if (!mode) return '?';
  if (/^[0-7]{3,4}$/.test(mode)) return /[2367]$/.test(mode) ? '?' : /[1357]/.test(mode.slice(-3)) ? '+x' : '-x';
  if (/[+=][rxXst]*w/.test(mode)) return '?';
  if (/^-[rwxXst]+$/.test(mode)) return mode.includes('x') ? '-x' : '?';
  if (/[+=][rwst]*[xX]/.test(mode)) return '+x';
  if (/-[rwst]*x/.test(mode)) return '-x';
  return '?';
}

export { judgePlan } from './scopeJudgeBound';
