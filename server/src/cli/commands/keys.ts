// `paladin keys`: API keys for the local HTTP API.

import { createApiKey, KeyError, listApiKeys, revokeApiKey, userIdByEmail } from '../../gateway/apiKeys';
import { openTeamStore } from '../../gateway/teamStore';
import { sqlStoreOf } from '../../store/sqlStore';
import { dataFolders, grantableRoot, parseRights, type KeyRight } from '../../gateway/workspaceGrant';
import { parseUntil } from '../../records/timeSpec';
import { Exit, printJson, UsageError, type Subcommand } from '../command';
import { openRecords } from '../openRecords';

const help = `Usage:
  paladin keys create NAME [--expires D] [--user EMAIL] [--quota N]
                      [--workspace DIR]... [--allow live,network] [--json]
  paladin keys list [--json]
  paladin keys revoke ID|NAME

API keys let clients use the HTTP API (paladin serve). With
PALADIN_DATABASE_URL set they are made in the shared PostgreSQL database and
work on every instance (then --user is required for create). A key is 256
random bits, printed once when it is created; Paladin keeps only its SHA-256
hash, so a lost key cannot be shown again: revoke it and create another.

Options:
  --expires D    expiry: a span (90m, 12h, 30d, 2w) or a date (2026-12-31)
  --user EMAIL   the user the key acts for (created if new; default: you)
  --quota N      set that user's quota of commands per hour (plan, check, run)
  --workspace DIR  a folder the key may use as a workspace, with the folders
                 below it (repeat for more). Without it: paladin.api.workspaces,
                 else the folder \`paladin serve\` was started in. System
                 folders, other users' homes and Paladin's data folder are
                 never granted.
  --allow RIGHTS   live, network (comma-separated): let the key's clients run
                 in live mode or with network once they send "approved": true.
                 Without it, such runs are refused whatever the client says.
  --json         machine-readable output
`;

export const keysCommand: Subcommand = {
  name: 'keys',
  summary: 'create, list and revoke API keys for the HTTP API',
  help,
  allowPositionals: true,
  options: {
    json: { type: 'boolean' }, expires: { type: 'string' }, user: { type: 'string' }, quota: { type: 'string' },
    workspace: { type: 'string', multiple: true }, allow: { type: 'string' },
  },
  async run(ctx, { values, positionals }) {
    const [action, target, ...extra] = positionals;
    if (!action || !['create', 'list', 'revoke'].includes(action)) throw new UsageError(`say what to do with keys: create NAME, list or revoke ID|NAME${action ? ` (not "${action}")` : ''}`);
    if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
    const store = openRecords(ctx.settings);
    const team = await openTeamStore(ctx.settings).catch((err: Error) => {
      store.close();
      throw err;
    });
    // Team mode: the keys live in the shared store, their records in the shared chain.
    const keys = team?.store ?? store.db;
    const actor = { userId: team ? '' : store.userId, source: 'cli' as const };
    const audit = async (action: string, resource: string, details: Record<string, unknown>) => {
      if (team) await team.append(actor, action, resource, details);
      else store.records.audit(actor, action, resource, details);
    };
    try {
      if (action === 'list') {
        const list = await listApiKeys(keys);
        if (values.json) printJson(ctx, list);
        else if (list.length === 0) ctx.out.write('No API keys yet. Create one with `paladin keys create NAME`.\n');
        else for (const k of list) ctx.out.write(`${k.id}  ${k.name.padEnd(16)}  ${k.state.padEnd(7)}  ${k.email ?? k.userId}  created ${k.createdAt}${k.expiresAt ? `  expires ${k.expiresAt}` : ''}${k.lastUsedAt ? `  last used ${k.lastUsedAt}` : ''}  workspaces ${k.workspaces?.join(',') ?? '(server list)'}${k.rights.length ? `  allows ${k.rights.join(',')}` : ''}\n`);
        return Exit.ok;
      }
      if (!target) throw new UsageError(action === 'create' ? 'give the new key a name: paladin keys create NAME' : 'say which key: paladin keys revoke ID|NAME');
      if (action === 'revoke') {
        const key = await revokeApiKey(keys, target);
        await audit('key.revoke', key.id, { name: key.name, user: key.userId });
        if (values.json) printJson(ctx, key);
        else ctx.out.write(`Revoked key "${key.name}" (${key.id}); sessions opened with it ended too.\n`);
        return Exit.ok;
      }
      let expiresAt: Date | undefined;
      if (typeof values.expires === 'string') {
        try {
          expiresAt = parseUntil(values.expires);
        } catch (err) {
          throw new UsageError(`--expires: ${(err as Error).message}`);
        }
      }
      let quota: number | undefined;
      if (typeof values.quota === 'string') {
        quota = Number(values.quota);
        if (!Number.isInteger(quota) || quota < 0 || quota > 1_000_000) throw new UsageError(`--quota must be a whole number from 0 to 1000000, not "${values.quota}"`);
      }
      const { workspaces, rights } = grantOptions(values, ctx.settings.database.path);
      if (team && typeof values.user !== 'string') throw new UsageError('on a shared database, say whose key it is: --user EMAIL');
      const userId = typeof values.user === 'string' ? (await userIdByEmail(keys, values.user, true))! : store.userId;
      if (quota !== undefined) await sqlStoreOf(keys).run('UPDATE users SET quota_commands_per_hour = ? WHERE id = ?', [quota, userId]);
      const created = await createApiKey(keys, { name: target, userId, expiresAt, workspaces, rights });
      await audit('key.create', created.id, { name: created.name, user: userId, expiresAt: created.expiresAt, quota, workspaces: created.workspaces, rights: created.rights });
      if (values.json) printJson(ctx, { ...created, userId });
      else {
        ctx.out.write(`${created.key}\n`);
        ctx.err.write(`Created key "${created.name}" (${created.id})${created.expiresAt ? `, expires ${created.expiresAt}` : ', no expiry'}. This is the only time it is shown: store it now.\n`);
      }
      return Exit.ok;
    } catch (err) {
      if (err instanceof KeyError) {
        ctx.err.write(`paladin keys: ${err.message}\n`);
        return Exit.failure;
      }
      throw err;
    } finally {
      await team?.close();
      store.close();
    }
  },
};

function grantOptions(values: Record<string, unknown>, dbPath: string): { workspaces: string[]; rights: KeyRight[] } {
  const workspaces: string[] = [];
  for (const dir of (values.workspace as string[] | undefined) ?? []) {
    const root = grantableRoot(dir, dataFolders(dbPath));
    if (!root.ok) throw new UsageError(`--workspace ${dir}: ${root.reason}`);
    workspaces.push(root.root);
  }
  let rights: KeyRight[] = [];
  if (typeof values.allow === 'string') {
    try {
      rights = parseRights(values.allow);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  }
  return { workspaces, rights };
}
