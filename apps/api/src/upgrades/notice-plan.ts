// The notice plan staff read before publishing: of a saved upgrade (Upgrade.noticePlan) or of a
// form not saved yet (upgradePlanPreview). A draft's plan is what publishing it now would write;
// a published upgrade's is its standing notices as stored.
import type { PrismaClient } from '@upgrade-desk/db';
import { noticeState } from '../notices/notice-state.ts';
import { previewNoticePlan, storedNoticePlan, type CustomerNoticePlan } from '../notices/plan-preview.ts';
import { done, type Outcome } from '../problem.ts';
import { checkForm, PLAN_SELECT, policyFor, type Actor, type ScheduleInput } from './lifecycle.ts';

type PlanActor = Pick<Actor, 'now' | 'policies'>;

export async function noticePlanOf(
  prisma: PrismaClient,
  upgradeId: string,
  actor: PlanActor,
): Promise<CustomerNoticePlan[]> {
  const upgrade = await prisma.upgrade.findUnique({ where: { id: upgradeId }, select: PLAN_SELECT });
  if (!upgrade) return [];
  const policy = policyFor({ ...actor, userId: '' }, upgrade.kind);
  const customerIds = upgrade.targets.map((t) => t.customerId);
  if (upgrade.status === 'DRAFT') {
    return previewNoticePlan(prisma, { ...upgrade, firstNoticeAt: null }, policy, customerIds, actor.now, {
      saved: true,
    });
  }
  const notices = await prisma.notice.findMany({
    where: { upgradeId, supersededAt: null },
    select: {
      customerId: true,
      stage: true,
      scheduledFor: true,
      title: true,
      body: true,
      locale: true,
      requiresAcknowledgement: true,
      acknowledgeBy: true,
      publishedAt: true,
      supersededAt: true,
    },
    orderBy: [{ scheduledFor: 'asc' }, { id: 'asc' }],
  });
  const rows = notices.map(({ publishedAt, supersededAt, ...n }) => ({
    ...n,
    state: noticeState({ publishedAt, supersededAt }),
  }));
  return storedNoticePlan(prisma, upgrade, policy, customerIds, rows, actor.now);
}

/** The plan of a form as if it were published now; refused like a draft would be. */
export async function previewForm(
  prisma: PrismaClient,
  input: ScheduleInput,
  actor: Actor,
): Promise<Outcome<CustomerNoticePlan[]>> {
  const checked = await checkForm(prisma, input, actor, false);
  if (!checked.ok) return checked;
  const modules = await prisma.module.findMany({
    where: { id: { in: input.moduleIds } },
    select: { id: true, nameVi: true, nameEn: true },
    orderBy: { sortOrder: 'asc' },
  });
  const upgrade = {
    ...input,
    id: '',
    sequence: 0,
    modules: modules.map((module) => ({ module })),
  };
  const plan = await previewNoticePlan(prisma, upgrade, policyFor(actor, input.kind), checked.value, actor.now, {
    saved: false,
  });
  return done(plan);
}
