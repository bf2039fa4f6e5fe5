import { fileURLToPath } from 'node:url';
import { defineConfig } from 'prisma/config';

// The native schema engine cannot be downloaded here: every migrate/db command runs the WASM
// engine through packages/db's stand-in (STACK.md, "Prisma Migrate without the native engine").
// An explicit PRISMA_SCHEMA_ENGINE_BINARY still wins, e.g. /bin/true for `prisma generate`.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(
  new URL('./packages/db/src/schema-engine/bin.mjs', import.meta.url),
);

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'pglite:.data/pglite' },
});
