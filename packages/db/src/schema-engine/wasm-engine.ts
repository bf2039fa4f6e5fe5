// Loads @prisma/schema-engine-wasm, the exact engine build the Prisma 7.10 CLI pins, compiled
// to WASM. Its package entry imports the .wasm file as an ES module, which Node 20 cannot do,
// so the bindings module is instantiated by hand here.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';

export type { SchemaEngine };
export type * from '@prisma/schema-engine-wasm/schema_engine_bg';

/** The registry the engine's Rust panic hook writes into (a global the bindings look up by name). */
interface PanicRegistry {
  message: string;
  set_message(message: string): void;
}

declare global {
  var PRISMA_WASM_PANIC_REGISTRY: PanicRegistry | undefined;
}

const panicRegistry: PanicRegistry = {
  message: '',
  set_message(message: string) {
    this.message = message;
  },
};

/** The message of the last Rust panic, if the engine panicked. */
export function takePanicMessage(): string | undefined {
  const { message } = panicRegistry;
  panicRegistry.message = '';
  return message === '' ? undefined : message;
}

type Bindings = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');

let bindings: Promise<Bindings> | undefined;

async function loadBindings(): Promise<Bindings> {
  // Must exist before the module is instantiated: the panic hook is installed at start-up.
  globalThis.PRISMA_WASM_PANIC_REGISTRY = panicRegistry;
  const require = createRequire(import.meta.url);
  const bindingsPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const module: Bindings = await import('@prisma/schema-engine-wasm/schema_engine_bg');
  const wasmBytes = await readFile(bindingsPath.replace(/\.js$/, '.wasm'));
  // The generated glue imports its JS helpers under this module name.
  const { instance } = await WebAssembly.instantiate(wasmBytes, {
    './schema_engine_bg.js': module as unknown as WebAssembly.ModuleImports,
  });
  module.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return module;
}

function getBindings(): Promise<Bindings> {
  bindings ??= loadBindings();
  return bindings;
}

/** The version string of the WASM engine build (the prisma-engines commit). */
export async function engineVersion(): Promise<string> {
  return (await getBindings()).version();
}

export interface CreatedEngine {
  engine: SchemaEngine;
  /** The bound factory: its error registry resolves "External error id#N" in engine errors. */
  factory: ReturnType<typeof bindMigrationAwareSqlAdapterFactory>;
}

export async function createSchemaEngine(
  datamodels: Array<[path: string, content: string]>,
  factory: SqlMigrationAwareDriverAdapterFactory,
  onLog: (line: string) => void,
): Promise<CreatedEngine> {
  const { SchemaEngine: Engine } = await getBindings();
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  const engine = await Engine.new({ datamodels: datamodels.length > 0 ? datamodels : undefined }, onLog, bound);
  return { engine, factory: bound };
}
