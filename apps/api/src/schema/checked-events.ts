import { Repeater } from 'graphql-yoga';
import { credentialIsCurrent } from '../auth/credential-check.ts';
import type { ViewerContext } from './builder.ts';

/**
 * The events of `source` this viewer may receive. An event carries ids only and is never trusted:
 * each is checked with `mayReceive` (the viewer's visibility filter) when it arrives, and the stream
 * ends once the viewer's session or API token is revoked, expired or its user disabled.
 */
export function checkedEvents<E>(
  ctx: ViewerContext,
  source: AsyncIterable<E>,
  mayReceive: (event: E) => Promise<E | null>,
): Repeater<E> {
  const { viewer } = ctx;
  return new Repeater<E>(async (push, stop) => {
    const events = source[Symbol.asyncIterator]();
    const stopped = stop.then(() => ({ done: true as const, value: undefined }));
    try {
      for (;;) {
        const next = await Promise.race([events.next(), stopped]);
        if (next.done) break;
        if (!(await credentialIsCurrent(ctx.prisma, viewer, ctx.now()))) break;
        const allowed = await mayReceive(next.value);
        if (allowed !== null) await push(allowed);
      }
    } finally {
      stop();
      await events.return?.();
    }
  });
}
