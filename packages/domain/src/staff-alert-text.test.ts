// The account team's alerts, in each staff member's language, times in the vendor's zone.
import { describe, expect, it } from 'vitest';
import { STAFF_ALERT_KINDS } from './staff-alert-kinds.ts';
import { renderStaffAlert, type StaffAlertFacts } from './staff-alert-text.ts';

const customer = { name: 'Công ty Nước sạch Hà Nội', code: 'HANOI-WATER' };

const FACTS: Record<(typeof STAFF_ALERT_KINDS)[number], StaffAlertFacts> = {
  MODULE_REQUEST_CREATED: {
    kind: 'MODULE_REQUEST_CREATED',
    customer,
    by: 'Nguyễn Thị Lan',
    title: 'Quản lý xe bồn',
    requestKind: 'NEW_MODULE',
    module: { nameVi: 'Quản lý vận tải', nameEn: 'Transport management' },
    missingPrerequisites: [{ nameVi: 'Quản lý kho', nameEn: 'Inventory' }],
  },
  CUSTOMER_COMMENT: {
    kind: 'CUSTOMER_COMMENT',
    customer,
    by: 'Lan',
    title: 'Quản lý xe bồn',
    comment: 'Xin lịch hẹn.',
  },
  COUNTER_PROPOSAL: {
    kind: 'COUNTER_PROPOSAL',
    customer,
    upgradeTitle: 'Kế toán 5.8',
    proposedStart: new Date('2026-12-19T12:00:00Z'),
    proposedEnd: new Date('2026-12-19T15:00:00Z'),
    reason: 'Khóa sổ cuối tháng',
  },
  ACKNOWLEDGEMENT_OVERDUE: {
    kind: 'ACKNOWLEDGEMENT_OVERDUE',
    customer,
    noticeTitle: 'Nâng cấp Kế toán 5.8',
    acknowledgeBy: new Date('2026-12-10T03:00:00Z'),
  },
  DELIVERY_FAILED: {
    kind: 'DELIVERY_FAILED',
    customer,
    noticeTitle: 'Nâng cấp Kế toán 5.8',
    channel: 'EMAIL',
    recipient: 'ketoan@hawaco.example',
    attempts: 6,
    lastError: '550 mailbox unavailable',
  },
};

describe('renderStaffAlert', () => {
  it('has a text for every kind in both languages, naming the customer', () => {
    for (const kind of STAFF_ALERT_KINDS) {
      for (const locale of ['VI', 'EN'] as const) {
        const alert = renderStaffAlert(FACTS[kind], locale);
        expect(alert.title, `${kind} ${locale}`).toContain('HANOI-WATER');
        expect(alert.body.length).toBeGreaterThan(0);
        expect(alert.email.subject).toContain(alert.title);
        expect(alert.email.text).toContain(alert.body);
      }
    }
  });

  it('writes a new request in Vietnamese with the module and the missing prerequisites', () => {
    const alert = renderStaffAlert(FACTS.MODULE_REQUEST_CREATED, 'VI');
    expect(alert.title).toBe('Yêu cầu mới từ Công ty Nước sạch Hà Nội (HANOI-WATER): Quản lý xe bồn');
    expect(alert.body).toContain('đăng ký bổ sung phân hệ Quản lý vận tải');
    expect(alert.body).toContain('Quản lý kho');
    expect(alert.email.subject).toBe(`[Cảnh báo khách hàng] ${alert.title}`);
  });

  it('writes module names and times in the reader language, in the vendor time zone', () => {
    const request = renderStaffAlert(FACTS.MODULE_REQUEST_CREATED, 'EN');
    expect(request.body).toContain('a new module Transport management');
    const overdue = renderStaffAlert(FACTS.ACKNOWLEDGEMENT_OVERDUE, 'VI');
    expect(overdue.body).toContain('10/12/2026 10:00 (GMT+7)');
    const proposal = renderStaffAlert(FACTS.COUNTER_PROPOSAL, 'EN');
    expect(proposal.body).toContain('19:00');
    expect(proposal.body).toContain('Reason: Khóa sổ cuối tháng');
  });

  it('says where a failed delivery was going and why it failed', () => {
    const alert = renderStaffAlert(FACTS.DELIVERY_FAILED, 'EN');
    expect(alert.body).toContain('email to ketoan@hawaco.example');
    expect(alert.body).toContain('after 6 attempts');
    expect(alert.body).toContain('Last error: 550 mailbox unavailable');
  });
});
