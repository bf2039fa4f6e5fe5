// Component and load-function tests of the portal, with SvelteKit's plugin ($lib, $app, $env,
// .svelte files): `pnpm --filter @upgrade-desk/portal test`. The pure modules under src/lib are
// tested by the root config instead (README.md).
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit()],
  test: {
    include: ['src/routes/**/*.test.ts', 'tests/**/*.test.ts'],
    environment: 'node',
  },
});
