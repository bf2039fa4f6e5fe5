import type { Prisma, PrismaClient } from '@upgrade-desk/db';

export interface AuditEntry {
  actorId: string | null;
  /** `<entity>.<verb>`, e.g. `upgrade.reschedule`. */
  action: string;
  entityType: string;
  entityId: string;
  data?: Prisma.InputJsonObject;
  /** The request's clock (ctx.now()), so tests with a fixed clock read back what they wrote. */
  at: Date;
}

/** Records who changed what and why; written in the same transaction as the change itself. */
export async function audit(tx: Prisma.TransactionClient | PrismaClient, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({ data: { ...entry, data: entry.data ?? {} } });
}
