// The EMAIL and WEBHOOK channels end to end: the delivery plan, the retry worker against a real SMTP
// listener, the .eml outbox, a real HTTP receiver that checks signatures, backoff until abandoned,
// and two workers at once (on PostgreSQL: two connection pools, as two API processes would have).
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createEmailTransport,
  createOutboxTransport,
  createSmtpTransport,
  type EmailMessage,
  type EmailTransport,
} from '../../apps/api/src/notices/channels/email.ts';
import { EMAIL_TEXTS } from '../../apps/api/src/notices/channels/email-texts.ts';
import { Ajv } from 'ajv';
import { Webhook } from 'standardwebhooks';
import {
  createWebhookSender,
  newWebhookSecret,
  verifyWebhookSignature,
  type WebhookSender,
} from '../../apps/api/src/notices/channels/webhook.ts';
import type { HostResolver } from '../../apps/api/src/notices/channels/webhook-transport.ts';
import {
  fixedResolver,
  loopbackReceiver,
  type LoopbackReceiver,
} from '../../apps/api/src/notices/channels/webhook-testing.ts';
import noticePublishedSchema from '../../apps/api/src/notices/channels/webhook-events/notice.published.schema.json' with { type: 'json' };
import { queueEmails } from '../../apps/api/src/notices/email-outbox.ts';
import { MAX_DELIVERY_ATTEMPTS, nextRetryAt } from '../../apps/api/src/notices/retry-policy.ts';
import { CLAIM_LEASE_MS, deliverDue, sendQueuedEmails } from '../../apps/api/src/notices/sender.ts';
import { deliveryRowsFor } from '../../apps/api/src/notices/delivery-plan.ts';
import { createDatabase, type Database, type NoticeStage } from '@upgrade-desk/db';
import { createTestDatabase } from '@upgrade-desk/db/testing';

const NOW = new Date('2026-12-01T03:00:00Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);
const MINUTE = 60_000;
const FROM = 'Upgrade Desk <no-reply@upgrade-desk.example>';
const VI_TITLE = 'Bảo trì máy chủ: hệ thống Kế toán tạm dừng 45 phút — Thứ Bảy 19/12/2026';
const VI_BODY =
  'Kính gửi Quý khách,\n\nMáy chủ cơ sở dữ liệu sẽ được chuyển sang hạ tầng mới.\nThời gian: 19:00 – 19:45 (GMT+7).';

let db: Database<'query'>;
const statements: string[] = [];

/** Failing transports and senders for the backoff and concurrency tests. */
const noEmail: EmailTransport = { send: () => Promise.reject(new Error('no email expected in this test')) };
const noWebhook: WebhookSender = { send: () => Promise.reject(new Error('no webhook expected in this test')) };

// ---------------------------------------------------------------------------------------------
// Fixture: two customers with users, staff, endpoints; notices are added per test.

const ids = {
  water: '01900000-0000-7000-8000-000000000001',
  garment: '01900000-0000-7000-8000-000000000002',
  upgrade: '01900000-0000-7000-8000-000000000010',
  hook: '01900000-0000-7000-8000-000000000020',
  oldHook: '01900000-0000-7000-8000-000000000021',
  garmentHook: '01900000-0000-7000-8000-000000000022',
};
let noticeSequence = 0;

async function seedFixture() {
  const p = db.prisma;
  await p.customer.createMany({
    data: [
      { id: ids.water, code: 'WATER', name: 'Công ty Nước sạch', locale: 'VI' },
      { id: ids.garment, code: 'GARMENT', name: 'Garment Co.', locale: 'EN' },
    ],
  });
  const user = (email: string, extra: object = {}) => ({
    email,
    name: email,
    passwordHash: 'x',
    role: 'CUSTOMER_USER' as const,
    ...extra,
  });
  await p.user.createMany({
    data: [
      user('a.admin@water.example', { customerId: ids.water, role: 'CUSTOMER_ADMIN' }),
      user('b.user@water.example', { customerId: ids.water }),
      user('c.quiet@water.example', { customerId: ids.water, emailNotifications: false }),
      user('d.gone@water.example', { customerId: ids.water, disabledAt: NOW }),
      user('e.user@garment.example', { customerId: ids.garment }),
      user('care@vendor.example', { role: 'CUSTOMER_CARE' }),
      user('impl@vendor.example', { role: 'IMPLEMENTATION' }),
      user('left@vendor.example', { role: 'IMPLEMENTATION', disabledAt: NOW }),
    ],
  });
  const staffId = async (email: string) => (await p.user.findUniqueOrThrow({ where: { email } })).id;
  await p.customerStaff.createMany({
    data: [
      { customerId: ids.water, userId: await staffId('care@vendor.example') },
      { customerId: ids.water, userId: await staffId('impl@vendor.example') },
      { customerId: ids.water, userId: await staffId('left@vendor.example') },
      { customerId: ids.garment, userId: await staffId('care@vendor.example') },
    ],
  });
  await p.webhookEndpoint.createMany({
    data: [
      { id: ids.oldHook, customerId: ids.water, url: 'https://old.water.example/hook', secret: 'old', disabledAt: NOW },
      { id: ids.hook, customerId: ids.water, url: 'https://erp.water.example/hook', secret: 'water-secret' },
    ],
  });
  await p.upgrade.create({
    data: {
      id: ids.upgrade,
      kind: 'SERVER',
      status: 'SCHEDULED',
      title: 'Chuyển máy chủ',
      summary: '',
      windowStart: at(18 * 24 * 60 * MINUTE),
      windowEnd: at(18 * 24 * 60 * MINUTE + 45 * MINUTE),
      expectedDowntimeMinutes: 45,
    },
  });
}

async function publishedNotice(customerId: string, stage: NoticeStage = 'FINAL_REMINDER') {
  return db.prisma.notice.create({
    data: {
      upgradeId: ids.upgrade,
      customerId,
      stage,
      sequence: ++noticeSequence,
      channels: ['IN_APP', 'EMAIL', 'WEBHOOK'],
      scheduledFor: NOW,
      publishedAt: NOW,
      locale: customerId === ids.water ? 'VI' : 'EN',
      title: VI_TITLE,
      body: VI_BODY,
      requiresAcknowledgement: stage === 'FINAL_REMINDER',
      acknowledgeBy: stage === 'FINAL_REMINDER' ? at(24 * 60 * MINUTE) : null,
    },
  });
}

/** A published notice with one PENDING delivery, due now. */
async function pendingDelivery(channel: 'EMAIL' | 'WEBHOOK', recipient: string, webhookEndpointId?: string) {
  const notice = await publishedNotice(ids.water);
  return db.prisma.delivery.create({
    data: { noticeId: notice.id, channel, recipient, webhookEndpointId: webhookEndpointId ?? null, nextAttemptAt: NOW },
  });
}

beforeAll(async () => {
  db = await createTestDatabase({ log: [{ emit: 'event', level: 'query' }] });
  db.prisma.$on('query', (event) => statements.push(event.query));
  await seedFixture();
});
afterAll(() => db?.close());

// Every test starts with no delivery due, so each one's counts are its own.
beforeEach(async () => {
  await db.prisma.delivery.updateMany({
    where: { status: { in: ['PENDING', 'FAILED'] } },
    data: { status: 'ABANDONED' },
  });
});

// ---------------------------------------------------------------------------------------------

describe('deliveryRowsFor', () => {
  it('emails the users who want it, copies FIX advisories to assigned staff, and posts to active endpoints', async () => {
    const final = await publishedNotice(ids.water, 'FINAL_REMINDER');
    const advisory = await publishedNotice(ids.water, 'ADVISORY');
    const garment = await publishedNotice(ids.garment, 'ADVISORY');
    const rows = await deliveryRowsFor(
      db.prisma,
      [final, advisory, garment].map(({ id, customerId, stage }) => ({ id, customerId, stage })),
      { now: NOW },
    );
    const summary = rows.map(
      (r) =>
        `${r.noticeId === final.id ? 'final' : r.noticeId === advisory.id ? 'advisory' : 'garment'} ${r.channel} ${r.recipient}`,
    );
    expect(summary).toEqual([
      'final EMAIL a.admin@water.example',
      'final EMAIL b.user@water.example',
      'final WEBHOOK https://erp.water.example/hook',
      'advisory EMAIL a.admin@water.example',
      'advisory EMAIL b.user@water.example',
      'advisory EMAIL care@vendor.example',
      'advisory EMAIL impl@vendor.example',
      'advisory WEBHOOK https://erp.water.example/hook',
      'garment EMAIL e.user@garment.example',
      'garment EMAIL care@vendor.example',
    ]);
    expect(rows.find((r) => r.channel === 'WEBHOOK')?.webhookEndpointId).toBe(ids.hook);
    expect(rows.every((r) => r.nextAttemptAt === NOW && r.status === undefined)).toBe(true);
    // The rows insert as they are (the dispatcher does this in its publishing transaction).
    await expect(db.prisma.delivery.createMany({ data: rows })).resolves.toEqual({ count: rows.length });
  });

  it('runs the same few queries for one notice or fifty', async () => {
    const count = async (n: number) => {
      const notices = [];
      for (let i = 0; i < n; i++)
        notices.push(await publishedNotice(i % 2 ? ids.water : ids.garment, i % 3 ? 'REMINDER' : 'ADVISORY'));
      statements.length = 0;
      await deliveryRowsFor(db.prisma, notices);
      return statements.length;
    };
    const one = await count(1);
    expect(one).toBeLessThanOrEqual(4);
    expect(await count(50)).toBe(one);
  });

  it('returns nothing for no notices, without a query', async () => {
    statements.length = 0;
    expect(await deliveryRowsFor(db.prisma, [])).toEqual([]);
    expect(statements).toEqual([]);
  });
});

describe('EMAIL over SMTP', () => {
  interface Received {
    raw: Buffer;
    envelopeTo: string[];
  }
  const inbox: Received[] = [];
  let smtp: SMTPServer;
  let smtpUrl: string;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith('full@')) {
          const error = Object.assign(new Error('4.2.2 Mailbox full'), { responseCode: 452 });
          return callback(error);
        }
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          inbox.push({ raw: Buffer.concat(chunks), envelopeTo: session.envelope.rcptTo.map((r) => r.address) });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

  it('delivers the notice to a real SMTP server: Vietnamese subject and body decoded intact, footer in VI', async () => {
    const delivery = await pendingDelivery('EMAIL', 'b.user@water.example');
    const email = createEmailTransport({ SMTP_URL: smtpUrl, MAIL_FROM: FROM, OUTBOX_DIR: '/nonexistent' });
    expect(email.kind).toBe('smtp');
    const result = await deliverDue({ prisma: db.prisma, email, webhook: noWebhook, now: NOW });
    email.close?.();
    expect(result).toEqual({ claimed: 1, sent: 1, failed: 0, abandoned: 0 });

    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.envelopeTo).toEqual(['b.user@water.example']);
    const raw = inbox[0]!.raw.toString('utf8');
    expect(raw).toMatch(/^Subject: =\?UTF-8\?/m); // RFC 2047-encoded, not raw UTF-8 in the header
    const mail = await simpleParser(inbox[0]!.raw);
    expect(mail.subject).toBe(VI_TITLE);
    expect(mail.text).toContain(VI_BODY);
    expect(mail.text).toContain(EMAIL_TEXTS.VI.footer[0]);
    expect(mail.html).toContain('Máy chủ cơ sở dữ liệu sẽ được chuyển sang hạ tầng mới.<br>');
    expect(mail.from?.value).toEqual([{ name: 'Upgrade Desk', address: 'no-reply@upgrade-desk.example' }]);
    expect(mail.messageId).toBe(`<${delivery.id}@upgrade-desk.example>`);
    expect(mail.headers.get('x-upgrade-desk-delivery')).toBe(delivery.id);

    const row = await db.prisma.delivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(row).toMatchObject({ status: 'SENT', attempts: 1, sentAt: NOW, lastError: null });
  });

  it("records the server's refusal and schedules a retry", async () => {
    const delivery = await pendingDelivery('EMAIL', 'full@water.example');
    const email = createSmtpTransport({ url: smtpUrl, from: FROM });
    const result = await deliverDue({ prisma: db.prisma, email, webhook: noWebhook, now: NOW });
    email.close?.();
    expect(result).toEqual({ claimed: 1, sent: 0, failed: 1, abandoned: 0 });
    const row = await db.prisma.delivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(row).toMatchObject({ status: 'FAILED', attempts: 1, nextAttemptAt: at(MINUTE), sentAt: null });
    expect(row.lastError).toMatch(/452.*Mailbox full/);
  });
});

describe('EMAIL to the .eml outbox', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'upgrade-desk-outbox-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes a complete MIME message that parses back to the notice', async () => {
    const delivery = await pendingDelivery('EMAIL', 'a.admin@water.example');
    const email = createEmailTransport({ SMTP_URL: undefined, MAIL_FROM: FROM, OUTBOX_DIR: path.join(dir, 'outbox') });
    expect(email.kind).toBe('outbox');
    expect(await deliverDue({ prisma: db.prisma, email, webhook: noWebhook, now: NOW })).toMatchObject({ sent: 1 });

    const files = await readdir(path.join(dir, 'outbox'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^\\d{8}T\\d{9}Z-${delivery.id}\\.eml$`));
    const raw = await readFile(path.join(dir, 'outbox', files[0]!));
    expect(raw.toString('latin1')).toContain('\r\n'); // RFC 822 line ends
    expect(raw.toString('latin1')).toMatch(/^Subject: =\?UTF-8\?/m);
    const mail = await simpleParser(raw);
    expect(mail.subject).toBe(VI_TITLE);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : null).toBe('a.admin@water.example');
    expect(mail.text).toContain(VI_BODY);
    expect(mail.html).toContain('<h1');
    expect(mail.messageId).toBe(`<${delivery.id}@upgrade-desk.example>`);
  });

  it('writes no partial files', async () => {
    const email = createOutboxTransport({ dir: path.join(dir, 'many'), from: FROM });
    const message = (i: number): EmailMessage => ({ to: `u${i}@x.example`, subject: `Thông báo ${i}`, text: 'x' });
    await Promise.all(Array.from({ length: 10 }, (_, i) => email.send(message(i))));
    const files = await readdir(path.join(dir, 'many'));
    expect(files).toHaveLength(10);
    expect(files.every((f) => f.endsWith('.eml'))).toBe(true);
  });
});

describe('WEBHOOK to a real receiver', () => {
  interface Hit {
    headers: IncomingHttpHeaders;
    body: string;
    verified: boolean;
  }
  const hits: Hit[] = [];
  let server: Server;
  let url: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const verified = verifyWebhookSignature(
          'receiver-secret',
          req.headers['x-upgrade-desk-timestamp'] as string | undefined,
          body,
          req.headers['x-upgrade-desk-signature'] as string | undefined,
          new Date(),
        );
        hits.push({ headers: req.headers, body, verified });
        // Down the first time, then fine.
        if (!verified) res.writeHead(401).end('bad signature');
        else if (hits.length === 1) res.writeHead(500, { 'content-type': 'text/plain' }).end('database is restarting');
        else res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/upgrade-desk`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('fails on a 500, is retried after the backoff, and ends SENT on the second attempt', async () => {
    const endpoint = await db.prisma.webhookEndpoint.create({
      data: { customerId: ids.water, url, secret: 'receiver-secret' },
    });
    const delivery = await pendingDelivery('WEBHOOK', url, endpoint.id);
    const webhook = createWebhookSender({ timeoutMs: 2_000, allowLoopback: true });
    const run = (now: Date) => deliverDue({ prisma: db.prisma, email: noEmail, webhook, now });

    expect(await run(NOW)).toEqual({ claimed: 1, sent: 0, failed: 1, abandoned: 0 });
    let row = await db.prisma.delivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(row).toMatchObject({ status: 'FAILED', attempts: 1, nextAttemptAt: at(MINUTE) });
    // The status only: what the receiver answered is never stored.
    expect(row.lastError).toBe('HTTP 500');

    expect(await run(at(MINUTE - 1))).toEqual({ claimed: 0, sent: 0, failed: 0, abandoned: 0 });
    expect(await run(at(MINUTE))).toEqual({ claimed: 1, sent: 1, failed: 0, abandoned: 0 });
    row = await db.prisma.delivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(row).toMatchObject({ status: 'SENT', attempts: 2, sentAt: at(MINUTE), lastError: null });

    expect(hits).toHaveLength(2);
    expect(hits.every((hit) => hit.verified)).toBe(true);
    // The same idempotency key on every attempt of one delivery.
    expect(hits.map((hit) => hit.headers['x-upgrade-desk-delivery'])).toEqual([delivery.id, delivery.id]);
    const payload = JSON.parse(hits[1]!.body);
    expect(payload).toMatchObject({
      id: Buffer.from(`Notice:${delivery.noticeId}`).toString('base64'),
      upgradeId: Buffer.from(`Upgrade:${ids.upgrade}`).toString('base64'),
      customerCode: 'WATER',
      stage: 'FINAL_REMINDER',
      locale: 'VI',
      title: VI_TITLE,
      body: VI_BODY,
      scheduledFor: NOW.toISOString(),
      publishedAt: NOW.toISOString(),
      requiresAcknowledgement: true,
      acknowledgeBy: at(24 * 60 * MINUTE).toISOString(),
    });
  });

  it('abandons, without sending, a delivery whose endpoint was deleted since', async () => {
    const delivery = await pendingDelivery('WEBHOOK', 'https://old.water.example/hook', ids.oldHook);
    expect(await deliverDue({ prisma: db.prisma, email: noEmail, webhook: noWebhook, now: NOW })).toEqual({
      claimed: 1,
      sent: 0,
      failed: 0,
      abandoned: 1,
    });
    const row = await db.prisma.delivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(row).toMatchObject({ status: 'ABANDONED', lastError: 'The webhook endpoint was deleted.' });
  });
});

describe('WEBHOOK to a Standard Webhooks endpoint, and where it may not go', () => {
  interface Hit {
    path: string;
    headers: IncomingHttpHeaders;
    body: string;
  }
  const hits: Hit[] = [];
  let receiver: LoopbackReceiver;
  let port: number;
  /** What a failing receiver answers: it must never reach the delivery log. */
  const LEAK = 'stack trace at /srv/internal/db.js password=hunter2';

  beforeAll(async () => {
    receiver = await loopbackReceiver((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        hits.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        if (req.url === '/down') res.writeHead(500, { 'content-type': 'text/plain' }).end(LEAK);
        else res.writeHead(204).end();
      });
    });
    port = receiver.port;
  });
  afterAll(() => receiver.close());

  async function endpointWithDelivery(url: string) {
    const endpoint = await db.prisma.webhookEndpoint.create({
      data: { customerId: ids.water, url, secret: newWebhookSecret() },
    });
    const delivery = await pendingDelivery('WEBHOOK', url, endpoint.id);
    return { endpoint, delivery };
  }

  const run = (webhook: WebhookSender) => deliverDue({ prisma: db.prisma, email: noEmail, webhook, now: NOW });
  const sender = (resolver: HostResolver, allowLoopback = true) =>
    createWebhookSender({ timeoutMs: 2_000, allowLoopback, resolver });

  it('is verified by Webhook.verify, matches its JSON Schema, and its host is resolved once', async () => {
    const { endpoint, delivery } = await endpointWithDelivery(`http://localhost:${port}/ok`);
    const resolver = fixedResolver('127.0.0.1');
    const before = hits.length;
    expect(await run(sender(resolver.resolve))).toEqual({ claimed: 1, sent: 1, failed: 0, abandoned: 0 });
    expect(resolver.calls).toEqual(['localhost']);
    const [hit] = hits.slice(before);
    const event = new Webhook(endpoint.secret).verify(hit!.body, {
      'webhook-id': String(hit!.headers['webhook-id']),
      'webhook-timestamp': String(hit!.headers['webhook-timestamp']),
      'webhook-signature': String(hit!.headers['webhook-signature']),
    });
    expect(hit!.headers['webhook-id']).toBe(delivery.id);
    const validate = new Ajv().compile(noticePublishedSchema);
    expect(validate(event), JSON.stringify(validate.errors)).toBe(true);
    expect(event).toMatchObject({
      type: 'notice.published',
      data: { id: Buffer.from(`Notice:${delivery.noticeId}`).toString('base64'), customerCode: 'WATER' },
    });
  });

  it('records a failure as its status only, never what the receiver answered', async () => {
    const { delivery } = await endpointWithDelivery(`http://localhost:${port}/down`);
    expect(await run(sender(fixedResolver('127.0.0.1').resolve))).toMatchObject({ failed: 1 });
    const row = await db.prisma.delivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(row.lastError).toBe('HTTP 500');
    expect(await db.prisma.delivery.count({ where: { lastError: { contains: 'hunter2' } } })).toBe(0);
  });

  it.each([
    ['a private address', 'https://intranet.water.example/hook', ['10.0.0.7'], true],
    ['a link-local address', 'https://metadata.water.example/hook', ['169.254.169.254'], true],
    ['the loopback and a private address', 'http://localhost:PORT/ok', ['127.0.0.1', '10.1.1.1'], true],
    ['the loopback, in production', 'https://hooks.water.example:PORT/ok', ['127.0.0.1'], false],
  ])(
    'refuses, before connecting, a name that resolves to %s: "address not allowed"',
    async (_what, template, answers, allowLoopback) => {
      const url = template.replace('PORT', String(port));
      const { delivery } = await endpointWithDelivery(url);
      const resolver = fixedResolver(...answers);
      const before = { connections: receiver.connections(), hits: hits.length };
      expect(await run(sender(resolver.resolve, allowLoopback))).toMatchObject({ claimed: 1, failed: 1 });
      const row = await db.prisma.delivery.findUniqueOrThrow({ where: { id: delivery.id } });
      expect(row).toMatchObject({ status: 'FAILED', lastError: 'address not allowed' });
      expect(resolver.calls).toEqual([new URL(url).hostname]);
      expect({ connections: receiver.connections(), hits: hits.length }).toEqual(before);
    },
  );

  it("sends to the endpoint's URL as it is now, changed since the delivery was planned", async () => {
    const { endpoint } = await endpointWithDelivery(`http://localhost:${port}/before-the-change`);
    await db.prisma.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: { url: `http://localhost:${port}/now` },
    });
    const before = hits.length;
    expect(await run(sender(fixedResolver('127.0.0.1').resolve))).toMatchObject({ sent: 1 });
    expect(hits.slice(before).map((hit) => hit.path)).toEqual(['/now']);
  });
});

describe('retries', () => {
  it('backs off 1 min, 5 min, 30 min, 2 h, 6 h, then abandons after the sixth attempt', async () => {
    const delivery = await pendingDelivery('EMAIL', 'b.user@water.example');
    let tries = 0;
    const longError = `550 5.1.1 Recipient address rejected ${'x'.repeat(5000)}`;
    const email: EmailTransport = {
      send: () => {
        tries += 1;
        return Promise.reject(new Error(longError));
      },
    };
    const expectedWaits = [1, 5, 30, 120, 360].map((m) => m * MINUTE);
    let now = NOW;
    for (const [index, wait] of expectedWaits.entries()) {
      expect(await deliverDue({ prisma: db.prisma, email, webhook: noWebhook, now })).toMatchObject({ failed: 1 });
      const row = await db.prisma.delivery.findUniqueOrThrow({ where: { id: delivery.id } });
      expect(row).toMatchObject({
        status: 'FAILED',
        attempts: index + 1,
        nextAttemptAt: new Date(now.getTime() + wait),
      });
      // Not a moment early.
      expect(
        await deliverDue({ prisma: db.prisma, email, webhook: noWebhook, now: new Date(now.getTime() + wait - 1) }),
      ).toMatchObject({ claimed: 0 });
      now = new Date(now.getTime() + wait);
    }
    expect(await deliverDue({ prisma: db.prisma, email, webhook: noWebhook, now })).toEqual({
      claimed: 1,
      sent: 0,
      failed: 0,
      abandoned: 1,
    });
    const row = await db.prisma.delivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(row).toMatchObject({ status: 'ABANDONED', attempts: 6, sentAt: null });
    expect(row.lastError!.length).toBeLessThanOrEqual(1000);
    expect(row.lastError!.startsWith('550 5.1.1 Recipient address rejected')).toBe(true);
    expect(tries).toBe(6);
    // Never again.
    expect(
      await deliverDue({ prisma: db.prisma, email, webhook: noWebhook, now: at(365 * 24 * 60 * MINUTE) }),
    ).toMatchObject({ claimed: 0 });
  });

  it('a delivery claimed by a worker that died is tried again when the lease ends, not before', async () => {
    const delivery = await pendingDelivery('EMAIL', 'b.user@water.example');
    // What a claim leaves behind when the process dies before recording the outcome.
    await db.prisma.delivery.update({
      where: { id: delivery.id },
      data: { attempts: 1, nextAttemptAt: at(CLAIM_LEASE_MS) },
    });
    const sent: string[] = [];
    const email: EmailTransport = { send: async (m) => void sent.push(m.to) };
    expect(
      await deliverDue({ prisma: db.prisma, email, webhook: noWebhook, now: at(CLAIM_LEASE_MS - 1) }),
    ).toMatchObject({ claimed: 0 });
    expect(await deliverDue({ prisma: db.prisma, email, webhook: noWebhook, now: at(CLAIM_LEASE_MS) })).toMatchObject({
      sent: 1,
    });
    expect(await db.prisma.delivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({
      status: 'SENT',
      attempts: 2,
    });
  });

  it('claims and loads each round with one statement, however many deliveries it holds', async () => {
    for (let i = 0; i < 6; i++)
      await pendingDelivery(
        i % 2 ? 'EMAIL' : 'WEBHOOK',
        i % 2 ? `u${i}@water.example` : 'https://erp.water.example/hook',
        ids.hook,
      );
    const webhook: WebhookSender = { send: async () => undefined };
    const email: EmailTransport = { send: async () => undefined };
    statements.length = 0;
    const result = await deliverDue({ prisma: db.prisma, email, webhook, now: NOW, concurrency: 8 });
    expect(result).toEqual({ claimed: 6, sent: 6, failed: 0, abandoned: 0 });
    const claims = statements.filter((s) => s.includes('FOR UPDATE SKIP LOCKED'));
    expect(claims).toHaveLength(2); // the round of six, and the empty one that ends the run
    // Beyond the claims: one UPDATE per outcome, nothing per delivery to read the notice or the secret.
    expect(statements.length - claims.length).toBe(6);
    expect(statements.filter((s) => /^\s*SELECT/i.test(s))).toEqual([]);
  });
});

describe('several workers at once', () => {
  it('send each delivery exactly once', async () => {
    const recipients = Array.from({ length: 40 }, (_, i) => `worker${String(i).padStart(2, '0')}@water.example`);
    const notice = await publishedNotice(ids.water);
    await db.prisma.delivery.createMany({
      data: recipients.map((recipient) => ({
        noticeId: notice.id,
        channel: 'EMAIL' as const,
        recipient,
        nextAttemptAt: NOW,
      })),
    });
    // On PostgreSQL the second worker has its own connection pool, as another API process would.
    const other = db.engine === 'postgresql' ? await createDatabase(db.url) : null;
    try {
      const sends: string[] = [];
      const slowEmail: EmailTransport = {
        send: async (message) => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          sends.push(message.to);
        },
      };
      const worker = (prisma: Database['prisma']) =>
        deliverDue({ prisma, email: slowEmail, webhook: noWebhook, now: NOW, concurrency: 3 });
      const results = await Promise.all([worker(db.prisma), worker(other?.prisma ?? db.prisma), worker(db.prisma)]);

      expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(40);
      expect(results.reduce((sum, r) => sum + r.claimed, 0)).toBe(40);
      expect(sends.toSorted()).toEqual(recipients);
      const rows = await db.prisma.delivery.findMany({ where: { noticeId: notice.id } });
      expect(rows.every((row) => row.status === 'SENT' && row.attempts === 1)).toBe(true);
    } finally {
      await other?.close();
    }
  });
});

describe('queued emails (module-request news, escalations)', () => {
  it('go out through the same sender, retried on the same schedule as notice deliveries until abandoned', async () => {
    // The deliveries abandoned above queued their account team's alerts: this test counts its own emails only.
    await db.prisma.emailMessage.deleteMany({ where: { sourceKey: { startsWith: 'delivery-abandoned:' } } });
    await db.prisma.$transaction((tx) =>
      queueEmails(
        tx,
        'test:queued-emails',
        [
          {
            to: 'ok@water.example',
            locale: 'VI',
            subject: 'Yêu cầu mô-đun',
            textBody: 'Đã duyệt.',
            customerId: ids.water,
          },
          { to: 'bounce@water.example', locale: 'EN', subject: 'Module request', textBody: 'Approved.' },
        ],
        NOW,
      ),
    );
    const ok = await db.prisma.emailMessage.findFirstOrThrow({ where: { to: 'ok@water.example' } });
    const sent: EmailMessage[] = [];
    const email: EmailTransport = {
      send: async (message) => {
        if (message.to.startsWith('bounce@')) throw new Error('550 5.1.1 No such user');
        sent.push(message);
      },
    };
    // Notice deliveries and queued emails are separate outboxes: neither run takes the other's rows.
    expect(await deliverDue({ prisma: db.prisma, email, webhook: noWebhook, now: NOW })).toMatchObject({ claimed: 0 });

    let now = NOW;
    const results = [];
    for (let attempt = 1; attempt <= MAX_DELIVERY_ATTEMPTS; attempt++) {
      results.push(await sendQueuedEmails({ prisma: db.prisma, email, webhook: noWebhook, now }));
      const bounce = await db.prisma.emailMessage.findFirstOrThrow({ where: { to: 'bounce@water.example' } });
      const retryAt = nextRetryAt(attempt, now);
      expect(bounce).toMatchObject({
        attempts: attempt,
        status: retryAt ? 'FAILED' : 'ABANDONED',
        lastError: '550 5.1.1 No such user',
        sentAt: null,
      });
      if (retryAt) {
        expect(bounce.nextAttemptAt).toEqual(retryAt);
        now = retryAt;
      }
    }
    expect(results[0]).toEqual({ claimed: 2, sent: 1, failed: 1, abandoned: 0 });
    expect(results.at(-1)).toEqual({ claimed: 1, sent: 0, failed: 0, abandoned: 1 });
    expect(sent).toEqual([
      {
        to: 'ok@water.example',
        subject: 'Yêu cầu mô-đun',
        text: 'Đã duyệt.',
        headers: { 'X-Upgrade-Desk-Email': ok.id },
      },
    ]);
    expect(await db.prisma.emailMessage.findUniqueOrThrow({ where: { id: ok.id } })).toMatchObject({
      status: 'SENT',
      attempts: 1,
      sentAt: NOW,
    });
  });
});
