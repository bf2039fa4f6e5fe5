import { NoticeChannel } from '@upgrade-desk/db';
import { describe, expect, it } from 'vitest';
import { CHANNEL_BY_NAME, CHANNEL_ORDER, DELIVERY_CHANNELS } from './index.ts';

describe('DELIVERY_CHANNELS', () => {
  it('has exactly one channel for every value of the NoticeChannel enum', () => {
    expect(DELIVERY_CHANNELS.map((c) => c.channel).toSorted()).toEqual(Object.values(NoticeChannel).toSorted());
    expect(CHANNEL_BY_NAME.size).toBe(DELIVERY_CHANNELS.length);
  });

  it("lists IN_APP first, as a notice's channels are listed", () => {
    expect(CHANNEL_ORDER).toEqual(['IN_APP', 'EMAIL', 'WEBHOOK']);
  });

  it('sends on every channel but IN_APP, whose delivery is the publication itself', () => {
    for (const channel of DELIVERY_CHANNELS) expect(channel.send === undefined).toBe(channel.channel === 'IN_APP');
  });
});
