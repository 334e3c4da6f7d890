// One line named by its place and an act on it ("replace line 2", "add x after
// the third line", "delete the last line"): a sed script that does another act
// there, or the act at another line, is turned away, whoever planned it. The
// cases are generated: every wording of every act at every line against every
// one-command script, each judged by what the script does to a real file (run
// by a small model of sed here), not by a list of answers.
// Also the other stated acts a model's plan can turn around: the file to be
// appended grown instead, a delete of what a move or copy made, and a tool's
// own command Paladin cannot read, for a request to look.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readIntent } from '../../server/src/planner/intent';
import { screen } from '../../server/src/planner/planGuard';
import { readRequest, type WorkspaceNames } from '../../server/src/planner/requestFacts';
import { decisionOf, effectChecks } from '../support/policyDecision';

const files = ['notes.txt', 'todo.txt', 'data.csv', 'app.db', 'out/r.txt', 'out/q.txt'];
const ws: WorkspaceNames = { files: new Set(files), dirs: new Set(['out']), byBase: new Map(files.map((f) => [f.split('/').pop() ?? f, f])) };

async function turnedAway(request: string, command: string): Promise<boolean> {
  const intent = readIntent(readRequest(request, ws));
  const { rejected } = await screen([{ command, confidence: 1, planner: 'ollama', missing: [] }], intent, async (c) => decisionOf(c, '/w'), 1, 1);
  return rejected.length > 0;
}

/** Asserts once, naming each case whose plan is turned away (true) or kept (false) other than said. */
async function expectVerdicts(cases: [request: string, command: string, away: boolean][]): Promise<void> {
  const wrong: string[] = [];
  for (const [request, command, away] of cases) if ((await turnedAway(request, command)) !== away) wrong.push(`${request} → ${command}`);
  assert.deepEqual(wrong, []);
}

const before = ['a', 'b', 'c', 'd', 'e', 'f'];

/** What one sed command at one line does to `lines`: the model of sed the cases are judged by. */
function runSed(lines: string[], at: number, cmd: string): string[] {
  const i = at - 1;
  const out = [...lines];
  if (cmd === 'd') out.splice(i, 1);
  else if (cmd === 'i') out.splice(i, 0, 'NEW');
  else if (cmd === 'a') out.splice(i + 1, 0, 'NEW');
  else if (cmd === 'c' || cmd === 's-all') out[i] = 'NEW';
  else if (cmd === 's-end') out.splice(i + 1, 0, 'NEW');
  else if (cmd === 's-start') out.splice(i, 0, 'NEW');
  return out;
}

function wanted(lines: string[], at: number, act: string): string[] {
  return runSed(lines, at, act === 'after' ? 'a' : act === 'before' ? 'i' : act === 'replace' ? 'c' : 'd');
}

const scripts: Record<string, (n: number) => string> = {
  d: (n) => `${n}d`,
  i: (n) => `${n}i NEW`,
  a: (n) => `${n}a NEW`,
  c: (n) => `${n}c NEW`,
  's-all': (n) => `${n}s/.*/NEW/`,
  's-end': (n) => `${n}s/$/\\nNEW/`,
  's-start': (n) => `${n}s/^/NEW\\n/`,
};

const spelled = (n: number): string[] => [`line ${n}`, `line number ${n}`, `the ${['', 'first', 'second', 'third', 'fourth', 'fifth'][n]} line`, `the ${n}${n === 1 ? 'st' : n === 2 ? 'nd' : n === 3 ? 'rd' : 'th'} line`];
const wordings: Record<string, ((place: string) => string)[]> = {
  after: [(p) => `add NEW after ${p} of data.csv`, (p) => `in data.csv insert a line NEW below ${p}`, (p) => `put NEW on a new line following ${p} in data.csv`],
  before: [(p) => `insert NEW before ${p} of data.csv`, (p) => `add a line NEW above ${p} in data.csv`],
  replace: [(p) => `replace ${p} of data.csv with NEW`, (p) => `change ${p} in data.csv to NEW`, (p) => `overwrite ${p} of data.csv with NEW`],
  delete: [(p) => `delete ${p} of data.csv`, (p) => `remove ${p} from data.csv`, (p) => `get rid of ${p} in data.csv`],
};

test('a sed script at a named line is held to the act the request states there, judged by what it does to the file', async () => {
  const wrong: string[] = [];
  let away = 0;
  let kept = 0;
  for (const [act, ways] of Object.entries(wordings)) {
    for (let n = 2; n <= 4; n++) {
      for (const place of spelled(n)) {
        for (const way of ways) {
          const request = way(place);
          for (const [cmd, script] of Object.entries(scripts)) {
            for (const at of [n - 1, n, n + 1]) {
              const right = JSON.stringify(runSed(before, at, cmd)) === JSON.stringify(wanted(before, n, act));
              const command = `sed -i '${script(at)}' data.csv`;
              const rejected = await turnedAway(request, command);
              if (right === rejected) wrong.push(`${request} → ${command}: ${rejected ? 'turned away' : 'shown'}`);
              if (rejected) away++;
              else kept++;
            }
          }
        }
      }
    }
  }
  assert.deepEqual(wrong.slice(0, 20), []);
  assert.ok(away > 500 && kept > 50, `${away} turned away, ${kept} kept`);
});

test('the last line: after is `$a`, before is `$i`, a delete is `$d`', async () => {
  assert.equal(await turnedAway('add a line saying end after the last line of notes.txt', "sed -i '$a end' notes.txt"), false);
  assert.equal(await turnedAway('add a line saying end after the last line of notes.txt', "sed -i '$i end' notes.txt"), true);
  assert.equal(await turnedAway('delete the last line of notes.txt', "sed -i '$d' notes.txt"), false);
  assert.equal(await turnedAway('delete the last line of notes.txt', "sed -i '$s/.*//' notes.txt"), true);
});

test('a replacement in two steps (delete, then insert there) is a replacement; two named lines hold no script to one', async () => {
  assert.equal(await turnedAway('replace line 2 of data.csv with NEW', "sed -i -e '2d' -e '2i NEW' data.csv"), false);
  assert.equal(await turnedAway('replace line 2 of data.csv with NEW', "sed -i -e '2d' -e '1a NEW' data.csv"), false);
  assert.equal(await turnedAway('delete line 2 and line 5 of data.csv', 'sed -i -e 2d -e 5d data.csv'), false);
  // A request that only shows a line is no edit: any in-place script is a write.
  assert.equal(await turnedAway('show line 2 of data.csv', "sed -n '2p' data.csv"), false);
});

const named = ['notes.txt', 'todo.txt', 'data.csv', 'out/r.txt'];
const appendWordings = [(a: string, b: string) => `append ${a} to ${b}`, (a: string, b: string) => `add the contents of ${a} to the end of ${b}`, (a: string, b: string) => `please append the file ${a} onto ${b}`, (a: string, b: string) => `tack ${a} onto the end of ${b}`];
const appenders = [(from: string, to: string) => `cat ${from} >> ${to}`, (from: string, to: string) => `tee -a ${to} < ${from}`, (from: string, to: string) => `cat -- ${from} | tee -a ${to}`];

test('an append grows the file it names last, never the file it reads', async () => {
  const wrong: string[] = [];
  for (const a of named) {
    for (const b of named.filter((x) => x !== a)) {
      for (const say of appendWordings) {
        for (const run of appenders) {
          if (await turnedAway(say(a, b), run(a, b))) wrong.push(`shown wrongly turned away: ${say(a, b)} → ${run(a, b)}`);
          if (!(await turnedAway(say(a, b), run(b, a)))) wrong.push(`reversed shown: ${say(a, b)} → ${run(b, a)}`);
        }
      }
    }
  }
  assert.deepEqual(wrong, []);
  // Text added is no file read: "append 'done' to todo.txt".
  assert.equal(await turnedAway("append 'done' to todo.txt", 'echo done >> todo.txt'), false);
});

test('what a move, rename or copy makes is not deleted after it', async () => {
  const cases: [string, string, boolean][] = [
    ['rename notes.txt to notes.md', 'mv notes.txt notes.md; rm notes.md', true],
    ['rename notes.txt to notes.md', 'mv notes.txt notes.md && rm -f -- notes.md', true],
    ['rename notes.txt to notes.md', 'mv notes.txt notes.md', false],
    ['move todo.txt to out', 'mv todo.txt out/ && rm -rf out', true],
    ['move todo.txt into out', 'mv todo.txt out/; rm out/todo.txt', true],
    ['move todo.txt to out', 'cp todo.txt out/ && rm todo.txt', false],
    ['copy data.csv to out', 'cp data.csv out/ && find out -name data.csv -delete', true],
    // Deleting is asked for: the check stands aside.
    ['copy data.csv to out and delete out/r.txt', 'cp data.csv out/ && rm out/r.txt', false],
  ];
  await expectVerdicts(cases);
});

test('a tool command Paladin cannot read is no plan for a request to look', async () => {
  assert.equal(await turnedAway('show me notes.txt', "sqlite3 app.db '.import notes.txt t'"), true);
  assert.equal(await turnedAway('list the tables in app.db', "sqlite3 app.db '.restore other.db'"), true);
  assert.equal(await turnedAway('list the tables in app.db', 'sqlite3 app.db .tables'), false);
});

test('a line act is not done by an append at the end, nor by a plan that changes nothing', async () => {
  const wrong: string[] = [];
  for (const request of ['replace line 2 of data.csv with NEW', 'add NEW after line 2 of data.csv', 'insert NEW before the first line of data.csv', 'change the third line of data.csv to NEW']) {
    for (const command of ["printf '%s\\n' NEW >> data.csv", 'echo NEW | tee -a data.csv', "sed -n '2p' data.csv", 'tail -n +3 data.csv']) {
      if (!(await turnedAway(request, command))) wrong.push(`${request} → ${command}`);
    }
  }
  assert.deepEqual(wrong, []);
  // After the last line, an append is the act itself.
  assert.equal(await turnedAway('add a line saying NEW after the last line of data.csv', "printf '%s\\n' NEW >> data.csv"), false);
});

test('text added to a file the request names is a change: a search of the file does not carry it out', () => {
  const { short } = effectChecks(ws);
  for (const request of ["add the line 'bye bye' to the end of notes.txt", "please add 'done' to todo.txt", 'insert the word hello into notes.txt']) {
    assert.match(short(request, "grep 'bye bye' notes.txt"), /changes nothing/, request);
    assert.equal(short(request, "printf '%s\\n' 'bye bye' >> notes.txt"), '', request);
  }
  // "add notes.txt to git" is a change to the repository, judged by the git checks.
  assert.equal(short('add up the numbers in data.csv', "awk -F, '{s+=$1} END {print s}' data.csv"), '');
});

test('a named line is not a range or a step of lines', async () => {
  const wrong: string[] = [];
  for (const request of ['drop line two of data.csv', 'delete the second line of data.csv', 'replace line 2 of data.csv with NEW']) {
    for (const script of ['1,2d', '2,3d', '0~2d', '2~1d', '2,+1d', '2,$d', '1,2c NEW', '0~2s/.*/NEW/']) {
      if (!(await turnedAway(request, `sed -i '${script}' data.csv`))) wrong.push(`${request} → ${script}`);
    }
  }
  assert.deepEqual(wrong, []);
  assert.equal(await turnedAway('drop line two of data.csv', "sed -i '2,2d' data.csv"), false, '2,2 is line 2');
});

test('the bottom and the top of a file, and an append, name where the text goes', async () => {
  const cases: [string, string, boolean][] = [
    ['put NEW at the bottom of notes.txt', "sed -i '1i NEW' notes.txt", true],
    ['put NEW at the bottom of notes.txt', 'echo NEW >> notes.txt', false],
    ['put NEW at the bottom of notes.txt', "sed -i '$a NEW' notes.txt", false],
    ['add NEW to the top of notes.txt', 'echo NEW >> notes.txt', true],
    ['add NEW to the top of notes.txt', "sed -i '$a NEW' notes.txt", true],
    ['add NEW to the top of notes.txt', "sed -i '1i NEW' notes.txt", false],
    ['add NEW at the very beginning of the file notes.txt', "sed -i '1s/^/NEW\\n/' notes.txt", false],
    ['append NEW to notes.txt', "sed -i '1i NEW' notes.txt", true],
    ['append a line saying NEW onto todo.txt', "sed -i '2a NEW' todo.txt", true],
    ['append NEW to notes.txt', "sed -i '$a NEW' notes.txt", false],
    // Every line's end is no place in the file.
    ["append ';' to the end of each line of notes.txt", "sed -i 's/$/;/' notes.txt", false],
  ];
  await expectVerdicts(cases);
});
