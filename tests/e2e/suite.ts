// What a browser test file runs against: its own stack and one browser, started before its tests
// and closed after them (whatever started, even when the other failed to).
import { mkdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { openBrowser, type Browser } from './browser.ts';
import { SCREENSHOT_DIR } from './paths.ts';
import { startStack, type Stack } from './stack.ts';

export interface Running {
  stack: Stack;
  browser: Browser;
}

/**
 * Starts the stack and a browser before the file's tests and hands them to `started`, which keeps
 * them in the file's own variables; hooks the file adds after this call run once both are up.
 * `signedOutBetweenTests`: each test starts with no session, whatever the one before it left
 * (a test that failed half-way leaves no one logged in for the next).
 */
export function withStackAndBrowser(started: (running: Running) => void, { signedOutBetweenTests = false } = {}): void {
  let running: Partial<Running> = {};
  beforeAll(async () => {
    running.stack = await startStack();
    running.browser = await openBrowser();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    started(running as Running);
  });
  if (signedOutBetweenTests) afterEach(() => running.browser?.context.clearCookies());
  afterAll(async () => {
    await running.browser?.close();
    await running.stack?.close();
    running = {};
  });
}
