import { describe, expect, it } from 'vitest';
import { htmlLang, parseLocale, pickLocale } from './locale';

describe('pickLocale', () => {
  it('defaults to Vietnamese', () => {
    expect(pickLocale(undefined, undefined)).toBe('VI');
  });

  it("uses the viewer's locale", () => {
    expect(pickLocale(undefined, 'EN')).toBe('EN');
  });

  it('lets the ud_locale cookie (the language switch) win', () => {
    expect(pickLocale('VI', 'EN')).toBe('VI');
    expect(pickLocale('EN', 'VI')).toBe('EN');
  });

  it('ignores a cookie value that is not a locale', () => {
    expect(pickLocale('fr', 'EN')).toBe('EN');
    expect(pickLocale('en', undefined)).toBe('VI');
  });
});

describe('locale helpers', () => {
  it('parses only VI and EN', () => {
    expect(parseLocale('EN')).toBe('EN');
    expect(parseLocale('vi')).toBeNull();
    expect(parseLocale(null)).toBeNull();
  });

  it('gives the html lang tag', () => {
    expect(htmlLang('VI')).toBe('vi');
    expect(htmlLang('EN')).toBe('en');
  });
});
