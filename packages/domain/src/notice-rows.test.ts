import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTICE_POLICIES, planNotices } from './notice-policy.ts';
import {
  awaitsRelease,
  DEFAULT_VENDOR_CONTACT,
  noticeRows,
  type TargetToPlan,
  type UpgradeToPlan,
} from './notice-rows.ts';

const NOW = new Date('2026-12-01T03:00:00Z');

const fix: UpgradeToPlan = {
  id: 'u1',
  kind: 'FIX',
  title: 'Sửa lỗi làm tròn thuế',
  summary: '',
  titleEn: null,
  summaryEn: null,
  changesVi: null,
  changesEn: null,
  windowStart: new Date('2026-12-02T12:00:00Z'),
  windowEnd: new Date('2026-12-02T13:00:00Z'),
  expectedDowntimeMinutes: 0,
  requiresRelogin: false,
  sandboxStart: null,
  emergency: false,
  emergencyReason: null,
  sequence: 0,
  targetVersion: '3.2.2',
  modules: [
    { module: { id: 'acc', nameVi: 'Kế toán', nameEn: 'Accounting' } },
    { module: { id: 'inv', nameVi: 'Kho', nameEn: 'Inventory' } },
  ],
};

const target = (
  customerId: string,
  locale: 'VI' | 'EN',
  installed: TargetToPlan['installedModules'],
): TargetToPlan => ({
  customerId,
  locale,
  timeZone: 'Asia/Ho_Chi_Minh',
  blackouts: [],
  window: null,
  installedModules: installed,
  accountTeam: [{ name: `Care of ${customerId}`, role: 'CUSTOMER_CARE' }],
});

const hanoi = target('hanoi', 'VI', [{ moduleId: 'acc', version: '3.2.1' }]);
const saigon = target('saigon', 'EN', [
  { moduleId: 'acc', version: '3.1.0' },
  { moduleId: 'inv', version: '2.0.4' },
  { moduleId: 'hr', version: '1.0.0' },
]);

function rows(upgrade: UpgradeToPlan) {
  const targets = [hanoi, saigon];
  return noticeRows(upgrade, planNotices(upgrade, DEFAULT_NOTICE_POLICIES[upgrade.kind], targets, NOW), targets);
}

describe('FIX advisory: held for the account team unless important', () => {
  it.each([
    ['FIX', false, 'ADVISORY', true],
    ['FIX', true, 'ADVISORY', false],
    ['FIX', false, 'COMPLETED', false],
    ['SERVER', false, 'FINAL_REMINDER', false],
    ['FEATURE', false, 'ANNOUNCEMENT', false],
  ] as const)('%s important=%s %s: held %s', (kind, important, stage, held) => {
    expect(awaitsRelease(stage, { kind, important })).toBe(held);
  });

  it('plans the advisory rows held, or free when the fix is important', () => {
    expect(rows(fix).map((r) => [r.customerId, r.stage, r.awaitingRelease])).toEqual([
      ['hanoi', 'ADVISORY', true],
      ['saigon', 'ADVISORY', true],
    ]);
    expect(rows({ ...fix, important: true }).every((r) => !r.awaitingRelease)).toBe(true);
  });

  it('tells each customer which of its own modules and versions the fix is for', () => {
    const [vi, en] = rows(fix);
    expect(vi!.body).toContain('Kế toán (phiên bản Quý khách đang dùng: 3.2.1)');
    expect(vi!.body).not.toContain('Kho (');
    expect(en!.body).toContain('Accounting (your version: 3.1.0), Inventory (your version: 2.0.4)');
    expect(en!.body).toContain('Version after the update: 3.2.2.');
  });

  it('ends every row with the vendor’s contact and the customer’s own account team', () => {
    for (const row of rows(fix)) {
      const last = row.body.split('\n\n').at(-1)!;
      expect(last).toContain(DEFAULT_VENDOR_CONTACT.email);
      expect(last).toContain(`Care of ${row.customerId}`);
    }
  });

  it('uses the configured vendor when given', () => {
    const targets = [hanoi];
    const [row] = noticeRows(fix, planNotices(fix, DEFAULT_NOTICE_POLICIES.FIX, targets, NOW), targets, {
      vendor: { name: 'ACME ERP', email: 'help@acme.example', phone: '1800 1234' },
    });
    expect(row!.body).toContain('ACME ERP');
    expect(row!.body).toContain('Điện thoại: 1800 1234');
    expect(row!.body).not.toContain(DEFAULT_VENDOR_CONTACT.email);
  });
});
