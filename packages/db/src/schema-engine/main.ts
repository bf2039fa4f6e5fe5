// Stands in for Prisma's native schema engine binary, which cannot be downloaded here.
// The Prisma CLI spawns it (PRISMA_SCHEMA_ENGINE_BINARY, set in prisma.config.ts) in one of
// three ways, all handled below:
//   --version                                   print the engine version;
//   --datasource <json> cli <command>           can-connect-to-database | create-database | drop-database;
//   --datamodels <path>… --datasource <json>    line-delimited JSON-RPC 2.0 on stdin/stdout.
// stdout carries only JSON-RPC messages and stderr only JSON log lines: the CLI parses both.
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { type DatabaseTarget, parseDatabaseUrl } from '../database-url.ts';
import { canConnectToDatabase, createDatabase, dropDatabase, KnownEngineError } from './database-commands.ts';
import type { RpcContext, ScratchEngine } from './rpc-methods.ts';
import type { CreatedEngine } from './wasm-engine.ts';

interface Arguments {
  datamodels: string[];
  datasourceUrl: string | null;
  cliCommand: string | null;
  version: boolean;
}

function parseArguments(argv: string[]): Arguments {
  const parsed: Arguments = { datamodels: [], datasourceUrl: null, cliCommand: null, version: false };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    const value = () => {
      const next = argv[++index];
      if (next === undefined) throw new Error(`Missing value after ${argument}`);
      return next;
    };
    switch (argument) {
      case '--version':
      case '-V':
        parsed.version = true;
        break;
      case '--datamodels':
        parsed.datamodels.push(value());
        break;
      case '--datasource': {
        const datasource = JSON.parse(value()) as { url?: unknown };
        parsed.datasourceUrl = typeof datasource.url === 'string' ? datasource.url : null;
        break;
      }
      case '--enabled-preview-features':
      case '--extension-types':
        value(); // nothing in this project uses them
        break;
      case 'cli':
        parsed.cliCommand = argv[++index] ?? '';
        break;
      default:
        throw new Error(`Unexpected argument: ${argument}`);
    }
  }
  return parsed;
}

/** One line of the native engine's JSON logging (what the CLI parses from stderr). */
function logLine(level: 'INFO' | 'ERROR', message: string, errorCode?: string): string {
  const fields: Record<string, string> = { message };
  if (errorCode) fields.error_code = errorCode;
  return JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target: 'schema_engine::logger' });
}

async function runCliCommand(command: string, datasourceUrl: string | null): Promise<number> {
  try {
    if (datasourceUrl === null) throw new Error('The cli commands need --datasource with a url.');
    const target = parseDatabaseUrl(datasourceUrl);
    switch (command) {
      case 'can-connect-to-database':
        await canConnectToDatabase(target);
        break;
      case 'create-database':
        process.stdout.write(`Database '${await createDatabase(target)}' was successfully created.\n`);
        break;
      case 'drop-database':
        await dropDatabase(target);
        process.stdout.write('The database was successfully dropped.\n');
        break;
      default:
        throw new Error(`Unknown cli command: ${command}`);
    }
    return 0;
  } catch (error) {
    // The CLI skips the first stderr line and parses the rest as JSON (no trailing newline).
    const code = error instanceof KnownEngineError ? error.errorCode : undefined;
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${logLine('INFO', 'Starting schema engine CLI')}\n${logLine('ERROR', message, code)}`);
    return 1;
  }
}

interface RpcError {
  code: number;
  message: string;
  data?: { is_panic: boolean; message: string; error_code?: string; meta?: unknown };
}

interface ErrorSources {
  created: CreatedEngine | undefined;
  takePanicMessage(): string | undefined;
  takeLastDatabaseError(): { code: string; message: string } | undefined;
}

/** Turns an engine failure into the error the CLI expects from the native engine. */
function toRpcError(error: unknown, { created, takePanicMessage, takeLastDatabaseError }: ErrorSources): RpcError {
  const panic = error instanceof WebAssembly.RuntimeError ? (takePanicMessage() ?? error.message) : undefined;
  if (panic !== undefined) {
    return { code: 4466, message: panic, data: { is_panic: true, message: panic } };
  }
  const raw = error instanceof Error ? error.message : String(error);
  // Engine errors end with a span trace ("   0: schema_engine_wasm::…"): noise for users.
  let message = raw.split(/\n\s+0: /)[0]?.trim() ?? raw;
  // Errors thrown by JS code (not DriverAdapterErrors) reach the engine as an id only.
  message = message.replace(/External error id#(\d+)/g, (whole, id: string) => {
    const record = created?.factory.errorRegistry.consumeError(Number(id));
    if (!record) return whole;
    return record.error instanceof Error ? record.error.message : String(record.error);
  });
  let errorCode = (error as { code?: unknown } | null)?.code;
  const databaseError = takeLastDatabaseError();
  const migration = /migration_name="([^"]+)"/.exec(raw)?.[1];
  if (migration && errorCode === undefined && databaseError) {
    // What the native engine reports when a migration script fails.
    errorCode = 'P3018';
    message = `A migration failed to apply. New migrations cannot be applied before the error is recovered from. Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve\n\nMigration name: ${migration}\n\nDatabase error code: ${databaseError.code}\n\nDatabase error:\nERROR: ${databaseError.message}`;
  } else if (migration && !message.includes(migration)) {
    message += `\n\nMigration name: ${migration}`;
  }
  return {
    code: 4466,
    message: 'An error happened. Check the data field for details.',
    data: {
      is_panic: false,
      message,
      ...(typeof errorCode === 'string' ? { error_code: errorCode } : {}),
      meta: {},
    },
  };
}

interface RpcRequest {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: unknown;
}

async function serveRpc(args: Arguments, target: DatabaseTarget | null): Promise<void> {
  // Loaded here rather than at the top: `--version` and the cli commands do not need the engine.
  const [{ openEngineConnection, openSnapshotConnection, takeLastDatabaseError }, { findRpcMethod }, wasm] =
    await Promise.all([import('./engine-adapters.ts'), import('./rpc-methods.ts'), import('./wasm-engine.ts')]);
  const { createSchemaEngine, takePanicMessage } = wasm;
  const write = (message: object) => process.stdout.write(`${JSON.stringify(message)}\n`);
  const connection = openEngineConnection(target);
  const datamodels = await Promise.all(
    args.datamodels.map(async (file): Promise<[string, string]> => [file, await readFile(file, 'utf8')]),
  );
  let created: CreatedEngine | undefined;
  const engine = async () => {
    created ??= await createSchemaEngine(datamodels, connection.factory, (line) => process.stderr.write(`${line}\n`));
    return created.engine;
  };

  // Requests to the CLI (only `print`) use their own id range so they never meet the CLI's ids.
  let nextOutgoingId = 1_000_000;
  const awaitingAck = new Map<number | string, () => void>();
  const print = (content: string) =>
    new Promise<void>((resolve) => {
      const id = nextOutgoingId++;
      awaitingAck.set(id, resolve);
      write({ jsonrpc: '2.0', method: 'print', params: { content }, id });
    });

  const openMainCopy = async (): Promise<ScratchEngine | null> => {
    const snapshot = await connection.snapshotMain();
    if (snapshot === null) return null;
    const copy = openSnapshotConnection(snapshot);
    try {
      const scratch = await createSchemaEngine([], copy.factory, () => {});
      return {
        engine: scratch.engine,
        close: async () => {
          scratch.engine.free();
          await copy.close();
        },
      };
    } catch (error) {
      await copy.close();
      throw error;
    }
  };

  const handle = async (request: RpcRequest) => {
    const method = findRpcMethod(request.method ?? '');
    if (!method) {
      write({
        jsonrpc: '2.0',
        id: request.id,
        error: { code: -32601, message: `Method not found: ${request.method}` },
      });
      return;
    }
    try {
      const context: RpcContext = { engine: await engine(), target, print, openMainCopy };
      const result = await method(request.params, context);
      write({ jsonrpc: '2.0', id: request.id, result: result ?? null });
      takeLastDatabaseError(); // errors the engine handled itself must not leak into a later message
    } catch (error) {
      write({
        jsonrpc: '2.0',
        id: request.id,
        error: toRpcError(error, { created, takePanicMessage, takeLastDatabaseError }),
      });
    }
  };

  // One request at a time, in order, as the native engine does.
  let queue = Promise.resolve();
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on('line', (line) => {
    if (line.trim() === '') return;
    let message: RpcRequest;
    try {
      message = JSON.parse(line) as RpcRequest;
    } catch {
      write({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } });
      return;
    }
    if (message.method === undefined && message.id !== undefined) {
      awaitingAck.get(message.id)?.();
      awaitingAck.delete(message.id);
      return;
    }
    queue = queue.then(() => handle(message));
  });

  // The CLI ends stdin and sends SIGTERM at once when it is done: finish the request in flight
  // and close the databases (an unclosed PGlite directory needs recovery, and keeps the process
  // alive) before exiting.
  let shuttingDown: Promise<void> | undefined;
  const shutdown = () => {
    shuttingDown ??= (async () => {
      await queue;
      await connection.close();
      created?.engine.free();
      process.exit(0);
    })();
    return shuttingDown;
  };
  lines.on('close', shutdown);
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

async function main(): Promise<void> {
  const args = parseArguments(process.argv.slice(2));
  if (args.version) {
    const { engineVersion } = await import('./wasm-engine.ts');
    process.stdout.write(`schema-engine-cli ${await engineVersion()}\n`);
    return;
  }
  if (args.cliCommand !== null) {
    process.exitCode = await runCliCommand(args.cliCommand, args.datasourceUrl);
    return;
  }
  await serveRpc(args, args.datasourceUrl === null ? null : parseDatabaseUrl(args.datasourceUrl));
}

process.on('unhandledRejection', (reason) => {
  process.stderr.write(`${logLine('ERROR', `Unhandled rejection in the schema engine: ${String(reason)}`)}\n`);
});

main().catch((error: unknown) => {
  process.stderr.write(`${logLine('ERROR', error instanceof Error ? error.message : String(error))}\n`);
  process.exit(1);
});
