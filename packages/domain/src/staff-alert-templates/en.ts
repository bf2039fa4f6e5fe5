import { paragraphs } from '../notice-templates/catalog.ts';
import type { StaffAlertCatalog, StaffAlertContext } from './catalog.ts';

const by = (c: StaffAlertContext) => (c.by ? ` (${c.by})` : '');

export const en: StaffAlertCatalog = {
  alert: {
    MODULE_REQUEST_CREATED: (c) => ({
      title: `New request from ${c.customer}: ${c.subject}`,
      body: paragraphs(
        `${c.customer}${by(c)} has sent a request for ${c.request ?? ''}: “${c.subject}”.`,
        c.missingPrerequisites?.length
          ? `The customer lacks required modules: ${c.missingPrerequisites.join(', ')}.`
          : undefined,
        'Please send a consultant to talk the request through with the customer.',
      ),
    }),
    CUSTOMER_COMMENT: (c) => ({
      title: `${c.customer} commented on “${c.subject}”`,
      body: paragraphs(`${c.customer}${by(c)} wrote:`, c.text),
    }),
    COUNTER_PROPOSAL: (c) => ({
      title: `${c.customer} proposes another window for “${c.subject}”`,
      body: paragraphs(
        `${c.customer}${by(c)} proposes another upgrade window: ${c.when ?? ''}.`,
        c.text ? `Reason: ${c.text}` : undefined,
        'Please review it and answer the customer.',
      ),
    }),
    ACKNOWLEDGEMENT_OVERDUE: (c) => ({
      title: `Acknowledgement overdue: ${c.customer} – ${c.subject}`,
      body: paragraphs(
        `${c.customer} has not acknowledged the notice "${c.subject}".`,
        `Deadline: ${c.when ?? ''}.`,
        'Please contact the customer to confirm before the upgrade goes ahead.',
      ),
    }),
    DELIVERY_FAILED: (c) => ({
      title: `Notice delivery failed: ${c.customer} – ${c.subject}`,
      body: paragraphs(
        `The notice "${c.subject}" could not be delivered (${c.channel ?? ''}) after ${c.attempts ?? 0} attempts; it will not be retried.`,
        c.text ? `Last error: ${c.text}` : undefined,
        'Please tell the customer another way and check the recipient.',
      ),
    }),
  },
  channel: (channel, recipient) =>
    channel === 'WEBHOOK' ? `webhook to ${recipient}` : channel === 'EMAIL' ? `email to ${recipient}` : recipient,
  emailSubject: (title) => `[Customer alert] ${title}`,
  emailText: (body) =>
    paragraphs('Hello,', body, 'See it and mark it read in your alerts inbox in the Upgrade Desk console.'),
};
