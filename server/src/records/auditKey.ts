// The secret that keys the audit log's checkpoints. It lives outside the
// database (a file next to it, readable by its owner only), so someone who
// can rewrite the database cannot forge a checkpoint for a rewritten or
// truncated log.

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { StoreError } from '../store/database';

export function auditKeyPath(dbPath: string): string {
  return dbPath + '.audit-key';
}

export function checkpointFilePath(dbPath: string): string {
  return dbPath + '.audit-checkpoint';
}

const memoryKeys = new Map<string, Buffer>();

/**
 * The key for the database at `dbPath`; created (32 random bytes, mode 0600)
 * when `create` is set and there is none. Returns undefined when it is absent
 * and not to be created.
 */
export function loadAuditKey(dbPath: string, create: boolean): Buffer | undefined {
  if (dbPath === ':memory:' || dbPath === '') {
    // One key per in-memory database object; it dies with the process.
    const key = memoryKeys.get(dbPath) ?? randomBytes(32);
    memoryKeys.set(dbPath, key);
    return key;
  }
  const file = auditKeyPath(dbPath);
  let text: string;
  try {
    const stat = fs.statSync(file);
    if ((stat.mode & 0o077) !== 0) {
      throw new StoreError(`The audit key file ${file} can be read or written by other users (mode ${(stat.mode & 0o777).toString(8)}); run \`chmod 600 ${file}\`.`);
    }
    text = fs.readFileSync(file, 'utf8').trim();
  } catch (err) {
    if (err instanceof StoreError) throw err;
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new StoreError(`Cannot read the audit key file ${file}: ${(err as Error).message}`);
    if (!create) return undefined;
    return createKeyFile(file);
  }
  if (!/^[0-9a-f]{64}$/.test(text)) throw new StoreError(`The audit key file ${file} is not 64 hex digits; it was damaged. Restore it from a backup, or move it away to start new checkpoints (older ones then fail verification).`);
  return Buffer.from(text, 'hex');
}

function createKeyFile(file: string): Buffer {
  const key = randomBytes(32);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written whole to a private temporary file, then linked into place: a
  // process killed half-way never leaves an empty key file behind, and if
  // another process made one first, theirs is used.
  const tmp = `${file}.${process.pid}.new`;
  try {
    const fd = fs.openSync(tmp, 'w', 0o600);
    try {
      fs.writeSync(fd, key.toString('hex') + '\n');
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.linkSync(tmp, file);
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      const text = fs.readFileSync(file, 'utf8').trim();
      if (/^[0-9a-f]{64}$/.test(text)) return Buffer.from(text, 'hex');
    }
    throw new StoreError(`Cannot create the audit key file ${file}: ${(err as Error).message}`);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

export interface Checkpoint {
  seq: number;
  hash: string;
  createdAt: string;
  mac: string;
}

export function checkpointMac(key: Buffer, cp: Omit<Checkpoint, 'mac'>): string {
  return createHmac('sha256', key).update(`paladin-audit-checkpoint\n${cp.seq}\n${cp.hash}\n${cp.createdAt}`).digest('hex');
}

export function checkpointValid(key: Buffer, cp: Checkpoint): boolean {
  const expected = Buffer.from(checkpointMac(key, cp), 'hex');
  const given = Buffer.from(cp.mac, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Write the latest signed head next to the database too: a truncated table
 * cannot take it along. `sync` flushes it to disk; at every append it is left
 * to the kernel, since the head signed in the database is already durable.
 */
export function writeCheckpointFile(dbPath: string, cp: Checkpoint, sync = false): void {
  if (dbPath === ':memory:' || dbPath === '') return;
  const file = checkpointFilePath(dbPath);
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, JSON.stringify(cp) + '\n');
    if (sync) fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

export function readCheckpointFile(dbPath: string): Checkpoint | undefined | 'unreadable' {
  if (dbPath === ':memory:' || dbPath === '') return undefined;
  let text: string;
  try {
    text = fs.readFileSync(checkpointFilePath(dbPath), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return 'unreadable';
  }
  try {
    const cp = JSON.parse(text) as Checkpoint;
    if (typeof cp.seq === 'number' && typeof cp.hash === 'string' && typeof cp.createdAt === 'string' && typeof cp.mac === 'string') return cp;
  } catch {
    // fall through
  }
  return 'unreadable';
}
