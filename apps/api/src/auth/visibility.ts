import type { Prisma } from '@upgrade-desk/db';
import { isStaff, type Viewer } from './viewer.ts';

// Who sees which rows, as Prisma filters: every read path (node, nodes, connections, counts) goes
// through these, so a customer can never reach another customer's rows, not even by a known id.

const NOTHING = { id: { in: [] as string[] } };

/** Rows owned by a customer: staff see all; a customer user sees its own customer's; anonymous, none. */
function ownedByViewerCustomer(viewer: Viewer | null): { customerId?: string; id?: { in: string[] } } {
  if (isStaff(viewer)) return {};
  if (viewer?.customerId) return { customerId: viewer.customerId };
  return NOTHING;
}

export function visibleCustomers(viewer: Viewer | null): Prisma.CustomerWhereInput {
  if (isStaff(viewer)) return {};
  return viewer?.customerId ? { id: viewer.customerId } : NOTHING;
}

export function visibleUsers(viewer: Viewer | null): Prisma.UserWhereInput {
  return ownedByViewerCustomer(viewer);
}

/**
 * Whether the viewer may read a user's account details (login email, role code). A customer's
 * users reach vendor staff through the records they share (the consultant in charge of a request,
 * the author of a step) and see them as contacts only: name and role title. Anonymous callers
 * reach a user only as the one they are logging in as (`sessionCreate`).
 */
export function seesUserAccount(viewer: Viewer | null, user: { id: string; customerId: string | null }): boolean {
  if (!viewer || isStaff(viewer) || user.id === viewer.userId) return true;
  return viewer.customerId !== null && user.customerId === viewer.customerId;
}

export const visibleInstalledModules = (viewer: Viewer | null): Prisma.InstalledModuleWhereInput =>
  ownedByViewerCustomer(viewer);
export const visibleBlackoutWindows = (viewer: Viewer | null): Prisma.BlackoutWindowWhereInput =>
  ownedByViewerCustomer(viewer);
export const visibleModuleRequests = (viewer: Viewer | null): Prisma.ModuleRequestWhereInput =>
  ownedByViewerCustomer(viewer);
export const visibleWindowProposals = (viewer: Viewer | null): Prisma.WindowProposalWhereInput =>
  ownedByViewerCustomer(viewer);
export const visibleActivities = (viewer: Viewer | null): Prisma.ActivityWhereInput => ownedByViewerCustomer(viewer);

export function visibleApiTokens(viewer: Viewer | null): Prisma.ApiTokenWhereInput {
  if (!viewer) return NOTHING;
  return viewer.role === 'ADMIN' ? {} : { userId: viewer.userId };
}

/**
 * A notice reaches its customer once published; drafts of the plan are vendor-only, and so is a
 * FIX advisory held for the customer's account team (it is never published before its release).
 */
export function publishedNotice(): Prisma.NoticeWhereInput {
  return { publishedAt: { not: null }, supersededAt: null, awaitingRelease: false };
}

/**
 * Staff may ask for notices not yet published (`includeScheduled`); superseded ones (replaced by a
 * reschedule or cancel, never sent) only when asked for too (`includeSuperseded`), so nobody reads
 * an obsolete reminder as current. Customers see published notices only.
 */
export function visibleNotices(
  viewer: Viewer | null,
  options: { includeScheduled?: boolean; includeSuperseded?: boolean } = {},
): Prisma.NoticeWhereInput {
  if (isStaff(viewer)) {
    if (options.includeScheduled && options.includeSuperseded) return {};
    if (options.includeScheduled) return { supersededAt: null };
    if (options.includeSuperseded) return { OR: [publishedNotice(), { supersededAt: { not: null } }] };
    return publishedNotice();
  }
  if (viewer?.customerId) return { customerId: viewer.customerId, ...publishedNotice() };
  return NOTHING;
}

/** A customer sees an upgrade that targets it once it has been announced to it (a notice was published). */
export function visibleUpgrades(viewer: Viewer | null): Prisma.UpgradeWhereInput {
  if (isStaff(viewer)) return {};
  if (!viewer?.customerId) return NOTHING;
  return upgradesAnnouncedTo(viewer.customerId);
}

/** The upgrades a customer's users see (also what its calendar feed lists). */
export function upgradesAnnouncedTo(customerId: string): Prisma.UpgradeWhereInput {
  return {
    status: { not: 'DRAFT' },
    targets: { some: { customerId } },
    notices: { some: { customerId, ...publishedNotice() } },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The id half of a unique lookup. A malformed id matches nothing (rather than failing in the
 * database), so `node(id)` answers null alike for garbage, missing and forbidden ids.
 */
export function uniqueId(id: string): string {
  return UUID.test(id) ? id : '00000000-0000-0000-0000-000000000000';
}

/** Webhook endpoints are managed by the customer's admins; vendor staff see all of them. */
export function visibleWebhookEndpoints(viewer: Viewer | null): Prisma.WebhookEndpointWhereInput {
  if (isStaff(viewer)) return {};
  if (viewer?.role === 'CUSTOMER_ADMIN' && viewer.customerId) return { customerId: viewer.customerId };
  return NOTHING;
}

/**
 * The delivery log: vendor staff see every delivery; a customer's admins see the webhook deliveries
 * to their own endpoints (not the email log, which lists other people's addresses and mail errors).
 */
export function visibleDeliveries(viewer: Viewer | null): Prisma.DeliveryWhereInput {
  if (isStaff(viewer)) return {};
  if (viewer?.role === 'CUSTOMER_ADMIN' && viewer.customerId) {
    return { channel: 'WEBHOOK', webhookEndpoint: { is: { customerId: viewer.customerId } } };
  }
  return NOTHING;
}

/** A staff alert is its addressee's alone: not another staff member's, not an admin's, never a customer's. */
export function visibleStaffAlerts(viewer: Viewer | null): Prisma.StaffAlertWhereInput {
  return viewer && isStaff(viewer) ? { userId: viewer.userId } : NOTHING;
}

/** The account team's call records are the vendor's own follow-up notes: staff only. */
export function visibleNoticeCalls(viewer: Viewer | null): Prisma.NoticeCallWhereInput {
  return isStaff(viewer) ? {} : NOTHING;
}
