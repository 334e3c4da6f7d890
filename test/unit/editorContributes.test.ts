// package.json's configuration contribution must describe exactly the
// settings the server normalises, with the same defaults and bounds, and no
// workspace may set what decides what runs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { knownSettings, settingSpecs } from '../../server/src/settings/settings';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const props: Record<string, { default: unknown; minimum?: number; maximum?: number; scope?: string; markdownDescription?: string; description?: string }> = pkg.contributes.configuration.properties;

test('every setting is contributed with its default, bounds and a description', () => {
  assert.deepEqual(Object.keys(props).sort(), knownSettings.map((k) => `paladin.${k}`).sort());
  for (const [key, spec] of Object.entries(settingSpecs.numbers)) {
    const p = props[`paladin.${key}`];
    assert.equal(p.default, spec.def, key);
    assert.equal(p.minimum, spec.min, key);
    assert.equal(p.maximum, spec.max, key);
  }
  for (const [key, def] of Object.entries(settingSpecs.strings)) assert.equal(props[`paladin.${key}`].default, def, key);
  for (const [key, p] of Object.entries(props)) assert.ok((p.markdownDescription ?? p.description ?? '').length > 10, `${key} needs a description`);
});

test('a workspace cannot choose the runtime, the database, the sandbox or where secrets go', () => {
  // The toolchain only picks among Paladin's own images, all run with the same hardening: pinning it per folder is its purpose.
  const perFolder = new Set(['paladin.sandbox.toolchain']);
  for (const key of Object.keys(props)) {
    if (perFolder.has(key)) {
      assert.equal(props[key].scope, 'resource', key);
      continue;
    }
    if (/^paladin\.(server|database|sandbox|openai\.baseUrl|ollama\.url|api|audit|history)/.test(key)) {
      assert.ok(['machine', 'application'].includes(props[key].scope ?? ''), `${key} must be machine or application scoped`);
    }
  }
  assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
});

test('every command is in the Paladin category with a paladin.camelCase id', () => {
  for (const c of pkg.contributes.commands) {
    assert.match(c.command, /^paladin\.[a-z][A-Za-z]+$/);
    assert.equal(c.category, 'Paladin');
  }
});
