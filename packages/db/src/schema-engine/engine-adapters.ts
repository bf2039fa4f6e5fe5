// Driver adapters for the WASM schema engine. The runtime adapters (pglite-prisma-adapter,
// @prisma/adapter-pg) are built for the query engine; the schema engine uses them differently,
// and each difference below was hit in practice (STACK.md, "Prisma Migrate without the native engine"):
// - whole scripts (e.g. migrations replayed on the shadow database) arrive through
//   argument-less `executeRaw`, which pglite-prisma-adapter runs as one prepared statement, where
//   multi-statement SQL is refused: they go through the simple-query protocol instead;
// - pglite-prisma-adapter's `executeScript` does not await `exec`, so a failing migration
//   would be reported as applied; adapter-pg's splits on every `;`, which breaks dollar-quoted
//   bodies: both are replaced by one simple-protocol query;
// - adapter-pg cannot decode Postgres' internal `"char"` type (OID 18), which the engine's
//   catalog queries select: such columns are reported as text;
// - adapter-pg's `connectToShadowDb()` connects to the main database and drops the shadow
//   before closing the pool: every shadow database is a fresh in-memory PGlite instead.
import type { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  DriverAdapterError,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
} from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { DatabaseTarget } from '../database-url.ts';
import { createEmptyPGlite, loadPGliteSnapshot, openPGlite } from '../pglite-snapshot.ts';

/** A Postgres error as raised by both `pg` and PGlite (they share the wire-protocol parser). */
interface PostgresError {
  code: string;
  message: string;
  severity: string;
  detail?: string;
  column?: string;
  hint?: string;
}

function isPostgresError(error: unknown): error is PostgresError {
  const candidate = error as Partial<PostgresError> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.code === 'string' &&
    typeof candidate.message === 'string' &&
    typeof candidate.severity === 'string'
  );
}

let lastDatabaseError: PostgresError | undefined;

/**
 * The last error the database reported, cleared on read. The engine's own message for a failed
 * migration script ("external connector error") omits the database's message, which users need.
 */
export function takeLastDatabaseError(): PostgresError | undefined {
  const error = lastDatabaseError;
  lastDatabaseError = undefined;
  return error;
}

/**
 * Database errors must reach the engine as DriverAdapterError: anything else becomes an opaque
 * "External error id#N" instead of the Postgres code and message Prisma shows to the user.
 */
function toDriverAdapterError(error: unknown): unknown {
  if (!isPostgresError(error)) return error;
  lastDatabaseError = error;
  return new DriverAdapterError({
    kind: 'postgres',
    code: error.code,
    severity: error.severity,
    message: error.message,
    detail: error.detail,
    column: error.column,
    hint: error.hint,
    originalCode: error.code,
    originalMessage: error.message,
  });
}

/** Runs SQL (possibly several statements) through the simple-query protocol; returns affected rows. */
type ScriptRunner = (script: string) => Promise<number>;

/** Delegates to a runtime adapter, sending scripts to `runScript` (see the file comment). */
class EngineAdapter implements SqlDriverAdapter {
  readonly provider;
  readonly adapterName;

  constructor(
    private readonly inner: SqlDriverAdapter,
    private readonly runScript: ScriptRunner,
    private readonly onDispose: () => Promise<void> = async () => {},
  ) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }

  async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    try {
      return await this.inner.queryRaw(query);
    } catch (error) {
      // The runtime adapters already wrap database errors; keep the original for messages.
      const cause = error instanceof DriverAdapterError ? error.cause : undefined;
      if (cause?.kind === 'postgres') lastDatabaseError = cause;
      throw error;
    }
  }

  async executeRaw(query: SqlQuery): Promise<number> {
    if (query.args.length > 0) return this.inner.executeRaw(query);
    try {
      return await this.runScript(query.sql);
    } catch (error) {
      throw toDriverAdapterError(error);
    }
  }

  async executeScript(script: string): Promise<void> {
    try {
      await this.runScript(script);
    } catch (error) {
      throw toDriverAdapterError(error);
    }
  }

  startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    return this.inner.startTransaction(isolationLevel);
  }

  getConnectionInfo() {
    return this.inner.getConnectionInfo?.() ?? { supportsRelationJoins: true };
  }

  async dispose(): Promise<void> {
    try {
      await this.inner.dispose();
    } finally {
      await this.onDispose();
    }
  }
}

async function pgliteAdapter(pglite: PGlite, onDispose?: () => Promise<void>): Promise<SqlDriverAdapter> {
  const inner = await new PrismaPGlite(pglite).connect();
  return new EngineAdapter(
    inner,
    async (script) => {
      const results = await pglite.exec(script);
      return results.reduce((sum, result) => sum + (result.affectedRows ?? 0), 0);
    },
    onDispose,
  );
}

/** What the schema engine is given, plus the clean-up its owner must run before exiting. */
export interface EngineConnection {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /**
   * A copy of the main database's data directory when it is PGlite (null for PostgreSQL, whose
   * databases cannot be copied while other sessions use them).
   */
  snapshotMain(): Promise<Blob | null>;
  /** Closes the main database and any shadow database still open. */
  close(): Promise<void>;
}

// Postgres' internal single-byte type, selected by the engine's catalog queries.
const CHAR_OID = 18;
const TEXT_OID = 25;

type QueryResultLike = { fields?: Array<{ dataTypeID: number }> };

function reportCharAsText(result: unknown): void {
  for (const single of Array.isArray(result) ? result : [result]) {
    for (const field of (single as QueryResultLike | null)?.fields ?? []) {
      if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
    }
  }
}

/**
 * Makes a pg client report `"char"` columns as text. pg already decodes their values as strings;
 * only adapter-pg's type switch rejects the OID.
 */
function patchCharColumns(client: pg.PoolClient): void {
  // pg's query() has a dozen overloads (promise, callback, Submittable); this wrapper only
  // post-processes results and passes every argument through untouched, hence the loose type.
  const original = client.query.bind(client) as (...args: unknown[]) => unknown;
  const patched = (...args: unknown[]): unknown => {
    const first = args[0] as { submit?: unknown } | null;
    if (typeof first === 'object' && first !== null && typeof first.submit === 'function') {
      return original(...args);
    }
    const last = args.at(-1);
    if (typeof last === 'function') {
      const callback = last as (error: unknown, result?: unknown) => void;
      return original(...args.slice(0, -1), (error: unknown, result?: unknown) => {
        if (!error) reportCharAsText(result);
        callback(error, result);
      });
    }
    return (original(...args) as Promise<unknown>).then((result) => {
      reportCharAsText(result);
      return result;
    });
  };
  client.query = patched as typeof client.query;
}

async function openPostgres(url: string): Promise<{ adapter: SqlDriverAdapter; close(): Promise<void> }> {
  // One connection, as the native engine uses: the engine takes a session-level advisory lock
  // and expects later statements (and the unlock) on the same session.
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  pool.on('connect', patchCharColumns);
  // An idle client error (server restart) must not crash the process with an unhandled event.
  pool.on('error', () => {});
  const inner = await new PrismaPg(pool).connect();
  const adapter = new EngineAdapter(inner, async (script) => {
    // No parameters, so pg uses the simple-query protocol: several statements run in one
    // implicit transaction, like a migration run by the native engine.
    const result = (await pool.query(script)) as pg.QueryResult | pg.QueryResult[];
    const results = Array.isArray(result) ? result : [result];
    return results.reduce((sum, single) => sum + (single.rowCount ?? 0), 0);
  });
  return { adapter, close: () => pool.end() };
}

type MainSource = DatabaseTarget | { engine: 'snapshot'; snapshot: Blob } | null;

/**
 * Connects lazily: commands such as `migrate diff` between two schema files never open the
 * database, and opening a PGlite directory costs about half a second.
 */
function engineConnection(source: MainSource): EngineConnection {
  const closers = new Set<() => Promise<void>>();
  let main: Promise<SqlDriverAdapter> | undefined;
  let mainPGlite: PGlite | undefined;

  const connectMain = async (): Promise<SqlDriverAdapter> => {
    if (source === null) {
      throw new Error('No datasource URL was given to the schema engine (set datasource.url in prisma.config.ts).');
    }
    if (source.engine === 'postgresql') {
      const { adapter, close } = await openPostgres(source.url);
      closers.add(close);
      return adapter;
    }
    const pglite =
      source.engine === 'snapshot' ? await loadPGliteSnapshot(source.snapshot) : await openPGlite(source.dataDir);
    mainPGlite = pglite;
    closers.add(() => pglite.close());
    return pgliteAdapter(pglite);
  };

  const connect = () => {
    main ??= connectMain();
    main.catch(() => {
      main = undefined;
    });
    return main;
  };

  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: 'postgres',
    adapterName: source?.engine === 'postgresql' ? '@prisma/adapter-pg' : 'pglite-prisma-adapter',
    // The main database is opened once and shared if the engine connects again. Disposing
    // the adapter does not close it (both runtime adapters leave the PGlite instance or the
    // external pool alone); close() below does.
    connect,
    connectToShadowDb: async () => {
      const shadow = await createEmptyPGlite();
      const close = async () => {
        closers.delete(close);
        if (!shadow.closed) await shadow.close();
      };
      closers.add(close);
      return pgliteAdapter(shadow, close);
    },
  };

  return {
    factory,
    snapshotMain: async () => {
      if (source === null || source.engine === 'postgresql') return null;
      await connect();
      return mainPGlite ? mainPGlite.dumpDataDir('none') : null;
    },
    close: async () => {
      const pending = [...closers];
      closers.clear();
      await Promise.allSettled(pending.map((close) => close()));
    },
  };
}

export function openEngineConnection(target: DatabaseTarget | null): EngineConnection {
  return engineConnection(target);
}

/** A connection whose main database is an in-memory copy of a snapshot (a scratch database). */
export function openSnapshotConnection(snapshot: Blob): EngineConnection {
  return engineConnection({ engine: 'snapshot', snapshot });
}
