// `npm run test:vscode`: runs test/vscode/suite in a desktop VS Code
// downloaded by @vscode/test-electron. The extension host there is Electron,
// so this also proves the language server starts on the system Node.js.
// Needs internet access for the download; not part of `npm test`.
import { runTests } from '@vscode/test-electron';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const workspace = mkdtempSync(path.join(os.tmpdir(), 'paladin-vscode-ws-'));
writeFileSync(path.join(workspace, 'README.md'), '# demo\n\n```sh\necho hello from paladin\n```\n');
const userData = mkdtempSync(path.join(os.tmpdir(), 'paladin-vscode-user-'));

try {
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'test', 'vscode', 'suite', 'index.cjs'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', `--user-data-dir=${userData}`],
    extensionTestsEnv: { PALADIN_DB: path.join(userData, 'paladin.db'), PALADIN_TEST_WORKSPACE: workspace },
  });
} catch (err) {
  console.error(`test:vscode failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}
