import { describe, expect, it } from 'vitest';
import { messages } from '../i18n/messages';
import { MODULE_CATEGORIES, readModuleForm } from './module-form';

describe('module form', () => {
  it('offers categories the portal names in both languages', () => {
    expect(MODULE_CATEGORIES.length).toBeGreaterThan(0);
    for (const category of MODULE_CATEGORIES) {
      expect(messages.vi, category).toHaveProperty([`category.${category}`]);
      expect(messages.en, category).toHaveProperty([`category.${category}`]);
    }
  });

  it('reads the bilingual texts, the prerequisites and, when creating, the first version', () => {
    const form = new FormData();
    for (const [name, value] of Object.entries({
      key: ' water-billing ',
      nameVi: 'Hóa đơn nước',
      nameEn: 'Water billing',
      descriptionVi: 'Lập hóa đơn tiền nước',
      descriptionEn: 'Water bills',
      category: 'industry',
      version: '1.0',
    }))
      form.set(name, value);
    form.append('requiresIds', 'TW9kdWxlOjE=');
    form.append('requiresIds', 'TW9kdWxlOjI=');
    const state = readModuleForm(form, true);
    expect(state.errors).toEqual({});
    expect(state.values).toMatchObject({
      key: 'water-billing',
      version: '1.0',
      requiresIds: ['TW9kdWxlOjE=', 'TW9kdWxlOjI='],
    });
    expect(readModuleForm(form, false).values.version).toBe('');
  });

  it('names each missing text', () => {
    const state = readModuleForm(new FormData(), true);
    expect(Object.keys(state.errors).sort()).toEqual(
      ['category', 'descriptionEn', 'descriptionVi', 'key', 'nameEn', 'nameVi', 'version'].sort(),
    );
  });
});
