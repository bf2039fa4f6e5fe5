import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // Pothos and yoga load graphql's CJS build; make vitest use the same one (STACK.md gotcha 6).
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['{apps,packages,tests,prisma}/**/*.test.ts'],
    // The portal's pure modules (apps/portal/src/lib, no $app/$env imports) are tested
    // here; everything else in the portal needs SvelteKit's plugin.
    exclude: ['**/node_modules/**', 'apps/portal/!(src)/**', 'apps/portal/src/!(lib)/**', 'tests/e2e/**'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // A worker runs its files one after another in one module graph, so the API's schema and the
    // Prisma client load once per worker, not once per file (about a quarter off the run). Every
    // file creates its own database, servers and timers and closes them; none may leave state behind.
    isolate: false,
  },
});
