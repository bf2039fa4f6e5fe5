// The catalog forms (ADMIN): a module's bilingual texts, category and prerequisites, and a version
// to publish. Pure, for the browser and the server alike.
import { MODULE_CATEGORIES } from '@upgrade-desk/domain/module-categories';
import type { MessageKey } from '../i18n/messages';
import type { FormState } from '../kept-form';

/** The catalog's categories: the domain's list, which the API enforces. */
export { MODULE_CATEGORIES };

export const MODULE_TEXT_FIELDS = ['key', 'nameVi', 'nameEn', 'descriptionVi', 'descriptionEn', 'category'] as const;
type ModuleTextField = (typeof MODULE_TEXT_FIELDS)[number];

export type ModuleValues = Record<ModuleTextField, string> & { requiresIds: string[]; version: string };
export type ModuleField = keyof ModuleValues;

export type ModuleFormState = FormState<ModuleValues>;

export const EMPTY_MODULE: ModuleValues = {
  key: '',
  nameVi: '',
  nameEn: '',
  descriptionVi: '',
  descriptionEn: '',
  category: MODULE_CATEGORIES[0] ?? '',
  requiresIds: [],
  version: '1.0.0',
};

export const MODULE_FIELD_MESSAGES: Partial<Record<ModuleField, MessageKey>> = {
  key: 'console.modules.error.key',
  version: 'console.modules.error.version',
  requiresIds: 'console.modules.error.requires',
  nameVi: 'console.modules.error.required',
  nameEn: 'console.modules.error.required',
};

/** `creating`: the form also carries the first version. Every text but the version is required. */
export function readModuleForm(form: FormData, creating: boolean): ModuleFormState {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const values = {
    ...Object.fromEntries(MODULE_TEXT_FIELDS.map((field) => [field, text(field)])),
    requiresIds: form.getAll('requiresIds').map(String).filter(Boolean),
    version: creating ? text('version') : '',
  } as ModuleValues;
  const errors: ModuleFormState['errors'] = {};
  for (const field of MODULE_TEXT_FIELDS) if (values[field] === '') errors[field] = 'console.modules.error.required';
  if (creating && values.version === '') errors.version = 'console.modules.error.version';
  return { values, errors };
}

export interface VersionValues {
  version: string;
  releasedAt: string;
  notesVi: string;
  notesEn: string;
}

export type VersionFormState = FormState<VersionValues>;
