import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApi, type ApiDependencies } from './yoga.ts';

export interface RunningApi {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** Serves the API over HTTP; close() stops accepting connections and waits for in-flight requests. */
export async function startApiServer(deps: ApiDependencies, port: number, host: string): Promise<RunningApi> {
  const yoga = createApi(deps);
  const server = createServer(yoga);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    server,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}${yoga.graphqlEndpoint}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
