// Lines, characters and fields of a text picked by number (lineSelection.ts),
// and text that arrives on standard input (textSource.ts): each class said in
// many wordings, with the numbers and the file varied.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineWorkCandidates, readLineWork } from '../../server/src/planner/lineSelection';
import { readRequest } from '../../server/src/planner/requestFacts';
import { readTextSource } from '../../server/src/planner/textSource';

const none = { files: new Set<string>(), dirs: new Set<string>(), byBase: new Map<string, string>() };
const files = ['notes.txt', 'app.log', 'list.md'];
const verbs = ['print', 'show', 'display', 'output'];
const numbers: [string, number][] = [['3', 3], ['11', 11], ['two', 2], ['five', 5], ['42', 42]];
const nths: [string, number][] = [['3rd', 3], ['second', 2], ['fifth', 5], ['12th', 12]];

/** Every wording × verb × file × number, planned, and what it should give; the wrong ones are listed. */
function check(wordings: ((f: string, n: string) => string)[], values: [string, number][], want: (f: string, n: number) => string): void {
  const wrong: string[] = [];
  for (const [i, wording] of wordings.entries()) {
    for (const [word, n] of values) {
      const f = files[i % files.length];
      const request = `${verbs[(i + n) % verbs.length]} ${wording(f, word)}`;
      const got = lineWorkCandidates(readRequest(request, none), undefined)[0]?.command;
      if (got !== want(f, n)) wrong.push(`"${request}" → ${got}; wanted ${want(f, n)}`);
    }
  }
  assert.deepEqual(wrong, []);
}

test('from a line to the end is tail from that line, never that one line', () => check([
  (f, n) => `${f} starting at line ${n}`,
  (f, n) => `${f} from line ${n} onwards`,
  (f, n) => `${f} from line ${n} on`,
  (f, n) => `${f} beginning with line ${n}`,
  (f, n) => `lines ${n} to the end of ${f}`,
  (f, n) => `the contents of ${f} starting from line number ${n}`,
], numbers, (f, n) => `tail -n +${n} ${f}`));

test('after a line is from the line that follows it', () => check([(f, n) => `everything after line ${n} of ${f}`], numbers, (f, n) => `tail -n +${n + 1} ${f}`));

test('all but the first lines is tail from the line after them', () => check([
  (f, n) => `all but the first ${n} lines of ${f}`,
  (f, n) => `${f} without its first ${n} lines`,
  (f, n) => `${f} skipping the first ${n} lines`,
  (f, n) => `everything except the first ${n} lines of ${f}`,
  (f, n) => `${f} after removing the first ${n} lines`,
  (f, n) => `${f}, ignoring the first ${n} lines`,
], numbers, (f, n) => `tail -n +${n + 1} ${f}`));

test('all but the last lines is head with a negative count, never the last lines themselves', () => check([
  (f, n) => `${f} without the last ${n} lines`,
  (f, n) => `all but the last ${n} lines of ${f}`,
  (f, n) => `${f} with the final ${n} lines removed`.replace('with the final', 'minus the final'),
  (f, n) => `${f} after deleting its last ${n} lines`,
  (f, n) => `everything in ${f} except the bottom ${n} lines`,
], numbers, (f, n) => `head -n -${n} ${f}`));

test('one line, a range of lines, the first and the last lines', () => {
  check([(f, n) => `line ${n} of ${f}`, (f, n) => `only line number ${n} from ${f}`], numbers, (f, n) => `sed -n '${n}p' ${f}`);
  check([(f, n) => `the ${n} line of ${f}`], nths, (f, n) => `sed -n '${n}p' ${f}`);
  check([
    (f, n) => `lines ${n} to 60 of ${f}`,
    (f, n) => `lines ${n}-60 of ${f}`,
    (f, n) => `${f} from line ${n} to line 60`,
    (f, n) => `the lines between line ${n} and line 60 of ${f}`,
    (f, n) => `lines ${n} through 60 in ${f}`,
  ], numbers, (f, n) => `sed -n '${n},60p' ${f}`);
  check([(f, n) => `the first ${n} lines of ${f}`, (f, n) => `the top ${n} lines of ${f}`], numbers, (f, n) => `head -n ${n} ${f}`);
  check([(f, n) => `the last ${n} lines of ${f}`, (f, n) => `the bottom ${n} lines in ${f}`], numbers, (f, n) => `tail -n ${n} ${f}`);
  check([(f) => `the last line of ${f}`, (f) => `the final line in ${f}`], [['', 1]], (f) => `tail -n 1 ${f}`);
});

test('characters by position are cut by character, fields by the separator named', () => {
  check([(f, n) => `characters ${n} to 60 of each line of ${f}`, (f, n) => `chars ${n}-60 on every line in ${f}`], numbers, (f, n) => `cut -c ${n}-60 ${f}`);
  const fields: [string, string][] = [['colon', ':'], ['comma', ','], ['semicolon', " ';'"], ['pipe', " '|'"], ['space', " ' '"]];
  const wrong: string[] = [];
  for (const [word, d] of fields) {
    for (const [nth, n] of nths) {
      for (const request of [`print the ${nth} ${word} separated field of notes.txt`, `print the ${nth} ${word}-delimited column of each line in notes.txt`, `show the ${nth} field of notes.txt, delimited by ${word}s`, `print field ${n} of notes.txt using ${word} as the delimiter`]) {
        const got = lineWorkCandidates(readRequest(request, none), undefined)[0]?.command;
        const want = `cut -d${d} -f ${n} notes.txt`;
        if (got !== want) wrong.push(`"${request}" → ${got}; wanted ${want}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
  assert.equal(readLineWork('print the 2nd tab separated field of notes.txt')?.reader, 'cut -f 2');
  assert.equal(lineWorkCandidates(readRequest('print the 5th space separated field of notes.txt as a comma separated list', none), undefined)[0]?.command, "cut -d ' ' -f 5 notes.txt | paste -sd,");
});

test('tabs, trailing blanks, runs of blank lines, joined, reversed and numbered lines', () => {
  const cases: [string, string][] = [
    ['print the lines of notes.txt containing a tab character', "grep -P '\\t' notes.txt"],
    ['which lines in app.log have tabs in them', "grep -P '\\t' app.log"],
    ['remove trailing spaces from each line of notes.txt', "sed 's/[[:space:]]*$//' notes.txt"],
    ['strip the trailing whitespace of list.md', "sed 's/[[:space:]]*$//' list.md"],
    ['squeeze blank lines in notes.txt', 'cat -s notes.txt'],
    ['collapse repeated empty lines of app.log into one', 'cat -s app.log'],
    ['join all lines of list.md with commas', 'paste -sd, list.md'],
    ['merge the lines of notes.txt into a single comma separated line', 'paste -sd, notes.txt'],
    ['merge the non-blank lines of notes.txt into one comma separated line', "grep -v '^[[:space:]]*$' notes.txt | paste -sd,"],
    ['reverse the lines of app.log', 'tac app.log'],
    ['print notes.txt in reverse order', 'tac notes.txt'],
    ['print list.md with the last line first', 'tac list.md'],
    ['number the lines of notes.txt', 'nl -ba notes.txt'],
    ['print list.md with every name capitalised', "sed 's/\\b\\(.\\)/\\u\\1/g' list.md"],
    ['capitalize the first letter of each word in notes.txt', "sed 's/\\b\\(.\\)/\\u\\1/g' notes.txt"],
    ['convert app.log to title case', "sed 's/\\b\\(.\\)/\\u\\1/g' app.log"],
    ['make the first letter of every line in notes.txt upper case', "sed 's/^\\(.\\)/\\u\\1/' notes.txt"],
    ['replace all newlines in list.md with spaces', "paste -sd ' ' list.md"],
    ['combine every two lines of app.log', "paste -d ' ' - - < app.log"],
    ['join each group of 3 lines in notes.txt', "paste -d ' ' - - - < notes.txt"],
  ];
  assert.deepEqual(cases.map(([r]) => lineWorkCandidates(readRequest(r, none), undefined)[0]?.command), cases.map(([, c]) => c));
});

test('lines picked by what they hold, several files, lines sorted or counted first, a file followed or changed in place are left to other plans', () => {
  for (const request of [
    'print the last line containing TODO in notes.txt',
    'find the first 3 lines matching error in app.log',
    'show the first 10 lines of every .log file in src',
    'print the last 20 lines of app.log and keep following it',
    'delete the first line of notes.txt in place',
    'show the first 3 files in src',
    'show the first 5 lines of notes.txt after sorting it',
    'count the lines of app.log from line 5 on',
  ]) assert.deepEqual(lineWorkCandidates(readRequest(request, none), undefined), [], request);
});

test('the line numbers of a text in a file are a search for it, not every line numbered', () => {
  for (const request of [
    'show line numbers of TODO in notes.txt',
    'print the line numbers of "timeout" in app.log',
    'give me the line numbers where error appears in app.log',
    'line numbers for FIXME within list.md',
    "find 'timeout' in app.log, with line numbers",
    'look up TODO in notes.txt and show the line numbers',
    'locate error in app.log, numbering the lines',
  ]) assert.deepEqual(lineWorkCandidates(readRequest(request, none), undefined), [], request);
  assert.equal(lineWorkCandidates(readRequest('show notes.txt with line numbers', none), undefined)[0]?.command, 'nl -ba notes.txt');
});

test('who changed a line, or when it came in, is asked of the history, not of the line', () => {
  for (const request of [
    'who last changed line 2 of notes.txt',
    'who wrote the 5th line of app.log',
    'who most recently edited lines 3 to 8 of list.md',
    'who introduced the first line of notes.txt',
    'when was line 12 of app.log added',
    'which change added the last 3 lines of list.md',
  ]) assert.deepEqual(lineWorkCandidates(readRequest(request, none), undefined), [], request);
});

test('a file said only in words keeps the command and asks for the name', () => {
  const [c] = lineWorkCandidates(readRequest('remove the last 2 lines from a file', none), undefined);
  assert.equal(c.command, "head -n -2 '<file>'");
  assert.deepEqual(c.missing, ['file']);
});

const programs = new Set(['seq', 'ls']);
const read = (request: string) => readTextSource(request, none, (p) => programs.has(p));

test('standard input named in words is the input, and no word is taken for a file', () => {
  for (const request of [
    'convert all characters in standard input to lower case',
    'sort the lines of stdin',
    'turn the input to upper case',
    'print the first field of the text piped in',
    'number the piped lines',
    'reverse the order of lines read from stdin',
    'count the words of the input',
  ]) assert.equal(read(request)?.kind, 'stdin', request);
  for (const request of ['read a line of input from the user', 'sort the input file notes.txt', 'list the files named in the input']) assert.notEqual(read(request)?.kind, 'stdin', request);
  const source = read('print lines 4 to 9 of standard input');
  assert.equal(lineWorkCandidates(readRequest('print lines 4 to 9 of the text', none), source)[0]?.command, "sed -n '4,9p'");
  assert.equal(lineWorkCandidates(readRequest('print the 2nd word of each line in the text', none), source)[0]?.command, "awk '{print $2}'");
  assert.equal(lineWorkCandidates(readRequest('merge each non-blank line of the text into a single comma separated line', none), source)[0]?.command, "grep -v '^[[:space:]]*$' | paste -sd,");
  assert.equal(read('remove the file extension from each name on standard input')?.kind, 'stdin', 'an extension is no file read');
});

test('lines picked by a text: a plan that leaves the text out (wc, cat) is set aside, one that searches for it is kept', async () => {
  const { exceedsIntent } = await import('../../server/src/planner/effectCheck');
  const { readIntent } = await import('../../server/src/planner/intent');
  const { createPolicyEngine } = await import('../../server/src/policy');
  const engine = await createPolicyEngine();
  const wrong: string[] = [];
  const leads = ['count the lines {w} in myfile.txt', 'how many lines of myfile.txt {w}', 'show the rows {w} in data.csv', 'print every line {w} from app.log'];
  const picks: [string, string][] = [["with the word 'null'", 'null'], ['containing ERROR', 'ERROR'], ['that contain timeout', 'timeout'], ['matching "disk full"', 'disk full'], ['mentioning alice', 'alice'], ['with errors', 'error']];
  for (const [i, lead] of leads.entries()) {
    for (const [j, [pick, text]] of picks.entries()) {
      // ("the lines of notes.txt with line numbers": after the file, "with" says how to show the lines, so only a verb picks them there.)
      if ((i + j) % 2 === 1 || (/lines of/.test(lead) && /^with\b/.test(pick))) continue;
      const request = lead.replace('{w}', pick);
      const file = /data\.csv/.test(lead) ? 'data.csv' : /app\.log/.test(lead) ? 'app.log' : 'myfile.txt';
      const intent = readIntent(readRequest(request));
      for (const [command, setAside] of [[`wc -l ${file}`, true], [`cat ${file}`, true], [`grep -c '${text}' ${file}`, false], [`grep -n '${text}' ${file}`, false]] as const) {
        const reasons = exceedsIntent(intent, engine.judge(command, { workspace: '/w', facts: true }), command);
        if (reasons.some((r) => /picks the lines by/.test(r)) !== setAside) wrong.push(`${request}: ${command} ${setAside ? 'kept' : 'set aside'}`);
      }
    }
  }
  // Words that describe lines rather than spell their text pick nothing to search for.
  for (const request of ['show the lines with more than 80 characters in notes.txt', 'print the lines having trailing spaces in notes.txt', 'count the lines with numbers in notes.txt']) {
    const reasons = exceedsIntent(readIntent(readRequest(request)), engine.judge("awk 'length > 80' notes.txt", { workspace: '/w', facts: true }), "awk 'length > 80' notes.txt");
    if (reasons.some((r) => /picks the lines by/.test(r))) wrong.push(`${request}: set aside`);
  }
  assert.deepEqual(wrong, []);
});
