// Composes the invitation and password-reset emails in the reader's locale and queues them in the
// email outbox, in the caller's transaction (so the email exists if and only if the link does).
import type { OneTimeTokenPurpose, Prisma } from '@upgrade-desk/db';
import { formatLocalDateTime } from '@upgrade-desk/domain';
import { queueEmails } from '../notices/email-outbox.ts';
import { ACCOUNT_EMAIL_TEXTS } from './account-email-texts.ts';
import { issueOneTimeLink } from './one-time-links.ts';

/** The portal page that redeems a link: /password/<token>. */
export function oneTimeLinkUrl(portalOrigin: string, token: string): string {
  return `${portalOrigin}/password/${encodeURIComponent(token)}`;
}

/** Issues a one-time link for `userId` and queues the email carrying it. */
export async function sendOneTimeLinkEmail(
  tx: Prisma.TransactionClient,
  userId: string,
  purpose: OneTimeTokenPurpose,
  options: { portalOrigin: string; now: Date },
): Promise<void> {
  const user = await tx.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      email: true,
      name: true,
      role: true,
      locale: true,
      customerId: true,
      customer: { select: { name: true, timeZone: true } },
    },
  });
  const link = await issueOneTimeLink(tx, userId, purpose, options.now);
  const texts = ACCOUNT_EMAIL_TEXTS[user.locale];
  const context = {
    name: user.name,
    link: oneTimeLinkUrl(options.portalOrigin, link.token),
    // In the customer's time zone; vendor staff read Vietnam's time, where the vendor works.
    expires: formatLocalDateTime(link.expiresAt, user.customer?.timeZone ?? 'Asia/Ho_Chi_Minh', user.locale),
    organisation: user.customer?.name ?? texts.vendor,
    role: texts.roles[user.role] ?? user.role,
  };
  const email = purpose === 'INVITE' ? texts.invite(context) : texts.passwordReset(context);
  await queueEmails(
    tx,
    `one-time-link:${link.id}`,
    [
      {
        to: user.email,
        locale: user.locale,
        subject: email.subject,
        textBody: email.text,
        customerId: user.customerId,
      },
    ],
    options.now,
  );
}
