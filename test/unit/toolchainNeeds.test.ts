import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commandNeeds, toolchainNamed } from '../../server/src/executor/toolchains';

// A missing toolchain image is built on first use only for a command that needs it. The test is
// on words, not on the parsed command: `grep -r npm docs` counts as needing Node.js (a build too many, never one too few).

test('a command needs a toolchain when it names one of its programs as a word', () => {
  const node = toolchainNamed('node')!;
  for (const c of ['npm test', 'cd app && npx tsc -p .', 'FOO=1 node index.js', '/usr/bin/node -e 1', 'make build; npm run lint', "sh -c 'npm ci'"]) assert.equal(commandNeeds(node, c), true, c);
  for (const c of ['ls -la', 'du -sh node_modules', 'grep -r npm docs', 'cat package.json', 'find . -name "*.node"']) assert.equal(commandNeeds(node, c), c === 'grep -r npm docs', c);
  assert.equal(commandNeeds(toolchainNamed('python')!, 'python3 -m pytest'), true);
  assert.equal(commandNeeds(toolchainNamed('rust')!, 'cargo build --release'), true);
  assert.equal(commandNeeds(toolchainNamed('go')!, 'ls go.mod'), false);
});
