// Words of courtesy before a request change nothing about its plan. Every
// opening is built from parts (greetings, requests for help, wishes, adverbs)
// and each request is planned bare and opened by the real planner in a real
// workspace.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { withoutCourtesy } from '../../server/src/planner/requestCourtesy';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let ws: PlannerWorkspace;
before(async () => {
  ws = await plannerWorkspace('courtesy', ['docs', 'backup', 'logs', 'src'], ['notes.txt', 'data.csv', 'big.csv', 'docs/guide.md', 'docs/faq.md', 'logs/app.log', 'logs/error.log', 'src/main.ts', 'src/util.ts']);
});
after(() => ws.close());

const greetings = ['', 'hey, ', 'hi there! ', 'ok so ', 'alright, '];
const asks = ['', 'please ', 'kindly ', 'could you please ', 'can you ', 'go ahead and ', "I'd like to ", 'I want you to ', 'help me '];
const adverbs = ['', 'just '];
const requests = ['list the markdown files in docs', 'move notes.txt into docs', 'copy data.csv to backup', 'find csv files bigger than 100 bytes', 'delete the .log files in logs', 'count the lines in notes.txt', 'rename src/util.ts to src/helpers.ts', 'show the last 5 lines of logs/app.log'];

test('an opening of courtesy leaves the plan as it is', async () => {
  const wrong: string[] = [];
  let planned = 0;
  for (const request of requests) {
    const bare = await ws.plan(request);
    assert.notEqual(bare, '', `"${request}" is planned`);
    for (const g of greetings) {
      for (const a of asks) {
        for (const adv of adverbs) {
          if (!g && !a && !adv) continue;
          const opened = `${g}${a}${adv}${request}`;
          const command = await ws.plan(opened);
          if (command !== bare) wrong.push(`${opened} → ${command}, bare: ${bare}`);
          planned++;
        }
      }
    }
  }
  assert.deepEqual(wrong, []);
  assert.equal(planned, requests.length * (greetings.length * asks.length * adverbs.length - 1));
});

test('a wish to know stays a question, and courtesy alone is kept', () => {
  assert.equal(withoutCourtesy("I'd like to know which files are big"), "I'd like to know which files are big");
  assert.equal(withoutCourtesy("please, I'd like to know which files are big"), "I'd like to know which files are big");
  assert.equal(withoutCourtesy('please'), 'please');
  assert.equal(withoutCourtesy('Kindly go ahead and delete x.log'), 'delete x.log');
  assert.equal(withoutCourtesy('justify.txt is where?'), 'justify.txt is where?');
});

test('a remark in brackets on where a command works is no part of the request', async () => {
  const remarks = ['(GNU specific) ', '(Linux only) ', '(BSD) ', '(macOS) ', '(GNU/Linux specific): '];
  const plain = ['list the markdown files in docs', 'count the lines in notes.txt', 'show the last 5 lines of logs/app.log'];
  for (const remark of remarks) {
    for (const request of plain) {
      assert.equal(withoutCourtesy(remark + request), request, remark + request);
      assert.equal(await ws.plan(remark + request), await ws.plan(request), remark + request);
    }
  }
  // A bracket that says what to do stays.
  assert.equal(withoutCourtesy('(quickly) list the files'), '(quickly) list the files');
});
