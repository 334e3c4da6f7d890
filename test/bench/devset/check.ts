// The planner's development set, checked by execution: each request's
// planned command and its reference command run in a throw-away container
// (no network, no capabilities, read-only root) over fresh copies of the
// same fixture workspace, and their results are compared as the request
// says. Used by the planner bench; run directly to validate the references:
//   node --import tsx test/bench/devset/check.ts --references [--only d001,d002] [--file fresh.json]
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildFixture, copyFixture } from './fixture';

export type CompareMode = 'exact' | 'sorted' | 'set' | 'names' | 'number' | 'lines-contain' | 'files-changed';
const MODES: CompareMode[] = ['exact', 'sorted', 'set', 'names', 'number', 'lines-contain', 'files-changed'];

export interface DevRequest {
  id: string;
  category: string;
  request: string;
  reference: string;
  compare: CompareMode;
}

export interface Outcome {
  /** The command's stdout, or for files-changed the workspace snapshot taken after it. */
  output: string;
  exitCode: number;
  timedOut: boolean;
}

export interface DevsetFailure {
  id: string;
  request: string;
  planned: string;
  reference: string;
  reason: string;
}

export interface DevsetResult {
  solved: number;
  total: number;
  byCategory: Record<string, { solved: number; total: number }>;
  failures: DevsetFailure[];
}

export interface DevsetOptions {
  /** Image with a Debian userland; default PALADIN_DEVSET_IMAGE or paladin-test:debian (test/support/build-debian-image.sh). */
  image?: string;
  /** Requests run at once (each is two containers). */
  concurrency?: number;
  /** Only these request ids. */
  only?: string[];
  /** The request file; default requests.json (the development split). */
  file?: string;
  timeoutSeconds?: number;
  signal?: AbortSignal;
  /** Called as each request is judged, for progress output. */
  onResult?: (id: string, solved: boolean) => void;
}

const OUTPUT_CAP = 1024 * 1024;

export function loadRequests(file = path.join(__dirname, 'requests.json')): DevRequest[] {
  const data: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(data)) throw new Error(`${file}: expected a JSON array of requests`);
  const seen = new Set<string>();
  return data.map((r: DevRequest, i) => {
    for (const k of ['id', 'category', 'request', 'reference', 'compare'] as const) {
      if (typeof r[k] !== 'string' || r[k] === '') throw new Error(`${file}: entry ${i} has no ${k}`);
    }
    if (!MODES.includes(r.compare)) throw new Error(`${file}: ${r.id} has compare "${r.compare}"; expected one of ${MODES.join(', ')}`);
    if (seen.has(r.id)) throw new Error(`${file}: duplicate id ${r.id}`);
    seen.add(r.id);
    return r;
  });
}

// --- comparing -------------------------------------------------------------

function lines(text: string): string[] {
  const out = text.replace(/\r\n/g, '\n').split('\n').map((l) => l.trimEnd());
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

/** Whitespace collapsed, "./x" and "x/" written as "x": the spellings of one path. */
function normaliseLine(line: string): string {
  return line.trim().split(/\s+/).map((t) => {
    let s = t.replace(/^(\.\/)+/, '');
    if (s.length > 1 && s.endsWith('/')) s = s.slice(0, -1);
    return s;
  }).join(' ');
}

function normalised(text: string): string[] {
  return lines(text).map(normaliseLine).filter((l) => l !== '');
}

function firstNumber(text: string): number | undefined {
  const m = /-?\d+(?:\.\d+)?/.exec(text);
  return m ? Number(m[0]) : undefined;
}

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Does the planned outcome give the person what the reference gives? */
export function compareOutcomes(mode: CompareMode, planned: string, reference: string): { same: boolean; reason?: string } {
  switch (mode) {
    case 'exact':
    case 'files-changed':
      return same(lines(planned), lines(reference)) ? { same: true } : { same: false, reason: 'output differs' };
    case 'sorted':
      return same(normalised(planned).sort(), normalised(reference).sort()) ? { same: true } : { same: false, reason: 'lines differ' };
    case 'set': {
      const a = [...new Set(normalised(planned))].sort();
      const b = [...new Set(normalised(reference))].sort();
      return same(a, b) ? { same: true } : { same: false, reason: 'set of lines differs' };
    }
    case 'names': {
      // The last word of each line, in order: ls, ls -l, du and find -printf agree on it.
      const pick = (t: string) => normalised(t).filter((l) => !/^total \d/.test(l)).map((l) => l.split(' ').pop() ?? '');
      return same(pick(planned), pick(reference)) ? { same: true } : { same: false, reason: 'names or their order differ' };
    }
    case 'number': {
      const a = firstNumber(planned);
      const b = firstNumber(reference);
      return a !== undefined && a === b ? { same: true } : { same: false, reason: `number ${a} instead of ${b}` };
    }
    case 'lines-contain': {
      // Every reference line must appear inside its own planned line (grep -n,
      // file prefixes and JSON quoting add text around it), without a flood of extra lines.
      const want = normalised(reference);
      const got = normalised(planned);
      if (got.length > 2 * want.length + 4) return { same: false, reason: `${got.length} lines for ${want.length} expected` };
      const used = new Set<number>();
      for (const w of want) {
        const i = got.findIndex((g, j) => !used.has(j) && g.includes(w));
        if (i < 0) return { same: false, reason: `missing "${w}"` };
        used.add(i);
      }
      return { same: true };
    }
  }
}

// --- running ---------------------------------------------------------------

/**
 * What a files-changed request is judged on: every path outside .git with its
 * type and mode, a file's content hash, a link's target, an archive's member
 * list and a compressed file's decompressed hash (compressors stamp times,
 * so their bytes differ between two equal runs).
 */
const SNAPSHOT = String.raw`find . -path ./.git -prune -o -mindepth 1 -print0 | sort -z | while IFS= read -r -d '' p; do
if [ -L "$p" ]; then echo "L $p -> $(readlink "$p")";
elif [ -d "$p" ]; then echo "D $p $(stat -c %a "$p")";
else case "$p" in
*.tar|*.tar.gz|*.tgz|*.tar.xz|*.tar.bz2) echo "A $p $(tar -tf "$p" | sed 's|^\./||; s|/$||' | sort | md5sum)";;
*.zip) echo "Z $p $(unzip -Z1 "$p" | sed 's|/$||' | sort | md5sum)";;
*.gz) echo "G $p $(gzip -dc "$p" | md5sum)";;
*.xz) echo "X $p $(xz -dc "$p" | md5sum)";;
*.bz2) echo "B $p $(bzip2 -dc "$p" | md5sum)";;
*) echo "F $p $(stat -c %a "$p") $(md5sum < "$p")";;
esac; fi; done`;

function docker(args: string[], timeoutMs: number, signal?: AbortSignal): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn('docker', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = '';
    let timedOut = false;
    const name = args[args.indexOf('--name') + 1];
    const kill = () => {
      spawn('docker', ['rm', '-f', name], { stdio: 'ignore' }).on('error', () => undefined);
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, timeoutMs);
    const onAbort = () => kill();
    signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (c: Buffer) => {
      if (size < OUTPUT_CAP) chunks.push(c);
      size += c.length;
    });
    child.stderr.on('data', (c: Buffer) => {
      if (stderr.length < 4096) stderr += c.toString();
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`could not start docker: ${err.message}. Is the Docker CLI installed?`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted) return reject(new Error('the dev set run was cancelled'));
      // 125: docker itself failed (image missing, engine down), not the command.
      if (code === 125) return reject(new Error(`docker run failed: ${stderr.trim()}`));
      resolve({ output: Buffer.concat(chunks).toString('utf8'), exitCode: code ?? -1, timedOut });
    });
  });
}

/** Runs one command over a workspace copy in a locked-down container. */
export function runCommand(workspace: string, command: string, mode: CompareMode, options: DevsetOptions = {}): Promise<Outcome> {
  const image = options.image ?? process.env.PALADIN_DEVSET_IMAGE ?? 'paladin-test:debian';
  const timeout = (options.timeoutSeconds ?? 30) * 1000;
  const user = typeof process.getuid === 'function' ? `${process.getuid()}:${process.getgid?.() ?? 0}` : '1000:1000';
  const script = mode === 'files-changed'
    ? `bash -c "$1" >/dev/null 2>&1; cd /workspace && ${SNAPSHOT}`
    : 'bash -c "$1" 2>/dev/null';
  return docker([
    'run', '--rm', '--name', `paladin-devset-${randomBytes(6).toString('hex')}`,
    '--network', 'none', '--cap-drop', 'ALL', '--security-opt', 'no-new-privileges',
    '--pids-limit', '128', '--memory', '512m', '--read-only', '--tmpfs', '/tmp:rw,exec,size=64m',
    '--user', user, '-e', 'HOME=/tmp', '-e', 'TZ=UTC', '-e', 'LC_ALL=C.UTF-8',
    '-v', `${workspace}:/workspace`, '-w', '/workspace',
    image, 'bash', '-c', script, 'devset', command,
  ], timeout, options.signal);
}

async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(workers);
}

/** Runs a command on its own fresh copy of the fixture, then removes the copy. */
async function runOnCopy(fixture: string, command: string, mode: CompareMode, options: DevsetOptions): Promise<Outcome> {
  const ws = copyFixture(fixture);
  try {
    return await runCommand(ws, command, mode, options);
  } finally {
    fs.rmSync(ws, { recursive: true, force: true });
  }
}

/** A run that timed out gets a second chance: on a loaded machine container start-up alone can take seconds. */
async function runJudged(fixture: string, command: string, mode: CompareMode, options: DevsetOptions): Promise<Outcome> {
  const first = await runOnCopy(fixture, command, mode, options);
  return first.timedOut ? runOnCopy(fixture, command, mode, options) : first;
}

/**
 * Plans every request with `plan` (given the request and a fresh workspace
 * copy it may inspect), runs the plan and the reference, and compares.
 */
export async function runDevset(
  plan: (request: string, workspace: string) => Promise<string>,
  options: DevsetOptions = {},
): Promise<DevsetResult> {
  const requests = loadRequests(options.file).filter((r) => !options.only || options.only.includes(r.id));
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-devset-'));
  const fixture = buildFixture(parent);
  const result: DevsetResult = { solved: 0, total: requests.length, byCategory: {}, failures: [] };
  try {
    await pool(requests, options.concurrency ?? 3, async (r) => {
      options.signal?.throwIfAborted();
      const cat = (result.byCategory[r.category] ??= { solved: 0, total: 0 });
      cat.total++;
      let planned = '';
      let reason: string | undefined;
      const ws = copyFixture(fixture);
      try {
        planned = (await plan(r.request, ws)).trim();
      } catch (err) {
        reason = `planner failed: ${(err as Error).message}`;
      } finally {
        fs.rmSync(ws, { recursive: true, force: true });
      }
      if (!reason && planned === '') reason = 'planner returned no command';
      // The same command over the same fixture gives the same result: no need to run it.
      if (!reason && planned !== r.reference.trim()) {
        const [mine, ref] = await Promise.all([runJudged(fixture, planned, r.compare, options), runJudged(fixture, r.reference, r.compare, options)]);
        if (ref.timedOut) reason = 'the reference timed out (machine overloaded?)';
        else if (mine.timedOut) reason = 'planned command timed out';
        else reason = compareOutcomes(r.compare, mine.output, ref.output).reason;
      }
      if (reason) result.failures.push({ id: r.id, request: r.request, planned, reference: r.reference, reason });
      else {
        result.solved++;
        cat.solved++;
      }
      options.onResult?.(r.id, !reason);
    });
  } finally {
    fs.rmSync(parent, { recursive: true, force: true });
  }
  result.failures.sort((a, b) => a.id.localeCompare(b.id));
  return result;
}

/**
 * Checks the set itself: every reference exits 0 with some output (or, for
 * files-changed, changes the workspace) and gives the same result twice.
 */
export async function validateReferences(options: DevsetOptions = {}): Promise<string[]> {
  const requests = loadRequests(options.file).filter((r) => !options.only || options.only.includes(r.id));
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-devset-'));
  const fixture = buildFixture(parent);
  const problems: string[] = [];
  try {
    const untouched = await runOnCopy(fixture, 'true', 'files-changed', options);
    await pool(requests, options.concurrency ?? 3, async (r) => {
      const [a, b] = await Promise.all([runOnCopy(fixture, r.reference, r.compare, options), runOnCopy(fixture, r.reference, r.compare, options)]);
      if (r.compare !== 'files-changed' && a.exitCode !== 0) problems.push(`${r.id}: reference exits ${a.exitCode}: ${r.reference}`);
      else if (r.compare !== 'files-changed' && a.output.trim() === '') problems.push(`${r.id}: reference prints nothing: ${r.reference}`);
      else if (r.compare === 'files-changed' && a.output === untouched.output) problems.push(`${r.id}: reference changes nothing: ${r.reference}`);
      else if (!compareOutcomes(r.compare, a.output, b.output).same) problems.push(`${r.id}: reference is not deterministic: ${r.reference}`);
      else if (process.env.DEVSET_SHOW) process.stdout.write(`--- ${r.id} ${r.request}\n$ ${r.reference}\n${a.output.split('\n').slice(0, 12).join('\n')}\n`);
    });
  } finally {
    fs.rmSync(parent, { recursive: true, force: true });
  }
  return problems.sort();
}

/** A request file named on the command line: a path, or a file of this folder. */
export function devsetFile(name: string | undefined): string | undefined {
  if (!name) return undefined;
  return fs.existsSync(name) ? name : path.join(__dirname, name);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const onlyIdx = args.indexOf('--only');
  const only = onlyIdx >= 0 ? args[onlyIdx + 1]?.split(',') : undefined;
  const fileIdx = args.indexOf('--file');
  // A set other than the development split, by path or by its name in this folder (fresh.json).
  const file = fileIdx >= 0 ? devsetFile(args[fileIdx + 1]) : undefined;
  if (!args.includes('--references') || (fileIdx >= 0 && !file)) {
    console.error('usage: check.ts --references [--only d001,d002] [--file fresh.json]   (the planner bench calls runDevset)');
    process.exit(2);
  }
  const started = Date.now();
  const problems = await validateReferences({ only, file });
  for (const p of problems) console.log(p);
  const total = loadRequests(file).filter((r) => !only || only.includes(r.id)).length;
  console.log(`${total - problems.length}/${total} references valid in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(problems.length ? 1 : 0);
}

if (require.main === module) {
  main().catch((err: Error) => {
    console.error(err.message);
    process.exit(1);
  });
}
