// One text said a number of times: "write 200 lines of "x" to out.txt",
// "repeat "x" 10 times", "print "x" 5 times" are `yes x | head -n N`, into
// the file when one is named. Words inside the quotes ("add to a file",
// "delete everything") are text to write, never an order. Requests are built
// from phrasings, texts and counts; each plan is run by bash in a scratch
// folder and its lines counted.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let ws: PlannerWorkspace;
before(async () => {
  ws = await plannerWorkspace('repeated-text', ['docs'], ['notes.txt']);
});
after(() => ws.close());

const texts = ['this is the text I want to add to a file', 'hello world', 'delete everything', 'ok', 'append me please'];
const counts = [3, 10, 200];

test('a text said a number of times is printed, or written, exactly that many times', async () => {
  const wrong: string[] = [];
  let n = 0;
  const shown = [(t: string, k: number) => `repeat "${t}" ${k} times`, (t: string, k: number) => `print "${t}" ${k} times`, (t: string, k: number) => `output ${k} lines of "${t}"`];
  const saved = [(t: string, k: number) => `write ${k} lines of "${t}" to out.txt`, (t: string, k: number) => `save ${k} copies of "${t}" to out.txt`];
  for (const [i, text] of texts.entries()) {
    for (const [j, count] of counts.entries()) {
      const phrase = (i + j) % 2 === 0 ? shown[(i + j) % shown.length] : saved[(i + j) % saved.length];
      const request = phrase(text, count);
      const command = await ws.plan(request);
      n++;
      if (!command) {
        wrong.push(`${request} → abstained`);
        continue;
      }
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-repeat-'));
      try {
        const printed = execFileSync('bash', ['-c', command], { cwd: dir, encoding: 'utf8' });
        const file = path.join(dir, 'out.txt');
        const lines = (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : printed).split('\n').filter((l) => l !== '');
        if (lines.length !== count || lines.some((l) => l !== text)) wrong.push(`${request} → ${command}: ${lines.length} lines`);
        if (/save|write/.test(request) && !fs.existsSync(file)) wrong.push(`${request} → ${command}: no out.txt`);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  assert.equal(n, texts.length * counts.length);
  assert.deepEqual(wrong, []);
});
