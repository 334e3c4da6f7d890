import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AnsiParser, type Segment } from '../../media/src/ansi';

const text = (segs: Segment[]) => segs.map((s) => s.text).join('');

test('SGR colours become segment styles and the escapes disappear', () => {
  const segs = new AnsiParser().feed('plain \x1b[31mred\x1b[0m \x1b[1;38;5;196mbold256\x1b[39m \x1b[48;2;1;2;3mrgb\x1b[m');
  assert.equal(text(segs), 'plain red bold256 rgb');
  assert.deepEqual(segs.find((s) => s.text === 'red'), { text: 'red', fg: 1 });
  const b = segs.find((s) => s.text === 'bold256');
  assert.equal(b?.bold, true);
  assert.equal(b?.fg, 'rgb(255, 0, 0)');
  assert.equal(segs.find((s) => s.text === 'rgb')?.bg, 'rgb(1, 2, 3)');
});

test('OSC titles, OSC 8 hyperlinks, cursor movement and other controls are dropped', () => {
  const input = '\x1b]0;evil title\x07a\x1b]8;;command:workbench.action.terminal.new\x1b\\link\x1b]8;;\x1b\\b\x1b[2J\x1b[10;5Hc\x07\x08\x1bcd\x9b31me';
  const segs = new AnsiParser().feed(input);
  assert.equal(text(segs), 'alinkbcde');
  assert.ok(!text(segs).includes('command:'));
});

test('an escape split across chunks is held back, not printed', () => {
  const p = new AnsiParser();
  const first = p.feed('x\x1b[3');
  const second = p.feed('2mgreen');
  assert.equal(text(first), 'x');
  assert.deepEqual(second, [{ text: 'green', fg: 2 }]);
  const osc = new AnsiParser();
  assert.equal(text(osc.feed('\x1b]0;half')), '');
  assert.equal(text(osc.feed(' title\x07after')), 'after');
});

test('markup in output stays text; CR and CRLF become line ends', () => {
  const segs = new AnsiParser().feed('<script>alert(1)</script>\r\n<img src=x onerror=alert(1)>\rprogress');
  assert.equal(text(segs), '<script>alert(1)</script>\n<img src=x onerror=alert(1)>\nprogress');
});

test('an unterminated escape does not hold output back forever', () => {
  const p = new AnsiParser();
  p.feed('\x1b]0;' + 'x'.repeat(5000));
  assert.equal(text(p.feed('next')), 'next');
});

test('a clipboard write (OSC 52), erase-line and cursor-up moves leave nothing but their text neighbours', () => {
  const input = 'keep\x1b]52;c;cm0gLXJmIH4=\x07 this\x1b[1A\x1b[2K\x1b[1G\x1bPq#0;2;0;0;0\x1b\\ line\x1b]52;p;?\x1b\\';
  const segs = new AnsiParser().feed(input);
  assert.equal(text(segs), 'keep this line');
  for (const s of segs) assert.ok(!/[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(s.text), JSON.stringify(s.text)); // eslint-disable-line no-control-regex
});
