// Questions about what is in files, planned with the real store, knowledge
// and policy: the plan reads the file that holds the answer, never a
// program about the machine that shares a word with the question, and a
// question no file answers is not given an unrelated command.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { expectPlans, plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('content', ['records', 'web', 'lib'], {
    'records/staff.csv': 'id,person,country,score\n1,ann,Spain,70\n2,ben,Chile,55\n3,cleo,Spain,91\n4,dan,Peru,12\n',
    'web/access.log': '172.16.0.9 - - [02/Apr/2024:09:00:00 +0000] "GET /home HTTP/1.1" 200 512\n172.16.0.5 - - [02/Apr/2024:09:01:00 +0000] "PUT /api/cart HTTP/1.1" 201 90\n172.16.0.9 - - [02/Apr/2024:09:02:00 +0000] "GET /nope HTTP/1.1" 404 33\n',
    'fruit.txt': 'pear\nfig\npear\nkiwi\n',
    'scores.txt': '18\n4\n250\n61\n',
    'catalog.json': JSON.stringify([{ sku: 'a1', label: 'lamp', state: 'discontinued' }, { sku: 'b2', label: 'desk', state: 'selling' }]),
    'service.json': JSON.stringify({ port: 80, cache: { port: 6379 } }),
    'lib/a.py': 'import json\n',
    'lib/b.py': 'import sys\n',
  });
});

after(() => w.close());

test('a question about what a file holds is answered from that file', () => expectPlans(w.plan, [
  ['how many people are from Spain', /^grep -c Spain records\/staff\.csv$/],
  ['how many hits returned a 404', /^grep -cw 404 web\/access\.log$/],
  ['which client address shows up most in the access log', /^awk '\{print \$1\}' web\/access\.log \| sort \| uniq -c \| sort -rn \| head -n 1$/],
  ['what fruit is the most common in fruit.txt', /^sort fruit\.txt \| uniq -c \| sort -rn \| head -n 1$/],
  ['show me the country column of staff.csv', /^cut -d, -f3 records\/staff\.csv$/],
  ['the distinct countries in staff.csv', /^tail -n \+2 records\/staff\.csv \| cut -d, -f3 \| sort -u$/],
  ['lowest value in scores.txt', /^sort -n scores\.txt \| head -n 1$/],
  ['show the PUTs in the access log', /^grep PUT web\/access\.log$/],
  ['which python files import sys', /^grep (?:--exclude-dir=\.git )?-rl --include='\*\.py' 'import sys' \.$/],
  ['labels of the discontinued products in catalog.json', /^jq -r '\.\[\] \| select\(\.state == "discontinued"\) \| \.label' catalog\.json$/],
  ['what port does the cache listen on, according to service.json', /^jq -r \.cache\.port service\.json$/],
]));

test('a count no file of the workspace answers is not given a count of processors', async () => {
  for (const request of ['how many users live in Oslo', 'how many users are older than 40', 'number of users named bob']) {
    const result = await w.result(request);
    assert.doesNotMatch(result.command, /^nproc\b/, request);
    assert.ok(!(result.candidates ?? []).some((c) => /^nproc\b/.test(c.command)), `${request}: ${JSON.stringify(result.candidates)}`);
  }
  assert.equal(await w.plan('how many processors does this machine have'), 'nproc');
});
