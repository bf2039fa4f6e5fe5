// The portal's same-origin GraphQL proxy (/api/graphql) under `pnpm fuzz`'s hostile requests, sent
// as a browser would (the session in its cookie): no 5xx, no masked internal error, no hang, and the
// portal and the API behind it still answer afterwards. No browser: raw HTTP to the built portal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CATEGORIES,
  hostileRequests,
  loadFuzzContext,
  runHostileRequests,
  stillAnswers,
  throughPortal,
} from '../../scripts/lib/hostile-requests.ts';
import { startStack, type Stack } from './stack.ts';

let stack: Stack;

beforeAll(async () => {
  // Each proxied call is two for the API (the portal looks the session up first): the per-token
  // limiter would answer 429 to most of them, hiding what this looks for.
  stack = await startStack({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
});

afterAll(async () => {
  await stack?.close();
});

describe('the GraphQL proxy', () => {
  it('answers 600 hostile requests without a 5xx, an internal error or a hang, and keeps answering', async () => {
    const { context, route, livenessToken } = throughPortal(await loadFuzzContext(new URL(stack.apiUrl).origin));
    const report = await runHostileRequests(stack.portal, hostileRequests(600, 11, context), {
      route,
      livenessToken,
      checkEvery: 200,
    });
    expect(report.sent).toBe(600);
    expect(Object.keys(report.byCategory).sort()).toEqual([...CATEGORIES].sort());
    expect(report.failures).toEqual([]);
    // Most went past the proxy's own checks to the API (which answers 200 or 400), not refused at the door.
    expect((report.byStatus['200'] ?? 0) + (report.byStatus['400'] ?? 0)).toBeGreaterThan(300);
    expect(await stillAnswers(stack.portal, route, livenessToken)).toBe(true);
  }, 240_000);
});
