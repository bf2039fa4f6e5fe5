// The console's catalog forms (ADMIN): create and edit a module, publish a version.
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { fromLocalInputValue } from '@upgrade-desk/domain/time-zone';
import {
  MODULE_FIELD_MESSAGES,
  readModuleForm,
  type ModuleFormState,
  type VersionFormState,
  type VersionValues,
} from '../console/module-form';
import { UserErrorFields } from '../fragments';
import { graphql } from '../graphql';
import type { MessageKey } from '../i18n/messages';
import { requireStaff, STAFF_TIME_ZONE_COOKIE, staffTimeZone } from './console-access';
import { submitMutation, textValue } from './form-action';

const ModuleCreate = graphql(
  `
    mutation ConsoleModuleCreate($input: ModuleCreateInput!) {
      moduleCreate(input: $input) {
        module {
          id
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [UserErrorFields],
);

const ModuleUpdate = graphql(
  `
    mutation ConsoleModuleUpdate($input: ModuleUpdateInput!) {
      moduleUpdate(input: $input) {
        module {
          id
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [UserErrorFields],
);

const VersionPublish = graphql(
  `
    mutation ConsoleModuleVersionPublish($input: ModuleVersionPublishInput!) {
      moduleVersionPublish(input: $input) {
        moduleVersion {
          version
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [UserErrorFields],
);

export const modulePath = (id: string) => `/console/modules/${encodeURIComponent(id)}`;

/** `id` null: a new module with its first version, which then opens; else that module's changes. */
export async function saveModule(event: RequestEvent, id: string | null) {
  requireStaff(event.locals);
  const state = readModuleForm(await event.request.formData(), id === null);
  if (Object.keys(state.errors).length > 0) return fail(400, { module: state });
  const failed = (errors: ModuleFormState['errors']) => ({
    module: { values: state.values, errors } satisfies ModuleFormState,
  });
  const { version, ...fields } = state.values;
  if (id === null) {
    return submitMutation(
      event,
      ModuleCreate,
      { input: { ...fields, version } },
      {
        failed,
        fieldMessages: MODULE_FIELD_MESSAGES,
        payload: (data) => data.moduleCreate,
        done: (payload) => (payload.module ? redirect(303, modulePath(payload.module.id)) : null),
      },
    );
  }
  return submitMutation(
    event,
    ModuleUpdate,
    { input: { id, ...fields } },
    {
      failed,
      fieldMessages: MODULE_FIELD_MESSAGES,
      payload: (data) => data.moduleUpdate,
      done: () => ({ module: { done: 'console.modules.saved' as MessageKey } }),
    },
  );
}

/** The release time is typed in the staff member's own zone. */
export async function publishVersion(event: RequestEvent, moduleId: string) {
  requireStaff(event.locals);
  const form = await event.request.formData();
  const values: VersionValues = {
    version: textValue(form, 'version'),
    releasedAt: textValue(form, 'releasedAt'),
    notesVi: textValue(form, 'notesVi'),
    notesEn: textValue(form, 'notesEn'),
  };
  const errors: VersionFormState['errors'] = {};
  if (values.version === '') errors.version = 'console.modules.error.version';
  const releasedAt = fromLocalInputValue(values.releasedAt, staffTimeZone(event.cookies.get(STAFF_TIME_ZONE_COOKIE)));
  if (!releasedAt) errors.releasedAt = 'console.modules.error.releasedAt';
  if (values.notesVi === '') errors.notesVi = 'console.modules.error.required';
  if (values.notesEn === '') errors.notesEn = 'console.modules.error.required';
  if (Object.keys(errors).length > 0 || !releasedAt) return fail(400, { version: { values, errors } });
  return submitMutation(
    event,
    VersionPublish,
    { input: { moduleId, ...values, releasedAt: releasedAt.toISOString() } },
    {
      failed: (problems): { version: VersionFormState } => ({ version: { values, errors: problems } }),
      fieldMessages: { version: 'console.modules.error.version' },
      payload: (data) => data.moduleVersionPublish,
      done: () => ({ version: { done: 'console.modules.published' as MessageKey } }),
    },
  );
}
