// "give run.sh execute permission": "execute" names the mode, it orders no
// run. The request changes the mode; an answer that also runs the file does
// more than asked and is set aside. Wordings and answers are built from parts
// and judged by the real policy.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exceedsIntent } from '../../server/src/planner/effectCheck';
import { readIntent } from '../../server/src/planner/intent';
import { readRequest, type WorkspaceNames } from '../../server/src/planner/requestFacts';
import { createPolicyEngine } from '../../server/src/policy';

const files = ['run.sh', 'tool.py', 'bin/deploy.sh'];
const ws: WorkspaceNames = { files: new Set(files), dirs: new Set(['bin']), byBase: new Map(files.map((f) => [f.replace(/^.*\//, ''), f])), sameBase: new Map() };
const wordings = ['give F M', 'give the file F M', 'please give F M', 'grant M on F', 'add M to F', 'give M to F', 'set M on F'];
const modes = ['execute permission', 'execute permissions', 'execute bit', 'execute rights', 'execute access'];
const runsToo = ['chmod +x F && ./F', 'chmod +x F; ./F', 'chmod u+x F && bash F', 'chmod 755 F && sh ./F'];

test('"execute" before a word of the mode orders no run, and an answer that runs the file is set aside', async () => {
  const engine = await createPolicyEngine();
  const judge = (request: string, command: string) => exceedsIntent(readIntent(readRequest(request, ws)), engine.judge(command, { workspace: '/w', facts: true }), command);
  const wrong: string[] = [];
  let checked = 0;
  for (const w of wordings) {
    for (const m of modes) {
      for (const f of files) {
        const request = w.replace('F', f).replace('M', m);
        const intent = readIntent(readRequest(request, ws));
        if (intent.actions.includes('run') || intent.actions.length === 0) wrong.push(`${request}: read as ${intent.actions.join(', ')}`);
        if (judge(request, `chmod +x ${f}`).length > 0) wrong.push(`${request}: chmod +x ${f} set aside`);
        for (const a of runsToo) {
          checked++;
          if (judge(request, a.replace(/F/g, f)).length === 0) wrong.push(`${request}: ${a.replace(/F/g, f)} kept`);
        }
      }
    }
  }
  assert.ok(checked >= 400, `${checked} cases`);
  assert.deepEqual(wrong, []);
  // An order to run is still one.
  assert.ok(readIntent(readRequest('execute run.sh', ws)).actions.includes('run'));
  assert.ok(readIntent(readRequest('run tool.py with execute permission checks off', ws)).actions.includes('run'));
});
