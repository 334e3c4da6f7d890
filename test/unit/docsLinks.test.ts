// The documentation holds together: every relative link in the README, the
// changelog and docs/ leads to a file that exists (and to a heading that
// exists, when it names one), and every page under docs/ is reachable from
// the README, directly or through the pages it links to.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(import.meta.dirname, '../..');

function pages(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? pages(path.join(dir, d.name)) : d.name.endsWith('.md') ? [path.join(dir, d.name)] : []));
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes. */
function anchors(file: string): Set<string> {
  const out = new Set<string>();
  const text = fs.readFileSync(path.join(root, file), 'utf8').replace(/^```[\s\S]*?^```/gm, '');
  for (const m of text.matchAll(/^#{1,6} (.+)$/gm)) out.add(m[1]!.replace(/[`*]/g, '').trim().toLowerCase().replace(/[^\p{L}\p{N}_\- ]/gu, '').replace(/ /g, '-'));
  return out;
}

function links(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8').replace(/^```[\s\S]*?^```/gm, '');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((t) => !/^[a-z]+:/.test(t));
}

const docs = ['README.md', 'CHANGELOG.md', ...pages('docs')];

test('every relative link leads to a file and heading that exist', () => {
  const broken: string[] = [];
  for (const file of docs) {
    for (const link of links(file)) {
      const [target, anchor] = link.split('#') as [string, string | undefined];
      const resolved = target ? path.normalize(path.join(path.dirname(file), target)) : file;
      if (!fs.existsSync(path.join(root, resolved))) broken.push(`${file}: ${link} (no file ${resolved})`);
      else if (anchor && resolved.endsWith('.md') && !anchors(resolved).has(anchor)) broken.push(`${file}: ${link} (no heading #${anchor} in ${resolved})`);
    }
  }
  assert.deepEqual(broken, []);
});

test('every page under docs/ is reachable from the README', () => {
  const seen = new Set<string>(['README.md']);
  const queue = ['README.md'];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const link of links(file)) {
      const target = link.split('#')[0];
      if (!target?.endsWith('.md')) continue;
      const resolved = path.normalize(path.join(path.dirname(file), target));
      if (!seen.has(resolved) && fs.existsSync(path.join(root, resolved))) {
        seen.add(resolved);
        queue.push(resolved);
      }
    }
  }
  assert.deepEqual(pages('docs').filter((p) => !seen.has(p)), []);
});

test('the README stays a front page', () => {
  const lines = fs.readFileSync(path.join(root, 'README.md'), 'utf8').split('\n').length;
  assert.ok(lines <= 220, `README.md has ${lines} lines; move detail into docs/`);
});
