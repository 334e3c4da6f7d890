// "keeping relative path names", "preserving the full paths": how a copy
// writes the names it keeps (rsync -R), not a name kept out of the copy.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { keptOut } from '../../server/src/planner/keptOut';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('path-forms', ['src', 'logs'], ['notes.txt', 'src/run.sh', 'logs/app.log']);
});

after(() => w.close());

const keeps = ['keeping', 'preserving'];
const forms = ['relative path names', 'relative paths', 'the full paths', 'full path names', 'their relative paths', 'absolute paths'];

test('the form of path names kept keeps no name out', () => {
  for (const k of keeps) {
    for (const f of forms) {
      const request = `copy src/run.sh and logs/app.log to /tmp/out ${k} ${f}`;
      assert.deepEqual(keptOut(request), [], request);
    }
  }
  // A name after the same words is still kept out.
  assert.equal(keptOut('copy all files in src to /tmp/out except the relative.txt file').length, 1);
  assert.equal(keptOut('delete all files in logs keeping app.log').length, 1);
});

test('a copy that keeps relative path names is planned with rsync -R', async () => {
  for (const f of forms.slice(0, 2)) {
    const request = `Copy "src/run.sh" and "logs/app.log" to "/tmp/pkg" keeping ${f}`;
    assert.equal(await w.plan(request), 'rsync -aR src/run.sh logs/app.log /tmp/pkg', request);
  }
});
