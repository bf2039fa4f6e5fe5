import { UserErrorFields } from '../fragments';
import { graphql } from '../graphql';

/** The logged-in user's own preferences: language (also the API's module names) and email notices. */
export const ViewerUpdate = graphql(
  `
    mutation ViewerUpdate($input: ViewerUpdateInput!) {
      viewerUpdate(input: $input) {
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [UserErrorFields],
);
