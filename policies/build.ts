// `npm run build:policies`: compiles the built-in Rego policy to WASM with
// the `opa` CLI ($OPA or PATH) and records the hash of the sources beside it.
// What is compiled is a copy whose membership tests are key lookups in a
// data document written beside the WASM (memberSets.ts); the policy's own
// tests are run against that copy, with that document, first, so the
// rewrite cannot change what they prove.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compileWasm, runOpa } from '../server/src/policy/opaCompiler';
import { hashPolicyBuild, policyPaths } from '../server/src/policy/policyFiles';
import { DATA_GUARD, SETS_ROOT, rewriteMembership, stringSetRules, type SetTable } from './memberSets';

export interface CompiledCopy {
  /** How many membership tests became lookups. */
  rewritten: number;
  /** The data document the copy's lookups read. */
  data: { [SETS_ROOT]: SetTable };
}

/** Copies the sources (tests included) into `into`, rewritten, with the data document as data.json. */
export function writeCompiledCopy(sources: string, into: string): CompiledCopy {
  const files = fs.readdirSync(sources).filter((f) => f.endsWith('.rego'));
  const texts = new Map(files.map((f) => [f, fs.readFileSync(path.join(sources, f), 'utf8')]));
  const sets = stringSetRules([...texts].filter(([f]) => !f.endsWith('_test.rego')).map(([, t]) => t));
  let rewritten = 0;
  for (const [file, text] of texts) {
    const out = file.endsWith('_test.rego') ? { text, rewritten: 0 } : rewriteMembership(text, sets);
    rewritten += out.rewritten;
    fs.writeFileSync(path.join(into, file), file === 'decision.rego' ? out.text + DATA_GUARD : out.text);
  }
  const data = { [SETS_ROOT]: sets };
  fs.writeFileSync(path.join(into, 'data.json'), JSON.stringify(data));
  return { rewritten, data };
}

async function main(): Promise<void> {
  const paths = policyPaths(path.resolve(__dirname, '..'));
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-policy-'));
  try {
    const { rewritten, data } = writeCompiledCopy(paths.sources, copy);
    const tests = await runOpa(['test', copy]);
    if (tests.code !== 0) throw new Error(`the policy's tests fail on the compiled copy:\n${(tests.stdout + tests.stderr).trim()}`);
    fs.rmSync(path.join(copy, 'data.json'));
    const wasm = await compileWasm([copy], ['paladin/decision']);
    fs.mkdirSync(path.dirname(paths.wasm), { recursive: true });
    fs.writeFileSync(paths.wasm, wasm);
    fs.writeFileSync(paths.data, JSON.stringify(data) + '\n');
    const hash = hashPolicyBuild(paths);
    fs.writeFileSync(paths.hashFile, `${hash}  policies/paladin/*.rego (tests excluded) and policies/memberSets.ts; rebuild with npm run build:policies\n`);
    const members = Object.values(data[SETS_ROOT]).reduce((n, s) => n + Object.keys(s).length, 0);
    process.stdout.write(`policy.wasm: ${wasm.length} bytes from sources ${hash.slice(0, 12)}; ${rewritten} membership tests are lookups in ${Object.keys(data[SETS_ROOT]).length} sets (${members} members); ${tests.stdout.trim().split('\n').pop()}\n`);
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`build:policies: ${(err as Error).message}\n`);
    process.exitCode = 1;
  });
}
