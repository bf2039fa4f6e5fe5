// The API's emails as the browser tests read them: .eml files in the stack's outbox folder.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

/** The /password/<token> path of the newest .eml to `to` (quoted-printable soft breaks undone). */
export async function passwordLinkFor(outbox: string, to: string): Promise<string> {
  let found: string | undefined;
  await expect
    .poll(
      () => {
        const files = readdirSync(outbox)
          .filter((f) => f.endsWith('.eml'))
          .sort();
        for (const file of files.reverse()) {
          const text = readFileSync(path.join(outbox, file), 'utf8').replace(/=\r?\n/g, '');
          if (!text.includes(`To: ${to}`)) continue;
          found = text.match(/\/password\/[a-z0-9]+/)?.[0];
          if (found) return true;
        }
        return false;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return found!;
}
