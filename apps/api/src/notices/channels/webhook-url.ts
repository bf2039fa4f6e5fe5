// Which URLs a customer may register as a webhook endpoint. The API's server POSTs to them, so
// they are checked as carefully as the input of any request the server makes on a customer's say-so.

export const WEBHOOK_URL_MAX_LENGTH = 2000;

export type WebhookUrlProblem = 'TOO_LONG' | 'NOT_A_URL' | 'NOT_HTTPS' | 'HAS_CREDENTIALS' | 'LOOPBACK';

export type WebhookUrlCheck = { ok: true; url: string } | { ok: false; problem: WebhookUrlProblem };

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * `https://` URLs only. Plain `http://` only to localhost / 127.0.0.1 when `allowLoopback` (development
 * and tests, where a receiver runs on the same machine); in production loopback hosts are refused
 * whatever the scheme, so a customer cannot aim the server at services on its own machine.
 * Credentials in the URL are refused (they would show in the delivery log; the signature is the
 * receiver's proof of origin). The URL is returned normalised (as the WHATWG URL parser writes it).
 */
export function checkWebhookUrl(input: string, options: { allowLoopback: boolean }): WebhookUrlCheck {
  const text = input.trim();
  if (text.length > WEBHOOK_URL_MAX_LENGTH) return { ok: false, problem: 'TOO_LONG' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: 'NOT_A_URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'NOT_HTTPS' };
  if (!url.hostname) return { ok: false, problem: 'NOT_A_URL' };
  if (url.username || url.password) return { ok: false, problem: 'HAS_CREDENTIALS' };
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (loopback && !options.allowLoopback) return { ok: false, problem: 'LOOPBACK' };
  if (url.protocol === 'http:' && !loopback) return { ok: false, problem: 'NOT_HTTPS' };
  url.hash = '';
  const normalised = url.href;
  if (normalised.length > WEBHOOK_URL_MAX_LENGTH) return { ok: false, problem: 'TOO_LONG' };
  return { ok: true, url: normalised };
}

export const WEBHOOK_URL_PROBLEM_MESSAGES: Readonly<Record<WebhookUrlProblem, string>> = {
  TOO_LONG: `The URL is longer than ${WEBHOOK_URL_MAX_LENGTH} characters.`,
  NOT_A_URL: 'This is not an absolute URL (it should look like https://example.com/hooks/upgrade-desk).',
  NOT_HTTPS: 'The URL must start with https:// (plain http:// is allowed only for localhost during development).',
  HAS_CREDENTIALS: 'The URL must not contain a user name or password; verify the signature header instead.',
  LOOPBACK: 'The URL must not point to localhost.',
};
