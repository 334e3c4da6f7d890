// The explanation and the verdict name the same programs: for thousands of
// generated commands (and NL2Bash's, when its corpus is on the machine), the
// program each simple command finally runs, wrappers taken off, is the same
// in the explainer's walk as in the policy's facts.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { TreeExplainer, type ManualProvider } from '../../server/src/explainer/explainTree';
import { describeCommand } from '../../server/src/policy';
import type { Facts } from '../../server/src/policy/factsTypes';
import { parseWithSource } from '../../server/src/shell/source';
import { resolveCommand } from '../../server/src/shell/wrappers';
import { generateCommands } from '../support/shellCommands';

const NL2BASH = process.env.PALADIN_NL2BASH ?? '/work/shared/benchmarks/nl2bash/all.cm';

const noManuals: ManualProvider = { prefetch: async () => undefined, get: async () => null };

/** A name known only when the command runs (an expansion, a pattern) is the same unknown on both sides. */
const known = (name: string): string => (name === '' || /[*?[]/.test(name) ? '?' : name);

/**
 * Programs of the commands the policy walked. Command strings it parses again
 * (sh -c, eval, su -c, alias values) are left out: the explainer reads only
 * some of them, and a command string's own commands are checked as commands.
 */
function policyPrograms(facts: Facts): string[] {
  // The policy may work out a name the explainer leaves unknown (a pattern it
  // matches against known programs, a substitution whose output it computes);
  // such a name is the explainer's unknown.
  const resolved = (c: Facts['commands'][number]): string => (c.name_dynamic || c.name_from_substitution || c.markers.includes('glob-name') || /[*?[]/.test(c.name) ? '?' : known(c.program));
  return facts.commands.filter((c) => !c.program.startsWith(':')).map(resolved).sort();
}

async function explainedPrograms(command: string): Promise<string[]> {
  const tree = parseWithSource(command);
  const walker = new TreeExplainer(tree, noManuals);
  await walker.stmts(tree.file.Stmts);
  return walker.ran.map(known).sort();
}

/** Commands whose facts are complete (parsed, within limits, no command string parsed again): the ones the two walks must agree on. */
async function disagreements(commands: string[]): Promise<{ checked: number; wrong: string[] }> {
  const wrong: string[] = [];
  let checked = 0;
  for (const command of commands) {
    const facts = describeCommand(command);
    if (!facts.parse.ok || facts.limits.exceeded || facts.commands.some((c) => c.via === 'shell-string' || c.via === 'alias' || c.program === 'alias')) continue;
    checked++;
    const policy = policyPrograms(facts);
    const explained = await explainedPrograms(command);
    if (JSON.stringify(policy) !== JSON.stringify(explained)) wrong.push(`${command}\n    policy:    ${policy.join(' ')}\n    explainer: ${explained.join(' ')}`);
  }
  return { checked, wrong };
}

describe('one notion of the program that runs', () => {
  it('takes wrappers off by one rule', () => {
    const words = (s: string) => s.split(' ').map((text) => ({ text }));
    assert.deepEqual(resolveCommand(words('sudo env X=1 nice rm -rf x')), { program: 'rm', at: 4, wrappers: ['sudo', 'env', 'nice'] });
    assert.deepEqual(resolveCommand(words('timeout -s KILL 5 nohup /bin/rm x')), { program: 'rm', at: 5, wrappers: ['timeout', 'nohup'] });
    assert.deepEqual(resolveCommand(words('command -v rm')), { program: 'command', at: 0, wrappers: [] });
    assert.deepEqual(resolveCommand(words('xargs -0')), { program: 'echo', at: -1, wrappers: ['xargs'] });
    assert.deepEqual(resolveCommand(words('sudo -e /etc/hosts')), { program: 'sudoedit', at: -1, wrappers: ['sudo'] });
    assert.deepEqual(resolveCommand(words('watch -d rm -rf x')), { program: 'watch', at: 0, wrappers: [] });
    assert.deepEqual(resolveCommand([{ text: 'sudo' }, { text: '', dynamic: true }]), { program: '', at: 1, wrappers: ['sudo'] });
  });

  it('the explainer and the policy agree on generated commands', async () => {
    const commands = generateCommands(2500, 20261130);
    const { checked, wrong } = await disagreements(commands);
    assert.ok(checked > 1700, `only ${checked} of ${commands.length} generated commands were complete facts`);
    assert.deepEqual(wrong.slice(0, 10), []);
  });

  it('the explainer and the policy agree on NL2Bash', { skip: fs.existsSync(NL2BASH) ? false : `NL2Bash corpus not found at ${NL2BASH}` }, async () => {
    // Every fourth command: 3,152 of the 12,607, the same ones each run.
    const commands = fs.readFileSync(NL2BASH, 'utf8').split('\n').filter((l, i) => l.trim() !== '' && i % 4 === 0);
    const { checked, wrong } = await disagreements(commands);
    assert.ok(checked > 2_800, `only ${checked} commands checked`);
    assert.deepEqual(wrong.slice(0, 10), []);
  });
});
