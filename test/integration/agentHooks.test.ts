// `paladin hook <agent>` as each agent CLI runs it: a separate process of the
// built command line, the event on stdin, the answer on stdout, over the real
// policy and a temporary database. Fails closed on everything it cannot judge.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-hooks-'));
const workspace = path.join(tmp, 'ws');
fs.mkdirSync(workspace);
const dbPath = path.join(tmp, 'data', 'paladin.db');
const cli = path.resolve('dist/cli.js');
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface Outcome {
  code: number | null;
  answer: Record<string, unknown> | undefined;
  stdout: string;
  stderr: string;
}

function hook(args: string[], stdin: string | Buffer, extraEnv: Record<string, string> = {}): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'hook', ...args], { cwd: workspace, env: { ...process.env, PALADIN_DB: dbPath, ...extraEnv }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.stdin.on('error', () => undefined);
    child.on('close', (code) => {
      let answer: Record<string, unknown> | undefined;
      try {
        answer = JSON.parse(stdout) as Record<string, unknown>;
      } catch {
        answer = undefined;
      }
      resolve({ code, answer, stdout, stderr });
    });
    child.stdin.end(stdin);
  });
}

const claude = (command: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ session_id: 's1', transcript_path: '/dev/null', cwd: workspace, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command, description: 'x' }, ...extra });
const gemini = (command: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ session_id: 's1', cwd: workspace, hook_event_name: 'BeforeTool', timestamp: new Date().toISOString(), tool_name: 'run_shell_command', tool_input: { command }, ...extra });
const cursor = (command: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ conversation_id: 'c1', generation_id: 'g1', hook_event_name: 'beforeShellExecution', command, cwd: workspace, workspace_roots: [workspace], ...extra });

type Specific = { permissionDecision: string; permissionDecisionReason: string; updatedInput?: { command: string } };
const specific = (o: Outcome) => o.answer?.hookSpecificOutput as Specific;

describe('paladin hook claude-code', () => {
  test('rm -rf ~ is denied with its reasons; ls -la is allowed', async () => {
    const denied = await hook(['claude-code'], claude('rm -rf ~'));
    assert.equal(denied.code, 0, denied.stderr);
    assert.equal(specific(denied).permissionDecision, 'deny');
    assert.match(specific(denied).permissionDecisionReason, /fs\.delete-home/);
    assert.equal((denied.answer?.hookSpecificOutput as { hookEventName: string }).hookEventName, 'PreToolUse');
    const allowed = await hook(['claude-code'], claude('ls -la'));
    assert.equal(allowed.code, 0);
    assert.equal(specific(allowed).permissionDecision, 'allow');
  });

  test('a command the policy asks about is ask, or deny with --strict', async () => {
    const ask = await hook(['claude-code'], claude('echo hi > notes.txt'));
    assert.equal(specific(ask).permissionDecision, 'ask');
    const strict = await hook(['claude-code', '--strict'], claude('echo hi > notes.txt'));
    assert.equal(specific(strict).permissionDecision, 'deny');
  });

  test('--sandbox routes what needs no approval through paladin run; never what is denied', async () => {
    const routed = await hook(['claude-code', '--sandbox'], claude("ls -la 'it''s'"));
    assert.equal(specific(routed).permissionDecision, 'allow');
    const rewritten = specific(routed).updatedInput?.command ?? '';
    assert.match(rewritten, /^PALADIN_SOURCE=claude-code .* run --workspace \S+ -- /);
    // The rewritten line, run by a shell, hands paladin run the original command as one word.
    const echoed = spawnSync('bash', ['-c', rewritten.replace(/^PALADIN_SOURCE=claude-code .* run /, 'printf "%s\\n" ')], { encoding: 'utf8' });
    assert.equal(echoed.stdout.trim().split('\n').pop(), "ls -la 'it''s'");
    const denied = await hook(['claude-code', '--sandbox'], claude('rm -rf ~'));
    assert.equal(specific(denied).permissionDecision, 'deny');
    assert.equal(specific(denied).updatedInput, undefined);
  });

  test('malformed JSON, non-objects and events without a command are denied (exit 2), never allowed', async () => {
    for (const input of ['{not json', '[]', '"text"', '', JSON.stringify({ hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: {} })]) {
      const o = await hook(['claude-code'], input);
      assert.notEqual(specific(o)?.permissionDecision, 'allow', input);
      assert.ok(['deny', 'ask'].includes(specific(o).permissionDecision), `${input}: ${o.stdout}`);
    }
    const broken = await hook(['claude-code'], '{not json');
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /not JSON/);
  });

  test('an unknown tool or event is ask, never allow', async () => {
    const tool = await hook(['claude-code'], claude('ls', { tool_name: 'Write' }));
    assert.equal(specific(tool).permissionDecision, 'ask');
    assert.match(specific(tool).permissionDecisionReason, /Write/);
    const event = await hook(['claude-code'], claude('ls', { hook_event_name: 'PostToolUse' }));
    assert.equal(specific(event).permissionDecision, 'ask');
  });

  test('a huge command and a huge event are denied', async () => {
    const long = await hook(['claude-code'], claude('echo ' + 'a'.repeat(40_000)));
    assert.equal(specific(long).permissionDecision, 'deny');
    assert.match(specific(long).permissionDecisionReason, /limit/);
    const flood = await hook(['claude-code'], Buffer.alloc(3 * 1024 * 1024, 0x20));
    assert.equal(specific(flood).permissionDecision, 'deny');
    assert.equal(flood.code, 2);
  });

  test('a missing workspace, an unwritable database and a missing one in a locked folder are denied', async () => {
    const gone = await hook(['claude-code'], claude('ls', { cwd: path.join(tmp, 'no-such-folder') }));
    assert.equal(specific(gone).permissionDecision, 'deny');
    const locked = path.join(tmp, 'locked');
    fs.mkdirSync(locked);
    fs.writeFileSync(path.join(locked, 'paladin.db'), 'this is not a database, and it is read-only');
    fs.chmodSync(path.join(locked, 'paladin.db'), 0o400);
    const corrupt = await hook(['claude-code'], claude('ls -la'), { PALADIN_DB: path.join(locked, 'paladin.db') });
    assert.equal(specific(corrupt).permissionDecision, 'deny', corrupt.stdout);
    assert.equal(corrupt.code, 2);
    const notADir = path.join(tmp, 'file-not-dir');
    fs.writeFileSync(notADir, '');
    const missing = await hook(['claude-code'], claude('ls -la'), { PALADIN_DB: path.join(notADir, 'sub', 'paladin.db') });
    assert.equal(specific(missing).permissionDecision, 'deny', missing.stdout);
  });

  test('a verdict that does not come in time is deny', async () => {
    const child = spawn(process.execPath, [cli, 'hook', 'claude-code', '--timeout-ms', '300'], { cwd: workspace, env: { ...process.env, PALADIN_DB: dbPath }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stdin.write('{"hook_event_name":'); // and never finish the event
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 2);
    assert.equal((JSON.parse(stdout).hookSpecificOutput as Specific).permissionDecision, 'deny');
    assert.match(stdout, /no verdict within 300 ms/);
  });
});

describe('paladin hook gemini', () => {
  test('deny and allow in Gemini CLI\'s format; ask leaves the call to Gemini\'s own confirmation', async () => {
    const denied = await hook(['gemini'], gemini('rm -rf ~'));
    assert.equal(denied.answer?.decision, 'deny');
    assert.match(String(denied.answer?.reason), /fs\.delete-home/);
    const allowed = await hook(['gemini'], gemini('ls -la'));
    assert.equal(allowed.answer?.decision, 'allow');
    const ask = await hook(['gemini'], gemini('echo hi > notes.txt'));
    assert.equal(ask.answer?.decision, undefined);
    assert.match(String(ask.answer?.systemMessage), /confirm/);
    const routed = await hook(['gemini', '--sandbox'], gemini('ls -la'));
    assert.match(String((routed.answer?.hookSpecificOutput as { tool_input: { command: string } }).tool_input.command), /PALADIN_SOURCE=gemini .* run /);
  });

  test('an unknown tool is denied (Gemini CLI has no ask), malformed input too', async () => {
    const tool = await hook(['gemini'], gemini('ls', { tool_name: 'write_file' }));
    assert.equal(tool.answer?.decision, 'deny');
    const broken = await hook(['gemini'], 'garbage');
    assert.equal(broken.answer?.decision, 'deny');
    assert.equal(broken.code, 2);
  });
});

describe('paladin hook cursor', () => {
  test('deny, allow and ask in Cursor\'s format', async () => {
    const denied = await hook(['cursor'], cursor('rm -rf ~'));
    assert.equal(denied.answer?.permission, 'deny');
    assert.match(String(denied.answer?.agent_message), /fs\.delete-home/);
    assert.equal((await hook(['cursor'], cursor('ls -la'))).answer?.permission, 'allow');
    assert.equal((await hook(['cursor'], cursor('echo hi > notes.txt'))).answer?.permission, 'ask');
    const unknown = await hook(['cursor'], cursor('ls', { hook_event_name: 'beforeMCPExecution' }));
    assert.equal(unknown.answer?.permission, 'ask');
    const broken = await hook(['cursor'], '{');
    assert.equal(broken.answer?.permission, 'deny');
  });
});

describe('the record', () => {
  test('hook decisions are in history and the audit log under each agent', () => {
    const env = { ...process.env, PALADIN_DB: dbPath };
    const audit = spawnSync(process.execPath, [cli, 'audit', 'export', '--format', 'json'], { env, encoding: 'utf8' });
    assert.equal(audit.status, 0, audit.stderr);
    const rows = JSON.parse(audit.stdout) as { action: string; source: string | null; details: { command?: string } }[];
    for (const source of ['claude-code', 'gemini', 'cursor']) {
      assert.ok(rows.some((r) => r.action === 'check' && r.source === source && r.details.command === 'rm -rf ~'), source);
      const history = spawnSync(process.execPath, [cli, 'history', '--source', source, '--json', '--limit', '500'], { env, encoding: 'utf8' });
      assert.equal(history.status, 0, history.stderr);
      const entries = JSON.parse(history.stdout) as { source: string; command: string; status: string; policyDecision: string }[];
      assert.ok(entries.some((e) => e.command === 'rm -rf ~' && e.status === 'judged' && e.policyDecision === 'deny'), `${source}: ${history.stdout.slice(0, 500)}`);
      assert.ok(entries.every((e) => e.source === source));
    }
  });
});

describe('paladin hook install', () => {
  test('prints the snippet; --write merges it once into the settings, keeping what is there', () => {
    const printed = spawnSync(process.execPath, [cli, 'hook', 'install', 'claude-code'], { encoding: 'utf8' });
    assert.equal(printed.status, 0);
    assert.match(printed.stdout, /"PreToolUse"/);
    assert.match(printed.stdout, /paladin hook claude-code/);
    const project = path.join(tmp, 'project');
    fs.mkdirSync(path.join(project, '.claude'), { recursive: true });
    fs.writeFileSync(path.join(project, '.claude', 'settings.json'), JSON.stringify({ model: 'x', hooks: { PreToolUse: [{ matcher: 'Write', hooks: [] }] } }));
    const refused = spawnSync(process.execPath, [cli, 'hook', 'install', 'claude-code', '--project', project, '--write'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    assert.equal(refused.status, 3);
    for (let i = 0; i < 2; i++) {
      const wrote = spawnSync(process.execPath, [cli, 'hook', 'install', 'claude-code', '--project', project, '--write', '--yes'], { encoding: 'utf8' });
      assert.equal(wrote.status, 0, wrote.stderr);
    }
    const settings = JSON.parse(fs.readFileSync(path.join(project, '.claude', 'settings.json'), 'utf8'));
    assert.equal(settings.model, 'x');
    assert.equal(settings.hooks.PreToolUse.length, 2);
    assert.equal(settings.hooks.PreToolUse[1].matcher, 'Bash');
    for (const agent of ['gemini', 'cursor', 'mcp']) {
      const out = spawnSync(process.execPath, [cli, 'hook', 'install', agent, '--project', project, '--write', '--yes'], { encoding: 'utf8' });
      assert.equal(out.status, 0, out.stderr);
    }
    assert.equal(JSON.parse(fs.readFileSync(path.join(project, '.cursor', 'hooks.json'), 'utf8')).hooks.beforeShellExecution[0].command, 'paladin hook cursor');
    assert.equal(JSON.parse(fs.readFileSync(path.join(project, '.gemini', 'settings.json'), 'utf8')).hooks.BeforeTool[0].matcher, 'run_shell_command');
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(project, '.mcp.json'), 'utf8')).mcpServers.paladin.args, ['mcp']);
    fs.writeFileSync(path.join(project, '.cursor', 'hooks.json'), '{ broken');
    const broken = spawnSync(process.execPath, [cli, 'hook', 'install', 'cursor', '--project', project, '--write', '--yes'], { encoding: 'utf8' });
    assert.notEqual(broken.status, 0);
    assert.match(broken.stderr, /not valid JSON/);
    assert.equal(fs.readFileSync(path.join(project, '.cursor', 'hooks.json'), 'utf8'), '{ broken');
  });
});
