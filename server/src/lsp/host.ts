// Holds the one Paladin this server works through: built lazily from the
// editor's settings, rebuilt when they change, and the source of the status
// the editor shows (planner and sandbox state).

import * as os from 'node:os';
import { createPaladin } from '../compose';
import type { Paladin } from '../paladin';
import type { Actor, ServerStatus } from '../protocol/types';
import type { Settings } from '../settings/settings';
import { defaultDatabasePath } from '../settings/settings';
import { localUserId } from '../store/database';

export interface Built {
  paladin: Paladin;
  actor: Actor;
}

export class PaladinHost {
  private built: Promise<Built> | undefined;
  private builtFrom = '';
  private secrets = new Map<string, string>();
  private busy = 0;
  private last: ServerStatus = {
    state: 'starting',
    planner: { active: 'embedded', detail: 'not started yet' },
    sandbox: { state: 'unknown', detail: 'not checked yet' },
    dbPath: defaultDatabasePath(),
  };

  constructor(
    private readonly settings: () => Promise<Settings>,
    private readonly onStatus: (status: ServerStatus) => void,
    private readonly log: (message: string) => void,
    private readonly create: (settings: Settings) => Promise<Paladin> = createPaladin,
  ) {}

  get status(): ServerStatus {
    return this.last;
  }

  /** The Paladin for the current settings; built on first use and after a settings change. */
  async get(): Promise<Built> {
    const settings = this.withSecrets(await this.settings());
    const key = JSON.stringify(settings);
    if (this.built && key === this.builtFrom) return this.built;
    // A run or plan in progress keeps its Paladin: new settings apply once it is done,
    // so a settings change never tears down a sandbox mid-run.
    if (this.built && this.busy > 0) return this.built;
    const previous = this.built;
    this.builtFrom = key;
    this.built = (async () => {
      if (previous) {
        const old = await previous.catch(() => undefined);
        await old?.paladin.dispose().catch((e: Error) => this.log(`disposing the previous Paladin: ${e.message}`));
        old?.paladin.db.close();
      }
      const paladin = await this.create(settings);
      // A request that finds the team server gone, or back, updates the status bar at once.
      paladin.stages.team?.onStateChange(() => void this.refreshStatus());
      return { paladin, actor: { userId: localUserId(paladin.db), source: 'editor' as const } };
    })();
    const attempt = this.built;
    attempt.catch((err: Error) => {
      // A failed build is not cached: the next request tries again.
      if (this.built === attempt) {
        this.built = undefined;
        this.builtFrom = '';
      }
      this.setStatus({ ...this.last, state: 'error', message: `Paladin could not start: ${err.message}`, dbPath: settings.database.path });
    });
    return attempt;
  }

  /** Like get(), but keeps this Paladin from being replaced until `release()`. */
  async hold(): Promise<Built & { release: () => void }> {
    const built = await this.get();
    this.busy++;
    let released = false;
    return {
      ...built,
      release: () => {
        if (released) return;
        released = true;
        this.busy--;
      },
    };
  }

  setSecret(name: string, value: string | null): void {
    if (value === null || value === '') this.secrets.delete(name);
    else this.secrets.set(name, value);
  }

  /** Secrets travel in memory only; they join the settings object handed to the stages. */
  private withSecrets(settings: Settings): Settings {
    const key = this.secrets.get('openai.apiKey');
    const teamKey = this.secrets.get('team.apiKey');
    return {
      ...settings,
      ...(key ? { openai: { ...settings.openai, apiKey: key } } : {}),
      ...(teamKey && settings.server.url ? { server: { ...settings.server, apiKey: teamKey } } : {}),
    };
  }

  /** Recompute planner and sandbox state; notifies when anything changed. */
  async refreshStatus(): Promise<ServerStatus> {
    try {
      const { paladin } = await this.get();
      const planner = paladin.stages.planner.describe();
      let sandbox: ServerStatus['sandbox'];
      try {
        sandbox = await paladin.stages.executor.status();
      } catch (err) {
        sandbox = { state: 'unknown', detail: `could not ask the sandbox: ${(err as Error).message}` };
      }
      const team = await paladin.stages.team?.status();
      this.setStatus({ state: 'ready', planner, sandbox, dbPath: paladin.settings.database.path, ...(team ? { team } : {}) });
    } catch {
      // get() already reported the failure in the status.
    }
    return this.last;
  }

  private setStatus(next: ServerStatus): void {
    if (JSON.stringify(next) === JSON.stringify(this.last)) return;
    this.last = next;
    this.onStatus(next);
  }

  async dispose(): Promise<void> {
    const built = await this.built?.catch(() => undefined);
    this.built = undefined;
    if (built) {
      await built.paladin.dispose().catch(() => undefined);
      built.paladin.db.close();
    }
  }
}

/** Where plan, check and explain look when the editor has no folder open. */
export function fallbackWorkspace(): string {
  return os.homedir();
}
