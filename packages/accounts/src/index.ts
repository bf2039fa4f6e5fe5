// @upgrade-desk/accounts: how passwords are stored and checked, and the demo accounts every seed
// creates. Used by the API (sign-in), the seeds and the tests, so it sits below all of them.
export { hashPassword, verifyPassword } from './password.ts';
export { DEMO_ACCOUNTS, DEMO_PASSWORD, demoAccountLines, type DemoAccount } from './demo-accounts.ts';
