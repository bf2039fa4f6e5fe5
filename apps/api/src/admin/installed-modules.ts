// A customer's installed modules (ENGINEER and ADMIN): install, change version, set the warranty
// end, uninstall. Versions must be ones the catalog knows; prerequisites must be installed first
// and cannot be uninstalled while something installed requires them.
import type { PrismaClient } from '@upgrade-desk/db';
import { compareModuleVersions, moduleVersionProblem } from '@upgrade-desk/domain';
import { audit } from '../audit.ts';
import { userError, type UserError } from '../schema/user-error.ts';
import { knownModuleVersions } from './modules.ts';

type Result = { installedModuleId?: string; userErrors: UserError[] };

/** Why `version` cannot be installed: not a version at all, or not one the catalog published. */
function unknownVersion(version: string, known: readonly string[]): UserError {
  const notAVersion = moduleVersionProblem(version);
  if (notAVersion) return userError('INVALID_INPUT', notAVersion, ['input', 'version']);
  return userError(
    'INVALID_INPUT',
    `Version ${version.slice(0, 40)} of this module is not published; known versions: ${known.join(', ')}.`,
    ['input', 'version'],
  );
}

const isKnown = (version: string, known: readonly string[]) => known.includes(version);

export async function installModule(
  prisma: PrismaClient,
  input: { customerId: string; moduleId: string; version: string | null; warrantyEndsAt: Date | null },
  actorId: string,
  now: Date,
): Promise<Result> {
  const customer = await prisma.customer.findUnique({
    where: { id: input.customerId },
    select: { deactivatedAt: true, installedModules: { select: { moduleId: true } } },
  });
  if (!customer) return { userErrors: [userError('NOT_FOUND', 'No such customer.', ['input', 'customerId'])] };
  const module = await prisma.module.findUnique({
    where: { id: input.moduleId },
    select: { latestVersion: true, requires: { select: { requires: { select: { id: true, key: true } } } } },
  });
  if (!module) return { userErrors: [userError('NOT_FOUND', 'No such module.', ['input', 'moduleId'])] };
  if (customer.deactivatedAt)
    return { userErrors: [userError('INVALID_INPUT', 'The customer is deactivated.', ['input', 'customerId'])] };
  const installed = new Set(customer.installedModules.map((m) => m.moduleId));
  if (installed.has(input.moduleId))
    return { userErrors: [userError('CONFLICT', 'The customer already has this module.', ['input', 'moduleId'])] };
  const missing = module.requires.map((r) => r.requires).filter((r) => !installed.has(r.id));
  if (missing.length > 0)
    return {
      userErrors: [
        userError('INVALID_INPUT', `Install its prerequisites first: ${missing.map((m) => m.key).join(', ')}.`, [
          'input',
          'moduleId',
        ]),
      ],
    };
  const version = input.version ?? module.latestVersion;
  const known = (await knownModuleVersions(prisma, input.moduleId))!;
  if (!isKnown(version, known)) return { userErrors: [unknownVersion(version, known)] };
  const created = await prisma.$transaction(async (tx) => {
    const row = await tx.installedModule.create({
      data: {
        customerId: input.customerId,
        moduleId: input.moduleId,
        version,
        installedAt: now,
        warrantyEndsAt: input.warrantyEndsAt,
      },
      select: { id: true },
    });
    await audit(tx, {
      actorId,
      action: 'installedModule.install',
      entityType: 'InstalledModule',
      entityId: row.id,
      at: now,
      data: {
        customerId: input.customerId,
        moduleId: input.moduleId,
        version,
        warrantyEndsAt: input.warrantyEndsAt?.toISOString() ?? null,
      },
    });
    return row;
  });
  return { installedModuleId: created.id, userErrors: [] };
}

async function installation(prisma: PrismaClient, id: string) {
  return prisma.installedModule.findUnique({
    where: { id },
    select: { id: true, customerId: true, moduleId: true, version: true, warrantyEndsAt: true },
  });
}

const NOT_INSTALLED = userError('NOT_FOUND', 'No such installed module.', ['input', 'id']);

export async function changeInstalledVersion(
  prisma: PrismaClient,
  input: { id: string; version: string },
  actorId: string,
  now: Date,
): Promise<Result> {
  const row = await installation(prisma, input.id);
  if (!row) return { userErrors: [NOT_INSTALLED] };
  const known = (await knownModuleVersions(prisma, row.moduleId))!;
  if (!isKnown(input.version, known)) return { userErrors: [unknownVersion(input.version, known)] };
  if (compareModuleVersions(row.version, input.version) === 0)
    return {
      userErrors: [userError('INVALID_INPUT', `Version ${row.version} is already installed.`, ['input', 'version'])],
    };
  await prisma.$transaction(async (tx) => {
    await tx.installedModule.update({ where: { id: row.id }, data: { version: input.version } });
    await audit(tx, {
      actorId,
      action: 'installedModule.changeVersion',
      entityType: 'InstalledModule',
      entityId: row.id,
      at: now,
      data: { from: row.version, to: input.version },
    });
  });
  return { installedModuleId: row.id, userErrors: [] };
}

export async function setWarrantyEnd(
  prisma: PrismaClient,
  input: { id: string; warrantyEndsAt: Date | null },
  actorId: string,
  now: Date,
): Promise<Result> {
  const row = await installation(prisma, input.id);
  if (!row) return { userErrors: [NOT_INSTALLED] };
  await prisma.$transaction(async (tx) => {
    await tx.installedModule.update({ where: { id: row.id }, data: { warrantyEndsAt: input.warrantyEndsAt } });
    await audit(tx, {
      actorId,
      action: 'installedModule.setWarranty',
      entityType: 'InstalledModule',
      entityId: row.id,
      at: now,
      data: {
        from: row.warrantyEndsAt?.toISOString() ?? null,
        to: input.warrantyEndsAt?.toISOString() ?? null,
      },
    });
  });
  return { installedModuleId: row.id, userErrors: [] };
}

export async function uninstallModule(
  prisma: PrismaClient,
  id: string,
  actorId: string,
  now: Date,
): Promise<{ deletedId?: string; userErrors: UserError[] }> {
  const row = await installation(prisma, id);
  if (!row) return { userErrors: [NOT_INSTALLED] };
  const dependants = await prisma.installedModule.findMany({
    where: { customerId: row.customerId, module: { requires: { some: { requiresId: row.moduleId } } } },
    select: { module: { select: { key: true } } },
  });
  if (dependants.length > 0)
    return {
      userErrors: [
        userError(
          'INVALID_INPUT',
          `Installed modules require it: ${dependants.map((d) => d.module.key).join(', ')}. Uninstall them first.`,
          ['input', 'id'],
        ),
      ],
    };
  await prisma.$transaction(async (tx) => {
    await tx.installedModule.delete({ where: { id: row.id } });
    await audit(tx, {
      actorId,
      action: 'installedModule.uninstall',
      entityType: 'InstalledModule',
      entityId: row.id,
      at: now,
      data: { customerId: row.customerId, moduleId: row.moduleId, version: row.version },
    });
  });
  return { deletedId: row.id, userErrors: [] };
}
