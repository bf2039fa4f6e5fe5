// The module catalog's administration (ADMIN) and customers' installed modules (ENGINEER, ADMIN)
// over GraphQL. Rules: admin/modules.ts and admin/installed-modules.ts.
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Locale } from '@upgrade-desk/db';
import { compareModuleVersions, INSTALLED_MODULE_MANAGER_ROLES, MODULE_CATEGORIES } from '@upgrade-desk/domain';
import { uniqueId } from '../auth/visibility.ts';
import type { Outcome } from '../problem.ts';
import { changeInstalledVersion, installModule, setWarrantyEnd, uninstallModule } from '../admin/installed-modules.ts';
import { createModule, publishModuleVersion, updateModule } from '../admin/modules.ts';
import { builder } from './builder.ts';
import { CustomerNode } from './customer.ts';
import { InstalledModuleNode } from './installed-module.ts';
import { ModuleNode } from './module.ts';
import { entityPayload, UserErrorRef, userErrorsOf, type EntityPayload, type UserError } from './user-error.ts';

interface ModuleVersionRow {
  id: string;
  version: string;
  releasedAt: Date;
  notesVi: string;
  notesEn: string;
}

const inLocale = (locale: Locale | undefined, vi: string, en: string) => (locale === 'EN' ? en : vi);

const ModuleVersionRef = builder.objectRef<ModuleVersionRow>('ModuleVersion').implement({
  description: "A released version of a module: the vendor's dotted numbers (6.4.0), compared numerically",
  fields: (t) => ({
    version: t.exposeString('version'),
    releasedAt: t.expose('releasedAt', { type: 'DateTime' }),
    notes: t.string({
      description: "Release notes in the viewer's locale",
      resolve: (v, _args, ctx) => inLocale(ctx.viewer?.locale, v.notesVi, v.notesEn),
    }),
    notesVi: t.exposeString('notesVi'),
    notesEn: t.exposeString('notesEn'),
  }),
});

builder.prismaObjectFields(ModuleNode, (t) => ({
  nameVi: t.exposeString('nameVi'),
  nameEn: t.exposeString('nameEn'),
  descriptionVi: t.exposeString('descriptionVi'),
  descriptionEn: t.exposeString('descriptionEn'),
  sortOrder: t.exposeInt('sortOrder'),
  versions: t.field({
    type: [ModuleVersionRef],
    description: 'Published versions, newest (highest) first',
    select: { versions: { select: { id: true, version: true, releasedAt: true, notesVi: true, notesEn: true } } },
    resolve: (m) => [...m.versions].sort((a, b) => compareModuleVersions(b.version, a.version)),
  }),
}));

/** The module created or changed (and the version published), or the user errors. */
type ModuleResult = { moduleId?: string; versionId?: string; userErrors: UserError[] };

function modulePayload(name: string, withVersion = false) {
  return builder.objectRef<ModuleResult>(name).implement({
    fields: (t) => ({
      module: t.prismaField({
        type: 'Module',
        nullable: true,
        resolve: (query, p, _args, ctx) =>
          p.moduleId ? ctx.prisma.module.findUnique({ ...query, where: { id: p.moduleId } }) : null,
      }),
      ...(withVersion
        ? {
            moduleVersion: t.field({
              type: ModuleVersionRef,
              nullable: true,
              resolve: (p, _args, ctx) =>
                p.versionId ? ctx.prisma.moduleVersion.findUnique({ where: { id: p.versionId } }) : null,
            }),
          }
        : {}),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });
}

const categoryDescription = `One of ${MODULE_CATEGORIES.join(', ')}`;

const ModuleCreateInput = builder.inputType('ModuleCreateInput', {
  fields: (t) => ({
    key: t.string({ required: true, description: 'Unique code, lower-case, e.g. hr-payroll' }),
    nameVi: t.string({ required: true }),
    nameEn: t.string({ required: true }),
    descriptionVi: t.string({ required: true }),
    descriptionEn: t.string({ required: true }),
    category: t.string({ required: true, description: categoryDescription }),
    requiresIds: t.globalIDList({ required: false, for: [ModuleNode], description: 'Prerequisite modules' }),
    version: t.string({ required: true, description: 'The first published version, e.g. 1.0.0' }),
    releasedAt: t.field({ type: 'DateTime', required: false, description: 'Default: now' }),
    sortOrder: t.int({ required: false }),
  }),
});

const ModuleUpdateInput = builder.inputType('ModuleUpdateInput', {
  description: 'Only the fields given change; requiresIds replaces the prerequisites',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [ModuleNode] }),
    key: t.string({ required: false }),
    nameVi: t.string({ required: false }),
    nameEn: t.string({ required: false }),
    descriptionVi: t.string({ required: false }),
    descriptionEn: t.string({ required: false }),
    category: t.string({ required: false, description: categoryDescription }),
    requiresIds: t.globalIDList({ required: false, for: [ModuleNode] }),
    sortOrder: t.int({ required: false }),
  }),
});

const ModuleVersionPublishInput = builder.inputType('ModuleVersionPublishInput', {
  fields: (t) => ({
    moduleId: t.globalID({ required: true, for: [ModuleNode] }),
    version: t.string({
      required: true,
      description: '2 to 4 dot-separated numbers without leading zeros (6.4.0, 6.4.0.12); no -beta or +build tags',
    }),
    releasedAt: t.field({ type: 'DateTime', required: true }),
    notesVi: t.string({ required: true }),
    notesEn: t.string({ required: true }),
  }),
});

function installedPayload(name: string) {
  return builder.objectRef<EntityPayload>(name).implement({
    fields: (t) => ({
      installedModule: t.prismaField({
        type: 'InstalledModule',
        nullable: true,
        resolve: (query, p, _args, ctx) =>
          p.id ? ctx.prisma.installedModule.findUnique({ ...query, where: { id: p.id } }) : null,
      }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });
}

const InstalledModuleInstallInput = builder.inputType('InstalledModuleInstallInput', {
  fields: (t) => ({
    customerId: t.globalID({ required: true, for: [CustomerNode] }),
    moduleId: t.globalID({ required: true, for: [ModuleNode] }),
    version: t.string({ required: false, description: "A published version; default the module's latest" }),
    warrantyEndsAt: t.field({ type: 'DateTime', required: false }),
  }),
});

const InstalledModuleVersionChangeInput = builder.inputType('InstalledModuleVersionChangeInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, for: [InstalledModuleNode] }),
    version: t.string({ required: true, description: 'A published version of the module' }),
  }),
});

const InstalledModuleWarrantySetInput = builder.inputType('InstalledModuleWarrantySetInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, for: [InstalledModuleNode] }),
    warrantyEndsAt: t.field({ type: 'DateTime', required: false, description: 'null: no warranty' }),
  }),
});

const InstalledModuleUninstallInput = builder.inputType('InstalledModuleUninstallInput', {
  fields: (t) => ({ id: t.globalID({ required: true, for: [InstalledModuleNode] }) }),
});

const InstalledModuleUninstallPayload = builder
  .objectRef<{ deletedId?: string; userErrors: UserError[] }>('InstalledModuleUninstallPayload')
  .implement({
    fields: (t) => ({
      deletedId: t.id({ nullable: true, resolve: (p) => p.deletedId ?? null }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

const moduleResult = (outcome: Outcome<string>): ModuleResult =>
  outcome.ok ? { moduleId: outcome.value, userErrors: [] } : { userErrors: userErrorsOf(outcome.problems) };

builder.mutationFields((t) => {
  const adminOnly = t.withAuth({ role: ['ADMIN'] });
  const engineers = t.withAuth({ role: [...INSTALLED_MODULE_MANAGER_ROLES] });
  return {
    moduleCreate: adminOnly.field({
      type: modulePayload('ModuleCreatePayload'),
      description: 'ADMIN: a new catalog entry with its first version',
      args: { input: t.arg({ type: ModuleCreateInput, required: true }) },
      resolve: async (_root, { input }, ctx) =>
        moduleResult(
          await createModule(
            ctx.prisma,
            {
              ...input,
              requiresIds: input.requiresIds?.map((r) => uniqueId(r.id)) ?? [],
              releasedAt: input.releasedAt ?? null,
              sortOrder: input.sortOrder ?? null,
            },
            ctx.viewer.userId,
            ctx.now(),
          ),
        ),
    }),
    moduleUpdate: adminOnly.field({
      type: modulePayload('ModuleUpdatePayload'),
      description: 'ADMIN: change a catalog entry',
      args: { input: t.arg({ type: ModuleUpdateInput, required: true }) },
      resolve: async (_root, { input: { id, requiresIds, ...fields } }, ctx) =>
        moduleResult(
          await updateModule(
            ctx.prisma,
            uniqueId(id.id),
            { ...fields, requiresIds: requiresIds?.map((r) => uniqueId(r.id)) ?? null },
            ctx.viewer.userId,
            ctx.now(),
          ),
        ),
    }),
    moduleVersionPublish: adminOnly.field({
      type: modulePayload('ModuleVersionPublishPayload', true),
      description: "ADMIN: publish a version with bilingual release notes; the module's latestVersion is the highest",
      args: { input: t.arg({ type: ModuleVersionPublishInput, required: true }) },
      resolve: async (_root, { input }, ctx) => {
        const outcome = await ctx.prisma.$transaction((tx) =>
          publishModuleVersion(tx, { ...input, moduleId: uniqueId(input.moduleId.id) }, ctx.viewer.userId, ctx.now()),
        );
        return outcome.ok ? { ...outcome.value, userErrors: [] } : { userErrors: userErrorsOf(outcome.problems) };
      },
    }),
    installedModuleInstall: engineers.field({
      type: installedPayload('InstalledModuleInstallPayload'),
      description: 'ENGINEER, ADMIN: install a module for a customer (its prerequisites first)',
      args: { input: t.arg({ type: InstalledModuleInstallInput, required: true }) },
      resolve: async (_root, { input }, ctx) =>
        entityPayload(
          await installModule(
            ctx.prisma,
            {
              customerId: uniqueId(input.customerId.id),
              moduleId: uniqueId(input.moduleId.id),
              version: input.version ?? null,
              warrantyEndsAt: input.warrantyEndsAt ?? null,
            },
            ctx.viewer.userId,
            ctx.now(),
          ),
        ),
    }),
    installedModuleVersionChange: engineers.field({
      type: installedPayload('InstalledModuleVersionChangePayload'),
      description: 'ENGINEER, ADMIN: record the version a customer now runs',
      args: { input: t.arg({ type: InstalledModuleVersionChangeInput, required: true }) },
      resolve: async (_root, { input }, ctx) =>
        entityPayload(
          await changeInstalledVersion(
            ctx.prisma,
            { id: uniqueId(input.id.id), version: input.version },
            ctx.viewer.userId,
            ctx.now(),
          ),
        ),
    }),
    installedModuleWarrantySet: engineers.field({
      type: installedPayload('InstalledModuleWarrantySetPayload'),
      description: 'ENGINEER, ADMIN: set (or clear) the warranty end',
      args: { input: t.arg({ type: InstalledModuleWarrantySetInput, required: true }) },
      resolve: async (_root, { input }, ctx) =>
        entityPayload(
          await setWarrantyEnd(
            ctx.prisma,
            { id: uniqueId(input.id.id), warrantyEndsAt: input.warrantyEndsAt ?? null },
            ctx.viewer.userId,
            ctx.now(),
          ),
        ),
    }),
    installedModuleUninstall: engineers.field({
      type: InstalledModuleUninstallPayload,
      description: 'ENGINEER, ADMIN: remove a module from a customer (not while installed modules require it)',
      args: { input: t.arg({ type: InstalledModuleUninstallInput, required: true }) },
      resolve: async (_root, { input }, ctx) => {
        const outcome = await uninstallModule(ctx.prisma, uniqueId(input.id.id), ctx.viewer.userId, ctx.now());
        return outcome.ok
          ? { deletedId: encodeGlobalID('InstalledModule', outcome.value), userErrors: [] }
          : { userErrors: userErrorsOf(outcome.problems) };
      },
    }),
  };
});
