// Files joined into one place ("join / concatenate / combine / glue / stitch
// / merge A and B [and C] into T", "append A to T"), with T a new file, an
// existing one, a folder, or not given; and looks at runs of three or more
// names. A plan from the embedded planner in a real workspace writes only T
// (or into the folder T), never changes a file it joins (`cat a.txt b.txt >
// c.txt` for "… as well as c.txt into merged", `mv a.txt b.txt out`, `touch
// a.txt`), writes nothing the request does not name (`cat a.txt b.txt > one`
// for "into one file"); a look reads every name of its run or is not planned.
// Requests are built from parts; each plan is read by the real parser.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeCommand } from '../../server/src/policy/facts';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let ws: PlannerWorkspace;
const files = ['a.txt', 'b.txt', 'c.txt', 'part1.txt', 'part2.txt', 'intro.md', 'body.md', 'end.md', 'all.txt'];

before(async () => {
  ws = await plannerWorkspace('joined-files', ['out', 'merged', 'combined'], Object.fromEntries(files.map((f) => [f, `a line of ${f}\nTODO two\n`])));
});

after(() => ws.close());

const facts = (command: string) => describeCommand(command, { workspace: ws.workspace }).commands;
const bare = (p: string) => p.replace(/^\.\/|\/$/g, '') || '.';
const changed = (command: string): string[] => facts(command).flatMap((c) => [...c.writes, ...c.deletes]).map((p) => bare(p.path)).filter((p) => !p.startsWith('/dev/'));
const touched = (command: string): string[] => facts(command).filter((c) => /^(?:touch|chown|chmod|mv|rm)$/.test(c.program)).flatMap((c) => c.positionals.map(bare));
const words = (command: string): string[] => facts(command).flatMap((c) => [...c.args, ...c.redirects.map((r) => r.target)]).map(bare);

const joiners: ((n: string[]) => string)[] = [
  (n) => `${n.slice(0, -1).join(', ')} as well as ${n[n.length - 1]}`,
  (n) => `${n.slice(0, -1).join(', ')} and ${n[n.length - 1]}`,
  (n) => n.join(' plus '),
  (n) => `${n.slice(0, -1).join(', ')}, and ${n[n.length - 1]}`,
];
const verbs = ['join', 'concatenate', 'combine', 'glue', 'stitch', 'merge'];
const places: [string, string | undefined][] = [['into joined.txt', 'joined.txt'], ['into all.txt', 'all.txt'], ['into one file called result.md', 'result.md'], ['into a new file out/x.txt', 'out/x.txt'], ['into merged', 'merged'], ['into the out folder', 'out'], ['into one file', undefined], ['', undefined]];
const sources = (k: number): string[] => [files[k % 8], files[(k + 3) % 8], ...(k % 2 ? [files[(k + 5) % 8]] : [])];

test('a join writes only its place, and never a file it joins', async () => {
  const wrong: string[] = [];
  let n = 0;
  for (let k = 0; k < 64; k++) {
    const names = sources(k);
    const [place, target] = places[k % places.length];
    const request = `${verbs[k % verbs.length]} ${joiners[(k >> 1) % joiners.length](names)} ${place}`.trim();
    const command = await ws.plan(request);
    n++;
    if (!command) continue;
    const all = [...changed(command), ...touched(command)];
    const bad = all.filter((p) => names.includes(p) || !(target && (p === target || p.startsWith(`${target}/`))));
    if (bad.length) wrong.push(`${request} → ${command}`);
  }
  assert.ok(n >= 60, `${n} requests`);
  assert.deepEqual(wrong, []);
});

test('appending a file to another never writes the file appended', async () => {
  const wrong: string[] = [];
  for (const [k, f] of files.slice(0, 8).entries()) {
    for (const form of ['append {f} to {t}', 'append the contents of {f} to {t}', 'append {f} onto {t}']) {
      const t = ['all.txt', 'merged', 'out'][k % 3];
      const request = form.replace('{f}', f).replace('{t}', t);
      const command = await ws.plan(request);
      if (command && [...changed(command), ...touched(command)].some((p) => p === f || !(p === t || p.startsWith(`${t}/`)))) wrong.push(`${request} → ${command}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('a look at a run of three or more names reads each of them, or is not planned', async () => {
  const looks = ['search {l} for TODO', 'count the lines in {l}', 'show {l}', 'what is in {l}', 'show the first line of {l}', 'how many lines are in {l}'];
  const wrong: string[] = [];
  let planned = 0;
  for (let k = 0; k < 36; k++) {
    const names = [files[k % 8], files[(k + 2) % 8], files[(k + 5) % 8], ...(k % 3 === 0 ? [files[(k + 7) % 8]] : [])];
    const request = looks[k % looks.length].replace('{l}', joiners[k % joiners.length](names));
    const command = await ws.plan(request);
    if (!command) continue;
    planned++;
    if (changed(command).length || !names.every((f) => words(command).includes(f))) wrong.push(`${request} → ${command}`);
  }
  assert.ok(planned >= 12, `${planned} planned`);
  assert.deepEqual(wrong, []);
});
