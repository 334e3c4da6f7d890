// The planner with the real policy stage, for changes of another kind than
// asked and copies the wrong way round: a model answering "delete" with a
// compressor, "replace" with crontab, "overwrite" with shred, "touch" with a
// folder over the file, "replace A with B" by writing over B, "create a
// tarball" by unpacking one, or "chmod 644" of only the files already 644,
// is turned away with the reason; the embedded planner's own plans keep the
// same bounds, and one is tried in a throw-away copy of the workspace.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { stageMigrations } from '../../server/src/compose';
import { Planner } from '../../server/src/planner';
import { normaliseSettings } from '../../server/src/settings/settings';
import { openDatabase } from '../../server/src/store/database';
import { startOllamaStandIn } from '../support/ollamaStandIn';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';
import { dockerHas } from '../support/dockerImage';
import { runCli } from '../support/runCli';

let w: PlannerWorkspace;
const image = process.env.PALADIN_DEBIAN_IMAGE || 'paladin-test:debian';

before(async () => {
  w = await plannerWorkspace('act-kinds', ['backup', 'docs', 'logs', 'src'], ['notes.txt', 'todo.txt', 'backup/notes.txt', 'backup/todo.txt', 'docs/api.md', 'docs/guide.md', 'logs/app.log', 'src/main.ts', 'src/util.ts']);
});

after(() => w.close());

const cases: [string, string, RegExp][] = [
  ['delete backup/notes.txt', 'bzip2 backup/notes.txt', /compresses files \(bzip2\), but the request asks for no archive/],
  ['replace docs/api.md', 'crontab docs/api.md', /installs docs\/api\.md as the schedule of jobs \(crontab\)/],
  ['overwrite logs/app.log', 'shred -u logs/app.log', /cannot be recovered \(shred\), but the request does not ask to shred/],
  ['touch backup/todo.txt', 'mkdir -p backup/todo.txt', /makes a folder backup\/todo\.txt, but backup\/todo\.txt is a file in the workspace/],
  ['replace notes.txt with its copy in backup', 'cp notes.txt backup', /writes over backup\/notes\.txt, which the request copies from/],
  ['overwrite backup/notes.txt with notes.txt', 'cp backup/notes.txt notes.txt', /writes over notes\.txt, which the request copies from/],
  ['create a tarball of docs called archive.tar', 'mkdir -p docs && tar -xf archive.tar -C docs', /unpacks an archive, but the request asks to make one/],
  ['chmod 644 the .ts files in src', "find src -type f -name '*.ts' -perm 644 -exec chmod 644 {} +", /only files that already have mode 644/],
  ['make the .log files 644', "find . -type f -name '*.log' | head -n 644", /changes no permissions, but the request asks to give files mode 644/],
];

test('a model answer of another kind, or the wrong way round, is turned away with the reason', async () => {
  const db = openDatabase(path.join(w.workspace, '..', 'model.db'), { migrations: stageMigrations });
  try {
    for (const [request, reply, reason] of cases) await turnedAway(db, request, reply, reason);
  } finally {
    db.close();
  }
});

/** The stand-in model answers `reply`; the planner must turn it away for `reason`. */
async function turnedAway(db: ReturnType<typeof openDatabase>, request: string, reply: string, reason: RegExp): Promise<void> {
  const ollama = await startOllamaStandIn({ models: ['m'], chat: () => JSON.stringify({ command: reply, reasoning: 'as asked', assumptions: [], expected_effects: [] }) });
  const planner = new Planner(db, normaliseSettings({ 'planner.cacheTtlSeconds': 0, 'ollama.url': ollama.url, 'ollama.model': 'm' }).settings, w.policy);
  try {
    const result = await planner.plan({ request, workspace: w.workspace }, {});
    const rejected = result.rejected?.find((r) => r.command === reply);
    assert.ok(rejected, `${reply} should be turned away for "${request}": ${JSON.stringify(result.rejected)}`);
    assert.equal(rejected.planner, 'ollama');
    assert.match(rejected.reason, reason, request);
    assert.notEqual(result.command, reply);
  } finally {
    planner.dispose();
    await ollama.close();
  }
}

test("the embedded planner's own plans do the act asked, the right way round", async () => {
  for (const [request, bad] of cases) {
    const r = await w.result(request);
    const shown = [r.command, ...r.candidates.map((c) => c.command), ...(r.suggestions ?? []).map((c) => c.command)].filter(Boolean);
    assert.ok(!shown.includes(bad), `"${request}" offers ${bad}: ${JSON.stringify(shown)}`);
  }
  assert.equal(await w.plan('delete backup/notes.txt'), 'rm -- backup/notes.txt');
  assert.equal(await w.plan('create a tarball of docs called archive.tar'), 'tar -cf archive.tar docs');
  assert.equal(await w.plan('chmod 644 the .ts files in src'), "find src -type f -name '*.ts' -exec chmod 644 {} +");
});

test('"create a tarball of docs called archive.tar" packs docs, tried in a throw-away copy', { skip: !dockerHas(image) && `no ${image} image` }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-act-kinds-cli-'));
  fs.mkdirSync(path.join(dir, 'data'));
  process.env.PALADIN_DB = path.join(dir, 'data', 'paladin.db');
  process.env.PALADIN_SANDBOX_IMAGE = image;
  delete process.env.PALADIN_OLLAMA_MODEL;
  delete process.env.OPENAI_API_KEY;
  const ws = path.join(dir, 'ws');
  for (const f of ['docs/api.md', 'docs/guide.md', 'notes.txt']) {
    fs.mkdirSync(path.dirname(path.join(ws, f)), { recursive: true });
    fs.writeFileSync(path.join(ws, f), `${f}\n`);
  }
  // An older archive of that name is there: its name is no order to unpack it.
  execFileSync('tar', ['-cf', 'archive.tar', 'notes.txt'], { cwd: ws });
  const older = fs.readFileSync(path.join(ws, 'archive.tar'));
  try {
    const r = await runCli(['plan', '--json', '--dry-run', '--workspace', ws, 'create a tarball of docs called archive.tar']);
    assert.equal(r.code, 0, r.err);
    const plan = JSON.parse(r.out);
    assert.equal(plan.command, 'tar -cf archive.tar docs');
    const tried = plan.dryRun.tried.find((t: { command: string }) => t.command === plan.command);
    assert.ok(tried?.fits, JSON.stringify(plan.dryRun));
    assert.match(tried.preview, /changed archive\.tar/);
    // The real workspace is untouched: docs is as it was, and so is the older archive.
    assert.deepEqual(fs.readdirSync(path.join(ws, 'docs')).sort(), ['api.md', 'guide.md']);
    assert.ok(fs.readFileSync(path.join(ws, 'archive.tar')).equals(older));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
