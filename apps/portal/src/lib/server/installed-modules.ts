// A customer's installed modules in the console (ENGINEER, ADMIN): install, change the version, set
// the warranty, uninstall. Warranty dates are typed as days in the customer's time zone.
import { fail, type RequestEvent } from '@sveltejs/kit';
import { fromLocalInputValue, isValidTimeZone, DEFAULT_TIME_ZONE } from '@upgrade-desk/domain/time-zone';
import { UserErrorFields } from '$lib/fragments';
import { graphql } from '$lib/graphql';
import type { MessageKey } from '$lib/i18n/messages';
import { requireStaff } from '$lib/server/console-access';
import { submitMutation, textValue } from '$lib/server/form-action';

const Install = graphql(
  `
    mutation ConsoleInstalledModuleInstall($input: InstalledModuleInstallInput!) {
      installedModuleInstall(input: $input) {
        installedModule {
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

const VersionChange = graphql(
  `
    mutation ConsoleInstalledModuleVersionChange($input: InstalledModuleVersionChangeInput!) {
      installedModuleVersionChange(input: $input) {
        installedModule {
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

const WarrantySet = graphql(
  `
    mutation ConsoleInstalledModuleWarrantySet($input: InstalledModuleWarrantySetInput!) {
      installedModuleWarrantySet(input: $input) {
        installedModule {
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

const Uninstall = graphql(
  `
    mutation ConsoleInstalledModuleUninstall($id: ID!) {
      installedModuleUninstall(input: { id: $id }) {
        deletedId
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [UserErrorFields],
);

type Outcome = { done: MessageKey } | { error: MessageKey };
const DONE: Outcome = { done: 'console.customer.installedDone' };
const failedWith = ({ form }: { form: MessageKey }) => ({ installed: { error: form } satisfies Outcome });
const invalid = (error: MessageKey) => fail(400, { installed: { error } satisfies Outcome });

/**
 * A warranty end typed as a date ("2027-12-31") in the customer's zone: the instant that day
 * starts there. '' is no warranty (null); anything else unreadable is undefined.
 */
export function warrantyInstant(value: string, timeZone: string): string | null | undefined {
  if (value === '') return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  return fromLocalInputValue(value, timeZone)?.toISOString();
}

function customerZone(form: FormData): string {
  const zone = textValue(form, 'timeZone');
  return isValidTimeZone(zone) ? zone : DEFAULT_TIME_ZONE;
}

export async function install(event: RequestEvent, customerId: string) {
  requireStaff(event.locals);
  const form = await event.request.formData();
  const moduleId = textValue(form, 'moduleId');
  const version = textValue(form, 'version');
  const warrantyEndsAt = warrantyInstant(textValue(form, 'warrantyEndsAt'), customerZone(form));
  if (!moduleId) return invalid('console.customer.installError.module');
  if (warrantyEndsAt === undefined) return invalid('console.customer.installError.date');
  return submitMutation(
    event,
    Install,
    { input: { customerId, moduleId, warrantyEndsAt, ...(version ? { version } : {}) } },
    { payload: (data) => data.installedModuleInstall, done: () => ({ installed: DONE }), failed: failedWith },
  );
}

export async function changeVersion(event: RequestEvent) {
  requireStaff(event.locals);
  const form = await event.request.formData();
  return submitMutation(
    event,
    VersionChange,
    { input: { id: textValue(form, 'id'), version: textValue(form, 'version') } },
    { payload: (data) => data.installedModuleVersionChange, done: () => ({ installed: DONE }), failed: failedWith },
  );
}

export async function setWarranty(event: RequestEvent) {
  requireStaff(event.locals);
  const form = await event.request.formData();
  const warrantyEndsAt = warrantyInstant(textValue(form, 'warrantyEndsAt'), customerZone(form));
  if (warrantyEndsAt === undefined) return invalid('console.customer.installError.date');
  return submitMutation(
    event,
    WarrantySet,
    { input: { id: textValue(form, 'id'), warrantyEndsAt } },
    { payload: (data) => data.installedModuleWarrantySet, done: () => ({ installed: DONE }), failed: failedWith },
  );
}

export async function uninstall(event: RequestEvent) {
  requireStaff(event.locals);
  const id = textValue(await event.request.formData(), 'id');
  return submitMutation(
    event,
    Uninstall,
    { id },
    { payload: (data) => data.installedModuleUninstall, done: () => ({ installed: DONE }), failed: failedWith },
  );
}
