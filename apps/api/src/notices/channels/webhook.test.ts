import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import {
  createWebhookSender,
  newWebhookSecret,
  noticeWebhookPayload,
  signWebhookBody,
  verifyWebhookSignature,
  WebhookDeliveryError,
  type WebhookRequest,
} from './webhook.ts';
import { fixedResolver, loopbackReceiver, sampleNoticePayload, type LoopbackReceiver } from './webhook-testing.ts';

const SECRET = 'a3f1c9'.repeat(10);
const NOW = new Date('2026-12-01T03:00:00Z');
const STAMP = Math.floor(NOW.getTime() / 1000);
const BODY = '{"id":"Tm90aWNlOjE=","title":"Bảo trì máy chủ"}';

describe('webhook signatures', () => {
  it('is HMAC-SHA256 over "<timestamp>.<body>" in lowercase hex', () => {
    const expected = createHmac('sha256', SECRET).update(`${STAMP}.${BODY}`).digest('hex');
    expect(signWebhookBody(SECRET, STAMP, BODY)).toBe(`sha256=${expected}`);
  });

  it('verifies a signature made now and within the tolerance', () => {
    const signature = signWebhookBody(SECRET, STAMP, BODY);
    expect(verifyWebhookSignature(SECRET, String(STAMP), BODY, signature, NOW)).toBe(true);
    expect(verifyWebhookSignature(SECRET, STAMP, BODY, signature, new Date(NOW.getTime() + 300_000))).toBe(true);
    expect(verifyWebhookSignature(SECRET, STAMP, BODY, signature, new Date(NOW.getTime() - 300_000))).toBe(true);
  });

  it('refuses a changed body, another secret, a moved timestamp, a stale or future one, and garbage', () => {
    const signature = signWebhookBody(SECRET, STAMP, BODY);
    expect(verifyWebhookSignature(SECRET, STAMP, BODY.replace('Bảo', 'Bao'), signature, NOW)).toBe(false);
    expect(verifyWebhookSignature(`${SECRET}0`, STAMP, BODY, signature, NOW)).toBe(false);
    expect(verifyWebhookSignature(SECRET, STAMP + 1, BODY, signature, NOW)).toBe(false);
    expect(verifyWebhookSignature(SECRET, STAMP, BODY, signature, new Date(NOW.getTime() + 301_000))).toBe(false);
    expect(verifyWebhookSignature(SECRET, STAMP, BODY, signature, new Date(NOW.getTime() - 301_000))).toBe(false);
    const fresh = signWebhookBody(SECRET, STAMP, BODY);
    expect(verifyWebhookSignature(SECRET, STAMP, BODY, fresh, NOW, 0)).toBe(true);
    for (const bad of ['', 'sha256=', fresh.slice(7), fresh.toUpperCase(), `${fresh}0`, null, undefined]) {
      expect(verifyWebhookSignature(SECRET, STAMP, BODY, bad, NOW)).toBe(false);
    }
    for (const stamp of ['', '12.5', '-1', 'now', null, undefined]) {
      expect(verifyWebhookSignature(SECRET, stamp, BODY, signature, NOW)).toBe(false);
    }
  });
});

describe('noticeWebhookPayload', () => {
  it('uses Relay global IDs and ISO instants', () => {
    const payload = noticeWebhookPayload({
      id: '0190a1b2-0000-7000-8000-000000000001',
      upgradeId: '0190a1b2-0000-7000-8000-000000000002',
      customerCode: 'MEKONG-DISTRIBUTION',
      stage: 'FINAL_REMINDER',
      locale: 'VI',
      title: 'Nhắc lịch bảo trì',
      body: 'Nội dung',
      scheduledFor: NOW,
      publishedAt: NOW,
      requiresAcknowledgement: true,
      acknowledgeBy: new Date('2026-12-02T03:00:00Z'),
    });
    expect(payload).toEqual({
      id: Buffer.from('Notice:0190a1b2-0000-7000-8000-000000000001').toString('base64'),
      upgradeId: Buffer.from('Upgrade:0190a1b2-0000-7000-8000-000000000002').toString('base64'),
      customerCode: 'MEKONG-DISTRIBUTION',
      stage: 'FINAL_REMINDER',
      locale: 'VI',
      title: 'Nhắc lịch bảo trì',
      body: 'Nội dung',
      scheduledFor: '2026-12-01T03:00:00.000Z',
      publishedAt: '2026-12-01T03:00:00.000Z',
      requiresAcknowledgement: true,
      acknowledgeBy: '2026-12-02T03:00:00.000Z',
    });
  });
});

describe('createWebhookSender', () => {
  interface Received {
    path: string;
    headers: IncomingHttpHeaders;
    body: string;
  }
  const received: Received[] = [];
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        if (req.url === '/ok') res.writeHead(204).end();
        else if (req.url === '/redirect') res.writeHead(307, { location: '/ok' }).end();
        else if (req.url === '/slow') setTimeout(() => res.writeHead(200).end(), 2_000);
        else res.writeHead(503, { 'content-type': 'text/plain' }).end(`down for maintenance ${'x'.repeat(5000)}`);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const request = (path: string): WebhookRequest => ({
    deliveryId: '0190a1b2-0000-7000-8000-0000000000aa',
    url: `${base}${path}`,
    secret: SECRET,
    payload: sampleNoticePayload(),
  });

  it('POSTs signed JSON with the delivery id to a legacy endpoint, and resolves on 2xx', async () => {
    const sender = createWebhookSender({ timeoutMs: 1_000, allowLoopback: true, now: () => NOW });
    await sender.send(request('/ok'));
    const got = received.at(-1)!;
    expect(got.path).toBe('/ok');
    expect(got.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(got.headers['x-upgrade-desk-delivery']).toBe('0190a1b2-0000-7000-8000-0000000000aa');
    expect(got.headers['x-upgrade-desk-event']).toBe('notice.published');
    expect(got.headers['x-upgrade-desk-timestamp']).toBe(String(STAMP));
    const signature = got.headers['x-upgrade-desk-signature'] as string;
    expect(
      verifyWebhookSignature(SECRET, got.headers['x-upgrade-desk-timestamp'] as string, got.body, signature, NOW),
    ).toBe(true);
    expect(JSON.parse(got.body)).toMatchObject({
      title: 'Bảo trì máy chủ sau 30 phút',
      customerCode: 'MEKONG-DISTRIBUTION',
    });
  });

  it('signs as Standard Webhooks: a new endpoint verifies with Webhook.verify and gets the event envelope', async () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const sender = createWebhookSender({ timeoutMs: 1_000, allowLoopback: true });
    await sender.send({ ...request('/ok'), secret });
    const got = received.at(-1)!;
    const headers = {
      'webhook-id': String(got.headers['webhook-id']),
      'webhook-timestamp': String(got.headers['webhook-timestamp']),
      'webhook-signature': String(got.headers['webhook-signature']),
    };
    expect(headers['webhook-id']).toBe('0190a1b2-0000-7000-8000-0000000000aa');
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    const event = new Webhook(secret).verify(got.body, headers);
    expect(event).toMatchObject({ type: 'notice.published', data: { customerCode: 'MEKONG-DISTRIBUTION' } });
    // The old headers are for old endpoints only; another secret or a changed body does not verify.
    expect(got.headers['x-upgrade-desk-signature']).toBeUndefined();
    expect(() => new Webhook(newWebhookSecret()).verify(got.body, headers)).toThrow(WebhookVerificationError);
    expect(() => new Webhook(secret).verify(got.body.replace('MEKONG', 'MEKONX'), headers)).toThrow();
  });

  it('signs a legacy endpoint for Standard Webhooks too, keyed with whsec_ + base64 of its old secret', async () => {
    const sender = createWebhookSender({ timeoutMs: 1_000, allowLoopback: true });
    await sender.send(request('/ok'));
    const got = received.at(-1)!;
    const migrated = `whsec_${Buffer.from(SECRET, 'utf8').toString('base64')}`;
    expect(
      new Webhook(migrated).verify(got.body, {
        'webhook-id': String(got.headers['webhook-id']),
        'webhook-timestamp': String(got.headers['webhook-timestamp']),
        'webhook-signature': String(got.headers['webhook-signature']),
      }),
    ).toMatchObject({ customerCode: 'MEKONG-DISTRIBUTION' });
  });

  it('fails on a non-2xx answer with the status only, never the body', async () => {
    const sender = createWebhookSender({ timeoutMs: 1_000, allowLoopback: true });
    const error = await sender.send(request('/down')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebhookDeliveryError);
    expect((error as Error).message).toBe('HTTP 503');
  });

  it('does not follow a redirect', async () => {
    const before = received.length;
    const sender = createWebhookSender({ timeoutMs: 1_000, allowLoopback: true });
    await expect(sender.send(request('/redirect'))).rejects.toThrow(/^HTTP 307$/);
    expect(received.slice(before).map((r) => r.path)).toEqual(['/redirect']);
  });

  it('fails when the receiver does not answer in time, or cannot be reached', async () => {
    const sender = createWebhookSender({ timeoutMs: 200, allowLoopback: true });
    await expect(sender.send(request('/slow'))).rejects.toThrow(/^timeout$/);
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(sender.send({ ...request('/ok'), url: `http://127.0.0.1:${port}/ok` })).rejects.toThrow(
      /^connection refused$/,
    );
  });
});

describe('where a webhook may connect (SSRF)', () => {
  let receiver: LoopbackReceiver;
  let port: number;
  const paths: string[] = [];
  beforeAll(async () => {
    receiver = await loopbackReceiver((req, res) => {
      paths.push(req.url ?? '');
      req.resume();
      res.writeHead(req.url === '/redirect' ? 302 : 204, { location: 'http://127.0.0.1:1/elsewhere' }).end();
    });
    port = receiver.port;
  });
  afterAll(() => receiver.close());

  const delivery = (url: string): WebhookRequest => ({
    deliveryId: '0190a1b2-0000-7000-8000-0000000000bb',
    url,
    secret: newWebhookSecret(),
    payload: sampleNoticePayload(),
  });

  it.each([
    ['a private address', ['10.0.0.7']],
    ['a link-local address (cloud metadata)', ['169.254.169.254']],
    ['CGNAT', ['100.64.0.1']],
    ['unique-local IPv6', ['fd00::1']],
    ['IPv4-mapped loopback', ['::ffff:127.0.0.1']],
    ['a public and a loopback address', ['93.184.216.34', '127.0.0.1']],
    ['the loopback, in production', ['127.0.0.1']],
  ])('refuses a name resolving to %s before connecting, with "address not allowed"', async (_name, answers) => {
    const resolver = fixedResolver(...answers);
    const before = receiver.connections();
    const sender = createWebhookSender({ timeoutMs: 1_000, allowLoopback: false, resolver: resolver.resolve });
    const error = await sender.send(delivery(`https://hooks.partner.example:${port}/hook`)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebhookDeliveryError);
    expect((error as Error).message).toBe('address not allowed');
    expect(resolver.calls).toEqual(['hooks.partner.example']);
    expect(receiver.connections()).toBe(before);
  });

  it('refuses a name resolving to a private address even where the loopback is allowed', async () => {
    const resolver = fixedResolver('127.0.0.1', '192.168.1.20');
    const before = receiver.connections();
    const sender = createWebhookSender({ timeoutMs: 1_000, allowLoopback: true, resolver: resolver.resolve });
    await expect(sender.send(delivery(`http://localhost:${port}/hook`))).rejects.toThrow(/^address not allowed$/);
    expect(receiver.connections()).toBe(before);
  });

  it('resolves once per delivery and connects to the address it checked', async () => {
    const resolver = fixedResolver('127.0.0.1');
    const sender = createWebhookSender({ timeoutMs: 1_000, allowLoopback: true, resolver: resolver.resolve });
    const before = paths.length;
    await sender.send(delivery(`http://localhost:${port}/pinned`));
    await sender.send(delivery(`http://localhost:${port}/pinned`));
    expect(resolver.calls).toEqual(['localhost', 'localhost']);
    expect(paths.slice(before)).toEqual(['/pinned', '/pinned']);
  });

  it('does not follow a redirect to another address', async () => {
    const resolver = fixedResolver('127.0.0.1');
    const sender = createWebhookSender({ timeoutMs: 1_000, allowLoopback: true, resolver: resolver.resolve });
    const before = paths.length;
    await expect(sender.send(delivery(`http://localhost:${port}/redirect`))).rejects.toThrow(/^HTTP 302$/);
    expect(paths.slice(before)).toEqual(['/redirect']);
    expect(resolver.calls).toEqual(['localhost']);
  });

  it.each([
    `http://2130706433:PORT/`,
    `http://0177.0.0.1:PORT/`,
    `http://127.1:PORT/`,
    `http://[::ffff:127.0.0.1]:PORT/`,
    `https://10.0.0.7/`,
  ])('refuses a stored URL %s whose host is a non-public literal, without a lookup', async (template) => {
    const resolver = fixedResolver('127.0.0.1');
    const before = receiver.connections();
    const sender = createWebhookSender({ timeoutMs: 1_000, allowLoopback: false, resolver: resolver.resolve });
    await expect(sender.send(delivery(template.replace('PORT', String(port))))).rejects.toThrow(
      /^address not allowed$/,
    );
    expect(resolver.calls).toEqual([]);
    expect(receiver.connections()).toBe(before);
  });
});
