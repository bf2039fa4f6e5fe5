import type { PrismaClient } from '@upgrade-desk/db';
import { listMigrations, pendingMigrations } from '@upgrade-desk/db';
import type { Plugin } from 'graphql-yoga';

/**
 * `/healthz`: the process answers. `/readyz`: the database answers and every migration in
 * prisma/migrations is applied, so a load balancer sends no traffic to an instance that would fail.
 */
export function healthChecks(deps: { prisma: PrismaClient }): Plugin {
  let expectedMigrations: Promise<string[]> | undefined;
  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      const reply = (status: number, body: Record<string, unknown>) =>
        endResponse(
          new fetchAPI.Response(JSON.stringify(body), {
            status,
            headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
          }),
        );
      if (url.pathname === '/healthz') return reply(200, { status: 'ok' });
      if (url.pathname !== '/readyz') return;
      try {
        expectedMigrations ??= listMigrations();
        const pending = await pendingMigrations(deps.prisma, await expectedMigrations);
        if (pending.length > 0) return reply(503, { status: 'migrations pending', pending });
        return reply(200, { status: 'ready' });
      } catch {
        return reply(503, { status: 'database unreachable' });
      }
    },
  };
}
