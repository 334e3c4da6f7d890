// A request to copy is never carried out by a plan whose only writes resize,
// stamp, make or re-mode a file (copyNamed.ts): `truncate -s 100M test` for
// "copy test to every folder like ./fs*" copies nothing and changes the file.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CommandFact } from '../../server/src/policy/factsTypes';
import type { PolicyDecision } from '../../server/src/protocol/types';
import { fallsShort } from '../../server/src/planner/fallsShort';
import { copiesNothing } from '../../server/src/planner/copyNamed';
import { readIntent } from '../../server/src/planner/intent';
import { readRequest } from '../../server/src/planner/requestFacts';

const intentOf = (text: string) => readIntent(readRequest(text));
const path = (p: string) => ({ path: p, dynamic: false });
/** A command as the policy's facts describe it: its program, what it writes and where it redirects. */
const fact = (program: string, writes: string[], redirect?: string) => ({ program, args: [], flags: [], reads: [], writes: writes.map(path), deletes: [], redirects: redirect ? [{ kind: 'write', target: redirect }] : [] }) as unknown as CommandFact;

test('a copy planned as a resize, a stamp, a new folder or a mode change copies nothing', () => {
  const asks = ['copy test to every folder like ./fs*', 'Copy notes.txt to backup/', 'duplicate report.pdf as report-old.pdf', 'make a copy of app.conf in /etc/app'];
  const plans = [[fact('truncate', ['test'])], [fact('touch', ['backup/notes.txt'])], [fact('mkdir', ['report-old.pdf'])], [fact('mkdir', ['/etc/app']), fact('chmod', ['/etc/app'])]];
  for (const [i, words] of asks.entries()) assert.match(copiesNothing(intentOf(words), plans[i]).join(), /copies nothing/, words);
});

test('a plan that copies, or a request that asks for no copy, passes', () => {
  assert.deepEqual(copiesNothing(intentOf('copy notes.txt to backup/'), [fact('mkdir', ['backup']), fact('cp', ['backup/notes.txt'])]), []);
  assert.deepEqual(copiesNothing(intentOf('copy notes.txt to backup/'), [fact('cat', [], 'backup/notes.txt')]), []);
  assert.deepEqual(copiesNothing(intentOf('copy the tree to /srv with rsync'), [fact('rsync', ['/srv'])]), []);
  assert.deepEqual(copiesNothing(intentOf('make test 100M long'), [fact('truncate', ['test'])]), []);
  assert.deepEqual(copiesNothing(intentOf('create the folder build'), [fact('mkdir', ['build'])]), []);
});

test('the effect check turns such a plan away', () => {
  const decision = (commands: CommandFact[]) => ({ decision: 'allow', rules: [], risk: { reads: [], writes: commands.flatMap((c) => c.writes.map((w) => w.path)), deletes: [], network: false, privilege: false }, facts: { commands } }) as unknown as PolicyDecision;
  assert.match(fallsShort(intentOf('copy test to every folder like ./fs*'), decision([fact('truncate', ['test'])])).join(), /copies nothing \(truncate\)/);
  assert.deepEqual(fallsShort(intentOf('copy test to every folder like ./fs*'), decision([fact('cp', ['fs1/test'])])), []);
});
