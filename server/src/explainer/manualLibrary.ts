// Finds the manual of a program: first in the sandbox image (its man page or
// --help text: that is what will run), then on the host (its man page, or
// bash's help for a builtin). Every answer, including "none", is cached in the
// store under the source's version; a process also keeps what it read.

import type Docker from 'dockerode';
import type { FoundManual, ManualProvider } from './explainTree';
import { bashHelp, findHostPage, hostBashVersion, renderHostPage } from './hostManuals';
import { inspectImage, readImageManuals, type ImageRef } from './imageManuals';
import { ManualCache } from './manualCache';
import { parseManual, type Manual } from './manualParse';
import { builtins, isLookupName } from './programShapes';

export interface ManualLibraryOptions {
  /** The sandbox image to read first; omitted or unreachable: the host only. */
  image?: string;
  docker?: Docker | null;
  /** Longest a lookup in the image may take. */
  timeoutMs?: number;
}

/** How long an image id (or its absence) is trusted before asking the engine again. */
const IMAGE_TTL_MS = 30_000;

export class ManualLibrary implements ManualProvider {
  private readonly memo = new Map<string, Promise<FoundManual | null>>();
  private image: { at: number; ref: Promise<ImageRef | null> } | undefined;

  constructor(
    private readonly cache: ManualCache,
    private readonly options: ManualLibraryOptions = {},
  ) {}

  private imageRef(): Promise<ImageRef | null> {
    const { docker, image } = this.options;
    if (!docker || !image) return Promise.resolve(null);
    if (!this.image || Date.now() - this.image.at > IMAGE_TTL_MS) {
      const ref = inspectImage(docker, image);
      this.image = { at: Date.now(), ref };
      // A new image id makes what this process remembers stale.
      void ref.then((r) => {
        if (r && this.lastImageId !== undefined && r.id !== this.lastImageId) this.memo.clear();
        this.lastImageId = r?.id ?? null;
      });
    }
    return this.image.ref;
  }
  private lastImageId: string | null | undefined;

  private imageSource(ref: ImageRef): string {
    return `image:${ref.name}`;
  }

  async prefetch(names: string[], signal?: AbortSignal): Promise<void> {
    const ref = await this.imageRef();
    if (!ref || !this.options.docker) return;
    const missing = [...new Set(names)].filter((n) => isLookupName(n) && !this.memo.has(n) && this.cache.get(n, this.imageSource(ref), ref.id) === undefined);
    if (missing.length > 0) await this.fetchFromImage(ref, missing, signal);
  }

  /** Image lookups under way, by program, so concurrent explanations share one container. */
  private readonly inflight = new Map<string, Promise<void>>();

  private async fetchFromImage(ref: ImageRef, names: string[], signal?: AbortSignal): Promise<void> {
    // Another request's lookup may be cancelled by its owner: then this one falls back to the host.
    const waiting = names.filter((n) => this.inflight.has(n)).map((n) => this.inflight.get(n)?.catch(() => undefined));
    const fresh = names.filter((n) => !this.inflight.has(n));
    if (fresh.length > 0) {
      const run = this.readIntoCache(ref, fresh, signal);
      for (const n of fresh) this.inflight.set(n, run);
      void run.finally(() => {
        for (const n of fresh) if (this.inflight.get(n) === run) this.inflight.delete(n);
      }).catch(() => undefined);
      waiting.push(run);
    }
    await Promise.all(waiting);
  }

  private async readIntoCache(ref: ImageRef, names: string[], signal?: AbortSignal): Promise<void> {
    let texts: Awaited<ReturnType<typeof readImageManuals>>;
    try {
      texts = await readImageManuals(this.options.docker as Docker, ref, names, { timeoutMs: this.options.timeoutMs ?? 15_000, signal });
    } catch (err) {
      signal?.throwIfAborted();
      // The engine refused (image removed meanwhile, limits): fall back to the host for now.
      void err;
      return;
    }
    for (const [name, text] of texts) this.cache.put(name, this.imageSource(ref), ref.id, text ? parseManual(name, text.text, text.kind) : null);
  }

  get(name: string, signal?: AbortSignal): Promise<FoundManual | null> {
    if (!isLookupName(name)) return Promise.resolve(null);
    let found = this.memo.get(name);
    if (!found) {
      found = this.lookup(name, signal);
      this.memo.set(name, found);
      found.catch(() => this.memo.delete(name));
    }
    return found;
  }

  private async lookup(name: string, signal?: AbortSignal): Promise<FoundManual | null> {
    const ref = await this.imageRef();
    if (ref) {
      const source = this.imageSource(ref);
      if (this.cache.get(name, source, ref.id) === undefined) await this.fetchFromImage(ref, [name], signal);
      const cached = this.cache.get(name, source, ref.id);
      if (cached?.found && Object.keys(cached.manual.options).length + cached.manual.summary.length > 0) {
        const inImage: FoundManual = { manual: cached.manual, origin: `${cached.manual.kind === 'manual' ? 'man page' : '--help'}, image ${ref.name}` };
        // GNU --help texts are terse (find's lists its tests without a word on them); when the
        // image's program and the host's man page are both GNU's, the man page says more.
        const host = cached.manual.kind === 'help' && cached.manual.family === 'gnu' ? await this.hostPage(name, signal) : null;
        if (host?.family === 'gnu') return { manual: host, origin: `man page, host; the image has GNU ${name} too` };
        return inImage;
      }
    }
    const host = await this.hostPage(name, signal);
    if (host) return { manual: host, origin: 'man page, host' };
    const bash = builtins[name] ? hostBashVersion() : null;
    if (bash) {
      let cached = this.cache.get(name, 'host-bash', bash);
      if (cached === undefined) {
        const text = await bashHelp(name, signal);
        const manual = text ? parseManual(name, text, 'help') : null;
        this.cache.put(name, 'host-bash', bash, manual);
        cached = manual ? { found: true, manual } : { found: false };
      }
      if (cached.found) return { manual: cached.manual, origin: 'bash help, host' };
    }
    return null;
  }

  /** The host's man page of `name`, parsed, through the store. */
  private async hostPage(name: string, signal?: AbortSignal): Promise<Manual | null> {
    const page = findHostPage(name);
    if (!page) return null;
    const cached = this.cache.get(name, 'host', page.version);
    if (cached !== undefined) return cached.found ? cached.manual : null;
    const text = await renderHostPage(page.file, signal).catch(() => '');
    signal?.throwIfAborted();
    const manual = text.trim() ? parseManual(name, text, 'manual') : null;
    this.cache.put(name, 'host', page.version, manual);
    return manual;
  }
}
