import type { StaffAlertKind } from '../staff-alert-kinds.ts';

/** What a staff-alert template receives: names already in the reader's locale, times already written. */
export interface StaffAlertContext {
  /** The customer's name and code, e.g. `Công ty Nước sạch Hà Nội (HANOI-WATER)`. */
  customer: string;
  /** The module request's title, the upgrade's title or the notice's title, as written. */
  subject: string;
  /** Who did it (a person's name), when a person did. */
  by?: string;
  /** MODULE_REQUEST_CREATED: new module or extension, in the reader's words, with the module's name. */
  request?: string;
  /** MODULE_REQUEST_CREATED: required modules the customer lacks. */
  missingPrerequisites?: readonly string[];
  /** CUSTOMER_COMMENT: the comment; COUNTER_PROPOSAL: the customer's reason; DELIVERY_FAILED: the last error. */
  text?: string;
  /** COUNTER_PROPOSAL: the window the customer proposes; ACKNOWLEDGEMENT_OVERDUE: the deadline. */
  when?: string;
  /** DELIVERY_FAILED: the channel and recipient, e.g. `email to ketoan@hawaco.example`. */
  channel?: string;
  /** DELIVERY_FAILED: how many attempts were made. */
  attempts?: number;
}

export interface StaffAlertText {
  /** The inbox entry's title (also the email's subject, after a tag). */
  title: string;
  body: string;
}

/** One locale's staff-alert texts: one per kind, enforced by the type. */
export interface StaffAlertCatalog {
  alert: Readonly<Record<StaffAlertKind, (context: StaffAlertContext) => StaffAlertText>>;
  /** Channel words for DELIVERY_FAILED. */
  channel(channel: 'EMAIL' | 'WEBHOOK' | 'IN_APP', recipient: string): string;
  /** The email around an alert: subject tag, greeting, closing line. */
  emailSubject(title: string): string;
  emailText(body: string): string;
}
