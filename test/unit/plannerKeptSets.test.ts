// What a delete keeps out, in every way people say it ("bar the .bak files",
// "unless they're .ts", ", not the .md ones", "save today's", "keep the ones
// from the last 7 days", "but leave README.md"), is never deleted: a plan
// that picks the kept kind, adds it to the set, deletes every file of
// another kind for a set named by its own noun, deletes the kept time, or
// leaves out a kept name in another spelling is turned away, whichever
// planner wrote it; and the plans the embedded planner makes keep it too.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { WorkspaceNames } from '../../server/src/planner/requestFacts';
import { effectChecks } from '../support/policyDecision';
import { modelPlan, plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

const dirs = ['backup', 'logs', 'src', 'docs'];
const files = ['backup/notes.txt', 'backup/main.ts.bak', 'backup/data.csv.bak', 'backup/README.md', 'logs/app.log', 'logs/error.log', 'src/main.ts', 'src/util.js', 'docs/guide.md', 'README.md', 'notes.txt', 'main.ts'];
const ws: WorkspaceNames = { files: new Set([...dirs, ...files]), dirs: new Set(dirs), byBase: new Map(files.map((f) => [f.split('/').pop() ?? f, f])) };
const checks = effectChecks(ws);

const openings = ['', 'please ', 'go ahead and ', 'could you '];
// The opening words change nothing a check reads: each wording gets the next one in turn, not every one.
let turn = 0;
const opening = () => openings[turn++ % openings.length];
const verbs = ['delete', 'remove', 'get rid of', 'erase'];

// Sets named by a kind, with the test that picks them.
const kindSets: [words: string, glob: string][] = [['the .log files', '*.log'], ['the .bak files', '*.bak'], ['the csv files', '*.csv'], ['the log files', '*.log']];
// Kinds kept, as said and as a name test would pick them.
const keptKinds: [words: string, glob: string][] = [['.md', '*.md'], ['.ts', '*.ts'], ['markdown', '*.md'], ['text', '*.txt'], ['javascript', '*.js']];
// Words that keep a kind, built around it.
const keepKind: ((k: string) => string)[] = [
  (k) => `unless they're ${k}`,
  (k) => `unless they are ${k} files`,
  (k) => `, not the ${k} ones`,
  (k) => `not the ${k} ones`,
  (k) => `, not ${k} files`,
  (k) => `but leave the ${k} ones`,
  (k) => `but not the ${k} ones`,
];

function* keptKindWordings(): Generator<{ request: string; glob: string; kept: string }> {
  for (const verb of verbs) for (const [set, glob] of kindSets) for (const [kind, kept] of keptKinds) for (const keep of keepKind) {
    if (glob === kept) continue;
    const words = keep(kind);
    yield { request: `${opening()}${verb} ${set}${words.startsWith(',') ? '' : ' '}${words}`, glob, kept };
  }
}

test('a kept kind is never picked nor added to the set deleted, in every wording', () => {
  const wrong: string[] = [];
  let all = 0;
  for (const { request, glob, kept } of keptKindWordings()) {
    all += 1;
    for (const plan of [`find . -type f -name '${kept}' -delete`, `find . -type f \\( -name '${glob}' -o -name '${kept}' \\) -delete`]) if (!checks.over(request, plan)) wrong.push(`${request} → ${plan}`);
    // The right plan stays allowed.
    const right = `find . -type f -name '${glob}' ! -name '${kept}' -delete`;
    if (/changes what the request keeps|does not leave out/.test(checks.over(request, right))) wrong.push(`${request} → ${right} (turned away)`);
  }
  assert.ok(all > 400, `${all} wordings`);
  assert.deepEqual(wrong, []);
});

// Sets named by their own noun, with no name test of their own in a plan that only leaves a kind out.
const nounSets = ['the backups', 'the tests', 'the old backups', 'every backup'];
const unlessWords: ((k: string) => string)[] = [(k) => `unless they are ${k} files`, (k) => `unless they're ${k}`, (k) => `, but not ${k} files`, (k) => `, not ${k} files`];

test('a set named by its own noun is never planned as every file but the kind kept', () => {
  const wrong: string[] = [];
  for (const verb of verbs) for (const set of nounSets) for (const [kind, kept] of keptKinds) for (const words of unlessWords) {
    const said = words(kind);
    const request = `${opening()}${verb} ${set}${said.startsWith(',') ? '' : ' '}${said}`;
    const plan = `find . -type f ! -name '${kept}' -delete`;
    if (!/the request names the/.test(checks.over(request, plan))) wrong.push(`${request} → ${plan}`);
  }
  assert.deepEqual(wrong, []);
});

// Kinds kept in words alone, after the words that keep them.
const keepWords = ['bar', 'save', 'apart from', 'except', 'other than', 'but not', 'excluding'];
const kindWords: [words: string, glob: string][] = [['the markdown', '*.md'], ['the javascript', '*.js'], ['the typescript', '*.ts'], ['the backups', '*.bak'], ['the .bak files', '*.bak'], ['the .md files', '*.md']];

test('a kind kept in words is left out by its extension, never kept as a folder nor deleted', () => {
  const wrong: string[] = [];
  for (const verb of verbs) for (const folder of ['backup', 'src', 'docs']) for (const word of keepWords) for (const [kind, glob] of kindWords) {
    for (const request of [`${opening()}${verb} every file in ${folder} ${word} ${kind}`, `${opening()}${verb} everything in ${folder} ${word} ${kind}`]) {
      const noun = kind.replace(/^the /, '').replace(/ files$/, '');
      for (const plan of [`find ${folder} -type f -name '${glob}' -delete`, `find ${folder} -type f -not -path '*/${noun}' -delete`, `find ${folder} -mindepth 1 -delete`]) if (!checks.over(request, plan)) wrong.push(`${request} → ${plan}`);
      // (Other checks do not yet read "the backups" as the .bak kind, so only the checks of what is kept judge the right plan.)
      const right = `find ${folder} -type f ! -name '${glob}' -delete`;
      if (/changes what the request keeps|does not leave out/.test(checks.over(request, right))) wrong.push(`${request} → ${right} (turned away)`);
    }
  }
  assert.deepEqual(wrong, []);
});

// Times kept, and the age test that would delete exactly them.
const keptTimes: [words: string, age: string][] = [
  ['keep the ones from the last 7 days', '-mtime -7'],
  ['save today\'s', '-mtime -1'],
  ['not counting today\'s', '-mtime -1'],
  ['except the ones from this morning', '-mmin -600'],
  ['but not the newest', '-mtime -1'],
  ['but not the recent ones', '-mtime -7'],
];

test('a kept time is never the time deleted, nor left without an age test', () => {
  const wrong: string[] = [];
  for (const verb of verbs) for (const [set, glob] of [...kindSets, ['the files in backup', '*']]) for (const [time, age] of keptTimes) for (const joint of [' ', ', ']) {
    const request = `${opening()}${verb} ${set}${joint}${time}`;
    const name = glob === '*' ? '' : ` -name '${glob}'`;
    for (const plan of [`find . -type f${name} ${age} -delete`, `find . -type f${name} -delete`]) if (!checks.over(request, plan)) wrong.push(`${request} → ${plan}`);
  }
  assert.deepEqual(wrong, []);
});

// Names kept, spelled with capitals or not, and the words before them.
const keptNames: [name: string, glob: string][] = [['README.md', '*.md'], ['error.log', '*.log'], ['Main.ts', '*.ts'], ['NOTES.txt', '*.txt']];
const keepName: ((n: string) => string)[] = [(n) => `, save ${n}`, (n) => `, but leave ${n}`, (n) => ` but keep ${n}`, (n) => ` though not ${n}`, (n) => ` not including ${n}`, (n) => `, without ${n}`, (n) => ` short of ${n}`, (n) => ` except ${n}`];

test('a kept name is left out as the request spells it, and a delete of it is turned away', () => {
  const wrong: string[] = [];
  for (const verb of verbs) for (const [name, glob] of keptNames) for (const keep of keepName) {
    const request = `${opening()}${verb} the ${glob.slice(1)} files${keep(name)}`;
    const plans = [`find . -type f -name '${glob}' -delete`];
    if (name !== name.toLowerCase()) plans.push(`find . -type f -name '${glob}' ! -name ${name.toLowerCase()} -delete`);
    for (const plan of plans) if (!checks.over(request, plan)) wrong.push(`${request} → ${plan}`);
    const right = `find . -type f -name '${glob}' ! -name ${name} -delete`;
    if (checks.over(request, right)) wrong.push(`${request} → ${right} (turned away: ${checks.over(request, right)})`);
  }
  assert.deepEqual(wrong, []);
});

let w: PlannerWorkspace;
before(async () => {
  w = await plannerWorkspace('kept-sets', dirs, files);
});
after(() => w.close());

test('the embedded planner never deletes what a request keeps, and a model\'s plan that does is turned away', async () => {
  const wrong: string[] = [];
  const requests: [request: string, harm: RegExp][] = [
    ['please remove every file in backup bar the .bak files', /(?<!! )-name '\*\.bak'|-mindepth 1 -delete/],
    ['go ahead and delete the backups unless they are .ts files', /(?<!! )-name '\*\.ts'|^find \. -type f ! -name '\*\.ts'(?: -not -path '\.\/\.git\/\*')? -delete$/],
    ['remove the .bak files unless they\'re .ts', /(?<!! )-name '\*\.ts'/],
    ['delete the .log files, not the .md ones', /(?<!! )-name '\*\.md'/],
    ['delete every file in backup apart from the markdown', /-not -path '\*\/markdown|(?<!! )-name '\*\.md'/],
    ['delete the log files in logs, keep the ones from the last 7 days', /(?<!(?:!|-not) )-mtime -7/],
    ['remove the log files, save today\'s', /(?<!(?:!|-not) )-mtime -1/],
    ['remove the .md files, but leave README.md', /^(?!.*! -name README\.md)(?=.*-delete|.*\brm\b)/],
    ['remove the logs, save error.log', /^(?!.*! -name error\.log)(?=.*-delete|.*\brm\b)/],
  ];
  for (const [request, harm] of requests) {
    const command = await w.plan(request);
    if (command && harm.test(command)) wrong.push(`${request} → ${command}`);
  }
  // A model that deletes every non-.ts file for "the backups unless they are .ts files" is not followed.
  for (const [request, reply] of [
    ['go ahead and delete the backups unless they are .ts files', "find . -type f ! -name '*.ts' -delete"],
    ['remove the .bak files unless they\'re .ts', "find . -type f \\( -name '*.bak' -o -name '*.ts' \\) -delete"],
    ['remove the .md files, but leave README.md', "find . -type f -name '*.md' ! -name readme.md -delete"],
  ]) {
    const result = await modelPlan(w, request, reply);
    if (result.command === reply) wrong.push(`${request} → ${reply} (the model's plan was followed)`);
  }
  assert.deepEqual(wrong, []);
});
