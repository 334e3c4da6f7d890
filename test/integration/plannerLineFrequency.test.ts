// A count of each distinct line of a file, asked in many words, planned with
// the real store, knowledge and policy: sort | uniq -c, never numbered lines.
import { after, before, test } from 'node:test';
import { expectPlans, plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('line-frequency', ['data'], ['names.txt', 'hosts.txt', 'words.txt', 'ids.txt']);
});

after(() => w.close());

test('each distinct line with the number of its occurrences', () => expectPlans(w.plan, [
  ['Print a sorted list of the lines in names.txt with the number of occurrences of each', /^sort names\.txt \| uniq -c\b/],
  ['Show each distinct entry of hosts.txt with how often it occurs', /^sort hosts\.txt \| uniq -c\b/],
  ['List the unique lines of words.txt prefixed by their number of occurrences', /^sort words\.txt \| uniq -c\b/],
  ['print the values in ids.txt with the count of each', /^sort ids\.txt \| uniq -c\b/],
]));
