// Writing on a module request's timeline: the same form action for the customer's request page and
// the console's.
import { fail } from '@sveltejs/kit';
import { UserErrorFields } from '../fragments';
import { graphql } from '../graphql';
import type { MessageKey } from '../i18n/messages';
import type { ApiEvent } from './api';
import { submitMutation, textValue } from './form-action';

export const COMMENT_MAX = 5_000;

const Comment = graphql(
  `
    mutation ModuleRequestComment($id: ID!, $body: String!) {
      moduleRequestComment(input: { id: $id, body: $body }) {
        moduleRequest {
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

/** The `comment` action: `{ comment: { done } }`, or `{ comment: { error, body } }` keeping what was typed. */
export async function postModuleRequestComment(event: ApiEvent & { request: Request }, id: string) {
  const body = textValue(await event.request.formData(), 'body');
  if (body.length === 0 || [...body].length > COMMENT_MAX) {
    return fail(400, { comment: { error: 'request.commentRequired' as MessageKey, body } });
  }
  return submitMutation(
    event,
    Comment,
    { id, body },
    {
      payload: (data) => data.moduleRequestComment,
      done: () => ({ comment: { done: true as const } }),
      failed: ({ form }) => ({ comment: { error: form, body } }),
    },
  );
}
