// A range of numbers is seq's, with the embedded planner, its real knowledge
// and the real policy stage: the ends are the numbers the request gives,
// quoted or not (never the knowledge's example ends), and a layout it states
// (commas) is carried out.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('numberRanges', ['docs'], ['notes.txt']);
});

after(() => w.close());

const ends = [[1, 100], [5, 25], [3, 250], [12, 40], [7, 70]];

test('numbers given in quotes are the ends of the range', async () => {
  for (const [a, b] of ends) {
    for (const words of [`print the numbers from "${a}" to "${b}"`, `list the numbers "${a}" through "${b}"`, `output the numbers '${a}' to '${b}'`]) {
      const command = await w.plan(words);
      assert.match(command, new RegExp(String.raw`^seq (?:-\w+ )*${a} ${b}\b`), `${words} → ${command}`);
    }
  }
  // Zeros in front are still the number.
  assert.match(await w.plan('print the numbers from "001" to "100"'), /^seq (?:-\w+ )*1 100\b/);
});

test('a range said in integers is a task, and a range asked for with commas prints commas', async () => {
  for (const [a, b] of ends) {
    assert.match(await w.plan(`print the integers ${a} through ${b}`), new RegExp(`^seq ${a} ${b}$`));
    assert.match(await w.plan(`generate the integers from ${a} to ${b}`), new RegExp(`^seq ${a} ${b}$`));
    for (const words of [`print numbers from ${a} to ${b} separated by commas`, `list the integers ${a} through ${b}, comma separated`]) {
      const command = await w.plan(words);
      assert.match(command, new RegExp(String.raw`^seq ${a} ${b} \| paste -sd ,$|^seq -s ?',?' ${a} ${b}$`), `${words} → ${command}`);
    }
  }
});

test('"one per line" and "newline separated" are never joined onto one line', async () => {
  for (const [a, b] of ends) {
    for (const words of [`print the numbers from ${a} to ${b}, one per line`, `print newline separated numbers from "${a}" to "${b}"`, `list the integers ${a} to ${b}, each on its own line`]) {
      const command = await w.plan(words);
      assert.match(command, new RegExp(`^seq ${a} ${b}$`), `${words} → ${command}`);
    }
  }
  assert.match(await w.plan('list the files in docs one per line'), /^ls -1 docs$/);
});
