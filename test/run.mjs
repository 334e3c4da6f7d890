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
// and first: it is long and mostly waits on something other than the engine. The end-to-end files drive one editor each and run
// last, one at a time. Each file's report is printed whole when it ends.
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
  const jobs = Number(process.env.PALADIN_TEST_JOBS) || availableParallelism();
  console.log(`\n=== ${levels.join(' and ')} tests: ${all.length} files, ${engine.length} of them on the Docker engine one at a time, the others ${jobs} at a time beside them`);
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
  await Promise.all([lane(() => engine.shift() ?? other.shift()), ...Array.from({ length: jobs }, () => lane(() => other.shift()))]);
  const sum = (key) => results.reduce((n, r) => n + r[key], 0);
  const failed = results.filter((r) => r.failed);
  console.log(`\n=== ${levels.join(' and ')}: ${results.length} files, ${sum('tests')} tests, ${sum('pass')} passed, ${sum('fail')} failed, ${sum('cancelled')} cancelled, ${sum('skipped')} skipped`);
  for (const r of results.sort((a, b) => b.seconds - a.seconds).slice(0, 5)) console.log(`  slowest: ${r.file} ${r.seconds.toFixed(1)} s`);
  if (failed.length > 0) {
    console.error(`\n${failed.length} file(s) failed:\n${failed.map((r) => `  ${r.file} (exit ${r.exit}, ${r.fail} failed, ${r.cancelled} cancelled)`).join('\n')}`);
    process.exit(1);
  }
}

function e2e() {
  const list = files(join('test', 'e2e'));
  if (list.length > 0) step('e2e tests', process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...list]);
}

const parts = {
  static() {
    step('build', process.execPath, ['esbuild.mjs']);
    for (const part of ['server', 'client', 'media', 'test']) step(`type check (${part})`, 'npx', ['tsc', '--noEmit', '-p', part]);
    step('lint', 'npx', ['eslint', '.']);
  },
  policy() {
    step('policy tests (opa test)', process.env.OPA || 'opa', ['test', '-v', 'policies']);
  },
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
  parts.static();
  parts.policy();
  await queue(['unit', 'integration']);
  e2e();
}
