import type { ModuleRequestKind, ModuleRequestStage } from '../module-request-stages.ts';

/**
 * What a module-request template receives: names already in the customer's locale and times
 * already written in its time zone, so a template only chooses words.
 */
export interface StageChangeContext {
  /** The request's title, as the customer wrote it. */
  title: string;
  kind: ModuleRequestKind;
  /** The module concerned, in the customer's locale; undefined for an extension described only in text. */
  module?: string;
  /** The stage the request has just entered. */
  stage: ModuleRequestStage;
  /** Who moved it (a person's name). */
  by?: string;
  /** When, e.g. `Thứ Ba, 01/12/2026 10:00 (GMT+7)`. */
  at: string;
  /** The note on the step, in its author's words. */
  note?: string;
  /** SUBMITTED: modules the requested one needs and the customer lacks, in the customer's locale. */
  missingPrerequisites?: readonly string[];
  /** WARRANTY (or CLOSED): the version delivered (installed, or recorded on the extended module). */
  deliveredVersion?: string;
  /** WARRANTY: the end of the delivered module's warranty (new or extended), e.g. `01/12/2027`. */
  warrantyEndsOn?: string;
}

export interface ModuleRequestActivityText {
  title: string;
  body: string;
}

export interface ModuleRequestEmailText {
  subject: string;
  text: string;
}

/** One locale's texts for module requests: a name for every stage, enforced by the type. */
export interface ModuleRequestCatalog {
  stageNames: Readonly<Record<ModuleRequestStage, string>>;
  /** The in-app activity entry for a step. */
  stageChanged(context: StageChangeContext): ModuleRequestActivityText;
  /** The email to the customer's administrators about a step: the same news, as a letter. */
  stageChangedEmail(context: StageChangeContext): ModuleRequestEmailText;
}
