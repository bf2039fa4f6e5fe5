// What a customer's account team is told, rendered for one staff member: in their locale, with
// times in the vendor's time zone. Facts in, words out; no clock, no I/O.
import type { Locale } from './enums.ts';
import type { ModuleRequestKind } from './module-request-stages.ts';
import { VENDOR_TIME_ZONE, type StaffAlertKind } from './staff-alert-kinds.ts';
import type { StaffAlertCatalog, StaffAlertContext, StaffAlertText } from './staff-alert-templates/catalog.ts';
import { en } from './staff-alert-templates/en.ts';
import { vi } from './staff-alert-templates/vi.ts';
import { formatLocalDateTime } from './time-zone.ts';

export const STAFF_ALERT_CATALOGS: Readonly<Record<Locale, StaffAlertCatalog>> = { VI: vi, EN: en };

/** A name in both languages (a module's, from the bilingual catalog). */
export interface BilingualName {
  nameVi: string;
  nameEn: string;
}

/** What happened, as the service that raises the alert knows it. */
export type StaffAlertEvent = {
  /** Who did it, when a person did. */
  by?: string | null;
} & (
  | {
      kind: 'MODULE_REQUEST_CREATED';
      title: string;
      requestKind: ModuleRequestKind;
      module?: BilingualName | null;
      missingPrerequisites?: readonly BilingualName[];
    }
  | { kind: 'CUSTOMER_COMMENT'; title: string; comment: string }
  | { kind: 'COUNTER_PROPOSAL'; upgradeTitle: string; proposedStart: Date; proposedEnd: Date; reason?: string | null }
  | { kind: 'ACKNOWLEDGEMENT_OVERDUE'; noticeTitle: string; acknowledgeBy: Date }
  | {
      kind: 'DELIVERY_FAILED';
      noticeTitle: string;
      channel: 'EMAIL' | 'WEBHOOK' | 'IN_APP';
      recipient: string;
      attempts: number;
      lastError?: string | null;
    }
);

/** The facts of an alert: what happened, and to which customer. */
export type StaffAlertFacts = StaffAlertEvent & { customer: { name: string; code: string } };

export interface RenderedStaffAlert extends StaffAlertText {
  email: { subject: string; text: string };
}

const REQUEST_WORDS: Readonly<Record<Locale, Readonly<Record<ModuleRequestKind, string>>>> = {
  VI: { NEW_MODULE: 'đăng ký bổ sung phân hệ', EXTENSION: 'mở rộng phân hệ' },
  EN: { NEW_MODULE: 'a new module', EXTENSION: 'an extension' },
};

function context(facts: StaffAlertFacts, locale: Locale): StaffAlertContext {
  const name = (n: BilingualName) => (locale === 'EN' ? n.nameEn : n.nameVi);
  const when = (d: Date) => formatLocalDateTime(d, VENDOR_TIME_ZONE, locale);
  const base = { customer: `${facts.customer.name} (${facts.customer.code})`, by: facts.by ?? undefined };
  switch (facts.kind) {
    case 'MODULE_REQUEST_CREATED':
      return {
        ...base,
        subject: facts.title,
        request: [REQUEST_WORDS[locale][facts.requestKind], facts.module ? name(facts.module) : '']
          .filter(Boolean)
          .join(' '),
        missingPrerequisites: facts.missingPrerequisites?.map(name),
      };
    case 'CUSTOMER_COMMENT':
      return { ...base, subject: facts.title, text: facts.comment };
    case 'COUNTER_PROPOSAL':
      return {
        ...base,
        subject: facts.upgradeTitle,
        when: `${when(facts.proposedStart)} – ${when(facts.proposedEnd)}`,
        text: facts.reason ?? undefined,
      };
    case 'ACKNOWLEDGEMENT_OVERDUE':
      return { ...base, subject: facts.noticeTitle, when: when(facts.acknowledgeBy) };
    case 'DELIVERY_FAILED':
      return {
        ...base,
        subject: facts.noticeTitle,
        channel: STAFF_ALERT_CATALOGS[locale].channel(facts.channel, facts.recipient),
        attempts: facts.attempts,
        text: facts.lastError ?? undefined,
      };
  }
}

/** The inbox entry and the email for one staff member reading in `locale`. */
export function renderStaffAlert(facts: StaffAlertFacts, locale: Locale): RenderedStaffAlert {
  const catalog = STAFF_ALERT_CATALOGS[locale];
  const kind: StaffAlertKind = facts.kind;
  const text = catalog.alert[kind](context(facts, locale));
  return { ...text, email: { subject: catalog.emailSubject(text.title), text: catalog.emailText(text.body) } };
}
