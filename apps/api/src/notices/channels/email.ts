import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locale, NoticeStage } from '@upgrade-desk/db';
import { NOTICE_STAGES } from '@upgrade-desk/domain';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { upgradeInvitation, type UpgradeInvitation } from '../../calendar/invitation.ts';
import type { Config } from '../../config.ts';
import type { UnsubscribeLinkMaker, UnsubscribeLinks } from '../../unsubscribe/token.ts';
import { groupBy, type ClaimedDelivery, type DeliveryChannel } from './channel.ts';
import { EMAIL_TEXTS } from './email-texts.ts';
import { emailDeliveryRows } from '@upgrade-desk/domain';

// The EMAIL channel: a notice as a real MIME message, sent over SMTP when SMTP_URL is set, or
// written as an RFC 822 .eml file to OUTBOX_DIR otherwise (the demo's "sent mail", openable in
// any mail client). Both go through nodemailer's composer, so headers such as a Vietnamese subject
// are encoded the same way (RFC 2047) in both.
//
// Who gets a notice by email:
// - every user of the customer who wants notices by email and is not disabled;
// - for a FIX ADVISORY, copies to the vendor staff assigned to the customer (implementation and
//   customer care route the advisory to the customer), unless disabled.
//
// A notice about a maintenance window carries the window as a calendar invitation (one event per
// upgrade, its SEQUENCE growing with each move, a CANCEL when called off), and a customer user's
// copy carries one-click unsubscribe links (RFC 8058) that turn off that user's notice emails.

export const emailChannel: DeliveryChannel = {
  channel: 'EMAIL',
  async recipients(db, notices) {
    const customerIds = [...new Set(notices.map((n) => n.customerId))];
    const advisoryCustomerIds = [...new Set(notices.filter((n) => n.stage === 'ADVISORY').map((n) => n.customerId))];
    const [users, staff] = await Promise.all([
      db.user.findMany({
        where: { customerId: { in: customerIds }, emailNotifications: true, disabledAt: null },
        select: { email: true, customerId: true },
        orderBy: [{ email: 'asc' }],
      }),
      advisoryCustomerIds.length === 0
        ? Promise.resolve([])
        : db.user.findMany({
            where: { disabledAt: null, customerAssignments: { some: { customerId: { in: advisoryCustomerIds } } } },
            select: {
              email: true,
              customerAssignments: { where: { customerId: { in: advisoryCustomerIds } }, select: { customerId: true } },
            },
            orderBy: [{ email: 'asc' }],
          }),
    ]);
    const emailsOf = groupBy(
      users,
      (u) => u.customerId ?? '',
      (u) => u.email,
    );
    const staffEmailsOf = new Map<string, string[]>();
    for (const member of staff) {
      for (const { customerId } of member.customerAssignments) {
        staffEmailsOf.set(customerId, [...(staffEmailsOf.get(customerId) ?? []), member.email]);
      }
    }
    return emailDeliveryRows(notices, { emailsOf, staffEmailsOf });
  },
  async send(delivery, { email, noticeEmail: settings }) {
    const unsubscribe =
      settings && delivery.recipientUserId ? await settings.unsubscribe.linksFor(delivery.recipientUserId) : null;
    await email.send(
      noticeEmail({
        deliveryId: delivery.id,
        noticeId: delivery.noticeId,
        recipient: delivery.recipient,
        locale: delivery.locale,
        title: delivery.title,
        body: delivery.body,
        invitation: WINDOW_STAGES.has(delivery.stage) ? invitationOf(delivery, settings?.from) : null,
        unsubscribe,
      }),
    );
  },
};

/**
 * The stages that tell of a window still to come, moved or called off: their emails carry it as a
 * calendar invitation. COMPLETED, FAILED and OVERRUN tell of a window that is over.
 */
const WINDOW_STAGES: ReadonlySet<NoticeStage> = new Set(
  NOTICE_STAGES.filter((stage) => stage !== 'COMPLETED' && stage !== 'FAILED' && stage !== 'OVERRUN'),
);

/** The invitation for the upgrade as it stands at sending time (a cancelled one: a CANCEL). */
function invitationOf(delivery: ClaimedDelivery, from: string | undefined): UpgradeInvitation {
  return upgradeInvitation(
    {
      id: delivery.upgradeId,
      title: delivery.upgradeTitle,
      summary: delivery.upgradeSummary,
      status: delivery.upgradeStatus,
      windowStart: delivery.windowStart,
      windowEnd: delivery.windowEnd,
      expectedDowntimeMinutes: delivery.expectedDowntimeMinutes,
      requiresRelogin: delivery.requiresRelogin,
      sequence: delivery.upgradeSequence,
      updatedAt: delivery.upgradeUpdatedAt,
      moduleNames: delivery.moduleNames,
    },
    { locale: delivery.locale, timeZone: delivery.customerTimeZone },
    { organizer: from === undefined ? undefined : senderMailbox(from), attendee: delivery.recipient },
  );
}

/** What notice emails need beyond a transport, built once from the configuration (../worker.ts). */
export interface NoticeEmailSettings {
  /** MAIL_FROM: the invitations' ORGANIZER. */
  from: string;
  unsubscribe: UnsubscribeLinkMaker;
}

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  /** A calendar invitation, sent as the message's text/calendar alternative (and as invite.ics). */
  calendar?: UpgradeInvitation;
  /**
   * A stable key for this message (the delivery id). It becomes the Message-ID
   * `<key@sender-domain>`: if a crash makes the worker send the same delivery twice, both copies
   * carry the same Message-ID, which mail systems and clients use to drop the duplicate.
   */
  idempotencyKey?: string;
}

export interface EmailTransport {
  /** Resolves once the message was accepted (by the SMTP server, or written); rejects otherwise. */
  send(message: EmailMessage): Promise<void>;
  close?(): void;
}

export interface NoticeEmailInput {
  deliveryId: string;
  noticeId: string;
  recipient: string;
  locale: Locale;
  /** Already rendered in the customer's locale and time zone by the notice templates. */
  title: string;
  body: string;
  /** The maintenance window as a calendar invitation, when the notice is about one. */
  invitation?: UpgradeInvitation | null;
  /** The recipient's own unsubscribe links, when the recipient chose to get notices by email. */
  unsubscribe?: UnsubscribeLinks | null;
}

/**
 * The email for one delivery of a notice: its title as the subject, its body, the locale's footer
 * (with the reader's unsubscribe link), and the window as a calendar invitation.
 */
export function noticeEmail(notice: NoticeEmailInput): EmailMessage {
  const texts = EMAIL_TEXTS[notice.locale];
  const footer: FooterLine[] = [
    ...texts.footer,
    ...(notice.unsubscribe ? [{ text: texts.unsubscribe, href: notice.unsubscribe.url }] : []),
  ];
  return {
    to: notice.recipient,
    subject: notice.title,
    // "-- " is the conventional signature separator: mail clients dim or fold what follows.
    text: `${notice.body}\n\n-- \n${footer.map(footerText).join('\n\n')}\n`,
    html: emailLayoutHtml({ heading: notice.title, body: notice.body, footer, locale: notice.locale }),
    headers: {
      'X-Upgrade-Desk-Delivery': notice.deliveryId,
      'X-Upgrade-Desk-Notice': notice.noticeId,
      // RFC 3834: an automatic message, so auto-responders (out-of-office) do not answer it.
      'Auto-Submitted': 'auto-generated',
      ...(notice.unsubscribe
        ? {
            'List-Unsubscribe': `<${notice.unsubscribe.url}>, <${notice.unsubscribe.mailto}>`,
            // RFC 8058: the provider may POST "List-Unsubscribe=One-Click" to the URL, no page in between.
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          }
        : {}),
    },
    ...(notice.invitation ? { calendar: notice.invitation } : {}),
    idempotencyKey: notice.deliveryId,
  };
}

/** The HTML of an email that is not a notice (escalations), in the notice emails' layout. */
export function messageEmailHtml(email: { subject: string; text: string; locale: Locale }): string {
  return emailLayoutHtml({
    heading: email.subject,
    body: email.text,
    footer: EMAIL_TEXTS[email.locale].messageFooter,
    locale: email.locale,
  });
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Paragraphs (blank-line separated) as <p>, single line breaks as <br>; everything escaped. */
function htmlParagraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .filter((block) => block.trim().length > 0)
    .map((block) => `<p>${block.split('\n').map(escapeHtml).join('<br>\n')}</p>`)
    .join('\n');
}

/** A footer paragraph: plain text, or a text followed by a link. */
export type FooterLine = string | { text: string; href: string };

function footerText(line: FooterLine): string {
  return typeof line === 'string' ? line : `${line.text} ${line.href}`;
}

function footerHtml(line: FooterLine): string {
  if (typeof line === 'string') return `<p>${escapeHtml(line)}</p>`;
  return `<p>${escapeHtml(line.text)} <a href="${escapeHtml(line.href)}" style="color: #334e68;">${escapeHtml(line.href)}</a></p>`;
}

export interface EmailLayout {
  heading: string;
  /** Plain text: paragraphs separated by blank lines. */
  body: string;
  footer?: readonly FooterLine[];
  locale: Locale;
  /** The document's title, when it is not the heading. */
  documentTitle?: string;
  /** Markup placed after the body, already safe (a form on the unsubscribe page). */
  extraHtml?: string;
}

/**
 * The one HTML layout of every email (and of the unsubscribe page): inline styles and system
 * fonts only, since mail clients drop style sheets and nothing may load from elsewhere.
 */
export function emailLayoutHtml(layout: EmailLayout): string {
  const footer = layout.footer ?? [];
  return [
    '<!doctype html>',
    `<html lang="${layout.locale === 'VI' ? 'vi' : 'en'}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width">',
    `<title>${escapeHtml(layout.documentTitle ?? layout.heading)}</title></head>`,
    '<body style="font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5; color: #1f2933;">',
    `<h1 style="font-size: 19px;">${escapeHtml(layout.heading)}</h1>`,
    htmlParagraphs(layout.body),
    ...(layout.extraHtml ? [layout.extraHtml] : []),
    ...(footer.length > 0
      ? [
          '<hr style="border: 0; border-top: 1px solid #d9e2ec;">',
          `<div style="font-size: 13px; color: #616e7c;">${footer.map(footerHtml).join('\n')}</div>`,
        ]
      : []),
    '</body>',
    '</html>',
  ].join('\n');
}

/** `Name <address>` or a bare address, as the parts a calendar ORGANIZER needs. */
export function senderMailbox(from: string): { name?: string; email: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^<>\s]+)>\s*$/.exec(from);
  if (!match) return { email: from.trim() };
  const name = match[1]!.trim();
  return name ? { name, email: match[2]! } : { email: match[2]! };
}

/** The domain of the sender's address, for Message-IDs (`<key@domain>`). */
export function senderDomain(from: string): string {
  const match = /@([^\s<>@]+?)>?\s*$/.exec(from);
  return match?.[1] ?? 'upgrade-desk.invalid';
}

function mailOptions(message: EmailMessage, from: string): Mail.Options {
  return {
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    ...(message.html !== undefined ? { html: message.html } : {}),
    ...(message.headers ? { headers: message.headers } : {}),
    ...(message.idempotencyKey ? { messageId: `<${message.idempotencyKey}@${senderDomain(from)}>` } : {}),
    // A multipart/alternative text/calendar part with the method in its content type (what Outlook
    // and Gmail look for), plus the same object attached as invite.ics for other clients.
    ...(message.calendar
      ? { icalEvent: { method: message.calendar.method, filename: 'invite.ics', content: message.calendar.content } }
      : {}),
  };
}

export interface SmtpTransportOptions {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://user:pass@host:465`. */
  url: string;
  from: string;
}

/** Sends over SMTP, one connection per message (notices come in bursts of tens, not thousands). */
export function createSmtpTransport(options: SmtpTransportOptions): EmailTransport {
  const transporter = nodemailer.createTransport({
    url: options.url,
    // nodemailer waits minutes by default; a worker holding a lease (../sender.ts) cannot.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(message) {
      await transporter.sendMail(mailOptions(message, options.from));
    },
    close: () => transporter.close(),
  };
}

export interface OutboxTransportOptions {
  /** Created when missing. */
  dir: string;
  from: string;
}

/**
 * Writes each message as `<time>-<key>.eml` in `dir`: a complete RFC 822 message (CRLF line ends),
 * for development and the demo when no SMTP server is configured. Written to a temporary name and
 * renamed, so a reader never sees half a message.
 */
export function createOutboxTransport(options: OutboxTransportOptions): EmailTransport {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    async send(message) {
      const info = await composer.sendMail(mailOptions(message, options.from));
      const stamp = new Date().toISOString().replace(/[-:.]/g, '');
      const name = `${stamp}-${(message.idempotencyKey ?? randomUUID()).replace(/[^\w.-]/g, '_')}.eml`;
      await mkdir(options.dir, { recursive: true });
      const file = path.join(options.dir, name);
      const partial = `${file}.${process.pid}.partial`;
      await writeFile(partial, info.message);
      await rename(partial, file);
    },
  };
}

/** SMTP when SMTP_URL is set, the .eml outbox otherwise. */
export function createEmailTransport(
  config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM' | 'OUTBOX_DIR'>,
): EmailTransport & { kind: 'smtp' | 'outbox' } {
  return config.SMTP_URL
    ? { kind: 'smtp', ...createSmtpTransport({ url: config.SMTP_URL, from: config.MAIL_FROM }) }
    : { kind: 'outbox', ...createOutboxTransport({ dir: config.OUTBOX_DIR, from: config.MAIL_FROM }) };
}
