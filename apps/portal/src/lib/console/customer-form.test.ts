import { describe, expect, it } from 'vitest';
import { readCustomerForm, timeZoneChoices } from './customer-form';

function formData(entries: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(entries)) form.set(name, value);
  return form;
}

describe('readCustomerForm', () => {
  it('trims the texts and keeps the zone and locale', () => {
    const state = readCustomerForm(
      formData({ name: ' Bệnh viện Đà Nẵng ', code: 'DANANG-HOSPITAL', timeZone: 'Asia/Bangkok', locale: 'EN' }),
    );
    expect(state.errors).toEqual({});
    expect(state.values).toMatchObject({
      name: 'Bệnh viện Đà Nẵng',
      code: 'DANANG-HOSPITAL',
      timeZone: 'Asia/Bangkok',
      locale: 'EN',
      address: '',
    });
  });

  it('names a missing name and code, and falls back to VI and the default zone', () => {
    const state = readCustomerForm(formData({ name: '  ', locale: 'FR' }));
    expect(state.errors).toEqual({ name: 'console.customers.error.name', code: 'console.customers.error.code' });
    expect(state.values.locale).toBe('VI');
    expect(state.values.timeZone).toBe('Asia/Ho_Chi_Minh');
  });
});

describe('timeZoneChoices', () => {
  it('always offers the default and the current zone, sorted, once each', () => {
    expect(timeZoneChoices('Europe/Berlin', ['Asia/Saigon', 'Europe/Berlin', 'America/New_York'])).toEqual([
      'America/New_York',
      'Asia/Ho_Chi_Minh',
      'Asia/Saigon',
      'Europe/Berlin',
    ]);
  });
});
