// Live streams are capped: a session (or API token) keeps its newest few, the oldest being closed,
// and a client address gets 429 past its own cap, over real server-sent-event connections.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, startTestApi, type TestApi } from './harness.ts';
import { openEventStream, type EventStream } from './sse-client.ts';

const SUBSCRIPTION = { query: 'subscription { noticePublished { id } }' };
const PER_SESSION = 2;
const PER_ADDRESS = 3;

let api: TestApi;
const opened: EventStream[] = [];

beforeAll(async () => {
  api = await startTestApi({
    listen: true,
    env: { MAX_LIVE_STREAMS_PER_SESSION: String(PER_SESSION), MAX_LIVE_STREAMS_PER_ADDRESS: String(PER_ADDRESS) },
  });
});
afterAll(async () => {
  for (const stream of opened) stream.close();
  await api.close();
});

async function open(token: string): Promise<EventStream> {
  const stream = await openEventStream(api.origin!, SUBSCRIPTION, token);
  opened.push(stream);
  return stream;
}

/** The stream's next message other than a keep-alive, or 'open' when none comes within the time. */
async function state(stream: EventStream, timeoutMs = 300): Promise<string> {
  const message = await stream.next(timeoutMs);
  return message ? message.event : 'open';
}

describe('live streams', () => {
  it('keeps a session to its newest streams, closing the oldest, and refuses an address past its cap with 429', async () => {
    const hanoi = await api.login(ACCOUNTS.hanoiUser);
    const first = await open(hanoi);
    const second = await open(hanoi);
    expect([first.response.status, second.response.status]).toEqual([200, 200]);
    expect(await state(first)).toBe('open');

    const third = await open(hanoi);
    expect(third.response.status).toBe(200);
    // The oldest of the session's streams is ended (a `complete` event, then the end of the response).
    expect(await state(first, 5000)).toBe('complete');
    expect(await state(first, 5000)).toBe('end');
    expect(await state(second)).toBe('open');
    expect(await state(third)).toBe('open');

    // Another session from the same address: the address holds 2, so one more fits, then 429.
    const saigon = await api.login(ACCOUNTS.saigonUser);
    const fourth = await open(saigon);
    expect(fourth.response.status).toBe(200);
    const refused = await open(saigon);
    expect(refused.response.status).toBe(429);
    expect(refused.response.headers.get('retry-after')).toBe('60');
    const message = await refused.next(5000);
    expect(message?.data?.errors).toMatchObject([{ extensions: { code: 'RATE_LIMITED' } }]);
    expect(await state(second)).toBe('open');

    // A stream the client closes frees its place.
    fourth.close();
    let again: EventStream | undefined;
    for (let attempt = 0; attempt < 50; attempt++) {
      again = await open(saigon);
      if (again.response.status === 200) break;
      again.close();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(again?.response.status).toBe(200);
  });
});
