// A staff member's inbox of alerts: they mark their own alerts read, some or all at once.
import type { PrismaClient } from '@upgrade-desk/db';
import type { Viewer } from '../auth/viewer.ts';
import { visibleStaffAlerts } from '../auth/visibility.ts';
import { done, problem, refused, type Outcome } from '../problem.ts';

/** The most ids one call may name, like `nodes(ids:)`. */
export const MARK_READ_MAX_IDS = 100;

export interface MarkedRead {
  /** The alerts named by `ids` (none for `all`, which may be many). */
  ids: string[];
  /** How many alerts went from unread to read. */
  marked: number;
}

/**
 * Marks the viewer's alerts read (`ids`, or `all` of them). An
 * alert already read keeps the time it was first read. An id the viewer cannot see, another
 * member's alert included, is not found, exactly like one that does not exist.
 */
export async function markStaffAlertsRead(
  prisma: PrismaClient,
  viewer: Viewer,
  input: { ids?: readonly string[] | null; all?: boolean | null },
  now: Date,
): Promise<Outcome<MarkedRead>> {
  const ids = input.ids ?? null;
  if ((ids === null) === !input.all) {
    return refused(problem('INVALID_INPUT', 'Give either the ids of the alerts to mark read, or all: true.', ['ids']));
  }
  const mine = visibleStaffAlerts(viewer);
  if (ids === null) {
    const { count } = await prisma.staffAlert.updateMany({
      where: { AND: [mine, { readAt: null }] },
      data: { readAt: now },
    });
    return done({ ids: [], marked: count });
  }
  if (ids.length === 0 || ids.length > MARK_READ_MAX_IDS) {
    return refused(problem('INVALID_INPUT', `Give 1 to ${MARK_READ_MAX_IDS} ids.`, ['ids']));
  }
  const found = await prisma.staffAlert.findMany({
    where: { AND: [mine, { id: { in: [...ids] } }] },
    select: { id: true },
  });
  const foundIds = new Set(found.map((a) => a.id));
  const missing = ids.flatMap((id, index) => (foundIds.has(id) ? [] : [index]));
  if (missing.length > 0) {
    return refused(...missing.map((index) => problem('NOT_FOUND', 'No such alert.', ['ids', String(index)])));
  }
  const { count } = await prisma.staffAlert.updateMany({
    where: { AND: [mine, { id: { in: [...foundIds] } }, { readAt: null }] },
    data: { readAt: now },
  });
  return done({ ids: [...foundIds], marked: count });
}
