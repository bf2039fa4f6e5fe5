import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '@upgrade-desk/db';

// Keys the server makes for itself when the configuration gives none: generated once, stored in the
// database, so every API process and notice worker on that database uses the same one and it
// survives restarts. Setting the key in the configuration replaces it; deleting the row makes a new
// one (which invalidates whatever was signed with the old one).

const SECRET_BYTES = 32;

const loaded = new WeakMap<PrismaClient, Map<string, Promise<string>>>();

async function readOrCreate(prisma: PrismaClient, name: string): Promise<string> {
  // Inserted only while absent: concurrent first uses (two processes starting) agree on one value.
  await prisma.serverSecret.createMany({
    data: [{ name, value: randomBytes(SECRET_BYTES).toString('base64url') }],
    skipDuplicates: true,
  });
  const row = await prisma.serverSecret.findUniqueOrThrow({ where: { name } });
  return row.value;
}

/** The named secret of this database, created on first use, then read once per process. */
export function serverSecret(prisma: PrismaClient, name: string): Promise<string> {
  let secrets = loaded.get(prisma);
  if (!secrets) loaded.set(prisma, (secrets = new Map()));
  let secret = secrets.get(name);
  if (!secret) {
    secret = readOrCreate(prisma, name);
    // A failed read (database briefly down) is not remembered: the next use tries again.
    secret.catch(() => secrets.delete(name));
    secrets.set(name, secret);
  }
  return secret;
}
