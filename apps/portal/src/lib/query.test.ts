import { describe, expect, it } from 'vitest';
import { queryString } from './query';

describe('queryString', () => {
  it('keeps the given parameters in order and drops empty ones', () => {
    expect(queryString({ kind: 'FIX', view: null, month: '2026-12', after: undefined, stage: '' })).toBe(
      'kind=FIX&month=2026-12',
    );
    expect(queryString({ after: 'a/b=' })).toBe('after=a%2Fb%3D');
    expect(queryString({})).toBe('');
  });
});
