// Manuals from the sandbox image, where the command will actually run: one
// short container per batch of programs prints each one's man page, or else
// its --help text. The container is as locked down as a sandbox run (no
// network, read-only root, no capabilities, small limits) and lives only
// for this lookup; it never sees the workspace.

import type Docker from 'dockerode';
import { PassThrough } from 'node:stream';
import { isLookupName } from './programShapes';

export interface ImageRef {
  name: string;
  id: string;
}

export interface ImageText {
  kind: 'manual' | 'help';
  text: string;
}

const MARK = '\x1ePALADIN-MANUAL ';
const MAX_BYTES = 8 << 20;

// Only programs found as files (or busybox applets) are asked for --help,
// never builtins, functions or aliases,
// each under `timeout` where the image has it, with stdin closed.
const SCRIPT = `
for p do
  printf '\\n\\036PALADIN-MANUAL %s ' "$p"
  if command -v man >/dev/null 2>&1 && out=$(man --nh --nj -P cat "$p" 2>/dev/null) && [ -n "$out" ]; then
    printf 'manual\\n%s\\n' "$out"
    continue
  fi
  t=$(type "$p" 2>/dev/null) || t=
  case $t in
    ''|*builtin*|*function*|*alias*|*keyword*) printf 'none\\n' ;;
    *)
      printf 'help\\n'
      if command -v timeout >/dev/null 2>&1; then timeout 3 "$p" --help </dev/null 2>&1 | head -c 262144
      else "$p" --help </dev/null 2>&1 | head -c 262144; fi ;;
  esac
done
`;

export async function inspectImage(docker: Docker, name: string): Promise<ImageRef | null> {
  try {
    const info = await docker.getImage(name).inspect();
    return { name, id: info.Id };
  } catch {
    return null;
  }
}

/** Reads the manuals of `names` from the image; programs it does not have map to null. */
export async function readImageManuals(docker: Docker, image: ImageRef, names: string[], options: { timeoutMs: number; signal?: AbortSignal }): Promise<Map<string, ImageText | null>> {
  const wanted = names.filter(isLookupName);
  const result = new Map<string, ImageText | null>();
  if (wanted.length === 0) return result;
  options.signal?.throwIfAborted();
  const container = await docker.createContainer({
    Image: image.id,
    Entrypoint: ['/bin/sh'],
    Cmd: ['-c', SCRIPT, 'sh', ...wanted],
    Env: ['MANWIDTH=160', 'MANPAGER=cat', 'PAGER=cat', 'LANG=C.UTF-8', 'MAN_KEEP_FORMATTING='],
    WorkingDir: '/',
    NetworkDisabled: true,
    Labels: { 'paladin.purpose': 'manual-lookup' },
    HostConfig: {
      NetworkMode: 'none',
      ReadonlyRootfs: true,
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      PidsLimit: 64,
      Memory: 256 << 20,
      MemorySwap: 256 << 20,
      NanoCpus: 1_000_000_000,
      Tmpfs: { '/tmp': 'rw,nosuid,nodev,noexec,size=16m' },
      Init: true,
    },
  });
  const chunks: Buffer[] = [];
  let size = 0;
  const sink = new PassThrough();
  sink.on('data', (chunk: Buffer) => {
    if (size < MAX_BYTES) chunks.push(chunk);
    size += chunk.length;
  });
  let timer: NodeJS.Timeout | undefined;
  let killed = false;
  const kill = () => {
    killed = true;
    void container.kill().catch(() => undefined);
  };
  try {
    const stream = await container.attach({ stream: true, stdout: true, stderr: true });
    const ended = new Promise<void>((resolve) => {
      stream.on('end', resolve);
      stream.on('close', resolve);
      stream.on('error', () => resolve());
    });
    docker.modem.demuxStream(stream, sink, sink);
    options.signal?.addEventListener('abort', kill, { once: true });
    timer = setTimeout(kill, options.timeoutMs);
    try {
      await container.start();
    } catch (err) {
      // An image with no /bin/sh cannot run a lookup (nor a command): it has no manuals to give.
      options.signal?.throwIfAborted();
      if (/no such file|not found|executable/i.test((err as Error).message)) return new Map(wanted.map((n) => [n, null]));
      throw err;
    }
    await container.wait();
    await ended;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', kill);
    await container.remove({ force: true }).catch(() => undefined);
  }
  options.signal?.throwIfAborted();
  const out = Buffer.concat(chunks).toString('utf8');
  for (const section of out.split(MARK).slice(1)) {
    const newline = section.indexOf('\n');
    const [program, kind] = section.slice(0, newline).split(' ');
    const text = section.slice(newline + 1);
    if (!wanted.includes(program)) continue;
    result.set(program, kind === 'manual' || kind === 'help' ? { kind, text } : null);
  }
  // A lookup that ran to its end and said nothing of a program (an image with no usable
  // shell says nothing at all) has no manual for it; one cut short is tried again later.
  if (!killed) for (const name of wanted) if (!result.has(name)) result.set(name, null);
  return result;
}
