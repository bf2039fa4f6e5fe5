export * from './enums.ts';
export * from './time-zone.ts';
export * from './notice-text.ts';
export * from './notice-stage-names.ts';
export type { NoticeCatalog, NoticeTemplate, NoticeTemplateContext } from './notice-templates/catalog.ts';
export * from './notice-policy.ts';
export * from './notice-rows.ts';
export * from './notice-policy-change.ts';
export * from './notice-deliveries.ts';
export * from './module-request-stages.ts';
export * from './module-request-input.ts';
export * from './module-request-text.ts';
export type {
  ModuleRequestCatalog,
  ModuleRequestEmailText,
  ModuleRequestActivityText,
  StageChangeContext,
} from './module-request-templates/catalog.ts';
export * from './warranty.ts';
export * from './upgrade-status.ts';
export * from './module-version.ts';
export * from './module-categories.ts';
export * from './one-time-link.ts';
export * from './role-titles.ts';
export * from './customer-input.ts';
export * from './staff-alert-kinds.ts';
export * from './staff-alert-text.ts';
export type { StaffAlertCatalog, StaffAlertContext, StaffAlertText } from './staff-alert-templates/catalog.ts';
export * from './upgrade-content.ts';
export * from './target-warnings.ts';
export * from './follow-up.ts';
export * from './acknowledgement-standing.ts';
export * from './upgrade-target-versions.ts';
