import { describe, expect, it } from 'vitest';
import { deliveryRows, type DeliveryAudience } from './notice-deliveries.ts';

const audience: DeliveryAudience = {
  emailsOf: new Map([
    ['hanoi', ['a@hanoi.example', 'b@hanoi.example']],
    ['saigon', ['a@saigon.example']],
  ]),
  staffEmailsOf: new Map([['hanoi', ['care@vendor.example', 'a@hanoi.example']]]),
  endpointsOf: new Map([
    [
      'hanoi',
      [
        { id: 'w1', url: 'https://erp.hanoi.example/hook' },
        { id: 'w2', url: 'https://erp.hanoi.example/hook' },
      ],
    ],
  ]),
};

const pairs = (rows: ReturnType<typeof deliveryRows>) => rows.map((row) => `${row.channel} ${row.recipient}`);

describe('deliveryRows', () => {
  it('emails every user who wants email, and posts to each endpoint URL once', () => {
    const rows = deliveryRows([{ id: 'n1', customerId: 'hanoi', stage: 'REMINDER' }], audience);
    expect(pairs(rows)).toEqual([
      'EMAIL a@hanoi.example',
      'EMAIL b@hanoi.example',
      'WEBHOOK https://erp.hanoi.example/hook',
    ]);
    expect(rows.find((row) => row.channel === 'WEBHOOK')?.webhookEndpointId).toBe('w1');
    expect(rows.every((row) => row.noticeId === 'n1' && row.nextAttemptAt === undefined)).toBe(true);
  });

  it('copies a FIX advisory to the assigned staff, without sending anyone two copies', () => {
    const rows = deliveryRows([{ id: 'n2', customerId: 'hanoi', stage: 'ADVISORY' }], audience);
    expect(pairs(rows).filter((pair) => pair.startsWith('EMAIL'))).toEqual([
      'EMAIL a@hanoi.example',
      'EMAIL b@hanoi.example',
      'EMAIL care@vendor.example',
    ]);
  });

  it('is due at `now` when given, and empty for a customer nobody can be reached at', () => {
    const now = new Date('2026-12-01T03:00:00Z');
    const rows = deliveryRows([{ id: 'n3', customerId: 'saigon', stage: 'ADVISORY' }], audience, { now });
    expect(rows).toEqual([{ noticeId: 'n3', channel: 'EMAIL', recipient: 'a@saigon.example', nextAttemptAt: now }]);
    expect(deliveryRows([{ id: 'n4', customerId: 'nobody', stage: 'REMINDER' }], audience)).toEqual([]);
  });
});
