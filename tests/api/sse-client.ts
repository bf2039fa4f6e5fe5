// A minimal GraphQL-over-SSE client ("distinct connections" mode): one POST per subscription,
// answered with a text/event-stream of `next` events and a final `complete`.
import type { GraphQLResponse } from './harness.ts';

export interface SseMessage<T = unknown> {
  event: string;
  data: GraphQLResponse<T> | null;
}

export interface EventStream {
  response: Response;
  /** The next message; null when none arrives within `timeoutMs`; `{ event: 'end' }` once the stream has ended. */
  next<T = any>(timeoutMs?: number): Promise<SseMessage<T> | null>; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary response shapes
  close(): void;
}

export async function openEventStream(
  origin: string,
  body: { query: string; variables?: Record<string, unknown> },
  token?: string,
): Promise<EventStream> {
  const abort = new AbortController();
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: {
      accept: 'text/event-stream',
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
    signal: abort.signal,
  });

  const messages: SseMessage[] = [];
  let waiter: (() => void) | undefined;
  let ended = false;
  const wake = () => {
    waiter?.();
    waiter = undefined;
  };

  void (async () => {
    let buffer = '';
    try {
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split(/\r?\n/)) {
            if (line.startsWith(':')) continue; // keep-alive comment
            if (line.startsWith('event:')) event = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
          }
          if (event === 'message' && data.length === 0) continue;
          const text = data.join('\n');
          messages.push({ event, data: text ? (JSON.parse(text) as GraphQLResponse) : null });
          wake();
        }
      }
    } catch {
      // aborted by close(), or the server went away: the stream has ended either way
    } finally {
      ended = true;
      wake();
    }
  })();

  return {
    response,
    async next(timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length === 0 && !ended && Date.now() < deadline) {
        await new Promise<void>((resolve) => {
          waiter = resolve;
          setTimeout(resolve, deadline - Date.now());
        });
      }
      const message = messages.shift();
      if (message) return message as SseMessage<never>;
      return ended ? { event: 'end', data: null } : null;
    },
    close: () => abort.abort(),
  };
}
