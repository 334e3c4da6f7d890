// Infrastructure and cluster tools: terraform (and tofu, terragrunt),
// kubectl (and oc), helm, docker (and podman, docker compose). Reaching a
// cluster or a cloud is network reach; deleting from it is destroy.

import type { WordValue } from '../../shell/words';
import { act, hasOption, rewritesWorkspace, texts, words, type ToolCall } from './toolKit';


const TF_LOCAL = new Set(['validate', 'fmt', 'version', 'providers', 'graph', 'show', 'output', 'console', 'test', '-version', '--version', '-help', '--help', 'help', 'metadata']);
const TF_REMOTE_READ = new Set(['plan', 'init', 'refresh', 'get', 'login', 'logout']);

export function describeTerraform(call: ToolCall): void {
  const { fact, args } = call;
  const prog = fact.program;
  const family = 'infrastructure';
  const rest = texts(words(args));
  const [sub, sub2] = rest;
  fact.subcommand = sub ?? '';
  // `yes | terraform apply` and TF_CLI_ARGS=-auto-approve approve as surely as the option does.
  const tfArgs = [...fact.env, ...call.w.facts.assignments].filter((e) => e.name.startsWith('TF_CLI_ARGS'));
  const auto = hasOption(args, '-auto-approve', '--auto-approve') || (prog === 'terragrunt' && hasOption(args, '--terragrunt-non-interactive', '--non-interactive')) || fact.stdin !== 'inherit' || tfArgs.some((e) => e.dynamic || e.value.includes('auto-approve'));
  if (sub === undefined) act(call, family, 'read', `${prog} prints its help`);
  else if (sub === 'destroy' || (sub === 'apply' && hasOption(args, '-destroy', '--destroy')) || (prog === 'terragrunt' && /^run-all$/.test(sub) && sub2 === 'destroy')) act(call, family, 'destroy', `${prog} ${sub} deletes every resource the configuration manages`);
  else if (sub === 'apply' || (sub === 'run-all' && sub2 === 'apply')) {
    fact.network = true;
    if (auto) act(call, family, 'destroy', `${prog} apply -auto-approve changes real infrastructure (replacing or deleting resources) without showing the plan first`);
    else act(call, family, 'change', `${prog} apply changes real infrastructure`);
  } else if (sub === 'fmt') {
    if (hasOption(args, '-check', '--check', '-diff')) act(call, family, 'read', `${prog} fmt checks formatting`);
    else {
      act(call, family, 'build', `${prog} fmt rewrites .tf files in place`);
      rewritesWorkspace(call);
    }
  } else if (TF_LOCAL.has(sub)) act(call, family, 'read', `${prog} ${sub} reads the configuration`);
  else if (TF_REMOTE_READ.has(sub) || (sub === 'run-all' && sub2 === 'plan')) {
    fact.network = true;
    act(call, family, 'read', `${prog} ${sub} reads the providers' current state`);
  } else if (sub === 'state') {
    if (['list', 'show', 'pull'].includes(sub2 ?? '')) act(call, family, 'read', `${prog} state ${sub2} reads the state`);
    else if (sub2 === 'rm' || (sub2 === 'push' && hasOption(args, '-force', '--force'))) act(call, family, 'destroy', `${prog} state ${sub2} makes ${prog} forget resources it manages (they live on, unmanaged, or are recreated as duplicates)`);
    else act(call, family, 'change', `${prog} state ${sub2 ?? ''} rewrites the state, which decides what terraform manages`);
  } else if (sub === 'workspace') {
    if (['list', 'show', 'select'].includes(sub2 ?? '')) act(call, family, 'read', `${prog} workspace ${sub2}`);
    else if (sub2 === 'delete') act(call, family, 'destroy', `${prog} workspace delete drops a workspace and its state`);
    else act(call, family, 'change', `${prog} workspace ${sub2 ?? ''}`);
  } else if (['import', 'taint', 'untaint', 'force-unlock'].includes(sub)) act(call, family, 'change', `${prog} ${sub} changes the state`);
  else act(call, family, 'unknown', `${prog} ${sub} is not a subcommand Paladin knows`);
}

const KUBE_VALUES = new Set(['-n', '--namespace', '--context', '--cluster', '--kubeconfig', '-l', '--selector', '-o', '--output', '-c', '--container', '--user', '-s', '--server', '--field-selector', '--since', '--tail', '--sort-by', '-f', '--filename', '--type', '--image', '--replicas', '--to-revision', '-p', '--patch', '--timeout', '--grace-period']);
const KUBE_READ = new Set(['get', 'describe', 'logs', 'top', 'explain', 'api-resources', 'api-versions', 'version', 'cluster-info', 'events', 'diff', 'wait', 'auth', 'certificate', 'kustomize', 'completion', 'plugin', 'options', 'help', 'whoami', 'status', 'projects', 'project']);
const KUBE_CHANGE = new Set(['apply', 'create', 'patch', 'edit', 'set', 'scale', 'autoscale', 'label', 'annotate', 'expose', 'run', 'cordon', 'uncordon', 'taint', 'cp', 'exec', 'attach', 'port-forward', 'proxy', 'debug', 'rollout', 'drain', 'new-app', 'start-build', 'login', 'logout', 'new-project']);

export function describeKubectl(call: ToolCall): void {
  const { fact, args } = call;
  const prog = fact.program;
  const family = 'cluster';
  const rest = words(args, KUBE_VALUES);
  const [sub, sub2] = texts(rest);
  fact.subcommand = sub ?? '';
  const local = sub === undefined || sub === 'completion' || sub === 'kustomize' || sub === 'help' || sub === 'options' || (sub === 'version' && hasOption(args, '--client')) || (dryRun(args) && !args.some((a) => a.text === '--dry-run=server'));
  if (!local && sub !== 'config' && sub !== 'plugin') fact.network = true;
  if (sub === undefined) act(call, family, 'read', `${prog} prints its help`);
  else if (dryRun(args)) act(call, family, 'read', `${prog} ${sub} --dry-run only shows what it would do`);
  else if (sub === 'scale' && hasOption(args, '--all') && args.some((a) => /^--replicas=0$/.test(a.text) || (a.text === '--replicas' && args[args.indexOf(a) + 1]?.text === '0'))) act(call, family, 'destroy', `${prog} scale --all --replicas=0 stops every workload it selects`);
  else if ((sub === 'drain' || sub === 'cordon') && hasOption(args, '--force', '--delete-emptydir-data', '--delete-local-data', '--disable-eviction')) act(call, family, 'destroy', `${prog} ${sub} --force deletes pods no controller will bring back, and the data in their emptyDir volumes`);
  else if (sub === 'delete' || (sub === 'replace' && hasOption(args, '--force')) || (sub === 'apply' && hasOption(args, '--prune'))) act(call, family, 'destroy', `${prog} ${sub} deletes resources from the cluster; namespaces, volumes and their data do not come back`);
  else if (sub === 'config') {
    if (['view', 'get-contexts', 'current-context', 'get-clusters', 'get-users'].includes(sub2 ?? '')) {
      act(call, family, 'read', `${prog} config ${sub2} reads the kubeconfig`);
      if (hasOption(args, '--raw')) fact.reads.push(call.w.path({ ...rest[0], text: '~/.kube/config', dynamic: false, glob: false }));
    } else act(call, family, 'change', `${prog} config ${sub2 ?? ''} changes the kubeconfig`);
  } else if (KUBE_READ.has(sub) || (sub === 'rollout' && ['status', 'history'].includes(sub2 ?? ''))) act(call, family, 'read', `${prog} ${sub} reads from the cluster`);
  else if (KUBE_CHANGE.has(sub) || sub === 'replace') {
    act(call, family, 'change', `${prog} ${sub} changes what runs in the cluster`);
    if (sub === 'exec' || sub === 'debug' || sub === 'attach') fact.runs_code = 'remote';
  } else act(call, family, 'unknown', `${prog} ${sub} is not a subcommand Paladin knows`);
  for (const f of fileValues(args)) if (f.text !== '-' && !/^https?:/.test(f.text)) fact.reads.push(call.w.path(f));
}

/** `--dry-run`, `--dry-run=client`, `--dry-run=server` change nothing; `--dry-run=none` is a real run. */
function dryRun(args: WordValue[]): boolean {
  return args.some((a) => !a.dynamic && (a.text === '--dry-run' || /^--dry-run=(client|server|true)$/.test(a.text)));
}

function fileValues(args: WordValue[]): WordValue[] {
  const out: WordValue[] = [];
  args.forEach((a, i) => {
    if ((a.text === '-f' || a.text === '--filename') && args[i + 1]) out.push(args[i + 1]);
  });
  return out;
}

const HELM_LOCAL = new Set(['template', 'lint', 'show', 'inspect', 'version', 'env', 'create', 'package', 'completion', 'help', 'verify', 'plugin']);
const HELM_REMOTE_READ = new Set(['list', 'ls', 'status', 'history', 'get', 'search', 'diff']);

export function describeHelm(call: ToolCall): void {
  const { fact, args } = call;
  const family = 'cluster';
  const rest = texts(words(args, new Set(['-n', '--namespace', '--kube-context', '--kubeconfig', '-f', '--values', '--set', '--version', '-o', '--output', '--repo', '--timeout', '--revision'])));
  const [sub, sub2] = rest;
  fact.subcommand = sub ?? '';
  if (sub === undefined || HELM_LOCAL.has(sub)) act(call, family, sub === 'create' || sub === 'package' ? 'build' : 'read', `helm ${sub ?? ''} works on local charts`);
  else if (['uninstall', 'delete', 'del', 'un'].includes(sub)) {
    fact.network = true;
    act(call, family, 'destroy', `helm ${sub} removes a release and every resource it created from the cluster`);
  } else if (HELM_REMOTE_READ.has(sub)) {
    fact.network = true;
    act(call, family, 'read', `helm ${sub} reads from the cluster or a chart repository`);
  } else if (sub === 'repo' || sub === 'dependency' || sub === 'dep' || sub === 'registry') {
    if (['list', 'ls'].includes(sub2 ?? '')) act(call, family, 'read', `helm ${sub} ${sub2}`);
    else {
      fact.network = ['add', 'update', 'up', 'build', 'login'].includes(sub2 ?? '');
      act(call, family, sub2 === 'build' || sub2 === 'update' ? 'build' : 'change', `helm ${sub} ${sub2 ?? ''} changes chart repositories or dependencies`);
    }
  } else if (['install', 'upgrade', 'rollback', 'test', 'pull', 'fetch', 'push'].includes(sub)) {
    fact.network = true;
    act(call, family, 'change', `helm ${sub} changes what runs in the cluster`);
  } else act(call, family, 'unknown', `helm ${sub} is not a subcommand Paladin knows`);
}

/** kustomize renders manifests locally; `edit` rewrites kustomization.yaml. */
export function describeKustomize(call: ToolCall): void {
  const sub = words(call.args)[0]?.text;
  call.fact.subcommand = sub ?? '';
  if (sub === 'edit' || sub === 'create' || sub === 'init') applyKustomize(call, 'build', 'kustomize edit rewrites kustomization.yaml', true);
  else if (sub === undefined || ['build', 'cfg', 'version', 'help', 'localize'].includes(sub)) applyKustomize(call, 'read', `kustomize ${sub ?? ''} renders manifests`, false);
  else act(call, 'cluster', 'unknown', `kustomize ${sub} is not a subcommand Paladin knows`);
}

function applyKustomize(call: ToolCall, action: 'read' | 'build', effect: string, writes: boolean): void {
  act(call, 'cluster', action, effect);
  if (writes) call.fact.writes.push(call.w.path({ ...call.args[0], text: 'kustomization.yaml', dynamic: false, glob: false }));
}
