// `npm test`: type check, lint, policy tests, then the three test levels.
// `node test/run.mjs PART...` runs some of them: static, policy, unit,
// integration, e2e (unit and integration together share one queue).
//
// Unit and integration files share one queue. Integration files that use the
// Docker engine (they import dockerode, make a real executor, or name the
// sandbox image or the real Docker engine) run one at a time in a lane of their
// own: they share the engine, its warm pools' timings and its labels. The other
// files run beside them, `PALADIN_TEST_JOBS` at a time (the number of cores by
// default); once the engine's files are done, their lane takes the others too.
// A file that begins with `// test lane: beside` runs beside whatever it names,
// and first: it is long and mostly waits on something other than the engine.
// The end-to-end files drive one editor each and run last, `PALADIN_E2E_JOBS`
// at a time (2 by default, 1 on one core). After the build, the type checks,
// lint and policy tests run as many at a time as there are cores. Each file's
// or check's report is printed whole when it ends.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';

function files(dir) {
  const found = [];
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return found;
  }
  for (const name of entries) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) found.push(...files(full));
    else if (name.endsWith('.test.ts')) found.push(full);
  }
  return found.sort();
}

function step(title, cmd, args, env = {}) {
  console.log(`\n=== ${title}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`\n${title} failed (exit ${r.status ?? r.signal}).`);
    process.exit(r.status || 1);
  }
}

const ENGINE_USE = /from 'dockerode'|new Executor\(|\bcreateExecutorStage\(|new ExecutorStage\(|smallExecutor|runInSandbox|dockerHas|PALADIN_SANDBOX_IMAGE|sandbox\.image|paladin-test:busybox|real Docker engine/;
const besideFirst = (file) => readFileSync(file, 'utf8').startsWith('// test lane: beside');
const usesEngine = (file) => !file.startsWith(join('test', 'unit')) && !besideFirst(file) && ENGINE_USE.test(readFileSync(file, 'utf8'));

const cores = availableParallelism();

/** Runs checks [title, command, arguments] JOBS at a time, each printed whole when it ends; exits after them if one failed. */
async function together(title, checks, jobs) {
  console.log(`\n=== ${title}: ${checks.length} checks, ${jobs} at a time`);
  const pending = [...checks];
  const failed = [];
  const lane = async () => {
    for (let check = pending.shift(); check; check = pending.shift()) {
      const [name, cmd, args] = check;
      const started = Date.now();
      const r = await new Promise((resolve) => {
        const child = spawn(cmd, args, { env: process.env });
        let out = '';
        child.stdout.on('data', (c) => (out += c));
        child.stderr.on('data', (c) => (out += c));
        child.on('error', (err) => resolve({ code: 127, out: `${out}${err.message}\n` }));
        child.on('close', (code, signal) => resolve({ code: code ?? signal, out }));
      });
      if (r.code !== 0) failed.push(`${name} (exit ${r.code})`);
      console.log(`\n--- ${name}: ${r.code === 0 ? 'passed' : `FAILED (exit ${r.code})`} in ${((Date.now() - started) / 1000).toFixed(1)} s\n${r.out.trimEnd()}`);
    }
  };
  await Promise.all(Array.from({ length: jobs }, lane));
  if (failed.length > 0) {
    console.error(`\n${title} failed: ${failed.join(', ')}`);
    process.exit(1);
  }
}

/** Runs one test file in its own process; resolves with its report and counts. */
function runFile(file) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', file], { env: process.env });
    let report = '';
    child.stdout.on('data', (c) => (report += c));
    child.stderr.on('data', (c) => (report += c));
    child.on('close', (code, signal) => {
      const count = (what) => Number(report.match(new RegExp(`^ℹ ${what} (\\d+)$`, 'm'))?.[1] ?? 0);
      const failed = code !== 0 || count('fail') > 0 || count('cancelled') > 0;
      resolve({ file, report, failed, exit: code ?? signal, seconds: (Date.now() - started) / 1000, tests: count('tests'), pass: count('pass'), fail: count('fail'), skipped: count('skipped') + count('todo'), cancelled: count('cancelled') });
    });
  });
}

/** Runs the files of the given levels: the engine's files in one lane, the others beside it. */
async function queue(levels) {
  const all = levels.flatMap((level) => files(join('test', level)));
  if (all.length === 0) return;
  const engine = all.filter(usesEngine);
  const rank = (f) => (besideFirst(f) ? 2 : f.includes('integration') ? 1 : 0);
  const other = all.filter((f) => !engine.includes(f)).sort((a, b) => rank(b) - rank(a));
  const jobs = Number(process.env.PALADIN_TEST_JOBS) || cores;
  console.log(`\n=== ${levels.join(' and ')} tests: ${all.length} files, ${engine.length} of them on the Docker engine one at a time, the others ${jobs} at a time beside them`);
  await runFiles(levels.join(' and '), [() => engine.shift() ?? other.shift(), ...Array.from({ length: jobs }, () => () => other.shift())]);
}

/** Runs test files, each lane taking the next file its `take` gives; prints each report whole, then totals; exits if one failed. */
async function runFiles(title, takes) {
  const results = [];
  const done = (r) => {
    results.push(r);
    const body = r.report.replace(/^ℹ (tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) [\d.]+\n?/gm, '').trimEnd();
    const counts = `${r.pass} passed${r.fail ? `, ${r.fail} failed` : ''}${r.cancelled ? `, ${r.cancelled} cancelled` : ''}${r.skipped ? `, ${r.skipped} skipped` : ''}`;
    console.log(`\n--- ${r.file}: ${counts} in ${r.seconds.toFixed(1)} s${r.failed ? ` FAILED (exit ${r.exit})` : ''}\n${body}`);
  };
  const lane = async (take) => {
    for (let file = take(); file; file = take()) done(await runFile(file));
  };
  await Promise.all(takes.map(lane));
  const sum = (key) => results.reduce((n, r) => n + r[key], 0);
  const failed = results.filter((r) => r.failed);
  console.log(`\n=== ${title}: ${results.length} files, ${sum('tests')} tests, ${sum('pass')} passed, ${sum('fail')} failed, ${sum('cancelled')} cancelled, ${sum('skipped')} skipped`);
  for (const r of results.sort((a, b) => b.seconds - a.seconds).slice(0, 5)) console.log(`  slowest: ${r.file} ${r.seconds.toFixed(1)} s`);
  if (failed.length > 0) {
    console.error(`\n${failed.length} file(s) failed:\n${failed.map((r) => `  ${r.file} (exit ${r.exit}, ${r.fail} failed, ${r.cancelled} cancelled)`).join('\n')}`);
    process.exit(1);
  }
}

/** The end-to-end files, each driving its own editor: code-server and the packaged extension are made ready first, once. */
async function e2e() {
  const list = files(join('test', 'e2e'));
  if (list.length === 0) return;
  step('e2e: code-server and the extension package', process.execPath, ['--import', 'tsx', '-e', "const s = require('./test/e2e/support/codeServer'); s.ensureCodeServer(); s.ensureVsix();"]);
  const jobs = Number(process.env.PALADIN_E2E_JOBS) || Math.min(2, cores);
  console.log(`\n=== e2e tests: ${list.length} files, ${jobs} at a time`);
  await runFiles('e2e', Array.from({ length: jobs }, () => () => list.shift()));
}

const checks = () => [
  ...['server', 'client', 'media', 'test'].map((part) => [`type check (${part})`, 'npx', ['tsc', '--noEmit', '-p', part]]),
  ['lint', 'npx', ['eslint', '.']],
];
const policyTests = ['policy tests (opa test)', process.env.OPA || 'opa', ['test', '-v', 'policies']];

const parts = {
  async static() {
    step('build', process.execPath, ['esbuild.mjs']);
    await together('type checks and lint', checks(), cores);
  },
  policy: () => together('policy', [policyTests], 1),
  unit: () => queue(['unit']),
  integration: () => queue(['integration']),
  e2e,
};

const asked = process.argv.slice(2);
const unknown = asked.filter((part) => !parts[part]);
if (unknown.length > 0) {
  console.error(`unknown part "${unknown[0]}"; one of: ${Object.keys(parts).join(', ')}`);
  process.exit(2);
}
if (asked.length > 0 && asked.every((part) => part === 'unit' || part === 'integration')) {
  await queue(asked);
} else if (asked.length > 0) {
  for (const part of asked) await parts[part]();
} else {
  step('build', process.execPath, ['esbuild.mjs']);
  await together('type checks, lint and policy tests', [...checks(), policyTests], cores);
  await queue(['unit', 'integration']);
  await e2e();
}
