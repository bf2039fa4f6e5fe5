import type { UpgradeKind } from '../enums.ts';
import { lines, paragraphs, type NoticeCatalog, type NoticeTemplateContext } from './catalog.ts';

// English notice templates, for customers whose locale is EN (mostly foreign-owned companies).

const KIND_PHRASE: Readonly<Record<UpgradeKind, string>> = {
  FEATURE: 'feature upgrade',
  FIX: 'fix update',
  SERVER: 'server maintenance',
};

const GREETING = 'Dear Customer,';
const SIGN_OFF = 'Kind regards,\nCustomer Care team';
const TEAM_ROLE = { IMPLEMENTATION: 'Implementation', CUSTOMER_CARE: 'Customer care' } as const;

/** The closing block of every notice: the vendor's contact, then the customer's account team. */
function contact(c: NoticeTemplateContext): string | undefined {
  if (!c.contact) return undefined;
  const { vendor, accountTeam } = c.contact;
  return lines(
    'If you need help, please contact:',
    lines(`${vendor.name}`, vendor.email && `Email: ${vendor.email}`, vendor.phone && `Phone: ${vendor.phone}`),
    accountTeam.length > 0 &&
      `Your account team: ${accountTeam.map((m) => `${m.name} – ${TEAM_ROLE[m.role]}`).join('; ')}`,
  );
}

/** The sentence about working hours, only when the window really lies outside them for this customer. */
function outsideWorkingHours(c: NoticeTemplateContext): string | undefined {
  return c.outsideWorkingHours
    ? 'The window is outside business hours to keep the impact on your work to a minimum.'
    : undefined;
}

/** FIX: the customer's own modules the fix is for, with the versions it runs. */
function customerModules(c: NoticeTemplateContext): string | undefined {
  if (!c.customerModules?.length) return undefined;
  const list = c.customerModules.map((m) => `${m.name} (your version: ${m.version})`).join(', ');
  return lines(
    `This fix is for your modules: ${list}.`,
    c.targetVersion && `Version after the update: ${c.targetVersion}.`,
  );
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

function duration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return plural(rest, 'minute');
  return rest === 0 ? plural(hours, 'hour') : `${plural(hours, 'hour')} ${plural(rest, 'minute')}`;
}

function downtime(c: NoticeTemplateContext): string {
  return c.expectedDowntimeMinutes > 0
    ? `Expected downtime: about ${duration(c.expectedDowntimeMinutes)}.`
    : 'Expected downtime: negligible; you can keep using the software.';
}

function modules(c: NoticeTemplateContext): string | undefined {
  return c.modules.length > 0 ? `Modules concerned: ${c.modules.join(', ')}.` : undefined;
}

function relogin(c: NoticeTemplateContext): string | undefined {
  return c.requiresRelogin ? 'Users will need to sign in again after the upgrade.' : undefined;
}

function details(c: NoticeTemplateContext): string {
  return lines(`Window: ${c.window}`, modules(c), downtime(c), relogin(c));
}

/** The upgrade's own words: its summary and what changes for the users. */
function about(c: NoticeTemplateContext): string | undefined {
  return lines(c.summary, c.changes && `What changes:\n${c.changes}`) || undefined;
}

function acknowledgement(c: NoticeTemplateContext): string | undefined {
  return c.acknowledgeBy ? `Please acknowledge this notice by ${c.acknowledgeBy}.` : undefined;
}

function reason(c: NoticeTemplateContext): string | undefined {
  return c.reason ? `Reason: ${c.reason}` : undefined;
}

export const en: NoticeCatalog = {
  ANNOUNCEMENT: (c) => ({
    title: `${c.stageName}: ${c.title}`,
    body: paragraphs(
      GREETING,
      `We are planning the ${KIND_PHRASE[c.kind]} “${c.title}” on your system.`,
      details(c),
      about(c),
      c.kind === 'FEATURE' &&
        ['The new version is tested in a sandbox environment before it goes to production.', outsideWorkingHours(c)]
          .filter(Boolean)
          .join(' '),
      'If this time clashes with your month-end closing, payroll, tax filing or other critical work, please let us know early so that we can reschedule.',
      acknowledgement(c),
      SIGN_OFF,
      contact(c),
    ),
  }),

  REMINDER: (c) => ({
    title: `${c.stageName}: ${c.title}`,
    body: paragraphs(
      GREETING,
      `A reminder that the ${KIND_PHRASE[c.kind]} “${c.title}” takes place as scheduled below.`,
      details(c),
      about(c),
      'To prepare, please tell the users concerned and have them finish and save any documents in progress before the upgrade starts.',
      acknowledgement(c),
      SIGN_OFF,
      contact(c),
    ),
  }),

  FINAL_REMINDER: (c) =>
    c.kind === 'SERVER'
      ? {
          title: `${c.stageName}: ${c.title}`,
          body: paragraphs(
            GREETING,
            `Your system will be unavailable during the ${KIND_PHRASE[c.kind]} “${c.title}”. You will not be able to use the software during this time.`,
            details(c),
            about(c),
            'Please save your work and sign out before the maintenance starts. If this time affects critical work at your company, please reply at once so that we can review it.',
            acknowledgement(c),
            SIGN_OFF,
            contact(c),
          ),
        }
      : {
          title: `${c.stageName}: ${c.title}`,
          body: paragraphs(
            GREETING,
            `The ${KIND_PHRASE[c.kind]} “${c.title}” starts at ${c.start}.`,
            details(c),
            about(c),
            'Please save your work and sign out of the software before the upgrade starts.',
            acknowledgement(c),
            SIGN_OFF,
            contact(c),
          ),
        },

  IMMINENT: (c) => ({
    title: `${c.stageName}: ${c.title}`,
    body: paragraphs(
      GREETING,
      lines(
        `The ${KIND_PHRASE[c.kind]} “${c.title}” starts at ${c.start}.`,
        c.expectedDowntimeMinutes > 0 && `The system is expected to be back by ${c.end} at the latest.`,
      ),
      lines(modules(c), downtime(c), relogin(c)),
      'Please save your work now and sign out of the software.',
      acknowledgement(c),
      SIGN_OFF,
      contact(c),
    ),
  }),

  OVERRUN: (c) => ({
    title: `${c.stageName}: ${c.title}`,
    body: paragraphs(
      GREETING,
      `The ${KIND_PHRASE[c.kind]} “${c.title}” has not finished within the announced window (planned to end at ${c.end}) and is still in progress.`,
      lines(`Announced window: ${c.window}`, modules(c)),
      'Our engineers are working to finish it and will let you know as soon as the system is available again. We apologise for the inconvenience.',
      SIGN_OFF,
      contact(c),
    ),
  }),

  ADVISORY: (c) => ({
    title: `${c.stageName}: ${c.title}`,
    body: paragraphs(
      GREETING,
      `The ${KIND_PHRASE[c.kind]} “${c.title}” will be applied to your system.`,
      details(c),
      about(c),
      customerModules(c),
      c.kind === 'FIX' && 'This update does not change how the software is used.',
      'The implementation consultant and the Customer Care staff assigned to your company have been briefed and are ready to help.',
      acknowledgement(c),
      SIGN_OFF,
      contact(c),
    ),
  }),

  RESCHEDULED: (c) => ({
    title: `${c.stageName}: ${c.title}`,
    body: paragraphs(
      GREETING,
      `The ${KIND_PHRASE[c.kind]} “${c.title}” has been rescheduled.`,
      lines(c.previousWindow && `Previous window: ${c.previousWindow}`, `New window: ${c.window}`, reason(c)),
      lines(modules(c), downtime(c), relogin(c)),
      'We apologise for any inconvenience this change may cause.',
      acknowledgement(c),
      SIGN_OFF,
      contact(c),
    ),
  }),

  CANCELLED: (c) => ({
    title: `${c.stageName}: ${c.title}`,
    body: paragraphs(
      GREETING,
      `The ${KIND_PHRASE[c.kind]} “${c.title}” planned for ${c.window} has been cancelled.`,
      reason(c),
      'Your system keeps running as usual; there will be no interruption at that time. We will let you know when a new date is set.',
      acknowledgement(c),
      SIGN_OFF,
      contact(c),
    ),
  }),

  COMPLETED: (c) => ({
    title: `${c.stageName}: ${c.title}`,
    body: paragraphs(
      GREETING,
      `The ${KIND_PHRASE[c.kind]} “${c.title}” has been completed successfully. The system is ready to use.`,
      lines(`Window: ${c.window}`, c.modules.length > 0 && `Modules updated: ${c.modules.join(', ')}.`),
      about(c),
      c.requiresRelogin && 'Please sign in again to use the new version.',
      'If you notice anything unusual, please contact us.',
      acknowledgement(c),
      SIGN_OFF,
      contact(c),
    ),
  }),

  FAILED: (c) => ({
    title: `${c.stageName}: ${c.title}`,
    body: paragraphs(
      GREETING,
      `The ${KIND_PHRASE[c.kind]} “${c.title}” could not be completed.`,
      lines(`Window: ${c.window}`, modules(c), reason(c)),
      'Our engineers are working on it and will inform you of the next steps and a new date as soon as possible. We apologise for the inconvenience.',
      acknowledgement(c),
      SIGN_OFF,
      contact(c),
    ),
  }),
};
