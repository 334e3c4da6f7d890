// Container runs that reach the host: bind mounts of host folders outside
// the workspace, the Docker socket, devices, the host's namespaces, added
// capabilities and switched-off confinement. Each is a marker the policy
// refuses, with what it is in its name.

import type { Walker } from './facts';
import type { CommandFact } from './factsTypes';
import { literal } from '../shell/argWords';
import type { WordValue } from '../shell/words';

const ENGINES = new Set(['docker', 'podman', 'nerdctl']);
const RUNS = new Set(['run', 'create', 'exec', 'container']);

export function describeContainer(w: Walker, fact: CommandFact, args: WordValue[]): void {
  if (ENGINES.has(fact.program)) engine(w, fact, args);
  if (fact.program === 'kubectl' && args.some((a) => /"?(hostPID|hostNetwork|hostIPC|privileged|hostPath)"?\s*:\s*(true|\{)/.test(a.text))) fact.markers.push('container-escape:host-access');
}

function engine(w: Walker, fact: CommandFact, args: WordValue[]): void {
  const sub = args.find((a) => !a.text.startsWith('-'))?.text ?? '';
  if (!RUNS.has(sub)) return;
  const mark = (what: string) => fact.markers.push(`container-escape:${what}`);
  for (let i = 0; i < args.length; i++) {
    const t = args[i].text;
    const value = (name: string): string | undefined => (t === name ? args[i + 1]?.text : t.startsWith(name + '=') ? t.slice(name.length + 1) : undefined);
    if (t === '--privileged' || t === '--privileged=true') mark('privileged');
    for (const ns of ['--pid', '--net', '--network', '--ipc', '--uts', '--userns', '--cgroupns']) if (value(ns) === 'host') mark(`host ${ns.slice(2)}`);
    if (value('--cap-add') !== undefined) mark('capabilities');
    if (value('--device') !== undefined || t === '--device') mark('device');
    const sec = value('--security-opt');
    if (sec !== undefined && /unconfined|label[:=]disable|no-new-privileges[:=]false/.test(sec)) mark('confinement off');
    const vol = value('-v') ?? value('--volume') ?? (t.startsWith('-v') && t.length > 2 && !t.startsWith('--') ? t.slice(2) : undefined);
    if (vol !== undefined) hostMount(w, fact, vol.split(':')[0], mark);
    const mount = value('--mount');
    if (mount !== undefined && /type=bind/.test(mount)) hostMount(w, fact, /(?:source|src)=([^,]+)/.exec(mount)?.[1] ?? '', mark);
  }
}

/** A bind mount's host side: anything outside the workspace gives the container the host's files. */
function hostMount(w: Walker, fact: CommandFact, source: string, mark: (what: string) => void): void {
  if (!/^(\/|~|\.)/.test(source)) return; // a named volume
  if (source.includes('docker.sock') || source.includes('podman.sock')) {
    mark('engine socket');
    return;
  }
  const p = w.path(literal(source));
  fact.reads.push(p);
  if (!p.classes.includes('workspace') && !p.classes.includes('tmp')) mark(`host folder ${source}`);
}
