import { describe, expect, it } from 'vitest';
import { noticeEffect, readUpgradeEdit, toldCustomers, type TargetPlan } from './upgrade-page';

// Hanoi Water was sent its announcement (email and in-app); Saigon Garment's first notice is still planned.
const plan: TargetPlan[] = [
  {
    customer: { id: 'hanoi', name: 'Hanoi Water' },
    eventChannels: ['EMAIL', 'IN_APP'],
    notices: [
      { stage: 'ANNOUNCEMENT', state: 'PUBLISHED' },
      { stage: 'REMINDER', state: 'PENDING' },
      { stage: 'FINAL_REMINDER', state: 'PENDING' },
    ],
  },
  {
    customer: { id: 'saigon', name: 'Saigon Garment' },
    eventChannels: ['IN_APP', 'WEBHOOK'],
    notices: [
      { stage: 'ANNOUNCEMENT', state: 'PENDING' },
      { stage: 'REMINDER', state: 'PENDING' },
    ],
  },
];

describe('what an action on the upgrade page tells the customers', () => {
  it('knows who was already told', () => {
    expect([...toldCustomers(plan)]).toEqual(['hanoi']);
  });

  it('a cancel names the CANCELLED notice, the customers told and their channels, and drops the rest', () => {
    expect(noticeEffect({ kind: 'TRANSITION', to: 'CANCELLED' }, 'SCHEDULED', plan)).toEqual({
      sendsNow: [
        { stage: 'CANCELLED', customers: [{ id: 'hanoi', name: 'Hanoi Water', channels: ['IN_APP', 'EMAIL'] }] },
      ],
      pending: 'DROPPED',
      pendingCount: 4,
      planned: [],
    });
  });

  it('a move for one customer concerns its notices alone; one never told gets no RESCHEDULED', () => {
    expect(noticeEffect({ kind: 'MOVE', customerIds: ['hanoi'] }, 'SCHEDULED', plan)).toMatchObject({
      sendsNow: [{ stage: 'RESCHEDULED', customers: [{ id: 'hanoi' }] }],
      pending: 'REPLANNED',
      pendingCount: 2,
    });
    expect(noticeEffect({ kind: 'MOVE', customerIds: ['saigon'] }, 'SCHEDULED', plan)).toMatchObject({
      sendsNow: [],
      pendingCount: 2,
    });
  });

  it('publishing a draft lists the plan per stage, with the customers and their channels', () => {
    const draft = plan.map((t) => ({ ...t, notices: t.notices.map((n) => ({ ...n, state: 'PENDING' as const })) }));
    const effect = noticeEffect({ kind: 'TRANSITION', to: 'SCHEDULED' }, 'DRAFT', draft);
    expect(effect.sendsNow).toEqual([]);
    expect(effect.pending).toBe('PLANNED');
    expect(effect.planned.map((p) => [p.stage, p.customers.map((c) => c.name)])).toEqual([
      ['ANNOUNCEMENT', ['Hanoi Water', 'Saigon Garment']],
      ['REMINDER', ['Hanoi Water', 'Saigon Garment']],
      ['FINAL_REMINDER', ['Hanoi Water']],
    ]);
    expect(effect.planned[0]!.customers[1]!.channels).toEqual(['IN_APP', 'WEBHOOK']);
  });

  it('the sandbox step sends nothing', () => {
    expect(noticeEffect({ kind: 'TRANSITION', to: 'SANDBOX' }, 'SCHEDULED', plan)).toMatchObject({
      sendsNow: [],
      pending: 'KEPT',
    });
  });
});

describe('the edit form', () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.set(name, value);
    return data;
  };

  it('reads the texts trimmed and the downtime as whole minutes', () => {
    const { input } = readUpgradeEdit(form({ title: ' Hóa đơn ', summary: 'Mẫu mới', expectedDowntimeMinutes: '15' }));
    expect(input).toMatchObject({ title: 'Hóa đơn', summary: 'Mẫu mới', titleEn: '', expectedDowntimeMinutes: 15 });
  });

  it('refuses a missing Vietnamese title or a downtime that is no whole number, keeping the values', () => {
    expect(readUpgradeEdit(form({ title: '', summary: 'x', expectedDowntimeMinutes: '5' })).input).toBeNull();
    const refused = readUpgradeEdit(form({ title: 'a', summary: 'x', expectedDowntimeMinutes: '1.5' }));
    expect(refused.input).toBeNull();
    expect(refused.values.expectedDowntimeMinutes).toBe('1.5');
  });
});
