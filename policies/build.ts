// `npm run build:policies`: compiles the built-in Rego policy to WASM with
// the `opa` CLI ($OPA or PATH) and records the hash of the sources beside it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileWasm } from '../server/src/policy/opaCompiler';
import { hashSources, policyPaths } from '../server/src/policy/policyFiles';

async function main(): Promise<void> {
  const paths = policyPaths(path.resolve(__dirname, '..'));
  const wasm = await compileWasm([paths.sources], ['paladin/decision']);
  fs.mkdirSync(path.dirname(paths.wasm), { recursive: true });
  fs.writeFileSync(paths.wasm, wasm);
  const hash = hashSources(paths.sources);
  fs.writeFileSync(paths.hashFile, `${hash}  policies/paladin/*.rego (tests excluded); rebuild with npm run build:policies\n`);
  process.stdout.write(`policy.wasm: ${wasm.length} bytes from sources ${hash.slice(0, 12)}\n`);
}

main().catch((err) => {
  process.stderr.write(`build:policies: ${(err as Error).message}\n`);
  process.exitCode = 1;
});
