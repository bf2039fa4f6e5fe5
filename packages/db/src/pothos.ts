// The Pothos plugin's generated types and datamodel, for apps/api's schema builder.
export type { default as PrismaTypes } from './generated/pothos-types.ts';
export { getDatamodel } from './generated/pothos-types.ts';
