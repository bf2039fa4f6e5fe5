import { describe, expect, it } from 'vitest';
import { LOCALES, NOTICE_STAGES, UPGRADE_KINDS } from './enums.ts';
import { NOTICE_STAGE_NAMES, noticeStageName } from './notice-stage-names.ts';
import { renderNotice } from './notice-text.ts';

const upgrade = {
  title: 'Kế toán 3.2',
  windowStart: new Date('2026-12-19T12:00:00Z'),
  windowEnd: new Date('2026-12-19T15:00:00Z'),
  expectedDowntimeMinutes: 15,
  requiresRelogin: false,
  modules: [],
};

describe('one catalog of stage names', () => {
  it('names every stage in every locale, each name distinct within its locale', () => {
    for (const locale of LOCALES) {
      const names = NOTICE_STAGES.map((stage) => NOTICE_STAGE_NAMES[locale][stage]);
      expect(names.every((name) => name.trim().length > 0)).toBe(true);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it.each(LOCALES.flatMap((l) => UPGRADE_KINDS.flatMap((k) => NOTICE_STAGES.map((s) => [l, k, s] as const))))(
    'the %s %s %s notice title starts with the catalog’s name',
    (locale, kind, stage) => {
      const { title } = renderNotice({ stage, locale, timeZone: 'Asia/Ho_Chi_Minh', upgrade: { ...upgrade, kind } });
      expect(title).toBe(`${noticeStageName(locale, stage, kind)}: Kế toán 3.2`);
    },
  );

  it('names server stages for the interruption the customer lives through', () => {
    expect(noticeStageName('EN', 'FINAL_REMINDER', 'SERVER')).toBe('Service interruption for maintenance');
    expect(noticeStageName('EN', 'FINAL_REMINDER', 'FEATURE')).toBe(NOTICE_STAGE_NAMES.EN.FINAL_REMINDER);
    expect(noticeStageName('VI', 'REMINDER', 'SERVER')).toBe(NOTICE_STAGE_NAMES.VI.REMINDER);
  });
});
