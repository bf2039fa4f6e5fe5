// Emails other than notices (module-request news, escalations): rows (EmailMessage, PENDING),
// written in the same transaction as the change they tell of, so one is queued if and only if that
// change commits. The sender (./sender.ts) sends the due rows later, as it sends notice deliveries.
import type { Locale, Prisma } from '@upgrade-desk/db';

/** One email, already rendered in its reader's locale. */
export interface OutgoingEmail {
  to: string;
  locale: Locale;
  subject: string;
  textBody: string;
  /** The same in HTML, e.g. in the notice emails' layout (channels/email.ts messageEmailHtml). */
  htmlBody?: string | null;
  /** The customer it concerns, if any. */
  customerId?: string | null;
}

/**
 * Queues `emails` for sending, due at once. `sourceKey` names what caused them (e.g.
 * `module-request-event:<id>`): queuing the same source for the same address again is a no-op.
 */
export async function queueEmails(
  tx: Prisma.TransactionClient,
  sourceKey: string,
  emails: readonly OutgoingEmail[],
  now: Date,
): Promise<number> {
  if (emails.length === 0) return 0;
  const { count } = await tx.emailMessage.createMany({
    data: emails.map((email) => ({
      sourceKey,
      to: email.to,
      locale: email.locale,
      subject: email.subject,
      textBody: email.textBody,
      htmlBody: email.htmlBody ?? null,
      customerId: email.customerId ?? null,
      nextAttemptAt: now,
      createdAt: now,
    })),
    skipDuplicates: true,
  });
  return count;
}
