// Describes one simple command once its wrappers are off: what the program
// reads, writes, deletes, reaches or executes, from what Paladin knows of
// that program's arguments.

import type { Context, Walker } from './facts';
import type { CommandFact } from './factsTypes';
import { literal, show, URLISH } from '../shell/argWords';
import { describeFind } from './findFacts';
import { describeGit } from './gitFacts';
import { runProcessSubstitutionCode, runWrittenScript } from './codeFeeds';
import { describeBehaviour } from './behaviourFacts';
import { outsideCode } from './outsideCodeFacts';
import { describeContainer } from './containerFacts';
import { describeGitTool, describeTool } from './tools';
import { FIRST_IS_NOT_PATH, INTERPRETERS, NO_PATH_ARGS, SHELLS, SOURCE_LIKE } from '../shell/programs';
import type { WordValue } from '../shell/words';
import { programArgs, type ProgramArgs } from './programArgs';
import { describeCodeRunner } from './codeRunnerFacts';
import { describeNetworkTool, networkReach } from './networkFacts';
import { describeFileTool } from './fileToolFacts';
import { describeOptionOutputs } from './optionOutputs';
import { describeDevToolOptions } from './devToolOptions';
import { describeLaunchers } from './launcherFacts';
import { describeNameSource } from './nameSourceFacts';
import { describeAddresses } from './addressFacts';
import { describePagerFeed } from './pagerFeedFacts';

/** Programs that only look at names and metadata of the paths they are given, never their contents. */
const LISTERS = new Set(['ls', 'dir', 'vdir', 'tree', 'du', 'stat', 'realpath', 'readlink', 'basename', 'dirname', 'namei', 'lsattr', 'getfacl', 'test', '[', 'find', 'exa', 'eza']);

export function describeProgram(w: Walker, fact: CommandFact, rest: WordValue[], ctx: Context): void {
  if (LISTERS.has(fact.program)) fact.markers.push('lists-only');
  const args = rest.slice(1);
  const d = programArgs(w, fact, args, ctx);
  const { prog, positionals, p } = d;
  fact.args = args.map(show);
  fact.dynamic_args = args.flatMap((a, i) => (a.dynamic ? [i] : []));
  fact.flags = d.flags;
  fact.positionals = positionals.map(show);

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
  describeOptionOutputs(d);
  outsideCode(w, fact, args);
  describeDevToolOptions(d);
  describeContainer(w, fact, args);
  describeLaunchers(w, fact, args, ctx);
  describeAddresses(fact, args);
  describePagerFeed(w, fact, ctx);
  describeCodeFeeds(d);
  if (describeCodeRunner(d)) return;
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
  const sub = networkReach(d);
  if (describeNetworkTool(d) || describeTool(w, fact, args, ctx) || describeFileTool(d)) return;
  describeMarkers(d);
  if (FIRST_IS_NOT_PATH.has(prog) || NO_PATH_ARGS.has(prog)) {
    if (FIRST_IS_NOT_PATH.has(prog)) d.reads(positionals.slice(1));
    return;
  }
  d.reads((sub ? positionals.slice(1) : positionals).filter((v) => !URLISH.test(v.text) && !/^[A-Za-z_][A-Za-z0-9_]*=/.test(v.text)));
}

/** Code fed to a shell or interpreter by process substitution or a here-document. */
function describeCodeFeeds(d: ProgramArgs): void {
  const { w, fact, args, ctx, prog } = d;
  if (args.some((a) => a.procSubst === '<(') && (SHELLS.has(prog) || prog in INTERPRETERS || SOURCE_LIKE.has(prog))) {
    fact.runs_code = 'process-substitution';
    w.unknown('process-substitution-into-shell', `${prog} runs code produced by a process substitution`, fact.index);
    if (!(prog in INTERPRETERS)) runProcessSubstitutionCode(w, fact, args, ctx);
  }
  if (fact.stdin === 'heredoc' || fact.stdin === 'herestring') {
    if (SHELLS.has(prog) || prog in INTERPRETERS) w.unknown('heredoc-into-interpreter', `${prog} runs code given in a here-document`, fact.index);
  }
}

/** Decoders, programs that start other programs, and subcommands worth naming. */
function describeMarkers(d: ProgramArgs): void {
  const { fact, args, prog, positionals, has } = d;
  const first = positionals[0]?.text ?? '';
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
}
