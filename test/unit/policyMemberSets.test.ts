// The build step that turns membership tests into lookups must change only
// the forms whose meaning it keeps, and leave line numbers where they were.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rewriteMembership, stringSetRules } from '../../policies/memberSets';

const SETS = stringSetRules(['tools := {"git", "hg"}\n', 'creds := {\n\t"a", "b",\n\t"c",\n}\n', 'made := {x | some x in input.xs}\n']);

test('the literal string set rules are found, one line or several; comprehensions are not', () => {
  assert.deepEqual([...SETS].sort(), ['creds', 'tools']);
});

test('membership tests that stand alone become lookups in a hoisted set', () => {
  const src = [
    'r if {',
    '\tc.program in {"rm", "rmdir"}',
    '\tnot c.args[i + 1] in {"-f"}',
    '\tc.subcommand in tools',
    '}',
    'f(c) if c.via in {"exec", "eval"}',
    'xs := [a | some a in input.args; a in {"-e", "-c"}; a != ""]',
  ].join('\n');
  const out = rewriteMembership(src, SETS);
  assert.equal(out.rewritten, 5);
  const lines = out.text.split('\n');
  assert.match(lines[1], /^\tmember_set_[0-9a-f]{10}\[c\.program\]$/);
  assert.match(lines[2], /^\tnot member_set_[0-9a-f]{10}\[c\.args\[i \+ 1\]\]$/);
  assert.equal(lines[3], '\ttools[c.subcommand]');
  assert.match(lines[5], /^f\(c\) if member_set_[0-9a-f]{10}\[c\.via\]$/);
  assert.match(lines[6], /; member_set_[0-9a-f]{10}\[a\]; a != ""\]$/);
  assert.match(out.text, /member_set_[0-9a-f]{10} := \{"rm", "rmdir"\}/);
});

test('iteration, values, arrays and unknown collections are left as written', () => {
  const src = [
    '\tsome w in {"/tmp", "/var/tmp"}',
    '\tsome f in creds',
    '\tok := c.program in {"ls"}',
    '\tc.program in c.allowed',
    '\t"x" in c.markers',
    '\tc.program in made',
    '\tc.program in ["a", "b"]',
  ].join('\n');
  assert.deepEqual(rewriteMembership(src, SETS), { text: src, rewritten: 0 });
});

test('every line keeps its number: hoisted sets go after the last line', () => {
  const src = 'package p\n\nr if {\n\tc.program in {"a"}\n}\n\ns if input.x in {"b"}\n';
  const out = rewriteMembership(src, SETS).text.split('\n');
  const before = src.split('\n');
  for (let i = 0; i < before.length - 1; i++) {
    assert.equal(out[i].replace(/member_set_[0-9a-f]{10}\[([^\]]+)\]/, '$1 in SET'), before[i].replace(/\{"[^}]*"\}/, 'SET'));
  }
});
