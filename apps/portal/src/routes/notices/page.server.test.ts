import { isActionFailure } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import type { InboxNotice } from '$lib/live/live-notice';
import { connection, fakeEvent } from '../../../tests/fake-event';
import { _selectedIds, actions, load } from './+page.server';
import type { PageServerData } from './$types';

function notice(id: string, overrides: Partial<InboxNotice> = {}): InboxNotice {
  return {
    id,
    stage: 'ANNOUNCEMENT',
    title: `Notice ${id}`,
    body: 'Body',
    publishedAt: '2026-11-20T03:00:00.000Z',
    requiresAcknowledgement: true,
    acknowledgeBy: '2026-12-01T03:00:00.000Z',
    acknowledgedAt: null,
    acknowledgedBy: null,
    upgrade: { id: 'u1', title: 'Upgrade', kind: 'FEATURE' },
    ...overrides,
  };
}

describe('notices load', () => {
  it('puts the unacknowledged first and keeps them out of the other list', async () => {
    const awaiting = [notice('a'), notice('b')];
    const read = notice('c', { acknowledgedAt: '2026-11-21T00:00:00.000Z', acknowledgedBy: { name: 'An' } });
    const { event, calls } = fakeEvent({
      url: '/notices?stage=ANNOUNCEMENT',
      answers: { Inbox: { data: { awaiting: connection(awaiting), all: connection([awaiting[1]!, read], true) } } },
    });
    const data = (await load(event)) as PageServerData;
    expect(data.awaiting.map((n) => n.id)).toEqual(['a', 'b']);
    expect(data.others.map((n) => n.id)).toEqual(['c']);
    expect(data.next).toBe('cursor-1');
    expect(data.stage).toBe('ANNOUNCEMENT');
    expect(calls[0]?.variables).toMatchObject({ stages: ['ANNOUNCEMENT'], after: null });
    // Every API call carries the bearer token, the CSRF header and the user's address.
    expect(calls[0]?.headers.get('authorization')).toBe('Bearer session-token');
    expect(calls[0]?.headers.get('x-upgrade-desk-csrf')).toBe('1');
    expect(calls[0]?.headers.get('x-forwarded-for')).toBe('203.0.113.7');
  });

  it('ignores a stage that is not one', async () => {
    const { event, calls } = fakeEvent({
      url: '/notices?stage=BOGUS',
      answers: { Inbox: { data: { awaiting: connection([]), all: connection([]) } } },
    });
    await load(event);
    expect(calls[0]?.variables.stages).toBeNull();
  });

  it('shows the error page in words when the API is down', async () => {
    const { event } = fakeEvent({
      url: '/notices',
      answers: { Inbox: new Response('Bad gateway', { status: 502 }) },
    });
    await expect(load(event)).rejects.toMatchObject({ status: 503 });
  });

  it('sends an ended session to the login page', async () => {
    const { event } = fakeEvent({
      url: '/notices',
      answers: { Inbox: { errors: [{ message: 'Not logged in', extensions: { code: 'UNAUTHENTICATED' } }] } },
    });
    await expect(load(event)).rejects.toMatchObject({ status: 303, location: '/login?redirectTo=%2Fnotices' });
  });
});

describe('acknowledge action', () => {
  const acknowledged = (ids: string[]) => ({
    data: {
      noticeAcknowledge: { notices: ids.map((id) => ({ id, acknowledgedAt: '2026-11-28T00:00:00Z' })), userErrors: [] },
    },
  });

  it('acknowledges the notice whose button was pressed', async () => {
    const { event, calls } = fakeEvent({
      url: '/notices?/acknowledge',
      form: { only: 'a', ids: ['b', 'c'] },
      answers: { NoticeAcknowledge: (variables) => acknowledged(variables.ids as string[]) },
    });
    expect(await actions.acknowledge!(event)).toEqual({ ack: { count: 1 } });
    expect(calls[0]?.variables).toEqual({ ids: ['a'] });
  });

  it('acknowledges the ticked ones', async () => {
    const { event, calls } = fakeEvent({
      url: '/notices?/acknowledge',
      form: { ids: ['b', 'c', 'b'] },
      answers: { NoticeAcknowledge: (variables) => acknowledged(variables.ids as string[]) },
    });
    expect(await actions.acknowledge!(event)).toEqual({ ack: { count: 2 } });
    expect(calls[0]?.variables).toEqual({ ids: ['b', 'c'] });
  });

  it('asks for a selection when nothing was ticked', async () => {
    const { event, calls } = fakeEvent({ url: '/notices?/acknowledge', form: {}, answers: {} });
    const result = await actions.acknowledge!(event);
    expect(isActionFailure(result) && result.status).toBe(400);
    expect(result).toMatchObject({ data: { ack: { error: 'notices.nothingSelected' } } });
    expect(calls).toHaveLength(0);
  });

  it("words the API's business errors", async () => {
    const { event } = fakeEvent({
      url: '/notices?/acknowledge',
      form: { only: 'x' },
      answers: {
        NoticeAcknowledge: {
          data: {
            noticeAcknowledge: {
              notices: null,
              userErrors: [{ code: 'NOT_FOUND', message: 'No such notice.', field: null }],
            },
          },
        },
      },
    });
    expect(await actions.acknowledge!(event)).toMatchObject({
      status: 400,
      data: { ack: { error: 'form.error.NOT_FOUND' } },
    });
  });
});

describe('_selectedIds', () => {
  it('prefers the pressed button, then the ticked boxes without duplicates', () => {
    const form = new FormData();
    form.append('ids', 'a');
    form.append('ids', 'a');
    form.append('ids', 'b');
    expect(_selectedIds(form)).toEqual(['a', 'b']);
    form.append('only', 'z');
    expect(_selectedIds(form)).toEqual(['z']);
  });
});
