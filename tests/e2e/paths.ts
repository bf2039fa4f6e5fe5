import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const PORTAL_DIR = path.join(REPO_ROOT, 'apps/portal');
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'tests/e2e/screenshots');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
