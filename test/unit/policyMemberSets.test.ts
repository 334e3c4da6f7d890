// The build step that turns membership tests into lookups in the policy's
// data document must change only the forms whose meaning it keeps, collect
// every set it points at, and leave line numbers where they were.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rewriteMembership, stringSetRules } from '../../policies/memberSets';

const rules = () => stringSetRules(['tools := {"git", "hg"}\n', 'creds := {\n\t"a", "b",\n\t"c",\n}\n', 'made := {x | some x in input.xs}\n']);
const LOOKUP = /data\.paladin_sets\.(in_place_[0-9a-f]{10})\[/;

test('the literal string set rules are found with their members, one line or several; comprehensions are not', () => {
  assert.deepEqual(rules(), { tools: { git: true, hg: true }, creds: { a: true, b: true, c: true } });
});

test('membership tests that stand alone become lookups, and sets written in place join the data', () => {
  const sets = rules();
  const src = [
    'r if {',
    '\tc.program in {"rm", "rmdir"}',
    '\tnot c.args[i + 1] in {"-f"}',
    '\tc.subcommand in tools',
    '}',
    'f(c) if c.via in {"exec", "eval"}',
    'xs := [a | some a in input.args; a in {"-e", "-c"}; a != ""]',
  ].join('\n');
  const out = rewriteMembership(src, sets);
  assert.equal(out.rewritten, 5);
  const lines = out.text.split('\n');
  assert.match(lines[1], /^\tdata\.paladin_sets\.in_place_[0-9a-f]{10}\[c\.program\]$/);
  assert.deepEqual(sets[LOOKUP.exec(lines[1])![1]], { rm: true, rmdir: true });
  assert.match(lines[2], /^\tnot data\.paladin_sets\.in_place_[0-9a-f]{10}\[c\.args\[i \+ 1\]\]$/);
  assert.equal(lines[3], '\tdata.paladin_sets.tools[c.subcommand]');
  assert.match(lines[5], /^f\(c\) if data\.paladin_sets\.in_place_[0-9a-f]{10}\[c\.via\]$/);
  assert.match(lines[6], /; data\.paladin_sets\.in_place_[0-9a-f]{10}\[a\]; a != ""\]$/);
  assert.deepEqual(sets[LOOKUP.exec(lines[6])![1]], { '-e': true, '-c': true });
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
  const sets = rules();
  assert.deepEqual(rewriteMembership(src, sets), { text: src, rewritten: 0 });
  assert.deepEqual(Object.keys(sets).sort(), ['creds', 'tools']);
});

test('every line keeps its number and its text apart from the test itself', () => {
  const src = 'package p\n\nr if {\n\tc.program in {"a"}\n}\n\ns if input.x in tools\n';
  const out = rewriteMembership(src, rules()).text.split('\n');
  const before = src.split('\n');
  assert.equal(out.length, before.length);
  for (let i = 0; i < before.length; i++) {
    assert.equal(out[i].replace(/data\.paladin_sets\.[a-z0-9_]+\[([^\]]+)\]/, '$1 in SET'), before[i].replace(/ in (\{"[^}]*"\}|tools)/, ' in SET'));
  }
});
