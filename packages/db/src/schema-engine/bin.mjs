#!/usr/bin/env node
// Executable entry for PRISMA_SCHEMA_ENGINE_BINARY (see main.ts). The Prisma CLI parses this
// process's stderr as JSON log lines, so Node's own warnings must not be printed there.
process.removeAllListeners('warning');
const { register } = await import('tsx/esm/api');
register();
await import('./main.ts');
