import { describe, expect, it } from 'vitest';
import { ROLES } from '../api-types';
import { messages, plural, roleLabel, t, texts, tOr, type MessageKey } from './messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalog', () => {
  it('has the same keys in Vietnamese and English', () => {
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.vi).sort());
  });

  it('has no empty text', () => {
    for (const catalog of [messages.vi, messages.en]) {
      for (const [key, text] of Object.entries(catalog)) expect(text.trim(), key).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(messages.vi) as MessageKey[]) {
      expect(placeholders(messages.en[key]), key).toEqual(placeholders(messages.vi[key]));
    }
  });

  it('names every role in both languages, each apart from the others', () => {
    for (const locale of ['VI', 'EN'] as const) {
      const titles = ROLES.map((role) => roleLabel(locale, role));
      for (const title of titles) expect(title.trim(), locale).not.toBe('');
      expect(new Set(titles).size, locale).toBe(ROLES.length);
    }
    for (const role of ROLES) expect(roleLabel('EN', role)).not.toBe(roleLabel('VI', role));
    expect(roleLabel('VI', 'IMPLEMENTATION')).toBe('Triển khai (TK)');
    expect(roleLabel('EN', 'CUSTOMER_ADMIN')).toBe('Customer administrator');
  });
});

describe('t', () => {
  it('picks the language and fills placeholders', () => {
    expect(t('VI', 'dashboard.greeting', { name: 'An' })).toBe('Xin chào, An');
    expect(t('EN', 'dashboard.greeting', { name: 'An' })).toBe('Hello, An');
    expect(t('EN', 'error.status', { status: 404 })).toBe('Error 404');
  });

  it('leaves unknown placeholders visible rather than blank', () => {
    expect(t('EN', 'dashboard.greeting')).toBe('Hello, {name}');
  });
});

describe('plural', () => {
  it('picks the English form by count and keeps one Vietnamese form', () => {
    expect(plural('EN', 'common.minutes', 1)).toBe('1 minute');
    expect(plural('EN', 'common.minutes', 30)).toBe('30 minutes');
    expect(plural('VI', 'common.minutes', 1)).toBe('1 phút');
    expect(plural('VI', 'common.minutes', 30)).toBe('30 phút');
  });

  it('has both forms for every plural key', () => {
    for (const key of Object.keys(messages.vi)) {
      const other = key.replace(/\.one$/, '.other');
      const one = key.replace(/\.other$/, '.one');
      expect(other in messages.vi && one in messages.vi, key).toBe(true);
    }
  });
});

describe('tOr', () => {
  it('translates known keys built from API data and falls back for new ones', () => {
    expect(tOr('EN', 'category.finance', 'finance')).toBe('Finance and accounting');
    expect(tOr('VI', 'category.robotics', 'robotics')).toBe('robotics');
  });
});

describe('texts', () => {
  it('gives the text of each key under the prefix in the locale, in the order of the names', () => {
    expect(texts('EN', 'settings', ['tokenName', 'tokenScopes'])).toEqual(['Name', 'Rights']);
    expect(texts('VI', 'settings', ['tokenScopes', 'tokenName'])).toEqual(['Quyền', 'Tên gợi nhớ']);
  });
});
