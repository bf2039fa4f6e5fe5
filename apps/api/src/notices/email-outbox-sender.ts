// Sends the queued EmailMessage rows (module-request news, escalations): claim with a lease (FOR
// UPDATE SKIP LOCKED, so several processes never send one twice at once), send, record the outcome
// with the same retry schedule as notice deliveries.
import { Prisma, sqlTimestamp, type PrismaClient } from '@upgrade-desk/db';
import type { EmailTransport } from './channels/email.ts';
import { CLAIM_LEASE_MS } from './deliveries.ts';
import { nextRetryAt } from './delivery-retry.ts';

interface ClaimedEmail {
  id: string;
  to: string;
  subject: string;
  textBody: string;
  attempts: number;
}

export async function sendQueuedEmails({
  prisma,
  email,
  now,
  limit = 100,
}: {
  prisma: PrismaClient;
  email: EmailTransport;
  now: Date;
  limit?: number;
}): Promise<{ sent: number; failed: number }> {
  const claimed = await prisma.$queryRaw<ClaimedEmail[]>(Prisma.sql`
    WITH due AS (
      SELECT id FROM "EmailMessage"
      WHERE status IN ('PENDING', 'FAILED') AND "nextAttemptAt" <= ${sqlTimestamp(now)}
      ORDER BY "nextAttemptAt", id LIMIT ${limit}::int
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "EmailMessage" AS m
    SET attempts = m.attempts + 1, "nextAttemptAt" = ${sqlTimestamp(new Date(now.getTime() + CLAIM_LEASE_MS))}
    FROM due WHERE m.id = due.id
    RETURNING m.id, m."to", m.subject, m."textBody", m.attempts`);
  let sent = 0;
  let failed = 0;
  for (const message of claimed) {
    // Fenced by `attempts`: a worker whose lease ran out cannot overwrite a newer claim's outcome.
    const where = { id: message.id, attempts: message.attempts };
    try {
      await email.send({
        to: message.to,
        subject: message.subject,
        text: message.textBody,
        headers: { 'X-Upgrade-Desk-Email': message.id },
      });
      await prisma.emailMessage.updateMany({ where, data: { status: 'SENT', sentAt: now, lastError: null } });
      sent++;
    } catch (error) {
      const retryAt = nextRetryAt(message.attempts, now);
      const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      await prisma.emailMessage.updateMany({
        where,
        data: retryAt ? { status: 'FAILED', nextAttemptAt: retryAt, lastError } : { status: 'ABANDONED', lastError },
      });
      failed++;
    }
  }
  return { sent, failed };
}
