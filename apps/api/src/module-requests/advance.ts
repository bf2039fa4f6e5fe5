import type { ModuleRequestKind, ModuleRequestStage, Prisma } from '@upgrade-desk/db';
import { startsModuleRequestWarranty, warrantyEndsAt } from '@upgrade-desk/domain';
import { audit } from '../audit.ts';
import { tellCustomerOfStep } from './tell-customer.ts';
import { recordModuleRequestEvent } from './timeline.ts';

export interface RequestToAdvance {
  id: string;
  stage: ModuleRequestStage;
  kind: ModuleRequestKind;
  customerId: string;
  moduleId: string | null;
  installedModuleId: string | null;
  /** Set once the module was delivered (on entering WARRANTY). */
  deliveredVersion?: string | null;
}

export interface Step {
  to: ModuleRequestStage;
  note: string | null;
  actorId: string;
  now: Date;
  warrantyMonths: number;
}

/**
 * Moves a request one step (the caller has checked the step against the rules), recording the
 * event, what closing delivers, the audit entry and the customer's notification, all in the
 * caller's transaction. False when the request left `request.stage` meanwhile (a concurrent step):
 * nothing is written then.
 */
export async function advanceModuleRequest(
  tx: Prisma.TransactionClient,
  request: RequestToAdvance,
  step: Step,
): Promise<boolean> {
  const { count } = await tx.moduleRequest.updateMany({
    where: { id: request.id, stage: request.stage },
    data: { stage: step.to, stageEnteredAt: step.now, updatedAt: step.now },
  });
  if (count === 0) return false;
  const entry = { requestId: request.id, stage: step.to, note: step.note, at: step.now, byId: step.actorId };
  const eventId = await recordModuleRequestEvent(tx, { ...entry, kind: 'STAGE' }, 'module-request.advance', {
    from: request.stage,
    to: step.to,
    note: step.note,
  });
  const delivered = deliversModule(request, step.to) ? await deliver(tx, request, step) : null;
  await tellCustomerOfStep(tx, { ...entry, eventId, delivered });
  return true;
}

interface Delivery {
  version: string;
  warrantyEndsAt: Date | null;
}

/**
 * The module is delivered when the warranty starts (entering WARRANTY). A request that was already
 * in WARRANTY before that rule (nothing delivered yet) is delivered when it closes instead.
 */
function deliversModule(request: RequestToAdvance, to: ModuleRequestStage): boolean {
  if (startsModuleRequestWarranty(to)) return true;
  return to === 'CLOSED' && request.stage === 'WARRANTY' && !request.deliveredVersion;
}

/**
 * Delivering a NEW_MODULE request installs the module at its latest version with a warranty from
 * now; delivering an EXTENSION of an installed module brings it to the latest version, and the
 * extended module is under warranty from now too (the later of that and any warranty it had).
 */
async function deliver(tx: Prisma.TransactionClient, request: RequestToAdvance, step: Step): Promise<Delivery | null> {
  if (!request.moduleId) return null;
  const module = await tx.module.findUniqueOrThrow({
    where: { id: request.moduleId },
    select: { latestVersion: true },
  });
  const version = module.latestVersion;
  const customer = await tx.customer.findUniqueOrThrow({
    where: { id: request.customerId },
    select: { timeZone: true },
  });
  const warrantyEnd = warrantyEndsAt(step.now, step.warrantyMonths, customer.timeZone);
  let installed: { id: string; warrantyEndsAt: Date | null };
  if (request.kind === 'NEW_MODULE') {
    installed = await installModule(tx, request.customerId, request.moduleId, version, warrantyEnd, step.now);
  } else {
    if (!request.installedModuleId) return null;
    const existing = await tx.installedModule.findUniqueOrThrow({
      where: { id: request.installedModuleId },
      select: { id: true, warrantyEndsAt: true },
    });
    installed = await extendInstallation(tx, existing, version, warrantyEnd);
  }
  await tx.moduleRequest.update({
    where: { id: request.id },
    data: { installedModuleId: installed.id, deliveredVersion: version },
  });
  await audit(tx, {
    actorId: step.actorId,
    action: request.kind === 'NEW_MODULE' ? 'installed-module.install' : 'installed-module.version',
    entityType: 'InstalledModule',
    entityId: installed.id,
    data: { moduleRequestId: request.id, version, warrantyEndsAt: installed.warrantyEndsAt?.toISOString() ?? null },
    at: step.now,
  });
  return { version, warrantyEndsAt: installed.warrantyEndsAt };
}

function laterOf(existing: Date | null, start: Date): Date {
  return existing && existing > start ? existing : start;
}

/**
 * Installs the module for the customer. Should it have been installed meanwhile by other means,
 * the installation is brought to this version and keeps the later of the two warranty ends.
 */
async function installModule(
  tx: Prisma.TransactionClient,
  customerId: string,
  moduleId: string,
  version: string,
  warrantyEnd: Date,
  now: Date,
): Promise<{ id: string; warrantyEndsAt: Date | null }> {
  const existing = await tx.installedModule.findUnique({
    where: { customerId_moduleId: { customerId, moduleId } },
    select: { id: true, warrantyEndsAt: true },
  });
  if (!existing) {
    return tx.installedModule.create({
      data: { customerId, moduleId, version, installedAt: now, warrantyEndsAt: warrantyEnd },
      select: { id: true, warrantyEndsAt: true },
    });
  }
  return extendInstallation(tx, existing, version, warrantyEnd);
}

/** Brings an installation to `version`, under warranty until the later of its own end and `warrantyEnd`. */
function extendInstallation(
  tx: Prisma.TransactionClient,
  installed: { id: string; warrantyEndsAt: Date | null },
  version: string,
  warrantyEnd: Date,
): Promise<{ id: string; warrantyEndsAt: Date | null }> {
  return tx.installedModule.update({
    where: { id: installed.id },
    data: { version, warrantyEndsAt: laterOf(installed.warrantyEndsAt, warrantyEnd) },
    select: { id: true, warrantyEndsAt: true },
  });
}
