import type { Locale } from '@upgrade-desk/db';
import { uniqueId } from '../auth/visibility.ts';
import { builder } from './builder.ts';

const inLocale = (locale: Locale | undefined, vi: string, en: string) => (locale === 'EN' ? en : vi);

export const ModuleNode = builder.prismaNode('Module', {
  id: { field: 'id' },
  // Only the columns the asked fields need: loading whole rows (long texts, every column of each
  // nested relation) made the uncached dashboard spend most of its time in the Prisma client.
  select: { id: true },
  nullable: true,
  findUnique: (id) => ({ id: uniqueId(id) }),
  fields: (t) => ({
    key: t.exposeString('key'),
    name: t.string({
      description: "In the viewer's locale",
      select: { nameVi: true, nameEn: true },
      resolve: (m, _args, ctx) => inLocale(ctx.viewer?.locale, m.nameVi, m.nameEn),
    }),
    description: t.string({
      select: { descriptionVi: true, descriptionEn: true },
      resolve: (m, _args, ctx) => inLocale(ctx.viewer?.locale, m.descriptionVi, m.descriptionEn),
    }),
    category: t.exposeString('category'),
    latestVersion: t.exposeString('latestVersion'),
  }),
});
export const ModuleConnection = builder.connectionObject({ type: ModuleNode, name: 'ModuleConnection' });

// Declared apart from the type: a module's prerequisites are modules, and a type cannot name itself in its own initializer.
builder.prismaObjectFields(ModuleNode, (t) => ({
  requires: t.field({
    type: [ModuleNode],
    select: (_args, _ctx, nestedSelection) => ({
      requires: { select: { requires: nestedSelection(true) }, orderBy: { requires: { sortOrder: 'asc' } } },
    }),
    resolve: (m) => m.requires.map((d) => d.requires),
  }),
}));

builder.queryField('modules', (t) =>
  t.prismaConnection(
    {
      type: 'Module',
      cursor: 'id',
      args: { search: t.arg.string({ required: false }) },
      totalCount: (_parent, args, ctx) => ctx.prisma.module.count({ where: moduleSearch(args.search) }),
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.module.findMany({
          ...query,
          where: moduleSearch(args.search),
          orderBy: [{ category: 'asc' }, { sortOrder: 'asc' }, { id: 'asc' }],
        }),
    },
    ModuleConnection,
  ),
);

function moduleSearch(search: string | null | undefined) {
  const term = search?.trim();
  if (!term) return {};
  const contains = { contains: term, mode: 'insensitive' as const };
  return { OR: [{ key: contains }, { nameVi: contains }, { nameEn: contains }, { category: contains }] };
}
