// What a browser test file runs against: its own stack and one browser, started before its tests
// and closed after them (whatever started, even when the other failed to).
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { openBrowser, type Browser } from './browser.ts';
import { SCREENSHOT_DIR } from './paths.ts';
import { startStack, type Stack } from './stack.ts';

/**
 * Starts the stack and a browser before the file's tests and hands them to `started`, which keeps
 * them in the file's own variables; hooks the file adds after this call run once both are up.
 */
export function withStackAndBrowser(started: (stack: Stack, browser: Browser) => void): void {
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    stack = await startStack();
    browser = await openBrowser();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    started(stack, browser);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });
}
