import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bearerToken } from './authenticate.ts';
import { generateToken, hashToken } from './token.ts';
import { canWrite, isStaff, type Viewer } from './viewer.ts';

describe('generateToken', () => {
  it('gives 160 random bits in lower-case base32, with the prefix asked for', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => generateToken()));
    expect(tokens.size).toBe(200);
    for (const token of tokens) expect(token).toMatch(/^[a-z2-7]{32}$/);
    expect(generateToken('udt_')).toMatch(/^udt_[a-z2-7]{32}$/);
  });
});

describe('hashToken', () => {
  it('is the hex SHA-256 of the token', () => {
    expect(hashToken('abc')).toBe(createHash('sha256').update('abc').digest('hex'));
    expect(hashToken('abc')).not.toBe(hashToken('abd'));
  });
});

describe('bearerToken', () => {
  it.each([
    ['Bearer abc123', 'abc123'],
    ['bearer   abc123  ', 'abc123'],
    ['Basic abc123', null],
    ['Bearer', null],
    ['Bearer a b', null],
    [null, null],
  ])('%j -> %j', (header, expected) => {
    expect(bearerToken(header)).toBe(expected);
  });
});

describe('roles', () => {
  const viewer = (role: Viewer['role'], credential: Viewer['credential']): Viewer => ({
    userId: 'u',
    role,
    locale: 'VI',
    customerId: role.startsWith('CUSTOMER_') && role !== 'CUSTOMER_CARE' ? 'c' : null,
    credential,
  });
  const session = { kind: 'SESSION', sessionId: 's' } as const;

  it('counts the four vendor roles as staff', () => {
    expect(
      ['CUSTOMER_CARE', 'IMPLEMENTATION', 'ENGINEER', 'ADMIN'].every((r) =>
        isStaff(viewer(r as Viewer['role'], session)),
      ),
    ).toBe(true);
    expect(isStaff(viewer('CUSTOMER_ADMIN', session))).toBe(false);
    expect(isStaff(null)).toBe(false);
  });

  it('lets a READ token read only', () => {
    expect(canWrite(viewer('ADMIN', session))).toBe(true);
    expect(canWrite(viewer('ADMIN', { kind: 'API_TOKEN', tokenId: 't', scopes: ['READ'] }))).toBe(false);
    expect(canWrite(viewer('ADMIN', { kind: 'API_TOKEN', tokenId: 't', scopes: ['READ', 'WRITE'] }))).toBe(true);
    expect(canWrite(null)).toBe(false);
  });
});
