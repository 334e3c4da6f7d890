// Infrastructure-as-code, hosting and platform CLIs: pulumi, AWS CDK and
// cdktf, serverless, helmfile, heroku, fly, vercel, netlify, railway,
// render, doppler, GitHub and GitLab CLIs, influx, databricks, firebase,
// supabase, wrangler. Their subcommands are nouns and verbs (`gh repo
// delete`, `heroku apps:destroy`, `wrangler d1 delete`): a verb that deletes
// destroys, whatever noun it acts on; a deploy that skips its own preview is
// as final as `terraform apply -auto-approve`; the rest reaches a service
// (network) unless the tool's table says it works locally.

import type { WordValue } from '../../shell/words';
import { applyKind, table, type Kind } from './kinds';
import { set } from './tableTool';
import { act, hasFlag, hasOption, optionText, words, type ToolCall } from './toolKit';

interface PlatformSpec {
  /** Subcommands (words joined by spaces; `heroku apps:info` is `apps info`) that do not destroy. */
  subs: Map<string, Kind>;
  values?: ReadonlySet<string>;
  /** What a subcommand destroys when an option makes it final (a deploy that skips its own preview, a stop that drops the data). */
  final?: (call: ToolCall, path: string[]) => string | undefined;
  /** What the tool does given options but no subcommand (unknown unless said). */
  bare?: Kind;
  /** Subcommands that run the command in the words after them, on this machine (`doppler run -- npm start`). */
  runs?: string;
}

const DESTROY_VERB = /^(delete|destroy|remove|rm|del|purge|reset|drop|wipe|erase|unset|down|uninstall|permanent-delete|delete-.+|remove-.+|destroy-.+|prune)$/;
const READ_VERB = /^(list|ls|show|get|view|status|info|describe|logs?|whoami|version|--version|-v|help|--help|-h|diff|preview|history|inspect|ps|tail|query|search|about|doctor|export|output|outputs|check|validate|lint|synth|template|print|open|browse|watch|checks)$/;

const SPECS: Record<string, PlatformSpec> = {
  pulumi: {
    values: set('-s --stack -C --cwd --target --config-file --exec-kind'),
    subs: table({ read: 'version about whoami help config config_get stack_ls stack_output stack_select schema gen-completion', netread: 'preview stack_history stack_export logs org', write: 'new convert', change: 'up update refresh import config_set stack_init login logout cancel install plugin_install' }),
    final: (call, path) => (['up', 'update'].includes(path[0]) && (hasFlag(call.args, 'y', '--yes') || hasOption(call.args, '--skip-preview')) ? UNREVIEWED : undefined),
  },
  cdk: {
    values: set('-a --app -c --context --profile -o --output'),
    subs: table({ build: 'synth synthesize', read: 'ls list doctor docs version --version acknowledge notices context', netread: 'diff', write: 'init migrate', change: 'deploy bootstrap import watch' }),
    final: (call, path) => (path[0] === 'deploy' && (optionText(call.args, '--require-approval') === 'never' || hasOption(call.args, '--force')) ? UNREVIEWED : undefined),
  },
  cdktf: {
    values: set('-a --app -o --output'),
    subs: table({ build: 'synth get', read: 'list --version help', netread: 'diff plan output', write: 'init convert', change: 'deploy apply watch login' }),
    final: (call, path) => (['deploy', 'apply'].includes(path[0]) && hasOption(call.args, '--auto-approve') ? UNREVIEWED : undefined),
  },
  serverless: {
    values: set('-s --stage -r --region -c --config --aws-profile -f --function'),
    subs: table({ build: 'package', read: 'print help --version plugin_list', netread: 'info logs metrics invoke_local', write: 'create', change: 'deploy invoke rollback login plugin_install' }),
  },
  helmfile: {
    values: set('-e --environment -f --file -l --selector --state-values-set -n --namespace'),
    subs: table({ read: 'lint template build version help list', netread: 'diff status', build: 'deps repos fetch', change: 'apply sync charts write-values' }),
  },
  heroku: {
    values: set('-a --app -r --remote --confirm'),
    // `heroku run CMD` runs CMD on a dyno, against the app's real data: judged as CMD.
    runs: 'run',
    subs: table({ netread: 'apps apps_info config config_get ps logs releases addons domains status pg_info pg_credentials auth_whoami access info', read: 'version help --version', change: 'create apps_create config_set ps_scale ps_restart releases_rollback addons_create restart login git_remote maintenance_on maintenance_off pg_backups_capture deploy' }),
  },
  fly: {
    values: set('-a --app -c --config -r --region -o --org'),
    subs: table({ netread: 'status logs apps_list list ls info volumes_list secrets_list machine_list postgres_list ips_list regions_list config_show doctor dashboard', read: 'version help --version', change: 'deploy launch apps_create scale machine_start machine_stop machine_restart secrets_set volumes_create ssh_console postgres_connect console proxy auth_login ips_allocate-v4 certs_add' }),
  },
  vercel: {
    bare: 'change',
    values: set('--scope -t --token --cwd -A --local-config'),
    subs: table({ netread: 'ls list inspect logs whoami env_ls env_pull domains_ls projects_ls teams_ls alias_ls', build: 'build dev', read: 'help --version -v', change: 'deploy --prod alias alias_set env_add domains_add link login logout promote rollback redeploy pull git_connect' }),
  },
  netlify: {
    values: set('-s --site --context --filter --dir'),
    subs: table({ netread: 'status sites list sites_list env_list env_get logs open watch api', build: 'build dev serve functions_build', read: 'help --version', change: 'deploy init link unlink env_set env_import login logout functions_invoke sites_create' }),
  },
  railway: {
    values: set('-s --service -e --environment'),
    runs: 'run',
    subs: table({ netread: 'status logs list whoami variables domain open', read: 'help --version', change: 'up deploy shell link unlink login logout init add redeploy variables_set environment_new' }),
  },
  render: {
    values: set('-o --output'),
    subs: table({ netread: 'services services_list deploys logs whoami blueprints', read: 'help --version', change: 'deploys_create services_restart login ssh psql blueprint' }),
  },
  doppler: {
    values: set('-p --project -c --config --token'),
    runs: 'run',
    subs: table({ netread: 'secrets secrets_get configs projects environments me activity', read: '--version help', change: 'setup login logout secrets_set secrets_upload configure' }),
  },
  gh: {
    values: set('-R --repo -L --limit -q --jq -t --template --json -s --state -b --body -B --base -H --head'),
    subs: table({ netread: 'pr_list pr_view pr_diff pr_checks pr_status issue_list issue_view issue_status run_list run_view run_watch repo_view repo_list release_list release_view release_download api search browse status auth_status workflow_list workflow_view cache_list secret_list variable_list label_list gist_list gist_view codespace_list', read: 'help version --version alias_list config_get extension_list completion', change: 'pr_create pr_merge pr_close pr_reopen pr_comment pr_review pr_edit pr_ready pr_checkout issue_create issue_close issue_comment issue_edit issue_reopen repo_clone repo_fork repo_create repo_sync repo_edit release_create release_edit release_upload run_rerun run_cancel workflow_run workflow_enable workflow_disable secret_set variable_set label_create gist_create auth_login auth_logout auth_refresh codespace_create repo_archive repo_rename extension_install' }),
  },
  glab: {
    values: set('-R --repo -b --branch'),
    subs: table({ netread: 'mr_list mr_view mr_diff issue_list issue_view ci_status ci_view ci_list pipeline_list repo_view release_list api variable_list auth_status', read: 'help version --version', change: 'mr_create mr_merge mr_close mr_checkout mr_approve issue_create issue_close repo_clone repo_fork release_create ci_run ci_retry variable_set auth_login' }),
  },
  influx: {
    values: set('--host -t --token -o --org --org-id -c --active-config -b --bucket -n --name -f --file'),
    subs: table({ netread: 'bucket_list bucket_find org_list query ping auth_list user_list task_list dashboards config_list config', read: 'version help', change: 'write bucket_create org_create auth_create task_create setup config_create backup restore user_create' }),
  },
  databricks: {
    values: set('-p --profile -o --output --cluster-id --job-id'),
    subs: table({ netread: 'clusters_list clusters_get workspace_ls workspace_list workspace_export fs_ls fs_cat jobs_list jobs_get runs_list catalogs_list schemas_list tables_list current-user_me auth_profiles', read: 'version help --version', build: 'bundle_validate', change: 'clusters_create clusters_start clusters_restart clusters_edit jobs_create jobs_run-now jobs_reset workspace_import fs_cp fs_mkdir bundle_deploy bundle_run configure auth_login' }),
  },
  firebase: {
    values: set('-P --project --only --except --token'),
    subs: table({ netread: 'projects_list apps_list hosting_channel_list functions_list functions_log database_get firestore_indexes login_list use', read: '--version help', build: 'emulators_start emulators_exec serve', change: 'deploy init login logout hosting_channel_deploy functions_config_set database_set database_update database_push apps_create projects_create target_apply experiments_enable', destroy: 'hosting_disable' }),
    // `deploy --force` deletes the functions the source no longer has, without asking.
    final: (call, path) => (path[0] === 'deploy' && hasFlag(call.args, 'f', '--force') ? 'deletes the deployed functions missing from the source without asking' : undefined),
  },
  supabase: {
    values: set('--project-ref --workdir -p --password --db-url'),
    subs: table({ read: 'status --version help', build: 'start gen_types db_lint test_db functions_serve', write: 'init migration_new functions_new', netread: 'db_diff projects_list functions_list secrets_list migration_list inspect link_status', change: 'stop link login db_push db_pull functions_deploy secrets_set migration_up migration_repair' }),
    final: (call, path) => (path[0] === 'stop' && hasOption(call.args, '--no-backup') ? 'deletes the local database volumes with their data' : undefined),
  },
  wrangler: {
    values: set('-c --config -e --env --name --binding --namespace-id'),
    subs: table({ build: 'dev build types', read: '--version -v help', netread: 'whoami tail d1_list d1_info kv_namespace_list kv:namespace_list kv_key_list kv_key_get r2_bucket_list deployments_list versions_list secret_list pages_project_list', change: 'deploy publish login logout init d1_create d1_execute d1_migrations_apply kv_namespace_create kv:namespace_create kv_key_put kv:key_put r2_bucket_create r2_object_put secret_put pages_deploy rollback' }),
  },
};
/** Cluster, cloud, storage and VM CLIs known by their verbs alone: a deleting verb destroys, a reading one reads over the network, the rest is unknown. */
const VERB_ONLY: Record<string, string> = {
  eksctl: 'create_cluster', argocd: 'app_sync', vault: 'kv_put write', consul: 'kv_put', nomad: 'job_run', kind: 'create_cluster', minikube: 'start stop', k3d: 'cluster_create',
  hcloud: '', 'linode-cli': '', oci: '', ibmcloud: '', atlas: '', etcdctl: 'put', s3cmd: 'put get sync', rclone: 'copy sync move', mc: 'cp mirror', azcopy: 'copy sync',
  vagrant: 'up halt reload provision ssh', multipass: 'launch start stop', lxc: 'launch start stop exec', virsh: 'start shutdown', openstack: '',
};
for (const [prog, change] of Object.entries(VERB_ONLY)) SPECS[prog] = { subs: table({ change, read: '--version version help -h --help' }) };
SPECS.vault.subs = table({ change: 'kv_put write login', read: 'version help status', destroy: 'secrets_disable auth_disable' });
SPECS.s3cmd.subs.set('rb', 'destroy');
SPECS.virsh.subs = table({ change: 'start shutdown reboot', read: 'list dominfo', destroy: 'undefine vol-delete pool-delete pool-destroy' });
// `rclone sync` and `mc mirror --remove` make the destination match the source, deleting what it lacks there.
SPECS.rclone.final = (call, path) => (path[0] === 'sync' ? 'deletes every file at the destination that the source lacks' : undefined);
SPECS.nomad.final = (call, path) => (path[0] === 'job' && path[1] === 'stop' && hasFlag(call.args, 'purge', '-purge') ? 'purges the job and its history' : undefined);

const UNREVIEWED = 'deploys without showing the changes first, and may replace or delete resources';
SPECS.sls = SPECS.serverless;
SPECS.flyctl = SPECS.fly;

export const PLATFORM_PROGRAMS = Object.keys(SPECS);

/** `heroku apps:destroy`, `netlify sites:delete`, `wrangler kv:namespace delete` → words. */
function pathOf(rest: WordValue[]): string[] {
  const out: string[] = [];
  for (const v of rest.slice(0, 3)) {
    if (v.dynamic) break;
    out.push(...v.text.split(':').filter(Boolean));
  }
  return out;
}

export function describePlatform(call: ToolCall): void {
  const prog = call.fact.program;
  const spec = SPECS[prog];
  const rest = words(call.args, spec.values);
  const path = pathOf(rest);
  call.fact.subcommand = path.slice(0, 2).join(' ');
  const label = [prog, ...path.slice(0, 3)].join(' ');
  // With no subcommand most print their help; `vercel` alone (or `vercel --prod`) deploys.
  if (rest.length === 0) {
    const helpOnly = call.args.length > 0 && call.args.every((a) => !a.dynamic && /^(-h|--help|-v|-V|--version|help|version)$/.test(a.text));
    const bare = helpOnly ? 'read' : (spec.bare ?? (call.args.length === 0 ? 'read' : 'unknown'));
    if (bare !== 'read') call.fact.network = true;
    return applyKind(call, prog, bare, `${prog} with no subcommand`);
  }
  if (rest[0].dynamic) return applyKind(call, prog, 'unknown', `${prog} with a subcommand only known at run time`);
  call.fact.network = true;
  if (spec.runs === path[0]) return applyKind(call, prog, 'run', label, innerCommand(call.args, rest[0]));
  if (apiDelete(call)) return act(call, prog, 'destroy', `${prog} api with the DELETE method deletes what the URL names on the service`);
  // The verb is one of the first words; the words after it name what it acts on.
  if (path.slice(0, 3).some((v) => DESTROY_VERB.test(v))) return act(call, prog, 'destroy', `${label} deletes data or resources on the service that do not come back`);
  const final = spec.final?.(call, path);
  if (final) return act(call, prog, 'destroy', `${label} ${final}`);
  const kind = [path.slice(0, 3).join(' '), path.slice(0, 2).join(' '), path[0]].map((k) => spec.subs.get(k)).find((k) => k !== undefined);
  if (kind) {
    if (kind === 'read' || kind === 'build' || kind === 'write') call.fact.network = false;
    return applyKind(call, prog, hasOption(call.args, '--dry-run') && kind === 'change' ? 'netread' : kind, label);
  }
  if (path.slice(0, 2).some((v) => READ_VERB.test(v))) return applyKind(call, prog, 'netread', label);
  applyKind(call, prog, 'unknown', label);
}

/** The words after `run` (and after `--`, when given). */
function innerCommand(args: WordValue[], run: WordValue): WordValue[] {
  let inner = args.slice(args.indexOf(run) + 1);
  const dashes = inner.findIndex((a) => a.text === '--');
  if (dashes >= 0) return inner.slice(dashes + 1);
  while (inner[0] && inner[0].text.startsWith('-') && !inner[0].dynamic) inner = inner.slice(1);
  return inner;
}

/** `gh api -X DELETE`, `--method=delete`, `-XDELETE`. */
function apiDelete(call: ToolCall): boolean {
  if (!['gh', 'glab'].includes(call.fact.program)) return false;
  const method = optionText(call.args, '-X', '--method') ?? call.args.find((a) => /^-X[A-Za-z]+$/.test(a.text))?.text.slice(2);
  return method !== undefined && /^delete$/i.test(method);
}
