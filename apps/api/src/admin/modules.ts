// The module catalog (ADMIN): entries with bilingual names and descriptions, prerequisites, and
// released versions. Module.latestVersion is always the highest published version.
import type { Prisma, PrismaClient } from '@upgrade-desk/db';
import {
  compareModuleVersions,
  highestModuleVersion,
  isModuleCategory,
  MODULE_CATEGORIES,
  moduleVersionProblem,
} from '@upgrade-desk/domain';
import { audit } from '../audit.ts';
import { done, problem, refused, type Outcome, type Problem } from '../problem.ts';

const MODULE_KEY = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

export interface ModuleFields {
  key?: string | null;
  nameVi?: string | null;
  nameEn?: string | null;
  descriptionVi?: string | null;
  descriptionEn?: string | null;
  category?: string | null;
  /** Prerequisite module ids (replaces the list when given). */
  requiresIds?: readonly string[] | null;
}

/** The id of the module created or changed, or why not. */
type Result = Outcome<string>;

function fieldProblems(input: ModuleFields, creating: boolean) {
  const problems: Problem[] = [];
  const data: Prisma.ModuleUpdateInput = {};
  if (input.key != null) {
    const key = input.key.trim().toLowerCase();
    if (!MODULE_KEY.test(key))
      problems.push(
        problem('INVALID_INPUT', 'A module code is 1 to 40 lower-case letters, digits and dashes, e.g. hr-payroll.', [
          'key',
        ]),
      );
    else data.key = key;
  } else if (creating) problems.push(problem('INVALID_INPUT', 'Give the module a code.', ['key']));
  for (const [name, max] of [
    ['nameVi', 200],
    ['nameEn', 200],
    ['descriptionVi', 2000],
    ['descriptionEn', 2000],
  ] as const) {
    const value = input[name];
    if (value == null) {
      if (creating) problems.push(problem('INVALID_INPUT', `Give ${name}: the catalog is bilingual.`, [name]));
      continue;
    }
    const trimmed = value.trim();
    if (!trimmed || trimmed.length > max)
      problems.push(problem('INVALID_INPUT', `${name}: 1 to ${max} characters.`, [name]));
    else data[name] = trimmed;
  }
  if (input.category != null) {
    if (!isModuleCategory(input.category))
      problems.push(problem('INVALID_INPUT', `The category is one of ${MODULE_CATEGORIES.join(', ')}.`, ['category']));
    else data.category = input.category;
  } else if (creating) problems.push(problem('INVALID_INPUT', 'Give the category.', ['category']));
  return { data, problems };
}

/**
 * Problems with `requiresIds` as the prerequisites of `moduleId` (null when creating): each must
 * exist, and none may lead back to the module itself.
 */
async function requiresProblems(
  prisma: PrismaClient,
  moduleId: string | null,
  requiresIds: readonly string[],
): Promise<Problem[]> {
  const field = ['requiresIds'];
  const found = await prisma.module.count({ where: { id: { in: [...requiresIds] } } });
  if (found !== new Set(requiresIds).size) return [problem('NOT_FOUND', 'No such prerequisite module.', field)];
  if (moduleId === null) return [];
  // Walk the prerequisites' own prerequisites: reaching the module itself would be a cycle.
  const edges = await prisma.moduleDependency.findMany({ select: { moduleId: true, requiresId: true } });
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.moduleId, [...(next.get(e.moduleId) ?? []), e.requiresId]);
  const seen = new Set<string>();
  const stack = [...requiresIds];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === moduleId)
      return [problem('INVALID_INPUT', 'A module cannot require itself, directly or through others.', field)];
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(next.get(id) ?? []));
  }
  return [];
}

export async function createModule(
  prisma: PrismaClient,
  input: ModuleFields & { version: string; releasedAt: Date | null; sortOrder: number | null },
  actorId: string,
  now: Date,
): Promise<Result> {
  const { data, problems } = fieldProblems(input, true);
  const versionProblem = moduleVersionProblem(input.version);
  if (versionProblem) problems.push(problem('INVALID_INPUT', versionProblem, ['version']));
  const requiresIds = [...new Set(input.requiresIds ?? [])];
  if (problems.length === 0) problems.push(...(await requiresProblems(prisma, null, requiresIds)));
  if (problems.length > 0) return refused(...problems);
  if (await prisma.module.findUnique({ where: { key: data.key as string }, select: { id: true } }))
    return refused(problem('CONFLICT', `A module with code ${String(data.key)} exists.`, ['key']));
  const created = await prisma.$transaction(async (tx) => {
    const module = await tx.module.create({
      data: {
        key: data.key as string,
        nameVi: data.nameVi as string,
        nameEn: data.nameEn as string,
        descriptionVi: data.descriptionVi as string,
        descriptionEn: data.descriptionEn as string,
        category: data.category as string,
        sortOrder: input.sortOrder ?? 0,
        latestVersion: input.version,
        requires: { create: requiresIds.map((requiresId) => ({ requiresId })) },
        versions: { create: { version: input.version, releasedAt: input.releasedAt ?? now, createdAt: now } },
      },
      select: { id: true },
    });
    await audit(tx, {
      actorId,
      action: 'module.create',
      entityType: 'Module',
      entityId: module.id,
      at: now,
      data: { key: data.key as string, version: input.version, requiresIds },
    });
    return module;
  });
  return done(created.id);
}

export async function updateModule(
  prisma: PrismaClient,
  moduleId: string,
  input: ModuleFields & { sortOrder?: number | null },
  actorId: string,
  now: Date,
): Promise<Result> {
  const existing = await prisma.module.findUnique({ where: { id: moduleId }, select: { id: true } });
  if (!existing) return refused(problem('NOT_FOUND', 'No such module.', ['id']));
  const { data, problems } = fieldProblems(input, false);
  const requiresIds = input.requiresIds ? [...new Set(input.requiresIds)] : null;
  if (problems.length === 0 && requiresIds) problems.push(...(await requiresProblems(prisma, moduleId, requiresIds)));
  if (problems.length > 0) return refused(...problems);
  if (input.sortOrder != null) data.sortOrder = input.sortOrder;
  if (Object.keys(data).length === 0 && !requiresIds)
    return refused(problem('INVALID_INPUT', 'Nothing to change.', []));
  if (data.key) {
    const other = await prisma.module.findUnique({ where: { key: data.key as string }, select: { id: true } });
    if (other && other.id !== moduleId)
      return refused(problem('CONFLICT', `A module with code ${String(data.key)} exists.`, ['key']));
  }
  await prisma.$transaction(async (tx) => {
    await tx.module.update({ where: { id: moduleId }, data });
    if (requiresIds) {
      await tx.moduleDependency.deleteMany({ where: { moduleId } });
      await tx.moduleDependency.createMany({ data: requiresIds.map((requiresId) => ({ moduleId, requiresId })) });
    }
    await audit(tx, {
      actorId,
      action: 'module.update',
      entityType: 'Module',
      entityId: moduleId,
      at: now,
      data: { ...(data as Prisma.InputJsonObject), ...(requiresIds ? { requiresIds } : {}) },
    });
  });
  return done(moduleId);
}

/** What knownVersions reads of a module. */
export const KNOWN_VERSIONS_SELECT = {
  latestVersion: true,
  versions: { select: { version: true } },
} as const satisfies Prisma.ModuleSelect;

/** The versions a module is known in: its published versions and its latest (seeded catalogs may lack rows). */
export function knownVersions(module: Prisma.ModuleGetPayload<{ select: typeof KNOWN_VERSIONS_SELECT }>): string[] {
  return [...new Set([module.latestVersion, ...module.versions.map((v) => v.version)])].sort(compareModuleVersions);
}

/** knownVersions of one module, or null when there is no such module. */
export async function knownModuleVersions(
  db: PrismaClient | Prisma.TransactionClient,
  moduleId: string,
): Promise<string[] | null> {
  const module = await db.module.findUnique({ where: { id: moduleId }, select: KNOWN_VERSIONS_SELECT });
  return module && knownVersions(module);
}

/**
 * Publishes a version with its release notes, in the caller's transaction so the release, the
 * module's latest version and the audit entry are written together: moduleVersionPublish, and the
 * demo seed for its catalog, call this.
 */
export async function publishModuleVersion(
  tx: Prisma.TransactionClient,
  input: { moduleId: string; version: string; releasedAt: Date; notesVi: string; notesEn: string },
  actorId: string,
  now: Date,
): Promise<Outcome<{ moduleId: string; versionId: string }>> {
  const problems: Problem[] = [];
  const versionProblem = moduleVersionProblem(input.version);
  if (versionProblem) problems.push(problem('INVALID_INPUT', versionProblem, ['version']));
  const notesVi = input.notesVi.trim();
  const notesEn = input.notesEn.trim();
  if (!notesVi || notesVi.length > 10_000)
    problems.push(problem('INVALID_INPUT', 'Give the release notes in Vietnamese.', ['notesVi']));
  if (!notesEn || notesEn.length > 10_000)
    problems.push(problem('INVALID_INPUT', 'Give the release notes in English.', ['notesEn']));
  const module = await tx.module.findUnique({ where: { id: input.moduleId }, select: KNOWN_VERSIONS_SELECT });
  if (!module) return refused(problem('NOT_FOUND', 'No such module.', ['moduleId']));
  if (problems.length > 0) return refused(...problems);
  // Only a release row counts as published: a catalog entry whose latest version has none (a
  // seeded one) gets that version's notes by publishing it.
  if (module.versions.some((v) => compareModuleVersions(v.version, input.version) === 0))
    return refused(problem('CONFLICT', `Version ${input.version} is already published.`, ['version']));
  const latestVersion = highestModuleVersion([...knownVersions(module), input.version])!;
  const row = await tx.moduleVersion.create({
    data: {
      moduleId: input.moduleId,
      version: input.version,
      releasedAt: input.releasedAt,
      notesVi,
      notesEn,
      createdAt: now,
    },
    select: { id: true },
  });
  // An older line's patch (5.2.5 after 6.0.0) is published without becoming the latest.
  await tx.module.update({ where: { id: input.moduleId }, data: { latestVersion } });
  await audit(tx, {
    actorId,
    action: 'module.publishVersion',
    entityType: 'Module',
    entityId: input.moduleId,
    at: now,
    data: { version: input.version, latestVersion },
  });
  return done({ moduleId: input.moduleId, versionId: row.id });
}
