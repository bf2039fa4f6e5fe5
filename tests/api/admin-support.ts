// Shared by the administration tests: every demo role's login, global ids, and row lookups.
import { expect } from 'vitest';
import { ACCOUNTS, type TestApi } from './harness.ts';

export type Account = keyof typeof ACCOUNTS;
export const ALL_ACCOUNTS = Object.keys(ACCOUNTS) as Account[];

export const globalId = (type: string, rawId: string): string => Buffer.from(`${type}:${rawId}`).toString('base64');

export async function userId(api: TestApi, email: string): Promise<string> {
  const user = await api.db.prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  return user.id;
}

export async function customerId(api: TestApi, code: string): Promise<string> {
  const customer = await api.db.prisma.customer.findUniqueOrThrow({ where: { code }, select: { id: true } });
  return customer.id;
}

/**
 * Runs `mutation` as each account and returns the ones that were let through (no FORBIDDEN error).
 * A refused caller must get FORBIDDEN and no payload.
 */
export async function allowedAccounts(
  api: TestApi,
  accounts: readonly Account[],
  mutation: string,
  variables: (account: Account) => Record<string, unknown>,
): Promise<Account[]> {
  const allowed: Account[] = [];
  for (const account of accounts) {
    const token = await api.login(ACCOUNTS[account]);
    const result = await api.gql(mutation, variables(account), { token });
    const forbidden = result.errors?.some((e) => e.extensions?.code === 'FORBIDDEN');
    if (forbidden) {
      expect(result.data === null || Object.values(result.data ?? {}).every((v) => v === null), account).toBe(true);
    } else {
      expect(result.errors, account).toBeUndefined();
      allowed.push(account);
    }
  }
  return allowed;
}

let loginAddress = 0;

/** A fresh login attempt (the harness's `login` caches tokens): the token, or the userErrors' codes. */
export async function tryLogin(
  api: TestApi,
  email: string,
  password: string,
): Promise<{ token: string | null; codes: string[] }> {
  const result = await api.gql(
    'mutation ($input: SessionCreateInput!) { sessionCreate(input: $input) { token userErrors { code } } }',
    { input: { email, password } },
    { headers: { 'x-forwarded-for': `10.200.${loginAddress++ % 250}.1` } },
  );
  const payload = result.data?.sessionCreate as { token: string | null; userErrors: { code: string }[] };
  return { token: payload.token, codes: payload.userErrors.map((e) => e.code) };
}
