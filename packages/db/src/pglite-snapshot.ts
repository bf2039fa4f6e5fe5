// Starting an empty PGlite runs initdb inside WASM, which takes 3-5 s on this project's machines;
// loading a data directory from a tarball takes about 1 s. Shadow databases (schema engine) and
// test templates therefore start from a pristine snapshot cached on disk, made once per PGlite
// version.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { access, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { cacheDir } from './repo-paths.ts';

/** The installed PGlite version (its package.json is not exported, so find it next to the entry). */
function installedPGliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const packageJson = path.join(entry.slice(0, entry.lastIndexOf(`${path.sep}dist${path.sep}`)), 'package.json');
  return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
}

/** Snapshots are only valid for the PGlite (Postgres) version that wrote them. */
export const pgliteVersion = installedPGliteVersion();

/** Writes a file so that concurrent readers see either nothing or the whole file. */
export async function writeFileAtomic(file: string, data: Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, file);
  } finally {
    await rm(temporary, { force: true });
  }
}

// Snapshots are gzipped on disk (40 MB -> 5 MB, mostly an empty WAL segment) and kept
// uncompressed in memory: loading a plain tarball saves ~0.3 s per database.
const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** Reads a snapshot file into memory (one Blob can seed any number of databases). */
export async function readSnapshot(file: string): Promise<Blob | null> {
  try {
    return new Blob([new Uint8Array(await gunzipAsync(await readFile(file)))]);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    // A damaged cache entry (written by hand, or a full disk) is rebuilt rather than fatal.
    if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') {
      await rm(file, { force: true });
      return null;
    }
    throw error;
  }
}

/** Dumps a PGlite data directory, stores it (gzipped, atomically) in `file` and returns it. */
export async function saveSnapshot(pglite: PGlite, file: string): Promise<Blob> {
  const snapshot = await pglite.dumpDataDir('none');
  await writeFileAtomic(file, await gzipAsync(new Uint8Array(await snapshot.arrayBuffer()), { level: 1 }));
  return snapshot;
}

/** An in-memory PGlite whose data directory is a copy of the snapshot. */
export async function loadPGliteSnapshot(snapshot: Blob): Promise<PGlite> {
  return PGlite.create({ loadDataDir: snapshot });
}

let pristineSnapshot: Promise<Blob> | undefined;

/** The data directory of a freshly initialised, empty PGlite (cached per PGlite version). */
export function pristinePGliteSnapshot(): Promise<Blob> {
  pristineSnapshot ??= (async () => {
    const file = path.join(cacheDir, `pglite-${pgliteVersion}-empty.tgz`);
    const cached = await readSnapshot(file);
    if (cached) return cached;
    // Two processes may both get here; both write a valid snapshot, the last rename wins.
    const pglite = await PGlite.create('memory://');
    try {
      return await saveSnapshot(pglite, file);
    } finally {
      await pglite.close();
    }
  })();
  pristineSnapshot.catch(() => {
    pristineSnapshot = undefined;
  });
  return pristineSnapshot;
}

/** A new, empty, in-memory PGlite (about 1 s instead of 3-5 s once the snapshot is cached). */
export async function createEmptyPGlite(): Promise<PGlite> {
  return loadPGliteSnapshot(await pristinePGliteSnapshot());
}

/**
 * Opens a PGlite database: in memory when `dataDir` is null, else persisted in `dataDir`. A new
 * directory is seeded from the pristine snapshot (about 2 s instead of 5-10 s for initdb).
 * Only one process may have a given directory open at a time.
 */
export async function openPGlite(dataDir: string | null): Promise<PGlite> {
  if (dataDir === null) return createEmptyPGlite();
  const initialised = await access(path.join(dataDir, 'PG_VERSION')).then(
    () => true,
    () => false,
  );
  if (initialised) return PGlite.create(dataDir);
  await mkdir(dataDir, { recursive: true });
  return PGlite.create({ dataDir, loadDataDir: await pristinePGliteSnapshot() });
}
