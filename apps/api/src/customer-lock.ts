import type { Prisma } from '@upgrade-desk/db';

/**
 * Serialises a check-then-insert for one customer (a cap, "already asked for"): the customer's row
 * stays locked until the transaction ends, so a concurrent writer waits and then sees this one's row.
 */
export async function lockCustomer(tx: Prisma.TransactionClient, customerId: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM "Customer" WHERE id = ${customerId}::uuid FOR UPDATE`;
}
