import type { ModuleRequestKind, Prisma } from '@upgrade-desk/db';
import { FINAL_MODULE_REQUEST_STAGES } from '@upgrade-desk/domain';
import { tellCustomerOfStep } from './tell-customer.ts';
import { recordModuleRequestEvent } from './timeline.ts';

export interface NewModuleRequest {
  customerId: string;
  kind: ModuleRequestKind;
  moduleId: string | null;
  /** EXTENSION of an installed module: that installation. */
  installedModuleId: string | null;
  title: string;
  description: string;
  missingPrerequisites: string[];
  createdById: string;
  now: Date;
}

/** A customer's request enters the process at SUBMITTED: the first event of its history. */
export async function submitModuleRequest(tx: Prisma.TransactionClient, request: NewModuleRequest): Promise<string> {
  const { now, createdById, ...fields } = request;
  const created = await tx.moduleRequest.create({
    data: { ...fields, createdById, stage: 'SUBMITTED', stageEnteredAt: now, createdAt: now, updatedAt: now },
    select: { id: true },
  });
  const entry = { requestId: created.id, stage: 'SUBMITTED', note: null, at: now, byId: createdById } as const;
  const eventId = await recordModuleRequestEvent(tx, { ...entry, kind: 'STAGE' }, 'module-request.create', {
    kind: fields.kind,
    moduleId: fields.moduleId,
    title: fields.title,
    missingPrerequisites: fields.missingPrerequisites,
  });
  await tellCustomerOfStep(tx, { ...entry, eventId });
  return created.id;
}

export interface DraftFacts {
  /** The module named, or null when none was named or the id matches no module. */
  module: { id: string; key: string; requires: string[] } | null;
  /** The customer's installations, by module key. */
  installed: ReadonlyMap<string, string>;
  /** Keys of the modules the customer already has an open NEW_MODULE request for. */
  openNewModuleRequests: ReadonlySet<string>;
}

/** What the rules need to judge a customer's request: the module named, what it has, what it already asked for. */
export async function draftFacts(
  prisma: Prisma.TransactionClient,
  customerId: string,
  moduleId: string | null,
): Promise<DraftFacts> {
  const [module, installed, open] = await Promise.all([
    moduleId
      ? prisma.module.findUnique({
          where: { id: moduleId },
          select: { id: true, key: true, requires: { select: { requires: { select: { key: true } } } } },
        })
      : null,
    prisma.installedModule.findMany({ where: { customerId }, select: { id: true, module: { select: { key: true } } } }),
    prisma.moduleRequest.findMany({
      where: { customerId, kind: 'NEW_MODULE', stage: { notIn: [...FINAL_MODULE_REQUEST_STAGES] } },
      select: { module: { select: { key: true } } },
    }),
  ]);
  return {
    module: module && { id: module.id, key: module.key, requires: module.requires.map((d) => d.requires.key) },
    installed: new Map(installed.map((i) => [i.module.key, i.id])),
    openNewModuleRequests: new Set(open.flatMap((r) => (r.module ? [r.module.key] : []))),
  };
}
