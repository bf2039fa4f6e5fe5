import { EVERYDAY_OPERATIONS } from '@upgrade-desk/graphiql';
import { describe, expect, it } from 'vitest';
import { CUSTOMER_ADMIN, ENGINEER, fakeEvent, statusOf } from '../../../tests/fake-event';
import { load } from './+page.server';
import { GET } from './app/+server';

describe('/graphiql', () => {
  it('is a 403 for customers, the page and its frame alike', async () => {
    const { event } = fakeEvent({ url: '/graphiql', answers: {}, viewer: CUSTOMER_ADMIN });
    expect(await statusOf(() => load(event))).toBe(403);
    expect(await statusOf(() => GET(event))).toBe(403);
  });

  it("gives staff GraphiQL on the portal's proxy, with the CSRF header, the everyday tabs and nothing from another host", async () => {
    const { event } = fakeEvent({ url: '/graphiql/app', answers: {}, viewer: ENGINEER });
    expect(await statusOf(() => load(event))).toBeNull();
    const response = await GET(event);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('"endpoint":"/api/graphql"');
    expect(html).toContain('"x-upgrade-desk-csrf":"1"');
    expect(html).toContain('"isHeadersEditorEnabled":false');
    for (const operation of EVERYDAY_OPERATIONS) expect(html).toContain(operation.name);
    expect(html).not.toMatch(/<(script|link)\b[^>]*\b(src|href)="(https?:)?\/\//i);
  });
});
