// Builds the development set's workspace: a small project with source files
// of several languages, logs with known lines, CSV and JSON data, binaries of
// known sizes, files of known ages, a symlink and a git repository with a
// fixed history. Everything is deterministic except that file ages are
// relative to "now", so that "older than 7 days" stays true whenever it runs.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

const DAY = 86_400;

const README = `# Inventory service

A small service that tracks stock levels for the warehouse.

## Setup

Run npm install, then npm start.

## Usage

TODO: document the HTTP API.
The server listens on port 8080 by default.
`;

const PACKAGE_JSON = `${JSON.stringify({
  name: 'inventory',
  version: '1.4.2',
  scripts: { start: 'node src/main.js', test: 'node --test' },
  dependencies: { express: '^4.18.2', lodash: '^4.17.21' },
  devDependencies: { typescript: '^5.4.0' },
}, null, 2)}\n`;

const APP_LOG_LEVELS = ['INFO', 'INFO', 'WARN', 'INFO', 'ERROR', 'INFO', 'INFO', 'WARN', 'INFO', 'ERROR', 'INFO', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'INFO', 'DEBUG', 'INFO', 'WARN', 'INFO', 'ERROR', 'INFO', 'WARN', 'INFO'];
const APP_LOG_MESSAGES: Record<string, string[]> = {
  INFO: ['request served in 12 ms', 'cache refreshed', 'user login ok', 'stock updated'],
  WARN: ['slow query took 950 ms', 'disk usage at 85%', 'retrying connection'],
  ERROR: ['connection refused by database', 'timeout while reading stock', 'out of memory in worker 3'],
  DEBUG: ['payload size 2048 bytes'],
};

function appLog(): string {
  const seen: Record<string, number> = {};
  return APP_LOG_LEVELS.map((level, i) => {
    const n = seen[level] ?? 0;
    seen[level] = n + 1;
    const msgs = APP_LOG_MESSAGES[level];
    const minute = String(i).padStart(2, '0');
    return `2024-03-01 10:${minute}:00 ${level} ${msgs[n % msgs.length]}\n`;
  }).join('');
}

function accessLog(): string {
  const hits: [string, string, string, number][] = [
    ['10.0.0.1', 'GET', '/index.html', 200], ['10.0.0.2', 'GET', '/api/items', 200], ['10.0.0.1', 'POST', '/api/login', 200],
    ['192.168.1.7', 'GET', '/missing', 404], ['10.0.0.1', 'GET', '/api/items', 200], ['10.0.0.3', 'GET', '/admin', 403],
    ['10.0.0.2', 'GET', '/api/items/7', 500], ['10.0.0.1', 'GET', '/favicon.ico', 404], ['192.168.1.7', 'GET', '/index.html', 200],
    ['10.0.0.2', 'DELETE', '/api/items/3', 200], ['10.0.0.1', 'GET', '/api/stock', 200], ['10.0.0.4', 'GET', '/robots.txt', 404],
  ];
  return hits.map(([ip, method, url, status], i) =>
    `${ip} - - [01/Mar/2024:11:${String(i).padStart(2, '0')}:00 +0000] "${method} ${url} HTTP/1.1" ${status} ${100 + i * 37}\n`).join('');
}

/** Bytes that do not compress to nothing, the same on every build. */
function pseudoRandom(size: number, seed: number): Buffer {
  const buf = Buffer.alloc(size);
  let x = seed >>> 0;
  for (let i = 0; i < size; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    buf[i] = x >>> 24;
  }
  return buf;
}

/** path → [content, age in seconds, mode] */
const FILES: Record<string, [string | Buffer, number, number?]> = {
  'README.md': [README, 20 * DAY],
  'package.json': [PACKAGE_JSON, 20 * DAY],
  '.gitignore': ['node_modules/\nbuild/\ntmp/\n*.log\n', 20 * DAY],
  '.env': ['PORT=8080\nLOG_LEVEL=info\n', 20 * DAY],
  'notes.txt': ['Meeting on Friday at 10\nTODO: call Bob about the delivery\nRemember the milk\nThe warehouse in Lyon is full\nTODO: renew the TLS certificate\n', 1 * 3600],
  'todo.txt': ['buy labels\nfix the scanner\nbuy labels\norder pallets\n', 2 * DAY],
  'names.txt': ['alice\nbob\ncarol\nalice\ndave\nbob\nerin\nalice\n', 5 * DAY],
  'numbers.txt': ['42\n7\n19\n3\n100\n56\n', 5 * DAY],
  'src/main.js': ["const express = require('express');\nconst { total } = require('./lib/helpers');\n\n// TODO: handle errors from the database\nconst app = express();\napp.get('/api/items', (req, res) => res.json([]));\nconsole.log('listening on 8080');\napp.listen(8080);\n", 3 * DAY],
  'src/app.py': ["import os\nimport sys\n\n\ndef main():\n    # TODO: read the port from the environment\n    port = int(os.environ.get('PORT', '8080'))\n    print('starting on', port)\n\n\nif __name__ == '__main__':\n    main()\n", 3 * DAY],
  'src/utils.py': ['import os\n\n\ndef helper(path):\n    return os.path.basename(path)\n\n\ndef total(values):\n    return sum(values)\n', 12 * DAY],
  'src/index.ts': ["import { total } from './lib/helpers';\n\nexport function report(values: number[]): string {\n  return `total: ${total(values)}`;\n}\n", 12 * DAY],
  'src/lib/helpers.js': ["// FIXME: total() ignores negative numbers\nfunction total(values) {\n  console.log('summing', values.length);\n  return values.filter((v) => v > 0).reduce((a, b) => a + b, 0);\n}\n\nmodule.exports = { total };\n", 12 * DAY],
  'src/lib/math.py': ['def square(x):\n    return x * x\n\n\ndef cube(x):\n    return x * x * x\n', 30 * DAY],
  'src/components/Button.tsx': ["export function Button(props: { label: string }) {\n  // TODO: add an icon\n  return <button>{props.label}</button>;\n}\n", 1 * DAY],
  'logs/app.log': [appLog(), 1 * DAY],
  'logs/access.log': [accessLog(), 1 * DAY],
  'logs/old.log': ['2024-01-01 00:00:00 INFO rotated\n2024-01-01 00:05:00 ERROR disk full\n', 40 * DAY],
  'logs/archive/app-2023.log.gz': [zlib.gzipSync('2023-12-31 23:59:00 INFO year end\n2023-12-31 23:59:30 ERROR backup failed\n'), 100 * DAY],
  'data/users.csv': ['id,name,city,age\n1,alice,Paris,34\n2,bob,Lyon,27\n3,carol,Paris,45\n4,dave,Berlin,31\n5,erin,Lyon,22\n6,frank,Madrid,38\n7,grace,Paris,29\n8,heidi,Berlin,41\n', 15 * DAY],
  'data/sales.csv': ['date,region,amount\n2024-01-05,north,120\n2024-01-06,south,80\n2024-01-06,north,200\n2024-01-07,east,50\n2024-01-08,south,150\n2024-01-09,west,90\n2024-01-10,north,60\n2024-01-11,east,300\n2024-01-12,south,40\n2024-01-13,west,110\n', 15 * DAY],
  'data/config.json': [`${JSON.stringify({ name: 'inventory', version: '1.4.2', port: 8080, debug: false, database: { host: 'localhost', port: 5432 } }, null, 2)}\n`, 15 * DAY],
  'data/items.json': [`${JSON.stringify([
    { id: 1, name: 'widget', status: 'active', price: 9.5 },
    { id: 2, name: 'gadget', status: 'retired', price: 24 },
    { id: 3, name: 'sprocket', status: 'active', price: 3.25 },
    { id: 4, name: 'gizmo', status: 'active', price: 12 },
    { id: 5, name: 'doohickey', status: 'retired', price: 7 },
  ], null, 2)}\n`, 15 * DAY],
  'docs/guide.md': ['# Guide\n\nInstall the service, then configure the database.\n\n## Troubleshooting\n\nIf the server does not start, check logs/app.log.\n', 8 * DAY],
  'docs/api.md': ['# API\n\nGET /api/items lists the items.\nPOST /api/login signs a user in.\nDELETE /api/items/:id removes an item.\n', 8 * DAY],
  'docs/meeting notes.md': ['# Meeting notes\n\n- ship version 1.5 in April\n- TODO: hire a tester\n', 6 * DAY],
  'conf/app.conf': ['# Application settings\nport=8080\n\nhost=localhost\n# debug=true\nlog_level=info\n\n# end\n', 25 * DAY],
  'build/big.bin': [pseudoRandom(2 * 1024 * 1024, 1), 4 * DAY],
  'build/medium.bin': [pseudoRandom(300 * 1024, 2), 4 * DAY],
  'build/small.bin': [pseudoRandom(100, 3), 4 * DAY],
  'tmp/a.tmp': ['scratch a\n', 10 * DAY],
  'tmp/b.tmp': ['scratch b\n', 10 * DAY],
  'tmp/cache.tmp': ['fresh cache\n', 600],
  'tmp/empty.txt': ['', 9 * DAY],
  'scripts/deploy.sh': ['#!/bin/sh\necho deploying\n', 7 * DAY, 0o755],
  'scripts/backup.sh': ['#!/bin/sh\ntar -czf backup.tar.gz data\n', 7 * DAY, 0o644],
  'scripts/run.sh': ['#!/bin/sh\nnode src/main.js\n', 7 * DAY, 0o755],
};

/** Members of backups/site-2024.tar.gz. */
const SITE: Record<string, string> = {
  'site/index.html': '<!doctype html>\n<title>Inventory</title>\n<script src="app.js"></script>\n',
  'site/style.css': 'body { font-family: sans-serif; }\n',
  'site/js/app.js': "console.log('inventory site');\n",
};

/** A gzip tarball with fixed member times and owners, so its listing never varies. */
function writeTarball(root: string, rel: string, members: Record<string, string>): void {
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-devset-tar-'));
  try {
    for (const [name, content] of Object.entries(members)) write(staging, name, content);
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    execFileSync('tar', ['-czf', path.join(root, rel), '--sort=name', '--mtime=2024-01-01 00:00Z', '--owner=0', '--group=0', '--numeric-owner', '-C', staging, ...Object.keys(members).map((m) => m.split('/')[0]).filter((m, i, a) => a.indexOf(m) === i)]);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

const EMPTY_DIRS = ['docs/drafts', 'logs/empty'];

/** The git history: [author, ISO date, message, paths added or changed in that commit]. */
const HISTORY: [string, string, string, string[]][] = [
  ['Alice Martin <alice@example.com>', '2024-01-10T09:00:00Z', 'Initial commit', ['README.md', 'package.json', '.gitignore']],
  ['Bob Durand <bob@example.com>', '2024-01-12T14:30:00Z', 'Add source files', ['src']],
  ['Alice Martin <alice@example.com>', '2024-01-15T11:00:00Z', 'Add docs and data', ['docs', 'data', 'notes.txt', 'conf']],
  ['Carol Petit <carol@example.com>', '2024-02-01T16:45:00Z', 'Fix typo in readme', ['README.md']],
  ['Bob Durand <bob@example.com>', '2024-02-03T10:15:00Z', 'Add deployment scripts', ['scripts']],
];

function git(cwd: string, args: string[], author?: string, date?: string): void {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: cwd, GIT_CONFIG_GLOBAL: '/dev/null' };
  if (author && date) {
    const m = /^(.*) <(.*)>$/.exec(author);
    if (!m) throw new Error(`bad author ${author}`);
    Object.assign(env, { GIT_AUTHOR_NAME: m[1], GIT_AUTHOR_EMAIL: m[2], GIT_COMMITTER_NAME: m[1], GIT_COMMITTER_EMAIL: m[2], GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
  }
  execFileSync('git', args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
}

function write(root: string, rel: string, content: string | Buffer, mode = 0o644): void {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  fs.chmodSync(file, mode);
}

/**
 * Builds the workspace in a new temporary folder and returns its path.
 * Needs `git` on the host.
 */
export function buildFixture(parent = os.tmpdir()): string {
  const root = fs.mkdtempSync(path.join(parent, 'paladin-devset-'));
  git(root, ['init', '-q', '-b', 'main']);
  const committed = new Set<string>();
  // The README first appears without the typo fix, so commit 4 changes it.
  const first = README.replace('warehouse', 'warehuose');
  for (const [author, date, message, paths] of HISTORY) {
    for (const p of paths) {
      for (const rel of Object.keys(FILES).filter((f) => f === p || f.startsWith(`${p}/`))) {
        const [content, , mode] = FILES[rel];
        write(root, rel, rel === 'README.md' && message === 'Initial commit' ? first : content, mode);
        committed.add(rel);
      }
    }
    git(root, ['add', '--', ...paths]);
    git(root, ['commit', '-q', '-m', message], author, date);
    if (message === 'Fix typo in readme') git(root, ['tag', 'v1.0']);
  }
  // A feature branch with one commit of its own.
  git(root, ['switch', '-q', '-c', 'feature/login']);
  write(root, 'src/login.js', "// login form\nmodule.exports = function login(user) {\n  return user !== '';\n};\n");
  git(root, ['add', 'src/login.js']);
  git(root, ['commit', '-q', '-m', 'Add login page'], 'Dave Laurent <dave@example.com>', '2024-02-10T08:00:00Z');
  git(root, ['switch', '-q', 'main']);
  git(root, ['config', 'user.name', 'Dev Set']);
  git(root, ['config', 'user.email', 'devset@example.com']);

  for (const [rel, [content, , mode]] of Object.entries(FILES)) if (!committed.has(rel)) write(root, rel, content, mode);
  // An uncommitted change to a tracked file.
  fs.appendFileSync(path.join(root, 'notes.txt'), 'Call the printer company\n');
  for (const d of EMPTY_DIRS) fs.mkdirSync(path.join(root, d), { recursive: true });
  fs.symlinkSync('src', path.join(root, 'current'));
  writeTarball(root, 'backups/site-2024.tar.gz', SITE);
  fs.symlinkSync('missing.txt', path.join(root, 'docs', 'old-link'));

  const now = Date.now() / 1000;
  for (const [rel, [, age]] of Object.entries(FILES)) fs.utimesSync(path.join(root, rel), now - age, now - age);
  return root;
}

/** A fresh copy of a built fixture (modes, times and links kept). */
export function copyFixture(source: string, parent = os.tmpdir()): string {
  const dest = fs.mkdtempSync(path.join(parent, 'paladin-devset-run-'));
  execFileSync('cp', ['-a', `${source}/.`, dest]);
  return dest;
}
