// Text for a terminal made inert: generated escape sequences of every kind a
// run could print, whole and split across chunks at every point, leave no
// control character, and what is not a control passes unchanged.
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { ESCAPE_SEQUENCES, inertForTerminal, inertStream } from '../../server/src/records/terminalText';
import { ESCAPE_SEQUENCES as PROTOCOL_ESCAPES, stripEscapes } from '../../server/src/protocol/terminalEscapes';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const attacks = [
  '\x1b]52;c;cm0gLXJmIH4=\x07', // clipboard write
  '\x1b]52;c;?\x1b\\', // clipboard read request
  '\x1b]0;sudo password:\x07', // title
  '\x1b]8;;file:///etc/passwd\x1b\\click\x1b]8;;\x1b\\', // hyperlink
  '\x1b[1A\x1b[2K', // cursor up, erase line
  '\x1b[10;5H\x1b[J', // cursor to, erase below
  'good line\rbad  line', // overwrite by carriage return
  '\x9b2K', // one-byte CSI (C1)
  '\x1bPq#0;2;0;0;0\x1b\\', // DCS
  '\x1bc', // full reset
  'abc\u202eexe.txt', // right-to-left override
  'x\u2066hidden\u2069y', // isolates
  '\x07\x08\x7f\x00',
];

test('every generated escape is shown visibly, never passed through', () => {
  for (const a of attacks) {
    for (const around of [['', ''], ['before ', ' after'], ['ünï ', ' 日本\n']]) {
      const out = inertForTerminal(around[0] + a + around[1]);
      assert.ok(!CONTROL.test(out), JSON.stringify(out));
      assert.ok(out.startsWith(around[0]) && out.endsWith(around[1]));
    }
  }
  assert.equal(inertForTerminal('\x1b]52;c;ZXZpbA==\x07'), '␛]52;c;ZXZpbA==\\x07');
  assert.equal(inertForTerminal('ok\rno'), 'ok\\rno');
  assert.equal(inertForTerminal('\x9b31m'), '\\u009b31m');
  assert.equal(inertForTerminal('tabs\tand\nlines stay'), 'tabs\tand\nlines stay');
});

test('the escaped text is still valid inside JSON strings', () => {
  const value = { name: 'a\u202eb\x9bc', out: '\x1b[2J' };
  const shown = inertForTerminal(JSON.stringify(value));
  assert.ok(!CONTROL.test(shown));
  const back = JSON.parse(shown) as typeof value;
  assert.equal(back.name, value.name, 'JSON readers get the original text back');
});

test('a stream made inert escapes sequences split at every point, strings and bytes alike', () => {
  const all = attacks.join('|') + ' ünïcödé 日本 😀';
  const whole = inertForTerminal(all);
  const bytes = Buffer.from(all, 'utf8');
  for (let cut = 1; cut < bytes.length; cut++) {
    const sink = new PassThrough();
    let got = '';
    sink.on('data', (c: Buffer) => (got += c.toString('utf8')));
    const s = inertStream(sink);
    s.write(bytes.subarray(0, cut));
    s.write(bytes.subarray(cut));
    assert.equal(got, whole, `split at byte ${cut}`);
  }
  for (let cut = 1; cut < all.length; cut++) {
    const sink = new PassThrough();
    let got = '';
    sink.on('data', (c: Buffer) => (got += c.toString('utf8')));
    const s = inertStream(sink);
    s.write(all.slice(0, cut));
    s.write(all.slice(cut));
    assert.ok(!CONTROL.test(got), `split at char ${cut}`);
  }
});

test('one escape pattern for every part that strips: no carriage return survives to be typed into a terminal', () => {
  assert.equal(stripEscapes('ls\r rm -rf ~\n\x1b]52;c;aGk=\x07ok\t\x1b[31mred\x1b[0m'), 'ls rm -rf ~\nok\tred');
  assert.equal(ESCAPE_SEQUENCES, PROTOCOL_ESCAPES, 'the records module uses the protocol pattern, not a copy');
});
