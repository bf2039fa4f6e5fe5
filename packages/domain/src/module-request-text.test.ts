import { describe, expect, it } from 'vitest';
import { LOCALES } from './enums.ts';
import { MODULE_REQUEST_STAGES } from './module-request-stages.ts';
import { MODULE_REQUEST_CATALOGS, renderStageChange, type StageChangeNews } from './module-request-text.ts';

const base: StageChangeNews = {
  locale: 'VI',
  timeZone: 'Asia/Ho_Chi_Minh',
  title: 'Bổ sung phân hệ quản lý cổ đông',
  kind: 'NEW_MODULE',
  module: 'Quản lý cổ đông',
  stage: 'CONSULTATION',
  at: new Date('2026-12-01T03:00:00Z'),
  by: 'Phạm Văn Long',
};

describe('renderStageChange', () => {
  it('writes a Vietnamese step in the customer time zone', () => {
    const { activity, email } = renderStageChange({ ...base, note: 'Hẹn gặp kế toán trưởng thứ Năm.' });
    expect(activity).toEqual({
      title: 'Yêu cầu “Bổ sung phân hệ quản lý cổ đông”: Tư vấn',
      body: [
        'Chuyên gia của chúng tôi sẽ trao đổi với Quý khách để nắm bắt nhu cầu và quy trình nghiệp vụ.',
        'Ghi chú: Hẹn gặp kế toán trưởng thứ Năm.',
        [
          'Yêu cầu: bổ sung phân hệ Quản lý cổ đông – “Bổ sung phân hệ quản lý cổ đông”',
          'Giai đoạn: Tư vấn',
          'Thời điểm: Thứ Ba, 01/12/2026 10:00 (GMT+7), bởi Phạm Văn Long',
        ].join('\n'),
      ].join('\n\n'),
    });
    expect(email.subject).toBe('[Yêu cầu phát triển] Bổ sung phân hệ quản lý cổ đông: Tư vấn');
    expect(email.text.startsWith('Kính gửi Quý khách hàng,\n\n')).toBe(true);
    expect(email.text).toContain(activity.body);
    expect(email.text.endsWith('Trân trọng,\nBộ phận Chăm sóc khách hàng')).toBe(true);
  });

  it('writes an English close with the installed version and the warranty end', () => {
    const { activity } = renderStageChange({
      ...base,
      locale: 'EN',
      timeZone: 'Europe/Berlin',
      title: 'Shareholder register',
      module: 'Shareholder management',
      stage: 'CLOSED',
      deliveredVersion: '2.1.0',
      warrantyEndsAt: new Date('2027-12-01T03:00:00Z'),
    });
    expect(activity.title).toBe('Request “Shareholder register”: Closed');
    expect(activity.body).toContain(
      'Shareholder management is installed (version 2.1.0), under warranty until 1 Dec 2027.',
    );
    expect(activity.body).toContain('When: Tuesday, 1 Dec 2026 04:00 (GMT+1), by Phạm Văn Long');
  });

  it('gives a rejection its reason, and a submission its missing prerequisites', () => {
    const rejected = renderStageChange({ ...base, stage: 'REJECTED', note: 'Chưa có ngân sách.' });
    expect(rejected.activity.body).toContain('Lý do: Chưa có ngân sách.');
    const submitted = renderStageChange({ ...base, stage: 'SUBMITTED', missingPrerequisites: ['Tài sản cố định'] });
    expect(submitted.activity.body).toContain('cần có thêm Tài sản cố định');
    expect(submitted.email.text).toContain('đã được gửi đến chúng tôi');
  });

  it('has a name and a text for every stage in every locale, never leaking a code', () => {
    for (const locale of LOCALES) {
      for (const stage of MODULE_REQUEST_STAGES) {
        const name = MODULE_REQUEST_CATALOGS[locale].stageNames[stage];
        expect(name.length).toBeGreaterThan(0);
        const { activity, email } = renderStageChange({ ...base, locale, stage });
        for (const text of [activity.title, activity.body, email.subject, email.text]) {
          expect(text).not.toMatch(/undefined|null|\b[A-Z]+_[A-Z_]+\b/);
        }
      }
    }
  });
});
