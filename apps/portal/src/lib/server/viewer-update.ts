import { gql } from '@urql/core';
import type { Locale, UserError } from '../api-types';

/** The logged-in user's own preferences: language (also the API's module names) and email notices. */
export const ViewerUpdate = gql<
  { viewerUpdate: { userErrors: UserError[] } },
  { input: { locale?: Locale; emailNotifications?: boolean } }
>`
  mutation ViewerUpdate($input: ViewerUpdateInput!) {
    viewerUpdate(input: $input) {
      userErrors {
        code
        message
        field
      }
    }
  }
`;
