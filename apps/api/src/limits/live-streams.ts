// Caps on live (server-sent events) subscriptions. Each stream holds a connection, a listener and a
// database check per event for as long as the client likes, so a session may keep only a few (a new
// browser tab closes its oldest stream rather than failing) and a client address a few more (past
// that, a new one is refused with 429: one address must not push other people's streams out).
import { GraphQLError } from 'graphql';
import { Repeater, type Plugin } from 'graphql-yoga';
import type { Viewer } from '../auth/viewer.ts';
import type { Context } from '../context.ts';
import { clientNetworkOf } from '../net/address-ranges.ts';
import { forwardUntilStopped } from '../stream-loop.ts';

export interface LiveStreamLimits {
  perSession: number;
  perAddress: number;
}

interface LiveStream {
  /** Ends the stream (its response completes). */
  end(): void;
}

/** Open streams per key, oldest first (a Set keeps insertion order). */
class StreamRegistry {
  private readonly streams = new Map<string, Set<LiveStream>>();

  count(key: string): number {
    return this.streams.get(key)?.size ?? 0;
  }

  add(key: string, stream: LiveStream): void {
    const set = this.streams.get(key) ?? new Set();
    set.add(stream);
    this.streams.set(key, set);
  }

  remove(key: string, stream: LiveStream): void {
    const set = this.streams.get(key);
    if (!set) return;
    set.delete(stream);
    if (set.size === 0) this.streams.delete(key);
  }

  oldest(key: string): LiveStream | undefined {
    return this.streams.get(key)?.values().next().value;
  }
}

/** The session or API token a stream belongs to. */
function credentialKey(viewer: Viewer): string {
  return viewer.credential.kind === 'SESSION'
    ? `session:${viewer.credential.sessionId}`
    : `token:${viewer.credential.tokenId}`;
}

function tooManyStreams(perAddress: number): GraphQLError {
  return new GraphQLError(
    `Too many live streams from this address (at most ${perAddress} at once); close one and try again.`,
    { extensions: { code: 'RATE_LIMITED', http: { status: 429, headers: { 'retry-after': '60' } } } },
  );
}

/**
 * `source` until it ends, the consumer stops it, or `track` ends it; `untrack` runs once, whichever
 * comes first.
 */
function trackedStream<T>(
  source: AsyncIterable<T>,
  track: (stream: LiveStream) => void,
  untrack: (stream: LiveStream) => void,
): Repeater<T> {
  return new Repeater<T>(async (push, stop) => {
    const stream: LiveStream = { end: () => stop() };
    track(stream);
    try {
      await forwardUntilStopped(source, stop, async (value) => {
        await push(value);
      });
    } finally {
      untrack(stream);
    }
  });
}

export function liveStreamLimits(limits: LiveStreamLimits): Plugin<Context> {
  const bySession = new StreamRegistry();
  const byAddress = new StreamRegistry();
  return {
    onSubscribe({ args, setResultAndStopExecution }) {
      const ctx = args.contextValue;
      const address = clientNetworkOf(ctx.clientIp);
      if (byAddress.count(address) >= limits.perAddress) {
        setResultAndStopExecution({ errors: [tooManyStreams(limits.perAddress)] });
        return;
      }
      const session = ctx.viewer ? credentialKey(ctx.viewer) : null;
      return {
        onSubscribeResult({ result, setResult }) {
          if (!(Symbol.asyncIterator in result)) return;
          const track = (stream: LiveStream) => {
            byAddress.add(address, stream);
            if (!session) return;
            bySession.add(session, stream);
            while (bySession.count(session) > limits.perSession) {
              const oldest = bySession.oldest(session)!;
              bySession.remove(session, oldest);
              oldest.end();
            }
          };
          const untrack = (stream: LiveStream) => {
            byAddress.remove(address, stream);
            if (session) bySession.remove(session, stream);
          };
          setResult(trackedStream(result, track, untrack));
        },
      };
    },
  };
}
