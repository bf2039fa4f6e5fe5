// The demo accounts every seed creates, one per vendor role and both roles of two customers, as
// `pnpm start` and `pnpm seed` list them, and the password they share unless DEMO_PASSWORD is set.

/** The demo accounts' password when DEMO_PASSWORD is not set (the API's config default too). */
export const DEMO_PASSWORD = 'demo-password-2026';

export interface DemoAccount {
  email: string;
  role: string;
  customer?: string;
}

export const DEMO_ACCOUNTS = [
  { email: 'admin@vendor.example', role: 'ADMIN' },
  { email: 'engineer@vendor.example', role: 'ENGINEER' },
  { email: 'care@vendor.example', role: 'CUSTOMER_CARE' },
  { email: 'impl@vendor.example', role: 'IMPLEMENTATION' },
  { email: 'admin@hanoi-water.example', role: 'CUSTOMER_ADMIN', customer: 'HANOI-WATER' },
  { email: 'user@hanoi-water.example', role: 'CUSTOMER_USER', customer: 'HANOI-WATER' },
  { email: 'admin@saigon-garment.example', role: 'CUSTOMER_ADMIN', customer: 'SAIGON-GARMENT' },
  { email: 'user@saigon-garment.example', role: 'CUSTOMER_USER', customer: 'SAIGON-GARMENT' },
] as const satisfies readonly DemoAccount[];

/** One line per account: email, role and customer, aligned. */
export function demoAccountLines(): string[] {
  return DEMO_ACCOUNTS.map(
    (account) => `${account.email.padEnd(31)}${account.role}${'customer' in account ? `, ${account.customer}` : ''}`,
  );
}
