import { describe, expect, it } from 'vitest';
import { isPublishedVersion, targetVersionProblem, upgradeTargetVersionIssues } from './upgrade-target-versions.ts';

const PUBLISHED = ['3.2.0', '3.2.1', '3.3.0'];

describe('isPublishedVersion', () => {
  it.each([
    ['3.2.1', true],
    ['3.3', true], // the same version as 3.3.0
    ['3.3.0.0', true],
    ['3.4.0', false],
    ['9.9.9', false],
    ['v3.3.0', false],
    ['', false],
  ] as const)('%j: %s', (version, expected) => {
    expect(isPublishedVersion(version, PUBLISHED)).toBe(expected);
  });

  it('ignores entries that are not versions', () => {
    expect(isPublishedVersion('3.3.0', ['latest', '3.3.x'])).toBe(false);
  });
});

describe('targetVersionProblem', () => {
  it.each([
    ['3.3.0', null, null],
    ['3.3.0', '3.2.1', null],
    ['3.2.1', '3.2.0', null],
    ['3.3.0', '2.9', null],
    ['9.9.9', null, 'UNPUBLISHED'],
    ['9.9.9', '3.2.0', 'UNPUBLISHED'],
    ['3.2.0', '3.2.0', 'NOT_ABOVE_FROM'],
    ['3.2', '3.2.0', 'NOT_ABOVE_FROM'],
    ['3.2.0', '3.3.0', 'NOT_ABOVE_FROM'],
    ['3.3.0', 'v3.2', 'FROM_NOT_A_VERSION'],
  ] as const)('%s from %s: %s', (target, from, kind) => {
    expect(targetVersionProblem(target, PUBLISHED, from)?.kind ?? null).toBe(kind);
  });

  it('says why a from-version is not a version', () => {
    expect(targetVersionProblem('3.3.0', PUBLISHED, 'latest')).toMatchObject({
      reason: expect.stringMatching(/latest/),
    });
  });
});

describe('upgradeTargetVersionIssues', () => {
  const publishedOf = (moduleId: string) => ({ invoice: PUBLISHED, stock: ['5.6.1', '5.7.0'] })[moduleId] ?? [];
  const move = (moduleId: string, targetVersion: string | null = null, fromVersion: string | null = null) => ({
    moduleId,
    fromVersion,
    targetVersion,
  });

  it('accepts each module moving to one of its own published versions, and an upgrade without targets', () => {
    expect(
      upgradeTargetVersionIssues(null, [move('invoice', '3.3.0', '3.2.1'), move('stock', '5.7.0')], publishedOf),
    ).toEqual([]);
    expect(upgradeTargetVersionIssues(null, [move('invoice'), move('stock', null, '5.6.1')], publishedOf)).toEqual([]);
    expect(upgradeTargetVersionIssues('3.3.0', [move('invoice')], publishedOf)).toEqual([]);
  });

  it("refuses another module's version, an unknown one and one not above the from-version", () => {
    expect(
      upgradeTargetVersionIssues(
        null,
        [move('invoice', '5.7.0'), move('stock', '9.9.9'), move('other', '1.0')],
        publishedOf,
      ).map((issue) => [issue.moduleId, issue.version, issue.problem.kind]),
    ).toEqual([
      ['invoice', '5.7.0', 'UNPUBLISHED'],
      ['stock', '9.9.9', 'UNPUBLISHED'],
      ['other', '1.0', 'UNPUBLISHED'],
    ]);
    expect(upgradeTargetVersionIssues(null, [move('stock', '5.6.1', '5.7.0')], publishedOf)).toEqual([
      { moduleId: 'stock', version: '5.6.1', fromUpgrade: false, problem: { kind: 'NOT_ABOVE_FROM' } },
    ]);
  });

  it("judges the upgrade's target for every module without its own", () => {
    expect(upgradeTargetVersionIssues('3.3.0', [move('invoice'), move('stock', '5.7.0')], publishedOf)).toEqual([]);
    expect(upgradeTargetVersionIssues('3.3.0', [move('invoice', null, '3.3.0'), move('stock')], publishedOf)).toEqual([
      { moduleId: 'invoice', version: '3.3.0', fromUpgrade: true, problem: { kind: 'NOT_ABOVE_FROM' } },
      { moduleId: 'stock', version: '3.3.0', fromUpgrade: true, problem: { kind: 'UNPUBLISHED' } },
    ]);
  });

  it('still requires an upgrade target no module moves to (it is announced) to be a version of one of them', () => {
    const modules = [move('invoice', '3.3.0'), move('stock', '5.7.0')];
    expect(upgradeTargetVersionIssues('5.7.0', modules, publishedOf)).toEqual([]);
    expect(upgradeTargetVersionIssues('9.9.9', modules, publishedOf)).toEqual([
      { moduleId: null, version: '9.9.9', fromUpgrade: true, problem: { kind: 'UNPUBLISHED' } },
    ]);
  });
});
