// The groups of the vendor's module catalog. The API accepts only these codes for a module; the
// portal offers them in the catalog form and names each in its catalogs.

export const MODULE_CATEGORIES = [
  'finance',
  'supply-chain',
  'human-resources',
  'customers',
  'industry',
  'analytics',
] as const;
export type ModuleCategory = (typeof MODULE_CATEGORIES)[number];

export function isModuleCategory(text: string): text is ModuleCategory {
  return (MODULE_CATEGORIES as readonly string[]).includes(text);
}
