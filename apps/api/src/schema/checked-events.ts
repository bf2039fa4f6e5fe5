import { Repeater } from 'graphql-yoga';
import { credentialIsCurrent } from '../auth/credential-check.ts';
import { forwardUntilStopped } from '../stream-loop.ts';
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
  return new Repeater<E>((push, stop) =>
    forwardUntilStopped(source, stop, async (event) => {
      if (!(await credentialIsCurrent(ctx.prisma, viewer, ctx.now()))) return false;
      const allowed = await mayReceive(event);
      if (allowed !== null) await push(allowed);
    }),
  );
}
