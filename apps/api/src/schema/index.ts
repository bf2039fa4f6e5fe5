import { builder } from './builder.ts';
import './scalars.ts';
import './enums.ts';
import './user-error.ts';
import './user.ts';
import './user-admin.ts';
import './session.ts';
import './api-token.ts';
import './customer.ts';
import './customer-admin.ts';
import './module.ts';
import './installed-module.ts';
import './module-admin.ts';
import './blackout-window.ts';
import './notice-policy.ts';
import './upgrade.ts';
import './upgrade-acknowledgements.ts';
import './window-proposal.ts';
import './notice.ts';
import './notice-advisory.ts';
import './notice-call.ts';
import './module-request.ts';
import './activity.ts';
import './webhook-endpoint.ts';
import './calendar.ts';
import './subscription.ts';
import './staff-alert.ts';

builder.queryType({
  // Anonymous callers reach only `viewer` (null) and `sessionCreate`.
  authScopes: { loggedIn: true },
});
builder.mutationType({
  // Mutations need a logged-in caller whose credential may write (a READ-scoped API token may not).
  authScopes: { $all: { loggedIn: true, write: true } },
});

export const schema = builder.toSchema({ sortSchema: false });
