import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { REQUEST_ID_HEADER, requestIdFrom, withRequestId } from './logging.ts';
import { createNoticeEvents, type NoticeEvents } from './notices/events.ts';
import { isValidRequestTarget } from './request-guards.ts';
import { createApi, type ApiDependencies } from './yoga.ts';

export interface RunningApi {
  server: Server;
  url: string;
  /** The live notice events this server's subscriptions listen to; hand it to the dispatcher. */
  events: NoticeEvents;
  close(): Promise<void>;
}

/**
 * Serves the API over HTTP. close() stops accepting connections, ends live subscriptions, waits for
 * in-flight requests, and closes the events object if it created it (a passed-in one is the caller's).
 */
export async function startApiServer(deps: ApiDependencies, port: number, host: string): Promise<RunningApi> {
  const ownedEvents = deps.events ? undefined : createNoticeEvents(deps.config);
  const events = deps.events ?? ownedEvents!;
  const yoga = createApi({ ...deps, events });
  // Each request runs in its own log scope, so every line logged while serving it carries its id.
  const server = createServer((request, response) => {
    if (!isValidRequestTarget(request.url, request.headers.host)) {
      response
        .writeHead(400, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' })
        .end('Bad request\n');
      return;
    }
    const header = request.headers[REQUEST_ID_HEADER];
    withRequestId(requestIdFrom(typeof header === 'string' ? header : undefined), () => void yoga(request, response));
  });
  let closing = false;
  // A connection whose response finishes after close() began would otherwise idle out on its
  // keep-alive timeout (seconds) before the server can finish closing.
  server.on('request', (_request, response) => {
    response.once('finish', () => {
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    server,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}${yoga.graphqlEndpoint}`,
    events,
    close: async () => {
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // Completes the server-sent-event streams; their connections then close as they go idle.
      await yoga.dispose();
      await closed;
      await ownedEvents?.close();
    },
  };
}
