// Escalation: a notice that needed an acknowledgement and is past its deadline without one is
// escalated once to the vendor's implementation and customer-care staff assigned to that customer.
import { sqlTimestamp, type Locale, type PrismaClient } from '@upgrade-desk/db';
import { formatLocalDateTime } from '@upgrade-desk/domain';
import { messageEmailHtml } from './channels/email.ts';
import { queueEmails, type OutgoingEmail } from './email-outbox.ts';

const ESCALATION_TEXTS: Readonly<
  Record<
    Locale,
    (n: { customer: string; code: string; title: string; deadline: string }) => { subject: string; text: string }
  >
> = {
  VI: (n) => ({
    subject: `[Quá hạn xác nhận] ${n.code}: ${n.title}`,
    text: [
      `Khách hàng ${n.customer} (${n.code}) chưa xác nhận thông báo "${n.title}".`,
      `Hạn xác nhận: ${n.deadline}.`,
      'Vui lòng liên hệ khách hàng để xác nhận trước khi nâng cấp diễn ra.',
    ].join('\n\n'),
  }),
  EN: (n) => ({
    subject: `[Acknowledgement overdue] ${n.code}: ${n.title}`,
    text: [
      `${n.customer} (${n.code}) has not acknowledged the notice "${n.title}".`,
      `Deadline: ${n.deadline}.`,
      'Please contact the customer to confirm before the upgrade goes ahead.',
    ].join('\n\n'),
  }),
};

/** Escalates every overdue acknowledgement not escalated yet; safe to run from several processes at once. */
export async function escalateOverdue({
  prisma,
  now,
  batchSize = 500,
}: {
  prisma: PrismaClient;
  now: Date;
  batchSize?: number;
}): Promise<number> {
  return prisma.$transaction(
    async (tx) => {
      const overdue = await tx.$queryRaw<{ id: string }[]>`
        SELECT n."id" FROM "Notice" n
        WHERE n."requiresAcknowledgement" AND n."publishedAt" IS NOT NULL AND n."supersededAt" IS NULL
          AND n."escalatedAt" IS NULL AND n."acknowledgeBy" < ${sqlTimestamp(now)}
          AND NOT EXISTS (SELECT 1 FROM "Acknowledgement" a WHERE a."noticeId" = n."id")
        ORDER BY n."acknowledgeBy" LIMIT ${batchSize}
        FOR UPDATE OF n SKIP LOCKED`;
      if (overdue.length === 0) return 0;
      const notices = await tx.notice.findMany({
        where: { id: { in: overdue.map((n) => n.id) } },
        select: {
          id: true,
          title: true,
          acknowledgeBy: true,
          customer: {
            select: {
              id: true,
              code: true,
              name: true,
              staffAssignments: {
                where: { user: { disabledAt: null, role: { in: ['IMPLEMENTATION', 'CUSTOMER_CARE'] } } },
                select: { user: { select: { email: true, locale: true } } },
              },
            },
          },
        },
      });
      await tx.notice.updateMany({ where: { id: { in: notices.map((n) => n.id) } }, data: { escalatedAt: now } });
      for (const notice of notices) {
        const emails = notice.customer.staffAssignments.map(({ user }): OutgoingEmail => {
          const text = ESCALATION_TEXTS[user.locale]({
            customer: notice.customer.name,
            code: notice.customer.code,
            title: notice.title,
            // Staff read the deadline in Vietnam's time, where the vendor works.
            deadline: formatLocalDateTime(notice.acknowledgeBy!, 'Asia/Ho_Chi_Minh', user.locale),
          });
          return {
            to: user.email,
            locale: user.locale,
            subject: text.subject,
            textBody: text.text,
            // The same layout as the customers' notice emails.
            htmlBody: messageEmailHtml({ subject: text.subject, text: text.text, locale: user.locale }),
            customerId: notice.customer.id,
          };
        });
        await queueEmails(tx, `escalation:${notice.id}`, emails, now);
      }
      return notices.length;
    },
    { timeout: 60_000 },
  );
}
