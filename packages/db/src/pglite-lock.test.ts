import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase } from './database.ts';
import { listMigrations, pendingMigrations } from './migrations.ts';
import { EmbeddedDatabaseInUse, lockFileOf, lockPGliteDirectory } from './pglite-lock.ts';

const scratch: string[] = [];
const directory = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ud-pglite-lock-'));
  scratch.push(dir);
  return path.join(dir, 'db');
};
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The id of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  return Number(child.stdout.trim());
}

describe('lockPGliteDirectory', () => {
  it('writes this process id beside the directory, is re-entrant, and removes the file on the last release', () => {
    const dataDir = directory();
    const release = lockPGliteDirectory(dataDir);
    expect(readFileSync(lockFileOf(dataDir), 'utf8').trim()).toBe(String(process.pid));
    const again = lockPGliteDirectory(dataDir);
    again();
    expect(existsSync(lockFileOf(dataDir))).toBe(true);
    release();
    release(); // twice is harmless
    expect(existsSync(lockFileOf(dataDir))).toBe(false);
  });

  it('refuses a directory a live process holds, naming it', async () => {
    const dataDir = directory();
    const holder = spawn('sleep', ['30']);
    try {
      writeFileSync(lockFileOf(dataDir), `${holder.pid}\n`);
      expect(() => lockPGliteDirectory(dataDir)).toThrow(EmbeddedDatabaseInUse);
      expect(() => lockPGliteDirectory(dataDir)).toThrow(`open in another process (pid ${holder.pid})`);
      await expect(createDatabase(`pglite:${dataDir}`)).rejects.toThrow(EmbeddedDatabaseInUse);
      // Refused before anything was created.
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      holder.kill();
    }
  });

  it('takes over a lock left by a process that died (kill -9) or that holds no id', () => {
    for (const content of [`${deadPid()}\n`, '']) {
      const dataDir = directory();
      writeFileSync(lockFileOf(dataDir), content);
      if (content === '') {
        // An empty lock file is only taken over once it is old (its writer may be mid-write).
        const old = new Date(Date.now() - 60_000);
        spawnSync('touch', ['-d', old.toISOString(), lockFileOf(dataDir)]);
      }
      const release = lockPGliteDirectory(dataDir);
      expect(readFileSync(lockFileOf(dataDir), 'utf8').trim()).toBe(String(process.pid));
      release();
    }
  });
});

describe('createDatabase on a PGlite directory', () => {
  it(
    'holds the lock while open and lets it go on close; a new directory lacks every migration',
    { timeout: 60_000 },
    async () => {
      const dataDir = directory();
      const db = await createDatabase(`pglite:${dataDir}`);
      expect(readFileSync(lockFileOf(dataDir), 'utf8').trim()).toBe(String(process.pid));
      // Never migrated: every migration is pending (what `pnpm dispatch` refuses to start on).
      expect(await pendingMigrations(db.prisma)).toEqual(await listMigrations());
      await db.close();
      expect(existsSync(lockFileOf(dataDir))).toBe(false);
    },
  );
});
