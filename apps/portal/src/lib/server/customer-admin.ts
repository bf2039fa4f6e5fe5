// The console's customer forms (ADMIN): create and edit, one mutation each through submitMutation.
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { CUSTOMER_FIELD_MESSAGES, readCustomerForm, type CustomerFormState } from '../console/customer-form';
import { UserErrorFields } from '../fragments';
import { graphql } from '../graphql';
import { requireStaff } from './console-access';
import { submitMutation } from './form-action';

const CustomerCreate = graphql(
  `
    mutation ConsoleCustomerCreate($input: CustomerCreateInput!) {
      customerCreate(input: $input) {
        customer {
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

const CustomerUpdate = graphql(
  `
    mutation ConsoleCustomerUpdate($input: CustomerUpdateInput!) {
      customerUpdate(input: $input) {
        customer {
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

export const customerPath = (id: string) => `/console/customers/${encodeURIComponent(id)}`;

/** `id` null: a new customer; else that customer's changes. Success opens the customer's page. */
export async function saveCustomer(event: RequestEvent, id: string | null) {
  requireStaff(event.locals);
  const state = readCustomerForm(await event.request.formData());
  if (Object.keys(state.errors).length > 0) return fail(400, { customer: state });
  const failed = (errors: CustomerFormState['errors']) => ({
    customer: { values: state.values, errors } satisfies CustomerFormState,
  });
  const form = { failed, fieldMessages: CUSTOMER_FIELD_MESSAGES };
  if (id === null) {
    return submitMutation(
      event,
      CustomerCreate,
      { input: state.values },
      {
        ...form,
        payload: (data) => data.customerCreate,
        done: (payload) => (payload.customer ? redirect(303, customerPath(payload.customer.id)) : null),
      },
    );
  }
  return submitMutation(
    event,
    CustomerUpdate,
    { input: { id, ...state.values } },
    {
      ...form,
      payload: (data) => data.customerUpdate,
      done: (payload) => (payload.customer ? redirect(303, customerPath(payload.customer.id)) : null),
    },
  );
}

/** Every IANA zone this runtime knows (Node 20's ICU). */
export function supportedTimeZones(): string[] {
  return Intl.supportedValuesOf('timeZone');
}
