// docker, podman and compose. Host access through mounts, devices and
// privileges is judged by privilege.rego from markers set elsewhere; this
// file says which subcommands only look, which build, and which delete
// containers, images or volumes (and with them, their data).

import type { WordValue } from '../../shell/words';
import { act, hasFlag, hasOption, words, type ToolCall } from './toolKit';

const GLOBAL_VALUES = new Set(['-H', '--host', '-c', '--context', '--config', '-l', '--log-level', '--tlscacert', '--tlscert', '--tlskey']);
const COMPOSE_VALUES = new Set(['-f', '--file', '-p', '--project-name', '--profile', '--env-file', '--project-directory', '--ansi', '--parallel', '-t', '--timeout', '--scale']);
const READ = new Set(['ps', 'images', 'logs', 'inspect', 'version', 'info', 'stats', 'top', 'history', 'diff', 'port', 'events', 'ls', 'config', 'df', 'show', 'help', 'images', 'list', 'wait']);
const CHANGE = new Set(['run', 'create', 'exec', 'start', 'stop', 'restart', 'pause', 'unpause', 'rename', 'tag', 'cp', 'commit', 'save', 'load', 'import', 'export', 'login', 'logout', 'push', 'pull', 'attach', 'update', 'up', 'use', 'connect', 'disconnect', 'scale', 'deploy', 'init', 'join', 'leave', 'rollback', 'kill', 'rm', 'rmi', 'prune', 'down', 'sign', 'trust', 'watch', 'publish', 'cp']);
const NETWORK = new Set(['pull', 'push', 'login', 'search', 'build', 'run', 'up', 'create']);
const OBJECTS = new Set(['container', 'image', 'volume', 'network', 'system', 'builder', 'buildx', 'context', 'node', 'service', 'stack', 'swarm', 'secret', 'config', 'plugin', 'manifest', 'trust', 'compose']);

export function describeDocker(call: ToolCall): void {
  const { fact, args } = call;
  const prog = fact.program;
  const family = 'containers';
  let rest = words(args, GLOBAL_VALUES);
  let label = prog;
  if (prog === 'docker-compose' || prog === 'podman-compose' || rest[0]?.text === 'compose') {
    if (rest[0]?.text === 'compose') rest = words(args.slice(args.indexOf(rest[0]) + 1), COMPOSE_VALUES);
    else rest = words(args, COMPOSE_VALUES);
    describeCompose(call, rest);
    return;
  }
  let sub: string | undefined = rest[0]?.text;
  let obj: string | undefined;
  if (sub !== undefined && OBJECTS.has(sub)) {
    label = `${prog} ${sub}`;
    obj = sub;
    sub = rest[1]?.text;
  }
  fact.subcommand = sub ?? obj ?? '';
  if (NETWORK.has(sub ?? '') || (sub === 'build' && obj === 'buildx') || obj === 'manifest') fact.network = true;
  const targets = rest.slice(obj !== undefined ? 2 : 1);
  const dynamicTargets = targets.some((t) => t.dynamic) || targets.length > 3;
  if (sub === undefined) act(call, family, 'read', `${label} prints its help`);
  else if (sub === 'push' && pushesLatest(targets)) act(call, family, 'publish', `${label} push replaces the \`latest\` image everyone pulls`);
  else if ((obj === 'system' && ['prune', 'reset'].includes(sub)) || (obj === 'volume' && ['rm', 'remove', 'prune'].includes(sub)) || (obj === 'container' && sub === 'prune') || (obj === 'image' && sub === 'prune' && hasFlag(args, 'a', '--all')) || (obj === 'stack' && ['rm', 'remove', 'down'].includes(sub)) || (obj === 'swarm' && sub === 'leave' && hasOption(args, '-f', '--force'))) {
    act(call, family, 'destroy', `${label} ${sub} deletes containers, images or volumes, and the data in them, for good`);
  } else if (['rm', 'rmi', 'kill', 'remove'].includes(sub) && (dynamicTargets || hasFlag(args, 'v', '--volumes') || hasFlag(args, 'a', '--all'))) {
    act(call, family, 'destroy', `${label} ${sub} with names only known at run time (or with their volumes) can remove every container or image`);
  } else if (sub === 'build' || (obj === 'builder' && sub === 'build') || (obj === 'buildx' && ['build', 'bake'].includes(sub))) {
    fact.network = true;
    act(call, family, 'build', `${label} builds an image (pulling base images)`);
  } else if (READ.has(sub) && obj !== 'swarm') act(call, family, 'read', `${label} ${sub} reads from the Docker engine`);
  else if (CHANGE.has(sub) || (obj !== undefined && ['create', 'rm', 'prune', 'update', 'use', 'inspect'].includes(sub))) act(call, family, 'change', `${label} ${sub} changes containers, images or the engine`);
  else if (sub === 'search') act(call, family, 'read', `${label} search queries a registry`);
  else act(call, family, 'unknown', `${label} ${sub} is not a subcommand Paladin knows`);
}

function describeCompose(call: ToolCall, rest: WordValue[]): void {
  const { fact, args } = call;
  const family = 'containers';
  const sub = rest[0]?.text;
  fact.subcommand = sub ?? '';
  if (['up', 'pull', 'build', 'push', 'run', 'create'].includes(sub ?? '')) fact.network = true;
  if (sub === undefined || ['ps', 'logs', 'config', 'ls', 'images', 'top', 'version', 'events', 'port', 'convert'].includes(sub)) act(call, family, 'read', `compose ${sub ?? ''} reads from the Docker engine`);
  else if (sub === 'down' && (hasFlag(args, 'v', '--volumes') || hasOption(args, '--rmi'))) act(call, family, 'destroy', 'compose down -v deletes the project\'s volumes and the data in them');
  else if (sub === 'rm' && hasFlag(args, 'v', '--volumes')) act(call, family, 'destroy', 'compose rm -v deletes containers with their volumes');
  else if (sub === 'build') act(call, family, 'build', 'compose build builds the project\'s images');
  else if (['up', 'down', 'start', 'stop', 'restart', 'run', 'exec', 'create', 'pull', 'push', 'kill', 'pause', 'unpause', 'rm', 'cp', 'scale', 'watch', 'wait', 'attach'].includes(sub)) act(call, family, 'change', `compose ${sub} changes the project's containers`);
  else act(call, family, 'unknown', `compose ${sub} is not a subcommand Paladin knows`);
}

/** `push myorg/app` and `push myorg/app:latest` overwrite the tag every `pull` without a tag gets. */
function pushesLatest(targets: WordValue[]): boolean {
  const image = targets.find((t) => !t.text.startsWith('-'));
  if (!image || image.dynamic) return false;
  const name = image.text.split('/').pop() ?? '';
  return !image.text.includes('@') && (!name.includes(':') || name.endsWith(':latest'));
}
