// The explainer against real manuals: the host's man pages (man-db), bash's
// help for builtins, and --help texts read from the busybox sandbox image
// through a real Docker engine, all cached in a real SQLite store.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Docker from 'dockerode';
import { createExplainerStage, explainerMigrations } from '../../server/src/explainer';
import { ManualCache } from '../../server/src/explainer/manualCache';
import { ManualLibrary } from '../../server/src/explainer/manualLibrary';
import { Explainer } from '../../server/src/explainer/explainer';
import { normaliseSettings } from '../../server/src/settings/settings';
import { openDatabase, type Db } from '../../server/src/store/database';

const IMAGE = process.env.PALADIN_TEST_IMAGE || 'paladin-test:busybox';

let dir: string;
let db: Db;

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-explain-'));
  db = openDatabase(path.join(dir, 'paladin.db'), { migrations: explainerMigrations });
});

after(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function hostOnly(database: Db = db) {
  return new Explainer(new ManualLibrary(new ManualCache(database), { docker: null }));
}

function rows(source: string): { program: string; found: number }[] {
  return db.prepare('SELECT program, found FROM explainer_manuals WHERE source = ? ORDER BY program').all(source) as { program: string; found: number }[];
}

describe('host man pages', () => {
  it('explains GNU tools from their man pages', async () => {
    const { parts, summary } = await hostOnly().explain("ls -la --block-size=K | grep -rn 'TODO' src | sort -k2 -n | head -n5 | tar -czf out.tgz -C /tmp .");
    const byText = (t: string) => parts.find((p) => p.text === t)!;
    assert.equal(byText('ls').source, 'manual');
    assert.equal(byText('ls').explanation, 'list directory contents', 'the source is said once, beside the text, not in it');
    assert.equal(byText('ls').origin, 'man page, host');
    assert.equal(byText('-l').explanation, 'use a long listing format');
    assert.match(byText('--block-size=K').explanation, /scale sizes by K when printing them/, 'the value given stands where the manual wrote SIZE');
    assert.equal(byText('-r').source, 'manual');
    assert.match(byText('-k').explanation, /sort via a key; 2 gives location and type/, 'sort -k2: the rest of the word is the value');
    assert.match(byText('-z').explanation, /gzip/);
    const f = parts.findIndex((p) => p.text === '-f');
    assert.equal(parts[f + 1].text, 'out.tgz');
    assert.match(parts[f + 1].explanation, /ARCHIVE for -f/);
    assert.equal(parts.filter((p) => p.source === 'unknown').length, 0, JSON.stringify(parts.filter((p) => p.source === 'unknown')));
    assert.match(summary, /^Runs ls \(list directory contents\) with -l, -a, --block-size=K, piped into grep/);
  });

  it('explains find actions and the command -exec runs', async () => {
    const { parts } = await hostOnly().explain(`find . -type f -name '*.log' -mtime +7 -exec rm -f {} +`);
    const flags = parts.filter((p) => p.kind === 'flag');
    assert.deepEqual(flags.map((p) => `${p.text}:${p.source}`), ['-type:manual', '-name:manual', '-mtime:manual', '-exec:manual', '-f:manual']);
    assert.match(flags[4].explanation, /ignore nonexistent files/, '-f is rm\'s, read from rm\'s manual');
    assert.equal(parts[parts.indexOf(flags[0]) + 1].explanation, 'the value of -type: regular file');
  });

  it('explains subcommands from their own man page', async () => {
    const { parts } = await hostOnly().explain('git log --oneline -n 3');
    assert.equal(parts[1].kind, 'subcommand');
    assert.equal(parts[1].explanation, 'Show commit logs');
    assert.equal(parts[1].origin, 'git-log: man page, host');
    assert.equal(parts[2].source, 'manual');
    assert.equal(parts[4].text, '3');
  });

  it('explains shell builtins from bash help', async () => {
    const { parts } = await hostOnly().explain('cd -P /tmp && export -n X');
    assert.equal(parts[0].source, 'help');
    assert.match(parts[0].explanation, /^Change the shell working directory/);
    assert.equal(parts[0].origin, 'bash help, host');
    assert.match(parts[1].explanation, /physical directory structure/);
  });

  it('says what no manual explains is unknown', async () => {
    const { parts, summary } = await hostOnly().explain('ls --frobnicate && paladin-no-such-tool -q');
    assert.equal(parts[1].source, 'unknown');
    assert.match(parts[1].explanation, /the man page of ls does not list --frobnicate/);
    assert.equal(parts[3].source, 'unknown');
    assert.match(parts[3].explanation, /unknown program: no man page or --help text for paladin-no-such-tool/);
    assert.match(summary, /Not explained: --frobnicate, paladin-no-such-tool, -q\./);
  });

  it('caches parsed manuals in the store and answers warm from it', async () => {
    const command = 'du -sh --max-depth=1 . | sort -rh | head -n 3';
    const fresh = await hostOnly().explain(command);
    const cached = rows('host').map((r) => r.program);
    for (const p of ['du', 'sort', 'head']) assert.ok(cached.includes(p), `${p} cached`);
    // A new library (as in a new process) reads the store, not man: with no
    // man on PATH it still answers the same.
    const searchPath = process.env.PATH;
    process.env.PATH = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-no-man-'));
    try {
      assert.deepEqual(await hostOnly().explain(command), fresh);
    } finally {
      process.env.PATH = searchPath;
    }
  });

  it('honours an abort signal', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(hostOnly().explain('ls -l', { signal: controller.signal }), /abort/i);
  });
});

describe('sandbox image --help (Docker)', () => {
  const docker = new Docker();

  it('reads busybox --help texts from the image and caches them under its id', async () => {
    const id = (await docker.getImage(IMAGE).inspect()).Id;
    const { settings } = normaliseSettings({ 'sandbox.image': IMAGE });
    const stage = createExplainerStage(db, settings, { docker });
    const { parts } = await stage.explain('ls -la | grep -c -A 3 x | head -n 5');
    const byText = (t: string) => parts.find((p) => p.text === t)!;
    assert.equal(byText('ls').source, 'help');
    assert.equal(byText('ls').explanation, 'List directory contents');
    assert.equal(byText('ls').origin, `--help, image ${IMAGE}`);
    assert.equal(byText('-l').explanation, 'Long format');
    assert.equal(byText('-A').explanation, 'Print 3 lines of trailing context');
    assert.equal(byText('3').explanation, 'the value of -A');
    assert.equal(byText('-n').explanation, 'Print first 5 lines');
    const cached = db.prepare('SELECT program, version, found FROM explainer_manuals WHERE source = ?').all(`image:${IMAGE}`) as { program: string; version: string; found: number }[];
    assert.deepEqual(cached.filter((r) => ['ls', 'grep', 'head'].includes(r.program)).map((r) => [r.program, r.version, r.found]).sort(), [['grep', id, 1], ['head', id, 1], ['ls', id, 1]]);
    // Left nothing behind.
    const left = await docker.listContainers({ all: true, filters: { label: ['paladin.purpose=manual-lookup'] } });
    assert.equal(left.length, 0);
  });

  it('serves concurrent explanations with one lookup container', async () => {
    const fresh = openDatabase(':memory:', { migrations: explainerMigrations });
    try {
      const counting = new Docker();
      let created = 0;
      const create = counting.createContainer.bind(counting);
      counting.createContainer = ((options: Docker.ContainerCreateOptions) => {
        created++;
        return create(options);
      }) as typeof counting.createContainer;
      const { settings } = normaliseSettings({ 'sandbox.image': IMAGE });
      const stage = createExplainerStage(fresh, settings, { docker: counting });
      const results = await Promise.all([stage.explain('ls -l | wc -l'), stage.explain('wc -c f; ls'), stage.explain('ls -a')]);
      assert.equal(created, 1);
      assert.deepEqual(results.map((r) => r.parts[0].source), ['help', 'help', 'help']);
    } finally {
      fresh.close();
    }
  });

  it('falls back to the host for programs the image lacks, and remembers that it lacks them', async () => {
    const { settings } = normaliseSettings({ 'sandbox.image': IMAGE });
    const stage = createExplainerStage(db, settings, { docker });
    const { parts } = await stage.explain('git status --short');
    assert.equal(parts[0].origin, 'man page, host');
    const row = db.prepare('SELECT found FROM explainer_manuals WHERE program = ? AND source = ?').get('git', `image:${IMAGE}`) as { found: number };
    assert.equal(row.found, 0);
  });

  it('prefers the host GNU man page over a terse GNU --help in the image, and says so', async (t) => {
    const debian = process.env.PALADIN_DEBIAN_IMAGE || 'paladin-test:debian';
    const present = await docker.getImage(debian).inspect().then(() => true, () => false);
    if (!present) return t.skip(`${debian} is not built (test/support/build-debian-image.sh)`);
    const { settings } = normaliseSettings({ 'sandbox.image': debian });
    const stage = createExplainerStage(db, settings, { docker });
    const { parts } = await stage.explain('find . -type f | wc -l');
    assert.equal(parts[0].explanation, 'search for files in a directory hierarchy');
    assert.equal(parts[0].origin, 'man page, host; the image has GNU find too');
    assert.equal(parts.find((p) => p.text === '-type')!.source, 'manual');
    const row = db.prepare('SELECT manual FROM explainer_manuals WHERE program = ? AND source = ?').get('find', `image:${debian}`) as { manual: string };
    assert.equal(JSON.parse(row.manual).kind, 'help', 'the image was asked first');
  });

  it('treats an image without a shell as having no manuals, and remembers it', async () => {
    const context = fs.mkdtempSync(path.join(dir, 'noshell-'));
    fs.writeFileSync(path.join(context, 'f'), 'x');
    fs.writeFileSync(path.join(context, 'Dockerfile'), 'FROM scratch\nCOPY f /f\n');
    const tag = `paladin-explain-noshell:${process.pid}`;
    execFileSync('docker', ['build', '-q', '-t', tag, context], { stdio: 'ignore' });
    try {
      const { settings } = normaliseSettings({ 'sandbox.image': tag });
      const { parts } = await createExplainerStage(db, settings, { docker }).explain('ls -l');
      assert.equal(parts[0].origin, 'man page, host');
      const row = db.prepare('SELECT found FROM explainer_manuals WHERE program = ? AND source = ?').get('ls', `image:${tag}`) as { found: number };
      assert.equal(row.found, 0);
      const left = await docker.listContainers({ all: true, filters: { label: ['paladin.purpose=manual-lookup'] } });
      assert.equal(left.length, 0);
    } finally {
      execFileSync('docker', ['rmi', '-f', tag], { stdio: 'ignore' });
    }
  });

  it('uses the host when the Docker engine cannot be reached', async () => {
    const { settings } = normaliseSettings({ 'sandbox.image': IMAGE });
    const stage = createExplainerStage(db, settings, { docker: new Docker({ socketPath: path.join(dir, 'no-docker.sock') }) });
    const { parts } = await stage.explain('ls -l');
    assert.equal(parts[0].origin, 'man page, host');
  });
});
