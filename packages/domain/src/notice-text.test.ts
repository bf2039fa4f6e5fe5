import { describe, expect, it } from 'vitest';
import { LOCALES, NOTICE_STAGES, UPGRADE_KINDS } from './enums.ts';
import { NOTICE_CATALOGS, renderNotice, type NoticeUpgrade } from './notice-text.ts';

const einvoice: NoticeUpgrade = {
  title: 'Hóa đơn điện tử theo Nghị định 70/2025',
  kind: 'FEATURE',
  windowStart: new Date('2026-12-19T12:00:00Z'),
  windowEnd: new Date('2026-12-19T15:00:00Z'),
  expectedDowntimeMinutes: 15,
  requiresRelogin: true,
  modules: ['Kế toán', 'Hóa đơn điện tử'],
};

const migration: NoticeUpgrade = {
  title: 'Database migration to the new cluster',
  kind: 'SERVER',
  windowStart: new Date('2026-07-16T17:00:00Z'),
  windowEnd: new Date('2026-07-16T18:00:00Z'),
  expectedDowntimeMinutes: 45,
  requiresRelogin: false,
  modules: [],
};

describe('renderNotice', () => {
  it('writes a Vietnamese FEATURE announcement in the customer time zone', () => {
    const notice = renderNotice({
      stage: 'ANNOUNCEMENT',
      locale: 'VI',
      timeZone: 'Asia/Ho_Chi_Minh',
      upgrade: einvoice,
      acknowledgeBy: new Date('2026-12-17T12:00:00Z'),
    });
    expect(notice.title).toBe('Thông báo kế hoạch nâng cấp: Hóa đơn điện tử theo Nghị định 70/2025');
    expect(notice.body).toBe(
      [
        'Kính gửi Quý khách hàng,',
        'Chúng tôi trân trọng thông báo kế hoạch cập nhật tính năng mới “Hóa đơn điện tử theo Nghị định 70/2025” trên hệ thống của Quý khách.',
        [
          'Thời gian thực hiện: Thứ Bảy, 19/12/2026 19:00 – 22:00 (GMT+7)',
          'Phân hệ liên quan: Kế toán, Hóa đơn điện tử.',
          'Thời gian dự kiến gián đoạn: khoảng 15 phút.',
          'Sau khi nâng cấp, người dùng cần đăng nhập lại vào phần mềm.',
        ].join('\n'),
        'Phiên bản mới được kiểm thử trên môi trường sandbox trước khi triển khai trên môi trường chạy thật (production). Thời điểm nâng cấp được chọn ngoài giờ làm việc để hạn chế ảnh hưởng đến hoạt động của đơn vị.',
        'Nếu thời gian trên trùng với kỳ khóa sổ, tính lương, quyết toán thuế hoặc công việc quan trọng của đơn vị, Quý khách vui lòng phản hồi sớm để chúng tôi sắp xếp lại lịch.',
        'Quý khách vui lòng xác nhận đã nhận thông báo này trước Thứ Năm, 17/12/2026 19:00 (GMT+7).',
        'Trân trọng,\nBộ phận Chăm sóc khách hàng',
      ].join('\n\n'),
    );
  });

  it('writes an English SERVER final reminder in a daylight-saving zone', () => {
    const notice = renderNotice({
      stage: 'FINAL_REMINDER',
      locale: 'EN',
      timeZone: 'Europe/Berlin',
      upgrade: migration,
      acknowledgeBy: new Date('2026-07-16T16:30:00Z'),
    });
    expect(notice.title).toBe('Service interruption for maintenance: Database migration to the new cluster');
    expect(notice.body).toBe(
      [
        'Dear Customer,',
        'Your system will be unavailable during the server maintenance “Database migration to the new cluster”. You will not be able to use the software during this time.',
        'Window: Thursday, 16 Jul 2026 19:00 – 20:00 (GMT+2)\nExpected downtime: about 45 minutes.',
        'Please save your work and sign out before the maintenance starts. If this time affects critical work at your company, please reply at once so that we can review it.',
        'Please acknowledge this notice by Thursday, 16 Jul 2026 18:30 (GMT+2).',
        'Kind regards,\nCustomer Care team',
      ].join('\n\n'),
    );
  });

  it('shows the same instant in each customer own zone', () => {
    const hanoi = renderNotice({ stage: 'REMINDER', locale: 'EN', timeZone: 'Asia/Ho_Chi_Minh', upgrade: migration });
    const berlin = renderNotice({ stage: 'REMINDER', locale: 'EN', timeZone: 'Europe/Berlin', upgrade: migration });
    expect(hanoi.body).toContain('Window: Friday, 17 Jul 2026 00:00 – 01:00 (GMT+7)');
    expect(berlin.body).toContain('Window: Thursday, 16 Jul 2026 19:00 – 20:00 (GMT+2)');
  });

  it('gives the old and new windows and the reason when rescheduled', () => {
    const vi = renderNotice({
      stage: 'RESCHEDULED',
      locale: 'VI',
      timeZone: 'Asia/Ho_Chi_Minh',
      upgrade: einvoice,
      previousWindowStart: new Date('2026-12-12T12:00:00Z'),
      previousWindowEnd: new Date('2026-12-12T15:00:00Z'),
      reason: 'Trùng kỳ khóa sổ cuối tháng.',
    });
    expect(vi.title).toBe('Thay đổi lịch nâng cấp: Hóa đơn điện tử theo Nghị định 70/2025');
    expect(vi.body).toContain(
      [
        'Lịch cũ: Thứ Bảy, 12/12/2026 19:00 – 22:00 (GMT+7)',
        'Lịch mới: Thứ Bảy, 19/12/2026 19:00 – 22:00 (GMT+7)',
        'Lý do: Trùng kỳ khóa sổ cuối tháng.',
      ].join('\n'),
    );
    const en = renderNotice({
      stage: 'RESCHEDULED',
      locale: 'EN',
      timeZone: 'Europe/Berlin',
      upgrade: migration,
      previousWindowStart: new Date('2026-03-28T23:30:00Z'),
    });
    expect(en.body).toContain(
      'Previous window: Sunday, 29 Mar 2026 00:30 (GMT+1)\nNew window: Thursday, 16 Jul 2026 19:00 – 20:00 (GMT+2)',
    );
    expect(en.body).not.toContain('Reason:');
  });

  it('spells out hours of downtime, and says so when there is none', () => {
    const long = renderNotice({
      stage: 'FINAL_REMINDER',
      locale: 'VI',
      timeZone: 'Asia/Ho_Chi_Minh',
      upgrade: { ...migration, expectedDowntimeMinutes: 90 },
    });
    expect(long.body).toContain('Thời gian dự kiến gián đoạn: khoảng 1 giờ 30 phút.');
    const hour = renderNotice({
      stage: 'FINAL_REMINDER',
      locale: 'EN',
      timeZone: 'Asia/Ho_Chi_Minh',
      upgrade: { ...migration, expectedDowntimeMinutes: 60 },
    });
    expect(hour.body).toContain('Expected downtime: about 1 hour.');
    const none = renderNotice({
      stage: 'ADVISORY',
      locale: 'VI',
      timeZone: 'Asia/Ho_Chi_Minh',
      upgrade: { ...einvoice, kind: 'FIX', expectedDowntimeMinutes: 0, requiresRelogin: false },
    });
    expect(none.title).toBe('Thông báo cập nhật sửa lỗi: Hóa đơn điện tử theo Nghị định 70/2025');
    expect(none.body).toContain('Thời gian dự kiến gián đoạn: không đáng kể');
    expect(none.body).toContain('Bản cập nhật này không làm thay đổi cách sử dụng phần mềm.');
    expect(none.body).not.toContain('đăng nhập lại');
  });

  it('asks for an acknowledgement only when given a deadline', () => {
    const notice = renderNotice({ stage: 'ANNOUNCEMENT', locale: 'EN', timeZone: 'UTC', upgrade: einvoice });
    expect(notice.body).not.toContain('acknowledge');
  });

  describe.each(LOCALES)('every stage in %s', (locale) => {
    it.each(NOTICE_STAGES.flatMap((stage) => UPGRADE_KINDS.map((kind) => [stage, kind] as const)))(
      '%s of a %s upgrade names the upgrade and its window in local time',
      (stage, kind) => {
        const notice = renderNotice({
          stage,
          locale,
          timeZone: 'Asia/Ho_Chi_Minh',
          upgrade: { ...einvoice, kind },
          previousWindowStart: new Date('2026-12-12T12:00:00Z'),
          reason: 'reason-text',
        });
        expect(notice.title).toContain(einvoice.title);
        expect(notice.body).toContain(einvoice.title);
        // 12:00 UTC is 19:00 in Hồ Chí Minh City; the UTC hour must never leak into the text.
        expect(notice.body).toContain('19:00');
        expect(notice.body).toContain('(GMT+7)');
        expect(notice.body).not.toMatch(/\b12:00\b/);
        expect(notice.body).not.toMatch(/undefined|null|NaN|\$\{/);
      },
    );
  });

  it('renders the same stage differently per locale', () => {
    for (const stage of NOTICE_STAGES) {
      const vi = renderNotice({ stage, locale: 'VI', timeZone: 'Asia/Ho_Chi_Minh', upgrade: einvoice });
      const en = renderNotice({ stage, locale: 'EN', timeZone: 'Asia/Ho_Chi_Minh', upgrade: einvoice });
      expect(vi.title).not.toBe(en.title);
      expect(vi.body).toContain('Thứ Bảy, 19/12/2026');
      expect(en.body).toContain('Saturday, 19 Dec 2026');
    }
  });
});

describe('notice catalogs', () => {
  it('have exactly the same stages in VI and EN, and every stage', () => {
    const vi = Object.keys(NOTICE_CATALOGS.VI).sort();
    const en = Object.keys(NOTICE_CATALOGS.EN).sort();
    expect(vi).toEqual(en);
    expect(vi).toEqual([...NOTICE_STAGES].sort());
  });
});

describe('the upgrade’s own words in its notices', () => {
  const withContent = { ...einvoice, summary: 'Mẫu hóa đơn mới.', changes: 'Ký số từ xa.' };
  it.each(['ANNOUNCEMENT', 'REMINDER', 'FINAL_REMINDER', 'ADVISORY', 'COMPLETED'] as const)(
    '%s carries the summary and what changes, in both locales',
    (stage) => {
      for (const [locale, label] of [
        ['VI', 'Những thay đổi chính:'],
        ['EN', 'What changes:'],
      ] as const) {
        const { body } = renderNotice({ stage, locale, timeZone: 'Asia/Ho_Chi_Minh', upgrade: withContent });
        expect(body).toContain('Mẫu hóa đơn mới.');
        expect(body).toContain(`${label}\nKý số từ xa.`);
      }
    },
  );
  it('without them the text is as before', () => {
    const plain = renderNotice({ stage: 'REMINDER', locale: 'EN', timeZone: 'Asia/Ho_Chi_Minh', upgrade: einvoice });
    expect(plain.body).not.toContain('What changes');
  });
});

describe('the working-hours sentence appears only when the window lies in 18:00-06:00 for the customer', () => {
  const daytime: NoticeUpgrade = {
    ...einvoice,
    windowStart: new Date('2026-12-19T03:00:00Z'),
    windowEnd: new Date('2026-12-19T05:00:00Z'),
  };
  it.each([
    // [window, time zone, sentence expected]
    ['evening in Hà Nội', einvoice, 'Asia/Ho_Chi_Minh', true],
    ['10:00-12:00 in Hà Nội', daytime, 'Asia/Ho_Chi_Minh', false],
    ['the Hà Nội evening is 13:00 in Berlin', einvoice, 'Europe/Berlin', false],
    [
      'crosses 06:00 in Hà Nội',
      { ...einvoice, windowEnd: new Date('2026-12-19T23:30:00Z') },
      'Asia/Ho_Chi_Minh',
      false,
    ],
  ] as const)('%s', (_name, upgrade, timeZone, expected) => {
    for (const locale of LOCALES) {
      const { body } = renderNotice({ stage: 'ANNOUNCEMENT', locale, timeZone, upgrade });
      const sentence = locale === 'VI' ? 'ngoài giờ làm việc' : 'outside business hours';
      expect(body.includes(sentence)).toBe(expected);
    }
  });

  it('follows the policy’s own quiet hours', () => {
    const { body } = renderNotice({
      stage: 'ANNOUNCEMENT',
      locale: 'EN',
      timeZone: 'Asia/Ho_Chi_Minh',
      upgrade: einvoice,
      quietHours: { start: 20, end: 6 },
    });
    expect(body).not.toContain('outside business hours');
  });
});

describe('every notice ends with the vendor’s contact and the account team', () => {
  const contact = {
    vendor: { name: 'TIGO Solutions', email: 'info@tigo.example', phone: '024 1234 5678' },
    accountTeam: [
      { name: 'Nguyễn Thị Hoa', role: 'IMPLEMENTATION' as const },
      { name: 'Trần Văn Nam', role: 'CUSTOMER_CARE' as const },
    ],
  };
  it.each(LOCALES.flatMap((locale) => NOTICE_STAGES.map((stage) => [locale, stage] as const)))(
    '%s %s',
    (locale, stage) => {
      const { body } = renderNotice({ stage, locale, timeZone: 'Asia/Ho_Chi_Minh', upgrade: migration, contact });
      const last = body.split('\n\n').at(-1)!;
      expect(last).toContain('TIGO Solutions');
      expect(last).toContain('info@tigo.example');
      expect(last).toContain('024 1234 5678');
      expect(last).toContain('Nguyễn Thị Hoa');
      expect(last).toContain('Trần Văn Nam');
      expect(last).toContain(locale === 'VI' ? 'Triển khai (TK)' : 'Implementation');
      // Once, not repeated: the contact block closes the notice a single time.
      expect(body.split('info@tigo.example')).toHaveLength(2);
    },
  );

  it('leaves out a phone that is not configured, and an empty account team', () => {
    const { body } = renderNotice({
      stage: 'REMINDER',
      locale: 'VI',
      timeZone: 'Asia/Ho_Chi_Minh',
      upgrade: einvoice,
      contact: { vendor: { ...contact.vendor, phone: '' }, accountTeam: [] },
    });
    expect(body).not.toContain('Điện thoại');
    expect(body).not.toContain('Cán bộ phụ trách');
    expect(body.split('\n\n').at(-1)).toContain('info@tigo.example');
  });
});

describe('the customer is addressed as "Quý khách" throughout', () => {
  it.each(NOTICE_STAGES.flatMap((stage) => UPGRADE_KINDS.map((kind) => [stage, kind] as const)))(
    '%s %s',
    (stage, kind) => {
      const { body } = renderNotice({
        stage,
        locale: 'VI',
        timeZone: 'Asia/Ho_Chi_Minh',
        upgrade: { ...einvoice, kind },
        acknowledgeBy: new Date('2026-12-17T12:00:00Z'),
        reason: 'Nhà cung cấp đổi lịch',
        previousWindowStart: new Date('2026-12-12T12:00:00Z'),
      });
      expect(body.startsWith('Kính gửi Quý khách hàng,')).toBe(true);
      // Other forms of address the catalog once mixed in.
      expect(body).not.toMatch(/\b(bạn|anh\/chị|quý công ty|khách hàng thân mến)\b/i);
      expect(body).not.toMatch(/xin vui lòng/);
      expect(body).toContain('Quý khách');
    },
  );
});

describe('FIX advisory: names the customer’s own modules and versions', () => {
  it('lists each with the version the customer runs, and the version it brings', () => {
    const fix: NoticeUpgrade = { ...einvoice, kind: 'FIX', targetVersion: '3.2.2' };
    const vi = renderNotice({
      stage: 'ADVISORY',
      locale: 'VI',
      timeZone: 'Asia/Ho_Chi_Minh',
      upgrade: fix,
      customerModules: [{ name: 'Kế toán', version: '3.2.1' }],
    });
    expect(vi.body).toContain(
      'Bản sửa lỗi áp dụng cho các phân hệ của Quý khách: Kế toán (phiên bản Quý khách đang dùng: 3.2.1).',
    );
    expect(vi.body).toContain('Phiên bản sau khi cập nhật: 3.2.2.');
    const en = renderNotice({
      stage: 'ADVISORY',
      locale: 'EN',
      timeZone: 'Asia/Ho_Chi_Minh',
      upgrade: fix,
      customerModules: [{ name: 'Accounting', version: '3.2.1' }],
    });
    expect(en.body).toContain('This fix is for your modules: Accounting (your version: 3.2.1).');
  });
});
