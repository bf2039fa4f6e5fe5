// What every notice channel implements. A channel says who a just-published notice goes to on it
// (Delivery rows, inserted in the publishing transaction) and how one claimed delivery is rendered
// and sent; claiming, deadlines, retries and recording belong to the sender (../sender.ts), the
// same for every channel. A new channel (SMS, Zalo) is one file implementing this, listed in
// ./index.ts, plus its value of the NoticeChannel enum and its transport in ChannelTransports.
import type { Locale, NoticeChannel, NoticeStage, Prisma, UpgradeStatus } from '@upgrade-desk/db';
import type { EmailTransport, NoticeEmailSettings } from './email.ts';
import type { WebhookSender } from './webhook.ts';

/** A notice being published, as its deliveries are planned. */
export interface PublishedNoticeRef {
  id: string;
  customerId: string;
  stage: NoticeStage;
}

/** A Prisma client or an interactive transaction's client: what planning reads. */
export type DeliveryPlanClient = Pick<Prisma.TransactionClient, 'user' | 'webhookEndpoint'>;

/** A Delivery row as a channel plans it; the planner sets when it is due. */
export type PlannedDelivery = Omit<Prisma.DeliveryCreateManyInput, 'nextAttemptAt' | 'status'>;

/** The published notice a delivery carries, as the claiming statement reads it. */
export interface DeliveredNotice {
  upgradeId: string;
  customerCode: string;
  stage: NoticeStage;
  locale: Locale;
  title: string;
  body: string;
  scheduledFor: Date;
  publishedAt: Date | null;
  requiresAcknowledgement: boolean;
  acknowledgeBy: Date | null;
}

/**
 * The upgrade as it stands when a delivery is sent, and its reader, as the claiming statement reads
 * them: what a calendar part is written from (../../calendar/invitation.ts).
 */
export interface DeliveredUpgrade {
  upgradeTitle: string;
  upgradeSummary: string;
  upgradeStatus: UpgradeStatus;
  windowStart: Date;
  windowEnd: Date;
  expectedDowntimeMinutes: number;
  requiresRelogin: boolean;
  upgradeSequence: number;
  upgradeUpdatedAt: Date;
  /** The upgrade's modules, named in the notice's locale. */
  moduleNames: string[];
  customerTimeZone: string;
  /** The recipient when it is one of the customer's own users (whose setting put them on the list). */
  recipientUserId: string | null;
}

/** A claimed delivery with what sending it needs, as read by the claiming statement. */
export interface ClaimedDelivery extends DeliveredNotice, DeliveredUpgrade {
  id: string;
  channel: NoticeChannel;
  recipient: string;
  /** Including this attempt. */
  attempts: number;
  noticeId: string;
  webhookSecret: string | null;
  /** The endpoint's current URL (WEBHOOK deliveries). */
  webhookUrl: string | null;
  webhookDisabledAt: Date | null;
}

/** The configured ways out of the process, built once from the configuration (../worker.ts). */
export interface ChannelTransports {
  email: EmailTransport;
  webhook: WebhookSender;
  /**
   * The notice emails' organizer and unsubscribe links (built from the configuration by the worker).
   * Absent, notice emails carry neither ORGANIZER nor List-Unsubscribe.
   */
  noticeEmail?: NoticeEmailSettings;
}

/** Thrown by a channel's send when the delivery can never succeed: it is abandoned, not retried. */
export class UndeliverableError extends Error {
  override name = 'UndeliverableError';
}

export interface DeliveryChannel {
  readonly channel: NoticeChannel;
  /**
   * The Delivery rows for these notices on this channel, recipients unique per notice (the table's
   * unique key), in a stable order. A fixed number of queries for any number of notices.
   */
  recipients(db: DeliveryPlanClient, notices: readonly PublishedNoticeRef[]): Promise<PlannedDelivery[]>;
  /**
   * Renders one claimed delivery and sends it. Resolves once the receiver accepted it; rejects to
   * have it retried, with UndeliverableError to abandon it. Absent on a channel whose delivery is
   * the publication itself (IN_APP).
   */
  send?(delivery: ClaimedDelivery, transports: ChannelTransports): Promise<void>;
}

/** Values grouped by key, in the order met. */
export function groupBy<T, V>(items: readonly T[], key: (item: T) => string, value: (item: T) => V): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(value(item));
    else groups.set(k, [value(item)]);
  }
  return groups;
}
