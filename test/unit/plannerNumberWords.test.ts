// Amounts said in words are read whole, wherever an amount is read: ages,
// sizes, hours and counts. "older than twenty one days" is 21 days, never one;
// an amount whose words make no number is not read as another amount.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { spelledAmount } from '../../server/src/planner/numberWords';
import { readIntent } from '../../server/src/planner/intent';
import { readRequest, type WorkspaceNames } from '../../server/src/planner/requestFacts';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

const ws: WorkspaceNames = { files: new Set(['logs/app.log', 'notes.txt']), dirs: new Set(['logs', 'old']), byBase: new Map([['app.log', 'logs/app.log']]) };

test('a number said in several words is one amount', () => {
  const said: [string, number][] = [
    ['twenty one', 21], ['twenty-one', 21], ['thirty-one', 31], ['forty five', 45], ['sixty-four', 64], ['seventy two', 72], ['eighty', 80],
    ['ninety', 90], ['nineteen', 19], ['one hundred and twenty', 120], ['a hundred', 100], ['five hundred', 500], ['three hundred sixty-five', 365],
    ['two thousand', 2000], ['a dozen', 12], ['half a dozen', 6], ['two dozen', 24], ['a couple of', 2], ['fourteen', 14],
  ];
  for (const [words, n] of said) assert.equal(spelledAmount(words), n, words);
  for (const words of ['twenty thirty', 'one two', 'fifteen five', 'hundred hundred']) assert.ok(Number.isNaN(spelledAmount(words)), words);
});

test('ages in words are read whole, in days, hours and weeks', () => {
  const ages: [string, number, string][] = [
    ['remove the .log files in logs that are older than twenty one days', 21, 'days'],
    ['purge logs older than thirty-one days', 31, 'days'],
    ['compress the .log files in logs older than forty-five days', 45, 'days'],
    ['delete anything in logs older than sixty days', 60, 'days'],
    ['wipe the logs that are more than ninety days old', 90, 'days'],
    ['move .log files older than seventy-two hours to old', 72, 'hours'],
    ['delete the .log files in logs older than a dozen days', 12, 'days'],
    ['delete logs older than a couple of weeks', 2, 'weeks'],
    ['archive the files in logs older than one hundred and twenty days', 120, 'days'],
    ['clean out logs older than eighty-eight minutes', 88, 'minutes'],
  ];
  for (const [request, amount, unit] of ages) {
    const d = readRequest(request, ws).durations;
    assert.deepEqual(d.map((x) => [x.amount, x.unit, x.sign]), [[amount, unit, '+']], request);
  }
});

test('half a unit is half of it, and "not touched for a fortnight" is older than two weeks', () => {
  const spans: [string, number, string, string][] = [
    ['delete the .log files in logs not touched for half a year', 6, 'months', ''],
    ['purge logs older than half a day', 12, 'hours', '+'],
    ['list what changed in logs within half an hour', 30, 'minutes', '-'],
    ['delete .log files in logs not touched for a fortnight', 14, 'days', '+'],
    ['remove the files in logs that have not been modified for a fortnight', 14, 'days', '+'],
    ['show the files in logs modified in the last fortnight', 14, 'days', '-'],
  ];
  for (const [request, amount, unit, sign] of spans) {
    assert.deepEqual(readRequest(request, ws).durations.map((x) => [x.amount, x.unit, x.sign]), [[amount, unit, sign]], request);
  }
});

test('sizes in words are read whole', () => {
  const sizes: [string, number][] = [
    ['delete the .log files in logs bigger than five hundred kilobytes', 500],
    ['move the files in logs larger than twenty-five megabytes to old', 25],
    ['gzip what is in logs over sixty four kilobytes', 64],
    ['list the files bigger than two thousand kilobytes', 2000],
    ['delete files in logs above forty megabytes', 40],
  ];
  for (const [request, amount] of sizes) assert.deepEqual(readRequest(request, ws).sizes.map((x) => x.amount), [amount], request);
});

test('an amount whose words make no number is no amount, and the request is not read as a task', () => {
  for (const request of ['delete the .log files in logs older than twenty twenty days', 'gzip logs bigger than fifteen five megabytes']) {
    const facts = readRequest(request, ws);
    assert.notEqual(facts.unreadAmount, undefined, request);
    assert.equal(readIntent(facts).task, false, request);
  }
});

let w: PlannerWorkspace;
before(async () => {
  w = await plannerWorkspace('numberWords', ['logs', 'old'], ['logs/app.log', 'logs/error.log', 'notes.txt']);
});
after(() => w.close());

test('a delete by age said in words keeps the age said', async () => {
  const cases: [string, RegExp][] = [
    ['delete the .log files in logs older than twenty one days', /-mtime \+21\b/],
    ['delete the .log files in logs older than ninety days', /-mtime \+90\b/],
    ['delete .log files in logs not modified for thirty-one days', /-mtime \+31\b/],
    ['delete .log files in logs not touched for a fortnight', /-mtime \+14\b/],
    ['delete .log files in logs not touched for half a year', /-mtime \+18\d\b/],
    ['delete the .log files in logs bigger than five hundred kilobytes', /-size \+500k\b/],
  ];
  for (const [request, want] of cases) {
    const r = await w.result(request);
    // Either the age or size said, or no command at all: never another amount.
    if (!r.abstained) assert.match(r.command, want, `${request} → ${r.command}`);
  }
  assert.equal((await w.result('delete the .log files in logs older than twenty twenty days')).abstained, true);
});
