import { Prisma } from './generated/prisma/client.ts';

/**
 * A Date as a raw-SQL parameter for Prisma's DateTime columns (timestamp(3) WITHOUT time zone,
 * holding UTC). An ISO string cast to `timestamp` keeps its UTC digits whatever the session's
 * TimeZone; a bare Date parameter would be converted through the server's zone.
 */
export function sqlTimestamp(at: Date): Prisma.Sql {
  return Prisma.sql`${at.toISOString()}::timestamp(3)`;
}
