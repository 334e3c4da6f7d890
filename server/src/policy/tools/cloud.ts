// Cloud CLIs: aws, gcloud (and gsutil), az, doctl. Everything they do
// reaches the cloud; reads ask through network.access, deletions are denied.

import { act, hasFlag, hasOption, texts, words, type ToolCall } from './toolKit';

export const CLOUD_PROGRAMS = ['aws', 'gcloud', 'gsutil', 'az', 'doctl'];

const READ_VERB = /^(describe|list|get|show|head|ls|wait|info|version|help|whoami|print-\w+|read|search|check|validate|lookup|query|estimate|preview|tail|logs?|test-\w+|exists|view)(-|$)/;
const DESTROY_VERB = /^(batch-|force-|bulk-)?(delete|terminate|remove|rm|rb|deregister|destroy|purge|drop|disable|revoke|erase|wipe|abandon|cancel|detach|disassociate|release|empty|clear|uninstall|unregister|deprovision|reset)(-|$)|^schedule-[\w-]*deletion$/;

// Registry logins (`aws ecr get-login-password | docker login --password-stdin`) are left to the network rules.
const PRINTS_CREDENTIALS = /^(print-access-token|print-identity-token|get-access-token|get-session-token|get-federation-token|print-token|export-credentials)$/;
const CREDENTIALS: Record<string, string> = { aws: '~/.aws/credentials', gcloud: '~/.config/gcloud', gsutil: '~/.config/gcloud', az: '~/.azure', doctl: '~/.config/doctl' };

export function describeCloud(call: ToolCall): void {
  const { fact, args } = call;
  const prog = fact.program;
  const family = 'cloud';
  fact.network = true;
  const values = new Set(['--region', '--profile', '--output', '--query', '--project', '--zone', '--format', '--filter', '--subscription', '-g', '--resource-group', '-n', '--name', '--endpoint-url', '--bucket', '--key', '--instance-ids', '--configuration', '--account', '--context', '-o', '--location', '-l']);
  const rest = texts(words(args, values));
  fact.subcommand = rest.slice(0, 2).join(' ');
  const label = [prog, ...rest.slice(0, 3)].join(' ');
  const local = rest[0] === 'configure' || rest[0] === 'config' || rest[0] === 'auth' || rest[0] === 'login' || rest[0] === 'logout' || rest[0] === 'init' || rest[0] === 'components' || rest[0] === 'extension' || rest[0] === 'version' || rest[0] === '--version';
  if (rest.length === 0) {
    act(call, family, 'read', `${prog} prints its help`);
    return;
  }
  // Printing a token or a secret key reads the CLI's credentials, as `cat` of them would.
  if (rest.some((r) => PRINTS_CREDENTIALS.test(r)) || (rest[0] === 'configure' && rest[1] === 'get' && /secret|key|token|password/i.test(rest[2] ?? ''))) {
    fact.reads.push(call.w.path({ ...args[0], text: CREDENTIALS[prog] ?? '~/.config/gcloud', dynamic: false, glob: false }));
  }
  if (prog === 'aws' && rest[0] === 's3') {
    describeS3(call, rest.slice(1));
    return;
  }
  if (prog === 'gsutil') {
    const verb = rest[0];
    if ((verb === 'rm' && (hasFlag(args, 'r') || hasFlag(args, 'R') || hasFlag(args, 'a'))) || verb === 'rb' || (verb === 'rsync' && hasFlag(args, 'd'))) act(call, family, 'destroy', `gsutil ${verb} deletes objects or buckets for good`);
    else if (['ls', 'cat', 'du', 'stat', 'hash', 'version', 'help', 'ls', 'version'].includes(verb)) act(call, family, 'read', `gsutil ${verb} reads from Cloud Storage`);
    else act(call, family, 'change', `gsutil ${verb} changes Cloud Storage`);
    return;
  }
  // The verb is the first word that reads as one: `gcloud compute instances delete NAME`, `aws ec2 terminate-instances`, `az group delete`.
  const verbs = rest.slice(prog === 'aws' ? 1 : 0);
  const destroy = verbs.find((v) => DESTROY_VERB.test(v));
  const read = verbs.find((v) => READ_VERB.test(v));
  if (local && !destroy && !['init', 'login'].includes(rest[0])) fact.network = rest.includes('set') || rest.includes('login');
  if (local && !destroy) act(call, family, rest[0] === 'version' || rest[0] === '--version' || (read && !/set|unset/.test(rest.join(' '))) ? 'read' : 'change', `${label} changes the CLI's own configuration or login`);
  else if (destroy) act(call, family, 'destroy', `${label} deletes or shuts down cloud resources`);
  else if (read) act(call, family, 'read', `${label} reads from the cloud account`);
  else act(call, family, 'change', `${label} creates or changes cloud resources`);
}

function describeS3(call: ToolCall, rest: string[]): void {
  const { args } = call;
  const family = 'cloud';
  const verb = rest[0] ?? '';
  if (verb === 'rm' && hasOption(args, '--recursive')) act(call, family, 'destroy', 'aws s3 rm --recursive deletes every object under the prefix');
  else if (verb === 'rb' && hasOption(args, '--force')) act(call, family, 'destroy', 'aws s3 rb --force deletes the bucket and everything in it');
  else if (['sync', 'mv'].includes(verb) && hasOption(args, '--delete')) act(call, family, 'destroy', `aws s3 ${verb} --delete deletes files at the destination that the source lacks`);
  else if (['ls', 'presign'].includes(verb) || verb === '') act(call, family, 'read', `aws s3 ${verb} reads from S3`);
  else if (verb === 'cp' || verb === 'sync' || verb === 'mv') {
    const dest = rest[rest.length - 1] ?? '';
    if (!dest.startsWith('s3://')) {
      act(call, family, 'read', `aws s3 ${verb} downloads from S3`);
      call.fact.writes.push(call.w.path({ ...args[args.length - 1], text: dest, dynamic: false, glob: false }));
    } else {
      call.fact.uploads = true;
      act(call, family, 'change', `aws s3 ${verb} uploads or overwrites objects in S3`);
    }
  } else act(call, family, 'change', `aws s3 ${verb} changes S3`);
}
