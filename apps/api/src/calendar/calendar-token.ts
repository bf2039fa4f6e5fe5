import type { Prisma, PrismaClient } from '@upgrade-desk/db';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import type { Config } from '../config.ts';

// A customer's calendar feed is read by calendar apps that cannot send a bearer token, so the URL
// itself is the credential: 256 random bits. Unlike session tokens it is stored as-is, because
// Customer.calendarUrl shows it again whenever asked; it only reads the feed, and rotating it
// (customerCalendarRotate) revokes every copy of the old URL.

const TOKEN_BYTES = 32;

/** `/calendar/<52 base32 characters>.ics`; anything else under /calendar/ is simply not found. */
const FEED_PATH = /^\/calendar\/([a-z2-7]{52})\.ics$/;
export const CALENDAR_PATH_PREFIX = '/calendar/';

export function newCalendarToken(): string {
  const bytes = new Uint8Array(TOKEN_BYTES);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function calendarFeedUrl(config: Pick<Config, 'PUBLIC_API_URL'>, token: string): string {
  return `${config.PUBLIC_API_URL}${CALENDAR_PATH_PREFIX}${token}.ics`;
}

/** The token in a feed path, or null when the path cannot be a feed URL. */
export function calendarTokenFromPath(pathname: string): string | null {
  return FEED_PATH.exec(pathname)?.[1] ?? null;
}

/** The customer's feed token, created on first use. Concurrent first reads agree on one token. */
export async function ensureCalendarToken(prisma: PrismaClient, customerId: string): Promise<string | null> {
  const current = await prisma.customer.findUnique({ where: { id: customerId }, select: { calendarToken: true } });
  if (!current) return null;
  if (current.calendarToken) return current.calendarToken;
  // Set only while still unset: a concurrent request that won keeps its token, and we read it back.
  await prisma.customer.updateMany({
    where: { id: customerId, calendarToken: null },
    data: { calendarToken: newCalendarToken() },
  });
  const after = await prisma.customer.findUnique({ where: { id: customerId }, select: { calendarToken: true } });
  return after?.calendarToken ?? null;
}

/** Replaces the customer's feed token: the old URL stops working at once. */
export async function rotateCalendarToken(
  prisma: PrismaClient | Prisma.TransactionClient,
  customerId: string,
): Promise<string | null> {
  const token = newCalendarToken();
  const { count } = await prisma.customer.updateMany({ where: { id: customerId }, data: { calendarToken: token } });
  return count === 1 ? token : null;
}
