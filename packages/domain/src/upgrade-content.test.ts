import { describe, expect, it } from 'vitest';
import { contentIn, type UpgradeContent } from './upgrade-content.ts';

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
});
