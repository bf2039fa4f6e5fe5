// A customer's installed modules (ENGINEER and ADMIN): install, change version, set the warranty
// end, uninstall. Versions must be ones the catalog knows; prerequisites must be installed first
// and cannot be uninstalled while something installed requires them.
import type { Prisma, PrismaClient } from '@upgrade-desk/db';
import { compareModuleVersions, moduleVersionProblem } from '@upgrade-desk/domain';
import { audit, type AuditEntry } from '../audit.ts';
import { done, problem, refused, type Outcome, type Problem } from '../problem.ts';
import { knownModuleVersions } from './modules.ts';

/** The id of the installation created or changed, or why not. */
type Result = Outcome<string>;

/** Why `version` cannot be installed: not a version at all, or not one the catalog published. */
function unknownVersion(version: string, known: readonly string[]): Problem {
  const notAVersion = moduleVersionProblem(version);
  if (notAVersion) return problem('INVALID_INPUT', notAVersion, ['version']);
  return problem(
    'INVALID_INPUT',
    `Version ${version.slice(0, 40)} of this module is not published; known versions: ${known.join(', ')}.`,
    ['version'],
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
  if (!customer) return refused(problem('NOT_FOUND', 'No such customer.', ['customerId']));
  const module = await prisma.module.findUnique({
    where: { id: input.moduleId },
    select: { latestVersion: true, requires: { select: { requires: { select: { id: true, key: true } } } } },
  });
  if (!module) return refused(problem('NOT_FOUND', 'No such module.', ['moduleId']));
  if (customer.deactivatedAt) return refused(problem('INVALID_INPUT', 'The customer is deactivated.', ['customerId']));
  const installed = new Set(customer.installedModules.map((m) => m.moduleId));
  if (installed.has(input.moduleId))
    return refused(problem('CONFLICT', 'The customer already has this module.', ['moduleId']));
  const missing = module.requires.map((r) => r.requires).filter((r) => !installed.has(r.id));
  if (missing.length > 0)
    return refused(
      problem('INVALID_INPUT', `Install its prerequisites first: ${missing.map((m) => m.key).join(', ')}.`, [
        'moduleId',
      ]),
    );
  const version = input.version ?? module.latestVersion;
  const known = (await knownModuleVersions(prisma, input.moduleId))!;
  if (!isKnown(version, known)) return refused(unknownVersion(version, known));
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
  return done(created.id);
}

async function installation(prisma: PrismaClient, id: string) {
  return prisma.installedModule.findUnique({
    where: { id },
    select: { id: true, customerId: true, moduleId: true, version: true, warrantyEndsAt: true },
  });
}

const NOT_INSTALLED = problem('NOT_FOUND', 'No such installed module.', ['id']);

export async function changeInstalledVersion(
  prisma: PrismaClient,
  input: { id: string; version: string },
  actorId: string,
  now: Date,
): Promise<Result> {
  const row = await installation(prisma, input.id);
  if (!row) return refused(NOT_INSTALLED);
  const known = (await knownModuleVersions(prisma, row.moduleId))!;
  if (!isKnown(input.version, known)) return refused(unknownVersion(input.version, known));
  if (compareModuleVersions(row.version, input.version) === 0)
    return refused(problem('INVALID_INPUT', `Version ${row.version} is already installed.`, ['version']));
  return changeInstallation(
    prisma,
    row.id,
    (tx) => tx.installedModule.update({ where: { id: row.id }, data: { version: input.version } }),
    {
      actorId,
      at: now,
      action: 'installedModule.changeVersion',
      data: { from: row.version, to: input.version },
    },
  );
}

export async function setWarrantyEnd(
  prisma: PrismaClient,
  input: { id: string; warrantyEndsAt: Date | null },
  actorId: string,
  now: Date,
): Promise<Result> {
  const row = await installation(prisma, input.id);
  if (!row) return refused(NOT_INSTALLED);
  return changeInstallation(
    prisma,
    row.id,
    (tx) => tx.installedModule.update({ where: { id: row.id }, data: { warrantyEndsAt: input.warrantyEndsAt } }),
    {
      actorId,
      at: now,
      action: 'installedModule.setWarranty',
      data: { from: row.warrantyEndsAt?.toISOString() ?? null, to: input.warrantyEndsAt?.toISOString() ?? null },
    },
  );
}

export async function uninstallModule(
  prisma: PrismaClient,
  id: string,
  actorId: string,
  now: Date,
): Promise<Outcome<string>> {
  const row = await installation(prisma, id);
  if (!row) return refused(NOT_INSTALLED);
  const dependants = await prisma.installedModule.findMany({
    where: { customerId: row.customerId, module: { requires: { some: { requiresId: row.moduleId } } } },
    select: { module: { select: { key: true } } },
  });
  if (dependants.length > 0)
    return refused(
      problem(
        'INVALID_INPUT',
        `Installed modules require it: ${dependants.map((d) => d.module.key).join(', ')}. Uninstall them first.`,
        ['id'],
      ),
    );
  return changeInstallation(prisma, row.id, (tx) => tx.installedModule.delete({ where: { id: row.id } }), {
    actorId,
    at: now,
    action: 'installedModule.uninstall',
    data: { customerId: row.customerId, moduleId: row.moduleId, version: row.version },
  });
}

/** Changes one installation and records who did it, in one transaction. */
async function changeInstallation(
  prisma: PrismaClient,
  id: string,
  change: (tx: Prisma.TransactionClient) => Promise<unknown>,
  entry: Pick<AuditEntry, 'actorId' | 'at' | 'action' | 'data'>,
): Promise<Result> {
  await prisma.$transaction(async (tx) => {
    await change(tx);
    await audit(tx, { ...entry, entityType: 'InstalledModule', entityId: id });
  });
  return done(id);
}
