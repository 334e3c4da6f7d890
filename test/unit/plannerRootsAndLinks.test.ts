// Where a find starts and what it tests of links: several folders named
// together ("under /a /b and /c") are each a start point; links asked for
// by where they point ("symbolic links to files whose pathnames contain
// x", "the symlinks whose target contains x") are tested with -lname;
// "links" alone are symbolic links, hard links are found by inode; a list
// of "the files of size 0 bytes" keeps only the empty ones; "the current
// script" is "$0". Requests are built from parts, and every plan is run by
// bash on a scratch tree and its output checked entry by entry.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { exceedsIntent } from '../../server/src/planner/effectCheck';
import { rootRuns } from '../../server/src/planner/findRoots';
import { readIntent } from '../../server/src/planner/intent';
import { emptyWorkspace, readRequest } from '../../server/src/planner/requestFacts';
import { createPolicyEngine, type PolicyEngine } from '../../server/src/policy';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let ws: PlannerWorkspace;
let engine: PolicyEngine;
let root: string;
before(async () => {
  engine = await createPolicyEngine();
  ws = await plannerWorkspace('roots-links', ['src', 'docs', 'links'], ['notes.txt', 'src/a.ts', 'docs/guide.md']);
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-roots-')));
  // Three folders to name together and one never named, each with a .txt, a .log and an empty .txt.
  for (const d of ['alpha', 'beta', 'gamma', 'other']) {
    fs.mkdirSync(path.join(root, d, 'deep'), { recursive: true });
    fs.writeFileSync(path.join(root, d, `${d}.txt`), 'x\n');
    fs.writeFileSync(path.join(root, d, 'deep', `${d}.log`), 'x\n');
    fs.writeFileSync(path.join(root, d, `${d}-empty.txt`), '');
  }
  // Links: two whose targets hold "keep", two that do not, one file with two names.
  fs.mkdirSync(path.join(root, 'lib'));
  for (const t of ['libkeep.so.1', 'libother.so.1', 'keepme.cfg']) fs.writeFileSync(path.join(root, t), 'x\n');
  fs.symlinkSync(path.join(root, 'libkeep.so.1'), path.join(root, 'lib', 'a.so'));
  fs.symlinkSync('../keepme.cfg', path.join(root, 'lib', 'b.cfg'));
  fs.symlinkSync(path.join(root, 'libother.so.1'), path.join(root, 'lib', 'c.so'));
  fs.symlinkSync('../alpha/alpha.txt', path.join(root, 'lib', 'd.txt'));
  fs.writeFileSync(path.join(root, 'lib', 'plain.txt'), 'x\n');
  fs.linkSync(path.join(root, 'lib', 'plain.txt'), path.join(root, 'lib', 'second-name.txt'));
});
after(() => {
  ws.close();
  fs.rmSync(root, { recursive: true, force: true });
});

/** What `command` prints when bash runs it in the scratch tree, one line each, sorted. */
function run(command: string, cwd = root): string[] {
  return execFileSync('bash', ['-c', command], { cwd, encoding: 'utf8', stdio: 'pipe' }).split('\n').filter(Boolean).sort();
}

const joiners: ((places: string[]) => string)[] = [
  (p) => p.join(' '),
  (p) => `${p.slice(0, -1).join(', ')} and ${p.at(-1)}`,
  (p) => p.join(', '),
  (p) => `${p.slice(0, -1).join(' ')} and ${p.at(-1)}`,
];

test('folders named together are each a start point, and nothing outside them is listed', async () => {
  const wrong: string[] = [];
  let n = 0;
  const kinds = [['the .txt files', /\.txt$/], ['all *.log files', /\.log$/], ['all files', /./]] as const;
  const leads = ['list', 'find', 'show me', 'display'];
  const preps = ['under', 'in', 'in the folders', 'inside'];
  for (const [i, lead] of leads.entries()) {
    for (const [j, [kind, shape]] of kinds.entries()) {
      for (const [k, join] of joiners.entries()) {
        const named = ['alpha', 'beta', 'gamma'].slice(0, 2 + ((i + k) % 2)).map((d) => path.join(root, d));
        const request = `${lead} ${kind} ${preps[(i + j + k) % preps.length]} ${join(named)}`;
        const command = await ws.plan(request);
        n++;
        if (!command) {
          wrong.push(`${request} → abstained`);
          continue;
        }
        const out = run(command);
        const missing = named.filter((d) => !out.some((l) => l.startsWith(`${d}/`)));
        const stray = out.filter((l) => !named.some((d) => l === d || l.startsWith(`${d}/`)) || (!fs.statSync(l).isDirectory() && !shape.test(l)));
        if (missing.length > 0 || stray.length > 0) wrong.push(`${request} → ${command}: missing ${missing.join(', ')}; stray ${stray.slice(0, 3).join(', ')}`);
      }
    }
  }
  assert.ok(n >= 40, `only ${n} requests`);
  assert.deepEqual(wrong, []);
});

test('a run of places is read only after a word of where, and a source and a destination are no run', () => {
  assert.deepEqual(rootRuns('list the jar files under /usr, /home and /tmp directory'), [['/usr', '/home', '/tmp']]);
  assert.deepEqual(rootRuns('find a file named x under /opt /usr /var those directories'), [['/opt', '/usr', '/var']]);
  assert.deepEqual(rootRuns('files in $SRC and ~/work'), [['$SRC', '~/work']]);
  for (const request of ['copy the logs from /var/log to /tmp', 'move /a/x.txt to /b', 'compare /etc/hosts with /tmp/hosts', 'list the files in /srv']) assert.deepEqual(rootRuns(request), [], request);
});

test('links asked for by where they point are tested with -lname, and only those links are listed', async () => {
  const wrong: string[] = [];
  const phrasings = [
    (w: string) => `find symbolic links in lib to files whose pathnames contain "${w}"`,
    (w: string) => `list the symlinks in lib pointing to files whose names contain "${w}"`,
    (w: string) => `show the symlinks in lib whose target contains "${w}"`,
    (w: string) => `find all soft links under lib that point to files whose paths contain ${w}`,
  ];
  for (const phrase of phrasings) {
    for (const [word, want] of [['keep', ['lib/a.so', 'lib/b.cfg']], ['other', ['lib/c.so']]] as const) {
      const request = phrase(word);
      const command = await ws.plan(request);
      if (!/ -lname /.test(command)) {
        wrong.push(`${request} → ${command || 'abstained'}`);
        continue;
      }
      const out = run(command).map((l) => l.replace(/^\.\//, ''));
      if (JSON.stringify(out) !== JSON.stringify([...want])) wrong.push(`${request} → ${command}: ${out.join(', ')}`);
    }
  }
  assert.deepEqual(wrong, []);
  // Links named by their own names keep -name.
  assert.match(await ws.plan('find the symlinks named foo in src'), /^find src -type l -name foo$/);
});

test('"links" alone are symbolic links; hard links are found by inode and counted by stat', async () => {
  const wrong: string[] = [];
  for (const request of ['list all the file links', 'list the links in lib', 'show every link in lib', 'find all links under lib', 'display the links']) {
    const command = await ws.plan(request);
    const out = command ? run(command) : [];
    if (!/-type l\b/.test(command) || out.length !== 4 || !out.every((l) => fs.lstatSync(path.resolve(root, l)).isSymbolicLink())) wrong.push(`${request} → ${command || 'abstained'}: ${out.join(', ')}`);
  }
  assert.deepEqual(wrong, []);
  // A folder called links is a place, and hard links are no symbolic links.
  assert.match(await ws.plan('list files in the links folder'), /^ls\b.*\blinks\b|^find links\b/);
  const twin = await ws.plan('find all hard links to lib/plain.txt');
  assert.match(twin, /-samefile lib\/plain\.txt$/);
  assert.deepEqual(run(twin).map((l) => path.basename(l)), ['plain.txt', 'second-name.txt']);
  const count = await ws.plan('show the number of links of lib/plain.txt');
  assert.deepEqual(run(count), ['2 lib/plain.txt']);
  assert.deepEqual(run(await ws.plan('list files with more than one hard link in lib')).map((l) => path.basename(l)), ['plain.txt', 'second-name.txt']);
});

test('"the files of size 0 bytes" are the empty ones, and a listing of every file is set aside', async () => {
  const wrong: string[] = [];
  const leads = ['list all the files', 'show the files', 'display all files', 'list every file'];
  const sizes = ['which are of size 0 bytes', 'of size 0', 'whose size is 0 bytes', 'with zero size', 'that are 0 bytes long'];
  for (const [i, lead] of leads.entries()) {
    for (const [j, size] of sizes.entries()) {
      if ((i + j) % 2 === 1) continue;
      const place = path.join(root, ['alpha', 'beta'][(i + j) % 2]);
      const request = `${lead} in ${place} ${size}`;
      const command = await ws.plan(request);
      // (A line may give the size before the path.)
      const out = (command ? run(command) : []).map((l) => l.replace(/^\d+\s+(?=\/)/, ''));
      if (out.length === 0 || !out.every((l) => fs.statSync(l).size === 0)) wrong.push(`${request} → ${command || 'abstained'}: ${out.join(', ')}`);
    }
  }
  assert.deepEqual(wrong, []);
  for (const request of ['list all the files which are of size 0 bytes', 'show the empty files', 'list the files with nothing in them']) {
    const intent = readIntent(readRequest(request, emptyWorkspace));
    for (const listing of ['ls -lSh', 'ls -la .', 'ls']) {
      assert.ok(exceedsIntent(intent, engine.judge(listing, { workspace: '/w', facts: true }), listing).some((r) => /lists every entry/.test(r)), `${request}: ${listing} kept`);
    }
  }
  // A folder asked about may be answered by its listing.
  assert.match(await ws.plan('is the src folder empty?'), /^ls\b.*\bsrc$/);
});

test('"the current script" is $0: its absolute path and its folder, run from a script', async () => {
  const wrong: string[] = [];
  const script = path.join(root, 'alpha', 'deep', 'run.sh');
  const cases: [string, string][] = [
    ['print the absolute path of the current script', script],
    ['save the absolute path of the current script to variable SELF', ''],
    ['print the folder where the current script is located', path.dirname(script)],
    ['show the directory where the executing script is located', path.dirname(script)],
    ['print the full path of this script', script],
  ];
  for (const [request, want] of cases) {
    const command = await ws.plan(request);
    if (!/"\$0"/.test(command)) {
      wrong.push(`${request} → ${command || 'abstained'}`);
      continue;
    }
    // Run from elsewhere, by its path, as a script would be.
    fs.writeFileSync(script, `${command}\n${want ? '' : 'echo "$SELF"\n'}`);
    // (The folder is printed as the script was called, here relative to where it ran.)
    const out = execFileSync('bash', [path.relative(root, script)], { cwd: root, encoding: 'utf8' }).trim();
    if (path.resolve(root, out) !== (want || script)) wrong.push(`${request} → ${command}: ${out}`);
  }
  assert.deepEqual(wrong, []);
  // Running the script again names no path of it.
  assert.doesNotMatch(await ws.plan('run the current script again'), /\$0/);
});

test('an absolute path is readlink -f, which resolves the links on the way', async () => {
  for (const request of ['print the absolute path of lib/d.txt', 'what is the real path of lib/d.txt', 'canonical path of lib/d.txt please']) {
    const command = await ws.plan(request);
    assert.match(command, /^readlink -f lib\/d\.txt$/, request);
    assert.deepEqual(run(command), [path.join(root, 'alpha', 'alpha.txt')]);
  }
});

test('"not changed in a month" is an age the request states, however far the folders push it from its verb', () => {
  for (const places of ['/var/log', '/var/log /tmp', '/var/log /tmp /srv/data/archive', '$LOGDIR and $TMPDIR']) {
    for (const verb of ["haven't changed", 'were not modified', 'have not been accessed']) {
      const request = `list files larger than 10MB under ${places} that ${verb} in a month`;
      const intent = readIntent(readRequest(request, emptyWorkspace));
      assert.equal(intent.stated?.age, true, request);
      const reasons = exceedsIntent(intent, engine.judge('find /var/log -type f -size +10M', { workspace: '/w', facts: true }), 'find /var/log -type f -size +10M');
      assert.ok(reasons.some((r) => /leaves out the age/.test(r)), `${request}: ${reasons.join('; ')}`);
    }
  }
});

test('a look that leaves a folder out lists nothing under it, and a find that keeps nothing out is set aside', async () => {
  const wrong: string[] = [];
  let n = 0;
  const leads = ['list all the files', 'display all files', 'show the .txt files', 'find all files'];
  const outs = [
    (d: string) => `excluding those that are present in the folder ${d}`,
    (d: string) => `excluding those in the path of ${d}`,
    (d: string) => `except the ${d} folder`,
    (d: string) => `but not the ones in ${d}`,
    (d: string) => `excluding the ${d} directory`,
  ];
  for (const [i, lead] of leads.entries()) {
    for (const [j, out] of outs.entries()) {
      const [place, left] = (i + j) % 2 === 0 ? [path.join(root, 'alpha'), 'deep'] : [root, 'beta'];
      const request = `${lead} in ${place} ${out(left)}`;
      const command = await ws.plan(request);
      n++;
      const lines = command ? run(command) : [];
      const leftOut = lines.filter((l) => l.split('/').includes(left));
      if (lines.length === 0 || leftOut.length > 0) wrong.push(`${request} → ${command || 'abstained'}: ${leftOut.slice(0, 2).join(', ')}`);
    }
  }
  assert.ok(n >= 20);
  assert.deepEqual(wrong, []);
  const judged = (request: string, command: string) => exceedsIntent(readIntent(readRequest(request, emptyWorkspace)), engine.judge(command, { workspace: '/w', facts: true }), command);
  for (const out of outs) {
    const request = `list all the files in docs ${out('old')}`;
    assert.ok(judged(request, 'find docs -type f').some((r) => /keeps out nothing/.test(r)), request);
    assert.deepEqual(judged(request, "find docs -type f -not -path '*/old/*'").filter((r) => /keeps out nothing/.test(r)), [], request);
  }
  // Words after "excluding" that leave no entry out, or a kind the find's -type already keeps out.
  for (const request of ['list the .c files in src ignoring the case', 'find the files in src ignoring errors', 'list all files under / excluding other partitions', 'display the files in src excluding directories', 'list each file in src excluding symbolic links']) {
    assert.deepEqual(judged(request, "find src -type f -name '*.c'").filter((r) => /keeps out nothing/.test(r)), [], request);
  }
  assert.doesNotMatch(await ws.plan('find the .c files in src ignoring errors'), /errors/);
  // The folder left out is never where the walk starts.
  for (const request of ['list all files excluding those that are present in the folder beta', 'show all files except the ones in the directory beta']) {
    const command = await ws.plan(request);
    const lines = command ? run(command) : [];
    assert.ok(lines.length > 0 && lines.every((l) => !l.split('/').includes('beta')), `${request} → ${command}: ${lines.slice(0, 3).join(', ')}`);
  }
});

/**
 * `command` run by bash in a fresh copy of the scratch tree (its absolute
 * paths made the copy's), after `prepare`, then `check` on what is left; the
 * copy is removed after.
 */
function runInCopy(command: string, check: (dir: string) => void, prepare?: (dir: string) => void): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-roots-copy-'));
  execFileSync('cp', ['-a', `${root}/.`, dir]);
  try {
    prepare?.(dir);
    execFileSync('bash', ['-c', command.split(root).join(dir)], { cwd: dir, stdio: 'pipe' });
    check(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('an act never starts in more folders than its own clause names, and a move keeps its direction', async () => {
  const wrong: string[] = [];
  for (const [request, untouched] of [
    ['delete the .txt files in ./alpha and show disk usage in ./alpha and ./beta', 'beta/beta.txt'],
    ['delete *.log in ./alpha, then list what is left in ./alpha ./gamma', 'gamma/deep/gamma.log'],
    ['copy all .txt files in ./alpha ./gamma', 'gamma/gamma.txt'],
  ] as const) {
    const command = await ws.plan(request);
    if (!command) continue;
    if (/^find \S+ \.\/(?:beta|gamma)\b/.test(command)) wrong.push(`${request} → ${command}`);
    runInCopy(command, (dir) => {
      if (!fs.existsSync(path.join(dir, untouched))) wrong.push(`${request} → ${command}: ${untouched} gone`);
    });
  }
  // Several folders of one act are start points before any test (find refuses a path after one).
  for (const request of ['remove empty directories in ./alpha and ./beta', 'delete the empty folders under ./alpha, ./beta and ./gamma']) {
    const command = await ws.plan(request);
    assert.match(command, /^find \.\/alpha \.\/beta (?:\.\/gamma )?-/, request);
    runInCopy(command, (dir) => {
      assert.equal(fs.existsSync(path.join(dir, 'beta', 'hollow')), false, `${request} → ${command}`);
    }, (dir) => fs.mkdirSync(path.join(dir, 'beta', 'hollow')));
  }
  assert.deepEqual(wrong, []);
});

test('the file whose hard links are deleted is never deleted itself', async () => {
  const wrong: string[] = [];
  for (const request of ['delete the hard links to lib/plain.txt', 'find files that are hard links of lib/plain.txt and delete them', 'remove every hard link of lib/plain.txt', 'get rid of the hard links for lib/plain.txt']) {
    const command = await ws.plan(request);
    if (!command) continue;
    runInCopy(command, (dir) => {
      if (!fs.existsSync(path.join(dir, 'lib', 'plain.txt'))) wrong.push(`${request} → ${command}: lib/plain.txt gone`);
    });
  }
  assert.deepEqual(wrong, []);
  const intent = readIntent(readRequest('delete the hard links to notes.txt', emptyWorkspace));
  for (const command of ['rm -- notes.txt', 'find . -samefile notes.txt -delete', 'find notes.txt -type f -links +1 -delete']) {
    assert.ok(exceedsIntent(intent, engine.judge(command, { workspace: '/w', facts: true }), command).some((r) => /notes\.txt itself/.test(r)), command);
  }
  assert.deepEqual(exceedsIntent(intent, engine.judge('find . -samefile notes.txt ! -path ./notes.txt -delete', { workspace: '/w', facts: true }), 'x').filter((r) => /itself/.test(r)), []);
});

test('emptiness kept out, added, or turned down by "larger than 0" picks the files the request means', async () => {
  const wrong: string[] = [];
  const place = path.join(root, 'alpha');
  // Deletes that keep the empty files: run, the empty file stays and the full one goes (or Paladin abstains).
  for (const request of [`delete the files in ${place} except the 0 byte ones`, `delete the files in ${place} but keep the empty ones`, `delete the files in ${place} that are not 0 bytes`, `remove all files in ${place} excluding empty files`, `delete the non-empty files in ${place}`]) {
    const command = await ws.plan(request);
    if (!command) continue;
    runInCopy(command, (dir) => {
      if (!fs.existsSync(path.join(dir, 'alpha', 'alpha-empty.txt'))) wrong.push(`${request} → ${command}: the empty file gone`);
    });
  }
  // Looks: "larger than 0 bytes" lists no empty file; "including empty ones" lists the full ones too.
  for (const request of [`list files in ${place} larger than 0 bytes`, `show the files in ${place} bigger than zero bytes`]) {
    const command = await ws.plan(request);
    const out = command ? run(command) : [];
    if (out.length === 0 || out.some((l) => fs.statSync(l).size === 0)) wrong.push(`${request} → ${command || 'abstained'}: ${out.join(', ')}`);
  }
  for (const request of [`list the files in ${place} including empty ones`, `list all files in ${place}, even the empty ones`]) {
    const command = await ws.plan(request);
    if (command && !run(command).some((l) => l.endsWith('alpha.txt'))) wrong.push(`${request} → ${command}: the full files left out`);
  }
  assert.deepEqual(wrong, []);
});

test('a count of links is a condition only when the request states one, and words that leave no entry out keep nothing out', async () => {
  const judged = (request: string, command: string) => exceedsIntent(readIntent(readRequest(request, { ...emptyWorkspace, dirs: new Set(['links']) })), engine.judge(command, { workspace: '/w', facts: true }), command);
  assert.ok(judged('delete all files in links', 'find links -type f -links +1 -delete').some((r) => /-links \+1/.test(r)));
  for (const request of ['delete the files in links with more than one hard link', 'list the files with 2 links', 'find the leaf directories']) assert.deepEqual(judged(request, 'find links -type f -links +1').filter((r) => /-links/.test(r)), [], request);
  assert.match(await ws.plan('find files with 2 links in lib'), /-links 2\b/);
  for (const request of ['find files containing foo, ignoring whitespace', 'find files excluding binary files', 'find all the files under src but not following symbolic links', 'find the files in src excluding permission errors']) {
    assert.doesNotMatch(await ws.plan(request), /-not -path '\*\/(?:whitespace|binary|following|permission)\b|! -name (?:binary|following)\b/, request);
  }
  // Link targets said with the links' own names keep each test as said.
  assert.doesNotMatch(await ws.plan('delete symlinks named foo_named that point to files whose names contain readme'), /-lname '\*foo_named'/);
});

test('a folder a clause only looks in is never changed by the plan', async () => {
  const wrong: string[] = [];
  const looks = ['list the .txt files in ./{a}', 'show the files in ./{a}', 'display what is in {a}'];
  const deletes = ['delete the ones in ./{b}', 'remove the .txt files in {b}', 'get rid of the .log files under {b}'];
  const joins = [' and ', ', then ', '; '];
  let n = 0;
  for (const [i, look] of looks.entries()) {
    for (const [j, del] of deletes.entries()) {
      const [a, b] = (i + j) % 2 === 0 ? ['alpha', 'beta'] : ['gamma', 'alpha'];
      const request = `${look.replace('{a}', a)}${joins[(i + j) % joins.length]}${del.replace('{b}', b)}`;
      const command = await ws.plan(request);
      n++;
      if (!command) continue;
      runInCopy(command, (dir) => {
        for (const f of [`${a}/${a}.txt`, `${a}/deep/${a}.log`]) if (!fs.existsSync(path.join(dir, f))) wrong.push(`${request} → ${command}: ${f} gone`);
      });
    }
  }
  assert.equal(n, 9);
  assert.deepEqual(wrong, []);
});

test('names left out by what they contain are left out, by the path when the part has a slash; "writable files" are -writable', async () => {
  const wrong: string[] = [];
  for (const [i, lead] of ['list the files', 'find all regular files', 'show the files'].entries()) {
    for (const [j, verb] of ['omitting those that contain', 'excluding those that contain', 'except the ones that have'].entries()) {
      // (A part with no slash is tested against the name alone; one with a slash against the path.)
      const [part, gone] = (i + j) % 2 === 0 ? ['alpha', (l: string) => path.basename(l).includes('alpha')] : ['beta/deep', (l: string) => path.relative(root, l).includes('beta/deep/')];
      const request = `${lead} in ${root} ${verb} ${part} in their names`;
      const command = await ws.plan(request);
      const lines = command ? run(command) : [];
      if (lines.length === 0 || lines.some(gone) || !lines.some((l) => /gamma/.test(l))) wrong.push(`${request} → ${command || 'abstained'}`);
    }
  }
  assert.deepEqual(wrong, []);
  assert.match(await ws.plan('find writable regular files omitting those that contain sites/default/files in their names'), /^find \. -type f -writable -not -path '\*sites\/default\/files\*'$/);
  assert.match(await ws.plan('find files in src that are not writable'), /^find src -type f ! -writable$/);
  // A part of a name with a slash is no place.
  assert.deepEqual(readIntent(readRequest('list the files in src with lib/old in their names', emptyWorkspace)).scope.includes('lib/old'), false);
});

test('"all directories in the folder X" are every folder below X; "top level only" keeps to X itself', async () => {
  const wrong: string[] = [];
  for (const lead of ['display all directories in the folder', 'show all the folders in', 'list all of the directories in']) {
    const place = path.join(root, 'beta');
    const all = await ws.plan(`${lead} ${place}`);
    if (!all || !run(all).includes(path.join(place, 'deep'))) wrong.push(`${lead} ${place} → ${all || 'abstained'}`);
    const top = await ws.plan(`${lead} ${root}, top level only`);
    const lines = top ? run(top) : [];
    if (lines.length === 0 || lines.some((l) => path.relative(root, l).includes('/'))) wrong.push(`${lead} ${root}, top level only → ${top || 'abstained'}`);
  }
  assert.deepEqual(wrong, []);
});

test('"below the top level" and "not at the top level" leave the top level alone', async () => {
  const wrong: string[] = [];
  for (const request of ['delete all .txt files below the top level only', 'delete all .txt files that are not at the top level', 'remove every .txt file beneath the top level', 'delete the .txt files under the top level']) {
    const command = await ws.plan(request);
    if (!command) continue;
    runInCopy(command, (dir) => {
      if (!fs.existsSync(path.join(dir, 'top.txt'))) wrong.push(`${request} → ${command}: top.txt gone`);
      if (fs.existsSync(path.join(dir, 'alpha', 'alpha.txt'))) wrong.push(`${request} → ${command}: alpha/alpha.txt kept`);
    }, (dir) => fs.writeFileSync(path.join(dir, 'top.txt'), 'x\n'));
  }
  assert.deepEqual(wrong, []);
  const intent = readIntent(readRequest('delete all .txt files below the top level', emptyWorkspace));
  assert.ok(exceedsIntent(intent, engine.judge("find . -name '*.txt' -delete", { workspace: '/w', facts: true }), 'x').some((r) => /reaches the top level/.test(r)));
  assert.equal(intent.shallow, false);
});
