// Where output is written and what a copy may write over: "write the
// differences between "a" and "b" to "out"" writes out, named in quotes even
// without an extension; "copy a.txt to b.txt except if b.txt already exists"
// keeps b.txt when it is there ("except if" states a condition, it excepts
// no file). Requests are generated; each plan is run by bash on a scratch
// tree, with and without the file already there.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let ws: PlannerWorkspace;
before(async () => {
  ws = await plannerWorkspace('saved-kept', [], []);
});
after(() => ws.close());

/** Runs `command` in a scratch folder holding `files`; returns what each file holds after. */
function run(command: string, files: Record<string, string>): Record<string, string> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-saved-kept-'));
  try {
    for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(root, f), text);
    // (diff exits 1 when the files differ: what it wrote is what counts.)
    spawnSync('bash', ['-c', command], { cwd: root, stdio: 'pipe' });
    return Object.fromEntries(fs.readdirSync(root).map((f) => [f, fs.readFileSync(path.join(root, f), 'utf8')]));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

test('output written to a file named in quotes, with or without an extension, lands in that file', async () => {
  const wrong: string[] = [];
  const verbs = ['write', 'save', 'store', 'output'];
  const targets = ['file3', 'diffs', 'out.txt', 'report'];
  const quotes = ['"', "'", '`'];
  for (const [i, verb] of verbs.entries()) {
    for (const [j, target] of targets.entries()) {
      const q = quotes[(i + j) % quotes.length];
      // ("write the differences between one and two" alone may be an essay: the files are said as files.)
      const request = `${verb} ${['the differences between the files', 'differences between files', 'the diff of the files'][(i + j) % 3]} "one" and "two" to ${q}${target}${q}`;
      const command = await ws.plan(request);
      const after = command ? run(command, { one: 'a\nb\n', two: 'a\nc\n' }) : {};
      const written = after[target] ?? '';
      if (!command || !/^[-<]\s?b$/m.test(written) || !/^[+>]\s?c$/m.test(written)) wrong.push(`${request} → ${command || 'abstained'}: ${JSON.stringify(written)}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('a copy told "except if" or "unless" the target exists keeps the target that is there and copies when it is not', async () => {
  const wrong: string[] = [];
  const conditions = ['except if {t} already exists', 'except if {t} exists', 'unless {t} already exists', 'except when {t} exists'];
  const pairs: [string, string, string][] = [['a.txt', 'b.txt', ''], ['src', 'dest', "'"], ['notes.md', 'copy.md', '"']];
  for (const [i, condition] of conditions.entries()) {
    for (const [j, [from, to, q]] of pairs.entries()) {
      const request = `${['copy', 'Copy file', 'copy the file'][(i + j) % 3]} ${q}${from}${q} to ${q}${to}${q}, ${condition.replace('{t}', `${q}${to}${q}`)}`;
      const command = await ws.plan(request);
      if (!command) continue; // abstaining is allowed; writing over the target is not
      const kept = run(command, { [from]: 'new\n', [to]: 'old\n' });
      const made = run(command, { [from]: 'new\n' });
      if (kept[to] !== 'old\n' || made[to] !== 'new\n') wrong.push(`${request} → ${command}: kept ${JSON.stringify(kept[to])}, made ${JSON.stringify(made[to])}`);
    }
  }
  assert.deepEqual(wrong, []);
});
