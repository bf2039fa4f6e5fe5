import { describe, expect, it } from 'vitest';
import { changesIn, contentIn, summaryIn, titleIn, type UpgradeContent } from './upgrade-content.ts';

const both: UpgradeContent = {
  title: 'Hóa đơn điện tử',
  summary: 'Mẫu mới',
  titleEn: 'E-invoices',
  summaryEn: 'New template',
  changesVi: 'Ký số từ xa',
  changesEn: 'Remote signing',
};

describe('contentIn', () => {
  it.each([
    ['VI', both, { title: 'Hóa đơn điện tử', summary: 'Mẫu mới', changes: 'Ký số từ xa' }],
    ['EN', both, { title: 'E-invoices', summary: 'New template', changes: 'Remote signing' }],
    [
      'EN',
      { ...both, titleEn: null, summaryEn: '  ', changesEn: null },
      { title: 'Hóa đơn điện tử', summary: 'Mẫu mới', changes: 'Ký số từ xa' },
    ],
    ['VI', { ...both, changesVi: '' }, { title: 'Hóa đơn điện tử', summary: 'Mẫu mới', changes: 'Remote signing' }],
    [
      'VI',
      { ...both, changesVi: null, changesEn: null },
      { title: 'Hóa đơn điện tử', summary: 'Mẫu mới', changes: null },
    ],
  ] as const)('%s falls back to the other language, never to nothing (%#)', (locale, content, expected) => {
    expect(contentIn(locale, content)).toEqual(expected);
  });

  it.each(['VI', 'EN'] as const)('gives each part in %s from its own two columns alone', (locale) => {
    const { title, titleEn, summary, summaryEn, changesVi, changesEn } = { ...both, titleEn: null, changesVi: ' ' };
    const whole = contentIn(locale, { title, titleEn, summary, summaryEn, changesVi, changesEn });
    expect(titleIn(locale, { title, titleEn })).toBe(whole.title);
    expect(summaryIn(locale, { summary, summaryEn })).toBe(whole.summary);
    expect(changesIn(locale, { changesVi, changesEn })).toBe(whole.changes);
    expect(titleIn(locale, { title: 'Tiêu đề', titleEn: 'Title' })).toBe(locale === 'EN' ? 'Title' : 'Tiêu đề');
    expect(changesIn(locale, { changesVi: null, changesEn: null })).toBeNull();
  });
});
