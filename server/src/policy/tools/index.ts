// Ecosystem tools: what each family's subcommands do, for tools.rego to
// judge. `describeTool` returns true when it described the command fully,
// false when the general description of programFacts.ts should go on.

import type { Context, Walker } from '../facts';
import type { CommandFact } from '../factsTypes';
import type { WordValue } from '../../shell/words';
import { splitArgs } from '../../shell/argWords';
import { NETWORK_SUBCOMMANDS } from '../../shell/programs';
import { describeCloud, CLOUD_PROGRAMS } from './cloud';
import { describeDocker } from './containers';
import { DATABASE_PROGRAMS, describeDatabaseAdmin, describeDatabaseClient } from './databases';
import { describeGitPublishing } from './gitPublishing';
import { describeGitHistory } from './gitHistory';
import { describeEnvironments, ENVIRONMENT_PROGRAMS, globalRemoval } from './globalRemovals';
import { describeHelm, describeKubectl, describeKustomize, describeTerraform } from './infrastructure';
import { describeJava } from './java';
import { describeJavascript, JAVASCRIPT_PROGRAMS } from './javascript';
import { describeJvmDotnet, JVM_DOTNET_PROGRAMS } from './jvmDotnet';
import { describeNative, NATIVE_PROGRAMS } from './native';
import { describePython, PYTHON_PROGRAMS, PYTHON_TOOL_MODULES } from './python';
import { describeRubyPhp, RUBY_PHP_PROGRAMS } from './rubyPhp';
import { deleteFromEmptyVariable, markQueryText, recursivePermissions } from './shellMistakes';
import { describeSystemPackages, SYSTEM_PACKAGE_PROGRAMS } from './systemPackages';
import { describeOtherBuild, OTHER_BUILD_PROGRAMS, RUNTIME_SUBCOMMANDS } from './otherBuilds';
import { describePlatform, PLATFORM_PROGRAMS } from './platforms';
import { crontabRemove, DELETE_TOOLS, deleteFromEmptyOutput, describeDeleteTool } from './wholeFolders';
import { act, runInner, type ToolCall } from './toolKit';

export { SequenceWatch } from './shellMistakes';

type Describer = (call: ToolCall) => void;

const DESCRIBERS = new Map<string, Describer>();
const add = (names: string[], d: Describer) => names.forEach((n) => DESCRIBERS.set(n, d));
add(['terraform', 'tofu', 'terragrunt'], describeTerraform);
add(['kubectl', 'oc', 'k', 'kubecolor'], describeKubectl);
add(['helm'], describeHelm);
add(['kustomize'], describeKustomize);
add(['java'], describeJava);
add(['docker', 'podman', 'nerdctl', 'docker-compose', 'podman-compose'], describeDocker);
add(PLATFORM_PROGRAMS, describePlatform);
add(ENVIRONMENT_PROGRAMS, describeEnvironments);
add(DELETE_TOOLS, describeDeleteTool);
add(CLOUD_PROGRAMS, describeCloud);
add(DATABASE_PROGRAMS, (c) => (['psql', 'mysql', 'mariadb', 'sqlite3', 'redis-cli', 'mongosh', 'mongo', 'sqlcmd', 'clickhouse-client', 'cqlsh'].includes(c.fact.program) ? describeDatabaseClient(c) : describeDatabaseAdmin(c)));
add(JAVASCRIPT_PROGRAMS, describeJavascript);
add(PYTHON_PROGRAMS, describePython);
add(JVM_DOTNET_PROGRAMS, describeJvmDotnet);
add(NATIVE_PROGRAMS, describeNative);
add(RUBY_PHP_PROGRAMS, describeRubyPhp);
add(['manage.py', 'artisan', 'console'], (c) => describeRubyPhp(c, c.fact.program));
add(SYSTEM_PACKAGE_PROGRAMS, describeSystemPackages);
add(OTHER_BUILD_PROGRAMS, describeOtherBuild);

/** Every program a family here describes: a pattern (`/usr/b??/terra[f]orm`) may name any of them. */
export const TOOL_PROGRAMS: readonly string[] = [...DESCRIBERS.keys()];

/** Programs whose description continues in programFacts.ts after this one (docker's mounts, rm's paths, chmod's modes). */
const CONTINUE = new Set(['docker', 'podman', 'nerdctl']);

export function describeTool(w: Walker, fact: CommandFact, args: WordValue[], ctx: Context): boolean {
  const call: ToolCall = { w, fact, args, ctx };
  const prog = fact.program;
  if (prog === 'rm' || prog === 'rmdir' || prog === 'shred' || prog === 'unlink') {
    deleteFromEmptyVariable(call, splitArgs(args).positionals);
    deleteFromEmptyOutput(call, splitArgs(args).positionals);
  }
  if (prog === 'crontab') crontabRemove(call);
  if (prog === 'chmod' || prog === 'chown' || prog === 'chgrp') recursivePermissions(call);
  if (prog === 'echo' || prog === 'printf' || prog === 'cat') markQueryText(call);
  if ((prog === 'yarn' || prog === 'pnpm') && projectBinary(call)) return true;
  const describe = DESCRIBERS.get(prog);
  if (!describe) return false;
  // The general table's guess (`go mod` reaches the network) gives way to the describer's knowledge; raw sockets stay.
  if (prog in NETWORK_SUBCOMMANDS && !fact.redirects.some((r) => r.classes.includes('network-socket'))) {
    fact.network = false;
    fact.targets = [];
  }
  describe(call);
  globalRemoval(call);
  helpOnly(call);
  return !CONTINUE.has(prog);
}

/**
 * `yarn cdk destroy`, `pnpm tsc`: yarn and pnpm run a project's binary by its bare name (when no
 * script of that name exists). A name a family here describes is judged as that tool.
 */
function projectBinary(call: ToolCall): boolean {
  const at = call.args.findIndex((a) => !a.text.startsWith('-') || a.dynamic);
  const word = call.args[at];
  if (at !== 0 || word.dynamic || !DESCRIBERS.has(word.text) || ['yarn', 'pnpm', 'npm', 'npx'].includes(word.text)) return false;
  act(call, 'javascript', 'build', `${call.fact.program} runs the project's ${word.text}`);
  runInner(call, call.args.slice(at));
  return true;
}

/**
 * `terraform destroy --help` prints help and destroys nothing: a destroy or publish asked for
 * its help only reads. Not for database clients, whose words after the statement may be data,
 * nor after `--`, where the words belong to another program.
 */
function helpOnly(call: ToolCall): void {
  const tool = call.fact.tool;
  if (!tool || (tool.action !== 'destroy' && tool.action !== 'publish') || tool.family === 'database') return;
  const end = call.args.findIndex((a) => a.text === '--');
  const before = end < 0 ? call.args : call.args.slice(0, end);
  if (!before.some((a) => !a.dynamic && ['--help', '-help'].includes(a.text))) return;
  call.fact.tool = { family: tool.family, action: 'read', effect: `${call.fact.program} prints its help` };
}

/** git: the parts of a command that publish to others. */
export function describeGitTool(w: Walker, fact: CommandFact, args: WordValue[], ctx: Context): void {
  describeGitPublishing({ w, fact, args, ctx });
  describeGitHistory({ w, fact, args, ctx });
}

/** `python -m pytest ...` is pytest; `php artisan` and `python manage.py` run a project's tasks. */
export function describeInterpreterTool(w: Walker, fact: CommandFact, args: WordValue[], ctx: Context): boolean {
  const first = args.find((a) => !a.text.startsWith('-') || a.dynamic);
  if (first && !first.dynamic && RUNTIME_SUBCOMMANDS[fact.program]?.has(first.text)) {
    fact.runs_code = 'none';
    fact.reads = [];
    describeOtherBuild({ w, fact, args, ctx });
    return true;
  }
  const m = args.findIndex((a) => a.text === '-m');
  const script = splitArgs(args).positionals[0];
  const at = fact.runs_code === 'module' ? m + 1 : script ? args.indexOf(script) : -1;
  if (at < 0 || !args[at]) return false;
  const name = args[at].text.split('/').pop() ?? '';
  const call: ToolCall = { w, fact, args: args.slice(at + 1), ctx };
  if (fact.runs_code === 'module' && PYTHON_TOOL_MODULES.has(name)) {
    fact.runs_code = 'none';
    fact.network = false;
    describePython(call, name);
    globalRemoval(call, name);
    return true;
  }
  if (fact.runs_code === 'script' && (name === 'artisan' || name === 'manage.py' || name === 'console')) {
    describeRubyPhp(call, name);
    return true;
  }
  return false;
}
