// Describes one simple command once its wrappers are off: what the program
// reads, writes, deletes, reaches or executes, from what Paladin knows of
// that program's arguments.

import type { Context, Walker } from './facts';
import type { CommandFact } from './factsTypes';
import { HOSTPATH, literal, optionValue, show, splitArgs, URLISH } from '../shell/argWords';
import { describeFind } from './findFacts';
import { describeGit } from './gitFacts';
import { isStdinPath, runProcessSubstitutionCode, runStdinCode, runWrittenScript } from './codeFeeds';
import { describeBehaviour, remoteNames } from './behaviourFacts';
import { outsideCode } from './outsideCodeFacts';
import { awkOutputFiles } from './awkOutput';
import { describeContainer } from './containerFacts';
import { describeInlineCode } from './inlineCodeFacts';
import { describeAddresses } from './addressFacts';
import { describePagerFeed } from './pagerFeedFacts';
import { describeLaunchers } from './launcherFacts';
import { describeNameSource } from './nameSourceFacts';
import { describeGitTool, describeInterpreterTool, describeTool } from './tools';
import {
  CODE_ARG_PROGRAMS, COMPRESSORS, COPIERS, DELETERS, EVAL_LIKE, FIRST_IS_NOT_PATH, INTERPRETERS, MODIFY_AFTER_FIRST, NETWORK_SUBCOMMANDS, NETWORK_TOOLS,
  NO_PATH_ARGS, SHELLS, SOURCE_LIKE, WRITE_ALL,
} from '../shell/programs';
import { showDynamic, type WordValue } from '../shell/words';

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

  describeNameSource(w, fact, rest, ctx);
  if (fact.name_dynamic) {
    if (fact.name_from_substitution) fact.markers.push('name-from-substitution');
    return;
  }
  if (fact.path_given && !/^\/(usr\/)?(local\/)?s?bin\//.test(fact.name)) {
    const file = p(literal(fact.name)).resolved;
    fact.markers.push(`runs-file:${file}`);
    runWrittenScript(w, fact, file, ctx);
  }
  describeBehaviour(w, fact, args, ctx);
  outsideCode(w, fact, args);
  describeContainer(w, fact, args);
  describeLaunchers(w, fact, args, ctx);
  describeAddresses(fact, args);
  describePagerFeed(w, fact, ctx);
  if (args.some((a) => a.procSubst === '<(') && (SHELLS.has(prog) || prog in INTERPRETERS || SOURCE_LIKE.has(prog))) {
    fact.runs_code = 'process-substitution';
    w.unknown('process-substitution-into-shell', `${prog} runs code produced by a process substitution`, fact.index);
    if (!(prog in INTERPRETERS)) runProcessSubstitutionCode(w, fact, args, ctx);
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
      if (script && !has('s') && !isStdinPath(script, p(script).resolved)) {
        fact.runs_code = 'script';
        reads([script]);
        runWrittenScript(w, fact, p(script).resolved, ctx);
      } else fact.runs_code = 'stdin';
    }
    // A here-document, a here-string or known text piped in is a script we can read: judge its commands too.
    runStdinCode(w, fact, ctx);
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
      if (/^(http\.server|SimpleHTTPServer|smtpd|ftplib|pyftpdlib)$/.test(fact.inline_code)) {
        fact.listens = true;
        // The folder it serves is read by whoever connects.
        reads(optionValue(args, ['-d'], ['--directory']).concat(optionValue(args, ['-d'], ['--directory']).length ? [] : [literal('.')]));
      }
      if (fact.inline_code === 'pip') fact.network = true;
    } else if (fact.runs_code === 'none') {
      const script = positionals.find((a) => a.procSubst === '');
      if (script && script.text !== '-') {
        fact.runs_code = 'script';
        reads([script]);
      } else fact.runs_code = 'stdin';
    }
    // Paths written out in inline code are read as such when they name secrets.
    for (const m of fact.inline_code.matchAll(/(?:~|\/)[\w./-]+/g)) {
      const q = p(literal(m[0]));
      if (q.classes.includes('secret')) fact.reads.push(q);
    }
    describeInlineCode(w, fact, ctx);
    if (describeInterpreterTool(w, fact, args, ctx)) return;
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
    if (positionals[0] && isStdinPath(positionals[0], p(positionals[0]).resolved)) {
      fact.runs_code = 'stdin';
      runStdinCode(w, fact, ctx);
    }
    if (fact.runs_code === 'none') fact.runs_code = 'script';
    if (positionals[0] && fact.runs_code === 'script') {
      reads([positionals[0]]);
      runWrittenScript(w, fact, p(positionals[0]).resolved, ctx);
    }
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
    w.changeDir(positionals[0], fact.env.find((e) => e.name === 'CDPATH' && !e.dynamic)?.value);
    return;
  }
  if (prog === 'find') {
    describeFind(w, fact, args, ctx);
    return;
  }
  if (prog === 'git') {
    describeGit(w, fact, args, ctx);
    describeGitTool(w, fact, args, ctx);
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
      if (has('O', 'remote-name', 'remote-name-all')) writes(remoteNames(args));
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

  if (describeTool(w, fact, args, ctx)) return;
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
    writes(awkOutputFiles(code));
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
  if (prog === 'rev' || (prog === 'tr' && positionals.length >= 2)) fact.decodes = true;
  if (['zcat', 'gunzip', 'bzcat', 'xzcat', 'zstdcat'].includes(prog) || (['gzip', 'bzip2', 'xz', 'zstd'].includes(prog) && has('d', 'decompress'))) fact.decodes = true;
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
