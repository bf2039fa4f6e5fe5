// The catalog forms (ADMIN): a module's bilingual texts, category and prerequisites, and a version
// to publish. Pure, for the browser and the server alike.
import { MODULE_CATEGORIES } from '@upgrade-desk/domain/module-categories';
import { emptyTexts, textValue, textValues } from '../form-data';
import { localizedPair, type FieldLayout, type TextFieldSpec } from '../form-fields';
import type { MessageKey } from '../i18n/messages';
import type { FormState } from '../kept-form';
import type { SelectOption } from '../select-options';

/** The catalog's categories: the domain's list, which the API enforces. */
export { MODULE_CATEGORIES };

export const MODULE_TEXT_FIELDS = ['key', 'nameVi', 'nameEn', 'descriptionVi', 'descriptionEn', 'category'] as const;
type ModuleTextField = (typeof MODULE_TEXT_FIELDS)[number];

export type ModuleValues = Record<ModuleTextField, string> & { requiresIds: string[]; version: string };
export type ModuleField = keyof ModuleValues;

export type ModuleFormState = FormState<ModuleValues>;

export const EMPTY_MODULE: ModuleValues = {
  ...emptyTexts(MODULE_TEXT_FIELDS),
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

/**
 * The module form's fields, offering the `categories` and the modules that may be required (none:
 * no such field). `creating`: with the new module's first version.
 */
export function moduleFields(
  categories: readonly SelectOption[],
  prerequisites: readonly SelectOption[],
  creating: boolean,
): FieldLayout<ModuleField> {
  return [
    [
      {
        id: 'module-key',
        name: 'key',
        label: 'console.modules.key',
        required: true,
        maxlength: 40,
        spellcheck: 'false',
        help: 'console.modules.keyHelp',
      },
      {
        id: 'module-category',
        name: 'category',
        type: 'select',
        label: 'console.modules.category',
        options: categories,
      },
    ],
    localizedPair(
      { id: 'module-name-vi', name: 'nameVi', label: 'console.modules.nameVi', required: true, maxlength: 200 },
      { id: 'module-name-en', name: 'nameEn', label: 'console.modules.nameEn' },
    ),
    localizedPair(
      {
        id: 'module-description-vi',
        name: 'descriptionVi',
        type: 'textarea',
        rows: 3,
        label: 'console.modules.descriptionVi',
        required: true,
        maxlength: 2000,
      },
      { id: 'module-description-en', name: 'descriptionEn', label: 'console.modules.descriptionEn' },
    ),
    ...(prerequisites.length > 0
      ? [
          {
            id: 'module-requires',
            name: 'requiresIds',
            type: 'checkboxes',
            label: 'console.modules.requires',
            options: prerequisites,
          } as const,
        ]
      : []),
    ...(creating ? [{ ...versionNumber, id: 'module-version', label: 'console.modules.firstVersion' } as const] : []),
  ];
}

/** A version number as the catalog forms ask for it: a new module's first one, or one to publish. */
const versionNumber = {
  name: 'version',
  required: true,
  maxlength: 30,
  spellcheck: 'false',
  help: 'console.modules.versionHelp',
} as const satisfies Omit<TextFieldSpec<'version'>, 'id' | 'label'>;

/** `creating`: the form also carries the first version. Every text but the version is required. */
export function readModuleForm(form: FormData, creating: boolean): ModuleFormState {
  const values: ModuleValues = {
    ...textValues(form, MODULE_TEXT_FIELDS),
    requiresIds: form.getAll('requiresIds').map(String).filter(Boolean),
    version: creating ? textValue(form, 'version') : '',
  };
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

/** The form that publishes a version of a module. */
export const VERSION_FIELDS: FieldLayout<keyof VersionValues> = [
  [
    { ...versionNumber, id: 'version-number', label: 'console.modules.version' },
    {
      id: 'version-released',
      name: 'releasedAt',
      type: 'datetime-local',
      label: 'console.modules.releasedAt',
      required: true,
    },
  ],
  localizedPair(
    {
      id: 'version-notes-vi',
      name: 'notesVi',
      type: 'textarea',
      rows: 3,
      label: 'console.modules.notesVi',
      required: true,
    },
    { id: 'version-notes-en', name: 'notesEn', label: 'console.modules.notesEn' },
  ),
];
