// Which folders a client may name as its workspace. One check for every
// front that lets someone else choose a folder (API keys, the sessions made
// from them, and later MCP clients and hooks): the folder must lie under a
// root granted to that client, must not be a system folder or hold one, must
// not be or hold Paladin's own data (the database, the audit key), and must
// belong to the user the server runs as, so a run never adopts another
// person's uid. The decision is a pure function of resolved facts; the
// impure part only gathers them (realpath, stat, /etc/passwd).

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Folders that are never a workspace, nor anything below them. `/` only as itself (it holds everything). */
export const SYSTEM_FOLDERS = ['/proc', '/sys', '/dev', '/run', '/etc', '/var', '/root', '/boot', '/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32', '/snap', '/lost+found'] as const;

/** How an API key's owner grants a folder (the default advice of a refusal). */
const KEY_GRANT_HINT = 'Its owner can grant one: paladin keys create NAME --workspace DIR, or list it in paladin.api.workspaces.';

/** Rights a key may hold beyond running in its workspaces; a client's `approved` flag never stands in for them. */
export const KEY_RIGHTS = ['live', 'network'] as const;
export type KeyRight = (typeof KEY_RIGHTS)[number];

export interface Protected {
  /** A folder that is never a workspace, nor below one, nor above one. */
  dir: string;
  /** Why, for the refusal: "a system folder", "another user's home (bob)", "Paladin's data folder". */
  what: string;
}

export interface WorkspaceFacts {
  /** The workspace's real path (links resolved). */
  real: string;
  /** Owner uid of the folder. */
  ownerUid: number;
}

export type GrantDecision = { ok: true; workspace: string } | { ok: false; reason: string };

export function isWithin(child: string, parent: string): boolean {
  if (parent === '/') return true;
  return child === parent || child.startsWith(parent.endsWith('/') ? parent : parent + '/');
}

/** Why `real` can never be a workspace (for anyone, editor and CLI included), or undefined. */
export function protectedReason(real: string, protectedDirs: readonly Protected[]): string | undefined {
  if (real === '/') return `${real} is the root of the file system; pick a project folder`;
  for (const p of protectedDirs) {
    if (isWithin(real, p.dir)) return real === p.dir ? `${real} is ${p.what}, which is never a workspace` : `${real} is inside ${p.what} (${p.dir}), which is never a workspace`;
    if (isWithin(p.dir, real)) return `${real} holds ${p.what} (${p.dir}), which is never mounted into a sandbox; pick a folder that does not contain it`;
  }
  return undefined;
}

/**
 * The whole decision for a client-named workspace: protected folders first,
 * then the client's roots, then ownership. Pure: every fact comes in resolved.
 */
export function decideWorkspace(facts: WorkspaceFacts, grant: { roots: readonly string[]; serverUid: number | undefined; protectedDirs: readonly Protected[]; howToGrant?: string }): GrantDecision {
  const refused = protectedReason(facts.real, grant.protectedDirs);
  if (refused) return { ok: false, reason: `The workspace ${refused}.` };
  if (!grant.roots.some((root) => isWithin(facts.real, root))) {
    const roots = grant.roots.length ? grant.roots.join(', ') : 'none';
    return { ok: false, reason: `The workspace ${facts.real} is outside the folders granted to this client (granted: ${roots}). ${grant.howToGrant ?? KEY_GRANT_HINT}` };
  }
  if (grant.serverUid !== undefined && facts.ownerUid !== grant.serverUid) {
    return { ok: false, reason: `The workspace ${facts.real} belongs to uid ${facts.ownerUid}, not to the user the Paladin server runs as (uid ${grant.serverUid}); runs never take on another user's identity.` };
  }
  return { ok: true, workspace: facts.real };
}

/** Live mode and network need a key that holds the right; `approved` alone never grants them. */
export function missingRights(asked: { mode?: string; network?: boolean }, rights: readonly string[]): KeyRight[] {
  const missing: KeyRight[] = [];
  if (asked.mode === 'live' && !rights.includes('live')) missing.push('live');
  if (asked.network === true && !rights.includes('network')) missing.push('network');
  return missing;
}

export function parseRights(text: string): KeyRight[] {
  const words = text.split(',').map((w) => w.trim()).filter(Boolean);
  const unknown = words.filter((w) => !(KEY_RIGHTS as readonly string[]).includes(w));
  if (unknown.length || words.length === 0) throw new RangeError(`--allow takes ${KEY_RIGHTS.join(', ')} (comma-separated), not "${text}"`);
  return [...new Set(words)] as KeyRight[];
}

function realOrSelf(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    return path.resolve(dir);
  }
}

/** Home folders of the other users of this machine, from /etc/passwd (system accounts' homes included). */
export function otherUsersHomes(passwd = '/etc/passwd', uid = process.getuid?.()): Protected[] {
  let text: string;
  try {
    text = fs.readFileSync(passwd, 'utf8');
  } catch {
    return [];
  }
  const mine = os.homedir();
  const out: Protected[] = [];
  for (const line of text.split('\n')) {
    const [name, , id, , , home] = line.split(':');
    if (!home || !home.startsWith('/') || home === '/' || Number(id) === uid || home === mine) continue;
    if (home === '/nonexistent' || !fs.existsSync(home)) continue;
    out.push({ dir: realOrSelf(home), what: `the home folder of ${name}` });
  }
  return out;
}

/** Everything no workspace may be, hold or lie in: system folders, other users' homes, Paladin's data folder. */
export function protectedFolders(options: { dataDirs?: readonly string[] } = {}): Protected[] {
  const out: Protected[] = [];
  for (const dir of SYSTEM_FOLDERS) {
    if (!fs.existsSync(dir)) continue;
    out.push({ dir: realOrSelf(dir), what: 'a system folder' });
    // /bin → /usr/bin: the link itself too, so a lexical path is caught as well.
    if (realOrSelf(dir) !== dir) out.push({ dir, what: 'a system folder' });
  }
  for (const dir of options.dataDirs ?? []) out.push({ dir: realOrSelf(dir), what: 'Paladin\'s data folder (its database and audit key)' });
  out.push(...otherUsersHomes());
  return out;
}

/** The folders holding the database and its audit key, or none for an in-memory store. */
export function dataFolders(dbPath: string): string[] {
  if (dbPath === ':memory:' || dbPath === '') return [];
  return [path.dirname(path.resolve(dbPath))];
}

/** Resolve a named folder to its real path and owner; a clear error when it is not a folder. */
export function workspaceFacts(dir: string): WorkspaceFacts | { error: string } {
  const resolved = path.resolve(dir);
  let real: string;
  try {
    real = fs.realpathSync(resolved);
  } catch {
    return { error: `The workspace folder ${resolved} does not exist. Pass an existing folder.` };
  }
  const st = fs.statSync(real);
  if (!st.isDirectory()) return { error: `The workspace ${resolved} is not a folder. Pass a folder.` };
  return { real, ownerUid: st.uid };
}

/** What a client holds: its own roots (null: the server's), and the server's context. */
export interface ClientGrant {
  /** The key's own roots; null or empty: `serverRoots`. */
  roots: readonly string[] | null;
  /** The server-wide list (paladin.api.workspaces), else the folder the server started in. */
  serverRoots: readonly string[];
  /** Paladin's data folders (database, audit key). */
  dataDirs: readonly string[];
  /** The uid the server runs as; workspaces must belong to it. */
  serverUid?: number;
  /** How this kind of client is granted a folder, for the refusal (default: the API key advice). */
  howToGrant?: string;
}

/**
 * The one check every client-facing front calls before a workspace reaches a
 * stage: resolves `requested` (default: the first granted root) and decides.
 */
export function checkClientWorkspace(requested: string | undefined, grant: ClientGrant): GrantDecision {
  const roots = (grant.roots && grant.roots.length ? grant.roots : grant.serverRoots).map(realOrSelf);
  const dir = requested ?? roots[0];
  if (dir === undefined) return { ok: false, reason: 'No workspace was named and none is granted to this key.' };
  if (!path.isAbsolute(dir)) return { ok: false, reason: `The workspace must be an absolute path, not ${JSON.stringify(dir)}.` };
  const facts = workspaceFacts(dir);
  if ('error' in facts) return { ok: false, reason: facts.error };
  return decideWorkspace(facts, { roots, serverUid: grant.serverUid ?? process.getuid?.(), protectedDirs: protectedFolders({ dataDirs: grant.dataDirs }), howToGrant: grant.howToGrant });
}

/** A folder a key is granted, checked when the key is made: it must exist and be a folder a workspace may be. */
export function grantableRoot(dir: string, dataDirs: readonly string[]): { ok: true; root: string } | { ok: false; reason: string } {
  const facts = workspaceFacts(dir);
  if ('error' in facts) return { ok: false, reason: facts.error };
  const refused = protectedReason(facts.real, protectedFolders({ dataDirs }));
  if (refused) return { ok: false, reason: `${refused}.` };
  return { ok: true, root: facts.real };
}
