// One process at a time per PGlite data directory. PGlite has no locking of its own, and two
// processes writing one directory (`pnpm seed` or `pnpm dispatch` while `pnpm start` runs) would
// corrupt it. The lock is a file beside the directory holding the owner's process id; a lock left
// by a process that died (kill -9) is taken over. Child processes (Prisma's CLI, the schema
// engine) act for the owner while it holds the lock, through UD_PGLITE_LOCK_OWNER.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';

const OWNER_ENV = 'UD_PGLITE_LOCK_OWNER';
/** Directories this process holds, with how many holders each (locking is re-entrant). */
const held = new Map<string, number>();

export class EmbeddedDatabaseInUse extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database ${dataDir} is open in another process (pid ${pid}), probably \`pnpm start\`. ` +
        'Stop that process first; to run several processes on one database, use PostgreSQL (DATABASE_URL).',
    );
    this.name = 'EmbeddedDatabaseInUse';
  }
}

export function lockFileOf(dataDir: string): string {
  return `${path.resolve(dataDir)}.lock`;
}

/** Whether a process of this host still runs (the owner of a lock, say). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is just not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function isRecent(file: string): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs < 2_000;
  } catch {
    return false;
  }
}

function actsForOwner(pid: number): boolean {
  return pid === process.pid || pid === Number(process.env[OWNER_ENV]);
}

/**
 * Takes the lock of a PGlite data directory for this process, or throws EmbeddedDatabaseInUse
 * when a live process holds it. Returns the release (call it once the directory is closed).
 */
export function lockPGliteDirectory(dataDir: string): () => void {
  const file = lockFileOf(dataDir);
  const key = path.resolve(dataDir);
  const count = held.get(key);
  if (count !== undefined) {
    held.set(key, count + 1);
    return once(() => release(key, file));
  }
  mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      try {
        writeSync(fd, `${process.pid}\n`);
      } finally {
        closeSync(fd);
      }
      held.set(key, 1);
      process.env[OWNER_ENV] = String(process.pid);
      return once(() => release(key, file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(file);
    if (owner !== null && actsForOwner(owner)) return () => {};
    if (owner !== null && isAlive(owner)) throw new EmbeddedDatabaseInUse(dataDir, owner);
    if (owner === null && isRecent(file)) {
      // Another process created it a moment ago and is writing its id: give it that moment.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
      continue;
    }
    // Left by a process that is gone (or half-written by one that died while writing): take it over.
    rmSync(file, { force: true });
  }
  throw new Error(`Could not take the lock ${file}: another process keeps taking it.`);
}

function release(key: string, file: string): void {
  const count = held.get(key) ?? 0;
  if (count > 1) {
    held.set(key, count - 1);
    return;
  }
  held.delete(key);
  if (readOwner(file) === process.pid) rmSync(file, { force: true });
  if (held.size === 0 && process.env[OWNER_ENV] === String(process.pid)) delete process.env[OWNER_ENV];
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}
