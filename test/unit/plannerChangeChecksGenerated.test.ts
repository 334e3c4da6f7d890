// Generated requests that order a change, each with a plan that does what was
// asked and plans that do more or the opposite: permissions given or taken
// for someone, ages with and without "not", files picked by their order. The
// expected answer is built from the parts the generator chose, never read
// back from the planner. Commands are read by the real parser.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readRequest } from '../../server/src/planner/requestFacts';
import { Choices } from '../bench/devset/guardGrammar';
import { effectChecks } from '../support/policyDecision';


const { reasons: judge } = effectChecks();
const SEED = 20261201;
const N = 300;

test('a permission given or taken, for whom the request names: the mode read, the right chmod kept, the wrong ones set aside', () => {
  const r = new Choices(SEED);
  const whosTaken = [['for others', 'o'], ['from others', 'o'], ['for the group', 'g'], ['from the group', 'g'], ['for the owner', 'u'], ['for everyone', 'a'], ['', '']] as const;
  const whosGiven = [['for others', 'o'], ['for the group', 'g'], ['for the owner', 'u'], ['for everyone', 'a'], ['', '']] as const;
  const bits = [['write permission', 'w'], ['the write bit', 'w'], ['execute permission', 'x'], ['the executable bit', 'x'], ['read access', 'r'], ['the read permission', 'r']] as const;
  const files = ['notes.txt', 'run.sh', 'data/report.csv', 'conf/app.conf'];
  for (let i = 0; i < N; i++) {
    const taken = r.next() < 0.5;
    const [whoText, who] = r.pick(taken ? whosTaken : whosGiven);
    const [bitText, what] = r.pick(bits);
    const file = r.pick(files);
    const verb = taken ? r.pick(['remove', 'strip', 'take away', 'revoke']) : r.pick(['add', 'grant', 'give']);
    const request = `${verb} ${bitText} ${whoText} ${taken ? (whoText.startsWith('from') ? 'on' : 'from') : r.pick(['to', 'on'])} ${file}`.replace(/\s+/g, ' ');
    // Write given to nobody in particular goes to the owner (as "writable" does); anything else to whom it names.
    const right = `${who || (!taken && what === 'w' ? 'u' : '')}${taken ? '-' : '+'}${what}`;
    assert.deepEqual(readRequest(request).modes.map((m) => m.value), [right], request);
    assert.deepEqual(judge(request, `chmod ${right} ${file}`), [], `${request} → chmod ${right}`);
    if (taken) assert.ok(judge(request, `chmod ${who}+${what} ${file}`).some((x) => /grants permissions/.test(x)), `${request} → chmod ${who}+${what}`);
    if (who !== '' && who !== 'a') assert.ok(judge(request, `chmod a${taken ? '-' : '+'}${what} ${file}`).some((x) => /more people/.test(x)), `${request} → chmod a±${what}`);
  }
});

test('an age with and without "not": the plan that keeps the other files is set aside', () => {
  const r = new Choices(SEED + 1);
  for (let i = 0; i < N; i++) {
    const not = r.next() < 0.5;
    const [verb, flag] = r.pick([['modified', 'mtime'], ['changed', 'mtime'], ['touched', 'mtime'], ['accessed', 'atime'], ['edited', 'mtime']] as const);
    const n = 1 + Math.floor(r.next() * 60);
    const span = r.pick([`in the last ${n} days`, `within the past ${n} days`, `during the last ${n} days`]);
    const subject = r.pick(['files', 'the logs', 'csv files under data', 'anything in docs']);
    const request = `${r.pick(['find', 'list', 'show me', 'which are the'])} ${subject} ${not ? r.pick(['not', "that haven't been", 'that were not']) : 'that were'} ${verb} ${span}`;
    const keepsRecent = `find . -type f -${flag} -${n}`;
    const keepsOlder = `find . -type f -${flag} +${n}`;
    const [right, wrong] = not ? [keepsOlder, keepsRecent] : [keepsRecent, keepsOlder];
    assert.ok(!judge(request, right).some((x) => /did (?:not )?change in that time/.test(x)), `${request} → ${right}`);
    assert.ok(judge(request, wrong).some((x) => /did (?:not )?change in that time/.test(x)), `${request} → ${wrong}`);
    if (not) assert.ok(!judge(request, `find . -type f ! -${flag} -${n}`).some((x) => /in that time/.test(x)), `${request} → ! -${flag} -${n}`);
  }
});

test('files picked by their order: a plan that changes every match is set aside, one that keeps to the order is not', () => {
  const r = new Choices(SEED + 2);
  for (let i = 0; i < N; i++) {
    const order = r.pick(['oldest', 'newest', 'largest', 'biggest', 'smallest', 'most recent']);
    const count = r.pick(['', '', '3 ', 'two ', '10 ']);
    const kind = r.pick(count ? ['logs', 'files', 'backups', 'csvs'] : ['log', 'file', 'backup', 'csv']);
    const verb = r.pick(['delete', 'remove', 'get rid of', 'move to trash/', 'compress']);
    const request = verb.includes('trash') ? `move the ${order} ${count}${kind} to trash/` : `${verb} the ${count}${order} ${kind}`.replace(/\s+/g, ' ');
    const every = verb === 'compress' ? "find . -name '*.log' -exec gzip {} +" : verb.includes('trash') ? "find . -name '*.log' -exec mv -t trash {} +" : "find . -name '*.log' -delete";
    assert.ok(judge(request, every).some((x) => /picked by their order/.test(x)), `${request} → ${every}`);
    const some = "ls -t *.log | tail -n 1 | xargs rm --";
    assert.ok(!judge(request, some).some((x) => /picked by their order/.test(x)), `${request} → ${some}`);
  }
});
