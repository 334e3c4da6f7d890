// Programs that run code: shells, interpreters, eval, source, trap and alias.
// Code that is known is parsed and walked as commands of its own.

import { literal, optionValue, show } from '../shell/argWords';
import { CODE_ARG_PROGRAMS, EVAL_LIKE, INTERPRETERS, SHELLS, SOURCE_LIKE } from '../shell/programs';
import { showDynamic } from '../shell/words';
import { isStdinPath, runStdinCode, runWrittenScript } from './codeFeeds';
import type { ProgramArgs } from './programArgs';
import { describeInterpreterTool } from './tools';
import { describeInlineCode } from './inlineCodeFacts';
import { activatesEnvironment } from './tools/activation';

/** Describes the command when its program runs code; false when it does not. */
export function describeCodeRunner(d: ProgramArgs): boolean {
  const { prog, positionals } = d;
  if (SHELLS.has(prog) || (prog === 'busybox' && ['sh', 'ash'].includes(positionals[0]?.text ?? ''))) describeShell(d);
  else if (prog in INTERPRETERS) describeInterpreter(d);
  else if (EVAL_LIKE.has(prog)) describeEval(d);
  else if (SOURCE_LIKE.has(prog)) describeSource(d);
  else if (CODE_ARG_PROGRAMS.has(prog)) describeCodeArg(d);
  else if (prog === 'alias') describeAlias(d);
  else return false;
  return true;
}

/** A shell: `-c` code is parsed and walked; a script file or stdin is read as code. */
function describeShell(d: ProgramArgs): void {
  const { w, fact, args, ctx, positionals, p, reads, has } = d;
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
}

/** An interpreter (python, node, perl, ruby ...): inline code, a module or a script. */
function describeInterpreter(d: ProgramArgs): void {
  const { w, fact, args, ctx, prog, flags, positionals, p, reads, writes } = d;
  fact.interpreter = true;
  const inline = INTERPRETERS[prog];
  let codeAt = -1;
  const python = prog.startsWith('python') || prog.startsWith('pypy');
  for (let i = 0; i < args.length && codeAt < 0; i++) {
    const t = args[i].text;
    // `python -m pytest -c pytest.ini`: what follows the module's name are the module's own words.
    if (python && t === '-m' && !args[i].dynamic) break;
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
  } else if (module >= 0 && python) {
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
}

/** `eval`: its words are a new command line. */
function describeEval(d: ProgramArgs): void {
  const { w, fact, args, ctx } = d;
  const code = args.map((a) => a.text).join(' ');
  fact.runs_code = 'inline';
  fact.inline_code = showDynamic(code);
  fact.code_dynamic = args.some((a) => a.dynamic);
  w.unknown('eval', fact.code_dynamic ? 'eval runs text that is only known at run time' : 'eval runs its arguments as a new command line', fact.index);
  if (!fact.code_dynamic && code.trim()) w.reparse(code, fact.index, ctx, 'shell-string');
}

/** `source` and `.`: a script file run in the current shell. */
function describeSource(d: ProgramArgs): void {
  const { w, fact, ctx, prog, positionals, p, reads } = d;
  if (positionals[0] && isStdinPath(positionals[0], p(positionals[0]).resolved)) {
    fact.runs_code = 'stdin';
    runStdinCode(w, fact, ctx);
  }
  if (fact.runs_code === 'none') fact.runs_code = 'script';
  if (positionals[0] && fact.runs_code === 'script') {
    reads([positionals[0]]);
    runWrittenScript(w, fact, p(positionals[0]).resolved, ctx);
  }
  if (!positionals[0] || !activatesEnvironment(p(positionals[0]), positionals.length)) w.unknown('source', `${prog} runs a script file in the current shell`, fact.index);
}

/** Programs whose argument is code (`trap`). */
function describeCodeArg(d: ProgramArgs): void {
  const { w, fact, ctx, prog, positionals } = d;
  const code = positionals[0];
  if (code && !code.dynamic && prog === 'trap') w.reparse(code.text, fact.index, ctx, 'shell-string');
  if (code && code.dynamic) w.unknown('dynamic-trap', 'trap runs a command only known at run time', fact.index);
}

/** `alias name=value`: the value is a command line run later. */
function describeAlias(d: ProgramArgs): void {
  const { w, fact, ctx, positionals } = d;
  for (const a of positionals) {
    const eq = a.text.indexOf('=');
    if (eq <= 0) continue;
    const value = a.text.slice(eq + 1);
    w.facts.aliases.push({ name: a.text.slice(0, eq), value: showDynamic(value) });
    if (!a.dynamic && value.trim()) w.reparse(value, fact.index, ctx, 'alias');
  }
}
