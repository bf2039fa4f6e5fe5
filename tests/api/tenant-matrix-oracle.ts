// The tenant-isolation matrix's oracle: every row of every Node type, read straight from the
// database (not through the API under test), with the customers it belongs to and whether a given
// viewer may see it, restated from DESIGN.md section 3 ("Who may do what").
import type { PrismaClient, Role } from '@upgrade-desk/db';

/** Someone asking: a demo account's session or an API token acting as its owner. */
export interface MatrixViewer {
  label: string;
  role: Role;
  userId: string;
  /** null for vendor staff. */
  customerId: string | null;
}

/** One row the API can answer as a Node. */
export interface Item {
  type: string;
  rawId: string;
  globalId: string;
  /** The customers it belongs to (an upgrade: every customer it targets); [] for the vendor's or the public catalog. */
  owners: string[];
  /** Whether `viewer` may see it through node, nodes or a connection. */
  visibleTo(viewer: MatrixViewer): boolean;
  /** Text that would identify it if an error message quoted it (beyond its ids). */
  names: string[];
}

const STAFF: readonly Role[] = ['ADMIN', 'ENGINEER', 'CUSTOMER_CARE', 'IMPLEMENTATION'];

export const isStaffViewer = (viewer: MatrixViewer): boolean => STAFF.includes(viewer.role);

/** Node types no customer viewer may ever see, whoever owns the row: vendor staff's own business. */
export const STAFF_ONLY_TYPES: ReadonlySet<string> = new Set(['StaffAlert', 'NoticeCall']);

/** Relay global id, as the API encodes it. */
export const globalId = (type: string, rawId: string): string => Buffer.from(`${type}:${rawId}`).toString('base64');

/** Staff see every customer's rows; a customer's users see their own customer's. */
const ownCustomerOrStaff = (customerId: string) => (viewer: MatrixViewer) =>
  isStaffViewer(viewer) || viewer.customerId === customerId;

const isCustomerAdminOf = (viewer: MatrixViewer, customerId: string) =>
  viewer.role === 'CUSTOMER_ADMIN' && viewer.customerId === customerId;

/**
 * Whether `viewer` may read a user's account (login email, role code): vendor staff, the user, and
 * the users of the same customer. A customer's users see vendor staff only as contacts: the name
 * and the role's title in their language.
 */
export const seesAccountOf = (viewer: MatrixViewer, user: { id: string; customerId: string | null }): boolean =>
  isStaffViewer(viewer) ||
  viewer.userId === user.id ||
  (user.customerId !== null && viewer.customerId === user.customerId);

type Loader = (prisma: PrismaClient) => Promise<Omit<Item, 'type' | 'globalId'>[]>;

/**
 * Per Node type: its rows and who may see them. A Node type missing here fails the matrix (it
 * cannot judge what it does not know).
 */
export const ORACLE: Record<string, Loader> = {
  Customer: async (prisma) =>
    (await prisma.customer.findMany({ select: { id: true, code: true, name: true } })).map((c) => ({
      rawId: c.id,
      owners: [c.id],
      visibleTo: ownCustomerOrStaff(c.id),
      names: [c.code, c.name],
    })),

  // Vendor staff (no customer) are seen by staff only; a customer's users by its own users and staff.
  User: async (prisma) =>
    (await prisma.user.findMany({ select: { id: true, customerId: true, email: true } })).map((u) => ({
      rawId: u.id,
      owners: u.customerId ? [u.customerId] : [],
      visibleTo: (viewer) => isStaffViewer(viewer) || (u.customerId !== null && viewer.customerId === u.customerId),
      names: [u.email],
    })),

  // A token is its owner's business; the vendor's ADMIN sees every token.
  ApiToken: async (prisma) =>
    (
      await prisma.apiToken.findMany({ select: { id: true, userId: true, user: { select: { customerId: true } } } })
    ).map((t) => ({
      rawId: t.id,
      owners: t.user.customerId ? [t.user.customerId] : [],
      visibleTo: (viewer) => viewer.role === 'ADMIN' || viewer.userId === t.userId,
      names: [],
    })),

  Module: async (prisma) =>
    (await prisma.module.findMany({ select: { id: true } })).map((m) => ({
      rawId: m.id,
      owners: [],
      visibleTo: () => true, // the public catalog
      names: [],
    })),

  InstalledModule: async (prisma) =>
    (await prisma.installedModule.findMany({ select: { id: true, customerId: true } })).map((r) => ({
      rawId: r.id,
      owners: [r.customerId],
      visibleTo: ownCustomerOrStaff(r.customerId),
      names: [],
    })),

  BlackoutWindow: async (prisma) =>
    (await prisma.blackoutWindow.findMany({ select: { id: true, customerId: true } })).map((r) => ({
      rawId: r.id,
      owners: [r.customerId],
      visibleTo: ownCustomerOrStaff(r.customerId),
      names: [],
    })),

  ModuleRequest: async (prisma) =>
    (await prisma.moduleRequest.findMany({ select: { id: true, customerId: true } })).map((r) => ({
      rawId: r.id,
      owners: [r.customerId],
      visibleTo: ownCustomerOrStaff(r.customerId),
      names: [],
    })),

  Activity: async (prisma) =>
    (await prisma.activity.findMany({ select: { id: true, customerId: true } })).map((r) => ({
      rawId: r.id,
      owners: [r.customerId],
      visibleTo: ownCustomerOrStaff(r.customerId),
      names: [],
    })),

  // Not-yet-published (and superseded) notices are vendor-only, and so is a FIX advisory held for
  // the customer's account team.
  Notice: async (prisma) =>
    (
      await prisma.notice.findMany({
        select: { id: true, customerId: true, publishedAt: true, supersededAt: true, awaitingRelease: true },
      })
    ).map((n) => ({
      rawId: n.id,
      owners: [n.customerId],
      visibleTo: (viewer) =>
        isStaffViewer(viewer) ||
        (viewer.customerId === n.customerId && n.publishedAt !== null && n.supersededAt === null && !n.awaitingRelease),
      names: [],
    })),

  // An upgrade belongs to every customer it targets; a target sees it once it is announced to it
  // (not a draft, and one of its notices to that customer is published). Drafts are vendor-only.
  Upgrade: async (prisma) =>
    (
      await prisma.upgrade.findMany({
        select: {
          id: true,
          status: true,
          targets: { select: { customerId: true } },
          notices: { select: { customerId: true, publishedAt: true, supersededAt: true } },
        },
      })
    ).map((u) => {
      const announcedTo = new Set(
        u.notices.filter((n) => n.publishedAt !== null && n.supersededAt === null).map((n) => n.customerId),
      );
      const targets = u.targets.map((t) => t.customerId);
      return {
        rawId: u.id,
        owners: targets,
        visibleTo: (viewer: MatrixViewer) =>
          isStaffViewer(viewer) ||
          (u.status !== 'DRAFT' &&
            viewer.customerId !== null &&
            targets.includes(viewer.customerId) &&
            announcedTo.has(viewer.customerId)),
        names: [],
      };
    }),

  // Endpoints are managed by the customer's admins (and seen by staff), not its other users.
  WebhookEndpoint: async (prisma) =>
    (await prisma.webhookEndpoint.findMany({ select: { id: true, customerId: true, url: true } })).map((w) => ({
      rawId: w.id,
      owners: [w.customerId],
      visibleTo: (viewer) => isStaffViewer(viewer) || isCustomerAdminOf(viewer, w.customerId),
      names: [w.url],
    })),

  // The delivery log: staff see all; a customer's admins see the webhook deliveries to their own
  // endpoints (not the email log, which lists people's addresses and mail errors).
  Delivery: async (prisma) =>
    (
      await prisma.delivery.findMany({
        select: {
          id: true,
          channel: true,
          recipient: true,
          notice: { select: { customerId: true } },
          webhookEndpoint: { select: { customerId: true } },
        },
      })
    ).map((d) => {
      const endpointOwner = d.webhookEndpoint?.customerId ?? null;
      return {
        rawId: d.id,
        owners: [...new Set([d.notice.customerId, ...(endpointOwner ? [endpointOwner] : [])])],
        visibleTo: (viewer: MatrixViewer) =>
          isStaffViewer(viewer) ||
          (d.channel === 'WEBHOOK' && endpointOwner !== null && isCustomerAdminOf(viewer, endpointOwner)),
        names: [d.recipient],
      };
    }),

  // The account team's call notes are the vendor's follow-up record: every member of staff reads
  // them (recording one is the account team's), never the customer called.
  NoticeCall: async (prisma) =>
    (await prisma.noticeCall.findMany({ select: { id: true, customerId: true, note: true } })).map((c) => ({
      rawId: c.id,
      owners: [c.customerId],
      visibleTo: isStaffViewer,
      names: [c.note],
    })),

  // An alert is its addressee's alone: no customer, no other staff member, not even an ADMIN.
  StaffAlert: async (prisma) =>
    (await prisma.staffAlert.findMany({ select: { id: true, customerId: true, userId: true, title: true } })).map(
      (a) => ({
        rawId: a.id,
        owners: [a.customerId],
        visibleTo: (viewer: MatrixViewer) => isStaffViewer(viewer) && viewer.userId === a.userId,
        names: [a.title],
      }),
    ),
};

/** Every row of every Node type the oracle knows, keyed by global id. */
export async function loadUniverse(prisma: PrismaClient, nodeTypes: string[]): Promise<Map<string, Item>> {
  const universe = new Map<string, Item>();
  for (const type of nodeTypes) {
    const load = ORACLE[type];
    if (!load) continue;
    for (const row of await load(prisma)) {
      const item = { ...row, type, globalId: globalId(type, row.rawId) };
      universe.set(item.globalId, item);
    }
  }
  return universe;
}
