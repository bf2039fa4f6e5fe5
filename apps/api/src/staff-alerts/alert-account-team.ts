// Staff alerts: a customer's account team (its IMPLEMENTATION and CUSTOMER_CARE staff, assigned
// through CustomerStaff) is told of what needs it: a new module request, a customer's comment or
// counter-proposal, an overdue acknowledgement, a notice that could not be delivered. Each member
// gets an inbox entry (StaffAlert) and an email (EmailMessage), rendered in their own locale, both
// written in the caller's transaction, so the team is told if and only if the event commits. Live
// events go out after the commit (announceStaffAlerts).
import type { Prisma } from '@upgrade-desk/db';
import { ACCOUNT_TEAM_ROLES, renderStaffAlert, type StaffAlertEvent, type StaffAlertKind } from '@upgrade-desk/domain';
import { messageEmailHtml } from '../notices/channels/email.ts';
import { queueEmails, type OutgoingEmail } from '../notices/email-outbox.ts';
import type { NoticeEvents } from '../notices/events.ts';

export type { StaffAlertEvent, StaffAlertKind };

export interface AccountTeamAlert {
  customerId: string;
  /**
   * What caused it, e.g. `module-request:<id>` or `escalation:<noticeId>`: one alert per member and
   * source (a retried producer alerts once), and the key of the emails queued with it.
   */
  sourceKey: string;
  at: Date;
  event: StaffAlertEvent;
  /** What the alert is about, for links from the inbox. */
  moduleRequestId?: string | null;
  noticeId?: string | null;
  upgradeId?: string | null;
}

/** An alert written for one staff member: what announceStaffAlerts publishes after the commit. */
export interface RaisedStaffAlert {
  userId: string;
  alertId: string;
}

/** Alerts the customer's account team; returns the alerts written (none when it has no team). */
export async function alertAccountTeam(
  tx: Prisma.TransactionClient,
  alert: AccountTeamAlert,
): Promise<RaisedStaffAlert[]> {
  const customer = await tx.customer.findUniqueOrThrow({
    where: { id: alert.customerId },
    select: {
      name: true,
      code: true,
      staffAssignments: {
        where: { user: { disabledAt: null, role: { in: [...ACCOUNT_TEAM_ROLES] } } },
        select: { user: { select: { id: true, email: true, locale: true, emailNotifications: true } } },
        orderBy: { userId: 'asc' },
      },
    },
  });
  const team = customer.staffAssignments.map((assignment) => assignment.user);
  if (team.length === 0) return [];
  const facts = { ...alert.event, customer: { name: customer.name, code: customer.code } };
  const rendered = team.map((member) => ({ member, text: renderStaffAlert(facts, member.locale) }));
  const created = await tx.staffAlert.createManyAndReturn({
    data: rendered.map(({ member, text }) => ({
      userId: member.id,
      customerId: alert.customerId,
      kind: alert.event.kind,
      sourceKey: alert.sourceKey,
      moduleRequestId: alert.moduleRequestId ?? null,
      noticeId: alert.noticeId ?? null,
      upgradeId: alert.upgradeId ?? null,
      locale: member.locale,
      title: text.title,
      body: text.body,
      createdAt: alert.at,
    })),
    skipDuplicates: true,
    select: { id: true, userId: true },
  });
  const emails = rendered
    .filter(({ member }) => member.emailNotifications)
    .map(({ member, text }): OutgoingEmail => ({
      to: member.email,
      locale: member.locale,
      subject: text.email.subject,
      textBody: text.email.text,
      // The same layout as the customers' notice emails.
      htmlBody: messageEmailHtml({ subject: text.email.subject, text: text.email.text, locale: member.locale }),
      customerId: alert.customerId,
    }));
  await queueEmails(tx, alert.sourceKey, emails, alert.at);
  return created.map((row) => ({ userId: row.userId, alertId: row.id }));
}

/**
 * Tells the live subscribers (each staff member's own stream) of alerts written. Call it after the
 * transaction that wrote them commits, so a subscriber never loads an alert it cannot see yet.
 */
export function announceStaffAlerts(events: NoticeEvents | undefined, raised: readonly RaisedStaffAlert[]): void {
  if (!events) return;
  for (const alert of raised) events.publish('staffAlertRaised', alert.userId, { alertId: alert.alertId });
}
