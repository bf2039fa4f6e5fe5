// The floor under the uncached dashboard figure: the same operation answered by a bare server of
// the stack the API is built on (graphql-yoga, Pothos with plugin-prisma and plugin-relay, Prisma
// over adapter-pg, the same database), with nothing of the product's: no sessions, visibility rule,
// cost limits, logging, global IDs or localised texts. Its ratio to its own `{ __typename }` is one
// no server on this stack reaches past on this machine, so `pnpm bench` prints it beside the
// product's. Not a second API: nothing outside the benchmark starts it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import SchemaBuilder from '@pothos/core';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import type { Prisma, PrismaClient } from '@upgrade-desk/db';
import { getDatamodel, type PrismaTypes } from '@upgrade-desk/db/pothos';
import { createYoga } from 'graphql-yoga';

export interface FloorServer {
  url: string;
  close(): Promise<void>;
}

/** A bare server answering the benchmark's dashboard operation for one customer user, fixed in advance. */
export async function startFloorServer(prisma: PrismaClient, userEmail: string, now: Date): Promise<FloorServer> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email: userEmail } });
  if (!user.customerId) throw new Error(`${userEmail} is not a customer's user`);
  const customerId = user.customerId;
  const published = { publishedAt: { not: null }, supersededAt: null, awaitingRelease: false };
  const noticeWhere: Prisma.NoticeWhereInput = { customerId, ...published };
  const upgradeWhere: Prisma.UpgradeWhereInput = {
    targets: { some: { customerId } },
    notices: { some: noticeWhere },
    windowEnd: { gt: now },
    status: { notIn: ['DRAFT', 'CANCELLED', 'COMPLETED'] },
  };

  const builder = new SchemaBuilder<{
    PrismaTypes: PrismaTypes;
    Scalars: { DateTime: { Input: Date; Output: Date } };
    DefaultFieldNullability: false;
    Connection: { totalCount: () => Promise<number> };
  }>({
    defaultFieldNullability: false,
    plugins: [PrismaPlugin, RelayPlugin],
    prisma: { client: prisma, dmmf: getDatamodel(), filterConnectionTotalCount: true },
    relay: { clientMutationId: 'omit', cursorType: 'String', nodesOnConnection: false },
    // The API's plugins declare their options for every builder of the program that imports them;
    // scope-auth is not loaded here, so its option is never read.
    scopeAuth: { authScopes: () => ({}) },
  });
  builder.scalarType('DateTime', {
    serialize: (value) => value.toISOString(),
    parseValue: (value) => new Date(String(value)),
  });
  builder.globalConnectionField('totalCount', (t) => t.int({ resolve: (connection) => connection.totalCount() }));
  const Module = builder.prismaObject('Module', {
    fields: (t) => ({ id: t.exposeID('id'), name: t.exposeString('nameVi') }),
  });
  const Upgrade = builder.prismaObject('Upgrade', {
    fields: (t) => ({
      id: t.exposeID('id'),
      kind: t.exposeString('kind'),
      status: t.exposeString('status'),
      title: t.exposeString('title'),
      windowStart: t.expose('windowStart', { type: 'DateTime' }),
      windowEnd: t.expose('windowEnd', { type: 'DateTime' }),
      expectedDowntimeMinutes: t.exposeInt('expectedDowntimeMinutes'),
      requiresRelogin: t.exposeBoolean('requiresRelogin'),
      modules: t.field({
        type: [Module],
        select: { modules: { select: { module: true } } },
        resolve: (upgrade) => upgrade.modules.map(({ module }) => module),
      }),
    }),
  });
  const Notice = builder.prismaObject('Notice', {
    fields: (t) => ({
      id: t.exposeID('id'),
      stage: t.exposeString('stage'),
      title: t.exposeString('title'),
      publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true }),
      requiresAcknowledgement: t.exposeBoolean('requiresAcknowledgement'),
      acknowledgeBy: t.expose('acknowledgeBy', { type: 'DateTime', nullable: true }),
      acknowledgedAt: t.field({
        type: 'DateTime',
        nullable: true,
        select: { acknowledgement: { select: { at: true } } },
        resolve: (notice) => notice.acknowledgement?.at ?? null,
      }),
      upgrade: t.relation('upgrade'),
    }),
  });
  builder.prismaObject('Customer', {
    fields: (t) => ({
      id: t.exposeID('id'),
      name: t.exposeString('name'),
      timeZone: t.exposeString('timeZone'),
      unacknowledgedNoticeCount: t.relationCount('notices', {
        where: { ...noticeWhere, requiresAcknowledgement: true, acknowledgement: null },
      }),
    }),
  });
  const User = builder.prismaObject('User', {
    fields: (t) => ({
      id: t.exposeID('id'),
      name: t.exposeString('name'),
      role: t.exposeString('role'),
      customer: t.relation('customer', { nullable: true }),
    }),
  });
  builder.queryType({
    fields: (t) => ({
      viewer: t.prismaField({
        type: User,
        resolve: (query) => prisma.user.findUniqueOrThrow({ ...query, where: { id: user.id } }),
      }),
      upcomingMaintenance: t.prismaConnection({
        type: Upgrade,
        cursor: 'id',
        totalCount: () => prisma.upgrade.count({ where: upgradeWhere }),
        resolve: (query) =>
          prisma.upgrade.findMany({ ...query, where: upgradeWhere, orderBy: [{ windowStart: 'asc' }, { id: 'asc' }] }),
      }),
      notices: t.prismaConnection({
        type: Notice,
        cursor: 'id',
        totalCount: () => prisma.notice.count({ where: noticeWhere }),
        resolve: (query) =>
          prisma.notice.findMany({ ...query, where: noticeWhere, orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }] }),
      }),
    }),
  });

  const yoga = createYoga({ schema: builder.toSchema(), logging: false, graphiql: false });
  const server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
