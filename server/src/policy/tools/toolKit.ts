// Shared vocabulary of the ecosystem-tool describers: what a tool's
// subcommand does (its action), and how to read a tool's argv when global
// options come before the subcommand.

import type { Context, Walker } from '../facts';
import type { CommandFact, ToolAction } from '../factsTypes';
import { literal, show, splitArgs } from '../../shell/argWords';
import type { WordValue } from '../../shell/words';

export interface ToolCall {
  w: Walker;
  fact: CommandFact;
  args: WordValue[];
  ctx: Context;
}

/** Record what the tool's subcommand does; the strictest action given wins. */
export function act(call: ToolCall, family: string, action: ToolAction, effect: string): void {
  const current = call.fact.tool;
  if (current && RANK[current.action] >= RANK[action]) return;
  call.fact.tool = { family, action, effect };
}

const RANK: Record<ToolAction, number> = { read: 0, build: 1, change: 2, unknown: 3, publish: 4, destroy: 5 };

/**
 * The words that are not options, in order, skipping the values of options
 * listed in `valueOptions` (`-n prod`, `--namespace prod`; `--namespace=prod` needs no skip).
 */
export function words(args: WordValue[], valueOptions: ReadonlySet<string> = NONE): WordValue[] {
  const out: WordValue[] = [];
  for (let i = 0; i < args.length; i++) {
    const t = args[i].text;
    if (args[i].dynamic && !t.startsWith('-')) {
      out.push(args[i]);
      continue;
    }
    if (t === '--') {
      out.push(...args.slice(i + 1));
      break;
    }
    if (t.startsWith('-') && t.length > 1) {
      if (valueOptions.has(t)) i++;
      continue;
    }
    out.push(args[i]);
  }
  return out;
}

const NONE: ReadonlySet<string> = new Set();

export const texts = (vs: WordValue[]): string[] => vs.map((v) => v.text);

/** Any argument (option or not) equal to one of the names, or starting with `name=`. */
export function hasOption(args: WordValue[], ...names: string[]): boolean {
  return args.some((a) => !a.dynamic && names.some((n) => a.text === n || a.text.startsWith(n + '=')));
}

/** The value of an option given as `--name value`, `--name=value`, or `-n value`. */
export function optionText(args: WordValue[], ...names: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const t = args[i].text;
    for (const n of names) {
      if (t === n) return args[i + 1] ? show(args[i + 1]) : '';
      if (t.startsWith(n + '=')) return show({ ...args[i], text: t.slice(n.length + 1) });
    }
  }
  return undefined;
}

/** Run the words after a tool's `run`/`exec` as a command of their own, judged like any other. */
export function runInner(call: ToolCall, inner: WordValue[]): void {
  if (inner.length === 0) return;
  const { w, fact, ctx } = call;
  const child = w.newCommand({ ...ctx, parent: fact.index, via: 'exec' });
  w.command(child, inner, { ...ctx, parent: fact.index, via: 'exec' });
}

/** Output paths of a build: inside the workspace they are the build's own business; elsewhere the fs rules judge them. */
export function buildOutput(call: ToolCall, v: WordValue | undefined): void {
  if (!v) return;
  const p = call.w.path(v);
  if (!p.classes.includes('workspace')) call.fact.writes.push(p);
}

export function readsFile(call: ToolCall, v: WordValue | undefined): void {
  if (v && v.text !== '-') call.fact.reads.push(call.w.path(v));
}

/** Hosts that are this machine: a client talking to them does not leave it. */
export function isLocalHost(h: string | undefined): boolean {
  if (h === undefined || h === '') return true;
  return /^(localhost|127\.[0-9.]+|::1|\[::1\]|0\.0\.0\.0)(:\d+)?$/i.test(h) || h.startsWith('/');
}

/** A short option given alone or in a cluster (`-a`, `-af`), or its long form. */
export function hasFlag(args: WordValue[], letter: string, ...long: string[]): boolean {
  return args.some((a) => !a.dynamic && ((/^-[a-zA-Z]+$/.test(a.text) && a.text.includes(letter)) || long.includes(a.text)));
}

/** Classes of a workspace path that tools and the editor read at start-up: a rewrite there is judged like any other write. */
const SENSITIVE = ['git', 'git-config', 'editor-config', 'secret', 'shell-rc', 'persistence'];

/**
 * A formatter, a linter's fix or a generator rewrites files in the workspace: that is its own
 * business, marked `tool-output` so the workspace-write rule leaves it be (the sandbox still
 * works on a copy). Paths it is given outside the workspace, or sensitive ones inside it, are
 * writes like any other.
 */
export function rewritesWorkspace(call: ToolCall): void {
  const here = call.w.path(literal('.'));
  call.fact.writes.push({ ...here, classes: [...here.classes, 'tool-output'] });
  for (const v of splitArgs(call.args).positionals) {
    const named = call.w.path(v);
    // A folder given through a link out of the workspace (`prettier --write out/lnk`) is rewritten where the link leads.
    const through = named.classes.includes('workspace') && !v.text.endsWith('/') ? call.w.path({ ...v, text: `${v.text}/` }) : named;
    const p = through.classes.includes('workspace') ? named : through;
    if (!p.classes.includes('workspace') || p.classes.some((k) => SENSITIVE.includes(k))) call.fact.writes.push(p);
  }
}
