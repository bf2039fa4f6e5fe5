export * from './enums.ts';
export * from './time-zone.ts';
export * from './notice-text.ts';
export type { NoticeCatalog, NoticeTemplate, NoticeTemplateContext } from './notice-templates/catalog.ts';
export * from './notice-policy.ts';
