// The portal in a real browser: `pnpm test:e2e`. Each test file starts its own stack (a seeded
// test database, the API with its notice worker, the built portal) on free ports and drives
// Debian's chromium with playwright-core. Files run one after another: two cores, one browser.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  resolve: {
    // Pothos and yoga load graphql's CJS build; make vitest use the same one (STACK.md gotcha 6).
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 240_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
