// A question about an act orders none, with the real store, knowledge and
// policy: "is it safe to run ./setup.sh" never plans a run of it, and
// writing that takes a writer ("a haiku about notes.txt") abstains.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('hypothetical', ['docs'], { 'setup.sh': '#!/bin/sh\necho set up\n', 'deploy.sh': '#!/bin/sh\necho deployed\n', 'notes.txt': 'x\n' });
});

after(() => w.close());

test('asked whether to run a script, the plan and its alternatives run nothing', async () => {
  for (const ask of ['is it safe to run', 'should I run', 'what happens if I run', 'do I need to run']) {
    for (const script of ['./setup.sh', './deploy.sh']) {
      const r = await w.result(`${ask} ${script}`);
      for (const c of [r.command, ...r.candidates.map((x) => x.command)].filter((x): x is string => !!x)) {
        assert.doesNotMatch(c, new RegExp(`(?:^|[;&|]\\s*|nice -n \\d+ |timeout \\d+ |bash |sh )${script.replace('.', '\\.')}(?:\\s|$)`), `"${ask} ${script}" → ${c}`);
      }
    }
  }
  // Asked to run it, the plan runs it.
  assert.match((await w.result('run ./setup.sh')).command ?? '', /\.\/setup\.sh/);
});

test('writing that takes a writer abstains, whatever file it names', async () => {
  for (const request of ['write a haiku about notes.txt', 'compose a poem about setup.sh', 'translate notes.txt to French']) {
    const r = await w.result(request);
    assert.equal(r.abstained, true, `"${request}" → ${r.command}`);
  }
});
