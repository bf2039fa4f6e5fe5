import { describe, expect, it } from 'vitest';
import {
  checkComment,
  checkModuleRequestDraft,
  checkStageNote,
  type ModuleRequestDraft,
} from './module-request-input.ts';

const draft = (overrides: Partial<ModuleRequestDraft> = {}): ModuleRequestDraft => ({
  kind: 'NEW_MODULE',
  title: '  Quản lý cổ đông  ',
  description: '  Sổ cổ đông và chia cổ tức.\n',
  module: { key: 'shareholders', requires: ['accounting', 'fixed-assets'] },
  installed: new Set(['accounting', 'sales']),
  openNewModuleRequests: new Set(),
  ...overrides,
});

describe('checkModuleRequestDraft', () => {
  it('accepts a new module the customer lacks, trims the texts and names the missing prerequisites', () => {
    expect(checkModuleRequestDraft(draft())).toEqual({
      ok: true,
      value: {
        title: 'Quản lý cổ đông',
        description: 'Sổ cổ đông và chia cổ tức.',
        missingPrerequisites: ['fixed-assets'],
      },
    });
  });

  it.each([
    ['no module', { module: null }, 'INVALID_INPUT', 'moduleId'],
    ['a module already installed', { installed: new Set(['shareholders']) }, 'INVALID_INPUT', 'moduleId'],
    ['a module already asked for', { openNewModuleRequests: new Set(['shareholders']) }, 'CONFLICT', 'moduleId'],
  ] as const)('refuses a NEW_MODULE with %s', (_case, overrides, code, field) => {
    const result = checkModuleRequestDraft(draft(overrides));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => [p.code, p.field])).toEqual([[code, field]]);
  });

  it('takes an EXTENSION of an installed module or of none, never of a module not installed', () => {
    const extension = { kind: 'EXTENSION' as const, module: { key: 'accounting', requires: [] } };
    expect(checkModuleRequestDraft(draft(extension))).toMatchObject({ ok: true, value: { missingPrerequisites: [] } });
    expect(checkModuleRequestDraft(draft({ ...extension, module: null })).ok).toBe(true);
    const result = checkModuleRequestDraft(draft({ ...extension, module: { key: 'crm', requires: [] } }));
    expect(result).toMatchObject({ ok: false, problems: [{ code: 'INVALID_INPUT', field: 'moduleId' }] });
  });

  it.each([
    ['an empty title', { title: '   ' }, 'title'],
    ['a title of 201 characters', { title: 'x'.repeat(201) }, 'title'],
    ['a description of 10,001 characters', { description: 'x'.repeat(10_001) }, 'description'],
  ])('refuses %s', (_case, overrides, field) => {
    expect(checkModuleRequestDraft(draft(overrides))).toMatchObject({
      ok: false,
      problems: [{ code: 'INVALID_INPUT', field }],
    });
  });

  it('counts characters, not UTF-16 units, and allows the limits exactly', () => {
    expect(checkModuleRequestDraft(draft({ title: 'ệ'.repeat(200), description: '' })).ok).toBe(true);
    expect(checkModuleRequestDraft(draft({ title: '😀'.repeat(200) })).ok).toBe(true);
    expect(checkModuleRequestDraft(draft({ description: 'x'.repeat(10_000) })).ok).toBe(true);
  });

  it('reports every problem at once', () => {
    const result = checkModuleRequestDraft(draft({ title: '', description: 'x'.repeat(10_001), module: null }));
    expect(result.ok ? [] : result.problems.map((p) => p.field)).toEqual(['title', 'description', 'moduleId']);
  });
});

describe('notes and comments', () => {
  it('treats a blank note as none and trims the rest', () => {
    expect(checkStageNote('  ')).toEqual({ ok: true, value: null });
    expect(checkStageNote(undefined)).toEqual({ ok: true, value: null });
    expect(checkStageNote(' Hợp đồng đã ký. ')).toEqual({ ok: true, value: 'Hợp đồng đã ký.' });
    expect(checkStageNote('x'.repeat(5_001))).toMatchObject({ ok: false, problems: [{ field: 'note' }] });
  });

  it('needs a comment to say something', () => {
    expect(checkComment(' ')).toMatchObject({ ok: false, problems: [{ code: 'INVALID_INPUT', field: 'body' }] });
    expect(checkComment(' Xin thêm một buổi đào tạo. ')).toEqual({ ok: true, value: 'Xin thêm một buổi đào tạo.' });
    expect(checkComment('x'.repeat(5_001)).ok).toBe(false);
  });
});
