// Every channel a notice can go out on, in the order a notice's `channels` lists them and its
// deliveries are planned. A new channel is added here.
import type { NoticeChannel } from '@upgrade-desk/db';
import type { DeliveryChannel } from './channel.ts';
import { emailChannel } from './email.ts';
import { inAppChannel } from './in-app.ts';
import { webhookChannel } from './webhook.ts';

export const DELIVERY_CHANNELS: readonly DeliveryChannel[] = [inAppChannel, emailChannel, webhookChannel];

/** The channels' names in that order. */
export const CHANNEL_ORDER: readonly NoticeChannel[] = DELIVERY_CHANNELS.map((c) => c.channel);

export const CHANNEL_BY_NAME: ReadonlyMap<NoticeChannel, DeliveryChannel> = new Map(
  DELIVERY_CHANNELS.map((c) => [c.channel, c]),
);
