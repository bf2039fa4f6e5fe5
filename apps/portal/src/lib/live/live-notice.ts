import type { NoticeStage, UpgradeKind } from '../api-types';

/** A notice as the inbox shows it; also what the live stream delivers. */
export interface InboxNotice {
  id: string;
  stage: NoticeStage;
  title: string;
  body: string;
  publishedAt: string | null;
  requiresAcknowledgement: boolean;
  acknowledgeBy: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: { name: string } | null;
  upgrade: { id: string; title: string; kind: UpgradeKind };
}

/** The fields of an InboxNotice, for every query and subscription that returns one. */
export const INBOX_NOTICE_FIELDS = `
  id
  stage
  title
  body
  publishedAt
  requiresAcknowledgement
  acknowledgeBy
  acknowledgedAt
  acknowledgedBy {
    name
  }
  upgrade {
    id
    title
    kind
  }
`;

export function awaitsAcknowledgement(
  notice: Pick<InboxNotice, 'requiresAcknowledgement' | 'acknowledgedAt'>,
): boolean {
  return notice.requiresAcknowledgement && notice.acknowledgedAt === null;
}
