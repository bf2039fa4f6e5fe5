// Before any browser test: a browser to drive, and a portal build that matches its sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { CHROMIUM_PATH, PORTAL_DIR, REPO_ROOT } from './paths.ts';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export default function setup(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `The browser tests drive Chromium at ${CHROMIUM_PATH}, which is missing. ` +
        'Install it with `apt-get install -y chromium` (or set CHROMIUM_PATH to a Chromium binary).',
    );
  }
  const built = path.join(PORTAL_DIR, 'build/index.js');
  const sources = Math.max(
    newestMtime(path.join(PORTAL_DIR, 'src')),
    statSync(path.join(PORTAL_DIR, 'package.json')).mtimeMs,
  );
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  console.log('e2e: building the portal…');
  const result = spawnSync('pnpm', ['--filter', '@upgrade-desk/portal', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('e2e: the portal build failed (see above).');
}
