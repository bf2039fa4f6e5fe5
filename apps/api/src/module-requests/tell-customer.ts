// A customer hears about every step of its requests: an entry in its in-app activity feed and an
// email to each of its administrators, in the customer's locale and time zone. Written inside the
// step's transaction, so the customer is told if and only if the step happened.
import type { ModuleRequestStage, Prisma } from '@upgrade-desk/db';
import { renderStageChange } from '@upgrade-desk/domain';
import { recordActivity } from '../notices/channels/in-app.ts';
import { queueEmails } from '../notices/email-outbox.ts';

export interface ModuleRequestStep {
  requestId: string;
  eventId: string;
  stage: ModuleRequestStage;
  at: Date;
  byId: string | null;
  note: string | null;
  /** CLOSED: what was delivered. */
  delivered?: { version: string; warrantyEndsAt: Date | null } | null;
}

export async function tellCustomerOfStep(tx: Prisma.TransactionClient, step: ModuleRequestStep): Promise<void> {
  const request = await tx.moduleRequest.findUniqueOrThrow({
    where: { id: step.requestId },
    select: {
      title: true,
      kind: true,
      missingPrerequisites: true,
      module: { select: { nameVi: true, nameEn: true } },
      customer: {
        select: {
          id: true,
          locale: true,
          timeZone: true,
          users: {
            where: { role: 'CUSTOMER_ADMIN', disabledAt: null, emailNotifications: true },
            select: { email: true },
            orderBy: { email: 'asc' },
          },
        },
      },
    },
  });
  const { customer } = request;
  const inLocale = (names: { nameVi: string; nameEn: string }) =>
    customer.locale === 'EN' ? names.nameEn : names.nameVi;
  const by = step.byId ? await tx.user.findUnique({ where: { id: step.byId }, select: { name: true } }) : null;
  const prerequisites =
    step.stage === 'SUBMITTED' && request.missingPrerequisites.length > 0
      ? await tx.module.findMany({
          where: { key: { in: request.missingPrerequisites } },
          select: { nameVi: true, nameEn: true },
          orderBy: [{ sortOrder: 'asc' }, { key: 'asc' }],
        })
      : [];

  const { activity, email } = renderStageChange({
    locale: customer.locale,
    timeZone: customer.timeZone,
    title: request.title,
    kind: request.kind,
    module: request.module ? inLocale(request.module) : null,
    stage: step.stage,
    at: step.at,
    by: by?.name,
    note: step.note,
    missingPrerequisites: prerequisites.map(inLocale),
    deliveredVersion: step.delivered?.version,
    warrantyEndsAt: step.delivered?.warrantyEndsAt,
  });
  await recordActivity(tx, {
    customerId: customer.id,
    kind: 'MODULE_REQUEST_STAGE',
    moduleRequestId: step.requestId,
    actorId: step.byId,
    locale: customer.locale,
    title: activity.title,
    body: activity.body,
    at: step.at,
  });
  await queueEmails(
    tx,
    `module-request-event:${step.eventId}`,
    customer.users.map((admin) => ({
      to: admin.email,
      locale: customer.locale,
      subject: email.subject,
      textBody: email.text,
      customerId: customer.id,
    })),
    step.at,
  );
}
