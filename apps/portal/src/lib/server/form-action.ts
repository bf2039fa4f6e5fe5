// A form action that runs one mutation: a call that fails, or a payload with userErrors, comes
// back as an ActionFailure carrying the form's message, the messages beside the fields the API
// named, and whatever the page needs to show the typed values again.
import { fail, type ActionFailure } from '@sveltejs/kit';
import type { AnyVariables, TypedDocumentNode } from '@urql/core';
import type { UserError } from '../api-types';
import type { MessageKey } from '../i18n/messages';
import { runActionQuery, runMutation, type ApiEvent } from './api';
import { userErrorMessage } from './api-errors';

/** A form's messages: `form` above the form, the others beside their fields. */
export type FormErrors<Field extends string = never> = { form: MessageKey } & Partial<Record<Field, MessageKey>>;

export interface FormMutation<Data, Payload, Result, Failure extends Record<string, unknown>, Field extends string> {
  /** The mutation's payload in the answer. */
  payload(data: Data): Payload & { userErrors: readonly UserError[] };
  /**
   * What the page gets once the mutation succeeded (or a redirect, thrown). null when the payload
   * has no result although the API named no error: shown as invalid input.
   */
  done(payload: Payload): Result | null;
  /**
   * What the page gets after a failure, e.g. `{ blackout: { values, errors } }`; `userErrors` for a
   * form whose fields the last part of a userError's `field` does not name alone (a list's entries).
   */
  failed(errors: FormErrors<Field>, userErrors: readonly UserError[]): Failure;
  /** The message beside each field the API may name as the last part of a userError's `field`. */
  fieldMessages?: Partial<Record<Field, MessageKey>>;
}

export async function submitMutation<
  Data,
  Variables extends AnyVariables,
  Payload,
  Result,
  Failure extends Record<string, unknown>,
  Field extends string = never,
>(
  event: ApiEvent,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  form: FormMutation<Data, Payload, Result, Failure, Field>,
): Promise<Result | ActionFailure<Failure>> {
  // A form may ask a question instead (a preview): its answer and userErrors are handled alike.
  const asks = document.definitions.some((d) => d.kind === 'OperationDefinition' && d.operation === 'query');
  const outcome = await (asks ? runActionQuery : runMutation)(event, document, variables);
  if (!outcome.ok) return fail(503, form.failed({ form: outcome.message } as FormErrors<Field>, []));
  const payload = form.payload(outcome.data);
  const result = payload.userErrors.length === 0 ? form.done(payload) : null;
  if (result !== null) return result;
  const errors = { form: userErrorMessage(payload.userErrors) } as FormErrors<Field>;
  for (const userError of payload.userErrors) {
    const field = userError.field?.at(-1) as Field | undefined;
    const message = field !== undefined ? form.fieldMessages?.[field] : undefined;
    if (field !== undefined && message) (errors as Partial<Record<Field, MessageKey>>)[field] = message;
  }
  return fail(400, form.failed(errors, payload.userErrors));
}

// The actions read their texts beside submitMutation; the pure form modules read them from form-data.
export { textValue } from '../form-data';
