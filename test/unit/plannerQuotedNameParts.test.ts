// A quoted part of names ('the files which end with ".deb"', 'starting with
// "tmp"') is a name test, never a file called .deb to read; and a slot's cue
// word counts in its other forms ("replacing all instances of 'a' with 'b'"
// fills the text replaced after "replacing", not a name said before it).
// Requests are generated from verbs, name parts, quotes and files; each plan
// is run by bash on a scratch tree.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { emptyWorkspace, readRequest } from '../../server/src/planner/requestFacts';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let ws: PlannerWorkspace;
before(async () => {
  ws = await plannerWorkspace('quoted-parts', ['pkgs'], ['pkgs/a.deb', 'pkgs/b.deb', 'pkgs/c.rpm', 'notes.txt']);
});
after(() => ws.close());

const quotes = ['"', "'", ''];
const ends = ['end with', 'ending in', 'ending with', 'that end in'];
const starts = ['start with', 'starting with', 'beginning with', 'that begin with'];

test('a quoted part of names is a name test, never a file or folder of that name', () => {
  const wrong: string[] = [];
  for (const [i, part] of ['.deb', '.tar.gz', '.bak', '~', 'tmp', 'draft_'].entries()) {
    for (const [j, q] of quotes.entries()) {
      const where = /^[.~]/.test(part) || i % 2 === 0 ? ends[(i + j) % ends.length] : starts[(i + j) % starts.length];
      const request = `display the names of all the files which ${where} ${q}${part}${q}`;
      const f = readRequest(request, emptyWorkspace);
      const asFile = [...f.files, ...f.paths, ...f.dirs].find((x) => x.value === part);
      const glob = f.globs.some((g) => g.value.replace(/\*/g, '') === part);
      if (asFile || !glob) wrong.push(`${request}: ${asFile ? `read as the file ${asFile.value}` : 'no name test'}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('a request for the files whose names end with a quoted part lists exactly those files', async () => {
  const wrong: string[] = [];
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-quoted-parts-'));
  try {
    fs.mkdirSync(path.join(root, 'pkgs'));
    for (const f of ['pkgs/a.deb', 'pkgs/b.deb', 'pkgs/c.rpm', 'notes.txt']) fs.writeFileSync(path.join(root, f), 'x\n');
    for (const [i, verb] of ['display only the file names of', 'list', 'show', 'print the names of'].entries()) {
      for (const [j, q] of quotes.entries()) {
        const request = `${verb} all the files which ${ends[(i + j) % ends.length]} ${q}.deb${q}`;
        const command = await ws.plan(request);
        if (!command) {
          wrong.push(`${request} → abstained`);
          continue;
        }
        const out = execFileSync('bash', ['-c', command], { cwd: root, encoding: 'utf8', stdio: 'pipe' }).split('\n').filter(Boolean).map((l) => path.basename(l)).sort();
        if (JSON.stringify(out) !== JSON.stringify(['a.deb', 'b.deb'])) wrong.push(`${request} → ${command}: ${out.join(', ')}`);
      }
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  assert.deepEqual(wrong, []);
});

test('"show notes.txt, replacing all instances of X with Y": the text is shown with X replaced (or the planner abstains), never as it is nor the other way round', async () => {
  const wrong: string[] = [];
  const leads = ['print {f} replacing', 'show {f}, replacing', 'display the contents of {f} replacing', 'print {f} with', 'show {f} with'];
  const amounts = ['all instances of', 'every occurrence of', 'all', 'each'];
  const pairs: [string, string][] = [['cat', 'dog'], ['foo', 'bar'], ['red', 'blue']];
  let planned = 0;
  for (const [i, lead] of leads.entries()) {
    for (const [j, amount] of amounts.entries()) {
      const [from, to] = pairs[(i + j) % pairs.length];
      const q = quotes[(i + j) % 2];
      const request = / with$/.test(lead) ? `${lead.replace('{f}', 'notes.txt')} ${amount} ${q}${from}${q} replaced by ${q}${to}${q}` : `${lead.replace('{f}', 'notes.txt')} ${amount} ${q}${from}${q} with ${q}${to}${q}`;
      const command = await ws.plan(request);
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-replacing-'));
      try {
        fs.writeFileSync(path.join(root, 'notes.txt'), `a ${from} and ${from}\nnotes.txt\n`);
        const out = command ? execFileSync('bash', ['-c', command], { cwd: root, encoding: 'utf8', stdio: 'pipe' }) : '';
        const after = fs.readFileSync(path.join(root, 'notes.txt'), 'utf8');
        const shown = `${out}${after}`;
        // Abstaining is allowed; showing the text as it is, or replaced the other way round, is not.
        if (command) planned++;
        if (command && (!shown.includes(`a ${to} and ${to}`) || !after.includes('notes.txt'))) wrong.push(`${request} → ${command}: ${JSON.stringify(out)}`);
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    }
  }
  assert.deepEqual(wrong, []);
  assert.ok(planned >= (leads.length * amounts.length) / 2, `only ${planned} of ${leads.length * amounts.length} planned`);
});

test('a quoted name after "the mime type of", "the md5 sum of", "the size of" is the file asked about', async () => {
  const wrong: string[] = [];
  // (A bare quoted word after "the md5 sum of" may be the text to hash; "the file" or an extension says it is a file.)
  const asks: [string, RegExp][] = [['display the mimetype of {q}', /^file\b/], ['show the mime type of {q}', /^file\b/], ['calculate the md5 sum of the file {q}', /^md5sum\b/], ['print the md5 checksum of {q} and only the hash', /^md5sum\b/], ['print the size of {q}', /^(?:stat|du|wc|ls)\b/]];
  for (const [i, [ask, program]] of asks.entries()) {
    for (const [j, name] of (/md5/.test(ask) && !/the file/.test(ask) ? ['data.bin', 'archive.zip'] : ['filename', 'report', 'data.bin']).entries()) {
      const q = quotes[(i + j) % 2];
      const request = ask.replace('{q}', `${q}${name}${q}`);
      const command = await ws.plan(request);
      if (!program.test(command) || !new RegExp(`(?:^|\\s)'?${name.replace('.', '\\.')}'?(?:\\s|$)`).test(command)) wrong.push(`${request} → ${command || 'abstained'}`);
    }
  }
  assert.deepEqual(wrong, []);
});
