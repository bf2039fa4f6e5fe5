import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);

const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** `pglite:<dir>` (default `.data/pglite`) or `postgresql://...`. */
  DATABASE_URL: z.string().min(1).optional(),
  API_PORT: port.default(4000),
  API_HOST: z.string().default('127.0.0.1'),
  DEMO_PASSWORD: z.string().min(8).default('demo-password-2026'),
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Trust X-Forwarded-For from these peers (the portal's server calls the API on the user's behalf). */
  TRUSTED_PROXIES: z
    .string()
    .default('127.0.0.1,::1,::ffff:127.0.0.1')
    .transform((s) =>
      s
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    ),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export type Config = z.infer<typeof ConfigSchema>;

/** Reads the environment once, at start-up; a bad value stops the process with a message naming it. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  return result.data;
}
