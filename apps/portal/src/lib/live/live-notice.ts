import type { InboxNotice } from '../fragments';

export type { InboxNotice };

export function awaitsAcknowledgement(
  notice: Pick<InboxNotice, 'requiresAcknowledgement' | 'acknowledgedAt'>,
): boolean {
  return notice.requiresAcknowledgement && notice.acknowledgedAt === null;
}
