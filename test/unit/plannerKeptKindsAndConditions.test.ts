// What a change must leave alone: a kind kept or turned down ("but the
// symlinks", "that aren't named pipes", "do not copy the symlinks"), the
// files an "except if/when" condition keeps, the target named in "except if
// dest exists", and the text a request names by its characters ("replace
// commas with tabs"). Abstaining is allowed; touching what is kept is not.
// Words of names ("the prompts folder") ask for no confirmation. Requests are
// generated; plans are run by bash on scratch trees holding every kind.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let ws: PlannerWorkspace;
before(async () => {
  ws = await plannerWorkspace('kept-kinds', ['src', 'spool', 'prompts', 'confirmations'], ['src/a.o', 'src/b.log', 'src/empty.log', 'spool/notes.txt', 'data.csv', 'notes.txt']);
});
after(() => ws.close());

/** A scratch tree: src with files, an empty file, a link and a pipe; spool; prompts. */
function tree(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-kept-kinds-'));
  for (const d of ['src', 'spool', 'prompts', 'confirmations']) fs.mkdirSync(path.join(root, d));
  for (const f of ['src/a.o', 'src/b.log', 'spool/notes.txt', 'prompts/p.txt', 'notes.txt']) fs.writeFileSync(path.join(root, f), 'x\n');
  fs.writeFileSync(path.join(root, 'src/empty.log'), '');
  fs.writeFileSync(path.join(root, 'data.csv'), 'a,b\n');
  fs.symlinkSync('a.o', path.join(root, 'src/link.o'));
  execFileSync('mkfifo', [path.join(root, 'src/queue')]);
  return root;
}

function runIn(root: string, command: string): void {
  spawnSync('bash', ['-c', command], { cwd: root, stdio: 'pipe', input: 'n\n'.repeat(20), timeout: 20_000 });
}

/** Runs `command` on a fresh scratch tree and tells whether `holds` is true of what it left. */
function afterRun(command: string, holds: (root: string) => boolean): boolean {
  const root = tree();
  try {
    runIn(root, command);
    return holds(root);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

test('a kind kept or turned down is never what a change reaches', async () => {
  const wrong: string[] = [];
  const kinds: [string, string][] = [['symlinks', 'src/link.o'], ['symbolic links', 'src/link.o'], ['named pipes', 'src/queue'], ['fifos', 'src/queue']];
  const wordings = ['delete everything in src but the {k}', 'delete the files in src, leaving the {k} alone', 'remove all files in src that are not {k}', "remove all files in src that aren't {k}", 'delete everything in src and keep the {k}', 'move everything in src to spool except the {k}'];
  for (const [i, wording] of wordings.entries()) {
    for (const [j, [kind, entry]] of kinds.entries()) {
      if ((i + j) % 2 === 1) continue;
      const request = wording.replace('{k}', kind);
      const command = await ws.plan(request);
      if (!command) continue;
      const kept = afterRun(command, (root) => fs.lstatSync(path.join(root, entry), { throwIfNoEntry: false }) !== undefined);
      if (!kept) wrong.push(`${request} → ${command}: ${entry} gone`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('"except if/when" keeps the files its condition describes, and "except if dest exists" keeps dest', async () => {
  const wrong: string[] = [];
  for (const request of ['delete the .log files in src except if they are empty', 'delete the .log files in src except when they are empty', 'remove the log files under src except if they are empty']) {
    const command = await ws.plan(request);
    if (!command) continue;
    if (!afterRun(command, (root) => fs.existsSync(path.join(root, 'src/empty.log')))) wrong.push(`${request} → ${command}: the empty log is gone`);
  }
  for (const request of ['copy notes.txt to data.csv except if data.csv is newer', 'copy notes.txt to data.csv, except if data.csv already exists', 'copy notes.txt to data.csv except when data.csv exists']) {
    const command = await ws.plan(request);
    if (!command) continue;
    if (!afterRun(command, (root) => fs.readFileSync(path.join(root, 'data.csv'), 'utf8') === 'a,b\n')) wrong.push(`${request} → ${command}: data.csv written over`);
  }
  assert.deepEqual(wrong, []);
});

test('characters named in words are replaced as characters, never as the words', async () => {
  const wrong: string[] = [];
  for (const [from, to] of [['commas', 'tabs'], ['commas', 'semicolons'], ['tabs', 'spaces'], ['commas', 'spaces']]) {
    for (const lead of ['replace {a} with {b} in data.csv', 'in data.csv, replace all {a} with {b}']) {
      const request = lead.replace('{a}', from).replace('{b}', to);
      const command = await ws.plan(request);
      if (command && new RegExp(`s(.)${from}\\1`, 'i').test(command)) wrong.push(`${request} → ${command}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('words of names ask for no confirmation: "delete the prompts folder" is planned', async () => {
  const wrong: string[] = [];
  for (const request of ['delete the prompts folder', 'remove the confirmations directory', 'delete the folder prompts', 'delete prompts/p.txt']) {
    const result = await ws.result(request);
    if (result.abstained || (result.rejected ?? []).some((r) => /without asking/.test(r.reason))) wrong.push(`${request} → ${result.command || 'abstained'}: ${(result.rejected ?? []).map((r) => r.reason).join('; ')}`);
  }
  assert.deepEqual(wrong, []);
});
