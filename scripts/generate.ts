// `pnpm db:generate` (and `pretest`): regenerates the Prisma client only when schema.prisma
// changed since the last generation. `--force` regenerates regardless.
import { ensureGenerated } from '@upgrade-desk/db/generate';

const started = performance.now();
const { generated } = await ensureGenerated({ force: process.argv.includes('--force') });
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(generated ? `Prisma client generated (${seconds} s).` : 'Prisma client is up to date.');
