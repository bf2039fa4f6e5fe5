// The portal's configuration: read once from the environment, validated here, and
// nowhere else. A bad value stops the server at start-up (hooks.server.ts imports
// this module) with a message naming the variable.
import { env } from '$env/dynamic/private';
import { z } from 'zod';

const schema = z.object({
  API_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. http://127.0.0.1:4000/graphql' })
    .default('http://127.0.0.1:4000/graphql'),
});

export interface PortalConfig {
  /** The GraphQL endpoint of apps/api, reached from the portal's server only. */
  apiUrl: string;
}

export function parseConfig(source: Record<string, string | undefined>): PortalConfig {
  const parsed = schema.safeParse({ API_URL: source.API_URL || undefined });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid portal configuration: ${problems.join('; ')}`);
  }
  return { apiUrl: parsed.data.API_URL };
}

export const config: PortalConfig = parseConfig(env);
