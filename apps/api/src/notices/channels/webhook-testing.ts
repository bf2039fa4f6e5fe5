// For tests of the WEBHOOK channel (here and in tests/): a resolver that needs no DNS, and a notice.
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HostResolver, ResolvedAddress } from './webhook-transport.ts';
import { noticeWebhookPayload, type NoticeWebhookPayload, type WebhookNotice } from './webhook.ts';

/**
 * A resolver answering `addresses` for every name, recording the names asked: tests point names at
 * the loopback (or at private addresses that must never be connected to) without any real lookup.
 */
export function fixedResolver(...addresses: string[]): { resolve: HostResolver; calls: string[] } {
  const calls: string[] = [];
  const answers: ResolvedAddress[] = addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  const resolve: HostResolver = (hostname) => {
    calls.push(hostname);
    return Promise.resolve(answers);
  };
  return { resolve, calls };
}

/** A published notice's payload, as a partner receives it. */
export function sampleNoticePayload(overrides: Partial<WebhookNotice> = {}): NoticeWebhookPayload {
  const at = new Date('2026-12-01T03:00:00Z');
  return noticeWebhookPayload({
    id: '0190a1b2-0000-7000-8000-000000000001',
    upgradeId: '0190a1b2-0000-7000-8000-000000000002',
    customerCode: 'MEKONG-DISTRIBUTION',
    stage: 'IMMINENT',
    locale: 'VI',
    title: 'Bảo trì máy chủ sau 30 phút',
    body: 'Hệ thống sẽ tạm dừng.',
    scheduledFor: at,
    publishedAt: at,
    requiresAcknowledgement: false,
    acknowledgeBy: null,
    ...overrides,
  });
}

export interface LoopbackReceiver {
  port: number;
  /** TCP connections accepted so far: a refused delivery must not add one. */
  connections(): number;
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 (the only place tests send webhooks to), counting connections. */
export async function loopbackReceiver(handler: RequestListener): Promise<LoopbackReceiver> {
  const server = createServer(handler);
  let connections = 0;
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => connections,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
