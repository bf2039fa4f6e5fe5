import type { Locale } from '@upgrade-desk/db';
import { emailLayoutHtml, escapeHtml } from '../notices/channels/email.ts';
import { UNSUBSCRIBE_TEXTS } from './texts.ts';

/** The form field a page button sends to turn notice emails back on (a one-click POST sends none). */
export const RESUBSCRIBE_FIELD = 'resubscribe';

/**
 * The page at an unsubscribe link, in the user's language: their current setting and one button
 * that changes it (a POST to the same URL). Self-contained: no script, no external asset.
 */
export function unsubscribePage(user: { email: string; locale: Locale; emailNotifications: boolean }): string {
  const texts = UNSUBSCRIBE_TEXTS[user.locale];
  const state = user.emailNotifications ? texts.on : texts.off;
  const field = user.emailNotifications ? 'List-Unsubscribe' : RESUBSCRIBE_FIELD;
  const value = user.emailNotifications ? 'One-Click' : 'yes';
  return emailLayoutHtml({
    documentTitle: texts.title,
    heading: state.heading,
    body: `${state.body(user.email)}\n\n${texts.stillReached}`,
    locale: user.locale,
    // An empty action posts back to this very URL, token included.
    extraHtml:
      `<form method="post" action=""><input type="hidden" name="${field}" value="${value}">` +
      `<button type="submit" style="font: inherit; padding: 8px 16px; border: 1px solid #334e68; border-radius: 4px; background: #334e68; color: #fff; cursor: pointer;">` +
      `${escapeHtml(state.button)}</button></form>`,
  });
}
