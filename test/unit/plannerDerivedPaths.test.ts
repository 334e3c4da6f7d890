// A name made from each file a loop or a find goes through stays in the
// folder searched only when it is the file's own path trimmed at its end
// (`${f%.mkv}.avi`, `${f%/*}/…`). Targets are generated from trims, cuts,
// swaps, outputs and other folders, inside loops and `find -exec sh -c`,
// and each is both screened against "rename the .mkv files in docs to .avi"
// and run by bash on a scratch tree: the screen accepts a plan exactly when
// running it keeps every file inside docs.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { before, test } from 'node:test';
import { exceedsIntent } from '../../server/src/planner/effectCheck';
import { readIntent } from '../../server/src/planner/intent';
import { nameSwap } from '../../server/src/planner/nameSubstitutions';
import { emptyWorkspace, readRequest } from '../../server/src/planner/requestFacts';
import { createPolicyEngine, type PolicyEngine } from '../../server/src/policy';

let engine: PolicyEngine;
before(async () => {
  engine = await createPolicyEngine();
});

// New names for the file in $V, as a plan may write them.
const targets = [
  '"${V%.mkv}.avi"', '"${V%.*}.avi"', '"${V%/*}/new.avi"', // trimmed at the end: inside
  '"${V##*/}.avi"', '"${V#docs/}.avi"', '"$(basename "$V" .mkv).avi"', '"${V/docs/out}"', '"${V%%/*}.avi"', '"$TMPDIR/x.avi"', '"$HOME/x.avi"', // elsewhere
];
const wrappers: [string, (body: string) => string][] = [
  ['loop', (body) => `for f in docs/*.mkv; do ${body}; done`],
  ['find', (body) => `find docs -type f -name '*.mkv' -exec sh -c 'for f; do ${body}; done' sh {} +`],
];

function staysInside(command: string): boolean {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-derived-'));
  try {
    fs.mkdirSync(path.join(root, 'docs'));
    fs.mkdirSync(path.join(root, 'out'));
    fs.mkdirSync(path.join(root, 'tmp'));
    for (const f of ['a.mkv', 'b.mkv']) fs.writeFileSync(path.join(root, 'docs', f), 'x\n');
    execFileSync('bash', ['-c', command], { cwd: root, stdio: 'pipe', env: { ...process.env, TMPDIR: path.join(root, 'tmp'), HOME: path.join(root, 'tmp') } });
    const outside = [...fs.readdirSync(root).filter((e) => e !== 'docs' && e !== 'out' && e !== 'tmp'), ...fs.readdirSync(path.join(root, 'out')), ...fs.readdirSync(path.join(root, 'tmp'))];
    return outside.length === 0 && fs.readdirSync(path.join(root, 'docs')).length === 2;
  } catch {
    return false;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

test('a derived name is inside the folder searched exactly when running the plan keeps the files there', () => {
  const intent = readIntent(readRequest('rename the .mkv files in docs to .avi', { ...emptyWorkspace, dirs: new Set(['docs']) }));
  assert.deepEqual(intent.scope, ['docs']);
  const wrong: string[] = [];
  let accepted = 0;
  for (const [name, wrap] of wrappers) {
    for (const target of targets) {
      const command = wrap(`mv -n -- "$f" ${target.replace(/\$\{V/g, '${f').replace(/"\$V"/g, '"$f"')}`);
      const reasons = exceedsIntent(intent, engine.judge(command, { workspace: '/w', facts: true }), command);
      const outside = reasons.some((r) => /outside docs/.test(r));
      if (!outside) accepted++;
      if (outside === staysInside(command)) wrong.push(`${name}: ${command} — screen says ${outside ? 'outside' : 'inside'}`);
    }
  }
  assert.ok(accepted >= 4, `${accepted} accepted`);
  assert.deepEqual(wrong, []);
});

test('a swap of text in files, of one name, or of several parts is not read as a swap in file names', () => {
  const ws = { ...emptyWorkspace, dirs: new Set(['docs', 'src']) };
  for (const request of [
    'replace foo with bar in the files under src, keeping the file names',
    'replace foo with bar in the text of every file under src',
    'replace foo with bar inside all files under src whose file names end in .ts',
    'rename docs to documents',
    'rename foo to bar in every file under src',
    'replace foo with bar and baz with qux in the file names',
    'replace spaces with nothing in the file names',
  ]) assert.equal(nameSwap(readRequest(request, ws)), undefined, request);
  assert.deepEqual(nameSwap(readRequest('rename all files in docs replacing foo with bar, then list them', ws)), { old: 'foo', new: 'bar' });
});

test('a request to replace text is never planned with a command that only deletes', () => {
  const intent = readIntent(readRequest('replace foo with bar inside all files under src whose names end in .ts', emptyWorkspace));
  for (const command of ["find src -type f -name '*.ts' -delete", "find src -name '*.ts' -exec rm -f -- {} +", 'rm -rf src']) {
    const reasons = exceedsIntent(intent, engine.judge(command, { workspace: '/w', facts: true }), command);
    assert.ok(reasons.some((r) => /only deletes/.test(r)), `${command}: ${reasons.join('; ')}`);
  }
});
