import { describe, expect, it } from 'vitest';
import { checkCustomerFields, isEmailAddress, isPhoneNumber, type CustomerFields } from './customer-input.ts';

describe('isEmailAddress', () => {
  it.each([
    ['it@hanoi-water.example', true],
    ['a.b+c@mail.co.vn', true],
    ['no-at-sign.example', false],
    ['two@@ats.example', false],
    ['no@dot', false],
    ['space in@side.example', false],
    ['trailing@dot.', false],
    [`${'a'.repeat(316)}@b.vn`, false],
  ])('%s -> %s', (email, expected) => {
    expect(isEmailAddress(email)).toBe(expected);
  });
});

describe('isPhoneNumber', () => {
  it.each([
    ['+84 24 3825 1234', true],
    ['(028) 3829-5555', true],
    ['0912.345.678', true],
    ['12345', false],
    ['call me', false],
    ['+84 24 3825 1234 ext', false],
  ])('%s -> %s', (phone, expected) => {
    expect(isPhoneNumber(phone)).toBe(expected);
  });
});

describe('checkCustomerFields', () => {
  it('trims and normalises what is given: code upper-case, email lower-case', () => {
    expect(
      checkCustomerFields(
        {
          code: ' hue-tourism ',
          name: '  Hue Tourism  ',
          timeZone: 'Asia/Ho_Chi_Minh',
          locale: 'EN',
          contactPhone: ' +84 234 382 2222 ',
          contactEmail: ' IT@Hue.Example ',
        },
        true,
      ),
    ).toEqual({
      ok: true,
      value: {
        code: 'HUE-TOURISM',
        name: 'Hue Tourism',
        timeZone: 'Asia/Ho_Chi_Minh',
        locale: 'EN',
        contactPhone: '+84 234 382 2222',
        contactEmail: 'it@hue.example',
      },
    });
  });

  it('leaves absent and null fields alone when updating; empty contacts clear them', () => {
    expect(checkCustomerFields({ name: null, contactPhone: '', contactEmail: ' ' }, false)).toEqual({
      ok: true,
      value: { contactPhone: '', contactEmail: '' },
    });
  });

  it.each<[string, CustomerFields, boolean, string[]]>([
    ['nothing, when creating', {}, true, ['code', 'name']],
    ['an empty name, when creating', { code: 'X', name: '   ' }, true, ['name']],
    ['a code with spaces', { code: 'HANOI WATER' }, false, ['code']],
    ['a code ending in a dash', { code: 'HANOI-' }, false, ['code']],
    ['a 41-character code', { code: 'A'.repeat(41) }, false, ['code']],
    ['a long name', { name: 'n'.repeat(201) }, false, ['name']],
    ['a long address', { address: 'a'.repeat(501) }, false, ['address']],
    ['an unknown time zone', { timeZone: 'Asia/Hanoi' }, false, ['timeZone']],
    ['a UTC offset as a zone', { timeZone: '+07:00' }, false, ['timeZone']],
    [
      'a bad phone and a bad email',
      { contactPhone: 'call me', contactEmail: 'it@' },
      false,
      ['contactPhone', 'contactEmail'],
    ],
  ])('refuses %s, naming each field', (_case, input, creating, fields) => {
    const result = checkCustomerFields(input, creating);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((p) => p.field)).toEqual(fields);
      expect(result.problems.every((p) => p.code === 'INVALID_INPUT' && p.message.length > 0)).toBe(true);
    }
  });

  it('accepts a 500-character address but not a 201-character province', () => {
    expect(checkCustomerFields({ address: 'a'.repeat(500) }, false).ok).toBe(true);
    expect(checkCustomerFields({ province: 'p'.repeat(201) }, false).ok).toBe(false);
  });
});
