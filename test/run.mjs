// `npm test`: type check, lint, policy tests, then the three test levels.
// `node test/run.mjs unit|integration|e2e|static` runs one part.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const only = process.argv[2];

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

function nodeTests(level, concurrency) {
  const list = files(join('test', level));
  if (list.length === 0) return;
  step(`${level} tests`, process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...list]);
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
  unit: () => nodeTests('unit', 2),
  integration: () => nodeTests('integration', 1),
  e2e: () => nodeTests('e2e', 1),
};

if (only) {
  if (!parts[only]) {
    console.error(`unknown part "${only}"; one of: ${Object.keys(parts).join(', ')}`);
    process.exit(2);
  }
  parts[only]();
} else {
  for (const part of Object.values(parts)) part();
}
