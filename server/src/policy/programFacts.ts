// Describes one simple command: takes wrappers off (sudo, env, xargs, ...)
// and says what the program it finally runs reads, writes, deletes, reaches
// or executes, from what Paladin knows of that program's arguments.

import type { Context, Walker } from './facts';
import type { CommandFact } from './factsTypes';
import {
  CODE_ARG_PROGRAMS, COMPRESSORS, COPIERS, DELETERS, EVAL_LIKE, FIRST_IS_NOT_PATH, INTERPRETERS, MODIFY_AFTER_FIRST, NETWORK_SUBCOMMANDS, NETWORK_TOOLS,
  NO_PATH_ARGS, PRIVILEGE_WRAPPERS, SHELLS, SOURCE_LIKE, WRAPPER_LEADING_POSITIONALS, WRAPPER_VALUE_OPTIONS, WRAPPERS, WRITE_ALL,
} from './programs';
import { DYNAMIC, showDynamic, type WordValue } from './words';

const show = (v: WordValue): string => showDynamic(v.text);

function literal(text: string): WordValue {
  return { text, dynamic: false, glob: /[*?[]/.test(text), quoted: false, ansiC: false, nested: [], unknown: [], fromSubstitution: false, procSubst: '' };
}

function setName(fact: CommandFact, word: WordValue): void {
  fact.name = show(word);
  fact.name_dynamic = fact.name_dynamic || word.dynamic;
  fact.name_from_substitution = fact.name_from_substitution || word.fromSubstitution;
  fact.name_obfuscated = fact.name_obfuscated || word.quoted || word.ansiC;
  if (word.dynamic) {
    fact.program = '';
    return;
  }
  fact.path_given = word.text.includes('/');
  const base = word.text.replace(/\/+$/, '').split('/').pop() ?? '';
  fact.program = base;
}

/** Index of the first word after a wrapper's own options. */
function skipOptions(wrapper: string, args: WordValue[]): number {
  const valueOptions = WRAPPER_VALUE_OPTIONS[wrapper] ?? new Set<string>();
  let i = 0;
  while (i < args.length) {
    const a = args[i].text;
    if (a === '--') return i + 1;
    if (!a.startsWith('-') || a === '-') break;
    if (valueOptions.has(a)) i += 2;
    else i += 1;
  }
  return i;
}

/** Take wrappers off; returns the words from the real program on, or null when nothing is left to describe. */
export function unwrap(w: Walker, fact: CommandFact, words: WordValue[], ctx: Context): WordValue[] | null {
  let rest = words;
  for (let guard = 0; guard < 24; guard++) {
    setName(fact, rest[0]);
    const prog = fact.program;
    if (!WRAPPERS.has(prog)) return rest;
    const args = rest.slice(1);
    let i = skipOptions(prog, args);
    const opts = args.slice(0, i).map((a) => a.text);
    if (PRIVILEGE_WRAPPERS.has(prog)) fact.privileged = true;
    switch (prog) {
      case 'env': {
        for (let k = 0; k < opts.length; k++) {
          if (opts[k] === '-S' || opts[k] === '--split-string') w.reparse(args[k + 1]?.text ?? '', fact.index, ctx, 'shell-string');
        }
        while (i < args.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(args[i].text)) {
          const [name, ...value] = args[i].text.split('=');
          fact.env.push({ name, value: showDynamic(value.join('=')), dynamic: args[i].dynamic });
          w.facts.assignments.push({ name, value: value.join('='), dynamic: args[i].dynamic, scope: 'command', command_index: fact.index });
          i++;
        }
        break;
      }
      case 'command':
        if (opts.some((o) => o === '-v' || o === '-V')) return rest;
        break;
      case 'sudo':
        if (opts.some((o) => ['-e', '--edit'].includes(o))) {
          fact.wrappers.push('sudo');
          return [literal('sudoedit'), ...args.slice(i)];
        }
        if (i >= args.length && opts.some((o) => ['-i', '-s', '--login', '--shell'].includes(o))) {
          fact.wrappers.push('sudo');
          return [literal('sh')];
        }
        if (i >= args.length) return rest;
        break;
      case 'su': {
        const c = opts.findIndex((o) => o === '-c' || o === '--command');
        let k = i;
        // su's -c takes a value that skipOptions did not know about.
        if (c >= 0) k = c + 2;
        const ci = args.findIndex((a) => a.text === '-c' || a.text === '--command');
        if (ci >= 0 && args[ci + 1]) {
          fact.runs_code = 'inline';
          fact.inline_code = show(args[ci + 1]);
          fact.code_dynamic = args[ci + 1].dynamic;
          if (!args[ci + 1].dynamic) w.reparse(args[ci + 1].text, fact.index, { ...ctx, privileged: true }, 'shell-string');
        }
        void k;
        return rest;
      }
      case 'busybox':
        if (i >= args.length || args[i].text.startsWith('-')) return rest;
        break;
      case 'xargs': {
        fact.markers.push('xargs');
        const replace = args.slice(0, i).findIndex((a) => a.text === '-I' || a.text === '-i' || a.text.startsWith('-I'));
        fact.wrappers.push('xargs');
        let cmd = args.slice(i);
        if (cmd.length === 0) cmd = [literal('echo')];
        const input: WordValue = { ...literal(DYNAMIC), dynamic: true, glob: false };
        if (replace >= 0) {
          const token = args[replace].text.length > 2 ? args[replace].text.slice(2) : (args[replace + 1]?.text ?? '{}');
          cmd = cmd.map((a) => (a.text.includes(token) ? { ...a, text: a.text.split(token).join(DYNAMIC), dynamic: true } : a));
        } else cmd = [...cmd, input];
        rest = cmd;
        fact.stdin = fact.stdin === 'inherit' ? 'inherit' : fact.stdin;
        continue;
      }
      case 'watch': {
        const code = args.slice(i).map((a) => a.text).join(' ');
        fact.runs_code = 'inline';
        fact.inline_code = showDynamic(code);
        fact.code_dynamic = args.slice(i).some((a) => a.dynamic);
        if (!fact.code_dynamic && code.trim()) w.reparse(code, fact.index, ctx, 'shell-string');
        return null;
      }
      case 'exec':
        if (i >= args.length) return rest;
        break;
      default:
        break;
    }
    i += WRAPPER_LEADING_POSITIONALS[prog] ?? 0;
    if (i >= args.length) return rest;
    fact.wrappers.push(prog);
    rest = args.slice(i);
  }
  return rest;
}

function splitArgs(args: WordValue[]): { flags: string[]; positionals: WordValue[] } {
  const flags: string[] = [];
  const positionals: WordValue[] = [];
  let ended = false;
  for (const a of args) {
    const t = a.text;
    if (!ended && t === '--') {
      ended = true;
      continue;
    }
    if (!ended && !a.dynamic && t.startsWith('--') && t.length > 2) flags.push(t.slice(2).split('=')[0]);
    else if (!ended && !a.dynamic && t.startsWith('-') && t.length > 1) {
      if (/^-[0-9]+$/.test(t)) flags.push(t.slice(1));
      else flags.push(...t.slice(1).split(''));
    } else positionals.push(a);
  }
  return { flags, positionals };
}

const URLISH = /^[a-z][a-z0-9+.-]*:\/\/|^[^\s/@]+@[^\s/:]+:|^(\d{1,3}\.){3}\d{1,3}(:\d+)?(\/|$)|^\[?[0-9a-f:]+:[0-9a-f:]*\]?$/i;
const HOSTPATH = /^([^\s/@]+@)?[a-zA-Z0-9.-]+:([^/]|\/|$)/;

/** Option value following `name` (`-o FILE`, `-oFILE`, `--output=FILE`, `--output FILE`). */
function optionValue(args: WordValue[], short: string[], long: string[]): WordValue[] {
  const found: WordValue[] = [];
  for (let i = 0; i < args.length; i++) {
    const t = args[i].text;
    for (const l of long) {
      if (t === l && args[i + 1]) found.push(args[i + 1]);
      else if (t.startsWith(l + '=')) found.push({ ...args[i], text: t.slice(l.length + 1) });
    }
    for (const s of short) {
      if (t === s && args[i + 1]) found.push(args[i + 1]);
      else if (t.startsWith(s) && t.length > s.length && !t.startsWith('--') && s.length === 2) found.push({ ...args[i], text: t.slice(2) });
    }
  }
  return found;
}

/** Programs that only look at names and metadata of the paths they are given, never their contents. */
const LISTERS = new Set(['ls', 'dir', 'vdir', 'tree', 'du', 'stat', 'realpath', 'readlink', 'basename', 'dirname', 'namei', 'lsattr', 'getfacl', 'test', '[', 'find', 'exa', 'eza']);

export function describeProgram(w: Walker, fact: CommandFact, rest: WordValue[], ctx: Context): void {
  if (LISTERS.has(fact.program)) fact.markers.push('lists-only');
  const args = rest.slice(1);
  fact.args = args.map(show);
  fact.dynamic_args = args.flatMap((a, i) => (a.dynamic ? [i] : []));
  const { flags, positionals } = splitArgs(args);
  fact.flags = flags;
  fact.positionals = positionals.map(show);
  const prog = fact.program;
  const p = (v: WordValue) => w.path(v);
  const reads = (vs: WordValue[]) => vs.forEach((v) => fact.reads.push(p(v)));
  const writes = (vs: WordValue[]) => vs.forEach((v) => fact.writes.push(p(v)));
  const deletes = (vs: WordValue[]) => vs.forEach((v) => fact.deletes.push(p(v)));
  const has = (...names: string[]) => names.some((n) => flags.includes(n));

  if (fact.name_dynamic) {
    if (fact.name_from_substitution) fact.markers.push('name-from-substitution');
    return;
  }
  if (args.some((a) => a.procSubst === '<(') && (SHELLS.has(prog) || prog in INTERPRETERS || SOURCE_LIKE.has(prog))) {
    fact.runs_code = 'process-substitution';
    w.unknown('process-substitution-into-shell', `${prog} runs code produced by a process substitution`, fact.index);
  }
  if (fact.stdin === 'heredoc' || fact.stdin === 'herestring') {
    if (SHELLS.has(prog) || prog in INTERPRETERS) w.unknown('heredoc-into-interpreter', `${prog} runs code given in a here-document`, fact.index);
  }

  if (SHELLS.has(prog) || (prog === 'busybox' && ['sh', 'ash'].includes(positionals[0]?.text ?? ''))) {
    fact.shell = true;
    const ci = args.findIndex((a) => !a.dynamic && /^-[a-zA-Z]*c[a-zA-Z]*$/.test(a.text));
    if (ci >= 0) {
      const code = args[ci + 1];
      fact.runs_code = 'inline';
      if (code) {
        fact.inline_code = show(code);
        fact.code_dynamic = code.dynamic;
        if (!code.dynamic) w.reparse(code.text, fact.index, ctx, 'shell-string');
      }
    } else if (fact.runs_code === 'none') {
      const script = positionals.find((a) => a.procSubst === '');
      if (script && !has('s')) {
        fact.runs_code = 'script';
        reads([script]);
      } else fact.runs_code = 'stdin';
    }
    // A here-document given to a shell is a script we can read: judge its commands too.
    if (fact.runs_code === 'stdin' && (fact.stdin === 'heredoc' || fact.stdin === 'herestring') && fact.inline_code.trim() !== '') {
      w.reparse(fact.inline_code.split('$?').join('"$PALADIN_DYNAMIC"'), fact.index, ctx, 'shell-string');
    }
    return;
  }
  if (prog in INTERPRETERS) {
    fact.interpreter = true;
    const inline = INTERPRETERS[prog];
    let codeAt = -1;
    for (let i = 0; i < args.length && codeAt < 0; i++) {
      const t = args[i].text;
      if (inline.includes(t)) codeAt = i + 1;
      else if (prog === 'perl' && /^-[a-zA-Z]*[eE]$/.test(t)) codeAt = i + 1;
      else if (/^-[a-zA-Z]*c$/.test(t) && inline.includes('-c')) codeAt = i + 1;
    }
    const module = args.findIndex((a) => a.text === '-m');
    if (codeAt >= 0) {
      fact.runs_code = 'inline';
      const code = args[codeAt];
      if (code) {
        fact.inline_code = show(code);
        fact.code_dynamic = code.dynamic;
      }
    } else if (module >= 0 && (prog.startsWith('python') || prog.startsWith('pypy'))) {
      fact.runs_code = 'module';
      fact.inline_code = args[module + 1]?.text ?? '';
      if (/^(http\.server|SimpleHTTPServer|smtpd|ftplib|pyftpdlib)$/.test(fact.inline_code)) fact.listens = true;
      if (fact.inline_code === 'pip') fact.network = true;
    } else if (fact.runs_code === 'none') {
      const script = positionals.find((a) => a.procSubst === '');
      if (script && script.text !== '-') {
        fact.runs_code = 'script';
        reads([script]);
      } else fact.runs_code = 'stdin';
    }
    if (prog === 'perl' && flags.includes('i')) writes(positionals.slice(codeAt >= 0 ? 0 : 1).filter((a) => a !== args[codeAt]));
    return;
  }
  if (EVAL_LIKE.has(prog)) {
    const code = args.map((a) => a.text).join(' ');
    fact.runs_code = 'inline';
    fact.inline_code = showDynamic(code);
    fact.code_dynamic = args.some((a) => a.dynamic);
    w.unknown('eval', fact.code_dynamic ? 'eval runs text that is only known at run time' : 'eval runs its arguments as a new command line', fact.index);
    if (!fact.code_dynamic && code.trim()) w.reparse(code, fact.index, ctx, 'shell-string');
    return;
  }
  if (SOURCE_LIKE.has(prog)) {
    if (fact.runs_code === 'none') fact.runs_code = 'script';
    if (positionals[0]) reads([positionals[0]]);
    w.unknown('source', `${prog} runs a script file in the current shell`, fact.index);
    return;
  }
  if (CODE_ARG_PROGRAMS.has(prog)) {
    const code = positionals[0];
    if (code && !code.dynamic && prog === 'trap') w.reparse(code.text, fact.index, ctx, 'shell-string');
    if (code && code.dynamic) w.unknown('dynamic-trap', 'trap runs a command only known at run time', fact.index);
    return;
  }
  if (prog === 'alias') {
    for (const a of positionals) {
      const eq = a.text.indexOf('=');
      if (eq <= 0) continue;
      const value = a.text.slice(eq + 1);
      w.facts.aliases.push({ name: a.text.slice(0, eq), value: showDynamic(value) });
      if (!a.dynamic && value.trim()) w.reparse(value, fact.index, ctx, 'alias');
    }
    return;
  }
  if (prog === 'cd' || prog === 'pushd') {
    w.changeDir(positionals[0]);
    return;
  }
  if (prog === 'find') {
    describeFind(w, fact, args, ctx);
    return;
  }
  if (prog === 'git') {
    describeGit(w, fact, args);
    return;
  }

  // Network reach.
  if (NETWORK_TOOLS.has(prog)) fact.network = true;
  const sub = NETWORK_SUBCOMMANDS[prog];
  const first = positionals[0]?.text ?? '';
  if (sub && !fact.network) {
    fact.subcommand = first;
    if (sub.has('*') || sub.has(first)) fact.network = true;
    if (sub.has('*remote*') && positionals.some((a) => HOSTPATH.test(a.text) || URLISH.test(a.text))) fact.network = true;
  }
  if (fact.network || prog === 'rsync') fact.targets.push(...args.filter((a) => URLISH.test(a.text) || (prog !== 'git' && HOSTPATH.test(a.text))).map(show));
  if (['ssh', 'telnet', 'nc', 'ncat', 'netcat', 'ping', 'dig', 'host', 'nslookup', 'whois', 'traceroute', 'ftp', 'sftp', 'mail'].includes(prog) && positionals[0]) fact.targets.push(show(positionals[0]));
  fact.targets = [...new Set(fact.targets)];

  switch (prog) {
    case 'curl': {
      writes(optionValue(args, ['-o'], ['--output']).filter((v) => v.text !== '-'));
      if (has('O', 'remote-name', 'remote-name-all')) writes([literal('.')]);
      const data = optionValue(args, ['-d', '-F', '-T'], ['--data', '--data-binary', '--data-raw', '--data-urlencode', '--data-ascii', '--form', '--upload-file', '--json', '--form-string']);
      if (data.length > 0) fact.uploads = true;
      for (const d of data) {
        const at = d.text.replace(/^[^@=]*=/, '').replace(/^[^@]*@/, '@');
        if (at.startsWith('@') && at !== '@-') reads([{ ...d, text: at.slice(1).replace(/;.*$/, '') }]);
        else if (optionValue(args, ['-T'], ['--upload-file']).includes(d)) reads([d]);
      }
      if (fact.stdin !== 'inherit' && data.some((d) => /@-$/.test(d.text) || d.text === '-')) fact.uploads = true;
      for (const cfg of optionValue(args, ['-K'], ['--config'])) reads([cfg]);
      return;
    }
    case 'wget': {
      const out = optionValue(args, ['-O'], ['--output-document']);
      writes(out.filter((v) => v.text !== '-'));
      if (out.length === 0 && !has('spider', 'S')) writes(optionValue(args, ['-P'], ['--directory-prefix']).concat(optionValue(args, ['-P'], ['--directory-prefix']).length ? [] : [literal('.')]));
      const post = optionValue(args, [], ['--post-file', '--body-file']);
      reads(post);
      if (post.length > 0 || optionValue(args, [], ['--post-data', '--body-data']).length > 0 || has('method')) fact.uploads = true;
      return;
    }
    case 'nc':
    case 'ncat':
    case 'netcat':
    case 'socat': {
      if (has('l', 'listen') || args.some((a) => /^(TCP|UDP)[46]?-LISTEN/i.test(a.text))) fact.listens = true;
      if (has('e', 'c', 'exec', 'sh-exec') || args.some((a) => /^(EXEC|SYSTEM):/i.test(a.text))) fact.runs_command.push('network-shell');
      if (fact.stdin !== 'inherit' || args.some((a) => /^(OPEN|FILE|GOPEN|CREATE):/i.test(a.text))) fact.uploads = true;
      return;
    }
    case 'ssh': {
      if (args.some((a) => /ProxyCommand|LocalCommand|PermitLocalCommand/i.test(a.text))) fact.runs_command.push('ssh-proxy-command');
      if (positionals.length > 1) {
        fact.runs_code = 'remote';
        fact.inline_code = positionals.slice(1).map(show).join(' ');
      }
      if (fact.stdin !== 'inherit') fact.uploads = true;
      return;
    }
    case 'scp':
    case 'rsync': {
      const remote = positionals.map((a) => HOSTPATH.test(a.text) && !a.text.startsWith('/'));
      if (remote.some(Boolean)) fact.network = true;
      const dest = positionals[positionals.length - 1];
      const sources = positionals.slice(0, -1);
      if (dest && remote[positionals.length - 1] && sources.some((_, i) => !remote[i])) fact.uploads = true;
      reads(sources.filter((_, i) => !remote[i]));
      if (dest && !remote[positionals.length - 1]) writes([dest]);
      if (prog === 'rsync' && has('delete', 'delete-before', 'delete-after', 'delete-during', 'remove-source-files') && dest) deletes([dest]);
      if (args.some((a) => a.text === '-e' || a.text.startsWith('--rsh'))) fact.runs_command.push('rsync-remote-shell');
      return;
    }
  }

  if (DELETERS.has(prog)) {
    deletes(positionals);
    return;
  }
  if (WRITE_ALL.has(prog)) {
    const skipValues = prog === 'truncate' ? optionValue(args, ['-s', '-r'], ['--size', '--reference']) : prog === 'fallocate' ? optionValue(args, ['-l', '-o'], ['--length', '--offset']) : [];
    writes(positionals.filter((v) => !skipValues.includes(v)));
    return;
  }
  if (MODIFY_AFTER_FIRST.has(prog)) {
    const ref = args.some((a) => a.text.startsWith('--reference'));
    const targets = ref ? positionals : positionals.slice(1);
    writes(targets);
    const mode = ref ? '' : (positionals[0]?.text ?? '');
    if (prog === 'chmod' && (/^[0-7]?[2467][0-7]{3}$/.test(mode) || /^[ugoa]*[+=][rwxXt]*s/.test(mode))) fact.markers.push('setuid');
    if (prog === 'chmod' && /^0?[0-7]?7[0-7]7$|o\+w|a\+w|^\+w/.test(mode)) fact.markers.push('world-writable');
    return;
  }
  if (COPIERS.has(prog)) {
    const target = optionValue(args, ['-t'], ['--target-directory']);
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
    return;
  }
  if (COMPRESSORS.has(prog)) {
    reads(positionals);
    if (!has('c', 'k', 'stdout', 'to-stdout', 'keep', 'l', 'list', 't', 'test')) {
      writes(positionals);
      deletes(positionals);
    }
    return;
  }
  if (prog === 'dd') {
    for (const a of args) {
      if (a.text.startsWith('if=')) reads([{ ...a, text: a.text.slice(3) }]);
      if (a.text.startsWith('of=')) writes([{ ...a, text: a.text.slice(3) }]);
    }
    if (!args.some((a) => a.text.startsWith('count='))) fact.markers.push('unbounded');
    return;
  }
  if (prog === 'tar' || prog === 'bsdtar') {
    const cluster = (args[0] && !args[0].text.startsWith('-') ? args[0].text : '') + flags.join('');
    const dir = optionValue(args, ['-C'], ['--directory']);
    if (/x/.test(cluster) || flags.includes('extract') || flags.includes('get')) writes(dir.length ? dir : [literal('.')]);
    const file = optionValue(args, ['-f'], ['--file']);
    const archive = file[0] ?? (/f/.test(cluster) ? positionals.find((v) => v !== args[0]) : undefined);
    if (/c|r|u/.test(cluster.replace(/[^a-z]/g, '')) || flags.includes('create') || flags.includes('append')) {
      if (archive && archive.text !== '-') writes([archive]);
      reads(positionals.filter((v) => v !== archive && v !== args[0]));
    } else if (archive) reads([archive]);
    if (args.some((a) => /^--(to-command|checkpoint-action|use-compress-program|rsh-command|info-script|new-volume-script)/.test(a.text) || a.text === '-I')) fact.runs_command.push('tar-command');
    return;
  }
  if (prog === 'unzip') {
    reads(positionals.slice(0, 1));
    if (!has('l', 'v', 't', 'Z', 'p')) writes(optionValue(args, ['-d'], []).concat(optionValue(args, ['-d'], []).length ? [] : [literal('.')]));
    return;
  }
  if (prog === 'zip') {
    if (positionals[0]) writes([positionals[0]]);
    reads(positionals.slice(1));
    if (has('m', 'move')) deletes(positionals.slice(1));
    if (args.some((a) => a.text === '-TT' || a.text.startsWith('--unzip-command'))) fact.runs_command.push('zip-test-command');
    return;
  }
  if (prog === 'sed') {
    const scripts = optionValue(args, ['-e'], ['--expression']);
    const files = scripts.length > 0 || optionValue(args, ['-f'], ['--file']).length > 0 ? positionals : positionals.slice(1);
    const script = scripts.length > 0 ? scripts.map((s) => s.text).join('\n') : (positionals[0]?.text ?? '');
    if (flags.includes('i') || flags.some((f) => f.startsWith('in-place'))) writes(files);
    else reads(files);
    fact.inline_code = script;
    if (/(^|[;\n{}])\s*([0-9$]+|\/[^/]*\/)?(,([0-9$]+|\/[^/]*\/))?\s*!?\s*e(\s|;|$)|s(.).*\6.*\6[gpIiMm0-9]*e/.test(script)) fact.runs_command.push('sed-execute');
    const w_ = script.match(/(^|[;\n}]|s(.).*\2.*\2[gpIiMm0-9]*)\s*[wW]\s+(\S+)/);
    if (w_) writes([literal(w_[3])]);
    return;
  }
  if (['awk', 'gawk', 'mawk', 'nawk'].includes(prog)) {
    const progFile = optionValue(args, ['-f'], ['--file']);
    const assignedVals = optionValue(args, ['-v', '-F'], []);
    const pos = positionals.filter((v) => !assignedVals.includes(v) && !progFile.includes(v));
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
    const out = code.match(/print[f]?[^;}]*>>?\s*"([^"]+)"/);
    if (out) writes([literal(out[1])]);
    reads(pos.slice(progFile.length > 0 ? 0 : 1).filter((v) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(v.text)));
    return;
  }
  if (['grep', 'egrep', 'fgrep', 'rg', 'ag', 'ack'].includes(prog)) {
    const patternGiven = optionValue(args, ['-e', '-f'], ['--regexp', '--file']).length > 0;
    reads(patternGiven ? positionals : positionals.slice(1));
    if (prog === 'rg' && args.some((a) => a.text.startsWith('--pre'))) fact.runs_command.push('rg-preprocessor');
    return;
  }
  if (prog === 'sort') {
    writes(optionValue(args, ['-o'], ['--output']));
    reads(positionals.filter((v) => !optionValue(args, ['-o'], ['--output']).includes(v)));
    if (args.some((a) => a.text.startsWith('--compress-program'))) fact.runs_command.push('sort-compress-program');
    return;
  }
  // Read-only tools with an output file or a way to start other programs.
  if (prog === 'uniq' && positionals.length >= 2) {
    reads([positionals[0]]);
    writes([positionals[1]]);
    return;
  }
  if (prog === 'xxd' && positionals.length >= 2) {
    reads([positionals[0]]);
    writes([positionals[1]]);
    if (has('r', 'revert')) fact.decodes = true;
    return;
  }
  if (['shuf', 'iconv', 'tree'].includes(prog)) {
    const out = optionValue(args, ['-o'], ['--output']);
    writes(out);
    if (prog !== 'tree') reads(positionals.filter((v) => !out.includes(v)));
    return;
  }
  if (prog === 'yq' && (has('i', 'inplace') || flags.some((f) => f.startsWith('in-place')))) {
    writes(positionals.slice(1));
    return;
  }
  if (prog === 'man' && args.some((a) => /^(-P|-H|--pager|--html)/.test(a.text))) fact.runs_command.push('man-pager');
  if (prog === 'hash' && has('p')) fact.markers.push('hash-path');
  if (['base64', 'base32', 'basenc'].includes(prog) && has('d', 'decode', 'D')) fact.decodes = true;
  if (prog === 'xxd' && has('r', 'revert')) fact.decodes = true;
  if (prog === 'uudecode' || (prog === 'openssl' && (first === 'base64' || first === 'enc') && has('d'))) fact.decodes = true;
  if (['printf', 'echo'].includes(prog) && args.some((a) => /\\x[0-9a-fA-F]{2}|\\[0-7]{3}/.test(a.text))) fact.decodes = true;
  if (prog === 'rev') fact.decodes = true;
  if (prog === 'crontab' || prog === 'systemctl' || prog === 'service' || prog === 'launchctl' || prog === 'docker' || prog === 'kubectl' || prog === 'npm' || prog === 'make') {
    fact.subcommand = first;
  }
  if (prog === 'docker' && args.some((a) => /docker\.sock|^--privileged$|^-v\s*\/:|^\/:\//.test(a.text) || /^(--volume|-v)=?\/:/.test(a.text))) fact.markers.push('docker-host-access');
  if (prog === 'docker' && args.some((a) => a.text.startsWith('/:') || a.text.includes('docker.sock'))) fact.markers.push('docker-host-access');
  if (FIRST_IS_NOT_PATH.has(prog) || NO_PATH_ARGS.has(prog)) {
    if (FIRST_IS_NOT_PATH.has(prog)) reads(positionals.slice(1));
    return;
  }
  reads((sub ? positionals.slice(1) : positionals).filter((v) => !URLISH.test(v.text) && !/^[A-Za-z_][A-Za-z0-9_]*=/.test(v.text)));
}

const FIND_TESTS = new Set(['-name', '-iname', '-path', '-ipath', '-wholename', '-iwholename', '-regex', '-iregex', '-size', '-user', '-group', '-uid', '-gid', '-perm', '-newer', '-mtime', '-atime', '-ctime', '-mmin', '-amin', '-cmin', '-empty', '-links', '-inum', '-samefile', '-lname', '-ilname', '-nouser', '-nogroup', '-used', '-fstype']);

function describeFind(w: Walker, fact: CommandFact, args: WordValue[], ctx: Context): void {
  let i = 0;
  while (i < args.length && ['-H', '-L', '-P'].includes(args[i].text)) i++;
  const roots: WordValue[] = [];
  while (i < args.length && !args[i].text.startsWith('-') && !['(', '!', ')'].includes(args[i].text)) roots.push(args[i++]);
  if (roots.length === 0) roots.push(literal('.'));
  fact.positionals = roots.map(show);
  fact.flags = args.filter((a) => a.text.startsWith('-')).map((a) => a.text.replace(/^-+/, ''));
  roots.forEach((r) => fact.reads.push(w.path(r)));
  // With a test that picks files (-name, -size, ...), find acts on some files under each root, not the root itself.
  const filtered = args.some((a, k) => FIND_TESTS.has(a.text) && !(['-name', '-iname', '-path', '-ipath', '-wholename'].includes(a.text) && args[k + 1]?.text === '*'));
  const found = (root: WordValue): WordValue => {
    const base = root.text.replace(/\/+$/, '');
    return filtered ? { ...root, text: base + '/' + DYNAMIC, dynamic: true, pick: true } : { ...root, text: base === '' ? '/*' : base + '/*', glob: true };
  };
  for (; i < args.length; i++) {
    const t = args[i].text;
    if (t === '-delete') roots.forEach((r) => fact.deletes.push(w.path(filtered ? found(r) : r)));
    if (['-fprint', '-fprint0', '-fprintf', '-fls'].includes(t) && args[i + 1]) fact.writes.push(w.path(args[i + 1]));
    if (['-exec', '-execdir', '-ok', '-okdir'].includes(t)) {
      const start = i + 1;
      let end = start;
      while (end < args.length && args[end].text !== ';' && args[end].text !== '+') end++;
      fact.runs_command.push(t.slice(1));
      const words = args.slice(start, end);
      i = end;
      for (const root of roots) {
        // `{}` stands for every file found under the root.
        const each = found(root);
        const sub = words.map((a) => (a.text.includes('{}') ? { ...a, text: a.text.split('{}').join(each.text), glob: a.glob || each.glob, dynamic: a.dynamic || each.dynamic, pick: each.pick } : a));
        if (sub.length === 0) continue;
        const child = w.newCommand({ ...ctx, parent: fact.index, via: 'exec' });
        child.stdin = 'inherit';
        w.command(child, sub, { ...ctx, parent: fact.index, via: 'exec' });
        break;
      }
    }
  }
}

function describeGit(w: Walker, fact: CommandFact, args: WordValue[]): void {
  let i = 0;
  const config: string[] = [];
  while (i < args.length && args[i].text.startsWith('-')) {
    const t = args[i].text;
    if (t === '-c' && args[i + 1]) {
      config.push(args[i + 1].text);
      i += 2;
    } else if (['-C', '--git-dir', '--work-tree', '--namespace', '--exec-path', '--config-env'].includes(t)) {
      if (t === '--config-env' && args[i + 1]) config.push(args[i + 1].text);
      i += 2;
    } else i += 1;
  }
  const sub = args[i]?.text ?? '';
  fact.subcommand = sub;
  const rest = args.slice(i + 1);
  const { flags, positionals } = splitArgs(rest);
  fact.flags = flags;
  fact.positionals = positionals.map(show);
  fact.args = args.map(show);
  for (const c of config) if (/^(core\.(pager|editor|sshCommand|fsmonitor|hooksPath|askPass|gitProxy)|alias\..*=\s*!|diff\..*\.(textconv|command)|filter\..*\.(clean|smudge|process)|protocol\..*\.allow|credential\.helper|sequence\.editor|uploadpack\.|receivepack\.|gpg\.program|merge\..*\.driver)/i.test(c)) fact.runs_command.push('git-config:' + c.split('=')[0]);
  if (rest.some((a) => /^--(upload-pack|receive-pack|exec|extcmd|ext-diff|open-files-in-pager)/.test(a.text) || /^-O/.test(a.text) || /^ext::/.test(a.text))) fact.runs_command.push('git-option-command');
  for (const out of optionValue(rest, [], ['--output'])) fact.writes.push(w.path(out));
  if (['clone', 'fetch', 'pull', 'push', 'ls-remote', 'submodule', 'send-email', 'archive'].includes(sub) && (sub !== 'archive' || rest.some((a) => a.text.startsWith('--remote')))) {
    fact.network = true;
    fact.targets = rest.filter((a) => URLISH.test(a.text) || HOSTPATH.test(a.text)).map(show);
  }
  if (sub === 'rm') positionals.forEach((v) => fact.deletes.push(w.path(v)));
  if (sub === 'clean' && (flags.includes('f') || flags.includes('force')) && !flags.includes('n') && !flags.includes('dry-run')) fact.deletes.push(w.path(literal('.')));
  if (sub === 'mv' && positionals.length >= 2) {
    positionals.slice(0, -1).forEach((v) => fact.deletes.push(w.path(v)));
    fact.writes.push(w.path(positionals[positionals.length - 1]));
  }
  if (sub === 'clone') fact.writes.push(w.path(positionals[1] ?? literal('.')));
}
