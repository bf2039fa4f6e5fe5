// The notice worker: every `intervalMs` (or at once when woken after a mutation), publish due
// notices, escalate overdue acknowledgements, and send due emails and webhooks. It runs inside the
// API process by default and as its own process with `pnpm dispatch`.
import type { PrismaClient } from '@upgrade-desk/db';
import { vendorContact, type Config } from '../config.ts';
import type { VendorContact } from '@upgrade-desk/domain';
import { createUnsubscribeLinkMaker } from '../unsubscribe/token.ts';
import { createEmailTransport, type EmailTransport, type NoticeEmailSettings } from './channels/email.ts';
import { createWebhookSenderFromConfig, type WebhookSender } from './channels/webhook.ts';
import { dispatchDue } from './dispatcher.ts';
import { escalateOverdue } from './escalation.ts';
import { announceOverruns } from './overrun.ts';
import type { NoticeEvents } from './events.ts';
import { sendDue } from './sender.ts';

export interface NoticeWorkerOptions {
  prisma: PrismaClient;
  events?: NoticeEvents;
  email: EmailTransport;
  webhook: WebhookSender;
  /** The notice emails' organizer and unsubscribe links. */
  noticeEmail?: NoticeEmailSettings;
  intervalMs: number;
  /** The vendor's contact closing the notices this worker writes (overrun notices). */
  vendor?: VendorContact;
  now?: () => Date;
  log?: (message: string, data?: Record<string, unknown>) => void;
}

export interface NoticeWorker {
  /** Run a round soon (after a mutation planned notices due now). */
  wake(): void;
  /** One full round, awaited (tests, the standalone process's first round). */
  runOnce(): Promise<RoundResult>;
  /** Stops after the round in flight, if any, finishes. */
  stop(): Promise<void>;
}

export interface RoundResult {
  published: number;
  dropped: number;
  escalated: number;
  delivered: number;
  emailed: number;
}

export function startNoticeWorker(options: NoticeWorkerOptions): NoticeWorker {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => {});
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<RoundResult> | undefined;
  let again = false;
  let stopped = false;

  async function round(): Promise<RoundResult> {
    const { prisma, events, email, webhook, noticeEmail } = options;
    // Overrun notices are written first, so this round's dispatch publishes them.
    await announceOverruns({ prisma, now: now(), vendor: options.vendor });
    const dispatched = await dispatchDue({ prisma, events, now: now() });
    const escalated = await escalateOverdue({ prisma, events, now: now() });
    const { deliveries, emails } = await sendDue({ prisma, email, webhook, noticeEmail, events, now: now() });
    const result = { ...dispatched, escalated, delivered: deliveries.sent, emailed: emails.sent };
    if (Object.values(result).some((n) => n > 0)) {
      log('notice worker round', { ...result });
      // API processes drop their cached responses (over Redis when the worker runs apart).
      events?.publish('dataChanged', { source: 'notice-worker' });
    }
    return result;
  }

  function runOnce(): Promise<RoundResult> {
    if (running) {
      again = true;
      return running;
    }
    running = round()
      .catch((error: unknown) => {
        // A failed round (database briefly down) is retried at the next tick; nothing was committed half-way.
        log('notice worker round failed', { error: error instanceof Error ? error.message : String(error) });
        return { published: 0, dropped: 0, escalated: 0, delivered: 0, emailed: 0 };
      })
      .finally(() => {
        running = undefined;
        if (again && !stopped) {
          again = false;
          void runOnce();
        }
      });
    return running;
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      void runOnce().finally(schedule);
    }, options.intervalMs);
  }

  schedule();
  void runOnce();

  return {
    wake: () => {
      if (!stopped) void runOnce();
    },
    runOnce,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
      await options.email.close?.();
    },
  };
}

/** The worker with the channels the configuration names (SMTP or the .eml outbox; webhooks with their timeout). */
export function startNoticeWorkerFromConfig(
  config: Config,
  deps: { prisma: PrismaClient; events?: NoticeEvents; log?: NoticeWorkerOptions['log'] },
): NoticeWorker {
  return startNoticeWorker({
    ...deps,
    email: createEmailTransport(config),
    webhook: createWebhookSenderFromConfig(config),
    noticeEmail: { from: config.MAIL_FROM, unsubscribe: createUnsubscribeLinkMaker({ config, prisma: deps.prisma }) },
    intervalMs: config.DISPATCH_INTERVAL_MS,
    vendor: vendorContact(config),
  });
}
