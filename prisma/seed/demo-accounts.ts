// The demo accounts every seed creates (password: DEMO_PASSWORD), one per vendor role and both roles
// of two customers, as `pnpm start` and `pnpm seed` list them.

export const DEMO_ACCOUNTS = [
  { email: 'admin@vendor.example', role: 'ADMIN' },
  { email: 'engineer@vendor.example', role: 'ENGINEER' },
  { email: 'care@vendor.example', role: 'CUSTOMER_CARE' },
  { email: 'impl@vendor.example', role: 'IMPLEMENTATION' },
  { email: 'admin@hanoi-water.example', role: 'CUSTOMER_ADMIN', customer: 'HANOI-WATER' },
  { email: 'user@hanoi-water.example', role: 'CUSTOMER_USER', customer: 'HANOI-WATER' },
  { email: 'admin@saigon-garment.example', role: 'CUSTOMER_ADMIN', customer: 'SAIGON-GARMENT' },
  { email: 'user@saigon-garment.example', role: 'CUSTOMER_USER', customer: 'SAIGON-GARMENT' },
] as const satisfies readonly { email: string; role: string; customer?: string }[];

/** One line per account: email, role and customer, aligned. */
export function demoAccountLines(): string[] {
  return DEMO_ACCOUNTS.map(
    (account) => `${account.email.padEnd(31)}${account.role}${'customer' in account ? `, ${account.customer}` : ''}`,
  );
}
