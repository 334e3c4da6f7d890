// "what date was it 30 days ago", "the date 2 weeks ago": a question about a
// date shifted in time is a task, and a plan that shifts by another amount
// or the other way (`date -d '1 days ago'` for "2 weeks ago") is set aside.
// Wordings are built from parts: questions × amounts × units × directions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readRequest } from '../../server/src/planner/requestFacts';
import { isTask } from '../../server/src/planner/taskWords';
import { effectChecks } from '../support/policyDecision';

const { over } = effectChecks();
const questions = ['what date was it {s}', 'show the date {s}', 'print the date {s}', 'which day was it {s}', 'what year was it {s}', 'give me the date {s}'];
const amounts: [string, number][] = [['1', 1], ['2', 2], ['30', 30], ['222', 222], ['a', 1], ['three', 3], ['twelve', 12]];
const units: [string, number][] = [['day', 1], ['week', 7], ['month', 30], ['year', 365]];
const directions: [string, number][] = [['ago', -1], ['back', -1], ['from now', 1], ['later', 1]];

test('a shift in time planned as stated is kept, and any other amount or direction is set aside', () => {
  const wrong: string[] = [];
  let checked = 0;
  for (const [qi, q] of questions.entries()) {
    for (const [ai, [amount, n]] of amounts.entries()) {
      const [unitWord, days] = units[(qi + ai) % units.length];
      for (const [dir, sign] of directions) {
        const said = `${amount} ${unitWord}${n === 1 ? '' : 's'} ${dir}`;
        if (/^(?:a|1) /.test(said) && dir === 'back') continue;
        const request = q.replace('{s}', said);
        if (sign < 0 && !isTask(readRequest(request))) wrong.push(`${request}: read as no task`);
        const total = n * days;
        const right = sign < 0 ? [`date -d '${total} days ago' +%F`, `date -d '-${total} days' +%F`, `date --date='${n} ${unitWord}s ago' +%F`] : [`date -d '+${total} days' +%F`, `date -d '${n} ${unitWord}' +%F`];
        const wrongPlans = [`date -d '${total + 1} days ago' +%F`, `date -d '${sign < 0 ? '+' : '-'}${total} days' +%F`, ...(total !== 1 ? ["date -d '1 days ago' +%F"] : [])];
        for (const plan of right) {
          checked++;
          if (/it computes the date/.test(over(request, plan))) wrong.push(`${request}: ${plan} set aside`);
        }
        for (const plan of wrongPlans) {
          checked++;
          if (!/it computes the date/.test(over(request, plan))) wrong.push(`${request}: ${plan} kept`);
        }
      }
    }
  }
  assert.ok(checked >= 500, `${checked} cases`);
  assert.deepEqual(wrong, []);
});

test('a date question with a shift is a task; a story told with one is not', () => {
  for (const request of ['what date was it 30 days ago', 'print what year it was 222 days ago', 'what day was it two weeks ago', 'show the date 5 years from now', 'print the current time as HH:MM:SS']) assert.ok(isTask(readRequest(request)), request);
  for (const request of ['I visited my mom 3 days ago', 'the meeting was 2 weeks ago', 'my birthday was a month ago, any ideas for next year?']) assert.ok(!isTask(readRequest(request)), request);
  // A date with no shift in the plan, or a request with no shift, is left to the other checks.
  assert.doesNotMatch(over('what date was it 30 days ago', 'date +%F'), /it computes the date/);
  assert.doesNotMatch(over("print yesterday's date", "date -d '1 days ago' +%F"), /it computes the date/);
});
