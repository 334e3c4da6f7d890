// The intent reader over a large generated sample (test/bench/devset/
// guardGenerator.ts), read against the dev-set fixture's names: requests that
// only look, however a command word, another step, a purpose, a program word
// or a negated act tempts, order nothing; controls that do order an act keep
// it; requests that are no shell task are read as such. The seed is fixed so
// a failure can be repeated (PALADIN_GUARD_SEED picks another).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { buildContext } from '../../server/src/planner/context';
import { buildFixture } from '../bench/devset/fixture';
import { allFailures, describeFailures, judgeIntents, type ByClass } from '../bench/devset/guardGenerated';
import { generateGuardSample } from '../bench/devset/guardGenerator';
import { lookOnlyClasses } from '../bench/devset/guardLookOnly';

const seed = Number(process.env.PALADIN_GUARD_SEED ?? 20261130);
const sample = generateGuardSample(seed, { lookOnly: 2500, controls: 600, nonTasks: 600 });
let dir: string;
let byClass: ByClass;

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-intent-clauses-'));
  byClass = judgeIntents(sample, buildContext(buildFixture(dir)).names);
});

after(() => fs.rmSync(dir, { recursive: true, force: true }));

const only = (classes: readonly string[]): ByClass => Object.fromEntries(Object.entries(byClass).filter(([c]) => classes.includes(c)));

test(`generated look-only requests order nothing (seed ${seed})`, () => {
  const look = only(lookOnlyClasses);
  assert.equal(Object.values(look).reduce((n, r) => n + r.total, 0), sample.lookOnly.length);
  assert.deepEqual(allFailures(look).map((f) => f.request.request), [], `look-only requests read as orders:\n${describeFailures(look, 12)}`);
});

test(`generated controls keep the act they order (seed ${seed})`, () => {
  const controls = only(['control']);
  assert.equal(controls.control.total, sample.controls.length);
  assert.deepEqual(allFailures(controls).map((f) => f.request.request), [], `orders read without their act:\n${describeFailures(controls, 12)}`);
});

test(`generated non-tasks are read as no shell task (seed ${seed})`, () => {
  const nonTasks = only(['non-task']);
  assert.equal(nonTasks['non-task'].total, sample.nonTasks.length);
  assert.deepEqual(allFailures(nonTasks).map((f) => f.request.request), [], `non-tasks read as shell tasks:\n${describeFailures(nonTasks, 12)}`);
});
