// "print the current time as HH:MM:SS", "today's date as DD/MM/YYYY", "the
// date in the format %Y-%m-%d", "year-month-day hour:minute:second": the
// format the request spells out becomes `date +FORMAT`, with -u for UTC and
// -d for a shift. Formats are built from parts, planned by the real planner,
// and each plan is run to see that what it prints has the shape asked for.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { spelledFormat } from '../../server/src/planner/dateFormats';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

// A format in letters, its strftime, and the shape date prints for it.
const formats: [string, string, RegExp][] = [
  ['HH:MM:SS', '%H:%M:%S', /^\d\d:\d\d:\d\d$/],
  ['HH:MM', '%H:%M', /^\d\d:\d\d$/],
  ['YYYY-MM-DD', '%Y-%m-%d', /^\d{4}-\d\d-\d\d$/],
  ['DD/MM/YYYY', '%d/%m/%Y', /^\d\d\/\d\d\/\d{4}$/],
  ['MM/DD/YYYY', '%m/%d/%Y', /^\d\d\/\d\d\/\d{4}$/],
  ['YYYYMMDD', '%Y%m%d', /^\d{8}$/],
  ['YYYY-MM-DDTHH:MM:SS', '%Y-%m-%dT%H:%M:%S', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/],
  ['yyyy-mm-dd', '%Y-%m-%d', /^\d{4}-\d\d-\d\d$/],
  ['hh:mm:ss', '%H:%M:%S', /^\d\d:\d\d:\d\d$/],
  ['DD.MM.YY', '%d.%m.%y', /^\d\d\.\d\d\.\d\d$/],
  ['year-month-day', '%Y-%m-%d', /^\d{4}-\d\d-\d\d$/],
  ['hour:minute:second', '%H:%M:%S', /^\d\d:\d\d:\d\d$/],
  ['%Y/%m/%d', '%Y/%m/%d', /^\d{4}\/\d\d\/\d\d$/],
  ["'+%T'", '%T', /^\d\d:\d\d:\d\d$/],
];
const phrasings = ['print the current time as {f}', 'show the date as {f}', "print today's date in {f} format", 'display the timestamp in the format {f}', 'give me the date and time as {f}'];

let ws: PlannerWorkspace;
before(async () => {
  ws = await plannerWorkspace('date-formats', ['.'], ['notes.txt']);
});
after(() => ws.close());

test('a format spelled in letters, words or strftime is read as strftime', () => {
  for (const [spelled, strftime] of formats) assert.equal(spelledFormat(`print the date as ${spelled}`), strftime, spelled);
  assert.equal(spelledFormat('print the date'), undefined);
  assert.equal(spelledFormat('copy notes.txt to backup'), undefined);
});

test('the plan is date with that format, and what it prints has the shape asked for', async () => {
  const wrong: string[] = [];
  let checked = 0;
  for (const [i, [spelled, strftime, shape]] of formats.entries()) {
    for (const [j, phrasing] of phrasings.entries()) {
      if ((i + j) % 2 === 1) continue;
      const utc = (i + j) % 4 === 0;
      const request = `${phrasing.replace('{f}', spelled)}${utc ? ' in UTC' : ''}`;
      const r = await ws.result(request);
      checked++;
      const command = r.abstained ? '' : (r.command ?? '');
      const m = /^date( -u)? \+'?([^']+)'?$/.exec(command);
      if (!m || m[2] !== strftime || Boolean(m[1]) !== utc) {
        wrong.push(`${request} → ${command || 'abstained'}`);
        continue;
      }
      const printed = execFileSync('bash', ['-c', command], { encoding: 'utf8' }).trim();
      if (!shape.test(printed)) wrong.push(`${request} → ${command} printed ${printed}`);
    }
  }
  assert.ok(checked >= 30, `${checked} cases`);
  assert.deepEqual(wrong, []);
});

test('a shift in time is given to date -d, and a date with no format spelled out is left to the catalogue', async () => {
  assert.equal(await ws.plan('print the date 3 days ago as YYYY-MM-DD'), "date -d '3 days ago' +%Y-%m-%d");
  assert.equal(await ws.plan('show the time 2 hours from now as HH:MM'), "date -d '+2 hours' +%H:%M");
  assert.doesNotMatch(await ws.plan('show me the time'), /\+%/);
});

test('a format said of files, commits or logs is not the clock', async () => {
  for (const request of ['show the modification dates of the files in src as YYYY-MM-DD', 'list the commits with their dates as YYYY-MM-DD', 'print when notes.txt was changed as HH:MM']) {
    assert.doesNotMatch(await ws.plan(request), /^date /, request);
  }
});

test('a quoted format keeps its spaces, and yesterday or tomorrow is the day it prints', async () => {
  assert.equal(spelledFormat('print the date in "%a %d/%m/%Y" format'), '%a %d/%m/%Y');
  assert.equal(await ws.plan('Print yesterday\'s date in "%a %d/%m/%Y" format'), "date -d yesterday +'%a %d/%m/%Y'");
  assert.equal(await ws.plan('show tomorrow\'s date as YYYY-MM-DD'), 'date -d tomorrow +%Y-%m-%d');
});
