// Notice emails as a customer's mail client sees them: parsed with a real MIME parser (mailparser),
// their calendar parts with a real iCalendar parser (ical.js). A FEATURE upgrade is announced, moved
// and cancelled through the API; each email's invitation must be the same event (one UID, the
// SEQUENCE growing), the same as in the customer's calendar feed. Then the one-click unsubscribe
// link is followed the way a mail provider and a person do.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../apps/api/src/config.ts';
import { createOutboxTransport } from '../../apps/api/src/notices/channels/email.ts';
import { EMAIL_TEXTS } from '../../apps/api/src/notices/channels/email-texts.ts';
import type { WebhookSender } from '../../apps/api/src/notices/channels/webhook.ts';
import { dispatchDue } from '../../apps/api/src/notices/dispatcher.ts';
import { escalateOverdue } from '../../apps/api/src/notices/escalation.ts';
import { deliverDue, sendQueuedEmails } from '../../apps/api/src/notices/sender.ts';
import { createUnsubscribeLinkMaker } from '../../apps/api/src/unsubscribe/token.ts';
import { UNSUBSCRIBE_TEXTS } from '../../apps/api/src/unsubscribe/texts.ts';
import { ACCOUNTS, NOW, startTestApi, type TestApi } from './harness.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const FROM = 'Upgrade Desk <no-reply@upgrade-desk.example>';
const TITLE = 'Phân hệ Hóa đơn điện tử mới';

let api: TestApi;
let outbox: string;
let engineer: string;
let hanoi: { id: string; moduleId: string };
let upgradeId: string;
/** The emails sent so far, parsed, in sending order. */
const mails: ParsedMail[] = [];

const noWebhook: WebhookSender = { send: async () => undefined };
const hanoiEvening = (days: number) => new Date(Date.UTC(2026, 11, 1 + days, 12, 0));
const iso = (d: Date) => d.toISOString();

/** Publishes what is due and sends it as the worker would (the .eml outbox, with the configured links). */
async function dispatchAndSend(now = NOW): Promise<ParsedMail[]> {
  const config = loadConfig({ NODE_ENV: 'test', MAIL_FROM: FROM });
  const email = createOutboxTransport({ dir: outbox, from: FROM });
  const noticeEmail = { from: FROM, unsubscribe: createUnsubscribeLinkMaker({ config, prisma: api.db.prisma }) };
  await dispatchDue({ prisma: api.db.prisma, now });
  // The seed's own pending deliveries go out too; the whole outbox is re-read and the new files parsed.
  for (;;) {
    const { claimed } = await deliverDue({ prisma: api.db.prisma, email, webhook: noWebhook, noticeEmail, now });
    const queued = await sendQueuedEmails({ prisma: api.db.prisma, email, webhook: noWebhook, now });
    if (claimed === 0 && queued.claimed === 0) break;
  }
  const files = (await readdir(outbox)).filter((f) => f.endsWith('.eml')).sort();
  const fresh = files.slice(mails.length);
  for (const file of fresh) mails.push(await simpleParser(await readFile(path.join(outbox, file))));
  return mails.slice(mails.length - fresh.length);
}

/** The emails of this test's upgrade to one recipient. */
const mailsTo = (batch: ParsedMail[], to: string) =>
  batch.filter((m) => m.headers.get('x-upgrade-desk-notice') && addressOf(m) === to && m.subject?.includes(TITLE));
const addressOf = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address;

/** A raw header's value as the message carries it (unfolded). */
function rawHeader(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line;
  return line
    ?.slice(line.indexOf(':') + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();
}

interface Invitation {
  method: string;
  timeZone: string;
  uid: string;
  sequence: number;
  start: Date;
  end: Date;
  startIsUtc: boolean;
  status: string;
  organizer: string;
  attendee: string;
  description: string;
}

/** The message's text/calendar part, parsed by ical.js; the part's own method parameter must agree. */
function invitationOf(mail: ParsedMail): Invitation {
  const parts = mail.attachments.filter((a) => a.contentType === 'text/calendar');
  expect(parts.length).toBeGreaterThan(0);
  const text = parts[0]!.content.toString('utf8');
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  const events = calendar.getAllSubcomponents('vevent');
  expect(events).toHaveLength(1);
  const vevent = events[0]!;
  const event = new ICAL.Event(vevent);
  const method = String(calendar.getFirstPropertyValue('method'));
  const partType = parts[0]!.headers.get('content-type') as { params?: Record<string, string> } | undefined;
  expect(partType?.params?.method?.toUpperCase()).toBe(method);
  return {
    method,
    timeZone: String(calendar.getFirstPropertyValue('x-wr-timezone')),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate(),
    end: event.endDate.toJSDate(),
    startIsUtc: event.startDate.zone?.tzid === 'UTC',
    status: String(vevent.getFirstPropertyValue('status')),
    // The scheme of a calendar address is case-insensitive (ical-generator writes MAILTO: for attendees).
    organizer: String(vevent.getFirstPropertyValue('organizer')).replace(/^mailto:/i, 'mailto:'),
    attendee: String(vevent.getFirstPropertyValue('attendee')).replace(/^mailto:/i, 'mailto:'),
    description: event.description,
  };
}

/** Schedules a FEATURE upgrade of HANOI's first module as the engineer; its global id. */
async function scheduleFeature(title: string, start: Date, length: number): Promise<string> {
  const { data, errors } = await api.gql(
    `mutation ($input: UpgradeScheduleInput!) { upgradeSchedule(input: $input) { upgrade { id } userErrors { code } } }`,
    {
      input: {
        kind: 'FEATURE',
        title,
        summary: 'Mẫu hóa đơn mới và ký số từ xa.',
        moduleIds: [hanoi.moduleId],
        customerIds: [hanoi.id],
        windowStart: iso(start),
        windowEnd: iso(new Date(start.getTime() + length)),
        expectedDowntimeMinutes: 15,
        sandboxStart: iso(new Date(NOW.getTime() + DAY)),
      },
    },
    { token: engineer },
  );
  expect(errors).toBeUndefined();
  expect(data.upgradeSchedule.userErrors).toEqual([]);
  return data.upgradeSchedule.upgrade.id;
}

async function emailNotifications(email: string): Promise<boolean> {
  const { data, errors } = await api.gql('{ viewer { emailNotifications } }', {}, { token: await api.login(email) });
  expect(errors).toBeUndefined();
  return data.viewer.emailNotifications;
}

beforeAll(async () => {
  api = await startTestApi();
  outbox = await mkdtemp(path.join(tmpdir(), 'upgrade-desk-invitations-'));
  engineer = await api.login(ACCOUNTS.engineer);
  const { data } = await api.gql(
    '{ viewer { customer { id installedModules(first: 1) { edges { node { module { id } } } } } } }',
    {},
    { token: await api.login(ACCOUNTS.hanoiUser) },
  );
  hanoi = { id: data.viewer.customer.id, moduleId: data.viewer.customer.installedModules.edges[0].node.module.id };
  await dispatchAndSend(); // whatever the seed left due, out of the way
});
afterAll(async () => {
  await api.close();
  await rm(outbox, { recursive: true, force: true });
});

describe('a FEATURE upgrade in the customers’ calendars', () => {
  const invitations: Invitation[] = [];

  it('is announced with a calendar REQUEST: UTC times, the customer’s zone named, the reader as attendee', async () => {
    const start = hanoiEvening(15);
    const id = await scheduleFeature(TITLE, start, 2 * HOUR);
    upgradeId = Buffer.from(id, 'base64').toString('utf8').split(':')[1]!;

    const sent = mailsTo(await dispatchAndSend(), ACCOUNTS.hanoiUser);
    expect(sent).toHaveLength(1);
    const mail = sent[0]!;
    expect(mail.text).toContain(EMAIL_TEXTS.VI.footer[0]);
    const invitation = invitationOf(mail);
    expect(invitation).toMatchObject({
      method: 'REQUEST',
      timeZone: 'Asia/Ho_Chi_Minh',
      uid: `upgrade-${upgradeId}@upgrade-desk`,
      status: 'CONFIRMED',
      startIsUtc: true,
      organizer: 'mailto:no-reply@upgrade-desk.example',
      attendee: `mailto:${ACCOUNTS.hanoiUser}`,
    });
    expect(invitation.start).toEqual(start);
    expect(invitation.end).toEqual(new Date(start.getTime() + 2 * HOUR));
    // The local time, as the customer reads it, is in the description.
    expect(invitation.description).toContain('19:00');
    expect(invitation.description).toContain('GMT+7');
    invitations.push(invitation);
  });

  it('moves the same event (same UID, higher SEQUENCE) when the window is rescheduled', async () => {
    const start = hanoiEvening(18);
    const { data } = await api.gql(
      'mutation ($input: UpgradeRescheduleInput!) { upgradeReschedule(input: $input) { userErrors { code } } }',
      {
        input: {
          id: Buffer.from(`Upgrade:${upgradeId}`).toString('base64'),
          windowStart: iso(start),
          windowEnd: iso(new Date(start.getTime() + HOUR)),
          reason: 'Khách hàng đề nghị lùi lịch',
        },
      },
      { token: engineer },
    );
    expect(data.upgradeReschedule.userErrors).toEqual([]);

    const sent = mailsTo(await dispatchAndSend(), ACCOUNTS.hanoiUser);
    expect(sent).toHaveLength(1);
    const invitation = invitationOf(sent[0]!);
    expect(invitation.method).toBe('REQUEST');
    expect(invitation.uid).toBe(invitations[0]!.uid);
    expect(invitation.sequence).toBeGreaterThan(invitations[0]!.sequence);
    expect(invitation.start).toEqual(start);
    invitations.push(invitation);
  });

  it('removes it with a CANCEL of the same UID and a higher SEQUENCE when the upgrade is cancelled', async () => {
    const { data } = await api.gql(
      'mutation ($input: UpgradeTransitionInput!) { upgradeTransition(input: $input) { upgrade { status } userErrors { code } } }',
      {
        input: {
          id: Buffer.from(`Upgrade:${upgradeId}`).toString('base64'),
          to: 'CANCELLED',
          note: 'Hoãn vô thời hạn',
        },
      },
      { token: engineer },
    );
    expect(data.upgradeTransition).toEqual({ upgrade: { status: 'CANCELLED' }, userErrors: [] });

    const sent = mailsTo(await dispatchAndSend(), ACCOUNTS.hanoiUser);
    expect(sent).toHaveLength(1);
    const invitation = invitationOf(sent[0]!);
    expect(invitation).toMatchObject({ method: 'CANCEL', status: 'CANCELLED', uid: invitations[0]!.uid });
    expect(invitation.sequence).toBeGreaterThan(invitations[1]!.sequence);
    invitations.push(invitation);
  });

  it('is the very event of the customer’s subscribed calendar feed', async () => {
    const { data } = await api.gql(
      '{ viewer { customer { calendarUrl } } }',
      {},
      { token: await api.login(ACCOUNTS.hanoiUser) },
    );
    const feed = await (await api.fetch(new URL(data.viewer.customer.calendarUrl).pathname)).text();
    const vevent = new ICAL.Component(ICAL.parse(feed) as unknown[])
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v))
      .find((e) => e.uid === invitations[0]!.uid);
    expect(vevent).toBeDefined();
    expect(vevent!.sequence).toBe(invitations.at(-1)!.sequence);
    expect(vevent!.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });
});

describe('one-click unsubscribe', () => {
  let url: string;

  it('is offered in every customer user’s notice email: List-Unsubscribe (https and mailto) and List-Unsubscribe-Post', () => {
    const announcement = mailsTo(mails, ACCOUNTS.hanoiUser)[0]!;
    const header = rawHeader(announcement, 'List-Unsubscribe')!;
    const links = [...header.matchAll(/<([^>]+)>/g)].map((m) => m[1]!);
    expect(links).toHaveLength(2);
    url = links.find((l) => l.startsWith('http'))!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:4000\/unsubscribe\/[0-9a-f-]{36}\.[\w-]{43}$/);
    expect(links.find((l) => l.startsWith('mailto:'))).toMatch(/^mailto:unsubscribe@upgrade-desk\.example\?subject=/);
    expect(rawHeader(announcement, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    // Each reader gets a link of their own.
    const adminMail = mailsTo(mails, ACCOUNTS.hanoiAdmin)[0]!;
    expect(rawHeader(adminMail, 'List-Unsubscribe')).not.toContain(new URL(url).pathname);
    // And the footer says where to go.
    expect(announcement.text).toContain(`${EMAIL_TEXTS.VI.unsubscribe} ${url}`);
    expect(announcement.html).toContain(`href="${url}"`);
  });

  it('shows a page in the user’s language on GET, and changes nothing', async () => {
    const response = await api.fetch(new URL(url).pathname);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await response.text();
    expect(page).toContain('<html lang="vi">');
    expect(page).toContain(UNSUBSCRIBE_TEXTS.VI.on.heading);
    expect(page).toContain('<form method="post"');
    expect(page).not.toMatch(/<script|<link|https?:\/\/(?!127\.0\.0\.1)/);
    expect(await emailNotifications(ACCOUNTS.hanoiUser)).toBe(true);
  });

  it('turns that user’s notice emails off on the one-click POST (RFC 8058), and only theirs', async () => {
    const response = await api.fetch(new URL(url).pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(UNSUBSCRIBE_TEXTS.VI.off.heading);
    expect(await emailNotifications(ACCOUNTS.hanoiUser)).toBe(false);
    expect(await emailNotifications(ACCOUNTS.hanoiAdmin)).toBe(true);
    const audit = await api.db.prisma.auditLog.findFirst({ where: { action: 'user.emailNotifications' } });
    expect(audit?.data).toMatchObject({ emailNotifications: false, via: 'unsubscribe-link' });

    // The GET page now offers the way back.
    const page = await (await api.fetch(new URL(url).pathname)).text();
    expect(page).toContain(UNSUBSCRIBE_TEXTS.VI.off.button);
    expect(page).toContain(UNSUBSCRIBE_TEXTS.VI.stillReached);
  });

  it('leaves notices that need an acknowledgement reaching the customer: other users by email, everyone in the portal', async () => {
    const start = hanoiEvening(16);
    await scheduleFeature(`${TITLE} (đợt 2)`, start, HOUR);
    const sent = await dispatchAndSend();
    expect(mailsTo(sent, ACCOUNTS.hanoiUser).filter((m) => m.subject?.includes('đợt 2'))).toEqual([]);
    expect(mailsTo(sent, ACCOUNTS.hanoiAdmin).filter((m) => m.subject?.includes('đợt 2'))).toHaveLength(1);
    const inbox = await api.gql(
      '{ notices(first: 100) { edges { node { title requiresAcknowledgement } } } }',
      {},
      { token: await api.login(ACCOUNTS.hanoiUser) },
    );
    expect(
      inbox.data.notices.edges.some(
        (e: { node: { title: string; requiresAcknowledgement: boolean } }) =>
          e.node.title.includes('đợt 2') && e.node.requiresAcknowledgement,
      ),
    ).toBe(true);
  });

  it('turns them back on from the page’s button', async () => {
    const response = await api.fetch(new URL(url).pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'resubscribe=yes',
    });
    expect(await response.text()).toContain(UNSUBSCRIBE_TEXTS.VI.on.heading);
    expect(await emailNotifications(ACCOUNTS.hanoiUser)).toBe(true);
  });

  it('answers a forged, altered or borrowed token with a bare 404, and changes nothing', async () => {
    const { pathname } = new URL(url);
    const [userId, signature] = pathname.slice('/unsubscribe/'.length).split('.') as [string, string];
    const admin = await api.db.prisma.user.findUniqueOrThrow({ where: { email: ACCOUNTS.hanoiAdmin } });
    const flipped = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1);
    for (const bad of [
      `/unsubscribe/${userId}.${flipped}`,
      `/unsubscribe/${admin.id}.${signature}`,
      `/unsubscribe/${userId}`,
      `/unsubscribe/${userId}.${signature}/x`,
    ]) {
      const response = await api.fetch(bad, { method: 'POST', body: 'List-Unsubscribe=One-Click' });
      expect(response.status, bad).toBe(404);
      expect(await response.text()).toBe('Not found\n');
    }
    expect(await emailNotifications(ACCOUNTS.hanoiAdmin)).toBe(true);
    expect((await api.fetch(pathname, { method: 'DELETE' })).status).toBe(405);
  });
});

describe('escalation emails to staff', () => {
  it('have the same HTML layout as the customers’ notice emails', async () => {
    const notice = mailsTo(mails, ACCOUNTS.hanoiUser)[0]!;
    // Past every acknowledgement deadline: the unacknowledged announcements are escalated.
    const later = new Date(NOW.getTime() + 30 * DAY);
    expect(await escalateOverdue({ prisma: api.db.prisma, now: later })).toBeGreaterThan(0);
    const escalations = (await dispatchAndSend(later)).filter(
      (m) => m.headers.get('x-upgrade-desk-email') && m.subject?.includes(TITLE),
    );
    expect(escalations.length).toBeGreaterThan(0);
    const html = escalations[0]!.html as string;
    const layout = (h: string) => h.split('\n').filter((line) => /^<(!doctype|html|head|body|hr)/.test(line));
    expect(layout(html)).toEqual(layout(notice.html as string));
    expect(html).toContain(`<h1 style="font-size: 19px;">${escalations[0]!.subject}</h1>`);
    expect([EMAIL_TEXTS.VI, EMAIL_TEXTS.EN].some((texts) => html.includes(texts.messageFooter[0]!))).toBe(true);
  });
});
