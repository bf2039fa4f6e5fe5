// Where a notice stands, so nobody reads an obsolete reminder as current.
import type { NoticeState } from './plan-preview.ts';

/** PUBLISHED once sent; SUPERSEDED when replaced (reschedule, cancel) or dropped unsent; else PENDING. */
export function noticeState(notice: { publishedAt: Date | null; supersededAt: Date | null }): NoticeState {
  if (notice.publishedAt) return 'PUBLISHED';
  return notice.supersededAt ? 'SUPERSEDED' : 'PENDING';
}
