// docs/user/settings.md, generated from package.json's contributes.configuration.
// `npm run docs:settings` writes it; `node scripts/settingsDoc.mjs --check`
// exits 1 when the file on disk differs (test/unit/settingsDoc.test.ts runs it).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const target = join(root, 'docs', 'user', 'settings.md');

/** The environment variable the CLI and the HTTP API read for a setting (server/src/settings/settings.ts). */
export function envName(key) {
  return 'PALADIN_' + key.replace(/^paladin\./, '').replace(/([a-z])([A-Z])/g, '$1_$2').replace(/\./g, '_').toUpperCase();
}

function shown(value) {
  if (value === '' || value === undefined || (Array.isArray(value) && value.length === 0)) return 'empty';
  if (Array.isArray(value)) return `\`${value.join(',')}\``;
  if (typeof value === 'object') return Object.keys(value).length === 0 ? 'empty' : `\`${JSON.stringify(value)}\``;
  return `\`${value}\``;
}

function range(p) {
  if (p.type === 'array' && p.items?.enum) return `some of ${p.items.enum.map((v) => `\`${v}\``).join(', ')}`;
  if (p.enum) return p.enum.map((v) => `\`${v}\``).join(', ');
  if (p.minimum !== undefined || p.maximum !== undefined) return `${p.minimum ?? ''}-${p.maximum ?? ''}`;
  return p.type;
}

/** Settings only the editor reads (settingsFromEnv skips them): no environment variable. */
const EDITOR_ONLY = new Set(['paladin.server.url']);

const cell = (text) => text.replace(/\|/g, '\\|').replace(/\n+/g, ' ');

export function render(pkg) {
  const props = pkg.contributes.configuration.properties;
  const rows = Object.entries(props).map(
    ([key, p]) => `| \`${key}\` | ${shown(p.default)} | ${cell(range(p))} | ${p.scope ?? 'window'} | ${EDITOR_ONLY.has(key) ? 'none (editor only)' : `\`${envName(key)}\``} | ${cell(p.markdownDescription ?? p.description ?? '')} |`,
  );
  return `<!-- Generated from package.json (contributes.configuration) by \`npm run docs:settings\`; edit the descriptions there, not here. -->

# Settings

Every setting is \`paladin.<section>.<name>\` in VS Code (File › Preferences ›
Settings, search "paladin"). The CLI and the HTTP API read the same settings
from environment variables: \`PALADIN_\` then the name without \`paladin.\`, in
upper case with \`_\` between words (\`PALADIN_SANDBOX_IMAGE\` for
\`paladin.sandbox.image\`). Unknown settings and out-of-range values are
reported and replaced by their defaults.

Scope \`machine\` means only your user settings can set it, never a
workspace's \`.vscode/settings.json\`: a folder you open cannot choose what
runs, where your key is sent, or how much the sandbox may use.

| setting | default | range | scope | environment | meaning |
|---|---|---|---|---|---|
${rows.join('\n')}
`;
}

function main() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const text = render(pkg);
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (current !== text) {
      console.error('docs/user/settings.md is stale: run `npm run docs:settings` and commit it.');
      process.exit(1);
    }
    return;
  }
  writeFileSync(target, text);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
