import { describe, expect, it } from 'vitest';
import {
  compareModuleVersions,
  highestModuleVersion,
  isModuleVersion,
  moduleVersionProblem,
} from './module-version.ts';

describe('isModuleVersion', () => {
  it.each(['6.4', '6.4.0', '6.4.0.12', '0.1', '10.0.0', '2026.12.1'])('accepts %s', (v) => {
    expect(isModuleVersion(v)).toBe(true);
    expect(moduleVersionProblem(v)).toBeNull();
  });
  it.each([
    '',
    '6',
    'v6.4.0',
    '6.4.0-beta.1',
    '6.4.0+build',
    '06.4',
    '6.04.0',
    '6..4',
    '6.4.',
    ' 6.4',
    '1.2.3.4.5',
    'abc',
    '6.4.x',
  ])('refuses %j with a message', (v) => {
    expect(isModuleVersion(v)).toBe(false);
    expect(moduleVersionProblem(v)).toMatch(/version/i);
  });
});

describe('compareModuleVersions', () => {
  it.each([
    ['6.4.0', '6.4.1', -1],
    ['6.10.0', '6.9.9', 1],
    ['6.4', '6.4.0', 0],
    ['6.4.0.1', '6.4.0', 1],
    ['2.0', '10.0', -1],
    ['5.2.4', '5.2.4', 0],
  ] as const)('%s vs %s', (a, b, sign) => {
    expect(Math.sign(compareModuleVersions(a, b))).toBe(sign);
    expect(Math.sign(compareModuleVersions(b, a))).toBe(-sign || 0);
  });
});

describe('highestModuleVersion', () => {
  it('picks the numerically highest, ignoring invalid ones', () => {
    expect(highestModuleVersion(['6.9.0', '6.10.0', '6.2', 'bad'])).toBe('6.10.0');
    expect(highestModuleVersion([])).toBeNull();
  });
});
