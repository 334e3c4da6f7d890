// docs/user/settings.md is generated from package.json; this fails when it is
// stale (edit package.json, then `npm run docs:settings`), and checks that the
// environment variable it names for each setting is the one the CLI reads.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { settingsFromEnv } from '../../server/src/settings/settings';
// @ts-expect-error: a plain ES module script without type declarations
import { envName, render } from '../../scripts/settingsDoc.mjs';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const script = fileURLToPath(new URL('../../scripts/settingsDoc.mjs', import.meta.url));

test('docs/user/settings.md is up to date with package.json', () => {
  const r = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});

test('the check fails on a stale page', () => {
  const changed = structuredClone(pkg);
  changed.contributes.configuration.properties['paladin.sandbox.cpus'].default = 2;
  assert.notEqual(render(changed), readFileSync(new URL('../../docs/user/settings.md', import.meta.url), 'utf8'));
});

test('every setting is listed with the environment variable the CLI and API read', () => {
  const text = render(pkg);
  for (const [key, p] of Object.entries<{ type: string; minimum?: number; maximum?: number; default: unknown }>(pkg.contributes.configuration.properties)) {
    assert.match(text, new RegExp(`\\| \`${key.replace(/\./g, '\\.')}\` \\|`), key);
    if (p.type !== 'integer') continue;
    const value = p.minimum !== undefined && p.minimum !== p.default ? p.minimum : p.maximum;
    const read = settingsFromEnv({ [envName(key)]: String(value) }).settings as unknown as Record<string, Record<string, unknown>>;
    const [section, name] = key.replace(/^paladin\./, '').split('.');
    assert.equal(read[section]![name!], value, `${envName(key)} does not set ${key}`);
  }
});
