// Entries that are neither files nor folders: symbolic links, named pipes,
// sockets and devices. "list the named pipes in spool", "find all character
// devices under /dev" are planned with find's -type for that kind, and a
// plan that picks another kind is set aside. Requests are built from verbs,
// the words for each kind and the places; every plan is run by bash on a
// scratch tree (or on /dev), and what it prints is checked entry by entry.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { specialKindOf } from '../../server/src/planner/entryKinds';
import { exceedsIntent } from '../../server/src/planner/effectCheck';
import { readIntent } from '../../server/src/planner/intent';
import { emptyWorkspace, readRequest } from '../../server/src/planner/requestFacts';
import { createPolicyEngine, type PolicyEngine } from '../../server/src/policy';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let ws: PlannerWorkspace;
let engine: PolicyEngine;
before(async () => {
  engine = await createPolicyEngine();
  ws = await plannerWorkspace('entry-kinds', ['spool', 'other'], ['spool/notes.txt', 'other/readme.md']);
});
after(() => ws.close());

type Kind = 'l' | 'p' | 's' | 'c' | 'b';
const words: Record<Kind, string[]> = {
  l: ['symbolic links', 'symlinks', 'soft links'],
  p: ['named pipes', 'fifos', 'FIFO files'],
  s: ['socket files', 'unix sockets', 'unix domain sockets'],
  c: ['character devices', 'character special files', 'character device files'],
  b: ['block devices', 'block special files'],
};
const verbs = ['find', 'list', 'show', 'display', 'locate', 'search for', 'print'];
const determiners = ['all the', 'the', 'all', 'any'];
const scratchPlaces = ['in spool', 'under spool', 'inside the spool folder', 'in the directory spool'];
const devPlaces = ['under /dev', 'in /dev'];

/** Whether `entry` (as find printed it, from `cwd`) is of the kind. */
function isKind(entry: string, kind: Kind, cwd: string): boolean {
  const st = fs.lstatSync(path.resolve(cwd, entry));
  return { l: st.isSymbolicLink(), p: st.isFIFO(), s: st.isSocket(), c: st.isCharacterDevice(), b: st.isBlockDevice() }[kind];
}

/** A scratch tree with one entry of every kind it can make: a file, a folder, a link, a pipe and a socket in spool, and a file elsewhere. */
function scratchTree(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-kinds-'));
  fs.mkdirSync(path.join(root, 'spool', 'sub'), { recursive: true });
  fs.mkdirSync(path.join(root, 'other'));
  fs.writeFileSync(path.join(root, 'spool', 'notes.txt'), 'x\n');
  fs.writeFileSync(path.join(root, 'other', 'readme.md'), 'x\n');
  fs.symlinkSync('notes.txt', path.join(root, 'spool', 'link.txt'));
  execFileSync('mkfifo', [path.join(root, 'spool', 'queue')]);
  execFileSync('python3', ['-c', 'import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])', path.join(root, 'spool', 'app.sock')]);
  return root;
}
const made: Partial<Record<Kind, string>> = { l: 'link.txt', p: 'queue', s: 'app.sock' };

test('a request for links, pipes or sockets in a folder lists exactly the entries of that kind', async () => {
  const root = scratchTree();
  const wrong: string[] = [];
  let n = 0;
  try {
    for (const kind of ['l', 'p', 's'] as Kind[]) {
      for (const [i, word] of words[kind].entries()) {
        for (const [j, verb] of verbs.entries()) {
          if ((i + j) % 2 === 1) continue;
          const request = `${verb} ${determiners[(i + j) % determiners.length]} ${word} ${scratchPlaces[(i * 3 + j) % scratchPlaces.length]}`;
          const command = await ws.plan(request);
          n++;
          if (!command) {
            wrong.push(`${request} → abstained`);
            continue;
          }
          const out = execFileSync('bash', ['-c', command], { cwd: root, encoding: 'utf8', stdio: 'pipe' }).split('\n').filter(Boolean);
          const names = out.map((l) => path.basename(l));
          if (!names.includes(made[kind]!) || !out.every((l) => isKind(l, kind, root))) wrong.push(`${request} → ${command}: ${out.join(', ')}`);
        }
      }
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  assert.ok(n >= 30, `only ${n} requests`);
  assert.deepEqual(wrong, []);
});

test('a request for devices is planned with find -type c or -type b, and what it prints under /dev is of that kind', async () => {
  const wrong: string[] = [];
  for (const kind of ['c', 'b'] as Kind[]) {
    for (const [i, word] of words[kind].entries()) {
      for (const [j, verb] of verbs.entries()) {
        if ((i + j) % 2 === 1) continue;
        const request = `${verb} ${determiners[(i + j) % determiners.length]} ${word} ${devPlaces[(i + j) % devPlaces.length]}`;
        const command = await ws.plan(request);
        if (!new RegExp(`^find /dev .*-type ${kind}\\b`).test(command)) {
          wrong.push(`${request} → ${command || 'abstained'}`);
          continue;
        }
        const out = execFileSync('bash', ['-c', command], { encoding: 'utf8', stdio: 'pipe' }).split('\n').filter(Boolean);
        if (kind === 'c' && !out.includes('/dev/null')) wrong.push(`${request} → ${command}: /dev/null not listed`);
        const other = out.filter((l) => fs.existsSync(l) && !isKind(l, kind, '/'));
        if (other.length > 0) wrong.push(`${request} → ${command}: ${other.slice(0, 3).join(', ')}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
  // "on the system": the walk starts at the root.
  assert.match(await ws.plan('find all of the character devices on the system'), /^find \/ .*-type c\b/);
});

test('a plan that picks another kind of entry is set aside, and a kind left out or only followed is not asked for', () => {
  const kinds = ['f', 'd', 'l', 'p', 's', 'c', 'b'];
  const wrong: string[] = [];
  for (const kind of Object.keys(words) as Kind[]) {
    for (const word of words[kind]) {
      const request = `list all the ${word} in spool`;
      assert.equal(specialKindOf(request.toLowerCase()), kind, request);
      const intent = readIntent(readRequest(request, { ...emptyWorkspace, dirs: new Set(['spool']) }));
      for (const picked of kinds) {
        const command = `find spool -type ${picked}`;
        const reasons = exceedsIntent(intent, engine.judge(command, { workspace: '/w', facts: true }), command);
        const setAside = reasons.some((r) => /but the request asks for/.test(r));
        if (setAside !== (picked !== kind)) wrong.push(`${request}: ${command} ${setAside ? 'set aside' : 'kept'}: ${reasons.join('; ')}`);
      }
      // A listing of the whole folder holds every kind.
      const listing = engine.judge('ls -la spool', { workspace: '/w', facts: true });
      if (!exceedsIntent(intent, listing, 'ls -la spool').some((r) => /lists every entry/.test(r))) wrong.push(`${request}: ls -la spool kept`);
    }
  }
  assert.deepEqual(wrong, []);
  const misread: string[] = [];
  for (const lead of ['list all files in spool excluding', 'find the files under spool, ignoring', 'list all files under spool following the', 'list every file in spool without following', 'show the files under spool dereferencing']) {
    for (const word of [...words.l, 'fifos', 'sockets']) {
      const request = `${lead} ${word}`;
      if (/exclud|ignor/.test(lead) && specialKindOf(request.toLowerCase()) !== undefined) misread.push(`${request}: read as asking for that kind`);
      if (/follow|dereferenc/.test(lead) && words.l.includes(word) && specialKindOf(request.toLowerCase()) !== undefined) misread.push(`${request}: read as asking for links`);
    }
  }
  assert.deepEqual(misread, []);
});

test('"delete the broken symlinks in spool" deletes only the links whose target is gone', async () => {
  const wrong: string[] = [];
  for (const request of ['delete the broken symlinks in spool', 'remove all dangling symbolic links under spool', 'get rid of the broken soft links in spool']) {
    const command = await ws.plan(request);
    const root = scratchTree();
    try {
      fs.symlinkSync('gone.txt', path.join(root, 'spool', 'dead'));
      if (command) execFileSync('bash', ['-c', command], { cwd: root, stdio: 'pipe' });
      const left = fs.readdirSync(path.join(root, 'spool')).sort();
      if (!command || left.includes('dead') || JSON.stringify(left) !== JSON.stringify(['app.sock', 'link.txt', 'notes.txt', 'queue', 'sub'])) wrong.push(`${request} → ${command || 'abstained'}: left ${left.join(', ')}`);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }
  assert.deepEqual(wrong, []);
});
