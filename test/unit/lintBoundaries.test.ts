// The import boundaries in eslint.config.mjs, proven on in-memory files: the
// lint fails on each kind of wrong import and passes on the right ones.

import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { ESLint } from 'eslint';

const root = path.resolve(import.meta.dirname, '../..');
// The probes exist only in memory, so the project service cannot type them:
// lint them without types (the boundary rule needs none).
const eslint = new ESLint({
  cwd: root,
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } }, rules: { '@typescript-eslint/no-floating-promises': 'off' } },
});

async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  const fatal = result!.messages.filter((m) => m.fatal);
  assert.deepEqual(fatal, [], 'the probe must parse');
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const wrong: Array<[string, string]> = [
  ['server/src/executor/boundaryProbe.ts', "import { RequestError } from '../paladin';\nexport const e = RequestError;\n"],
  ['server/src/planner/boundaryProbe.ts', "import type { Paladin } from '../paladin';\nexport type P = Paladin;\n"],
  ['server/src/policy/boundaryProbe.ts', "import { createPaladin } from '../compose';\nexport const c = createPaladin;\n"],
  ['server/src/store/boundaryProbe.ts', "import { x } from '../lsp/handlers';\nexport const y = x;\n"],
  ['server/src/shell/deep/boundaryProbe.ts', "import { x } from '../../cli/main';\nexport const y = x;\n"],
  ['server/src/explainer/boundaryProbe.ts', "import { ApiServer } from '../gateway/httpApi';\nexport const a = ApiServer;\n"],
  ['server/src/gateway/boundaryProbe.ts', "import { ApiServer } from './httpApi';\nexport const a = ApiServer;\n"],
  ['server/src/records/boundaryProbe.ts', "export { RequestError } from '../paladin';\n"],
  ['client/src/boundaryProbe.ts', "import { RequestError } from '../../server/src/kernel';\nexport const e = RequestError;\n"],
  ['media/src/boundaryProbe.ts', "import type { PolicyStage } from '../../server/src/stages';\nexport type S = PolicyStage;\n"],
];

for (const [file, code] of wrong) {
  test(`the lint fails on a wrong import in ${file}`, async () => {
    const errors = await boundaryErrors(file, code);
    assert.equal(errors.length, 1, `expected one boundary error, got ${JSON.stringify(errors)}`);
  });
}

const right: Array<[string, string]> = [
  ['server/src/executor/boundaryProbe.ts', "import { RequestError } from '../kernel';\nimport { MAX_COMMAND_CHARS } from '../protocol/limits';\nimport type { PolicyStage } from '../stages';\nexport const e = [RequestError, MAX_COMMAND_CHARS];\nexport type S = PolicyStage;\n"],
  ['server/src/gateway/boundaryProbe.ts', "import { endpoints } from './endpoints';\nexport const e = endpoints;\n"],
  ['server/src/lsp/boundaryProbe.ts', "import type { Paladin } from '../paladin';\nexport type P = Paladin;\n"],
  ['server/src/cli/boundaryProbe.ts', "import { createPaladin } from '../compose';\nexport const c = createPaladin;\n"],
  ['client/src/boundaryProbe.ts', "import { MAX_REQUEST_CHARS } from '../../server/src/protocol/limits';\nexport const m = MAX_REQUEST_CHARS;\n"],
  ['media/src/boundaryProbe.ts', "import type { PolicyDecision } from '../../server/src/protocol/types';\nexport type D = PolicyDecision;\n"],
];

for (const [file, code] of right) {
  test(`the lint passes a right import in ${file}`, async () => {
    assert.deepEqual(await boundaryErrors(file, code), []);
  });
}

// The tree itself is held to the same rules by `npm run lint` (eslint .).

test('the lint fails on a promise nobody awaits (typed linting)', async () => {
  const typed = new ESLint({ cwd: root });
  // The text of an existing file is replaced in memory, so the project service can type it.
  const code = "export async function later(): Promise<void> {}\nexport function now(): void {\n  later();\n}\n";
  const [result] = await typed.lintText(code, { filePath: path.join(root, 'server/src/kernel.ts') });
  assert.deepEqual(result!.messages.filter((m) => m.fatal), []);
  assert.deepEqual(result!.messages.map((m) => m.ruleId), ['@typescript-eslint/no-floating-promises']);
  const [fixed] = await typed.lintText(code.replace('  later();', '  void later();'), { filePath: path.join(root, 'server/src/kernel.ts') });
  assert.deepEqual(fixed!.messages, []);
});
